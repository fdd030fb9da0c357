//! The SDK's answers as JSON in AWS's own field casing, as the AWS CLI prints them.
//!
//! The SDK's types have no serialisation: each type the snapshot keeps gets a short
//! conversion listing its fields ([`to_json!`]); absent fields are left out, lists and maps
//! are converted item by item.

use std::collections::HashMap;

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use serde_json::{Map, Value};

/// A value of an SDK answer as JSON; `None` for an absent field.
pub trait ToJson {
    fn to_json(&self) -> Option<Value>;
}

impl ToJson for str {
    fn to_json(&self) -> Option<Value> {
        Some(Value::String(self.to_string()))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Option<Value> {
        self.as_str().to_json()
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Option<Value> {
                Some(Value::from(*self))
            }
        }
    )*};
}
plain!(bool, i32, i64, f64);

impl ToJson for Value {
    fn to_json(&self) -> Option<Value> {
        Some(self.clone())
    }
}

impl ToJson for DateTime {
    fn to_json(&self) -> Option<Value> {
        self.fmt(Format::DateTime).ok().map(Value::String)
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Option<Value> {
        (**self).to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Option<Value> {
        self.as_ref().and_then(ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Option<Value> {
        Some(Value::Array(self.iter().filter_map(ToJson::to_json).collect()))
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Option<Value> {
        self.as_slice().to_json()
    }
}

/// Maps (tags, attributes, the account summary): keys in order, so that snapshots compare.
impl<K: AsRef<str>, V: ToJson> ToJson for HashMap<K, V> {
    fn to_json(&self) -> Option<Value> {
        let mut entries: Vec<(&str, Value)> =
            self.iter().filter_map(|(k, v)| Some((k.as_ref(), v.to_json()?))).collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        Some(Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    }
}

/// An enumeration's text (`running`, `ENABLED`).
pub fn text<T: AsRef<str>>(v: Option<&T>) -> Option<&str> {
    v.map(AsRef::as_ref)
}

/// A list of enumeration values.
pub fn texts<T: AsRef<str>>(v: &[T]) -> Vec<&str> {
    v.iter().map(AsRef::as_ref).collect()
}

/// A JSON object of the fields given that are present.
macro_rules! obj {
    ($($k:literal => $v:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut m = serde_json::Map::new();
        $(
            if let Some(v) = $crate::collect::aws::conv::ToJson::to_json(&$v) {
                m.insert($k.to_string(), v);
            }
        )*
        serde_json::Value::Object(m)
    }};
}
pub(crate) use obj;

/// Conversions of SDK types: `Type |x| { "Field" => x.field(), ... }`.
macro_rules! to_json {
    ($($t:ty => |$x:ident| { $($k:literal => $v:expr),* $(,)? })*) => {$(
        impl $crate::collect::aws::conv::ToJson for $t {
            fn to_json(&self) -> Option<serde_json::Value> {
                let $x = self;
                Some($crate::collect::aws::conv::obj! { $($k => $v),* })
            }
        }
    )*};
}
pub(crate) use to_json;

/// The items of every page of a paginated answer, as one list.
pub fn concat<P, T: ToJson>(pages: &[P], items: impl Fn(&P) -> &[T]) -> Value {
    Value::Array(pages.iter().flat_map(|p| items(p).iter().filter_map(ToJson::to_json)).collect())
}

/// The pages of a paginated answer merged: `{key: [every page's items]}`.
pub fn merged<P, T: ToJson>(pages: &[P], key: &str, items: impl Fn(&P) -> &[T]) -> Value {
    let mut m = Map::new();
    m.insert(key.to_string(), concat(pages, items));
    Value::Object(m)
}

/// A policy document as the AWS CLI prints it: IAM returns documents URL-encoded; decoded and
/// parsed when they are JSON, kept as text otherwise.
pub fn policy_document(text: Option<&str>) -> Option<Value> {
    let text = text?;
    let decoded = if text.contains('%') { url_decode(text) } else { text.to_string() };
    Some(serde_json::from_str::<Value>(&decoded).unwrap_or(Value::String(decoded)))
}

/// RFC 3986 percent-decoding (IAM writes `%XX` escapes; `+` stays itself).
fn url_decode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = tail.get(..2).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                rest = &tail[2..];
            }
            _ => {
                out.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The credential report (CSV) as rows keyed by the header's column names.
pub fn csv_rows(text: &str) -> Value {
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let Some(header) = lines.next() else { return Value::Array(Vec::new()) };
    let columns = csv_fields(header);
    Value::Array(
        lines
            .map(|l| {
                let row: Map<String, Value> =
                    columns.iter().cloned().zip(csv_fields(l).into_iter().map(Value::String)).collect();
                Value::Object(row)
            })
            .collect(),
    )
}

/// The fields of one CSV line (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_fields_and_leaves_absent_ones_out() {
        let none: Option<&str> = None;
        let v = obj! { "A" => Some("x"), "B" => none, "C" => Some(3), "D" => vec!["p".to_string()], "E" => Some(true) };
        assert_eq!(v, serde_json::json!({"A": "x", "C": 3, "D": ["p"], "E": true}));
        let t = DateTime::from_secs(1_704_153_600);
        assert_eq!(t.to_json(), Some(Value::String("2024-01-02T00:00:00Z".into())));
    }

    #[test]
    fn decodes_policy_documents_and_reports() {
        let doc = policy_document(Some("%7B%22Statement%22%3A%5B%5D%2C%22A%22%3A%22a+b%22%7D")).unwrap();
        assert_eq!(doc, serde_json::json!({"Statement": [], "A": "a+b"}));
        assert_eq!(policy_document(Some("not json")), Some(Value::String("not json".into())));
        let rows = csv_rows("user,arn,mfa_active\n<root_account>,arn:aws:iam::1:root,true\n\"a,b\",x,\"f\"\"\"\n");
        assert_eq!(rows[0]["user"], "<root_account>");
        assert_eq!(rows[1]["user"], "a,b");
        assert_eq!(rows[1]["mfa_active"], "f\"");
    }
}
