//! The located value tree shared by every input format.
//!
//! YAML and JSON both parse into [`Node`]s. CloudFormation short-form tags (`!Ref X`) are
//! already normalised to their long form (`{"Ref": "X"}`) by the parser, so nothing after
//! parsing knows short forms exist.
//!
//! Scalar resolution follows the YAML 1.2 core schema: plain `true`/`false` (any case of the
//! first letter or all caps) are booleans, `null`/`~`/empty are null, plain numerals are numbers,
//! everything else (including YAML 1.1's `yes`/`no`/`on`/`off`) is a string. Quoted scalars are
//! always strings. Consumers that need a boolean accept the strings `"true"`/`"false"` too, as
//! CloudFormation does.

use crate::source::Span;

/// A value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: Kind,
}

/// The value itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number, kept as written so that `0777` or `1e3` are not reinterpreted.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One key/value pair of a map. Keys are always strings; the key keeps its own span.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn new(span: Span, kind: Kind) -> Node {
        Node { span, kind }
    }

    /// The value of `key` if this is a map holding it (first occurrence).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry for `key` if this is a map holding it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Map(e) => Some(e),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// Text of a scalar (string, number or boolean), as a string.
    pub fn scalar_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match &self.kind {
            Kind::String(s) => Some(s.as_str().into()),
            Kind::Number(n) => Some(n.as_str().into()),
            Kind::Bool(b) => Some(if *b { "true" } else { "false" }.into()),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// A short name of the node's type for messages ("a map", "a string", ...).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a map",
        }
    }

    /// Converts to JSON, dropping locations (for tests and debugging).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.kind {
            Kind::Null => J::Null,
            Kind::Bool(b) => J::Bool(*b),
            Kind::Number(n) => {
                serde_json::from_str::<serde_json::Number>(n).map(J::Number).unwrap_or_else(|_| J::String(n.clone()))
            }
            Kind::String(s) => J::String(s.clone()),
            Kind::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(entries) => J::Object(entries.iter().map(|e| (e.key.clone(), e.value.to_json())).collect()),
        }
    }
}

/// One parsed document of a file (YAML streams may hold several).
#[derive(Debug, Clone)]
pub struct Document {
    pub root: Node,
}
