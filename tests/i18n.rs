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
        assert!(f.template.is_template(), "{}: `{}` has no template", f.rule.id, f.message());
        assert_eq!(f.template.render(Lang::En), f.message(), "{}", f.rule.id);
        ids.extend(f.template.ids());
        let ko = f.message_in(Lang::Ko);
        if ko.is_empty() || ko == f.message() {
            untranslated.insert(format!("{}: {}", f.rule.id, f.message()));
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
        assert_eq!(ko.fingerprint(), f.fingerprint(), "{}: {}", f.rule.id, f.message());
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
    assert!(report.findings.len() >= 5, "{:?}", report.findings.iter().map(|f| f.message()).collect::<Vec<_>>());
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
    assert!(ko.contains("<h2>결과") && ko.contains("\"findings.none_match\":\"필터와"), "labels");
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

/// The runs of three or more English words (one of them lowercase: a sentence, not a name such
/// as `AWS Config` or `Security Hub`) left in a Korean text once what is not prose is taken out:
/// code spans, quoted text, ARNs, paths, and tokens with punctuation of identifiers
/// and numbers (`aws_s3_bucket.logs`, `s3:GetObject`, `0.0.0.0/0`, `PAL-S3-004`).
fn english_fragments(text: &str) -> Vec<String> {
    static NOT_PROSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"`[^`]*`|"[^"]*"|arn:\S+|\S*[/\\]\S*|\S*[:._=$*{}\[\]<>@#0-9]\S*"#).unwrap()
    });
    static RUN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b[A-Za-z][A-Za-z'-]*(?:[ ,()]+[A-Za-z][A-Za-z'-]*){2,}").unwrap()
    });
    // What is taken out ends a run: the words on either side of it are not one phrase.
    let prose = NOT_PROSE.replace_all(text, " | ");
    RUN.find_iter(&prose)
        .map(|m| m.as_str().to_string())
        .filter(|run| run.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() > 1 && w == w.to_lowercase()))
        .collect()
}

#[test]
fn the_heuristic_finds_english_sentences_and_lets_names_through() {
    assert_eq!(english_fragments("버킷 `Logs`: the bucket is public"), vec!["the bucket is public"]);
    assert!(english_fragments("`aws_s3_bucket.logs`의 AWS Config 구성 레코더, Security Hub, s3:GetObject").is_empty());
    assert!(english_fragments("PubliclyAccessible이 true임 → 인터넷(0.0.0.0/0)").is_empty());
    assert!(!english_fragments("IsProd is false").is_empty());
}

#[test]
fn korean_findings_have_no_english_sentences() {
    let mut found = BTreeSet::new();
    for f in example_findings() {
        let rule = std::sync::Arc::new(f.rule.localized(Lang::Ko));
        let ko = f.localized(Lang::Ko, &rule);
        for text in std::iter::once(&*ko.message()).chain(ko.related.iter().map(|r| r.message.as_str())) {
            for run in english_fragments(text) {
                found.insert(format!("{}: {run:?} in {text}", f.rule.id));
            }
        }
    }
    assert!(found.is_empty(), "English left in Korean findings:\n{}", found.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn a_korean_scan_of_the_examples_has_no_english_sentences() {
    let root = env!("CARGO_MANIFEST_DIR");
    let escalation = format!("{root}/src/rules/iam/fixtures/iam-privilege-escalation.fail.yaml");
    let reachable = format!("{root}/src/rules/net/fixtures/net-admin-port-reachable.fail.yaml");
    let examples = format!("{root}/examples");
    for format in ["text", "compact", "markdown"] {
        let out = palisade(&["scan", &examples, &escalation, &reachable, "--format", format, "--lang", "ko"], &[]);
        assert!(out.contains("PAL-IAM-006") && out.contains("PAL-NET-002"), "{format}: {out}");
        let mut found = BTreeSet::new();
        for line in out.lines().filter(|l| l.chars().any(|c| ('가'..='힣').contains(&c))) {
            for run in english_fragments(line) {
                found.insert(format!("{run:?} in {line}"));
            }
        }
        assert!(found.is_empty(), "{format}:\n{}", found.into_iter().collect::<Vec<_>>().join("\n"));
    }
}

/// Standard output and standard error of a command in Korean.
fn palisade_ko(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("PALISADE_LANG", "ko")
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn hangul(s: &str) -> bool {
    s.chars().any(|c| ('가'..='힣').contains(&c))
}

#[test]
fn iam_commands_answer_in_korean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let stack = format!("{root}/examples/iam/stack.yaml");
    let (out, _) = palisade_ko(&["iam", "can", "AppRole", "s3:GetObject", &stack]);
    assert!(out.starts_with("허용됨: 역할 `AppRole`"), "{out}");
    assert!(out.contains("결정 계층: 자격 증명 기반 정책") && out.contains("인라인 정책 `data`의 Allow"), "{out}");
    assert!(english_fragments(&out).is_empty(), "{out}");
    // JSON keeps English values for the machine.
    let (json, _) = palisade_ko(&["iam", "can", "AppRole", "s3:GetObject", &stack, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["decision"], "allow");
    assert_eq!(v["statements"][0]["policy"], "inline policy `data` of role `AppRole`");
    // An unknown principal: the error is Korean too.
    let (_, err) = palisade_ko(&["iam", "can", "Nobody", "s3:GetObject", &stack]);
    assert!(err.starts_with("오류: 스캔한 파일에 보안 주체 `Nobody`이(가) 없음"), "{err}");
    let (explain, _) = palisade_ko(&["iam", "explain", &stack]);
    assert!(explain.contains("역할 `AppRole`의 인라인 정책 `data`"), "{explain}");
    assert!(explain.contains("행:") && explain.contains("권한 관리 ("), "{explain}");
    assert!(english_fragments(&explain).is_empty(), "{explain}");
}

#[test]
fn net_exposure_rules_and_rule_documentation_in_korean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (table, _) = palisade_ko(&["net", "exposure", &format!("{root}/examples/web-tier.yaml")]);
    assert!(table.contains("리소스") && table.contains("판정") && table.contains("경로"), "{table}");
    assert!(table.contains("인터넷 게이트웨이 `InternetGateway`(으)로 향함") && table.contains("행)"), "{table}");
    assert!(table.lines().last().is_some_and(|l| l.starts_with("노출 ")), "{table}");
    assert!(english_fragments(&table).is_empty(), "{table}");
    let (list, _) = palisade_ko(&["rules"]);
    let header = list.lines().next().unwrap();
    assert!(header.contains("심각도") && header.contains("계층") && header.contains("제목"), "{header}");
    let s3 = list.lines().find(|l| l.starts_with("PAL-S3-004")).unwrap();
    assert!(s3.contains("낮음") && s3.contains("데이터"), "{s3}");
    let (doc, _) = palisade_ko(&["rule", "PAL-IAM-006"]);
    assert!(doc.contains("## 왜 중요한가") && doc.contains("## 조치 방법"), "{doc}");
    // The table of escalation methods, with what each gives in Korean.
    assert!(
        doc.contains("| 방법 | 권한 | 얻는 것 | 카탈로그 |") && doc.contains("자신에게 어떤 권한이든 부여함"),
        "{doc}"
    );
    assert!(doc.contains("심각도: 높음") && doc.contains("계층: 자격 증명"), "{doc}");
    let (_, err) = palisade_ko(&["rule", "PAL-NOPE-999"]);
    assert!(err.starts_with("오류: 규칙 `PAL-NOPE-999`이(가) 없습니다"), "{err}");
}

#[test]
fn diagnostics_and_warnings_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n").unwrap();
    let (_, err) = palisade_ko(&["scan", bad.to_str().unwrap(), "--format", "json"]);
    assert!(err.contains(": 오류: 구문 분석할 수 없음: "), "{err}");
    let (_, err) = palisade_ko(&["model", bad.to_str().unwrap()]);
    assert!(err.contains(": 오류: 구문 분석할 수 없음: "), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let (_, err) = palisade_ko(&["scan", empty.path().to_str().unwrap()]);
    assert!(err.starts_with("오류: 분석한 파일이 없습니다: "), "{err}");
    let (_, err) = palisade_ko(&["posture", empty.path().to_str().unwrap()]);
    assert!(err.starts_with("오류: 분석한 파일이 없습니다: "), "{err}");
    let (out, _) = palisade_ko(&["test-rules", &format!("{}/examples/rules", env!("CARGO_MANIFEST_DIR"))]);
    let summary = out.lines().rev().find(|l| !l.is_empty()).unwrap();
    assert!(summary.starts_with("규칙 ") && summary.contains(" passed, 0 failed"), "{out}");
}

/// The glossary: (English, Korean term, forbidden variants).
fn glossary() -> Vec<(String, String, Vec<String>)> {
    include_str!("../src/i18n/glossary.ko.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "{l}");
            let forbidden = f[2].split('|').filter(|v| !v.is_empty()).map(str::to_string).collect();
            (f[0].to_string(), f[1].to_string(), forbidden)
        })
        .collect()
}

#[test]
fn korean_texts_use_the_glossary_terms() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts: Vec<(String, String)> = i18n::sources()
        .iter()
        .filter(|(p, _)| i18n::lang_of_source(p) == Some(Lang::Ko))
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    assert!(texts.len() > 20);
    for path in ["data/well-architected-security.ko.tsv", "src/report/html/labels.rs", "README.md"] {
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
        // Only the Korean lines: the English ones may say "finding".
        let korean: Vec<&str> = text.lines().filter(|l| hangul(l)).collect();
        texts.push((path.to_string(), korean.join("\n")));
    }
    let mut problems = Vec::new();
    for (english, term, forbidden) in glossary() {
        for v in &forbidden {
            assert!(!term.contains(v.as_str()), "{english}: the term contains its forbidden variant");
            for (path, text) in &texts {
                for line in text.lines().filter(|l| l.contains(v.as_str())) {
                    problems.push(format!("{path}: `{v}` for {english} (write `{term}`): {line}"));
                }
            }
        }
        // The severities are the labels of every report.
        if let Some(sev) = english.strip_prefix("severity ") {
            assert_eq!(i18n::label(Lang::Ko, &format!("severity-{sev}")), term.as_str(), "{english}");
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The glossary's term for findings is what the reports say.
    assert!(i18n::label(Lang::Ko, "text-findings").contains("결과"));
}

#[test]
fn the_korean_posture_has_no_english_sentences() {
    let examples = format!("{}/examples", env!("CARGO_MANIFEST_DIR"));
    for args in [vec!["posture", &examples], vec!["posture", &examples, "--framework", "isms-p"]] {
        let (out, _) = palisade_ko(&args);
        assert!(out.contains("흐름 로그") && out.contains("결과 "), "{out}");
        let mut found = Vec::new();
        // Rule slugs (`점검 규칙: s3-versioning, ...`) are identifiers.
        for line in out.lines().filter(|l| !l.contains("점검 규칙")) {
            found.extend(english_fragments(line).into_iter().map(|run| format!("{run:?} in {line}")));
        }
        assert!(found.is_empty(), "{args:?}:\n{}", found.join("\n"));
    }
}

#[test]
fn every_analysis_text_has_a_korean_one_with_the_same_variables() {
    same_texts_in_both_languages("analysis", 100);
}

#[test]
fn every_diagnostic_text_has_a_korean_one_with_the_same_variables() {
    same_texts_in_both_languages("diagnostics", 40);
}

/// The catalogue `src/i18n/<name>.{en,ko}.ftl` has the same messages, with the same
/// variables, in both languages (and at least `at_least` of them).
fn same_texts_in_both_languages(name: &str, at_least: usize) {
    let prefix = format!("{name}.");
    let en: BTreeMap<String, String> = catalogue(Lang::En, &prefix).into_values().flatten().collect();
    let ko: BTreeMap<String, String> = catalogue(Lang::Ko, &prefix).into_values().flatten().collect();
    assert!(en.len() > at_least, "{}", en.len());
    // Messages with plural forms are written over several lines: compare what the catalogue
    // holds for the whole message.
    let full = |lang: Lang| -> BTreeMap<String, String> {
        let text: String = i18n::sources()
            .iter()
            .filter(|(p, _)| p.ends_with(&format!("/{name}.{}.ftl", lang.code())))
            .map(|(_, t)| t.to_string())
            .collect();
        let mut out = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some((id, value)) = line.split_once(" = ").filter(|(id, _)| !id.starts_with([' ', '#'])) {
                current = Some(id.to_string());
                out.insert(id.to_string(), value.to_string());
            } else if let Some(id) = current.as_ref().filter(|_| line.starts_with(' ')) {
                out.entry(id.clone()).or_insert_with(String::new).push_str(line);
            }
        }
        out
    };
    let (en_full, ko_full) = (full(Lang::En), full(Lang::Ko));
    assert_eq!(en_full.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    same_ids_and_variables(name, &en_full, &ko_full);
    assert_eq!(ko.len(), en.len());
}

/// The lines of `text` in Korean and the English sentences left in them.
fn korean_lines_and_english_left(text: &str) -> (Vec<String>, Vec<String>) {
    let korean: Vec<String> = text.lines().filter(|l| hangul(l)).map(str::to_string).collect();
    let english =
        korean.iter().flat_map(|l| english_fragments(l).into_iter().map(move |r| format!("{r:?} in {l}"))).collect();
    (korean, english)
}

#[test]
fn diagnostic_details_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let broken = write("broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: [\n    - {\n");
    let broken_json =
        write("broken.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"A\" 1}}\n");
    let large = write(
        "large.yaml",
        &format!("AWSTemplateFormatVersion: '2010-09-09'\n# {}\nResources: {{}}\n", "x".repeat(4000)),
    );
    let unexplained = write(
        "unexplained.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket # palisade:ignore PAL-S3-001\n",
    );
    let unknown = write("notes.yaml", "shopping:\n  - milk\n");
    let snapshot = write(
        "account.json",
        r#"{
  "palisade_snapshot": 1, "account": "111122223333", "partition": "aws", "regions": ["eu-west-1"],
  "collected_at": "2026-06-01T00:00:00Z", "tool_version": "0.1.0",
  "errors": [
    {"service": "guardduty", "region": "eu-west-1", "call": "ListDetectors", "error": "AccessDeniedException",
     "permission": "guardduty:ListDetectors"}
  ],
  "global": {}, "regional": {"eu-west-1": {}}
}"#,
    );
    let missing = dir.path().join("missing.yaml");
    let utf16 = dir.path().join("utf16.yaml");
    std::fs::write(&utf16, [0xFF, 0xFE, 0x41, 0x00, 0x3D]).unwrap();
    let undefined = write(
        "undefined.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Nowhere\n",
    );
    let args = [
        "scan",
        &broken,
        &broken_json,
        &large,
        &unexplained,
        &unknown,
        &snapshot,
        missing.to_str().unwrap(),
        utf16.to_str().unwrap(),
        &undefined,
        "--max-file-size",
        "2KB",
    ];
    let (out, err) = palisade_ko(&args);
    let text = format!("{out}\n{err}");
    let (korean, english) = korean_lines_and_english_left(&text);
    let said = |file: &str, what: &str| korean.iter().any(|l| l.contains(file) && l.contains(what));
    // The YAML scanner's own text is quoted; our JSON parser's messages are translated.
    assert!(said("broken.yaml", "구문 오류: YAML 파서 메시지 \""), "{text}");
    assert!(said("broken.json", "구문 오류: 객체 키 뒤의 `:`이(가) 와야 하는데 `1`이(가) 있음"), "{text}");
    assert!(said("large.yaml", "파일이 너무 큼("), "{text}");
    assert!(said("unexplained.yaml", "`PAL-S3-001`의 억제에 이유가 없음"), "{text}");
    assert!(said("notes.yaml", "중 어느 것도 아님"), "{text}");
    assert!(said("account.json", "`guardduty:ListDetectors` 권한이 필요함"), "{text}");
    assert!(said("account.json", "eu-west-1 리전 호출에 응답이 없음"), "{text}");
    assert!(said("missing.yaml", "파일이나 디렉터리가 없음"), "{text}");
    assert!(said("utf16.yaml", "파일이 올바른 UTF-16이 아님"), "{text}");
    assert!(said("undefined.yaml", "`Ref`가 가리키는 `Nowhere`은(는) 템플릿의 파라미터나 리소스가 아님"), "{text}");
    assert!(english.is_empty(), "English left in Korean diagnostics:\n{}", english.join("\n"));
    // JSON keeps the English text, whatever the language.
    let json: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    let (out, _) = palisade_ko(&json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let messages: Vec<&str> =
        v["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("was not answered (AccessDeniedException)")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("file is too large")), "{messages:?}");
    assert!(!messages.iter().any(|m| hangul(m)), "{messages:?}");
}
