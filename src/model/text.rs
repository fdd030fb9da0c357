//! The literal text of an input and the inputs it declares, for content analyses such as
//! secret detection. Frontends fill these in their own terms; analyses read only these.

use crate::source::Span;

/// A literal string (or number) written in the input, with where it is and what it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextValue {
    pub text: String,
    pub span: Span,
    /// The resource it belongs to, if any.
    pub resource: Option<usize>,
    /// The name, as written in the source, of the field or key holding the value (for a
    /// piece of a computed value, the field the whole value is for).
    pub key: String,
    /// Whether the text is data, or names something, or is syntax.
    pub role: TextRole,
    /// The field holds a secret whatever its name says (the key of an API key resource,
    /// stored under a neutral name such as `Value`).
    pub secret_by_design: bool,
    /// Where the text is, for messages: "`Db` property `MasterUserPassword`", "output `Key`".
    pub place: String,
    /// The inputs ([`Input`]) this text takes the field's value from, by name: a reference to
    /// an input, or the inputs substituted into a text template.
    pub inputs: Vec<String>,
}

/// What a [`TextValue`] is: only [`TextRole::Value`]s can hold data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextRole {
    /// Data: written as is, or a piece that ends up in a value (items joined together,
    /// branches of a choice, templates with text besides their placeholders, ...).
    Value,
    /// Names an input, a resource or a built-in value whose value is used here (a reference,
    /// or a template made only of placeholders).
    Ref,
    /// Names something else (an attribute, an export, a condition, a lookup table...).
    Name,
    /// Syntax of a function: a delimiter, an index, a count.
    Syntax,
    /// Resolved by the deployment engine from a store of secrets or parameters.
    Dynamic,
}

/// A value the input takes at deployment time (a template parameter).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Input {
    pub name: String,
    pub span: Span,
    /// The input's declared type, as written.
    pub kind: String,
    /// The language hides the value from those who read the deployment (`NoEcho`).
    pub sensitive: bool,
    /// The value given is the data itself (as opposed to the name of where to fetch it, or
    /// an identifier of an existing object).
    pub holds_value: bool,
    /// The default, when it is a scalar.
    pub default: Option<(String, Span)>,
    /// The input is a switch: it only takes boolean values (`AllowedValues` of `true`/`false`,
    /// `yes`/`no`..., a `bool` variable).
    pub switch: bool,
    /// How the language names inputs, for messages.
    #[serde(skip)]
    pub words: &'static InputWords,
}

/// How an input language names its inputs, their defaults and hiding their values.
#[derive(Debug, PartialEq, Eq)]
pub struct InputWords {
    /// `parameter`, `variable`.
    pub noun: &'static str,
    /// The setting that hides the value: `` `NoEcho` ``, `` `sensitive = true` ``.
    pub hidden: &'static str,
    /// The default value's name: `` `Default` ``, `` `default` ``.
    pub default: &'static str,
}

impl InputWords {
    pub const CLOUDFORMATION: InputWords = InputWords { noun: "parameter", hidden: "`NoEcho`", default: "`Default`" };
    pub const TERRAFORM: InputWords =
        InputWords { noun: "variable", hidden: "`sensitive = true`", default: "`default`" };
}
