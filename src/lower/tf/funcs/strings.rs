//! String functions and regular expressions.

use regex::{Regex, RegexBuilder};

use crate::model::{VKind, Val};
use crate::source::Span;

use super::format::{format, formatlist};
use super::{R, arity, bool_val, fail, int, is_null, list, list_val, str_val, string};

pub(super) fn call(name: &str, a: &[Val], span: Span) -> Option<R<Val>> {
    Some(match name {
        "format" => format(a, span),
        "formatlist" => formatlist(a, span),
        "join" => join(a, span),
        "split" => split(a, span),
        "replace" => replace(a, span),
        "lower" => map_str(a, span, |s| s.to_lowercase()),
        "upper" => map_str(a, span, |s| s.to_uppercase()),
        "title" => map_str(a, span, title),
        "trimspace" => map_str(a, span, |s| s.trim().to_string()),
        "chomp" => map_str(a, span, |s| s.trim_end_matches(['\n', '\r']).to_string()),
        "strrev" => map_str(a, span, |s| s.chars().rev().collect()),
        "trim" => trim(a, span),
        "trimprefix" => with_str(a, |s, p| str_val(s.strip_prefix(p).unwrap_or(s), span)),
        "trimsuffix" => with_str(a, |s, p| str_val(s.strip_suffix(p).unwrap_or(s), span)),
        "startswith" => with_str(a, |s, p| bool_val(s.starts_with(p), span)),
        "endswith" => with_str(a, |s, p| bool_val(s.ends_with(p), span)),
        "strcontains" => with_str(a, |s, p| bool_val(s.contains(p), span)),
        "substr" => substr(a, span),
        "indent" => indent(a, span),
        "regex" => regex_fn(a, span),
        "regexall" => regexall(a, span),
        _ => return None,
    })
}

fn map_str(a: &[Val], span: Span, f: impl Fn(&str) -> String) -> R<Val> {
    arity(a, 1, 1)?;
    Ok(str_val(f(&string(&a[0])?), span))
}

fn with_str(a: &[Val], f: impl Fn(&str, &str) -> Val) -> R<Val> {
    arity(a, 2, 2)?;
    Ok(f(&string(&a[0])?, &string(&a[1])?))
}

/// The first letter of every word in upper case; words are separated by spaces and ASCII
/// punctuation.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_sep = true;
    for c in s.chars() {
        if after_sep {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        after_sep = match c {
            c if c.is_ascii() => !(c.is_ascii_alphanumeric() || c == '_'),
            c => c.is_whitespace(),
        };
    }
    out
}

/// `join(separator, list...)`.
fn join(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, usize::MAX)?;
    let sep = string(&a[0])?;
    let mut parts = Vec::new();
    for l in &a[1..] {
        for v in list(l)? {
            if is_null(v) {
                return fail("join cannot join null elements");
            }
            parts.push(string(v)?);
        }
    }
    Ok(str_val(parts.join(&sep), span))
}

/// `split(separator, string)`: an empty separator splits into characters.
fn split(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (sep, s) = (string(&a[0])?, string(&a[1])?);
    let parts: Vec<String> = if sep.is_empty() {
        s.chars().map(String::from).collect()
    } else {
        s.split(sep.as_str()).map(String::from).collect()
    };
    Ok(list_val(parts.into_iter().map(|p| str_val(p, span)).collect(), span))
}

/// A regular expression of RE2 syntax, bounded in size.
fn compile(pattern: &str) -> R<Regex> {
    RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .or_else(|e| fail(format!("invalid regular expression `{pattern}`: {e}")))
}

/// `replace(string, search, replacement)`: a search wrapped in slashes is a regular
/// expression, whose replacement may use `$1` and `${name}`.
fn replace(a: &[Val], span: Span) -> R<Val> {
    arity(a, 3, 3)?;
    let (s, search, with) = (string(&a[0])?, string(&a[1])?, string(&a[2])?);
    let pattern = search.strip_prefix('/').and_then(|p| p.strip_suffix('/'));
    let out = match pattern {
        Some(p) => compile(p)?.replace_all(&s, with.as_str()).into_owned(),
        None => s.replace(&search, &with),
    };
    Ok(str_val(out, span))
}

/// `trim(string, characters)`: the characters removed from both ends.
fn trim(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (s, cut) = (string(&a[0])?, string(&a[1])?);
    Ok(str_val(s.trim_matches(|c| cut.contains(c)), span))
}

/// `substr(string, offset, length)` in characters: a negative offset counts from the end, a
/// negative length takes the rest; out-of-range parts are clamped.
fn substr(a: &[Val], span: Span) -> R<Val> {
    arity(a, 3, 3)?;
    let s = string(&a[0])?;
    let (offset, length) = (int(&a[1])?, int(&a[2])?);
    let total = s.chars().count() as i64;
    let start = if offset < 0 { (total + offset).max(0) } else { offset.min(total) };
    let take = if length < 0 { total - start } else { length.min(total - start) };
    Ok(str_val(s.chars().skip(start as usize).take(take as usize).collect::<String>(), span))
}

/// `indent(spaces, string)`: every line but the first indented.
fn indent(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let n = int(&a[0])?;
    if !(0..=super::format::MAX_WIDTH as i64).contains(&n) {
        return fail(format!("invalid indentation {n}"));
    }
    let pad = format!("\n{}", " ".repeat(n as usize));
    Ok(str_val(string(&a[1])?.replace('\n', &pad), span))
}

/// What one match of `re` gives: the matched text without capture groups, the list of
/// captures (null when a group did not take part), or the map of named captures.
fn match_val(re: &Regex, caps: &regex::Captures<'_>, span: Span) -> R<Val> {
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let group = |i: usize| match caps.get(i) {
        Some(m) => str_val(m.as_str(), span),
        None => Val::new(VKind::Null, span),
    };
    if names.is_empty() {
        return Ok(group(0));
    }
    match (names.iter().all(Option::is_some), names.iter().all(Option::is_none)) {
        (true, _) => {
            let entries =
                names.iter().enumerate().map(|(i, n)| (n.unwrap_or_default().to_string(), span, group(i + 1)));
            Ok(Val::new(VKind::Map(entries.collect()), span))
        }
        (_, true) => Ok(list_val((1..=names.len()).map(group).collect(), span)),
        _ => fail("a pattern cannot mix named and unnamed capture groups"),
    }
}

/// `regex(pattern, string)`: the first match; no match is an error.
fn regex_fn(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (p, s) = (string(&a[0])?, string(&a[1])?);
    let re = compile(&p)?;
    match re.captures(&s) {
        Some(caps) => match_val(&re, &caps, span),
        None => fail(format!("pattern `{p}` did not match")),
    }
}

/// `regexall(pattern, string)`: every match, as `regex` gives each.
fn regexall(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (p, s) = (string(&a[0])?, string(&a[1])?);
    let re = compile(&p)?;
    let items = re.captures_iter(&s).map(|c| match_val(&re, &c, span)).collect::<R<Vec<Val>>>()?;
    Ok(list_val(items, span))
}
