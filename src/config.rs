//! The configuration file, `palisade.toml`.
//!
//! It is found by walking up from the first scanned path (or given with `--config`). Every
//! key is optional; an unknown key, a bad value, an unknown rule or an invalid glob or regular
//! expression is an error that names the file, line and column:
//!
//! ```toml
//! select = ["PAL-S3", "PAL-RDS"]        # only these rules (ids, slugs or id prefixes)
//! ignore = ["s3-access-logging"]         # not these
//! fail-on = "high"                       # exit 1 only for findings at or above this severity
//! exclude = ["vendor/**", "*.generated.yaml"]
//! baseline = ".palisade-baseline.json"   # relative to this file
//! report-unused-suppressions = true
//!
//! [severity]                             # severity overrides
//! PAL-S3-003 = "low"
//!
//! [per-path-ignores]                     # rules not reported for some paths
//! "legacy/**" = ["PAL-S3-004", "PAL-S3-005"]
//!
//! [images]                             # registries Kubernetes images may come from
//! allowed-registries = ["123456789012.dkr.ecr.eu-west-1.amazonaws.com"]
//!
//! [secrets]
//! allow = ["^EXAMPLE-"]                  # regular expressions over the offending text
//!
//! [parameters."stacks/prod-*.yaml"]      # template parameter values, instead of defaults
//! Environment = "prod"
//!
//! [rules]                                # custom rules in Rego (docs/custom-rules.md)
//! paths = ["policy/rules"]               # files or directories, relative to this file
//! time-limit-ms = 2000                   # per rule and unit of analysis
//! ```
//!
//! Globs are relative to the directory of `palisade.toml`; one without `/` matches at any
//! depth. Command-line options win over the file: `--select` replaces `select`; `--ignore`,
//! `--exclude` and `--allowed-registry` add to `ignore`, `exclude` and `allowed-registries`;
//! `--fail-on` replaces `fail-on`; `--parameters` values win over `[parameters]`.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::filter::{PathGlob, Policy};
use crate::finding::Severity;
use crate::frontend::InputPolicy;
use crate::rules;

/// The configuration file's name.
pub const FILE_NAME: &str = "palisade.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    baseline: Option<Spanned<String>>,
    report_unused_suppressions: Option<bool>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    images: Images,
    #[serde(default)]
    secrets: Secrets,
    parameters: Option<Spanned<toml::Table>>,
    max_file_size: Option<Spanned<toml::Value>>,
    #[serde(default)]
    rules: RulesSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RulesSection {
    #[serde(default)]
    paths: Vec<String>,
    time_limit_ms: Option<Spanned<u64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Images {
    #[serde(default)]
    allowed_registries: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Secrets {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
}

/// A loaded configuration (the default is the empty configuration).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it was read from.
    pub path: Option<PathBuf>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    pub exclude: Vec<String>,
    /// Resolved against the file's directory.
    pub baseline: Option<PathBuf>,
    pub report_unused_suppressions: bool,
    pub severity: Vec<(String, Severity)>,
    pub per_path_ignores: Vec<(String, Vec<String>)>,
    pub allowed_registries: Vec<String>,
    pub secrets_allow: Vec<String>,
    /// Glob → parameter values, in the order written.
    pub parameters: Vec<(String, Vec<(String, String)>)>,
    /// Largest file read, in bytes (`max-file-size`: bytes, or a string such as "10MB").
    pub max_file_size: Option<usize>,
    /// Custom rule files and directories (`[rules] paths`), resolved against the file's
    /// directory.
    pub rule_paths: Vec<PathBuf>,
    /// Time a custom rule may take over one unit of analysis (`[rules] time-limit-ms`).
    pub rule_time_limit_ms: Option<u64>,
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    crate::source::line_col_in(text, offset)
}

struct Errors<'a> {
    path: &'a Path,
    text: &'a str,
    /// Custom rules that names may refer to.
    custom: Vec<std::sync::Arc<rules::RuleMeta>>,
}

impl Errors<'_> {
    fn at(&self, span: Range<usize>, message: impl std::fmt::Display) -> String {
        let (line, col) = line_col(self.text, span.start);
        format!("{}:{line}:{col}: {message}", self.path.display())
    }
}

fn check_rule(e: &Errors<'_>, name: &Spanned<String>) -> Result<String, String> {
    let n = name.get_ref().trim();
    if rules::all().iter().any(|r| r.meta.matches(n)) || e.custom.iter().any(|m| m.matches(n)) {
        Ok(n.to_string())
    } else {
        let all = rules::all();
        let hint = rules::did_you_mean(n, all.iter().map(|r| &*r.meta));
        Err(e.at(name.span(), format!("unknown rule `{n}`{hint} (run `palisade rules` to list them)")))
    }
}

fn check_severity(e: &Errors<'_>, s: &Spanned<String>) -> Result<Severity, String> {
    Severity::parse(s.get_ref().trim()).ok_or_else(|| {
        e.at(s.span(), format!("unknown severity `{}`: expected critical, high, medium, low or info", s.get_ref()))
    })
}

fn check_glob(e: &Errors<'_>, g: &str, span: Range<usize>) -> Result<String, String> {
    PathGlob::new(g).map(|_| g.to_string()).map_err(|m| e.at(span, m))
}

/// Text of a parameter value: strings as they are, numbers and booleans as written, lists
/// joined with commas (as CloudFormation passes `CommaDelimitedList` values).
fn parameter_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Array(items) => items.iter().map(parameter_text).collect::<Option<Vec<_>>>().map(|v| v.join(",")),
        _ => None,
    }
}

impl Config {
    /// Parses a configuration file's text; `path` is used in errors and to resolve relative
    /// paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
        Config::parse_with_rules(text, path, &[])
    }

    /// Parses a configuration file's text, rule names referring to built-in rules, to the
    /// custom rules the file names and to those of `rule_paths` (`--rules`).
    pub fn parse_with_rules(text: &str, path: &Path, rule_paths: &[PathBuf]) -> Result<Config, String> {
        let mut e = Errors { path, text, custom: Vec::new() };
        let raw: Raw = toml::from_str(text).map_err(|err| {
            let msg = err.message().trim().to_string();
            match err.span() {
                Some(span) => e.at(span, msg),
                None => format!("{}: {msg}", path.display()),
            }
        })?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut c = Config { path: Some(path.to_path_buf()), ..Config::default() };
        c.rule_paths = raw.rules.paths.iter().map(|p| dir.join(p)).collect();
        c.rule_time_limit_ms = raw.rules.time_limit_ms.as_ref().map(|t| *t.get_ref());
        if let Some(t) = raw.rules.time_limit_ms.as_ref().filter(|t| *t.get_ref() == 0) {
            return Err(e.at(t.span(), "`time-limit-ms` must be at least 1"));
        }
        if !c.rule_paths.is_empty() || !rule_paths.is_empty() {
            let all: Vec<PathBuf> = c.rule_paths.iter().chain(rule_paths).cloned().collect();
            e.custom = crate::custom::load(&all, crate::custom::DEFAULT_TIME_LIMIT)
                .rules
                .into_iter()
                .map(|r| r.meta)
                .collect();
        }
        if let Some(sel) = &raw.select {
            c.select = Some(sel.iter().map(|s| check_rule(&e, s)).collect::<Result<_, _>>()?);
        }
        c.ignore = raw.ignore.iter().map(|s| check_rule(&e, s)).collect::<Result<_, _>>()?;
        c.fail_on = raw.fail_on.as_ref().map(|s| check_severity(&e, s)).transpose()?;
        c.exclude = raw.exclude.iter().map(|g| check_glob(&e, g.get_ref(), g.span())).collect::<Result<_, _>>()?;
        c.baseline = raw.baseline.as_ref().map(|b| dir.join(b.get_ref()));
        c.report_unused_suppressions = raw.report_unused_suppressions.unwrap_or(false);
        if let Some(size) = &raw.max_file_size {
            let parsed = match size.get_ref() {
                toml::Value::Integer(n) => crate::parse::parse_size(&n.to_string()),
                toml::Value::String(t) => crate::parse::parse_size(t),
                _ => Err("expected a number of bytes or a string such as \"10MB\"".to_string()),
            };
            c.max_file_size = Some(parsed.map_err(|m| e.at(size.span(), format!("`max-file-size`: {m}")))?);
        }
        for (rule, sev) in &raw.severity {
            let name = check_rule(&e, &Spanned::new(sev.span(), rule.clone()))?;
            c.severity.push((name, check_severity(&e, sev)?));
        }
        for (glob, rules) in &raw.per_path_ignores {
            check_glob(&e, glob, rules.span())?;
            let names = rules.get_ref().iter().map(|r| check_rule(&e, r)).collect::<Result<_, _>>()?;
            c.per_path_ignores.push((glob.clone(), names));
        }
        c.allowed_registries = raw.images.allowed_registries.iter().map(|r| r.get_ref().trim().to_string()).collect();
        for re in &raw.secrets.allow {
            regex::Regex::new(re.get_ref())
                .map_err(|err| e.at(re.span(), format!("invalid regular expression: {err}")))?;
            c.secrets_allow.push(re.get_ref().clone());
        }
        if let Some(params) = &raw.parameters {
            // The table keeps the order written; a second pass gives each value its span.
            let spans: BTreeMap<String, BTreeMap<String, Spanned<toml::Value>>> =
                toml::from_str::<ParamSpans>(text).map(|p| p.parameters).unwrap_or_default();
            for (glob, values) in params.get_ref() {
                let glob_span =
                    spans.get(glob).and_then(|m| m.values().next()).map(|v| v.span()).unwrap_or_else(|| params.span());
                check_glob(&e, glob, glob_span.clone())?;
                let Some(table) = values.as_table() else {
                    return Err(e.at(
                        glob_span,
                        format!("`parameters.\"{glob}\"` must be a table of parameter names and values"),
                    ));
                };
                let mut out = Vec::new();
                for (name, v) in table {
                    let span = spans.get(glob).and_then(|m| m.get(name)).map(|v| v.span()).unwrap_or(glob_span.clone());
                    let text = parameter_text(v).ok_or_else(|| {
                        e.at(span, format!("parameter `{name}`: expected a string, number, boolean or list of them"))
                    })?;
                    out.push((name.clone(), text));
                }
                c.parameters.push((glob.clone(), out));
            }
        }
        Ok(c)
    }

    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<Config, String> {
        Config::load_limited(path, &crate::parse::Limits::default())
    }

    /// Reads and parses a configuration file no larger than `limits` allow.
    pub fn load_limited(path: &Path, limits: &crate::parse::Limits) -> Result<Config, String> {
        Config::load_with_rules(path, limits, &[])
    }

    /// Reads and parses a configuration file, rule names referring to the custom rules of
    /// `rule_paths` too (see [`Config::parse_with_rules`]).
    pub fn load_with_rules(
        path: &Path,
        limits: &crate::parse::Limits,
        rule_paths: &[PathBuf],
    ) -> Result<Config, String> {
        let text = crate::parse::read_text_file(path, limits)?;
        Config::parse_with_rules(&text, path, rule_paths)
    }

    /// The nearest `palisade.toml` in `start`'s directory or one of its parents.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = crate::filter::normalise(&cwd.join(start));
        let mut dir = if abs.is_dir() { Some(abs.as_path()) } else { abs.parent() };
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// The directory globs are relative to.
    pub fn root(&self) -> Option<PathBuf> {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.path.as_ref().map(|p| {
            let abs = crate::filter::normalise(&cwd.join(p));
            abs.parent().map(Path::to_path_buf).unwrap_or(cwd)
        })
    }

    /// What the filter stage needs from this configuration. Its values were validated when
    /// it was parsed.
    pub fn policy(&self) -> Result<Policy, String> {
        let glob = |g: &String| PathGlob::new(g);
        Ok(Policy {
            root: self.root(),
            per_path_ignores: self
                .per_path_ignores
                .iter()
                .map(|(g, r)| Ok((glob(g)?, r.clone())))
                .collect::<Result<_, String>>()?,
            severity: self.severity.clone(),
            secrets_allow: self
                .secrets_allow
                .iter()
                .map(|r| regex::Regex::new(r).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?,
            allowed_registries: self.allowed_registries.clone(),
            report_unused: self.report_unused_suppressions,
        })
    }

    /// What loading the inputs needs from this configuration: excluded files and per-file
    /// parameter values.
    pub fn inputs(&self) -> Result<InputPolicy, String> {
        let glob = |g: &String| PathGlob::new(g);
        Ok(InputPolicy {
            root: self.root(),
            exclude: self.exclude.iter().map(glob).collect::<Result<_, _>>()?,
            parameters: self
                .parameters
                .iter()
                .map(|(g, v)| Ok((glob(g)?, v.iter().cloned().collect())))
                .collect::<Result<_, String>>()?,
        })
    }

    /// The configuration as TOML, every key shown (as `palisade config --show` prints it).
    pub fn to_toml(&self) -> String {
        use toml::{Table, Value};
        let strings = |v: &[String]| Value::Array(v.iter().map(|s| Value::String(s.clone())).collect());
        let mut t = Table::new();
        t.insert("select".into(), strings(self.select.as_deref().unwrap_or_default()));
        t.insert("ignore".into(), strings(&self.ignore));
        t.insert("fail-on".into(), Value::String(self.fail_on.unwrap_or(Severity::Low).as_str().into()));
        t.insert("exclude".into(), strings(&self.exclude));
        if let Some(b) = &self.baseline {
            t.insert("baseline".into(), Value::String(crate::source::display_path(b)));
        }
        t.insert("report-unused-suppressions".into(), Value::Boolean(self.report_unused_suppressions));
        let max = self.max_file_size.unwrap_or(crate::parse::Limits::default().max_file_bytes);
        t.insert("max-file-size".into(), Value::Integer(i64::try_from(max).unwrap_or(i64::MAX)));
        let mut sev = Table::new();
        for (r, s) in &self.severity {
            sev.insert(r.clone(), Value::String(s.as_str().into()));
        }
        t.insert("severity".into(), Value::Table(sev));
        let mut ppi = Table::new();
        for (g, r) in &self.per_path_ignores {
            ppi.insert(g.clone(), strings(r));
        }
        t.insert("per-path-ignores".into(), Value::Table(ppi));
        let mut images = Table::new();
        images.insert("allowed-registries".into(), strings(&self.allowed_registries));
        t.insert("images".into(), Value::Table(images));
        let mut secrets = Table::new();
        secrets.insert("allow".into(), strings(&self.secrets_allow));
        t.insert("secrets".into(), Value::Table(secrets));
        let mut params = Table::new();
        for (g, values) in &self.parameters {
            let mut p = Table::new();
            for (k, v) in values {
                p.insert(k.clone(), Value::String(v.clone()));
            }
            params.insert(g.clone(), Value::Table(p));
        }
        t.insert("parameters".into(), Value::Table(params));
        let mut custom = Table::new();
        let paths: Vec<String> = self.rule_paths.iter().map(|p| crate::source::display_path(p)).collect();
        custom.insert("paths".into(), strings(&paths));
        let limit = self.rule_time_limit_ms.unwrap_or(crate::custom::DEFAULT_TIME_LIMIT.as_millis() as u64);
        custom.insert("time-limit-ms".into(), Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        t.insert("rules".into(), Value::Table(custom));
        let source = match &self.path {
            Some(p) => format!("# Effective configuration, from {}\n", p.display()),
            None => "# Effective configuration: no palisade.toml found, defaults\n".to_string(),
        };
        let source = format!("{source}# (`select = []` selects every rule)\n");
        format!("{source}{}", toml::to_string(&t).unwrap_or_default())
    }
}

#[derive(Deserialize)]
struct ParamSpans {
    #[serde(default)]
    parameters: BTreeMap<String, BTreeMap<String, Spanned<toml::Value>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("cfg/palisade.toml"))
    }

    #[test]
    fn empty_file_is_the_default() {
        let c = parse("").unwrap();
        assert_eq!(c, Config { path: Some("cfg/palisade.toml".into()), ..Config::default() });
    }

    #[test]
    fn every_key() {
        let c = parse(
            r#"select = ["PAL-S3"]
ignore = ["s3-access-logging"]
fail-on = "high"
exclude = ["vendor/**"]
baseline = ".palisade-baseline.json"
report-unused-suppressions = true
[severity]
PAL-S3-003 = "low"
[per-path-ignores]
"legacy/**" = ["PAL-S3-004"]
[images]
allowed-registries = ["registry.example.com"]
[secrets]
allow = ["^EXAMPLE"]
[parameters."prod/*.yaml"]
Env = "prod"
Size = 3
Zones = ["a", "b"]
[parameters."*.yaml"]
Env = "dev"
"#,
        )
        .unwrap();
        assert_eq!(c.select, Some(vec!["PAL-S3".to_string()]));
        assert_eq!(c.fail_on, Some(Severity::High));
        assert_eq!(c.baseline, Some(PathBuf::from("cfg/.palisade-baseline.json")));
        assert_eq!(c.severity, vec![("PAL-S3-003".to_string(), Severity::Low)]);
        assert_eq!(c.per_path_ignores, vec![("legacy/**".to_string(), vec!["PAL-S3-004".to_string()])]);
        assert_eq!(c.allowed_registries, vec!["registry.example.com"]);
        assert_eq!(c.parameters[0].0, "prod/*.yaml", "order as written");
        assert_eq!(
            c.parameters[0].1,
            vec![("Env".into(), "prod".into()), ("Size".into(), "3".into()), ("Zones".into(), "a,b".into())]
        );
        let shown = c.to_toml();
        assert!(shown.contains("fail-on = \"high\""), "{shown}");
        assert!(shown.contains("[parameters.\"prod/*.yaml\"]"), "{shown}");
    }

    #[test]
    fn unknown_keys_point_at_their_line() {
        let err = parse("fail-on = \"high\"\n\nfial-on = \"low\"\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:3:1: "), "{err}");
        assert!(err.contains("fial-on"), "{err}");
        let err = parse("[secrets]\nallow = []\nalow = []\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:3:1: "), "{err}");
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let err = parse("ignore = [\n  \"PAL-S3-001\",\n  \"PAL-NOPE-001\",\n]\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:3:3: unknown rule `PAL-NOPE-001`"), "{err}");
        let err = parse("fail-on = \"severe\"\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:1:11: unknown severity"), "{err}");
        let err = parse("[severity]\nPAL-S3-001 = \"hgh\"\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:2:14: "), "{err}");
        let err = parse("[secrets]\nallow = [\"(\"]\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:2:10: invalid regular expression"), "{err}");
        let err = parse("exclude = [\"a[\"]\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:1:12: invalid glob"), "{err}");
        let err = parse("[parameters.\"*.yaml\"]\nEnv = { a = 1 }\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:2:7: parameter `Env`"), "{err}");
        let err = parse("select = \"PAL-S3\"\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:1:10: "), "{err}");
    }

    #[test]
    fn syntax_errors_point_at_their_line() {
        let err = parse("select = [\"PAL-S3\"\nignore = 1\n").unwrap_err();
        assert!(err.starts_with("cfg/palisade.toml:"), "{err}");
    }
}
