//! Rules: metadata plus one pure check function over the model.
//!
//! Rules live one module per service area (`s3`, `ec2`, `rds`, ...). Each module exports a
//! `RULES` list; a rule's documentation examples are its fixture files in the module's
//! `fixtures/` folder (`<slug>.fail.yaml`, `<slug>.pass.yaml`), included with `include_str!`
//! and run through the whole pipeline by the test suite. A line of a failing fixture that
//! carries the comment `# expect: RULE-ID` is where that rule must report (JSON, which has no
//! comments, carries it as a member `"# expect: RULE-ID": 0,` on that line).

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use serde::Serialize;

use crate::analyze::Facts;
use crate::finding::{Finding, Layer, Related, ResourceRef, Severity};
use crate::i18n::{Lang, label};
use crate::model::{Field, Model, Origin, ResMeta};
use crate::source::{Location, Span};

mod examples {
    include!(concat!(env!("OUT_DIR"), "/examples.rs"));
}

/// The Markdown code-fence language of an example file, from its extension.
pub fn fence(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "json" => "json",
        "tf" => "hcl",
        "rego" => "rego",
        _ => "yaml",
    }
}

/// The input language of an example file: `cloudformation`, `terraform`, `terraform-plan`,
/// `kubernetes`, `iam-policy`, or `rego`.
pub fn language_of(name: &str, text: &str) -> &'static str {
    match fence(name) {
        "hcl" => "terraform",
        "rego" => "rego",
        _ if text.contains("\"format_version\"") => "terraform-plan",
        _ if text.contains("apiVersion") && !text.contains("AWS::") => "kubernetes",
        _ if text.contains("AWS::") || text.contains("AWSTemplateFormatVersion") => "cloudformation",
        _ => "iam-policy",
    }
}

/// The example files of the rule with this slug: `<slug>.fail[.N].<ext>` and
/// `<slug>.pass[.N].<ext>`, in name order.
pub fn examples_of(slug: &str) -> Vec<Example> {
    let mut out: Vec<Example> = examples::EXAMPLES
        .iter()
        .filter_map(|(name, text)| {
            let rest = name.strip_prefix(slug)?.strip_prefix('.')?;
            let fails = if rest.starts_with("fail.") {
                true
            } else if rest.starts_with("pass.") {
                false
            } else {
                return None;
            };
            Some(Example { name: Text::Borrowed(name), fails, text: Text::Borrowed(text) })
        })
        .collect();
    // `<slug>.fail.yaml` before `<slug>.fail.2.yaml`.
    let numbered = |e: &Example| e.name.split('.').any(|p| p.bytes().all(|b| b.is_ascii_digit()));
    out.sort_by(|a, b| (numbered(a), &a.name).cmp(&(numbered(b), &b.name)));
    out
}

/// Text of a rule's metadata: written into the program, or owned (rules loaded at run time).
pub type Text = Cow<'static, str>;

/// A list of texts, likewise.
pub type Texts = Cow<'static, [Text]>;

/// A rule's metadata and documentation.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// Stable id, e.g. `PAL-S3-001`.
    pub id: Text,
    /// Stable human-readable name, e.g. `s3-public-access-block`.
    pub slug: Text,
    /// One-line title.
    pub title: Text,
    /// Default severity.
    pub severity: Severity,
    /// Defense-in-depth layer.
    pub layer: Layer,
    /// The AWS service or platform area (`s3`, `ec2`, `rds`, `kms`, `cloudformation`, ...).
    pub service: Text,
    /// Well-Architected Security Pillar best-practice ids the rule evidences.
    pub well_architected: Texts,
    /// Ids of the controls (CONTROLS catalog) the rule implements, e.g. `DATA-01`.
    pub controls: Texts,
    /// Compliance requirements the rule evidences, `<framework>:<id>` (see [`crate::compliance`]).
    pub compliance: Texts,
    /// Resource types the rule inspects, as the input languages spell them.
    pub resource_types: Texts,
    /// What to do about a finding.
    pub remediation: Text,
    /// Why this matters, in Markdown.
    pub description: Text,
    /// Documented examples (each one tested): at least one failing and one passing.
    pub examples: Cow<'static, [Example]>,
    /// The language of the title, description and remediation (see [`RuleMeta::localized`]).
    pub lang: Lang,
    /// Korean title, description and remediation a custom rule carries itself (`custom.ko`);
    /// built-in rules take theirs from the message catalogues.
    pub korean: Option<std::sync::Arc<[Option<Text>; 3]>>,
}

/// One documented example of a rule: an input it reports on, or one it accepts.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// File name, e.g. `s3-public-access-block.fail.yaml`.
    pub name: Text,
    /// Whether the rule reports on it.
    pub fails: bool,
    pub text: Text,
}

impl Serialize for RuleMeta {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("RuleMeta", 15)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("slug", &self.slug)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("layer", &self.layer)?;
        st.serialize_field("service", &self.service)?;
        st.serialize_field("well_architected", &self.well_architected)?;
        st.serialize_field("controls", &self.controls)?;
        st.serialize_field("compliance", &self.compliance)?;
        st.serialize_field("resource_types", &self.resource_types)?;
        st.serialize_field("remediation", &self.remediation)?;
        st.serialize_field("description", &self.description)?;
        st.serialize_field("fail_example", &without_markers(self.fail_example()))?;
        st.serialize_field("pass_example", &without_markers(self.pass_example()))?;
        st.serialize_field("languages", &self.languages())?;
        st.end()
    }
}

impl RuleMeta {
    /// The first failing example.
    pub fn fail_example(&self) -> &str {
        self.first_example(true)
    }

    /// The first example that fails (`fails`) or passes, in the language the rule was first
    /// written for (CloudFormation or Kubernetes YAML/JSON before Terraform).
    fn first_example(&self, fails: bool) -> &str {
        let of = |tf: bool| self.examples.iter().find(|e| e.fails == fails && (fence(&e.name) == "hcl") == tf);
        of(false).or_else(|| of(true)).map(|e| &*e.text).unwrap_or("")
    }

    /// The input languages the rule has both a failing and a passing example in.
    pub fn languages(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for e in self.examples.iter() {
            let l = language_of(&e.name, &e.text);
            let both = self.examples.iter().any(|o| o.fails && language_of(&o.name, &o.text) == l)
                && self.examples.iter().any(|o| !o.fails && language_of(&o.name, &o.text) == l);
            if both && !out.contains(&l) {
                out.push(l);
            }
        }
        out.sort_unstable();
        out
    }

    /// The first passing example.
    pub fn pass_example(&self) -> &str {
        self.first_example(false)
    }

    /// The title in `lang`: the translation (`src/rules/<area>/<lang>.ftl`, message id: the
    /// slug) when there is one, else the English title.
    pub fn title_in(&self, lang: Lang) -> Text {
        self.translated(lang, None).unwrap_or_else(|| self.title.clone())
    }

    /// The description in `lang` (the English one when it is not translated).
    pub fn description_in(&self, lang: Lang) -> Text {
        let Some(text) = self.translated(lang, Some("description")) else { return self.description.clone() };
        // The escalation rule's description ends with the table of its methods, which the
        // translation gets in its language.
        let methods = crate::analyze::iam::escalation::METHODS_DOC;
        if self.description.ends_with(methods.trim_end()) || self.description.ends_with(methods) {
            return Text::Owned(format!("{}{}", text.trim_end(), crate::analyze::iam::escalation::methods_doc(lang)));
        }
        text
    }

    /// The remediation in `lang` (the English one when it is not translated).
    pub fn remediation_in(&self, lang: Lang) -> Text {
        self.translated(lang, Some("remediation")).unwrap_or_else(|| self.remediation.clone())
    }

    fn translated(&self, lang: Lang, attribute: Option<&str>) -> Option<Text> {
        if lang == self.lang {
            return None;
        }
        if lang == Lang::Ko
            && let Some(ko) = &self.korean
        {
            let i = match attribute {
                None => 0,
                Some("description") => 1,
                _ => 2,
            };
            return ko[i].clone();
        }
        crate::i18n::text(lang, &self.slug, attribute).map(Text::Owned)
    }

    /// The metadata with its title, description and remediation in `lang`.
    pub fn localized(&self, lang: Lang) -> RuleMeta {
        RuleMeta {
            title: self.title_in(lang),
            description: self.description_in(lang),
            remediation: self.remediation_in(lang),
            lang,
            ..self.clone()
        }
    }

    /// The compliance requirements the rule evidences as a Markdown section, one line per
    /// requirement with its title, grouped by framework; empty when it evidences none.
    pub fn compliance_documentation(&self) -> String {
        self.compliance_documentation_in(self.lang)
    }

    /// The compliance section of the documentation in `lang` (requirement titles from the
    /// framework's catalogue in that language when there is one).
    pub fn compliance_documentation_in(&self, lang: Lang) -> String {
        let groups = crate::compliance::by_framework(self.compliance.iter().map(|c| &**c));
        if groups.is_empty() {
            return String::new();
        }
        let mut s = format!("## {}\n\n", label(lang, "doc-compliance"));
        for (framework, ids) in groups {
            s.push_str(&format!("{}:\n\n", framework.name_in(lang.code())));
            for id in ids {
                let title = crate::compliance::requirement_name(framework, id, lang.code());
                let title = title.map_or_else(|| label(lang, "doc-not-in-catalogue"), Cow::Borrowed);
                s.push_str(&format!("- `{}:{id}` {title}\n", framework.key()));
            }
            s.push('\n');
        }
        s
    }

    /// The documentation as Markdown, as `palisade rule ID` prints it, in the language of the
    /// metadata.
    pub fn documentation(&self) -> String {
        self.documentation_in(self.lang)
    }

    /// The documentation as Markdown, in `lang`.
    pub fn documentation_in(&self, lang: Lang) -> String {
        let l = |id: &str| label(lang, id);
        let mut s = String::new();
        s.push_str(&format!("# {} {}: {}\n\n", self.id, self.slug, self.title_in(lang)));
        // English shows the severity and layer as the machine-readable values they are.
        let (severity, layer) = if lang == Lang::En {
            (self.severity.to_string(), self.layer.to_string())
        } else {
            (
                l(&format!("severity-{}", self.severity.as_str())).into_owned(),
                l(&format!("text-layer-{}", self.layer.as_str())).into_owned(),
            )
        };
        s.push_str(&format!(
            "{}: {}  \n{}: {}  \n{}: {}  \n{}: {}  \n{}: {}  \n{}: {}\n\n",
            l("doc-severity"),
            severity,
            l("doc-layer"),
            layer,
            l("doc-service"),
            self.service,
            l("doc-controls"),
            self.controls.join(", "),
            l("doc-well-architected"),
            self.well_architected.join(", "),
            l("doc-resource-types"),
            self.resource_types.join(", "),
        ));
        s.push_str(&self.compliance_documentation_in(lang));
        s.push_str(&format!("## {}\n\n", l("doc-why")));
        s.push_str(self.description_in(lang).trim());
        s.push_str(&format!("\n\n## {}\n\n", l("doc-fix")));
        s.push_str(self.remediation_in(lang).trim());
        // One failing and one passing example per input language the rule has examples in.
        let mut languages: Vec<&str> = Vec::new();
        for e in self.examples.iter() {
            let l = fence(&e.name);
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        // The language the rule was first written for, then Terraform.
        languages.sort_by_key(|l| *l == "hcl");
        for lg in languages {
            let first = |fails: bool| self.examples.iter().find(|e| e.fails == fails && fence(&e.name) == lg);
            let suffix = match lg {
                "yaml" => String::new(),
                "hcl" => " (Terraform)".to_string(),
                _ => format!(" ({lg})"),
            };
            for (title, fails) in [(l("doc-failing-example"), true), (l("doc-passing-example"), false)] {
                if let Some(e) = first(fails) {
                    s.push_str(&format!("\n\n## {title}{suffix}\n\n```{lg}\n"));
                    s.push_str(without_markers(&e.text).trim_end());
                    s.push_str("\n```");
                }
            }
        }
        s.push('\n');
        s
    }

    /// Does `name` (an id, a slug or an id prefix such as `PAL-S3`) name this rule?
    pub fn matches(&self, name: &str) -> bool {
        let n = name.trim();
        self.id.eq_ignore_ascii_case(n)
            || self.slug.eq_ignore_ascii_case(n)
            || (self.id.len() > n.len()
                && self.id.is_char_boundary(n.len())
                && self.id[..n.len()].eq_ignore_ascii_case(n)
                && self.id.as_bytes()[n.len()] == b'-')
    }
}

/// An example as documentation shows it: without the `# expect: RULE-ID` comments that tell
/// the test suite where a rule must report (the comment and the spaces before it go, the line
/// stays).
fn without_markers(text: &str) -> Cow<'_, str> {
    if !text.contains("# expect:") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, eol) = match line.strip_suffix('\n') {
            Some(b) => match b.strip_suffix('\r') {
                Some(b) => (b, "\r\n"),
                None => (b, "\n"),
            },
            None => (line, ""),
        };
        // JSON has no comments: a JSON fixture marks a line with a member of its own,
        // `"# expect: RULE-ID": 0, `, written before another member of the line.
        if let Some(i) = body.find("\"# expect:")
            && let Some(len) = body[i..].find(": 0,").map(|j| j + ": 0,".len())
        {
            let rest = body[i + len..].trim_start_matches(' ');
            out.push_str(&body[..i]);
            out.push_str(rest);
            out.push_str(eol);
            continue;
        }
        // A YAML comment starts a line or follows a space.
        let marker =
            body.match_indices("# expect:").map(|(i, _)| i).find(|&i| i == 0 || body[..i].ends_with([' ', '\t']));
        match marker {
            Some(i) => out.push_str(body[..i].trim_end_matches([' ', '\t'])),
            None => out.push_str(body),
        }
        out.push_str(eol);
    }
    Cow::Owned(out)
}

/// A rule's check: reports every problem it sees in a model, given the facts the analyses
/// established about it.
pub type CheckFn = fn(&Model, &Facts<'_>, &mut Sink<'_>);

/// A check loaded at run time.
pub type DynCheck = Box<dyn Fn(&Model, &Facts<'_>, &mut Sink<'_>) + Send + Sync>;

/// How a rule checks a model.
pub enum Check {
    /// A check compiled into the program.
    Native(CheckFn),
    /// A check loaded at run time.
    Dynamic(DynCheck),
    /// A custom rule written in Rego.
    Rego(Arc<crate::custom::Program>),
}

/// A rule: its metadata and its check.
pub struct Rule {
    pub meta: Arc<RuleMeta>,
    pub check: Check,
}

impl Rule {
    /// Runs the check. A custom rule that fails on this model (a runtime error, its time limit
    /// exceeded) says so in a diagnostic located in its own file.
    pub fn run(&self, model: &Model, facts: &Facts<'_>, sink: &mut Sink<'_>) -> Result<(), crate::finding::Diagnostic> {
        match &self.check {
            Check::Native(f) => f(model, facts, sink),
            Check::Dynamic(f) => f(model, facts, sink),
            Check::Rego(p) => {
                return p.run(model, facts, sink).map_err(|e| crate::finding::Diagnostic {
                    kind: crate::finding::DiagnosticKind::Invalid,
                    file: p.file.clone(),
                    line: e.line,
                    col: e.col,
                    message: msg!(
                        "diag-custom-rule-failed",
                        rule = self.meta.id,
                        file = model.file,
                        detail = e.message
                    ),
                });
            }
        }
        Ok(())
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.meta.id).finish_non_exhaustive()
    }
}

/// The metadata of a built-in rule, as written in its module.
#[derive(Debug)]
pub struct StaticMeta {
    pub id: &'static str,
    pub slug: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    pub layer: Layer,
    pub service: &'static str,
    pub well_architected: &'static [&'static str],
    pub controls: &'static [&'static str],
    /// Compliance requirements the rule evidences, `<framework>:<id>`.
    pub compliance: &'static [&'static str],
    /// Model kinds ([`crate::model::kind`]) the rule inspects; documentation lists the source
    /// types they stand for. A string that is not a model kind is listed as it is.
    pub resource_types: &'static [&'static str],
    pub remediation: &'static str,
    pub description: &'static str,
}

/// A built-in rule, as written in its module.
pub struct Builtin {
    pub meta: StaticMeta,
    pub check: CheckFn,
}

fn texts(v: &'static [&'static str]) -> Texts {
    v.iter().map(|s| Text::Borrowed(*s)).collect::<Vec<_>>().into()
}

/// The source types that model kinds stand for, in order; other strings as they are.
fn source_type_texts(kinds: &'static [&'static str]) -> Texts {
    let mut out: Vec<Text> = Vec::new();
    for k in kinds {
        let types = crate::model::kind::source_types(k);
        if types.is_empty() {
            out.push(Text::Borrowed(*k));
        } else {
            out.extend(types.into_iter().map(Text::Borrowed));
        }
    }
    out.into()
}

impl StaticMeta {
    /// The metadata, as rules carry it.
    pub fn to_meta(&self) -> RuleMeta {
        let m = self;
        let examples = examples_of(m.slug);
        RuleMeta {
            id: m.id.into(),
            slug: m.slug.into(),
            title: m.title.into(),
            severity: m.severity,
            layer: m.layer,
            service: m.service.into(),
            well_architected: texts(m.well_architected),
            controls: texts(m.controls),
            compliance: texts(m.compliance),
            resource_types: source_type_texts(m.resource_types),
            remediation: m.remediation.into(),
            description: m.description.into(),
            examples: examples.into(),
            lang: Lang::En,
            korean: None,
        }
    }
}

impl Builtin {
    fn to_rule(&self) -> Rule {
        Rule { meta: Arc::new(self.meta.to_meta()), check: Check::Native(self.check) }
    }
}

/// Findings as rules report them, kept in blocks that are never moved once allocated: a list
/// that grows to hundreds of thousands of findings never holds an old and a new copy of itself
/// at once, and it is joined into one list of exactly its length (see [`Found::into_vec`]).
#[derive(Debug, Default)]
pub struct Found {
    blocks: Vec<Vec<Finding>>,
}

impl Found {
    /// The first block's capacity; each next block's doubles, up to [`Found::MAX_BLOCK`].
    const FIRST_BLOCK: usize = 16;
    const MAX_BLOCK: usize = 1 << 14;

    /// Adds a finding; returns it.
    pub fn push(&mut self, finding: Finding) -> &mut Finding {
        let full = self.blocks.last().is_none_or(|b| b.len() == b.capacity());
        if full {
            let capacity = self.blocks.last().map_or(Self::FIRST_BLOCK, |b| (b.capacity() * 2).min(Self::MAX_BLOCK));
            self.blocks.push(Vec::with_capacity(capacity));
        }
        let block = self.blocks.last_mut().expect("a block with room");
        block.push(finding);
        block.last_mut().expect("just pushed")
    }

    /// How many findings there are.
    pub fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Vec::is_empty)
    }

    /// Keeps the first `len` findings.
    pub fn truncate(&mut self, len: usize) {
        let mut kept = 0;
        self.blocks.retain_mut(|b| {
            let keep = len.saturating_sub(kept).min(b.len());
            b.truncate(keep);
            kept += keep;
            keep > 0
        });
    }

    /// Every finding, in the order they were added.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Finding> {
        self.blocks.iter_mut().flatten()
    }

    /// Keeps the findings for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&Finding) -> bool) {
        for b in &mut self.blocks {
            b.retain(&mut keep);
        }
    }

    /// Adds the findings of `other` after these.
    pub fn append(&mut self, other: Found) {
        self.blocks.extend(other.blocks);
    }

    /// The findings in one list of exactly their number, each block let go once moved.
    pub fn into_vec(self) -> Vec<Finding> {
        let mut out = Vec::with_capacity(self.len());
        for b in self.blocks {
            out.extend(b);
        }
        out
    }
}

impl From<Vec<Finding>> for Found {
    /// The findings of a list, kept as one block.
    fn from(findings: Vec<Finding>) -> Found {
        Found { blocks: vec![findings] }
    }
}

/// Collects one rule's findings for one model.
pub struct Sink<'a> {
    rule: Arc<RuleMeta>,
    file: Arc<str>,
    out: &'a mut Found,
}

impl<'a> Sink<'a> {
    /// A sink for `rule`'s findings; spans without a file are taken to be in `file`.
    pub fn new(rule: &Arc<RuleMeta>, file: Arc<str>, out: &'a mut Found) -> Sink<'a> {
        Sink { rule: rule.clone(), file, out }
    }

    /// Reports a finding about `resource` at `span`. Returns it so that related locations
    /// can be added.
    pub fn report(&mut self, resource: &ResMeta, span: Span, message: impl Into<crate::i18n::Message>) -> &mut Finding {
        let f = self.report_at(span, message);
        f.resource = Some(ResourceRef { id: resource.id.clone(), kind: resource.kind.clone() });
        f
    }

    /// Reports a finding at a field, adding the field's origin (e.g. the parameter default
    /// the value came from) as a related location.
    pub fn report_field<T>(
        &mut self,
        resource: &ResMeta,
        f: &Field<T>,
        message: impl Into<crate::i18n::Message>,
    ) -> &mut Finding {
        let origin = f.origin.clone();
        let finding = self.report(resource, f.span, message);
        if let Some(o) = origin {
            let r = related(&finding.location.file, &o);
            finding.related.push(r);
            for (span, note) in &o.via {
                let hop = related(&finding.location.file, &crate::model::Origin::new(*span, note.clone()));
                finding.related.push(hop);
            }
        }
        finding
    }

    /// Reports a finding about a resource defined in another file than the sink's, when the
    /// span does not say which.
    pub fn report_in(
        &mut self,
        file: &Arc<str>,
        resource: &ResMeta,
        span: Span,
        message: impl Into<crate::i18n::Message>,
    ) -> &mut Finding {
        let f = self.report(resource, span, message);
        if span.file.is_none() {
            f.location.file = file.clone();
        }
        f
    }

    /// Reports a finding not tied to a resource (e.g. about a template parameter).
    pub fn report_at(&mut self, span: Span, message: impl Into<crate::i18n::Message>) -> &mut Finding {
        let template = crate::i18n::Packed::from(message.into());
        self.out.push(Finding {
            rule: self.rule.clone(),
            severity: self.rule.severity,
            template,
            location: Location::of(span, &self.file),
            resource: None,
            related: crate::finding::RelatedList::new(),
            when: None,
            subject: None,
        })
    }

    /// The file being checked.
    pub fn file(&self) -> &Arc<str> {
        &self.file
    }
}

fn related(fallback: &Arc<str>, o: &Origin) -> Related {
    Related::new(Location::of(o.span, fallback), o.note.clone())
}

impl Finding {
    /// Adds a related location (in the span's file; the finding's when the span has none).
    pub fn with_related(&mut self, span: Span, message: impl Into<crate::i18n::Message>) -> &mut Finding {
        let location = Location::of(span, &self.location.file);
        self.related.push(Related::new(location, message));
        self
    }

    /// Adds the origin of a field (parameter default, mapping) as a related location.
    pub fn with_origin<T>(&mut self, f: &Field<T>) -> &mut Finding {
        if let Some(o) = &f.origin {
            let r = related(&self.location.file, o);
            self.related.push(r);
        }
        self
    }
}

/// Declares a built-in rule, in its own file `rules/<area>/<name>.rs` (`<name>`: the slug without
/// the area's prefix, `-` written `_`; `k8s-pss-privileged` is `rules/k8s/pss_privileged.rs`):
///
/// ```ignore
/// rule!(RULE,
///     id: "PAL-S3-001",
///     slug: "s3-public-access-block",
///     title: "...",
///     severity: High,
///     layer: Data,
///     service: "s3",
///     controls: &["DATA-01"],
///     well_architected: &["SEC03-BP07"],
///     compliance: &["isms-p:2.10.2", "cis-6.0:3.1.4", "fsbp:S3.1"],
///     resource_types: &[kind::S3_BUCKET],
///     remediation: "...",
///     description: "...",
///     check: |m, facts, out| { ... },
/// );
/// ```
///
/// Its examples are the files `fixtures/<slug>.fail[.N].<ext>` and `fixtures/<slug>.pass[.N].<ext>`
/// of its area, in any input language; they are found when the program is built.
#[allow(unused_macros)]
macro_rules! rule {
    (
        $name:ident,
        id: $id:literal,
        slug: $slug:literal,
        title: $title:expr,
        severity: $sev:ident,
        layer: $layer:ident,
        service: $service:literal,
        controls: $controls:expr,
        well_architected: $wa:expr,
        compliance: $compliance:expr,
        resource_types: $types:expr,
        remediation: $rem:expr,
        description: $desc:expr,
        check: $check:expr $(,)?
    ) => {
        pub static $name: $crate::rules::Builtin = $crate::rules::Builtin {
            meta: $crate::rules::StaticMeta {
                id: $id,
                slug: $slug,
                title: $title,
                severity: $crate::finding::Severity::$sev,
                layer: $crate::finding::Layer::$layer,
                service: $service,
                well_architected: $wa,
                controls: $controls,
                compliance: $compliance,
                resource_types: $types,
                remediation: $rem,
                description: $desc,
            },
            check: $check,
        };
    };
}
#[allow(unused_imports)]
pub(crate) use rule;

/// The list of an area's rules, `RULES`: each module of the area (declared with `pub mod`)
/// that declares a rule with [`rule!`]. The list is made when the program is built.
macro_rules! area_rules {
    ($area:literal) => {
        include!(concat!(env!("OUT_DIR"), "/rules_", $area, ".rs"));
    };
}
#[allow(unused_imports)]
pub(crate) use area_rules;

pub mod apigateway;
pub mod backup;
pub mod cloudfront;
pub mod cloudtrail;
pub mod common;
pub mod config;
pub mod database;
pub mod ec2;
pub mod ecr;
pub mod eks;
pub mod elb;
pub mod encryption;
pub mod guardduty;
pub mod iam;
pub mod imds;
pub mod k8s;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod net;
pub mod rds;
pub mod s3;
pub mod secrets;
pub mod secretsmanager;
pub mod securityhub;
pub mod ssm;
pub mod waf;

/// The rule lists of every service area. A new area adds one line here; a new rule adds
/// one line to its area's `RULES`.
const AREAS: &[&[&Builtin]] = &[
    apigateway::RULES,
    backup::RULES,
    cloudfront::RULES,
    cloudtrail::RULES,
    config::RULES,
    database::RULES,
    ec2::RULES,
    ecr::RULES,
    eks::RULES,
    elb::RULES,
    encryption::RULES,
    guardduty::RULES,
    iam::RULES,
    imds::RULES,
    k8s::RULES,
    kms::RULES,
    lambda::RULES,
    logs::RULES,
    net::RULES,
    rds::RULES,
    s3::RULES,
    secrets::RULES,
    secretsmanager::RULES,
    securityhub::RULES,
    ssm::RULES,
    waf::RULES,
];

static BUILTIN: LazyLock<Vec<Arc<Rule>>> = LazyLock::new(|| {
    let mut v: Vec<Arc<Rule>> = AREAS.iter().flat_map(|a| a.iter()).map(|b| Arc::new(b.to_rule())).collect();
    v.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    v
});

/// Every built-in rule, in id order.
pub fn all() -> Vec<Arc<Rule>> {
    BUILTIN.clone()
}

/// The version of the built-in rule set, e.g. `214-3f9a2c1b`: the number of rules and the first
/// 32 bits of a 64-bit FNV-1a hash over every rule's metadata (id, slug, title, severity,
/// layer, service, Well-Architected ids, controls, compliance requirements, resource types, remediation, description)
/// and its documented examples. It changes whenever a rule is added or removed or any of that
/// changes, and is the same on every run of one build. Reports carry it next to the tool's
/// version, so two reports tell whether they were judged by the same rules.
pub fn ruleset_version() -> &'static str {
    static VERSION: LazyLock<String> = LazyLock::new(|| ruleset_version_of(BUILTIN.iter().map(|r| &*r.meta)));
    &VERSION
}

/// [`ruleset_version`] of some rules' metadata (in the order given).
pub fn ruleset_version_of<'a>(rules: impl IntoIterator<Item = &'a RuleMeta>) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = OFFSET;
    // Each part is followed by a NUL byte and each list by a 0x1e byte, so that moving text
    // from one field to the next changes the hash.
    let mut eat = |bytes: &[u8], end: u8| {
        for &b in bytes.iter().chain(std::iter::once(&end)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    let mut count = 0usize;
    for m in rules {
        count += 1;
        for text in [&m.id, &m.slug, &m.title] {
            eat(text.as_bytes(), 0);
        }
        eat(m.severity.as_str().as_bytes(), 0);
        eat(m.layer.as_str().as_bytes(), 0);
        eat(m.service.as_bytes(), 0);
        for list in [&m.well_architected, &m.controls, &m.compliance, &m.resource_types] {
            for text in list.iter() {
                eat(text.as_bytes(), 0);
            }
            eat(&[], 0x1e);
        }
        eat(m.remediation.as_bytes(), 0);
        eat(m.description.as_bytes(), 0);
        for e in m.examples.iter() {
            eat(e.name.as_bytes(), 0);
            eat(&[u8::from(e.fails)], 0);
            eat(e.text.as_bytes(), 0);
        }
        eat(&[], 0x1e);
    }
    format!("{count}-{:08x}", h >> 32)
}

/// The built-in rule with this id or slug (case-insensitive).
pub fn find(name: &str) -> Option<Arc<Rule>> {
    BUILTIN.iter().find(|r| r.meta.id.eq_ignore_ascii_case(name) || r.meta.slug.eq_ignore_ascii_case(name)).cloned()
}

/// A set of rules to run: the built-in ones and any loaded at run time.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    rules: Vec<Arc<Rule>>,
}

impl Registry {
    /// The built-in rules.
    pub fn builtin() -> Registry {
        Registry { rules: all() }
    }

    /// Adds a rule; an id or slug already present is an error.
    pub fn add(&mut self, rule: Rule) -> Result<(), crate::i18n::Message> {
        if self.rules.iter().any(|r| r.meta.id.eq_ignore_ascii_case(&rule.meta.id)) {
            return Err(msg!("diag-rule-id-taken", id = rule.meta.id));
        }
        if self.rules.iter().any(|r| r.meta.slug.eq_ignore_ascii_case(&rule.meta.slug)) {
            return Err(msg!("diag-rule-slug-taken", slug = rule.meta.slug));
        }
        self.rules.push(Arc::new(rule));
        self.rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        Ok(())
    }

    /// Every rule, in id order.
    pub fn rules(&self) -> &[Arc<Rule>] {
        &self.rules
    }

    /// The rule with this id or slug (case-insensitive).
    pub fn find(&self, name: &str) -> Option<&Arc<Rule>> {
        self.rules.iter().find(|r| r.meta.id.eq_ignore_ascii_case(name) || r.meta.slug.eq_ignore_ascii_case(name))
    }

    /// The rules selected by `select`/`ignore` (ids, slugs or id prefixes; all when `select`
    /// is empty). Unknown names are an error.
    pub fn select(&self, select: &[String], ignore: &[String]) -> Result<Vec<Arc<Rule>>, String> {
        for name in select.iter().chain(ignore) {
            if !self.rules.iter().any(|r| r.meta.matches(name)) {
                let hint = did_you_mean(name, self.rules.iter().map(|r| &*r.meta));
                return Err(format!("unknown rule `{name}`{hint} (run `palisade rules` to list them)"));
            }
        }
        Ok(self
            .rules
            .iter()
            .filter(|r| select.is_empty() || select.iter().any(|s| r.meta.matches(s)))
            .filter(|r| !ignore.iter().any(|s| r.meta.matches(s)))
            .cloned()
            .collect())
    }
}

/// The `select` names whose every rule an `ignore` name takes away again, each with the
/// `ignore` names that do it: together they run none of the rules they name.
pub fn cancelled<'a>(rules: &[Arc<Rule>], select: &'a [String], ignore: &'a [String]) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out = Vec::new();
    for s in select {
        let named: Vec<&Arc<Rule>> = rules.iter().filter(|r| r.meta.matches(s)).collect();
        let by: Vec<&str> =
            ignore.iter().filter(|i| named.iter().any(|r| r.meta.matches(i))).map(String::as_str).collect();
        if !named.is_empty() && named.iter().all(|r| ignore.iter().any(|i| r.meta.matches(i))) {
            out.push((s.as_str(), by));
        }
    }
    out
}

/// "; did you mean `X`?" for a rule name that names no rule: the ids, slugs and id prefixes
/// (`PAL-S3`) closest to it by edit distance (empty when none is close).
pub fn did_you_mean<'a>(name: &str, metas: impl Iterator<Item = &'a RuleMeta>) -> String {
    let n = name.trim().to_ascii_lowercase();
    let mut names: Vec<String> = Vec::new();
    for m in metas {
        names.push(m.id.to_string());
        names.push(m.slug.to_string());
        if let Some((prefix, _)) = m.id.rsplit_once('-') {
            names.push(prefix.to_string());
        }
    }
    names.sort_unstable();
    names.dedup();
    // A typo costs a few edits; more than a third of the name is another name.
    let limit = (n.chars().count() / 3).max(1);
    let mut close: Vec<(usize, &str)> = names
        .iter()
        .map(|c| (strsim::levenshtein(&n, &c.to_ascii_lowercase()), c.as_str()))
        .filter(|(d, _)| *d <= limit)
        .collect();
    close.sort_unstable();
    let best = match close.first() {
        Some((d, _)) => *d,
        None => return String::new(),
    };
    let shown: Vec<String> = close.iter().filter(|(d, _)| *d == best).take(3).map(|(_, c)| format!("`{c}`")).collect();
    format!("; did you mean {}?", shown.join(" or "))
}

#[cfg(test)]
mod tests {

    #[test]
    fn found_keeps_order_through_blocks_truncation_and_joining() {
        let rule = std::sync::Arc::new(super::s3::versioning::RULE.meta.to_meta());
        let mut found = super::Found::default();
        let mut sink = super::Sink::new(&rule, "t.yaml".into(), &mut found);
        for i in 0..1000u32 {
            sink.report_at(crate::source::Span { line: i + 1, ..Default::default() }, format!("m{i}"));
        }
        assert_eq!(found.len(), 1000);
        // A rule that fails has its findings taken back, wherever the blocks end.
        for keep in [999, 500, 48, 16, 0] {
            found.truncate(keep);
            assert_eq!(found.len(), keep);
        }
        let mut sink = super::Sink::new(&rule, "t.yaml".into(), &mut found);
        for i in 0..40u32 {
            sink.report_at(crate::source::Span { line: i + 1, ..Default::default() }, format!("n{i}"));
        }
        found.retain(|f| f.location.span.line % 2 == 0);
        let all = found.into_vec();
        assert_eq!(all.len(), 20);
        assert_eq!(all.capacity(), 20);
        let lines: Vec<u32> = all.iter().map(|f| f.location.span.line).collect();
        assert_eq!(lines, (1..=20).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn unknown_rule_names_get_the_closest_ones() {
        let all = super::all();
        let metas = || all.iter().map(|r| &*r.meta);
        assert_eq!(super::did_you_mean("PAL-S3-0001", metas()), "; did you mean `PAL-S3-001`?");
        assert_eq!(super::did_you_mean("s3-versoning", metas()), "; did you mean `s3-versioning`?");
        assert_eq!(super::did_you_mean("pal-s4", metas()), "; did you mean `PAL-S3`?");
        assert_eq!(super::did_you_mean("completely-unrelated-words", metas()), "");
        let err = super::Registry::builtin().select(&["PAL-S3-0001".into()], &[]).unwrap_err();
        assert!(err.contains("did you mean `PAL-S3-001`?"), "{err}");
    }

    #[test]
    fn a_selection_the_ignores_take_back_is_named() {
        let all = super::all();
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (select, ignore) = (v(&["PAL-S3-001", "PAL-S3", "PAL-EC2"]), v(&["s3-public-access-block", "PAL-S3"]));
        let got = super::cancelled(&all, &select, &ignore);
        assert_eq!(
            got,
            vec![
                ("PAL-S3-001", vec!["s3-public-access-block", "PAL-S3"]),
                ("PAL-S3", vec!["s3-public-access-block", "PAL-S3"])
            ]
        );
        // Ignoring part of a selection leaves the rest to run.
        assert!(super::cancelled(&all, &v(&["PAL-S3"]), &v(&["PAL-S3-001"])).is_empty());
    }

    #[test]
    fn ruleset_version_counts_the_rules_and_follows_their_metadata() {
        use crate::finding::{Layer, Severity};
        let metas: Vec<super::RuleMeta> = super::all().iter().map(|r| (*r.meta).clone()).collect();
        let v = super::ruleset_version();
        let (count, hash) = v.split_once('-').unwrap();
        assert_eq!(count, metas.len().to_string());
        assert!(hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()), "{v}");
        assert_eq!(super::ruleset_version_of(&metas), v, "the same rules give the same version");

        // Any change of a rule's metadata gives a new version.
        let edits: [&dyn Fn(&mut super::RuleMeta); 11] = [
            &|m| m.id = format!("{}X", m.id).into(),
            &|m| m.slug = format!("{}-x", m.slug).into(),
            &|m| m.title = format!("{} ", m.title).into(),
            &|m| m.severity = if m.severity == Severity::Info { Severity::Low } else { Severity::Info },
            &|m| m.layer = if m.layer == Layer::Data { Layer::Network } else { Layer::Data },
            &|m| m.controls = vec!["X-99".into()].into(),
            &|m| m.well_architected = Vec::new().into(),
            &|m| m.compliance = vec!["isms-p:1.1.1".into()].into(),
            &|m| m.remediation = format!("{}.", m.remediation).into(),
            &|m| m.description = format!("{}.", m.description).into(),
            &|m| m.examples = Vec::new().into(),
        ];
        let mut seen = std::collections::HashSet::from([v.to_string()]);
        for (i, edit) in edits.iter().enumerate() {
            let mut copy = metas.clone();
            edit(&mut copy[0]);
            assert!(seen.insert(super::ruleset_version_of(&copy)), "edit {i} left the version unchanged");
        }
        // Text moved from one field to the next is a change too.
        let mut moved = metas.clone();
        let (id, slug) = (moved[0].id.to_string(), moved[0].slug.to_string());
        moved[0].id = format!("{id}{}", &slug[..1]).into();
        moved[0].slug = slug[1..].to_string().into();
        assert!(seen.insert(super::ruleset_version_of(&moved)), "moving text between fields went unnoticed");
        // Dropping a rule changes the count.
        assert!(super::ruleset_version_of(&metas[1..]).starts_with(&format!("{}-", metas.len() - 1)));
    }

    #[test]
    fn each_area_shares_one_id_prefix() {
        for area in super::AREAS {
            let prefix = |id: &str| id.rsplit_once('-').map(|(p, _)| p.to_string());
            let first = prefix(area[0].meta.id);
            assert!(area.iter().all(|r| prefix(r.meta.id) == first), "{:?}", first);
        }
    }
}
