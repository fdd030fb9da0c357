//! Hostile inputs and environments, through the real binary: oversized files of every kind,
//! explicit inputs that are not analysed, unreadable policies, deep `List`s, closed pipes and
//! terminal escape sequences.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", String::from_utf8_lossy(&o.stdout), stderr(o)))
}

fn diagnostics(v: &Value) -> Vec<Value> {
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

const TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
";

/// A file of `size` bytes that is a valid YAML comment block.
fn padding(size: usize) -> String {
    let line = format!("# {}\n", "x".repeat(77));
    line.repeat(size / line.len() + 1)
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

// 1. Every file read is bounded, and the limit can be raised.

#[test]
fn scanned_file_over_the_limit_is_a_located_read_error() {
    let d = dir();
    std::fs::write(d.path().join("big.yaml"), format!("{TEMPLATE}{}", padding(3000))).unwrap();
    let o = palisade(&["scan", "big.yaml", "--format", "json", "--max-file-size", "2KB"], d.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let diags = diagnostics(&json(&o));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["file"], "big.yaml");
    assert_eq!(diags[0]["kind"], "read");
    assert!(diags[0]["message"].as_str().unwrap().contains("2000 bytes"), "{diags:?}");
    // Raised, it is read.
    let o = palisade(&["scan", "big.yaml", "--format", "json", "--max-file-size", "512KiB"], d.path());
    assert!(diagnostics(&json(&o)).is_empty());
}

#[test]
fn standard_input_is_read_only_up_to_the_limit() {
    let d = dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", "-", "--format", "json", "--max-file-size", "1KiB"])
        .current_dir(d.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless stream (bounded here so that a regression fails instead of hanging).
    let writer = std::thread::spawn(move || {
        let chunk = padding(64 * 1024);
        for _ in 0..4096 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                return true;
            }
        }
        false
    });
    let o = child.wait_with_output().unwrap();
    assert!(writer.join().unwrap(), "the whole stream was read");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let diags = diagnostics(&json(&o));
    assert_eq!(diags[0]["kind"], "read");
    assert_eq!(diags[0]["file"], "<stdin>");
    assert!(diags[0]["message"].as_str().unwrap().contains("1024 bytes"), "{diags:?}");
}

#[test]
fn parameters_config_and_baseline_files_are_bounded() {
    let d = dir();
    std::fs::write(d.path().join("t.yaml"), TEMPLATE).unwrap();
    std::fs::write(d.path().join("params.json"), format!("{{\"A\": \"{}\"}}", "x".repeat(5000))).unwrap();
    std::fs::write(d.path().join("big.toml"), padding(5000)).unwrap();
    std::fs::write(d.path().join("base.json"), format!("{{\"version\": 2, \"x\": \"{}\"}}", "x".repeat(5000))).unwrap();
    for (args, file) in [
        (&["--parameters", "params.json"][..], "params.json"),
        (&["--config", "big.toml"][..], "big.toml"),
        (&["--baseline", "base.json"][..], "base.json"),
    ] {
        let mut all = vec!["scan", "t.yaml", "--max-file-size", "4KB"];
        all.extend_from_slice(args);
        let o = palisade(&all, d.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(file) && err.contains("4000 bytes") && err.contains("--max-file-size"), "{err}");
    }
    // The default limit applies without the option.
    std::fs::write(d.path().join("huge.toml"), padding(9 * 1024 * 1024)).unwrap();
    let o = palisade(&["scan", "t.yaml", "--config", "huge.toml"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("8388608 bytes"), "{}", stderr(&o));
}

#[test]
fn configuration_found_by_search_and_its_baseline_are_bounded() {
    let d = dir();
    std::fs::write(d.path().join("t.yaml"), TEMPLATE).unwrap();
    std::fs::write(d.path().join("palisade.toml"), padding(5000)).unwrap();
    let o = palisade(&["scan", "t.yaml", "--max-file-size", "4KB"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("palisade.toml") && stderr(&o).contains("4000 bytes"), "{}", stderr(&o));

    std::fs::write(d.path().join("palisade.toml"), "baseline = \"base.json\"\nmax-file-size = \"4KB\"\n").unwrap();
    std::fs::write(d.path().join("base.json"), format!("{{\"version\": 2, \"x\": \"{}\"}}", "x".repeat(5000))).unwrap();
    let o = palisade(&["scan", "t.yaml"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("base.json") && stderr(&o).contains("4000 bytes"), "{}", stderr(&o));
    // The command line wins over the configuration.
    let o = palisade(&["scan", "t.yaml", "--max-file-size", "1MB", "--format", "json"], d.path());
    assert!(!stderr(&o).contains("too large"), "{}", stderr(&o));
}

#[test]
fn configured_limit_applies_to_scanned_files() {
    let d = dir();
    std::fs::write(d.path().join("palisade.toml"), "max-file-size = 1000\n").unwrap();
    std::fs::write(d.path().join("t.yaml"), format!("{TEMPLATE}{}", padding(2000))).unwrap();
    let o = palisade(&["scan", "t.yaml", "--format", "json"], d.path());
    let diags = diagnostics(&json(&o));
    assert!(diags.iter().any(|d| d["kind"] == "read" && d["message"].as_str().unwrap().contains("1000 bytes")));
    let o = palisade(&["config", "--show"], d.path());
    assert!(String::from_utf8_lossy(&o.stdout).contains("max-file-size = 1000"));
    std::fs::write(d.path().join("palisade.toml"), "max-file-size = \"lots\"\n").unwrap();
    let o = palisade(&["scan", "t.yaml"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("max-file-size"), "{}", stderr(&o));
}

#[test]
fn sizes_take_units() {
    let d = dir();
    std::fs::write(d.path().join("t.yaml"), TEMPLATE).unwrap();
    for ok in ["100", "10MB", "512KiB", "1GiB", "2k"] {
        let o = palisade(&["scan", "t.yaml", "--max-file-size", ok], d.path());
        assert_ne!(o.status.code(), Some(2), "{ok}: {}", stderr(&o));
    }
    for bad in ["", "ten", "10XB", "0", "-1"] {
        let o = palisade(&["scan", "t.yaml", &format!("--max-file-size={bad}")], d.path());
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    let o = palisade(&["scan", "--help"], d.path());
    assert!(String::from_utf8_lossy(&o.stdout).contains("--max-file-size"));
}

// 2. A file named explicitly is never skipped in silence.

#[test]
fn malformed_explicit_files_are_parse_errors() {
    let d = dir();
    std::fs::write(d.path().join("deny.json"), r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny","#)
        .unwrap();
    std::fs::write(d.path().join("other.json"), r#"{"a": "#).unwrap();
    for f in ["deny.json", "other.json"] {
        let o = palisade(&["scan", f, "--format", "json"], d.path());
        assert_eq!(o.status.code(), Some(2), "{f}");
        let diags = diagnostics(&json(&o));
        assert!(diags.iter().any(|x| x["kind"] == "parse" && x["file"] == f), "{f}: {diags:?}");
    }
    // Found by walking, a malformed policy is reported too.
    let o = palisade(&["scan", ".", "--format", "json"], d.path());
    let diags = diagnostics(&json(&o));
    assert!(diags.iter().any(|x| x["kind"] == "parse" && x["file"] == "deny.json"), "{diags:?}");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

#[test]
fn utf16_templates_are_decoded() {
    let d = dir();
    std::fs::write(d.path().join("utf8.yaml"), TEMPLATE).unwrap();
    std::fs::write(d.path().join("le.yaml"), utf16(TEMPLATE, false)).unwrap();
    std::fs::write(d.path().join("be.yaml"), utf16(TEMPLATE, true)).unwrap();
    let rules = |f: &str| {
        let v = json(&palisade(&["scan", f, "--format", "json"], d.path()));
        assert!(diagnostics(&v).is_empty(), "{f}: {v}");
        let mut ids: Vec<String> = v["findings"].as_array().unwrap().iter().map(|x| x["rule_id"].to_string()).collect();
        ids.sort();
        ids
    };
    let expected = rules("utf8.yaml");
    assert!(!expected.is_empty());
    assert_eq!(rules("le.yaml"), expected);
    assert_eq!(rules("be.yaml"), expected);
}

#[test]
fn unknown_explicit_inputs_get_a_note() {
    let d = dir();
    std::fs::write(d.path().join("t.yaml"), TEMPLATE).unwrap();
    std::fs::write(d.path().join("odd.yaml"), "Resources:\n  Bucket:\n    Type: 5\n").unwrap();
    std::fs::write(d.path().join("data.json"), r#"{"name": "x"}"#).unwrap();
    let alone = palisade(&["scan", "t.yaml"], d.path()).status.code();
    for f in ["odd.yaml", "data.json"] {
        let o = palisade(&["scan", "t.yaml", f, "--format", "json"], d.path());
        assert_eq!(o.status.code(), alone, "{f}: {}", stderr(&o));
        let diags = diagnostics(&json(&o));
        assert!(diags.iter().any(|x| x["kind"] == "not-analysed" && x["file"] == f), "{f}: {diags:?}");
        // Alone, nothing is analysed: an error, since the path was given.
        let o = palisade(&["scan", f], d.path());
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("no file was analysed"), "{}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_reported_not_read() {
    let d = dir();
    let made = Command::new("mkfifo").arg(d.path().join("pipe.yaml")).status();
    let mut targets = vec!["/dev/null".to_string()];
    if made.is_ok_and(|s| s.success()) {
        targets.push("pipe.yaml".into());
    }
    for t in &targets {
        let o = palisade(&["scan", t, "--format", "json"], d.path());
        assert_eq!(o.status.code(), Some(2), "{t}");
        let diags = diagnostics(&json(&o));
        assert!(
            diags.iter().any(|x| x["kind"] == "read" && x["message"].as_str().unwrap().contains("not a regular file")),
            "{t}: {diags:?}"
        );
    }
}

#[test]
fn scans_that_analyse_nothing_say_why() {
    let d = dir();
    std::fs::create_dir(d.path().join("src")).unwrap();
    std::fs::write(d.path().join("src/t.yaml"), TEMPLATE).unwrap();
    // An ignore file leaves nothing: an error, since the path was given.
    std::fs::write(d.path().join("src/.ignore"), "*.yaml\n").unwrap();
    let o = palisade(&["scan", "src"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ignore files"), "{}", stderr(&o));
    // Without paths: a warning.
    let o = palisade(&["scan"], &d.path().join("src"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: no file was analysed"), "{}", stderr(&o));
    // The configuration's `exclude` leaves nothing: said, but what was asked for.
    std::fs::remove_file(d.path().join("src/.ignore")).unwrap();
    std::fs::write(d.path().join("palisade.toml"), "exclude = [\"src/**\"]\n").unwrap();
    let o = palisade(&["scan", "src"], d.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("left out by `exclude`"), "{}", stderr(&o));
    let o = palisade(&["scan", "src/t.yaml", "--format", "json"], d.path());
    let diags = diagnostics(&json(&o));
    assert!(diags.iter().any(|x| x["kind"] == "not-analysed" && x["file"] == "src/t.yaml"), "{diags:?}");
}

// 3. `iam can` does not answer past a policy it could not read.

const ROLE: &str = "Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: data
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:*
                Resource: '*'
";

#[test]
fn iam_can_is_unknown_when_a_policy_cannot_be_read() {
    let d = dir();
    std::fs::write(d.path().join("stack.yaml"), ROLE).unwrap();
    let o = palisade(&["iam", "can", "AppRole", "s3:GetObject", "arn:aws:s3:::b/k"], d.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(
        d.path().join("org-scp.json"),
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"},"#,
    )
    .unwrap();
    for args in [
        &["iam", "can", "AppRole", "s3:GetObject", "arn:aws:s3:::b/k"][..],
        &["iam", "can", "AppRole", "s3:GetObject", "arn:aws:s3:::b/k", "stack.yaml", "org-scp.json"],
    ] {
        let o = palisade(args, d.path());
        assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.starts_with("UNKNOWN") && out.contains("org-scp.json"), "{out}");
    }
    // Not found, but perhaps in the unreadable file: unknown too.
    let o = palisade(&["iam", "can", "Other", "s3:GetObject"], d.path());
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("org-scp.json"), "{}", stderr(&o));
    // `iam explain` says the explanation is incomplete.
    let o = palisade(&["iam", "explain", "."], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("org-scp.json"), "{}", stderr(&o));
}

// 4. Deep Kubernetes lists.

#[test]
fn lists_nested_too_deep_are_reported() {
    let d = dir();
    let mut doc = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"deep\"}, \"spec\": \
                   {\"containers\": [{\"name\": \"c\", \"image\": \"nginx\"}]}}"
        .to_string();
    for _ in 0..10 {
        doc = format!("{{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n{doc}]}}");
    }
    std::fs::write(d.path().join("deep.json"), doc).unwrap();
    let o = palisade(&["scan", "deep.json", "--format", "json"], d.path());
    let diags = diagnostics(&json(&o));
    let deep = diags.iter().find(|x| x["kind"] == "not-analysed").unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(deep["file"], "deep.json");
    assert!(deep["line"].as_u64().unwrap() > 1, "{deep}");
    assert!(deep["message"].as_str().unwrap().contains("nested"), "{deep}");
}

// 5. Closed pipes.

#[test]
fn closed_pipes_end_quietly() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cases: Vec<Vec<&str>> = vec![
        vec!["rules"],
        vec!["rules", "--format", "json"],
        vec!["rule", "PAL-S3-001"],
        vec!["config", "--show"],
        vec!["scan", "examples", "--format", "json"],
        vec!["scan", "examples"],
        vec!["posture", "examples"],
        vec!["model", "examples"],
        vec!["net", "exposure", "examples"],
        vec!["iam", "explain", "examples"],
    ];
    for args in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
            .args(&args)
            .current_dir(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(status.code().is_some_and(|c| c != 101), "{args:?}: {status:?} {err}");
    }
}

// 6. Terminal escape sequences.

#[test]
fn control_characters_do_not_reach_the_terminal() {
    let d = dir();
    // A duplicate key quoted in a parse error.
    std::fs::write(
        d.path().join("t.json"),
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"\\u001b[2J\": {}, \"\\u001b[2J\": {}}}",
    )
    .unwrap();
    for args in [&["scan", "t.json", "--format", "json"][..], &["scan", "t.json", "--output", "out.txt"]] {
        let o = palisade(args, d.path());
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains("duplicate key") && err.contains("\\u{1b}[2J"), "{err}");
        assert!(!err.contains('\u{1b}'), "{err:?}");
    }
    // Policy text in `iam explain` and `iam can`.
    std::fs::write(
        d.path().join("p.json"),
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "a\u001b]0;owned\u0007", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b\u001b[31m/*"}]}"#,
    )
    .unwrap();
    let o = palisade(&["iam", "explain", "p.json"], d.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    let o = palisade(&["iam", "can", "p.json", "s3:GetObject", "arn:aws:s3:::b\u{1b}[31m/k", "p.json"], d.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.is_empty() && !out.contains('\u{1b}'), "{out:?} {}", stderr(&o));
    assert!(!stderr(&o).contains('\u{1b}'));
}

#[test]
fn names_stay_in_their_place_in_junit_and_markdown() {
    let d = dir();
    // A logical id with a backtick, a control character and an escape sequence.
    let id = "Bad`Id\u{1}\u{1b}[31m";
    let t = serde_json::json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {id: {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}}}
    });
    std::fs::write(d.path().join("a`b.json"), t.to_string()).unwrap();
    let o = palisade(&["scan", ".", "--format", "junit"], d.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let xml = String::from_utf8(o.stdout).unwrap();
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{1b}'), "{xml}");
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let named = doc.descendants().filter(|n| n.attribute("name").is_some_and(|a| a.contains("Bad`Id\\u{1}"))).count();
    assert!(named > 0, "{xml}");
    let o = palisade(&["scan", ".", "--format", "markdown"], d.path());
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(!md.contains('\u{1}') && !md.contains('\u{1b}'), "{md}");
    // The location's code span is fenced by more backticks than it holds in a row.
    assert!(md.contains("| ``a`b.json:1`` |"), "{md}");
}

// 7. Network exposure reads like `scan`: an unreadable template is an error, not a skip.

#[test]
fn net_exposure_reports_templates_it_cannot_read() {
    let d = dir();
    std::fs::write(d.path().join("bad.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [open\n")
        .unwrap();
    std::fs::write(d.path().join("good.yaml"), TEMPLATE).unwrap();
    let o = palisade(&["net", "exposure", "."], d.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.yaml:4:1: error: cannot parse"), "{}", stderr(&o));
}

// 8. Locations: line ends, standard input, parameters, file names.

/// A template whose bucket is readable by anyone (PAL-S3-008, on line 6, column 22), its lines ended by
/// `eol`.
fn public_bucket(eol: &str) -> String {
    ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:", "  Site:", "    Type: AWS::S3::Bucket", "    Properties:"]
        .iter()
        .chain(&["      AccessControl: PublicRead", ""])
        .copied()
        .collect::<Vec<_>>()
        .join(eol)
}

fn findings(v: &Value, rule: &str) -> Vec<Value> {
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule_id"] == rule).cloned().collect()
}

#[test]
fn every_kind_of_line_end_gives_the_same_locations() {
    let d = dir();
    for (name, eol) in [("lf.yaml", "\n"), ("crlf.yaml", "\r\n"), ("cr.yaml", "\r")] {
        std::fs::write(d.path().join(name), public_bucket(eol)).unwrap();
        let v = json(&palisade(&["scan", name, "--format", "json"], d.path()));
        let f = findings(&v, "PAL-S3-008");
        assert_eq!(f.len(), 1, "{name}: {v:#}");
        assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(6), Some(22)), "{name}: {:#}", f[0]);
        let text = palisade(&["scan", name], d.path());
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("6 |       AccessControl: PublicRead\n"), "{name}: {text}");
    }
}

#[test]
fn errors_reading_standard_input_are_located() {
    let d = dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", "-", "--format", "json"])
        .current_dir(d.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"a: 1\nb: 2\ncd: \xff\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let diags = diagnostics(&json(&o));
    assert_eq!((diags[0]["line"].as_u64(), diags[0]["column"].as_u64()), (Some(3), Some(5)), "{diags:?}");
}

#[test]
fn parameter_file_errors_have_one_based_columns() {
    let d = dir();
    std::fs::write(d.path().join("t.yaml"), TEMPLATE).unwrap();
    for (text, error) in [
        ("{\"Env\": }", "line 1, column 9: expected value\n"),
        // The end of input just after a line break.
        ("{\"Env\": \"é\",\n", "line 2, column 1: EOF while parsing a value\n"),
    ] {
        std::fs::write(d.path().join("p.json"), text).unwrap();
        let o = palisade(&["scan", "t.yaml", "--parameters", "p.json"], d.path());
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(&format!("p.json: {error}")), "{}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn names_alike_once_made_text_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let d = dir();
    let quiet = public_bucket("\n").replace("PublicRead", "PublicRead # palisade:ignore PAL-S3-008 accepted");
    let name = |b: u8| std::ffi::OsStr::from_bytes(&[b'a', b, b'.', b'y', b'a', b'm', b'l']).to_owned();
    if std::fs::write(d.path().join(name(0xFF)), quiet).is_err() {
        // The file system does not take such names.
        return;
    }
    std::fs::write(d.path().join(name(0xFE)), public_bucket("\n")).unwrap();
    let v = json(&palisade(&["scan", ".", "--format", "json"], d.path()));
    let f = findings(&v, "PAL-S3-008");
    assert_eq!(f.len(), 1, "{v:#}");
    assert_eq!(f[0]["file"], "a\\xFE.yaml", "{:#}", f[0]);
    let text = palisade(&["scan", "."], d.path());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("a\\xFE.yaml:6:") && !text.contains("a\\xFF.yaml:6:22: PAL-S3-008"), "{text}");
    // The snippet is the file's own line, not the suppressed one of its namesake.
    assert!(text.contains("6 |       AccessControl: PublicRead\n") && !text.contains("palisade:ignore"), "{text}");
}
