//! Custom rules written in Rego (OPA's policy language), compiled and evaluated by the `regorus`
//! engine ([`engine`]) over the same model and facts as the built-in rules.
//!
//! A rule is a `.rego` file: a `# METADATA` block ([`meta`]) then a package that declares a
//! `deny` set of results, each `{"msg": ..., "at": <model object or field>}` (optionally with
//! `related`: a list of `{"msg", "at"}`). Palisade turns the object's span into the finding's
//! location, so custom findings go through suppressions, baselines, `--select`/`--ignore`,
//! severity overrides and every report like the built-in ones. The input ([`input`]) is built
//! once per model, whatever the number of rules; the helper package `data.palisade.lib` comes
//! with every rule. A rule that does not load is a diagnostic at its line and the others still
//! run; one that fails or exceeds its time limit on a model is a diagnostic too.
//! `palisade test-rules` ([`crate::cli`]) runs each rule's examples. `docs/custom-rules.md` is
//! the rule writer's guide.

pub mod engine;
pub mod input;
pub mod meta;
mod split;
mod value;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use engine::{LIB, Program, RuleError};

use crate::finding::{Diagnostic, DiagnosticKind};
use crate::rules::{Check, Registry, Rule};

/// Time a rule may take over one model, unless configured otherwise.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(2);

/// OPA built-in functions that the interpreter does not provide (or that Palisade leaves out):
/// a rule calling one of them does not load. Network and environment access is left out on
/// purpose, so that a rule's verdict depends on its input only.
pub const UNSUPPORTED_BUILTINS: &[&str] = &[
    "http.send",
    "net.lookup_ip_addr",
    "opa.runtime",
    "providers.aws.sign_req",
    "io.jwt.decode",
    "io.jwt.decode_verify",
    "io.jwt.encode_sign",
    "io.jwt.encode_sign_raw",
    "io.jwt.verify_es256",
    "io.jwt.verify_es384",
    "io.jwt.verify_es512",
    "io.jwt.verify_hs256",
    "io.jwt.verify_hs384",
    "io.jwt.verify_hs512",
    "io.jwt.verify_ps256",
    "io.jwt.verify_ps384",
    "io.jwt.verify_ps512",
    "io.jwt.verify_rs256",
    "io.jwt.verify_rs384",
    "io.jwt.verify_rs512",
    "io.jwt.verify_eddsa",
    "crypto.hmac.equal",
    "crypto.hmac.md5",
    "crypto.hmac.sha1",
    "crypto.hmac.sha256",
    "crypto.hmac.sha512",
    "crypto.md5",
    "crypto.sha1",
    "crypto.sha256",
    "crypto.parse_private_keys",
    "crypto.x509.parse_and_verify_certificates",
    "crypto.x509.parse_and_verify_certificates_with_options",
    "crypto.x509.parse_certificate_request",
    "crypto.x509.parse_certificates",
    "crypto.x509.parse_keypair",
    "crypto.x509.parse_rsa_private_key",
    "graphql.is_valid",
    "graphql.parse",
    "graphql.parse_and_verify",
    "graphql.parse_query",
    "graphql.parse_schema",
    "graphql.schema_is_valid",
    "net.cidr_contains_matches",
    "net.cidr_intersects",
    "net.cidr_merge",
    "net.cidr_overlap",
    "rego.metadata.chain",
    "rego.metadata.rule",
    "rego.parse_module",
    "strings.render_template",
    "urlquery.decode",
    "urlquery.decode_object",
    "urlquery.encode",
    "urlquery.encode_object",
    "yaml.is_valid",
    "yaml.marshal",
    "yaml.unmarshal",
];

/// Rules loaded from files, and the problems of those that did not load.
#[derive(Default)]
pub struct Loaded {
    pub rules: Vec<Rule>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// These rules, each evaluation of a compiled rule checked against the interpreter, whose
    /// verdict or error is taken: the interpreter tells a conflict (two values of a rule or a
    /// function for the same input) as an error, where the compiled rule is undefined.
    pub fn checked(mut self) -> Loaded {
        for rule in &mut self.rules {
            if let Check::Rego(p) = &mut rule.check
                && let Some(p) = Arc::get_mut(p)
            {
                p.checked = true;
            }
        }
        self
    }

    /// The built-in rules and these; a rule whose id or slug is taken is a diagnostic.
    pub fn into_registry(self) -> (Registry, Vec<Diagnostic>) {
        let mut registry = Registry::builtin();
        let mut diagnostics = self.diagnostics;
        for rule in self.rules {
            let file = match &rule.check {
                Check::Rego(p) => p.file.clone(),
                _ => Arc::from(""),
            };
            if let Err(message) = registry.add(rule) {
                diagnostics.push(Diagnostic { kind: DiagnosticKind::Invalid, file, line: 1, col: 1, message });
            }
        }
        (registry, diagnostics)
    }
}

/// The `.rego` files of `path` (a file, or a directory searched recursively), in name order;
/// Rego test files (`*_test.rego`) are left out.
fn rule_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(format!("no rule file or directory {}", path.display()));
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))?;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rego")
                && !p.file_stem().is_some_and(|s| s.to_string_lossy().ends_with("_test"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Loads every rule of `paths` (files or directories), each with `limit` per model.
pub fn load(paths: &[PathBuf], limit: Duration) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for p in paths {
        match rule_files(p) {
            Ok(found) => {
                for f in found {
                    if files.iter().any(|(seen, _)| seen == &f) {
                        continue;
                    }
                    match crate::parse::read_text_file(&f, &crate::parse::Limits::default()) {
                        Ok(text) => files.push((f, text)),
                        Err(e) => {
                            loaded.diagnostics.push(Diagnostic::whole_file(DiagnosticKind::Read, &display(&f), e))
                        }
                    }
                }
            }
            Err(e) => loaded.diagnostics.push(Diagnostic::whole_file(DiagnosticKind::Read, &display(p), e)),
        }
    }
    let needs = Arc::new(input::Needs::of(files.iter().map(|(_, t)| t.as_str())));
    for (path, text) in &files {
        let file = display(path);
        let located = |kind: DiagnosticKind, p: meta::Problem| Diagnostic {
            kind,
            file: file.clone(),
            line: p.line,
            col: p.col,
            message: msg!("diag-custom-rule", detail = p.message),
        };
        let meta = match meta::parse(path, text) {
            Ok(m) => m,
            Err(p) => {
                loaded.diagnostics.push(located(DiagnosticKind::Invalid, p));
                continue;
            }
        };
        match Program::compile(path, text, limit, needs.clone()) {
            Ok(program) => {
                loaded.rules.push(Rule { meta: Arc::new(meta), check: Check::Rego(Arc::new(program)) });
            }
            Err(p) => loaded.diagnostics.push(located(DiagnosticKind::Parse, p)),
        }
    }
    loaded
}

fn display(p: &Path) -> Arc<str> {
    crate::source::display_path(p).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{ScanOptions, scan_source};
    use crate::source::SourceFile;

    /// A registry with one custom rule `TEST-001` whose package body is `body`.
    fn registry_with(body: &str) -> (tempfile::TempDir, Registry) {
        let dir = tempfile::tempdir().unwrap();
        let header = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: TEST-001\n#   severity: low\n\
#   layer: data\n#   controls: []\n#   well_architected: []\n#   remediation: R\n\
#   examples: [t.fail.yaml, t.pass.yaml]\npackage test.rule\n\nimport data.palisade.lib\n\n";
        std::fs::write(dir.path().join("t.rego"), format!("{header}{body}")).unwrap();
        std::fs::write(dir.path().join("t.fail.yaml"), "a: 1\n").unwrap();
        std::fs::write(dir.path().join("t.pass.yaml"), "a: 1\n").unwrap();
        let loaded = load(&[dir.path().to_path_buf()], DEFAULT_TIME_LIMIT);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let (registry, problems) = loaded.into_registry();
        assert!(problems.is_empty(), "{problems:?}");
        (dir, registry)
    }

    /// The lines and messages of the rule's findings on `yaml`.
    fn findings(registry: &Registry, yaml: &str) -> Vec<(u32, String)> {
        let opts =
            ScanOptions { select: vec!["TEST-001".into()], registry: Some(registry.clone()), ..Default::default() };
        let report = scan_source(SourceFile::new("stack.yaml", yaml.to_string()), &opts).unwrap();
        assert!(report.diagnostics.iter().all(|d| !d.is_error()), "{:?}", report.diagnostics);
        report.findings.iter().map(|f| (f.location.span.line, f.message().into_owned())).collect()
    }

    #[test]
    fn helpers_keep_unknown_values_out() {
        let (_dir, registry) = registry_with(
            "deny contains lib.result(sprintf(\"%s suspended\", [b.meta.id]), b.versioning) if {
	some b in lib.resources(\"s3.bucket\")
	lib.value(b.versioning) != \"Enabled\"
}

deny contains lib.result(sprintf(\"%s absent\", [b.meta.id]), b) if {
	some b in lib.resources(\"s3.bucket\")
	lib.is_absent(b.versioning)
}

deny contains lib.result(sprintf(\"%s undecided\", [b.meta.id]), b) if {
	some b in lib.resources(\"s3.bucket\")
	lib.is_unknown(b.versioning)
	lib.value_or(b.versioning, \"x\") == \"x\"
}
",
        );
        let yaml = "Parameters:
  Mode:
    Type: String
Resources:
  Known:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
  Unknown:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Mode
  Absent:
    Type: AWS::S3::Bucket
";
        let got = findings(&registry, yaml);
        assert_eq!(got, vec![(9, "Known suspended".to_string()), (15, "Absent absent".to_string())]);
    }

    #[test]
    fn iam_facts_give_effective_permissions_and_escalations() {
        let (_dir, registry) = registry_with(
            "deny contains lib.result(sprintf(\"%s reads objects\", [p.id]), p) if {
	some p in lib.principals
	lib.allows(p, \"s3:GetObject\")
}

deny contains lib.result(sprintf(\"%s escalates with %s\", [p.id, e.method]), p) if {
	some p in lib.principals
	some e in lib.escalations(p)
}
",
        );
        let yaml = "Resources:
  Reader:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'
  Writer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: keys
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:CreateAccessKey
                Resource: '*'
";
        let got = findings(&registry, yaml);
        assert!(got.contains(&(2, "Reader reads objects".to_string())), "{got:?}");
        assert!(!got.iter().any(|(_, m)| m == "Writer reads objects"), "{got:?}");
        assert!(
            got.iter().any(|(l, m)| *l == 17 && m.starts_with("Writer escalates with iam:CreateAccessKey")),
            "{got:?}"
        );
    }

    /// The diagnostics of the rule on `yaml`.
    fn rule_errors(registry: &Registry, yaml: &str) -> Vec<String> {
        let opts =
            ScanOptions { select: vec!["TEST-001".into()], registry: Some(registry.clone()), ..Default::default() };
        let report = scan_source(SourceFile::new("stack.yaml", yaml.to_string()), &opts).unwrap();
        report.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.en()).collect()
    }

    #[test]
    fn results_carry_related_locations_and_malformed_ones_are_errors() {
        let yaml = "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Site:\n    Type: AWS::S3::Bucket\n";
        let (_dir, registry) = registry_with(
            "deny contains r if {
	some b in lib.resources(\"s3.bucket\")
	b.meta.id == \"Site\"
	some other in lib.resources(\"s3.bucket\")
	other.meta.id != b.meta.id
	r := {\"msg\": \"two buckets\", \"at\": b, \"related\": {{\"msg\": \"the other\", \"at\": other.meta.span}}}
}
",
        );
        let opts =
            ScanOptions { select: vec!["TEST-001".into()], registry: Some(registry.clone()), ..Default::default() };
        let report = scan_source(SourceFile::new("stack.yaml", yaml.to_string()), &opts).unwrap();
        let [f] = report.findings.as_slice() else { panic!("{:?}", report.findings) };
        assert_eq!((f.location.span.line, &*f.message()), (4, "two buckets"));
        assert_eq!(f.resource.as_ref().map(|r| (&*r.id, &*r.kind)), Some(("Site", "AWS::S3::Bucket")));
        let related: Vec<(u32, &str)> = f.related.iter().map(|r| (r.location.span.line, r.message.as_str())).collect();
        assert_eq!(related, vec![(2, "the other")]);

        let (_dir, registry) =
            registry_with("deny contains {\"msg\": 1, \"at\": b} if some b in lib.resources(\"s3.bucket\")\n");
        let errors = rule_errors(&registry, yaml);
        assert!(errors.iter().any(|e| e.contains("a result is an object with a string `msg`")), "{errors:?}");
        let (_dir, registry) =
            registry_with("deny contains {\"msg\": \"m\", \"at\": 3} if some b in lib.resources(\"s3.bucket\")\n");
        let errors = rule_errors(&registry, yaml);
        assert!(errors.iter().any(|e| e.contains("`at` must be a model object, a field or a span")), "{errors:?}");
    }

    #[test]
    fn a_deny_that_is_no_set_is_an_error() {
        let text = "package t.scalar\n\ndeny := 7 if input.model.buckets\n";
        let needs = Arc::new(input::Needs::of([text]));
        let p = engine::Program::compile(Path::new("s.rego"), text, DEFAULT_TIME_LIMIT, needs).expect("compiles");
        let input = regorus::Value::from_json_str("{\"model\": {\"buckets\": [1]}}").unwrap();
        let e = p.eval(&input).unwrap_err();
        assert_eq!(e.message, "`deny` must be a set of results; it is 7");
    }

    #[test]
    fn library_functions_are_reached_every_way_and_its_packages_are_reserved() {
        let (_dir, registry) = registry_with(
            "import data.palisade.lib.value

deny contains data.palisade.lib.result(sprintf(\"%s %s\", [b.meta.id, value(b.versioning)]), b) if {
	some b in lib.resources(\"s3.bucket\")
	data.palisade.lib.is_known(b.versioning)
	count(lib.identities) == 1
}
",
        );
        let yaml = "Resources:\n  Known:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n";
        assert_eq!(findings(&registry, yaml), vec![(2, "Known Suspended".to_string())]);
        for package in ["palisade", "palisade.lib"] {
            let dir = tempfile::tempdir().unwrap();
            let text = format!(
                "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: TEST-002\n#   severity: low\n\
#   layer: data\n#   controls: []\n#   well_architected: []\n#   remediation: R\n\
#   examples: [t.fail.yaml, t.pass.yaml]\npackage {package}\n\ndeny contains 1 if false\n"
            );
            std::fs::write(dir.path().join("t.rego"), text).unwrap();
            std::fs::write(dir.path().join("t.fail.yaml"), "a: 1\n").unwrap();
            std::fs::write(dir.path().join("t.pass.yaml"), "a: 1\n").unwrap();
            let loaded = load(&[dir.path().to_path_buf()], DEFAULT_TIME_LIMIT);
            assert!(loaded.rules.is_empty(), "{package}");
            assert!(loaded.diagnostics.iter().any(|d| d.message.en().contains("reserved")), "{:?}", loaded.diagnostics);
        }
    }

    fn engine_knows(name: &str) -> bool {
        let mut e = regorus::Engine::new();
        let policy = format!("package t\nx := {name}(1)\n");
        // A call of an unknown function is an error when the module is prepared; a known one
        // may fail on its argument, differently.
        if e.add_policy("t.rego".into(), policy).is_err() {
            return false;
        }
        match e.eval_rule("data.t.x".into()) {
            Ok(_) => true,
            Err(err) => {
                let text = format!("{err:#}");
                !text.contains("could not find function")
            }
        }
    }

    #[test]
    fn the_unsupported_builtins_are_unknown_to_the_engine() {
        let provided: Vec<&&str> = UNSUPPORTED_BUILTINS.iter().filter(|n| engine_knows(n)).collect();
        assert!(provided.is_empty(), "provided, take them off the list: {provided:?}");
        for name in ["count", "sprintf", "regex.match", "net.cidr_contains", "time.now_ns", "json.marshal"] {
            assert!(engine_knows(name), "{name} should be provided");
        }
    }
}
