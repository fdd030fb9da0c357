//! Terraform's built-in functions over evaluated values.
//!
//! Values follow the evaluator's conventions: numbers are `Num` with their decimal text,
//! lists, tuples and sets are `List`, maps and objects are `Map`, `null` is `Null`, a value
//! that cannot be decided is `Unknown`, a resource attribute is a `Ref` (known to exist, value
//! decided only at apply: unknown to any function that needs its value), and `jsonencode`'s
//! result is `Json` (text whose structure is known).

use std::path::Path;

use crate::model::Val;
use crate::source::Span;

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

/// Calls the built-in function `name` (`try` and `can` are the evaluator's: they take
/// expressions, not values). `Err` when the function is not implemented or its arguments are
/// invalid: the caller makes the result unknown and reports the message, located at `span`.
pub fn call(name: &str, args: Vec<Val>, span: Span, _cx: &FnCtx<'_>) -> Result<Val, String> {
    let _ = (args, span);
    Err(format!("function `{name}` is not implemented"))
}
