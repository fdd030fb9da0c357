//! Plain YAML scalars as CloudFormation reads them.
//!
//! The parser resolves plain scalars by the YAML 1.2 core schema. CloudFormation "supports
//! the YAML Version 1.1 specification" with exceptions that do not concern scalars (the
//! binary, omap, pairs, set and timestamp tags, aliases, hash merges), per the AWS
//! CloudFormation User Guide, "CloudFormation template format"
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html>).
//! YAML 1.1's boolean and integer types (<https://yaml.org/type/bool.html>,
//! <https://yaml.org/type/int.html>) so decide what a plain scalar is:
//!
//! * `yes`/`no`/`on`/`off` (lower case, capitalised or all caps) are booleans;
//! * `0x1F` (hexadecimal), `0b101` (binary) and `1_000` are integers.
//!
//! Where the two readings differ and it is not clear which CloudFormation takes, the value is
//! left as the parser read it and lowering treats it as unknown with a note (see
//! [`scalar_note`]): `y`/`n` (booleans by the YAML 1.1 type's regular expression, strings for
//! the common YAML 1.1 parsers), `0o17` (an integer in YAML 1.2, a string in YAML 1.1) and
//! `0777` (777 in YAML 1.2, octal 511 in YAML 1.1).

use crate::value::{Entry, Kind, Node};

/// The document as CloudFormation reads it, when that differs from the parser's reading:
/// plain scalars that YAML 1.1 reads as booleans or integers become those. `text` is the
/// source the spans point into (a quoted scalar's source is not its value, so it is never
/// taken for a plain one; JSON strings are always quoted).
pub fn cloudformation_reading(root: &Node, text: &str) -> Option<Node> {
    if !needs_rewrite(root, text, 0) {
        return None;
    }
    Some(rewrite(root, text, 0))
}

const MAX_DEPTH: usize = 512;

fn plain(n: &Node, s: &str, text: &str) -> bool {
    text.get(n.span.start as usize..n.span.end as usize).is_some_and(|src| src == s)
}

/// What YAML 1.1 reads a plain scalar as, when that differs from the YAML 1.2 reading.
fn yaml11(n: &Node, text: &str) -> Option<Kind> {
    match &n.kind {
        Kind::String(s) if plain(n, s, text) => match s.as_str() {
            "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(Kind::Bool(true)),
            "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(Kind::Bool(false)),
            _ => integer(s).or_else(|| hex(s)).map(|i| Kind::Number(i.to_string())),
        },
        Kind::Number(s) if plain(n, s, text) && hex(s).is_some() => hex(s).map(|i| Kind::Number(i.to_string())),
        _ => None,
    }
}

/// `[-+]?0x[0-9a-fA-F_]+`.
fn hex(s: &str) -> Option<i64> {
    let (neg, digits) = sign(s);
    let digits = digits.strip_prefix("0x")?;
    radix(digits, 16).map(|v| if neg { -v } else { v })
}

/// `[-+]?0b[01_]+` or `[-+]?[1-9][0-9_]*` with an underscore (a YAML 1.2 string).
fn integer(s: &str) -> Option<i64> {
    let (neg, digits) = sign(s);
    let v = if let Some(b) = digits.strip_prefix("0b") {
        radix(b, 2)?
    } else if digits.contains('_') && digits.starts_with(|c: char| ('1'..='9').contains(&c)) {
        radix(digits, 10)?
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

fn sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

fn radix(digits: &str, r: u32) -> Option<i64> {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return None;
    }
    i64::from_str_radix(&clean, r).ok()
}

fn needs_rewrite(n: &Node, text: &str, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match &n.kind {
        Kind::Seq(items) => items.iter().any(|i| needs_rewrite(i, text, depth + 1)),
        Kind::Map(entries) => entries.iter().any(|e| needs_rewrite(&e.value, text, depth + 1)),
        _ => yaml11(n, text).is_some(),
    }
}

fn rewrite(n: &Node, text: &str, depth: usize) -> Node {
    if depth > MAX_DEPTH {
        return n.clone();
    }
    let kind = match &n.kind {
        Kind::Seq(items) => Kind::Seq(items.iter().map(|i| rewrite(i, text, depth + 1)).collect()),
        Kind::Map(entries) => Kind::Map(
            entries
                .iter()
                .map(|e| Entry { key: e.key.clone(), key_span: e.key_span, value: rewrite(&e.value, text, depth + 1) })
                .collect(),
        ),
        k => yaml11(n, text).unwrap_or_else(|| k.clone()),
    };
    Node { span: n.span, kind }
}

/// Why a scalar used as a boolean (`want_bool`) or an integer was left unknown, with what to
/// write instead, when it is one of the YAML 1.1 / 1.2 differences whose reading by
/// CloudFormation is not clear.
pub fn scalar_note(v: &crate::model::Val, want_bool: bool) -> Option<crate::i18n::Message> {
    use crate::model::VKind;
    match &v.kind {
        VKind::Str(s) if want_bool => {
            let lower = s.to_ascii_lowercase();
            match lower.as_str() {
                "y" | "n" => {
                    Some(msg!("diag-yaml11-yn", text = s, write = if lower == "y" { "true" } else { "false" }))
                }
                "yes" | "no" | "on" | "off" => Some(msg!(
                    "diag-yaml11-bool-string",
                    text = s,
                    write = if lower == "yes" || lower == "on" { "true" } else { "false" }
                )),
                _ => None,
            }
        }
        VKind::Num(s) if !want_bool => {
            let (_, digits) = sign(s);
            if let Some(o) = digits.strip_prefix("0o") {
                Some(match radix(o, 8) {
                    Some(v) => msg!("diag-yaml11-octal-0o", text = s, value = v),
                    None => msg!("diag-yaml11-octal-0o-decimal", text = s),
                })
            } else if crate::model::val::leading_zero(digits) {
                Some(match radix(&digits[1..], 8) {
                    Some(v) => msg!("diag-yaml11-leading-zero-value", text = s, value = v),
                    None => msg!("diag-yaml11-leading-zero", text = s),
                })
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn read(text: &str) -> Node {
        let src = SourceFile::new("t.yaml", text.to_string());
        let limits = crate::parse::Limits::default();
        let docs = if text.starts_with('{') {
            vec![crate::parse::parse_json(&src, &limits).unwrap()]
        } else {
            crate::parse::parse_yaml(&src, &limits).unwrap()
        };
        let root = &docs[0].root;
        cloudformation_reading(root, text).unwrap_or_else(|| root.clone())
    }

    #[test]
    fn plain_yaml11_scalars_are_read_as_cloudformation_does() {
        let n =
            read("a: no\nb: On\nc: 0x1F\nd: 0b101\ne: 1_000\nf: 'no'\ng: \"0x1F\"\nh: y\ni: 0o17\nj: 0777\nk: -0x10\n");
        let kind = |k: &str| n.get(k).unwrap().kind.clone();
        assert_eq!(kind("a"), Kind::Bool(false));
        assert_eq!(kind("b"), Kind::Bool(true));
        assert_eq!(kind("c"), Kind::Number("31".into()));
        assert_eq!(kind("d"), Kind::Number("5".into()));
        assert_eq!(kind("e"), Kind::Number("1000".into()));
        assert_eq!(kind("f"), Kind::String("no".into()));
        assert_eq!(kind("g"), Kind::String("0x1F".into()));
        assert_eq!(kind("h"), Kind::String("y".into()));
        assert_eq!(kind("i"), Kind::Number("0o17".into()));
        assert_eq!(kind("j"), Kind::Number("0777".into()));
        assert_eq!(kind("k"), Kind::Number("-16".into()));
    }

    #[test]
    fn json_strings_are_never_plain() {
        assert!(read("{\"a\": \"no\", \"b\": \"on\"}").get("a").unwrap().kind == Kind::String("no".into()));
    }
}
