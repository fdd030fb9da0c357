//! JSON, YAML, base64 and URL encodings.

use crate::model::{VKind, Val};
use crate::parse::Limits;
use crate::source::{SourceFile, Span};
use crate::value::{Kind, Node};

use super::{MAX_DEPTH, R, Stop, arity, canonical, fail, known, str_val, string};

/// Largest text `jsondecode`, `yamldecode` and `base64decode` accept.
const MAX_TEXT: usize = 1 << 20;

pub(super) fn call(name: &str, a: &[Val], span: Span) -> Option<R<Val>> {
    Some(match name {
        "jsonencode" => jsonencode(a, span),
        "jsondecode" => jsondecode(a, span),
        "yamlencode" => yamlencode(a, span),
        "yamldecode" => yamldecode(a, span),
        "base64encode" => one_str(a).map(|s| str_val(base64_encode(s.as_bytes()), span)),
        "base64decode" => base64decode(a, span),
        "urlencode" => one_str(a).map(|s| str_val(urlencode(&s), span)),
        _ => return None,
    })
}

fn one_str(a: &[Val]) -> R<String> {
    arity(a, 1, 1)?;
    string(&a[0])
}

/// `jsonencode(value)`: a `Json` value holding the argument. Parts of it may be unknown or
/// references (a policy's `Resource = aws_s3_bucket.b.arn`): its structure is still known to
/// what reads the document, while its text is unknown to whatever needs it ([`json_text`]
/// stops on them). Unknown when the value itself is.
fn jsonencode(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    known(&a[0])?;
    Ok(Val::new(VKind::Json(Box::new(a[0].clone())), span))
}

/// `jsondecode(text)`: the value, located at the call. A `Json` argument gives back the value
/// it was made of, with its locations.
fn jsondecode(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    if let VKind::Json(inner) = &a[0].kind {
        return Ok((**inner).clone());
    }
    let text = string(&a[0])?;
    if text.len() > MAX_TEXT {
        return fail("JSON text larger than 1 MiB");
    }
    let parsed: serde_json::Value = serde_json::from_str(&text).or_else(|e| fail(format!("invalid JSON: {e}")))?;
    from_json(&parsed, span)
}

fn from_json(j: &serde_json::Value, span: Span) -> R<Val> {
    use serde_json::Value as J;
    let kind = match j {
        J::Null => VKind::Null,
        J::Bool(b) => VKind::Bool(*b),
        J::Number(n) => VKind::Num(canonical(&n.to_string())?),
        J::String(s) => VKind::Str(s.clone()),
        J::Array(items) => VKind::List(items.iter().map(|x| from_json(x, span)).collect::<R<_>>()?),
        J::Object(m) => {
            VKind::Map(m.iter().map(|(k, x)| Ok((k.clone(), span, from_json(x, span)?))).collect::<R<_>>()?)
        }
    };
    Ok(Val::new(kind, span))
}

/// The JSON text Terraform writes for `v`: compact, object keys sorted, `<`, `>` and `&`
/// escaped.
pub(super) fn json_text(v: &Val) -> R<String> {
    let mut out = String::new();
    write_json(v, &mut out, 0)?;
    Ok(out)
}

fn write_json(v: &Val, out: &mut String, depth: usize) -> R<()> {
    if depth > MAX_DEPTH {
        return fail("value nested too deeply");
    }
    known(v)?;
    match &v.kind {
        VKind::Null | VKind::NoValue => out.push_str("null"),
        VKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        VKind::Num(n) => out.push_str(&canonical(n)?),
        VKind::Str(s) => json_string(s, out),
        VKind::Json(inner) => json_string(&json_text(inner)?, out),
        VKind::List(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x, out, depth + 1)?;
            }
            out.push(']');
        }
        VKind::Map(entries) => {
            out.push('{');
            for (i, (k, _, x)) in sorted(entries).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                write_json(x, out, depth + 1)?;
            }
            out.push('}');
        }
        VKind::Ref(_) | VKind::Unknown(_) => return Err(Stop::Unknown("an element is unknown".into())),
    }
    Ok(())
}

fn sorted(entries: &[(String, Span, Val)]) -> Vec<(&String, &Span, &Val)> {
    let mut v: Vec<_> = entries.iter().map(|(k, s, x)| (k, s, x)).collect();
    v.sort_by(|x, y| x.0.cmp(y.0));
    v
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `yamlencode(value)`: block style, map keys sorted, every string double-quoted.
fn yamlencode(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let mut out = String::new();
    write_yaml(&a[0], 0, &mut out, 0)?;
    Ok(str_val(out, span))
}

/// Whether `v` is written on the line of its key or dash.
fn inline(v: &Val) -> bool {
    match &v.kind {
        VKind::List(l) => l.is_empty(),
        VKind::Map(m) => m.is_empty(),
        _ => true,
    }
}

/// Writes `v` as lines indented by `indent` spaces.
fn write_yaml(v: &Val, indent: usize, out: &mut String, depth: usize) -> R<()> {
    if depth > MAX_DEPTH {
        return fail("value nested too deeply");
    }
    let pad = " ".repeat(indent);
    match &v.kind {
        _ if inline(v) => {
            out.push_str(&pad);
            out.push_str(&yaml_scalar(v)?);
            out.push('\n');
        }
        VKind::Map(entries) => {
            for (k, _, x) in sorted(entries) {
                out.push_str(&format!("{pad}{}:", yaml_quote(k)));
                if inline(x) {
                    out.push_str(&format!(" {}\n", yaml_scalar(x)?));
                } else {
                    out.push('\n');
                    let child = if matches!(x.kind, VKind::List(_)) { indent } else { indent + 2 };
                    write_yaml(x, child, out, depth + 1)?;
                }
            }
        }
        VKind::List(items) => {
            for x in items {
                if inline(x) {
                    out.push_str(&format!("{pad}- {}\n", yaml_scalar(x)?));
                } else {
                    let mut child = String::new();
                    write_yaml(x, indent + 2, &mut child, depth + 1)?;
                    out.push_str(&pad);
                    out.push_str("- ");
                    out.push_str(child.get(indent + 2..).unwrap_or(&child));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn yaml_scalar(v: &Val) -> R<String> {
    known(v)?;
    Ok(match &v.kind {
        VKind::Null | VKind::NoValue => "null".into(),
        VKind::Bool(b) => b.to_string(),
        VKind::Num(n) => canonical(n)?,
        VKind::List(_) => "[]".into(),
        VKind::Map(_) => "{}".into(),
        _ => yaml_quote(&string(v)?),
    })
}

/// A YAML double-quoted scalar.
fn yaml_quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `yamldecode(text)`: one YAML document (none is null), located at the call.
fn yamldecode(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let text = string(&a[0])?;
    if text.len() > MAX_TEXT {
        return fail("YAML text larger than 1 MiB");
    }
    let file = SourceFile::new("<yamldecode>", text);
    let limits =
        Limits { max_file_bytes: MAX_TEXT, max_depth: MAX_DEPTH, max_alias_nodes: 10_000, ..Limits::default() };
    let docs = crate::parse::parse_yaml(&file, &limits)
        .or_else(|e| fail(format!("invalid YAML at line {}, column {}: {}", e.line, e.col, e.message.en())))?;
    match &docs[..] {
        [] => Ok(Val::new(VKind::Null, span)),
        [doc] => from_node(&doc.root, span),
        _ => fail("YAML text holds more than one document"),
    }
}

fn from_node(n: &Node, span: Span) -> R<Val> {
    let kind = match &n.kind {
        Kind::Null => VKind::Null,
        Kind::Bool(b) => VKind::Bool(*b),
        Kind::Number(t) => VKind::Num(yaml_number(t)?),
        Kind::String(s) => VKind::Str(s.clone()),
        Kind::Seq(items) => VKind::List(items.iter().map(|x| from_node(x, span)).collect::<R<_>>()?),
        Kind::Map(entries) => {
            VKind::Map(entries.iter().map(|e| Ok((e.key.clone(), span, from_node(&e.value, span)?))).collect::<R<_>>()?)
        }
    };
    Ok(Val::new(kind, span))
}

/// A YAML 1.2 number (`0x1f`, `0o17`, `1e3`) as canonical decimal text.
fn yaml_number(t: &str) -> R<String> {
    let radix = |digits: &str, base: u32| {
        u64::from_str_radix(digits, base)
            .map(|n| n.to_string())
            .or_else(|_| fail(format!("`{t}` is not a supported number")))
    };
    match (t.strip_prefix("0x"), t.strip_prefix("0o")) {
        (Some(hex), _) => radix(hex, 16),
        (_, Some(oct)) => radix(oct, 8),
        _ => canonical(t),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub(super) fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64decode(a: &[Val], span: Span) -> R<Val> {
    let text = one_str(a)?;
    let bytes = crate::model::text::decode_base64(&text).ok_or_else(|| Stop::Fail("invalid base64 text".into()))?;
    String::from_utf8(bytes).map(|s| str_val(s, span)).or_else(|_| fail("the decoded base64 text is not valid UTF-8"))
}

/// Query-string escaping: letters, digits and `-_.~` kept, spaces as `+`, other bytes as
/// `%XX`.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
