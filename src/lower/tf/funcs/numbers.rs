//! Numeric functions.

use crate::model::Val;
use crate::source::Span;

use super::{MAX_ITEMS, R, arity, fail, fmt_num, int, list, list_val, num_val, number, string};

pub(super) fn call(name: &str, a: &[Val], span: Span) -> Option<R<Val>> {
    Some(match name {
        "min" => extreme(a, span, f64::min),
        "max" => extreme(a, span, f64::max),
        "abs" => unary(a, span, f64::abs),
        "ceil" => unary(a, span, f64::ceil),
        "floor" => unary(a, span, f64::floor),
        "signum" => unary(a, span, |x| if x == 0.0 { 0.0 } else { x.signum() }),
        "pow" => pow(a, span),
        "log" => log(a, span),
        "parseint" => parseint(a, span),
        "sum" => sum(a, span),
        "range" => range(a, span),
        _ => return None,
    })
}

fn unary(a: &[Val], span: Span, f: fn(f64) -> f64) -> R<Val> {
    arity(a, 1, 1)?;
    num_val(f(number(&a[0])?), span)
}

/// `min`/`max` of one or more numbers.
fn extreme(a: &[Val], span: Span, pick: fn(f64, f64) -> f64) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let mut acc = number(&a[0])?;
    for v in &a[1..] {
        acc = pick(acc, number(v)?);
    }
    num_val(acc, span)
}

fn pow(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    num_val(number(&a[0])?.powf(number(&a[1])?), span)
}

fn log(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let (x, base) = (number(&a[0])?, number(&a[1])?);
    if x <= 0.0 || base <= 0.0 || base == 1.0 {
        return fail("log needs a positive number and a positive base other than 1");
    }
    num_val(x.ln() / base.ln(), span)
}

/// `parseint(text, base)`, base 2 to 62: digits, then lowercase, then uppercase letters
/// (letters of either case up to base 36).
fn parseint(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let text = string(&a[0])?;
    let base = int(&a[1])?;
    if !(2..=62).contains(&base) {
        return fail(format!("base must be between 2 and 62, got {base}"));
    }
    let (neg, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    if digits.is_empty() {
        return fail(format!("cannot parse `{text}` as a base {base} integer"));
    }
    let mut acc: f64 = 0.0;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => base,
        };
        if d >= base {
            return fail(format!("cannot parse `{text}` as a base {base} integer"));
        }
        acc = acc * base as f64 + d as f64;
    }
    if acc > 9_007_199_254_740_992.0 {
        return fail(format!("`{text}` is too large"));
    }
    num_val(if neg { -acc } else { acc }, span)
}

fn sum(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let l = list(&a[0])?;
    if l.is_empty() {
        return fail("cannot sum an empty list");
    }
    let mut acc = 0.0;
    for v in l {
        acc += number(v)?;
    }
    num_val(acc, span)
}

/// `range(limit)`, `range(start, limit)`, `range(start, limit, step)`: the numbers from
/// `start` towards `limit`, not including it. The step defaults to 1, or -1 when the limit
/// is below the start.
fn range(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 3)?;
    let nums = a.iter().map(number).collect::<R<Vec<f64>>>()?;
    let (start, limit) = match nums[..] {
        [limit] => (0.0, limit),
        [start, limit, ..] => (start, limit),
        [] => return fail("range needs a limit"),
    };
    let step = nums.get(2).copied().unwrap_or(if limit < start { -1.0 } else { 1.0 });
    if step == 0.0 {
        return fail("step must not be zero");
    }
    if step < 0.0 && start < limit {
        return fail("for a negative step, start must be greater than limit");
    }
    if step > 0.0 && start > limit {
        return fail("for a positive step, start must be less than limit");
    }
    let count = ((limit - start) / step).ceil();
    if count > MAX_ITEMS as f64 {
        return fail(format!(
            "more than {MAX_ITEMS} values ({} to {} by {})",
            fmt_num(start),
            fmt_num(limit),
            fmt_num(step)
        ));
    }
    let items = (0..count as usize).map(|i| num_val(start + step * i as f64, span)).collect::<R<Vec<Val>>>()?;
    Ok(list_val(items, span))
}
