//! Findings, diagnostics and the vocabulary they share (severity, layer).

use std::fmt;

use serde::Serialize;

use crate::rules::RuleMeta;
use crate::source::Location;

/// How bad a finding is. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] =
        [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The defense-in-depth layer a control belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Network,
    Identity,
    Application,
    Data,
    Monitoring,
}

impl Layer {
    pub const ALL: [Layer; 5] = [Layer::Network, Layer::Identity, Layer::Application, Layer::Data, Layer::Monitoring];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Network => "network",
            Layer::Identity => "identity",
            Layer::Application => "application",
            Layer::Data => "data",
            Layer::Monitoring => "monitoring",
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    /// Logical id (CloudFormation) or `kind/namespace/name` (Kubernetes), shared with the
    /// model's resource and its other findings.
    pub id: std::sync::Arc<str>,
    /// Resource type, e.g. `AWS::S3::Bucket`, shared like the id.
    pub kind: std::sync::Arc<str>,
}

/// A secondary location that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Related {
    pub location: Location,
    /// The message in English.
    pub message: String,
    /// The message as a template, to render it in other languages (a plain text when the
    /// message has no template).
    pub template: crate::i18n::Message,
}

impl Related {
    /// A related location with its message.
    pub fn new(location: Location, message: impl Into<crate::i18n::Message>) -> Related {
        let template = message.into();
        Related { location, message: template.render(crate::i18n::Lang::En), template }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> std::borrow::Cow<'_, str> {
        let template = &self.template;
        localized(|| std::borrow::Cow::Borrowed(&self.message), template.is_template(), |l| template.render(l), lang)
    }
}

/// The related locations of a finding: most findings have none, so the list takes one pointer
/// and allocates only when it gets one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
// A boxed `Vec` rather than a boxed slice: one pointer, not two.
#[allow(clippy::box_collection)]
pub struct RelatedList(Option<Box<Vec<Related>>>);

impl RelatedList {
    /// An empty list.
    pub const fn new() -> RelatedList {
        RelatedList(None)
    }

    /// Adds a related location at the end.
    pub fn push(&mut self, related: Related) {
        self.0.get_or_insert_default().push(related);
    }
}

impl std::ops::Deref for RelatedList {
    type Target = [Related];

    fn deref(&self) -> &[Related] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl std::ops::DerefMut for RelatedList {
    fn deref_mut(&mut self) -> &mut [Related] {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl From<Vec<Related>> for RelatedList {
    fn from(list: Vec<Related>) -> RelatedList {
        RelatedList((!list.is_empty()).then(|| Box::new(list)))
    }
}

impl FromIterator<Related> for RelatedList {
    fn from_iter<I: IntoIterator<Item = Related>>(iter: I) -> RelatedList {
        RelatedList::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a RelatedList {
    type Item = &'a Related;
    type IntoIter = std::slice::Iter<'a, Related>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut RelatedList {
    type Item = &'a mut Related;
    type IntoIter = std::slice::IterMut<'a, Related>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// A message in `lang`: the English text, or the message rendered in another language when it
/// has a template (`render` gives it in that language).
fn localized<'a>(
    english: impl FnOnce() -> std::borrow::Cow<'a, str>,
    is_template: bool,
    render: impl FnOnce(crate::i18n::Lang) -> String,
    lang: crate::i18n::Lang,
) -> std::borrow::Cow<'a, str> {
    if lang == crate::i18n::Lang::En || !is_template { english() } else { std::borrow::Cow::Owned(render(lang)) }
}

/// The English text of a message: a plain text as it is, a template rendered.
fn text_of(message: &crate::i18n::Packed) -> std::borrow::Cow<'_, str> {
    match message {
        crate::i18n::Packed::Text(t) => std::borrow::Cow::Borrowed(t),
        crate::i18n::Packed::Shared(t) => std::borrow::Cow::Borrowed(t),
        m => std::borrow::Cow::Owned(m.render(crate::i18n::Lang::En)),
    }
}

/// One problem found by a rule.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: std::sync::Arc<RuleMeta>,
    /// Effective severity (the rule's unless overridden).
    pub severity: Severity,
    /// The message as a template with its arguments (a plain text when the message has no
    /// template). Its English text ([`Finding::message`], which baselines and fingerprints
    /// use whatever the language) is rendered when it is asked for, not kept: a scan can hold
    /// hundreds of thousands of findings.
    pub template: crate::i18n::Packed,
    pub location: Location,
    pub resource: Option<ResourceRef>,
    pub related: RelatedList,
    /// When the finding holds only for some values of undecidable template conditions,
    /// the condition values that lead to it ("IsProd is false").
    pub when: Option<Box<crate::i18n::Message>>,
    /// The offending field and value, the same whatever the input language or the message's
    /// wording: the path from the document root to the node at the finding's span, with
    /// `=<scalar text>` when that node is a scalar, e.g.
    /// `Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy=false`.
    /// `None` when it is not known (see [`crate::value::subject_at`]), or when it does not tell
    /// the finding apart from another of the same rule and resource (see
    /// [`drop_ambiguous_subjects`]).
    pub subject: Option<Box<str>>,
}

impl Finding {
    /// The order of findings: by file, line, column, rule id, then English message (rendered
    /// only when the rest is the same).
    pub fn cmp_order(&self, other: &Finding) -> std::cmp::Ordering {
        fn key(f: &Finding) -> (&str, u32, u32) {
            (&f.location.file, f.location.span.line, f.location.span.col)
        }
        key(self)
            .cmp(&key(other))
            .then_with(|| self.rule.id.cmp(&other.rule.id))
            .then_with(|| self.message().cmp(&other.message()))
    }

    /// The message in English.
    pub fn message(&self) -> std::borrow::Cow<'_, str> {
        text_of(&self.template)
    }

    /// The message with the condition qualifier, as reports show it.
    pub fn full_message(&self) -> String {
        match &self.when {
            Some(w) => format!("{} (when {})", self.message(), w.en()),
            None => self.message().into_owned(),
        }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> std::borrow::Cow<'_, str> {
        localized(|| self.message(), self.template.is_template(), |l| self.template.render(l), lang)
    }

    /// The finding as a report in `lang` shows it: its message (with the condition qualifier)
    /// and its related locations' messages in `lang`, `rule` (its rule's metadata in `lang`).
    /// Its fingerprint stays that of the finding: the copy is identified by the identity of
    /// the English finding (its subject, or its English message).
    pub fn localized(&self, lang: crate::i18n::Lang, rule: &std::sync::Arc<RuleMeta>) -> Finding {
        let mut f = self.clone();
        f.rule = rule.clone();
        f.template = self.full_message_in(lang).into();
        f.when = None;
        f.subject = Some(self.identity().into());
        for r in &mut f.related {
            r.message = r.message_in(lang).into_owned();
        }
        f
    }

    /// The message with the condition qualifier, in `lang`.
    pub fn full_message_in(&self, lang: crate::i18n::Lang) -> String {
        match (&self.when, lang) {
            (_, crate::i18n::Lang::En) => self.full_message(),
            (Some(w), _) => {
                let condition = w.render(lang);
                crate::i18n::label_with(
                    lang,
                    "finding-when",
                    &[("message", &self.message_in(lang)), ("condition", &condition)],
                )
            }
            (None, _) => self.message_in(lang).into_owned(),
        }
    }

    /// Appends `more` to the message.
    pub fn append(&mut self, more: impl Into<crate::i18n::Message>) {
        self.template.push(more.into());
    }

    /// The resource id, or the empty string when the finding is not about one resource.
    pub fn resource_id(&self) -> &str {
        self.resource.as_ref().map(|r| &*r.id).unwrap_or("")
    }

    /// What identifies the finding within its rule, file and resource: the subject, or when it
    /// is not known the full message (with its condition qualifier) with runs of whitespace
    /// collapsed.
    pub fn identity(&self) -> String {
        match &self.subject {
            Some(s) => s.to_string(),
            None => collapse_whitespace(&self.full_message()),
        }
    }

    /// A stable identifier for the finding across scans, as 16 lowercase hex digits: see
    /// [`fingerprint_of`]. The message's wording is not part of it when the subject is known,
    /// and the line and column never are, so that editing unrelated parts of a file, rewording
    /// a message or reading the same template in another input language keeps it.
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", self.fingerprint_u64())
    }

    /// [`Finding::fingerprint`] as a number.
    pub fn fingerprint_u64(&self) -> u64 {
        let identity = self.identity();
        fnv1a_64_raw(&[&self.rule.id, &self.location.file, self.resource_id(), &identity])
    }

    /// The fingerprint of earlier versions, over the full message instead of the subject: see
    /// [`legacy_fingerprint_of`]. Kept to read files that recorded it.
    pub fn legacy_fingerprint(&self) -> String {
        legacy_fingerprint_of(&self.rule.id, &self.location.file, self.resource_id(), &self.full_message())
    }
}

/// Drops the subjects that do not tell findings apart: when findings of one rule about one
/// resource of one file share a subject but not their full message (a rule reporting several
/// problems at one node, or one problem under different conditions), the subject alone would
/// give them one fingerprint, so each is identified by its message instead (see
/// [`Finding::identity`]). Findings identical in every respect keep theirs.
pub fn drop_ambiguous_subjects(findings: &mut [Finding]) {
    use std::hash::{Hash, Hasher};
    fn key(f: &Finding) -> Option<(&str, &str, &str, &str)> {
        Some((&f.rule.id, &f.location.file, f.resource_id(), f.subject.as_deref()?))
    }
    // The findings with a subject, by the hash of their rule, file, resource and subject, then
    // in order: a list of 16 bytes a finding where a map of their keys would take more than a
    // hundred (hundreds of thousands of findings). Findings of one hash are told apart by their
    // key, compared only when the hashes are the same.
    let mut keyed: Vec<(u64, usize)> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            key(f)?.hash(&mut h);
            Some((h.finish(), i))
        })
        .collect();
    keyed.sort_unstable();
    let mut clear = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        // The first finding of each key of the run, and whether a later one of the key has
        // another message (which makes the subject ambiguous). Messages are compared only
        // when a key repeats.
        let mut firsts: Vec<(usize, bool)> = Vec::new();
        for &(_, i) in run {
            match firsts.iter_mut().find(|(j, _)| key(&findings[*j]) == key(&findings[i])) {
                None => firsts.push((i, false)),
                Some((j, ambiguous)) => {
                    if !*ambiguous && !same_words(&findings[*j].full_message(), &findings[i].full_message()) {
                        *ambiguous = true;
                    }
                }
            }
        }
        if firsts.iter().all(|&(_, ambiguous)| !ambiguous) {
            continue;
        }
        // Every finding of an ambiguous key loses its subject.
        for &(_, i) in run {
            if firsts.iter().any(|&(j, ambiguous)| ambiguous && key(&findings[j]) == key(&findings[i])) {
                clear.push(i);
            }
        }
    }
    drop(keyed);
    for i in clear {
        findings[i].subject = None;
    }
}

/// Whether two texts are the same once runs of whitespace are collapsed (see
/// [`collapse_whitespace`]).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Runs of whitespace replaced by one space, with none at either end.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint over given parts: the 64-bit FNV-1a hash of the rule id, the file, the
/// resource id (empty when there is none) and the finding's identity (its subject, or its
/// collapsed full message; see [`Finding::identity`]), each followed by a NUL byte, as 16
/// lowercase hex digits. The baseline passes the file relative to the baseline's directory.
pub fn fingerprint_of(rule_id: &str, file: &str, resource: &str, subject_or_message: &str) -> String {
    fnv1a_64(&[rule_id, file, resource, subject_or_message])
}

/// The fingerprint of earlier versions over given parts: the same hash over the rule id, the
/// file, the resource id and the message (reports passed the full message, baselines the full
/// message with runs of whitespace collapsed).
pub fn legacy_fingerprint_of(rule_id: &str, file: &str, resource: &str, message: &str) -> String {
    fnv1a_64(&[rule_id, file, resource, message])
}

/// 64-bit FNV-1a over the parts, each followed by a NUL byte, as 16 lowercase hex digits.
fn fnv1a_64(parts: &[&str]) -> String {
    format!("{:016x}", fnv1a_64_raw(parts))
}

/// 64-bit FNV-1a over the parts, each followed by a NUL byte.
fn fnv1a_64_raw(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

pub use crate::diagnostic::{Diagnostic, DiagnosticKind};

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::source::Span;

    fn finding(resource: &str, message: &str) -> Finding {
        let rule = std::sync::Arc::new(crate::rules::s3::versioning::RULE.meta.to_meta());
        Finding {
            severity: rule.severity,
            rule,
            template: message.into(),
            location: Location::new("t.yaml".into(), Span { line: 3, col: 3, ..Span::default() }),
            resource: Some(ResourceRef { id: resource.into(), kind: "AWS::S3::Bucket".into() }),
            related: RelatedList::new(),
            when: None,
            subject: Some(format!("Resources.{resource}").into()),
        }
    }

    #[test]
    fn findings_stay_small() {
        // A scan can hold hundreds of thousands of findings.
        assert!(std::mem::size_of::<Finding>() <= 160, "{}", std::mem::size_of::<Finding>());
        assert_eq!(std::mem::size_of::<RelatedList>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn related_lists_hold_what_is_pushed() {
        let at = |line| Location::new("t.yaml".into(), Span { line, col: 1, ..Span::default() });
        let mut list = RelatedList::new();
        assert!(list.is_empty());
        assert_eq!(list, RelatedList::from(Vec::new()));
        list.push(Related::new(at(2), "first"));
        list.push(Related::new(at(5), "second"));
        for r in &mut list {
            r.message.push('!');
        }
        let lines: Vec<(u32, &str)> = list.iter().map(|r| (r.location.span.line, r.message.as_str())).collect();
        assert_eq!(lines, [(2, "first!"), (5, "second!")]);
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn subjects_that_do_not_tell_findings_apart_are_dropped() {
        let mut found = vec![
            finding("Web", "reachable on tcp/80"),
            finding("Web", "reachable on tcp/443"),
            finding("Db", "reachable on tcp/3306"),
            finding("Logs", "versioning is off"),
            finding("Logs", "versioning  is off"),
            finding("Cache", "versioning is off"),
            finding("Cache", "versioning is off"),
        ];
        found[6].when = Some(Box::new(msg!("condition-is-false", name = "IsProd")));
        drop_ambiguous_subjects(&mut found);
        let kept: Vec<Option<&str>> = found.iter().map(|f| f.subject.as_deref()).collect();
        assert_eq!(
            kept,
            [None, None, Some("Resources.Db"), Some("Resources.Logs"), Some("Resources.Logs"), None, None]
        );
        let fingerprints: HashSet<String> = found.iter().map(Finding::fingerprint).collect();
        assert_eq!(fingerprints.len(), 6, "only the two identical findings share one");
        assert_eq!(found[0].fingerprint(), fingerprint_of(&found[0].rule.id, "t.yaml", "Web", "reachable on tcp/80"));
    }
}
