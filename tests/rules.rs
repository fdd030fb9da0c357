//! Every rule's fixtures and documented examples, run through the whole pipeline.
//!
//! Fixtures live next to each rule area in `src/rules/<area>/fixtures/` and are named
//! `<slug>.fail.yaml` / `<slug>.pass.yaml` (more variants: `<slug>.fail.2.yaml`, ...). A line
//! of a failing fixture that carries `# expect: RULE-ID` is where that rule must report; the
//! rule must report nowhere else in that file, and nowhere in a passing fixture.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use palisade::rules::{self, Rule};
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

fn fixture_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut out = Vec::new();
    for area in std::fs::read_dir(&root).unwrap() {
        let dir = area.unwrap().path().join("fixtures");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries {
                out.push(e.unwrap().path());
            }
        }
    }
    out.sort();
    out
}

/// (slug, is_fail) from `slug.fail[.N].ext`.
fn classify(path: &Path) -> (String, bool) {
    let name = path.file_name().unwrap().to_str().unwrap();
    let (slug, rest) = name.split_once('.').unwrap_or_else(|| panic!("fixture name without kind: {name}"));
    let is_fail = rest.starts_with("fail");
    assert!(is_fail || rest.starts_with("pass"), "fixture {name}: expected `<slug>.fail…` or `<slug>.pass…`");
    (slug.to_string(), is_fail)
}

/// Lines that carry `# expect: ID[, ID]` for `id`.
fn expected_lines(text: &str, id: &str) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, rest)) = line.split_once("# expect:")
            // JSON fixtures write the marker as a member name: `"# expect: ID": 0,`.
            && rest.split('"').next().unwrap_or_default().split(',').any(|s| s.trim() == id)
        {
            out.insert(i as u32 + 1);
        }
    }
    out
}

/// Lines where `rule` reports on `text`.
fn reported_lines(rule: &Rule, name: &str, text: &str) -> BTreeSet<u32> {
    let opts = ScanOptions { select: vec![rule.meta.id.to_string()], ..ScanOptions::default() };
    let report = scan_source(SourceFile::new(name, text.to_string()), &opts).unwrap();
    assert!(report.diagnostics.iter().all(|d| !d.is_error()), "{name}: {:?}", report.diagnostics);
    assert_eq!(report.files_scanned, 1, "{name} was not recognised as a template");
    report.findings.iter().filter(|f| f.rule.id == rule.meta.id).map(|f| f.location.span.line).collect()
}

fn check(rule: &Rule, name: &str, text: &str, is_fail: bool) -> Result<(), String> {
    let got = reported_lines(rule, name, text);
    let want = if is_fail { expected_lines(text, &rule.meta.id) } else { BTreeSet::new() };
    if is_fail && want.is_empty() {
        return Err(format!("{name}: failing fixture has no `# expect: {}` marker", rule.meta.id));
    }
    if got != want {
        return Err(format!("{name}: {} reported on lines {got:?}, expected {want:?}", rule.meta.id));
    }
    Ok(())
}

#[test]
fn every_fixture_passes_or_fails_as_marked() {
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for path in fixture_files() {
        let (slug, is_fail) = classify(&path);
        let Some(rule) = rules::find(&slug) else {
            errors.push(format!("{}: no rule with slug `{slug}`", path.display()));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let counts = seen.entry(slug).or_default();
        if is_fail {
            counts.0 += 1
        } else {
            counts.1 += 1
        }
        if let Err(e) = check(&rule, &path.display().to_string(), &text, is_fail) {
            errors.push(e);
        }
    }
    for r in rules::all() {
        match seen.get(&*r.meta.slug) {
            Some((f, p)) if *f > 0 && *p > 0 => {}
            _ => errors.push(format!("{} ({}) needs a failing and a passing fixture", r.meta.id, r.meta.slug)),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn documented_examples_behave_as_documented() {
    let mut errors = Vec::new();
    for r in rules::all() {
        for (text, fails) in [(r.meta.fail_example(), true), (r.meta.pass_example(), false)] {
            let e = r.meta.examples.iter().find(|e| e.fails == fails && e.text == text).expect("documented example");
            let ext = e.name.rsplit('.').next().unwrap_or("yaml");
            let kind = if fails { "fail" } else { "pass" };
            if let Err(e) = check(&r, &format!("{}-{kind}.{ext}", r.meta.slug), text, fails) {
                errors.push(e);
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn metadata_is_complete_and_unique() {
    let all = rules::all();
    assert!(!all.is_empty());
    let mut ids = BTreeSet::new();
    let mut slugs = BTreeSet::new();
    for r in &all {
        let m = &r.meta;
        assert!(ids.insert(m.id.clone()), "duplicate id {}", m.id);
        assert!(slugs.insert(m.slug.clone()), "duplicate slug {}", m.slug);
        assert!(m.id.starts_with("PAL-"), "{}", m.id);
        assert!(m.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", m.slug);
        assert!(!m.controls.is_empty(), "{} names no control", m.id);
        assert!(!m.well_architected.is_empty(), "{} names no WA best practice", m.id);
        assert!(m.well_architected.iter().all(|w| w.starts_with("SEC")), "{}", m.id);
        assert!(!m.remediation.trim().is_empty() && !m.description.trim().is_empty(), "{}", m.id);
        assert!(!m.resource_types.is_empty(), "{}", m.id);
    }
}

#[test]
fn documentation_shows_examples_without_fixture_markers() {
    for r in rules::all() {
        let doc = r.meta.documentation();
        assert!(!doc.contains("# expect:"), "{}: documentation shows a fixture marker", r.meta.id);
        // The example keeps every line: the marked line is still there, without its comment.
        let fail = r.meta.fail_example();
        let (line, marked) = fail.lines().enumerate().find(|(_, l)| l.contains("# expect:")).unwrap();
        let kept = match marked.find("\"# expect:") {
            // JSON: the marker member goes, the rest of the line stays.
            Some(i) => {
                let end = i + marked[i..].find(": 0,").unwrap() + ": 0,".len();
                format!("{}{}", &marked[..i], marked[end..].trim_start())
            }
            None => marked[..marked.find("# expect:").unwrap()].trim_end().to_string(),
        };
        let name = &r.meta.examples.iter().find(|e| e.fails && e.text == fail).unwrap().name;
        let fence = format!("```{}\n", rules::fence(name));
        let shown: Vec<&str> = doc.split(fence.as_str()).nth(1).unwrap().lines().collect();
        assert_eq!(shown[line], kept, "{}", r.meta.id);
        let block = shown.iter().take_while(|l| **l != "```");
        assert!(block.clone().all(|l| *l == l.trim_end()), "{}: trailing space left", r.meta.id);
        assert_eq!(block.count(), fail.trim_end().lines().count(), "{}: lines lost", r.meta.id);
        assert!(fail.contains("# expect:"), "fixtures keep their markers");
    }
}

#[test]
fn a_database_in_a_public_subnet_is_medium_only_when_it_is_not_publicly_accessible() {
    use palisade::finding::Severity;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/rds/fixtures");
    let severities = |name: &str, text: &str| -> Vec<(String, Severity)> {
        let opts = ScanOptions { select: vec!["PAL-RDS-007".to_string()], ..ScanOptions::default() };
        let report = scan_source(SourceFile::new(name, text.to_string()), &opts).unwrap();
        let mut out: Vec<(String, Severity)> = report
            .findings
            .iter()
            .map(|f| (f.resource.as_ref().map(|r| r.id.to_string()).unwrap_or_default(), f.severity))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    };
    let yaml = std::fs::read_to_string(dir.join("rds-in-public-subnet.fail.yaml")).unwrap();
    let with =
        |setting: &str| yaml.replace("      DBInstanceClass:", &format!("      {setting}\n      DBInstanceClass:"));
    let at = |s: Severity| vec![("Cluster".to_string(), Severity::High), ("Database".to_string(), s)];
    // Not set: in a VPC with an internet gateway the API gives it a public address.
    assert_eq!(severities("t.yaml", &yaml), at(Severity::High));
    assert_eq!(severities("t.yaml", &with("PubliclyAccessible: true")), at(Severity::High));
    assert_eq!(severities("t.yaml", &with("PubliclyAccessible: false")), at(Severity::Medium));
    // Terraform's `publicly_accessible` defaults to false.
    let tf = std::fs::read_to_string(dir.join("rds-in-public-subnet.fail.tf")).unwrap();
    assert_eq!(
        severities("t.tf", &tf),
        vec![
            ("aws_db_instance.app".to_string(), Severity::Medium),
            ("aws_rds_cluster.aurora".to_string(), Severity::High)
        ]
    );
}
