//! Secrets written in the input: what the detector ([`detect`]) finds in the model's text
//! values ([`Model::texts`]), which secret-like fields take their value from an input
//! ([`Model::inputs`]), and which inputs look like secrets.
//!
//! Only texts that are values ([`TextRole::Value`]) can hold a secret; texts naming an input,
//! a resource or anything else, function syntax, and dynamic references are skipped. The
//! detector itself works on plain strings and is shared with other analyses and rules.

pub mod detect;

use std::ops::Range;

use crate::model::{Input, Model, TextRole, TextValue};
use crate::source::Span;
use detect::{
    SecretKind, find_secrets, is_plausible_value, is_secret_key, is_secret_parameter_name, is_switch_name, is_user_name,
};

/// What the secret analysis established about one model.
#[derive(Debug, Default)]
pub struct SecretFacts<'m> {
    /// Every secret found in a value, in the order of the values, then of the secrets in each.
    pub found: Vec<FoundSecret<'m>>,
    /// Values of secret-like fields that come from an input, in the order of the values.
    pub uses: Vec<InputUse<'m>>,
    /// Every input, in declaration order.
    pub inputs: Vec<InputFacts<'m>>,
}

/// A secret found in a value.
#[derive(Debug)]
pub struct FoundSecret<'m> {
    /// The value holding it.
    pub value: &'m TextValue,
    pub kind: SecretKind,
    /// Byte range of the secret in the value's text.
    pub range: Range<usize>,
    /// For private keys, the PEM label (`RSA PRIVATE KEY`, ...).
    pub label: Option<String>,
    /// Where to report it: for a literal secret under a secret-like name, the value; for a
    /// secret recognised by its content, its own line when the value is a block of lines kept
    /// as written, otherwise the value.
    pub span: Span,
}

impl<'m> FoundSecret<'m> {
    /// The secret's text (never to be printed unmasked).
    pub fn matched(&self) -> &'m str {
        &self.value.text[self.range.clone()]
    }
}

/// A secret-like field whose value comes from an input.
#[derive(Debug)]
pub struct InputUse<'m> {
    /// The text naming the input (a reference, or a template substituting it).
    pub value: &'m TextValue,
    pub input: &'m Input,
}

/// What the analysis says about an input.
#[derive(Debug)]
pub struct InputFacts<'m> {
    pub input: &'m Input,
    /// Named like a secret (`DatabasePassword`, `GitHubToken`), see
    /// [`detect::is_secret_parameter_name`].
    pub named_like_secret: bool,
    /// The span of its default, when the default could be a working secret.
    pub secret_default: Option<Span>,
}

impl<'m> SecretFacts<'m> {
    /// The first use of `input` for a secret-like field.
    pub fn first_use(&self, input: &Input) -> Option<&InputUse<'m>> {
        self.uses.iter().find(|u| u.input.name == input.name)
    }

    /// What the analysis says about the input named `name`.
    pub fn input(&self, name: &str) -> Option<&InputFacts<'m>> {
        self.inputs.iter().find(|i| i.input.name == name)
    }
}

/// The name a value of a field that holds a secret by design is judged under.
const BY_DESIGN: &str = "Secret";

/// The name a value is judged under: its key, unless the field holds a secret by design.
fn judged_key(t: &TextValue) -> &str {
    if t.secret_by_design { BY_DESIGN } else { &t.key }
}

/// An input that never carries a secret, whatever field it is used for: a switch (by its
/// name, or by its values: booleans only).
fn never_secret(i: &Input) -> bool {
    i.switch || is_switch_name(&i.name)
}

/// Does the value `t` of a secret-like field take a secret from input `i`? Not from a switch,
/// nor from a user name written into a larger value (`{"username": "${DBUsername}", ...}`);
/// a user name that is the whole value (`Password: !Ref AdminLogin`) is the secret.
fn takes_secret(t: &TextValue, i: &Input) -> bool {
    !never_secret(i) && (t.role == TextRole::Ref || !is_user_name(&i.name))
}

/// A default that could be a working secret.
fn secret_default(i: &Input) -> Option<Span> {
    if never_secret(i) {
        return None;
    }
    i.default.as_ref().filter(|(d, _)| i.holds_value && is_plausible_value(d, detect::MIN_SECRET_LEN)).map(|(_, s)| *s)
}

/// Runs the analysis over a model.
pub fn analyze(m: &Model) -> SecretFacts<'_> {
    let mut facts = SecretFacts::default();
    for t in m.texts.iter().filter(|t| t.role == TextRole::Value) {
        for s in find_secrets(judged_key(t), &t.text) {
            let span = if s.kind == SecretKind::Password { t.span } else { match_span(m, t, &s.range) };
            facts.found.push(FoundSecret { value: t, kind: s.kind, range: s.range, label: s.label, span });
        }
    }
    for t in &m.texts {
        if t.inputs.is_empty() || !is_secret_key(judged_key(t)) {
            continue;
        }
        for i in m.inputs.iter().filter(|i| t.inputs.contains(&i.name) && takes_secret(t, i)) {
            facts.uses.push(InputUse { value: t, input: i });
        }
    }
    facts.inputs = m
        .inputs
        .iter()
        .map(|i| InputFacts {
            input: i,
            named_like_secret: is_secret_parameter_name(&i.name) && !never_secret(i) && !is_user_name(&i.name),
            secret_default: secret_default(i),
        })
        .collect();
    facts
}

/// The span of `range` of a text value. For a literal block scalar (`|`) or a heredoc
/// (`<<EOT`, `<<-EOT`), whose text lines are its source lines, that is the secret's own line
/// (and columns, when the span starts at the block's content rather than at its indicator);
/// otherwise (quoted, plain or folded scalars, where escapes and folding break the
/// correspondence) the value's span.
pub fn match_span(m: &Model, t: &TextValue, range: &Range<usize>) -> Span {
    let s = t.span;
    let text = &t.text;
    let src = m.source.iter().chain(&m.sources).find(|f| f.id == s.file);
    let (Some(src), true) = (src, text.contains('\n')) else { return s };
    let start = range.start.min(text.len());
    let end = range.end.min(text.len()).max(start);
    // A match over several lines (a PEM block) is located by its first line.
    let Some(needle) = text.get(start..end).and_then(|n| n.split(['\n', '\r']).next()).filter(|n| !n.is_empty()) else {
        return s;
    };
    // A literal block scalar (`|`) keeps its lines: the k-th line of the value is the k-th line
    // after the indicator. Find the match on that line; otherwise (folded or quoted scalars,
    // whose lines are rewritten) keep the whole value's span.
    let k = text[..start].matches('\n').count() as u32;
    let indicator = src
        .text
        .get(s.start as usize..s.end as usize)
        .map(|t| t.trim_start_matches(|c: char| c == '!' || c.is_alphanumeric() || c == ':' || c == ' '));
    if !indicator.is_some_and(|t| t.starts_with('|') || t.starts_with("<<")) {
        return s;
    }
    let line = s.line + 1 + k;
    let (Some(line_text), Some(line_start)) = (src.line_text(line), src.line_start(line)) else { return s };
    match line_text.find(needle) {
        Some(i) => src.span(line_start + i as u32, line_start + (i + needle.len()) as u32),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(text: &str) -> Model {
        crate::lower::cfn::model_of_yaml(text)
    }

    #[test]
    fn spans_inside_literal_blocks() {
        let text = "Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: |\n        echo hi\n          key=AKIA2OGYBAH6STMMNXNN\n      Other: |-\n        one line\n";
        let m = model(text);
        let lit = m.texts.iter().find(|l| l.key == "UserData").unwrap();
        let found = detect::scan_text(&lit.text);
        let s = match_span(&m, lit, &found[0].range);
        assert_eq!((s.line, s.col, s.end_line, s.end_col), (7, 15, 7, 35));
        assert_eq!(&text[s.start as usize..s.end as usize], "AKIA2OGYBAH6STMMNXNN");
        // A quoted scalar with escapes keeps the literal's span.
        let m = model(
            "Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: \"echo\\nAKIA2OGYBAH6STMMNXNN\"\n",
        );
        let lit = m.texts.iter().find(|l| l.key == "UserData").unwrap();
        let found = detect::scan_text(&lit.text);
        assert_eq!(match_span(&m, lit, &found[0].range), lit.span);
    }

    #[test]
    fn facts() {
        let m = model(
            r#"
Parameters:
  DbPassword: {Type: String, Default: hunter2hunter2}
  ApiToken: {Type: String}
  Ssm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /prod/db/password}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref DbPassword
      MasterUsername: !Ref Ssm
  Key:
    Type: AWS::ApiGateway::ApiKey
    Properties: {Value: abcdef123456}
"#,
        );
        let f = analyze(&m);
        let found: Vec<_> = f.found.iter().map(|s| (s.kind, s.matched(), s.value.place.en())).collect();
        assert_eq!(found, [(SecretKind::Password, "abcdef123456", "`Key` property `Value`".to_string())]);
        let uses: Vec<_> = f.uses.iter().map(|u| (u.input.name.as_str(), u.value.place.en())).collect();
        assert_eq!(uses, [("DbPassword", "`Db` property `MasterUserPassword`".to_string())]);
        assert!(f.first_use(&m.inputs[0]).is_some() && f.first_use(&m.inputs[1]).is_none());
        let inputs: Vec<_> = f.inputs.iter().map(|i| (i.named_like_secret, i.secret_default.is_some())).collect();
        assert_eq!(inputs, [(true, true), (true, false), (false, false)]);
    }
}
