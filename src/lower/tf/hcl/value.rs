//! Operations on evaluated values: numbers, equality, text, relocation.

use crate::model::{Origin, VKind, Val};
use crate::source::Span;

/// A number as the decimal text Terraform would show: integers without a fraction.
pub(crate) fn num(f: f64, span: Span) -> Val {
    let text = if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") };
    Val::new(VKind::Num(text), span)
}

/// A known number (or numeric string, as Terraform converts it).
pub(crate) fn as_num(v: &Val) -> Option<f64> {
    match &v.kind {
        VKind::Num(s) | VKind::Str(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// Not yet known: unknown, a resource attribute, or JSON text.
pub(crate) fn pending(v: &Val) -> bool {
    matches!(v.kind, VKind::Unknown(_) | VKind::Ref(_) | VKind::Json(_))
}

/// Whether two values are equal; `None` when it cannot be decided.
pub(crate) fn same(a: &Val, b: &Val) -> Option<bool> {
    match (&a.kind, &b.kind) {
        (VKind::Unknown(_), _) | (_, VKind::Unknown(_)) => None,
        (VKind::Ref(x), VKind::Ref(y)) if x == y => Some(true),
        (VKind::Ref(_), _) | (_, VKind::Ref(_)) | (VKind::Json(_), _) | (_, VKind::Json(_)) => None,
        (VKind::Null | VKind::NoValue, VKind::Null | VKind::NoValue) => Some(true),
        (VKind::Num(_), VKind::Num(_)) => Some(as_num(a) == as_num(b)),
        (VKind::Str(x), VKind::Str(y)) => Some(x == y),
        (VKind::Bool(x), VKind::Bool(y)) => Some(x == y),
        (VKind::List(x), VKind::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            all_same(x.iter().zip(y))
        }
        (VKind::Map(x), VKind::Map(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut pairs = Vec::with_capacity(x.len());
            for (k, _, v) in x {
                match y.iter().find(|(k2, _, _)| k2 == k) {
                    Some((_, _, w)) => pairs.push((v, w)),
                    None => return Some(false),
                }
            }
            all_same(pairs)
        }
        _ => Some(false),
    }
}

fn all_same<'a>(pairs: impl IntoIterator<Item = (&'a Val, &'a Val)>) -> Option<bool> {
    let mut undecided = false;
    for (x, y) in pairs {
        match same(x, y) {
            Some(false) => return Some(false),
            None => undecided = true,
            Some(true) => {}
        }
    }
    if undecided { None } else { Some(true) }
}

/// A value as template text: `Ok(None)` when not known yet, `Err` when it has no text (null,
/// collections).
pub(crate) fn text(v: &Val) -> Result<Option<String>, String> {
    match &v.kind {
        VKind::Str(s) | VKind::Num(s) => Ok(Some(s.clone())),
        VKind::Bool(b) => Ok(Some(b.to_string())),
        VKind::Unknown(_) | VKind::Ref(_) | VKind::Json(_) => Ok(None),
        VKind::Null | VKind::NoValue => Err("null value in a string template".into()),
        VKind::List(_) | VKind::Map(_) => Err("a collection cannot be used as a string".into()),
    }
}

/// A known boolean (or `"true"`/`"false"`, as Terraform converts them).
pub(crate) fn as_bool(v: &Val) -> Option<bool> {
    match &v.kind {
        VKind::Bool(b) => Some(*b),
        VKind::Str(s) if s == "true" => Some(true),
        VKind::Str(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// `v` used at `span`: its span becomes the use site and, unless it already has one, its
/// origin says where it was written.
pub(crate) fn relocate(mut v: Val, span: Span, note: impl FnOnce() -> crate::i18n::Message) -> Val {
    if v.span != span {
        match &mut v.origin {
            None => v.origin = Some(Origin::new(v.span, note())),
            Some(o) => add_hop(o, v.span, note()),
        }
    }
    v.span = span;
    v
}

/// Most places a value's origin lists between where it was written and where it is used.
const MAX_HOPS: usize = 8;

/// Records that a value passed through `span` (a variable, a module argument), unless that is
/// where it was written or the hop just recorded.
pub(crate) fn add_hop(o: &mut Origin, span: Span, note: crate::i18n::Message) {
    if span == o.span || o.via.last().is_some_and(|(s, _)| *s == span) || o.via.len() >= MAX_HOPS {
        return;
    }
    o.via.push((span, note));
}

/// The text of an instance key in an address: `0`, `"a"`.
pub(crate) fn quote_key(k: &str) -> String {
    let mut out = String::with_capacity(k.len() + 2);
    out.push('"');
    for c in k.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Val {
        Val::new(VKind::Str(x.into()), Span::default())
    }

    #[test]
    fn numbers_print_as_terraform_shows_them() {
        assert_eq!(num(3.0, Span::default()).kind, VKind::Num("3".into()));
        assert_eq!(num(2.5, Span::default()).kind, VKind::Num("2.5".into()));
    }

    #[test]
    fn equality_is_undecided_on_unknowns() {
        assert_eq!(same(&s("a"), &s("a")), Some(true));
        assert_eq!(same(&s("a"), &s("b")), Some(false));
        assert_eq!(same(&s("a"), &Val::unknown("x", Span::default())), None);
        let l1 = Val::new(VKind::List(vec![s("a"), Val::unknown("x", Span::default())]), Span::default());
        let l2 = Val::new(VKind::List(vec![s("b"), s("c")]), Span::default());
        assert_eq!(same(&l1, &l2), Some(false));
    }

    #[test]
    fn keys_are_quoted_like_addresses() {
        assert_eq!(quote_key("a\"b"), "\"a\\\"b\"");
    }
}
