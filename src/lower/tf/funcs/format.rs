//! `format` and `formatlist`: Go-style verbs as Terraform accepts them.
//!
//! A verb is `%`, flags (`-+ 0#`), an optional argument index `[n]`, an optional width, an
//! optional `.precision`, and one of `v t s q d b o x X e E f g G`; `%%` is a percent sign.

use crate::model::{VKind, Val};
use crate::source::Span;

use super::{
    MAX_ITEMS, R, Stop, arity, boolean, encoding, fail, fmt_num, is_null, known, list_val, number, str_val, string,
};

/// Widest field and largest precision accepted.
pub(super) const MAX_WIDTH: usize = 1024;

/// `format(spec, args...)`.
pub(super) fn format(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let spec = string(&a[0])?;
    Ok(str_val(render(&spec, &a[1..])?, span))
}

/// `formatlist(spec, args...)`: `format` once per element of the list arguments (all of one
/// length); other arguments are repeated.
pub(super) fn formatlist(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let spec = string(&a[0])?;
    let mut len: Option<usize> = None;
    for v in &a[1..] {
        known(v)?;
        if let VKind::List(l) = &v.kind {
            match len {
                Some(n) if n != l.len() => return fail("all list arguments must have the same length"),
                _ => len = Some(l.len()),
            }
        }
    }
    let rows = len.unwrap_or(1);
    if rows > MAX_ITEMS {
        return fail(format!("more than {MAX_ITEMS} elements"));
    }
    let mut out = Vec::with_capacity(rows);
    for i in 0..rows {
        let row: Vec<Val> = a[1..]
            .iter()
            .map(|v| match &v.kind {
                VKind::List(l) => l[i].clone(),
                _ => v.clone(),
            })
            .collect();
        out.push(match render(&spec, &row) {
            Ok(s) => str_val(s, span),
            Err(Stop::Unknown(r)) => Val::unknown(r, span),
            Err(e) => return Err(e),
        });
    }
    Ok(list_val(out, span))
}

/// One verb's flags, width and precision.
#[derive(Default)]
struct Verb {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// `spec` with its verbs replaced by the arguments.
fn render(spec: &str, args: &[Val]) -> R<String> {
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    let mut next = 0usize;
    let mut used = vec![false; args.len()];
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut v = Verb::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => v.minus = true,
                '+' => v.plus = true,
                ' ' => v.space = true,
                '0' => v.zero = true,
                '#' => v.sharp = true,
                _ => break,
            }
            chars.next();
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            let n = digits(&mut chars)?.unwrap_or(0);
            if chars.next() != Some(']') || n == 0 {
                return fail("invalid argument index in format");
            }
            next = n - 1;
        }
        v.width = digits(&mut chars)?;
        if chars.peek() == Some(&'.') {
            chars.next();
            v.prec = Some(digits(&mut chars)?.unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            return fail("format ends in the middle of a verb");
        };
        let Some(arg) = args.get(next) else {
            return fail(format!("not enough arguments for `%{verb}` in format"));
        };
        used[next] = true;
        next += 1;
        let text = apply(verb, &v, arg)?;
        pad(&mut out, &text, &v, verb);
    }
    if let Some(i) = used.iter().position(|u| !u) {
        return fail(format!("too many arguments: argument {} is not used by the format", i + 1));
    }
    Ok(out)
}

/// A decimal number in the spec, bounded.
fn digits(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> R<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        chars.next();
        let m = n.unwrap_or(0) * 10 + d as usize;
        if m > MAX_WIDTH {
            return fail(format!("width or precision above {MAX_WIDTH} in format"));
        }
        n = Some(m);
    }
    Ok(n)
}

/// Pads `text` to the verb's width: spaces on the left (or right with `-`), zeros after the
/// sign with `0` for numbers.
fn pad(out: &mut String, text: &str, v: &Verb, verb: char) {
    let n = text.chars().count();
    let fill = v.width.unwrap_or(0).saturating_sub(n);
    if v.minus {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if v.zero && "dboxXeEfgG".contains(verb) {
        let sign_len = usize::from(text.starts_with(['-', '+', ' ']));
        out.push_str(&text[..sign_len]);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(&text[sign_len..]);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(text);
    }
}

/// The text of one argument under one verb.
fn apply(verb: char, v: &Verb, arg: &Val) -> R<String> {
    known(arg)?;
    match verb {
        'v' if v.sharp => encoding::json_text(arg),
        'v' => match &arg.kind {
            VKind::Null | VKind::NoValue => Ok("null".into()),
            VKind::List(_) | VKind::Map(_) => encoding::json_text(arg),
            _ => string(arg),
        },
        't' => Ok(boolean(not_null(arg)?)?.to_string()),
        's' => {
            let s = string(not_null(arg)?)?;
            Ok(match v.prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            })
        }
        'q' => Ok(quote(&string(not_null(arg)?)?)),
        'd' | 'b' | 'o' | 'x' | 'X' => integer(verb, v, number(not_null(arg)?)?),
        'e' | 'E' | 'f' | 'g' | 'G' => Ok(sign(float(verb, v.prec, number(not_null(arg)?)?), v)),
        _ => fail(format!("unsupported format verb `%{verb}`")),
    }
}

fn not_null(arg: &Val) -> R<&Val> {
    if is_null(arg) {
        return fail("a null value cannot be formatted");
    }
    Ok(arg)
}

/// A sign for a positive number with `+` or ` `.
fn sign(text: String, v: &Verb) -> String {
    match (text.starts_with('-'), v.plus, v.space) {
        (false, true, _) => format!("+{text}"),
        (false, false, true) => format!(" {text}"),
        _ => text,
    }
}

fn integer(verb: char, v: &Verb, f: f64) -> R<String> {
    if f.fract() != 0.0 || f.abs() > 9_007_199_254_740_992.0 {
        return fail(format!("`%{verb}` needs a whole number, got {}", fmt_num(f)));
    }
    let n = f as i64;
    let mag = n.unsigned_abs();
    let body = match verb {
        'b' => format!("{mag:b}"),
        'o' => format!("{mag:o}"),
        'x' => format!("{mag:x}"),
        'X' => format!("{mag:X}"),
        _ => mag.to_string(),
    };
    let body = match v.prec {
        Some(p) => format!("{body:0>p$}"),
        None => body,
    };
    Ok(sign(if n < 0 { format!("-{body}") } else { body }, v))
}

/// `%e`, `%f` and `%g` as Go writes them (`%e`: `1.500000e+03`).
fn float(verb: char, prec: Option<usize>, f: f64) -> String {
    match verb {
        'f' => format!("{f:.*}", prec.unwrap_or(6)),
        'e' | 'E' => {
            let s = exp(f, prec.unwrap_or(6));
            if verb == 'E' { s.to_uppercase() } else { s }
        }
        _ => {
            let s = general(f, prec);
            if verb == 'G' { s.to_uppercase() } else { s }
        }
    }
}

/// Scientific notation with a signed exponent of at least two digits.
fn exp(f: f64, prec: usize) -> String {
    let s = format!("{f:.prec$e}");
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// `%g`: the shortest representation, scientific for large or small exponents.
fn general(f: f64, prec: Option<usize>) -> String {
    let shortest = match prec {
        Some(p) => format!("{:.*e}", p.saturating_sub(1), f),
        None => format!("{f:e}"),
    };
    let (mant, e) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let limit = prec.map_or(21, |p| p.max(1) as i32);
    if e < -4 || e >= limit {
        return exp_from(mant, e);
    }
    let digits = mant.replace(['.', '-'], "");
    let frac = (digits.len() as i32 - 1 - e).max(0) as usize;
    let s = format!("{f:.frac$}");
    if s.contains('.') && prec.is_some() { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

fn exp_from(mant: &str, e: i32) -> String {
    let sign = if e < 0 { '-' } else { '+' };
    format!("{mant}e{sign}{:02}", e.unsigned_abs())
}

/// A Go double-quoted string literal.
fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
