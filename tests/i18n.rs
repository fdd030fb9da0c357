//! The Korean catalogues are complete and agree with the English ones; findings, rules and
//! reports switch language with `--lang`, `PALISADE_LANG` or the locale; fingerprints do not.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use palisade::finding::Finding;
use palisade::i18n::{self, Lang};
use palisade::report::{Format, RenderOptions, render};
use palisade::rules;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

/// The messages of every embedded catalogue file of `lang` whose name starts with `prefix`
/// (`messages.`, `labels.`), by folder: id → pattern.
fn catalogue(lang: Lang, prefix: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (path, text) in i18n::sources() {
        let (dir, name) = path.rsplit_once('/').unwrap();
        if !name.starts_with(prefix) || i18n::lang_of_source(path) != Some(lang) {
            continue;
        }
        out.entry(dir.to_string()).or_default().extend(i18n::patterns(text));
    }
    out
}

#[test]
fn every_catalogue_parses_and_defines_each_id_once_per_language() {
    for lang in Lang::ALL {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for (path, text) in i18n::sources() {
            if i18n::lang_of_source(path) != Some(lang) {
                continue;
            }
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
                panic!("{path} does not parse: {errors:?}");
            }
            for (id, _) in i18n::patterns(text) {
                if let Some(other) = seen.insert(id.clone(), path) {
                    panic!("`{id}` is defined in {other} and {path}");
                }
            }
        }
    }
}

#[test]
fn every_rule_has_a_korean_title_description_and_remediation() {
    let mut missing = Vec::new();
    for rule in rules::all() {
        let slug = &rule.meta.slug;
        for attribute in [None, Some("description"), Some("remediation")] {
            let text = i18n::text(Lang::Ko, slug, attribute).unwrap_or_default();
            if text.trim().is_empty() {
                missing.push(format!("{slug}{}", attribute.map(|a| format!(".{a}")).unwrap_or_default()));
            }
        }
    }
    assert!(missing.is_empty(), "no Korean text for: {missing:?}");
}

/// Every message of `en` has one in `ko` with the same variables, and `ko` has no other.
fn same_ids_and_variables(what: &str, en: &BTreeMap<String, String>, ko: &BTreeMap<String, String>) {
    let mut problems = Vec::new();
    for (id, pattern) in en {
        match ko.get(id) {
            None => problems.push(format!("{what}: no Korean `{id}`")),
            Some(k) if i18n::variables(k) != i18n::variables(pattern) => problems.push(format!(
                "{what}: `{id}` has variables {:?} in Korean, {:?} in English",
                i18n::variables(k),
                i18n::variables(pattern)
            )),
            Some(_) => {}
        }
    }
    for id in ko.keys().filter(|id| !en.contains_key(*id)) {
        problems.push(format!("{what}: Korean `{id}` has no English message"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_finding_message_has_a_korean_template_with_the_same_variables() {
    let en = catalogue(Lang::En, "messages.");
    let ko = catalogue(Lang::Ko, "messages.");
    assert!(en.len() > 20, "{:?}", en.keys());
    for (dir, messages) in &en {
        same_ids_and_variables(dir, messages, ko.get(dir).unwrap_or(&BTreeMap::new()));
    }
    let extra: Vec<&String> = ko.keys().filter(|d| !en.contains_key(*d)).collect();
    assert!(extra.is_empty(), "Korean messages and no English ones in {extra:?}");
}

#[test]
fn every_label_has_a_korean_one_with_the_same_variables() {
    let en: BTreeMap<String, String> = catalogue(Lang::En, "labels.").into_values().flatten().collect();
    let ko: BTreeMap<String, String> = catalogue(Lang::Ko, "labels.").into_values().flatten().collect();
    // Labels with plural forms are written over several lines: compare the variables of the
    // whole message as the catalogue formats it.
    let full = |lang: Lang, m: &BTreeMap<String, String>| -> BTreeMap<String, String> {
        m.keys().map(|id| (id.clone(), i18n::labels(lang).get(id).cloned().unwrap_or_default())).collect()
    };
    same_ids_and_variables("labels", &full(Lang::En, &en), &full(Lang::Ko, &ko));
    assert_eq!(i18n::label(Lang::Ko, "doc-fix"), "조치 방법");
    assert_eq!(i18n::labels(Lang::Ko).len(), i18n::labels(Lang::En).len());
}

/// The findings of every rule on its failing examples.
fn example_findings() -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in rules::all() {
        for e in rule.meta.examples.iter().filter(|e| e.fails) {
            let opts = ScanOptions { select: vec![rule.meta.id.to_string()], ..ScanOptions::default() };
            let report = scan_source(SourceFile::new(&*e.name, e.text.to_string()), &opts).unwrap();
            out.extend(report.findings);
        }
    }
    out
}

#[test]
fn every_finding_message_is_a_template_whose_english_is_the_message() {
    let findings = example_findings();
    assert!(findings.len() > 300);
    let mut ids = BTreeSet::new();
    let mut untranslated = BTreeSet::new();
    for f in &findings {
        assert!(f.template.is_template(), "{}: `{}` has no template", f.rule.id, f.message);
        assert_eq!(f.template.render(Lang::En), f.message, "{}", f.rule.id);
        ids.extend(f.template.ids());
        let ko = f.message_in(Lang::Ko);
        if ko.is_empty() || ko == f.message {
            untranslated.insert(format!("{}: {}", f.rule.id, f.message));
        }
    }
    assert!(untranslated.is_empty(), "not translated:\n{}", untranslated.into_iter().collect::<Vec<_>>().join("\n"));
    // The examples use most of the catalogue.
    let all: usize = catalogue(Lang::En, "messages.").values().map(BTreeMap::len).sum();
    assert!(ids.len() * 10 >= all * 8, "{} of {all} templates used", ids.len());
}

#[test]
fn localized_reports_keep_the_english_fingerprints() {
    let findings = example_findings();
    for f in &findings {
        let rule = std::sync::Arc::new(f.rule.localized(Lang::Ko));
        let ko = f.localized(Lang::Ko, &rule);
        assert_eq!(ko.fingerprint(), f.fingerprint(), "{}: {}", f.rule.id, f.message);
        assert_eq!(ko.rule.id, f.rule.id);
        assert_eq!(ko.severity, f.severity);
    }
}

/// A template with findings of several rules, related locations and a condition.
const TEMPLATE: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Exposed:
    Type: String
    Default: 'true'
Conditions:
  IsProd: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
  Admin:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      PubliclyAccessible: !If [IsProd, !Ref Exposed, false]
";

fn korean_report() -> palisade::report::ScanReport {
    scan_source(SourceFile::new("stack.yaml", TEMPLATE.to_string()), &ScanOptions::default()).unwrap()
}

/// Run-to-run values (times, version, UUIDs) replaced by fixed ones.
fn redact(s: &str) -> String {
    let time = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?").unwrap();
    let epoch =
        regex::Regex::new(r#""(time|created_time|modified_time|first_seen_time|last_seen_time)": \d+"#).unwrap();
    let rules_version = regex::Regex::new(r#""(rules_version|rulesVersion)": "[^"]*""#).unwrap();
    let s = s.replace(&format!("\"{}\"", palisade::VERSION), "\"[VERSION]\"");
    let s = rules_version.replace_all(&s, "\"$1\": \"[RULES]\"");
    let s = time.replace_all(&s, "[time]");
    epoch.replace_all(&s, "\"$1\": 0").into_owned()
}

#[test]
fn korean_report_snapshots() {
    let report = korean_report();
    assert!(report.findings.len() >= 5, "{:?}", report.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    let opts = RenderOptions { lang: Lang::Ko, ..Default::default() };
    for (name, format) in [
        ("text", Format::Text),
        ("json", Format::Json),
        ("sarif", Format::Sarif),
        ("junit", Format::Junit),
        ("markdown", Format::Markdown),
        ("asff", Format::Asff),
        ("ocsf", Format::Ocsf),
        ("compact", Format::Compact),
        ("github", Format::Github),
        ("gitlab", Format::Gitlab),
    ] {
        let out = render(&report, format, &opts);
        let english = render(&report, format, &RenderOptions::default());
        assert_ne!(out, english, "{name} is the same in Korean");
        assert!(out.chars().any(|c| ('가'..='힣').contains(&c)), "{name} has no Hangul");
        insta::assert_snapshot!(format!("ko_{name}"), redact(&out));
    }
}

#[test]
fn machine_readable_fields_stay_as_they_are_in_korean() {
    let report = korean_report();
    let ko = RenderOptions { lang: Lang::Ko, ..Default::default() };
    let en = RenderOptions::default();
    let sarif =
        |o: &RenderOptions| -> serde_json::Value { serde_json::from_str(&render(&report, Format::Sarif, o)).unwrap() };
    let (k, e) = (sarif(&ko), sarif(&en));
    let results = |v: &serde_json::Value| v["runs"][0]["results"].as_array().unwrap().clone();
    for (rk, re) in results(&k).iter().zip(results(&e).iter()) {
        for key in ["ruleId", "level", "partialFingerprints", "locations"] {
            assert_eq!(rk[key], re[key], "{key}");
        }
        assert_ne!(rk["message"]["text"], re["message"]["text"]);
    }
    let rules = |v: &serde_json::Value| v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().clone();
    for (rk, re) in rules(&k).iter().zip(rules(&e).iter()) {
        assert_eq!(rk["id"], re["id"]);
        assert_ne!(rk["shortDescription"]["text"], re["shortDescription"]["text"]);
        assert_ne!(rk["fullDescription"]["text"], re["fullDescription"]["text"]);
    }
    let json =
        |o: &RenderOptions| -> serde_json::Value { serde_json::from_str(&render(&report, Format::Json, o)).unwrap() };
    let (k, e) = (json(&ko), json(&en));
    for (fk, fe) in k["findings"].as_array().unwrap().iter().zip(e["findings"].as_array().unwrap()) {
        for key in ["rule_id", "severity", "fingerprint", "file", "line"] {
            assert_eq!(fk[key], fe[key], "{key}");
        }
    }
}

fn palisade(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_palisade"));
    cmd.args(args);
    for v in ["PALISADE_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_language_comes_from_the_option_the_variable_or_the_locale() {
    let meta = &rules::find("PAL-S3-004").unwrap().meta;
    let korean = meta.title_in(Lang::Ko).to_string();
    assert_ne!(korean, meta.title);
    let title =
        |args: &[&str], env: &[(&str, &str)]| palisade(args, env).lines().next().unwrap_or_default().to_string();
    let english = format!("# PAL-S3-004 s3-versioning: {}", meta.title);
    let hangul = format!("# PAL-S3-004 s3-versioning: {korean}");
    assert_eq!(title(&["rule", "PAL-S3-004"], &[]), english);
    assert_eq!(title(&["rule", "PAL-S3-004", "--lang", "ko"], &[]), hangul);
    assert_eq!(title(&["--lang", "ko", "rule", "PAL-S3-004"], &[]), hangul);
    assert_eq!(title(&["rule", "PAL-S3-004"], &[("PALISADE_LANG", "ko")]), hangul);
    assert_eq!(title(&["rule", "PAL-S3-004"], &[("LANG", "ko_KR.UTF-8")]), hangul);
    assert_eq!(title(&["rule", "PAL-S3-004"], &[("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "en_US.UTF-8")]), hangul);
    assert_eq!(title(&["rule", "PAL-S3-004"], &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")]), english);
    assert_eq!(title(&["rule", "PAL-S3-004"], &[("PALISADE_LANG", "en"), ("LANG", "ko_KR.UTF-8")]), english);
    assert_eq!(title(&["rule", "PAL-S3-004", "--lang", "en"], &[("PALISADE_LANG", "ko")]), english);
    let doc = palisade(&["rule", "PAL-S3-004", "--lang", "ko"], &[]);
    assert!(doc.contains("## 왜 중요한가") && doc.contains("## 조치 방법"), "{doc}");
    assert!(doc.contains(&*meta.remediation_in(Lang::Ko)));
    // The listing.
    let list = palisade(&["rules", "--lang", "ko"], &[]);
    assert!(list.contains(&korean) && list.contains("규칙 "), "{list}");
    let json: serde_json::Value =
        serde_json::from_str(&palisade(&["rules", "--format", "json"], &[("PALISADE_LANG", "ko")])).unwrap();
    let s3 = json.as_array().unwrap().iter().find(|r| r["id"] == "PAL-S3-004").unwrap();
    assert_eq!(s3["title"], korean.as_str());
    assert_eq!(s3["severity"], "low");
}

#[test]
fn scan_and_posture_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stack.yaml");
    std::fs::write(&path, TEMPLATE).unwrap();
    let p = path.to_str().unwrap();
    let out = palisade(&["scan", p, "--format", "compact", "--lang", "ko"], &[]);
    let en = palisade(&["scan", p, "--format", "compact"], &[]);
    assert_eq!(out.lines().count(), en.lines().count());
    assert!(out.lines().all(|l| l.chars().any(|c| ('가'..='힣').contains(&c))), "{out}");
    let posture = palisade(&["posture", p], &[("LANG", "ko_KR.UTF-8")]);
    assert!(posture.starts_with("심층 방어 점수표"), "{posture}");
    assert!(posture.contains(i18n::practice(Lang::Ko, "SEC08-BP04").unwrap().1), "{posture}");
}

#[test]
fn the_html_report_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stack.yaml");
    std::fs::write(&path, TEMPLATE).unwrap();
    let p = path.to_str().unwrap();
    let ko = palisade(&["scan", p, "--format", "html", "--lang", "ko"], &[]);
    let en = palisade(&["scan", p, "--format", "html"], &[]);
    assert!(ko.contains("<html lang=\"ko\">") && en.contains("<html lang=\"en\">"));
    // Labels (static parts and the script's table), findings and requirement names in Korean.
    assert!(ko.contains("<h2>발견 사항") && ko.contains("\"findings.none_match\":\"필터와"), "labels");
    assert!(!ko.contains("<h2>Findings") && en.contains("<h2>Findings"));
    let message = example_messages_in_korean(&ko);
    assert!(message > 0, "no finding message in Korean");
    let isms = palisade::compliance::isms_p_name("2.6.1", "ko").unwrap();
    assert!(ko.contains(isms) && !en.contains(isms), "ISMS-P names in Korean");
}

/// How many JSON strings of the page's payload hold Hangul.
fn example_messages_in_korean(html: &str) -> usize {
    html.split('"').filter(|s| s.contains("버킷") || s.contains("보안 그룹")).count()
}
