//! Policy documents (IAM, resource and trust policies) as the model sees them.
//!
//! The wildcard matcher ([`glob`], [`wildcard_match`]) is written here rather than taken from
//! a crate: IAM patterns are not file globs (`globset` stops `*` at `/` by default and gives
//! `[` and `{` meaning; in IAM they are literal), and the crates that match plain `*`/`?`
//! cannot express the policy variables `${*}` and `${?}`, which stand for the characters
//! themselves. Matching is case-insensitive for actions and sensitive for ARNs; the IAM
//! catalog's prepared matcher (`analyze::iam::catalog`) is checked against this one.

use super::Field;
use crate::source::Span;

/// A policy document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PolicyDocument {
    pub span: Span,
    pub version: Field<String>,
    pub statements: Vec<Statement>,
    /// Some statement could not be evaluated (e.g. `Statement` built by a function).
    pub has_unknown_statements: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Allow,
    Deny,
}

/// The account part of an ARN that names the account of the source it is written in
/// (`arn:aws:iam::${AWS::AccountId}:role/x` in CloudFormation): whatever its id, it is the same
/// as the account of the source's own roles and users, and it is not another account.
pub const OWN_ACCOUNT: &str = "(own-account)";

/// A value of the source's own deployment that a source names symbolically (a CloudFormation
/// pseudo parameter, a Terraform `aws_caller_identity` / `aws_partition` data source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnPart {
    Partition,
    Account,
}

/// What `part` stands for where it fills the partition or the account of an ARN and is not
/// otherwise known (`arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x`): the `aws`
/// partition, and the source's own account ([`OWN_ACCOUNT`]), whatever its id. `before` is the
/// text written before it, `after` the text after it; `None` elsewhere.
pub fn own_arn_part(part: Option<OwnPart>, before: &str, after: &str) -> Option<&'static str> {
    if !before.starts_with("arn:") || !after.starts_with(':') {
        return None;
    }
    match (part?, before.matches(':').count()) {
        (OwnPart::Partition, 1) if before == "arn:" => Some("aws"),
        (OwnPart::Account, 4) if before.ends_with(':') => Some(OWN_ACCOUNT),
        _ => None,
    }
}

/// A list of strings in a statement (`Action`, `Resource`, ...): string-or-list forms.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct StrList {
    pub span: Span,
    pub items: Vec<Field<String>>,
    /// Some item (or the whole list) could not be decided.
    pub has_unknown: bool,
    /// Items that name the ARN of a resource of the same source by reference
    /// (`!GetAtt Role.Arn`, `aws_iam_role.r.arn`): (index in `items`, the resource's id).
    /// Such items are unknown; analyses that know the resource may resolve them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<(usize, String)>,
    /// Items that are a plain `Ref` of a resource of the same source (index in `items`, the
    /// resource's id): what they stand for depends on its type (the ARN of an
    /// `AWS::IAM::ManagedPolicy`, the name of a role). Such items are unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plain_refs: Vec<(usize, String)>,
}

impl StrList {
    pub fn known(&self) -> impl Iterator<Item = (&str, &Field<String>)> {
        self.items.iter().filter_map(|f| f.get().map(|s| (s.as_str(), f)))
    }
}

/// `Principal` / `NotPrincipal`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Principal {
    /// `"*"`.
    Any(Span),
    /// `{"AWS": [...], "Service": [...], "Federated": [...], "CanonicalUser": [...]}`.
    Map(Vec<(String, StrList)>),
    Unknown(Span),
}

impl Principal {
    /// The known values listed under `key` (`AWS`, `Service`, `Federated`, `CanonicalUser`).
    pub fn values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (&'a str, &'a Field<String>)> + 'a {
        let entries: &[(String, StrList)] = match self {
            Principal::Map(entries) => entries,
            _ => &[],
        };
        entries.iter().filter(move |(k, _)| k == key).flat_map(|(_, l)| l.known())
    }

    /// Everyone: `"*"` or `{"AWS": "*"}` (anonymous or any AWS account).
    pub fn is_everyone(&self) -> Option<Span> {
        match self {
            Principal::Any(s) => Some(*s),
            Principal::Map(_) => {
                self.values("AWS").chain(self.values("CanonicalUser")).find(|(s, _)| *s == "*").map(|(_, f)| f.span)
            }
            Principal::Unknown(_) => None,
        }
    }
}

/// One condition: operator, key, values.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Condition {
    pub span: Span,
    /// e.g. `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`.
    pub operator: String,
    pub key: String,
    pub values: StrList,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Statement {
    pub span: Span,
    pub sid: Option<String>,
    pub effect: Field<Effect>,
    pub principal: Option<Principal>,
    pub not_principal: Option<Principal>,
    pub action: Option<StrList>,
    pub not_action: Option<StrList>,
    pub resource: Option<StrList>,
    pub not_resource: Option<StrList>,
    pub conditions: Vec<Condition>,
    /// The `Condition` block could not be evaluated.
    pub condition_unknown: bool,
    /// `Effect` as written, when it is a string (to tell a misspelt effect from an unknown one).
    pub effect_text: Option<(String, Span)>,
    /// Elements that are not part of the policy grammar (e.g. a misspelt `Actions`).
    pub unknown_elements: Vec<(String, Span)>,
}

/// The elements a statement may have.
pub const STATEMENT_ELEMENTS: &[&str] =
    &["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

impl Statement {
    /// Does the statement apply to `action` (e.g. `s3:GetObject`)? Wildcards in the
    /// statement's patterns are honoured, case-insensitively. `None` when unknown.
    pub fn covers_action(&self, action: &str) -> Option<bool> {
        if let Some(l) = &self.action {
            if l.known().any(|(p, _)| wildcard_match(p, action)) {
                return Some(true);
            }
            return if l.has_unknown { None } else { Some(false) };
        }
        if let Some(l) = &self.not_action {
            if l.known().any(|(p, _)| wildcard_match(p, action)) {
                return Some(false);
            }
            return if l.has_unknown { None } else { Some(true) };
        }
        Some(false)
    }

    /// Condition with this key (case-insensitive), any operator.
    pub fn condition(&self, key: &str) -> impl Iterator<Item = &Condition> {
        self.conditions.iter().filter(move |c| c.key.eq_ignore_ascii_case(key))
    }
}

/// IAM-style wildcard match (`*` any run, `?` one character), case-insensitive.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    glob(pattern, text, true)
}

/// Wildcard match (`*` any run, `?` one character), case-sensitive unless `fold`.
pub fn glob(pattern: &str, text: &str, fold: bool) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        let eq = |a: u8, b: u8| if fold { a.eq_ignore_ascii_case(&b) } else { a == b };
        return glob_with(pattern.as_bytes(), text.as_bytes(), b'?', b'*', eq);
    }
    let norm = |s: &str| -> Vec<char> { if fold { s.to_lowercase().chars().collect() } else { s.chars().collect() } };
    glob_with(&norm(pattern), &norm(text), '?', '*', literal_eq)
}

/// In a pattern, a `*` that stands for itself (the policy variable `${*}`), not a wildcard.
pub const LITERAL_STAR: char = '\u{E02A}';
/// In a pattern, a `?` that stands for itself (the policy variable `${?}`).
pub const LITERAL_QUESTION: char = '\u{E03F}';

/// Pattern character `p` matches text character `t`: equal, or a literal wildcard marker
/// against the character it stands for.
fn literal_eq(p: char, t: char) -> bool {
    p == t || (p == LITERAL_STAR && t == '*') || (p == LITERAL_QUESTION && t == '?')
}

/// A pattern with its literal wildcard markers turned back into the characters they stand for.
pub fn unmark_literals(pattern: &str) -> String {
    pattern.replace(LITERAL_STAR, "*").replace(LITERAL_QUESTION, "?")
}

/// A wildcard pattern prepared once for matching many texts case-insensitively: the same
/// answers as [`glob`] with `fold`, without looking at the whole pattern again for each text.
#[derive(Debug, Clone)]
pub struct FoldedGlob {
    /// The pattern, ASCII-lowercased, when it is ASCII.
    ascii: Option<Vec<u8>>,
    /// The pattern lowercased, as characters (what [`glob`] compares when either side is not
    /// ASCII).
    chars: Vec<char>,
    /// The fewest bytes an ASCII text it matches has: its characters other than `*`.
    min_len: usize,
}

impl FoldedGlob {
    pub fn new(pattern: &str) -> FoldedGlob {
        let ascii = pattern.is_ascii().then(|| pattern.to_ascii_lowercase().into_bytes());
        let min_len = ascii.as_ref().map_or(0, |p| p.iter().filter(|&&b| b != b'*').count());
        FoldedGlob { ascii, chars: pattern.to_lowercase().chars().collect(), min_len }
    }

    /// The lowercased pattern up to its first wildcard, when the pattern is ASCII: every text
    /// it matches starts with it (case-insensitively).
    pub fn literal_prefix(&self) -> Option<&[u8]> {
        let p = self.ascii.as_deref()?;
        Some(&p[..p.iter().position(|&b| b == b'*' || b == b'?').unwrap_or(p.len())])
    }

    /// The lowercased pattern, when it is ASCII.
    pub fn ascii(&self) -> Option<&[u8]> {
        self.ascii.as_deref()
    }

    /// Matches every text (the pattern is one or more `*`s).
    pub fn is_any(&self) -> bool {
        !self.chars.is_empty() && self.chars.iter().all(|&c| c == '*')
    }

    /// `glob(pattern, text, true)`.
    pub fn matches(&self, text: &str) -> bool {
        match &self.ascii {
            Some(p) if text.is_ascii() => {
                text.len() >= self.min_len
                    && glob_with(p, text.as_bytes(), b'?', b'*', |a: u8, b: u8| a == b.to_ascii_lowercase())
            }
            _ => glob_with(&self.chars, &text.to_lowercase().chars().collect::<Vec<_>>(), '?', '*', literal_eq),
        }
    }
}

/// Wildcard matching by segments: the pattern is the literal runs (with `?`) between its `*`s.
/// The first run must start the text and the last end it; each run between is taken at its
/// leftmost place after the previous one (leaving the most text to the rest, so no other
/// choice can succeed where it fails). A run of `*`s costs nothing, and a text shorter than
/// the pattern's runs is rejected before any comparison: the cost is at most the text's length
/// times the longest run, whatever the pattern.
fn glob_with<T: Copy + PartialEq>(p: &[T], t: &[T], any_one: T, any_run: T, eq: impl Fn(T, T) -> bool) -> bool {
    // A `*` in the pattern is a wildcard even where the text has a `*`; `?` matches any one
    // character, a literal `*` included.
    let run_at =
        |run: &[T], at: &[T]| run.len() <= at.len() && run.iter().zip(at).all(|(&a, &b)| a == any_one || eq(a, b));
    let Some(first_star) = p.iter().position(|&c| c == any_run) else {
        return p.len() == t.len() && run_at(p, t);
    };
    let last_star = p.iter().rposition(|&c| c == any_run).unwrap_or(first_star);
    let (head, tail) = (&p[..first_star], &p[last_star + 1..]);
    let middle = &p[first_star + 1..last_star.max(first_star + 1)];
    let needed = head.len() + tail.len() + middle.iter().filter(|&&c| c != any_run).count();
    if needed > t.len() || !run_at(head, t) || !run_at(tail, &t[t.len() - tail.len()..]) {
        return false;
    }
    let mut rest = &t[head.len()..t.len() - tail.len()];
    for run in middle.split(|&c| c == any_run).filter(|r| !r.is_empty()) {
        match (0..=rest.len().saturating_sub(run.len())).find(|&i| run_at(run, &rest[i..])) {
            Some(i) => rest = &rest[i + run.len()..],
            None => return false,
        }
    }
    true
}
