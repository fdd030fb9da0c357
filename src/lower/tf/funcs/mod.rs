//! Terraform's built-in functions over evaluated values.
//!
//! Values follow the evaluator's conventions: numbers are `Num` with their decimal text,
//! lists, tuples and sets are `List`, maps and objects are `Map`, `null` is `Null`, a value
//! that cannot be decided is `Unknown`, a resource attribute is a `Ref` (known to exist, value
//! decided only at apply: unknown to any function that needs its value), and `jsonencode`'s
//! result is `Json` (text whose structure is known).
//!
//! A result depends on the arguments it reads: a function that needs an unknown value returns
//! an unknown one, but a function that only moves elements (`concat`, `merge`, `lookup`,
//! `element`, ...) keeps unknown elements as they are. Results carry the call's span; moved
//! elements keep theirs.

use std::path::Path;

use crate::model::{RefTarget, VKind, Val};
use crate::source::Span;

mod collections;
mod encoding;
mod files;
mod format;
mod network;
mod numbers;
mod strings;

/// What a function may use besides its arguments.
pub struct FnCtx<'a> {
    /// The scanned root directory: file functions never read outside it (not through `..`,
    /// absolute paths or symbolic links).
    pub root: &'a Path,
    /// The calling module's directory, which relative paths are resolved against.
    pub module_dir: &'a Path,
    /// Renders a template text (`templatefile`) with a map of variables; called with the
    /// call's span.
    pub render: &'a dyn Fn(&str, &Val, Span) -> Val,
}

/// Why a call gives no value: the caller makes the result unknown and reports the message,
/// located at the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The arguments are invalid: Terraform would refuse the call (`try` takes its fallback).
    Invalid(String),
    /// The result cannot be computed here although Terraform may compute it: the function is
    /// not implemented, or a file it reads is not available to the scan.
    Unavailable(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Invalid(m) | Failure::Unavailable(m) => m,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// Calls the built-in function `name` (`try` and `can` are the evaluator's: they take
/// expressions, not values). A result that depends on an unknown argument is `Ok` and
/// unknown; `Err` when the arguments are invalid or the result cannot be computed here.
pub fn call(name: &str, args: Vec<Val>, span: Span, cx: &FnCtx<'_>) -> Result<Val, Failure> {
    let a = &args[..];
    let out = collections::call(name, a, span)
        .or_else(|| numbers::call(name, a, span))
        .or_else(|| strings::call(name, a, span))
        .or_else(|| encoding::call(name, a, span))
        .or_else(|| network::call(name, a, span))
        .or_else(|| files::call(name, a, span, cx));
    match out {
        None => Err(Failure::Unavailable(format!("function `{name}` is not supported"))),
        Some(Ok(v)) => Ok(v),
        Some(Err(Stop::Unknown(reason))) => Ok(Val::unknown(reason, span)),
        Some(Err(Stop::Fail(msg))) => Err(Failure::Invalid(msg)),
        Some(Err(Stop::Unavailable(msg))) => Err(Failure::Unavailable(msg)),
    }
}

/// Why a function gives no known value.
#[derive(Debug)]
enum Stop {
    /// The result depends on a value that is not known: the result is unknown, for this reason.
    Unknown(String),
    /// The arguments are invalid.
    Fail(String),
    /// The result cannot be computed here (a file the scan may not or cannot read).
    Unavailable(String),
}

type R<T> = Result<T, Stop>;

impl From<String> for Stop {
    fn from(msg: String) -> Stop {
        Stop::Fail(msg)
    }
}

/// Deepest nesting of values that functions walk.
const MAX_DEPTH: usize = 64;

/// Most elements a function builds (`range`, `setproduct`, `formatlist`, ...).
const MAX_ITEMS: usize = 1024;

fn fail<T>(msg: impl Into<String>) -> R<T> {
    Err(Stop::Fail(msg.into()))
}

/// Checks the number of arguments.
fn arity(a: &[Val], min: usize, max: usize) -> R<()> {
    if a.len() >= min && a.len() <= max {
        return Ok(());
    }
    let want = match (min, max) {
        (n, m) if n == m => format!("{n}"),
        (n, usize::MAX) => format!("at least {n}"),
        (n, m) => format!("{n} to {m}"),
    };
    let s = if want == "1" { "" } else { "s" };
    fail(format!("expected {want} argument{s}, got {}", a.len()))
}

fn ref_reason(t: &RefTarget) -> String {
    match &t.attr {
        Some(attr) => format!("`{}.{attr}` is known only after apply", t.id),
        None => format!("`{}` is known only after apply", t.id),
    }
}

/// The reason `v` is not known (unknown or a reference), `None` when it is known at the top.
fn unknown_reason(v: &Val) -> Option<String> {
    match &v.kind {
        VKind::Unknown(r) => Some(r.clone()),
        VKind::Ref(t) => Some(ref_reason(t)),
        _ => None,
    }
}

/// `v` when known at the top level.
fn known(v: &Val) -> R<&Val> {
    match unknown_reason(v) {
        Some(r) => Err(Stop::Unknown(r)),
        None => Ok(v),
    }
}

fn is_null(v: &Val) -> bool {
    matches!(v.kind, VKind::Null | VKind::NoValue)
}

fn type_name(v: &Val) -> &'static str {
    match &v.kind {
        VKind::Null | VKind::NoValue => "null",
        VKind::Bool(_) => "bool",
        VKind::Num(_) => "number",
        VKind::Str(_) | VKind::Json(_) => "string",
        VKind::List(_) => "list",
        VKind::Map(_) => "map",
        VKind::Ref(_) | VKind::Unknown(_) => "unknown",
    }
}

/// A string argument: numbers and booleans convert to their text, as Terraform does.
fn string(v: &Val) -> R<String> {
    match &v.kind {
        VKind::Str(s) => Ok(s.clone()),
        VKind::Num(n) => canonical(n),
        VKind::Bool(b) => Ok(b.to_string()),
        VKind::Json(x) => encoding::json_text(x),
        _ => {
            known(v)?;
            fail(format!("a string is required, got {}", type_name(v)))
        }
    }
}

/// A number argument: numeric strings convert.
fn number(v: &Val) -> R<f64> {
    match &v.kind {
        VKind::Num(n) | VKind::Str(n) => parse_num(n).ok_or_else(|| Stop::Fail(format!("`{n}` is not a number"))),
        _ => {
            known(v)?;
            fail(format!("a number is required, got {}", type_name(v)))
        }
    }
}

/// A whole number argument.
fn int(v: &Val) -> R<i64> {
    let f = number(v)?;
    if f.fract() != 0.0 {
        return fail(format!("a whole number is required, got {}", fmt_num(f)));
    }
    if f.abs() > 9_007_199_254_740_992.0 {
        return fail(format!("{} is too large", fmt_num(f)));
    }
    Ok(f as i64)
}

/// A boolean argument: the strings `"true"` and `"false"` convert.
fn boolean(v: &Val) -> R<bool> {
    match &v.kind {
        VKind::Bool(b) => Ok(*b),
        VKind::Str(s) if s == "true" => Ok(true),
        VKind::Str(s) if s == "false" => Ok(false),
        _ => {
            known(v)?;
            fail(format!("a bool is required, got {}", type_name(v)))
        }
    }
}

/// A list (or set, or tuple) argument.
fn list(v: &Val) -> R<&[Val]> {
    match &v.kind {
        VKind::List(l) => Ok(l),
        _ => {
            known(v)?;
            fail(format!("a list is required, got {}", type_name(v)))
        }
    }
}

/// A map (or object) argument.
fn map(v: &Val) -> R<&[(String, Span, Val)]> {
    match &v.kind {
        VKind::Map(m) => Ok(m),
        _ => {
            known(v)?;
            fail(format!("a map is required, got {}", type_name(v)))
        }
    }
}

/// A finite number from decimal text (or a numeric string).
fn parse_num(t: &str) -> Option<f64> {
    let ok = !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    t.parse::<f64>().ok().filter(|f| ok && f.is_finite())
}

/// Whether `t` is an integer literal without leading zeros: kept as written, exactly.
fn plain_int(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && t != "-0"
}

/// The canonical text of a number written `text`.
fn canonical(text: &str) -> R<String> {
    if plain_int(text) {
        return Ok(text.to_string());
    }
    parse_num(text).map(fmt_num).ok_or_else(|| Stop::Fail(format!("`{text}` is not a number")))
}

/// The canonical text of `f`: integers without a fraction, otherwise the shortest text that
/// reads back as `f`.
fn fmt_num(f: f64) -> String {
    if f == 0.0 { "0".to_string() } else { f.to_string() }
}

fn num_val(f: f64, span: Span) -> R<Val> {
    if !f.is_finite() {
        return fail("the result is not a finite number");
    }
    Ok(Val::new(VKind::Num(fmt_num(f)), span))
}

fn str_val(s: impl Into<String>, span: Span) -> Val {
    Val::new(VKind::Str(s.into()), span)
}

fn bool_val(b: bool, span: Span) -> Val {
    Val::new(VKind::Bool(b), span)
}

fn list_val(items: Vec<Val>, span: Span) -> Val {
    Val::new(VKind::List(items), span)
}

/// Whether two values are equal: `None` when that depends on an unknown value. A string
/// equals a number or boolean whose text it is (Terraform converts to a common type).
fn equal(a: &Val, b: &Val) -> Option<bool> {
    equal_at(a, b, 0)
}

fn equal_at(a: &Val, b: &Val, depth: usize) -> Option<bool> {
    use VKind::*;
    if depth > MAX_DEPTH {
        return None;
    }
    match (&a.kind, &b.kind) {
        (Unknown(_), _) | (_, Unknown(_)) => None,
        (Ref(x), Ref(y)) if x == y => Some(true),
        (Ref(_), _) | (_, Ref(_)) => None,
        (Null | NoValue, Null | NoValue) => Some(true),
        (Null | NoValue, _) | (_, Null | NoValue) => Some(false),
        (Num(x), Num(y)) => Some(x == y || matches!((parse_num(x), parse_num(y)), (Some(p), Some(q)) if p == q)),
        (Str(s), Num(n)) | (Num(n), Str(s)) => Some(canonical(n).is_ok_and(|c| c == *s)),
        (Str(s), Bool(v)) | (Bool(v), Str(s)) => Some(*s == v.to_string()),
        (Str(x), Str(y)) => Some(x == y),
        (Bool(x), Bool(y)) => Some(x == y),
        (Json(x), Json(y)) => equal_at(x, y, depth + 1),
        (Json(x), Str(s)) | (Str(s), Json(x)) => encoding::json_text(x).ok().map(|t| t == *s),
        (List(x), List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            all_equal(x.iter().zip(y.iter()).map(|(p, q)| equal_at(p, q, depth + 1)))
        }
        (Map(x), Map(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let pairs = x.iter().map(|(k, _, v)| match y.iter().find(|(k2, _, _)| k2 == k) {
                Some((_, _, w)) => equal_at(v, w, depth + 1),
                None => Some(false),
            });
            all_equal(pairs)
        }
        _ => Some(false),
    }
}

/// Conjunction of three-valued comparisons: false wins over unknown.
fn all_equal(results: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut undecided = false;
    for r in results {
        match r {
            Some(false) => return Some(false),
            None => undecided = true,
            Some(true) => {}
        }
    }
    if undecided { None } else { Some(true) }
}

#[cfg(test)]
mod tests;
