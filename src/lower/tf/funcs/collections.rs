//! Functions over lists, sets and maps, and type conversions.

use std::cmp::Ordering;

use crate::model::{VKind, Val};
use crate::source::Span;

use super::{
    MAX_DEPTH, MAX_ITEMS, R, Stop, arity, bool_val, boolean, canonical, equal, fail, int, is_null, known, list,
    list_val, map, number, str_val, string, type_name, unknown_reason,
};

pub(super) fn call(name: &str, a: &[Val], span: Span) -> Option<R<Val>> {
    Some(match name {
        "length" => length(a, span),
        "lookup" => lookup(a),
        "merge" => merge(a, span),
        "concat" => concat(a, span),
        "coalesce" => coalesce(a),
        "coalescelist" => coalescelist(a, span),
        "compact" => compact(a, span),
        "flatten" => flatten(a, span),
        "distinct" => distinct(a, span),
        "element" => element(a),
        "keys" => keys(a, span),
        "values" => values(a, span),
        "contains" => contains(a, span),
        "index" => index(a, span),
        "zipmap" => zipmap(a, span),
        "matchkeys" => matchkeys(a, span),
        "sensitive" | "nonsensitive" => arity(a, 1, 1).map(|_| a[0].clone()),
        "slice" => slice(a, span),
        "reverse" => reverse(a, span),
        "sort" => sort(a, span),
        "one" => one(a, span),
        "alltrue" => all_any(a, span, true),
        "anytrue" => all_any(a, span, false),
        "chunklist" => chunklist(a, span),
        "transpose" => transpose(a, span),
        "setunion" => setunion(a, span),
        "setintersection" => setintersection(a, span),
        "setsubtract" => setsubtract(a, span),
        "setproduct" => setproduct(a, span),
        "toset" => toset(a, span),
        "tolist" => tolist(a, span),
        "tomap" => tomap(a, span),
        "tostring" => tostring(a, span),
        "tonumber" => tonumber(a, span),
        "tobool" => tobool(a, span),
        _ => return None,
    })
}

/// Characters of a string, elements of a list, entries of a map.
fn length(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let n = match &a[0].kind {
        VKind::List(l) => l.len(),
        VKind::Map(m) => m.len(),
        VKind::Null | VKind::NoValue => return fail("argument must not be null"),
        _ => string(&a[0])?.chars().count(),
    };
    Ok(Val::new(VKind::Num(n.to_string()), span))
}

/// `lookup(map, key[, default])`: the value, even when other values are unknown.
fn lookup(a: &[Val]) -> R<Val> {
    arity(a, 2, 3)?;
    let m = map(&a[0])?;
    let key = string(&a[1])?;
    if let Some((_, _, v)) = m.iter().find(|(k, _, _)| *k == key) {
        return Ok(v.clone());
    }
    match a.get(2) {
        Some(default) => Ok(default.clone()),
        None => fail(format!("the given key `{key}` does not exist in the map")),
    }
}

/// Later maps win; null arguments are ignored.
fn merge(a: &[Val], span: Span) -> R<Val> {
    let mut out: Vec<(String, Span, Val)> = Vec::new();
    for arg in a.iter().filter(|v| !is_null(v)) {
        for (k, ks, v) in map(arg)? {
            match out.iter_mut().find(|(k2, _, _)| k2 == k) {
                Some(slot) => *slot = (k.clone(), *ks, v.clone()),
                None => out.push((k.clone(), *ks, v.clone())),
            }
        }
    }
    Ok(Val::new(VKind::Map(out), span))
}

fn concat(a: &[Val], span: Span) -> R<Val> {
    let mut out = Vec::new();
    for arg in a {
        out.extend_from_slice(list(arg)?);
    }
    Ok(list_val(out, span))
}

/// The first argument that is neither null nor an empty string.
fn coalesce(a: &[Val]) -> R<Val> {
    for v in a {
        known(v)?;
        match &v.kind {
            VKind::Null | VKind::NoValue => continue,
            VKind::Str(s) if s.is_empty() => continue,
            _ => return Ok(v.clone()),
        }
    }
    fail("no non-null, non-empty-string arguments")
}

/// The first non-empty list (null arguments are skipped).
fn coalescelist(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    for v in a.iter().filter(|v| !is_null(v)) {
        if !list(v)?.is_empty() {
            return Ok(v.clone());
        }
    }
    if a.iter().all(is_null) {
        return fail("no non-null arguments");
    }
    Ok(list_val(Vec::new(), span))
}

/// The strings of a list without empty strings and nulls.
fn compact(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let mut out = Vec::new();
    for v in list(&a[0])? {
        if is_null(v) {
            continue;
        }
        let s = string(v)?;
        if !s.is_empty() {
            out.push(str_val(s, v.span));
        }
    }
    Ok(list_val(out, span))
}

/// Nested lists replaced by their elements, at any depth.
fn flatten(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let mut out = Vec::new();
    flatten_into(list(&a[0])?, &mut out, 0)?;
    Ok(list_val(out, span))
}

fn flatten_into(items: &[Val], out: &mut Vec<Val>, depth: usize) -> R<()> {
    if depth > MAX_DEPTH {
        return fail("list nested too deeply");
    }
    for v in items {
        known(v)?;
        match &v.kind {
            VKind::List(inner) => flatten_into(inner, out, depth + 1)?,
            _ => out.push(v.clone()),
        }
    }
    Ok(())
}

/// Elements without later duplicates.
fn distinct(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    Ok(list_val(dedupe(list(&a[0])?)?, span))
}

/// `items` without later duplicates; unknown when equality cannot be decided.
fn dedupe(items: &[Val]) -> R<Vec<Val>> {
    let mut out: Vec<Val> = Vec::new();
    for v in items {
        if !contains_known(&out, v)? {
            out.push(v.clone());
        }
    }
    Ok(out)
}

/// Whether `items` holds `v`; unknown when a comparison is undecided and none is true.
fn contains_known(items: &[Val], v: &Val) -> R<bool> {
    let mut undecided = None;
    for x in items {
        match equal(x, v) {
            Some(true) => return Ok(true),
            Some(false) => {}
            None => undecided = Some(unknown_reason(x).unwrap_or_else(|| "an element is unknown".into())),
        }
    }
    match undecided {
        Some(r) => Err(Stop::Unknown(r)),
        None => Ok(false),
    }
}

/// `element(list, index)`: the index wraps around the length.
fn element(a: &[Val]) -> R<Val> {
    arity(a, 2, 2)?;
    let l = list(&a[0])?;
    let i = int(&a[1])?;
    if i < 0 {
        return fail("cannot use element with a negative index");
    }
    if l.is_empty() {
        return fail("cannot use element with an empty list");
    }
    Ok(l[(i as usize) % l.len()].clone())
}

/// Map entries sorted by key.
fn sorted_entries(v: &Val) -> R<Vec<&(String, Span, Val)>> {
    let mut entries: Vec<_> = map(v)?.iter().collect();
    entries.sort_by(|x, y| x.0.cmp(&y.0));
    Ok(entries)
}

/// The keys of a map, sorted, each located at its key.
fn keys(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let out = sorted_entries(&a[0])?.into_iter().map(|(k, ks, _)| str_val(k.clone(), *ks)).collect();
    Ok(list_val(out, span))
}

/// The values of a map in the order of their sorted keys.
fn values(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let out = sorted_entries(&a[0])?.into_iter().map(|(_, _, v)| v.clone()).collect();
    Ok(list_val(out, span))
}

fn contains(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let l = list(&a[0])?;
    known(&a[1])?;
    Ok(bool_val(contains_known(l, &a[1])?, span))
}

/// The index of the first element equal to the value.
fn index(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let l = list(&a[0])?;
    known(&a[1])?;
    for (i, x) in l.iter().enumerate() {
        match equal(x, &a[1]) {
            Some(true) => return Ok(Val::new(VKind::Num(i.to_string()), span)),
            Some(false) => {}
            None => return Err(Stop::Unknown(unknown_reason(x).unwrap_or_else(|| "an element is unknown".into()))),
        }
    }
    fail("item not found")
}

/// A map from a list of keys and a list of values.
fn zipmap(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (ks, vs) = (list(&a[0])?, list(&a[1])?);
    if ks.len() != vs.len() {
        return fail(format!("{} keys but {} values", ks.len(), vs.len()));
    }
    let mut out: Vec<(String, Span, Val)> = Vec::new();
    for (k, v) in ks.iter().zip(vs) {
        let key = string(k)?;
        out.retain(|(k2, _, _)| *k2 != key);
        out.push((key, k.span, v.clone()));
    }
    Ok(Val::new(VKind::Map(out), span))
}

/// `matchkeys(values, keys, searchset)`: the values whose key, at the same index, is in the
/// search set.
fn matchkeys(a: &[Val], span: Span) -> R<Val> {
    arity(a, 3, 3)?;
    let (vals, ks, search) = (list(&a[0])?, list(&a[1])?, list(&a[2])?);
    if vals.len() != ks.len() {
        return fail(format!("{} values but {} keys", vals.len(), ks.len()));
    }
    let mut out = Vec::new();
    for (v, k) in vals.iter().zip(ks) {
        known(k)?;
        if contains_known(search, k)? {
            out.push(v.clone());
        }
    }
    Ok(list_val(out, span))
}

/// `slice(list, start, end)`: elements from `start` up to, not including, `end`.
fn slice(a: &[Val], span: Span) -> R<Val> {
    arity(a, 3, 3)?;
    let l = list(&a[0])?;
    let (start, end) = (int(&a[1])?, int(&a[2])?);
    if start < 0 || end < start || end as usize > l.len() {
        return fail(format!("invalid slice [{start}:{end}] of a list of {}", l.len()));
    }
    Ok(list_val(l[start as usize..end as usize].to_vec(), span))
}

fn reverse(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    Ok(list_val(list(&a[0])?.iter().rev().cloned().collect(), span))
}

/// Strings sorted lexically (numbers sort as their text).
fn sort(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let mut items = Vec::new();
    for v in list(&a[0])? {
        if is_null(v) {
            return fail("sort cannot sort a list with null elements");
        }
        items.push((string(v)?, v.span));
    }
    items.sort();
    Ok(list_val(items.into_iter().map(|(s, sp)| str_val(s, sp)).collect(), span))
}

/// The only element of a list of at most one, or null.
fn one(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    match list(&a[0])? {
        [] => Ok(Val::new(VKind::Null, span)),
        [v] => Ok(v.clone()),
        l => fail(format!("must be a list of at most one element, got {}", l.len())),
    }
}

/// `alltrue` (`all`) and `anytrue` (`!all`): a deciding known element wins over unknown ones.
fn all_any(a: &[Val], span: Span, all: bool) -> R<Val> {
    arity(a, 1, 1)?;
    let mut undecided = None;
    for v in list(&a[0])? {
        if is_null(v) {
            return fail("elements must not be null");
        }
        match boolean(v) {
            Ok(b) if b != all => return Ok(bool_val(b, span)),
            Ok(_) => {}
            Err(Stop::Unknown(r)) => undecided = Some(r),
            Err(e) => return Err(e),
        }
    }
    match undecided {
        Some(r) => Err(Stop::Unknown(r)),
        None => Ok(bool_val(all, span)),
    }
}

/// Consecutive chunks of `size` elements; size 0 makes one chunk of the whole list.
fn chunklist(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let l = list(&a[0])?;
    let size = int(&a[1])?;
    if size < 0 {
        return fail("the size argument must be positive");
    }
    if l.is_empty() {
        return Ok(list_val(Vec::new(), span));
    }
    let size = if size == 0 { l.len() } else { size as usize };
    Ok(list_val(l.chunks(size).map(|c| list_val(c.to_vec(), span)).collect(), span))
}

/// A map of lists of strings turned inside out: each string maps to the keys listing it.
fn transpose(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let mut out: Vec<(String, Span, Vec<Val>)> = Vec::new();
    for (k, ks, v) in sorted_entries(&a[0])? {
        for item in list(v)? {
            let name = string(item)?;
            let key = str_val(k.clone(), *ks);
            match out.iter_mut().find(|(n, _, _)| *n == name) {
                Some((_, _, keys)) => keys.push(key),
                None => out.push((name, item.span, vec![key])),
            }
        }
    }
    out.sort_by(|x, y| x.0.cmp(&y.0));
    let entries = out.into_iter().map(|(n, s, keys)| (n, s, list_val(keys, span))).collect();
    Ok(Val::new(VKind::Map(entries), span))
}

/// The elements of a set argument, all known.
fn set_items(v: &Val) -> R<&[Val]> {
    let l = list(v)?;
    l.iter().try_for_each(|x| known(x).map(|_| ()))?;
    Ok(l)
}

fn setunion(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let mut all = Vec::new();
    for s in a {
        all.extend_from_slice(set_items(s)?);
    }
    Ok(list_val(set_of(&all)?, span))
}

fn setintersection(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let mut out = set_of(set_items(&a[0])?)?;
    for s in &a[1..] {
        let other = set_items(s)?;
        let mut kept = Vec::new();
        for v in out {
            if contains_known(other, &v)? {
                kept.push(v);
            }
        }
        out = kept;
    }
    Ok(list_val(out, span))
}

fn setsubtract(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let other = set_items(&a[1])?;
    let mut out = Vec::new();
    for v in set_of(set_items(&a[0])?)? {
        if !contains_known(other, &v)? {
            out.push(v);
        }
    }
    Ok(list_val(out, span))
}

/// Every combination of one element of each set, in order.
fn setproduct(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let mut combos: Vec<Vec<Val>> = vec![Vec::new()];
    for s in a {
        let items = list(s)?;
        if combos.len().saturating_mul(items.len()) > MAX_ITEMS {
            return fail(format!("the product has more than {MAX_ITEMS} elements"));
        }
        combos = combos
            .iter()
            .flat_map(|c| items.iter().map(move |v| c.iter().cloned().chain([v.clone()]).collect()))
            .collect();
    }
    Ok(list_val(combos.into_iter().map(|c| list_val(c, span)).collect(), span))
}

/// Elements converted to a common type: when one is a string, numbers and booleans become
/// strings.
fn unify(items: &[Val]) -> Vec<Val> {
    let any_str = items.iter().any(|v| matches!(v.kind, VKind::Str(_)));
    items
        .iter()
        .map(|v| match &v.kind {
            VKind::Num(_) | VKind::Bool(_) if any_str => str_val(string(v).unwrap_or_default(), v.span),
            _ => v.clone(),
        })
        .collect()
}

/// Distinct elements ordered as Terraform shows sets: strings lexically, numbers by value,
/// others as first seen. References are kept (each distinct target once): the set holds them
/// whatever their values. Another unknown element makes the set unknown.
fn set_of(items: &[Val]) -> R<Vec<Val>> {
    let items = unify(items);
    for v in &items {
        if let VKind::Unknown(r) = &v.kind {
            return Err(Stop::Unknown(r.clone()));
        }
    }
    let (refs, plain): (Vec<Val>, Vec<Val>) = items.into_iter().partition(|v| matches!(v.kind, VKind::Ref(_)));
    let mut out = dedupe(&plain)?;
    if out.iter().all(|v| matches!(v.kind, VKind::Str(_))) {
        out.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
    } else if out.iter().all(|v| matches!(v.kind, VKind::Num(_))) {
        out.sort_by(|x, y| {
            let (p, q) = (number(x).unwrap_or(0.0), number(y).unwrap_or(0.0));
            p.partial_cmp(&q).unwrap_or(Ordering::Equal)
        });
    }
    for r in refs {
        if !out.iter().any(|x| x.kind == r.kind) {
            out.push(r);
        }
    }
    Ok(out)
}

/// Conversions keep nulls: `tostring(null)` is a null string.
fn null_or(a: &[Val], span: Span) -> R<Option<Val>> {
    arity(a, 1, 1)?;
    known(&a[0])?;
    Ok(is_null(&a[0]).then(|| Val::new(VKind::Null, span)))
}

fn toset(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    Ok(list_val(set_of(list(&a[0])?)?, span))
}

fn tolist(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    Ok(list_val(unify(list(&a[0])?), span))
}

fn tomap(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    let m = map(&a[0])?;
    let vals: Vec<Val> = m.iter().map(|(_, _, v)| v.clone()).collect();
    let entries = m.iter().zip(unify(&vals)).map(|((k, ks, _), v)| (k.clone(), *ks, v)).collect();
    Ok(Val::new(VKind::Map(entries), span))
}

fn tostring(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    match &a[0].kind {
        VKind::Json(_) => Ok(Val::new(a[0].kind.clone(), span)),
        _ => Ok(str_val(string(&a[0])?, span)),
    }
}

fn tonumber(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    match &a[0].kind {
        VKind::Num(t) | VKind::Str(t) => Ok(Val::new(VKind::Num(canonical(t)?), span)),
        _ => fail(format!("cannot convert {} to number", type_name(&a[0]))),
    }
}

fn tobool(a: &[Val], span: Span) -> R<Val> {
    if let Some(n) = null_or(a, span)? {
        return Ok(n);
    }
    Ok(bool_val(boolean(&a[0])?, span))
}
