//! Evaluated values: the result of evaluating a template node with its intrinsic functions.
//!
//! Evaluation is three-valued. A [`Val`] is either a known value, a reference to another
//! resource (`Ref`/`Fn::GetAtt` of a resource), or unknown (an import, a parameter without
//! a default, a dynamic reference, ...). Rules never report on an unknown value.

use crate::source::Span;

/// Where a value came from when that is not where it is used: the default of a parameter,
/// a mapping entry, ... Reports show it as a related location.
///
/// Its parts ([`OriginParts`]: `span`, `note`, `via`) are read and written through it. They
/// are kept behind one pointer: every model field and value may have an origin but few do,
/// so that an `Option<Origin>` costs a pointer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct Origin(Box<OriginParts>);

/// The parts of an [`Origin`]: where a value came from when that is not where it is used (the
/// default of a parameter, a mapping entry, ...). Reports show it as a related location.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OriginParts {
    pub span: Span,
    pub note: crate::i18n::Message,
    /// The places the value passed through on its way to where it is used, from the one
    /// nearest to where it was written (a module argument, then a variable, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<(Span, crate::i18n::Message)>,
}

impl Origin {
    /// Where a value was written, with what to call that place.
    pub fn new(span: Span, note: impl Into<crate::i18n::Message>) -> Origin {
        Origin(Box::new(OriginParts { span, note: note.into(), via: Vec::new() }))
    }
}

impl std::ops::Deref for Origin {
    type Target = OriginParts;

    fn deref(&self) -> &OriginParts {
        &self.0
    }
}

impl std::ops::DerefMut for Origin {
    fn deref_mut(&mut self) -> &mut OriginParts {
        &mut self.0
    }
}

/// The end of the reason of [`Val::undefined`].
const UNDEFINED: &str = " is not a parameter or resource of this template";

/// An evaluated value with the span of the expression it came from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Val {
    pub kind: VKind,
    /// Span of the expression that produced the value (the property value in the template).
    pub span: Span,
    /// Where the value was really written, when elsewhere (e.g. a parameter's `Default`).
    pub origin: Option<Origin>,
    /// For an unknown string made from a template (`"/${var.env}/db/password"`), the literal
    /// text it is made from: what content checks can still read of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub literals: Vec<String>,
}

/// A reference to a resource of the same template, or one of its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct RefTarget {
    pub id: String,
    pub attr: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VKind {
    Null,
    Bool(bool),
    /// A number, as written.
    Num(String),
    Str(String),
    List(Vec<Val>),
    Map(Vec<(String, Span, Val)>),
    /// `Ref`/`Fn::GetAtt` of a resource in the same template.
    Ref(RefTarget),
    /// A value that could not be decided, with the reason.
    Unknown(String),
    /// `Ref: AWS::NoValue`: the property is removed.
    NoValue,
    /// A value encoded as JSON text (Terraform's `jsonencode`): a string whose content is
    /// known as a structure, so that a policy written this way keeps its locations. Read as a
    /// string, it is unknown.
    Json(Box<Val>),
}

impl Val {
    pub fn new(kind: VKind, span: Span) -> Val {
        Val { kind, span, origin: None, literals: Vec::new() }
    }

    pub fn unknown(reason: impl Into<String>, span: Span) -> Val {
        Val::new(VKind::Unknown(reason.into()), span)
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, VKind::Unknown(_))
    }

    /// The unknown value of a reference to `name`, which the template does not define: an
    /// error in the template. It refers to nothing the template defines (see
    /// [`Val::undefined_name`]).
    pub fn undefined(name: &str, span: Span) -> Val {
        Val::unknown(format!("`{name}`{UNDEFINED}"), span)
    }

    /// For the value of a reference to a name the template does not define, that name.
    pub fn undefined_name(&self) -> Option<&str> {
        match &self.kind {
            VKind::Unknown(reason) => reason.strip_suffix(UNDEFINED)?.strip_prefix('`')?.strip_suffix('`'),
            _ => None,
        }
    }

    /// The value of `key` in a known map.
    pub fn get(&self, key: &str) -> Option<&Val> {
        match &self.kind {
            VKind::Map(entries) => entries.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v),
            _ => None,
        }
    }

    /// The span of `key`'s name in a known map.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        match &self.kind {
            VKind::Map(entries) => entries.iter().find(|(k, _, _)| k == key).map(|(_, s, _)| *s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            VKind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Val]> {
        match &self.kind {
            VKind::List(l) => Some(l),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(String, Span, Val)]> {
        match &self.kind {
            VKind::Map(m) => Some(m),
            _ => None,
        }
    }

    /// A boolean: `true`/`false` or the strings `"true"`/`"false"` (any case), as
    /// CloudFormation accepts. `None` when unknown or of another type.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            VKind::Bool(b) => Some(*b),
            VKind::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
            VKind::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    /// An integer from a number or a numeric string. A number written with a leading zero
    /// (`0777`, decimal in YAML 1.2, octal in YAML 1.1) is not one: which CloudFormation reads
    /// is not clear.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.kind {
            VKind::Num(n) if leading_zero(n.trim().trim_start_matches(['-', '+'])) => None,
            VKind::Num(n) | VKind::Str(n) => {
                let t = n.trim();
                t.parse::<i64>()
                    .ok()
                    .or_else(|| t.parse::<f64>().ok().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))
            }
            _ => None,
        }
    }

    /// Text of a known scalar (string, number or boolean).
    pub fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            VKind::Str(s) | VKind::Num(s) => Some(s.clone()),
            VKind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Items of a list; a single scalar counts as a one-item list (policy style).
    pub fn items(&self) -> Vec<&Val> {
        match &self.kind {
            VKind::List(l) => l.iter().collect(),
            VKind::Null | VKind::NoValue => Vec::new(),
            _ => vec![self],
        }
    }
}

/// `0` followed by digits only (`0777`): octal in YAML 1.1, decimal in YAML 1.2.
pub fn leading_zero(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}
