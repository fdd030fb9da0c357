//! Tags of resources (labels of Kubernetes objects): the key and value of each, with where
//! they are written, for rules on an organisation's tagging policy.

use super::{Field, Tri, VKind, Val};
use crate::source::Span;

/// One tag.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Tag {
    pub key: String,
    /// Where the key is written.
    pub span: Span,
    pub value: Field<String>,
}

/// The value of a tag or label.
fn text_field(v: &Val) -> Field<String> {
    let value = match &v.kind {
        VKind::Str(s) => Tri::Known(s.clone()),
        VKind::Unknown(_) | VKind::Ref(_) => Tri::Unknown,
        _ => v.scalar_text().map_or(Tri::Unknown, Tri::Known),
    };
    Field { value, span: v.span, origin: v.origin.clone() }
}

/// The tags a resource's `Tags` property (a list of `{Key, Value}`, or a map for some types)
/// or a Terraform `tags` argument (a map) gives: absent when not written (at `absent`),
/// unknown when the list or one of its keys cannot be decided.
pub fn tags_of(v: Option<&Val>, absent: Span) -> Field<Vec<Tag>> {
    let Some(v) = v.filter(|v| !matches!(v.kind, VKind::NoValue | VKind::Null)) else {
        return Field::absent(absent);
    };
    let unknown = Field { value: Tri::Unknown, span: v.span, origin: v.origin.clone() };
    let tags = match &v.kind {
        VKind::Map(entries) => entries
            .iter()
            .map(|(k, span, value)| Tag { key: k.clone(), span: *span, value: text_field(value) })
            .collect(),
        VKind::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                if matches!(item.kind, VKind::NoValue) {
                    continue;
                }
                let (Some(key), Some(value)) = (item.get("Key"), item.get("Value")) else { return unknown };
                let Some(k) = key.as_str() else { return unknown };
                out.push(Tag { key: k.to_string(), span: key.span, value: text_field(value) });
            }
            out
        }
        _ => return unknown,
    };
    Field { value: Tri::Known(tags), span: v.span, origin: v.origin.clone() }
}

/// Labels (Kubernetes), each with the span of its key and value.
pub fn labels(entries: &[(String, Span, String, Span)], span: Span) -> Field<Vec<Tag>> {
    let tags = entries
        .iter()
        .map(|(k, key_span, v, value_span)| Tag {
            key: k.clone(),
            span: *key_span,
            value: Field::known(v.clone(), *value_span),
        })
        .collect();
    Field::known(tags, span)
}

/// A resource's tags as [`super::ResMeta::tags`] keeps them: `None` when absent.
pub fn kept(tags: Field<Vec<Tag>>) -> Option<Box<Field<Vec<Tag>>>> {
    (!tags.is_absent()).then(|| Box::new(tags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Val {
        Val::new(VKind::Str(text.into()), Span::default())
    }

    fn map(entries: Vec<(&str, Val)>) -> Val {
        Val::new(
            VKind::Map(entries.into_iter().map(|(k, v)| (k.to_string(), Span::default(), v)).collect()),
            Span::default(),
        )
    }

    #[test]
    fn lists_maps_and_unknowns() {
        let list = Val::new(VKind::List(vec![map(vec![("Key", s("team")), ("Value", s("data"))])]), Span::default());
        let t = tags_of(Some(&list), Span::default());
        assert_eq!(t.get().unwrap()[0].key, "team");
        assert_eq!(t.get().unwrap()[0].value.get().map(String::as_str), Some("data"));
        assert_eq!(tags_of(Some(&map(vec![("env", s("prod"))])), Span::default()).get().unwrap()[0].key, "env");
        assert!(tags_of(None, Span::default()).is_absent());
        assert!(tags_of(Some(&Val::unknown("param", Span::default())), Span::default()).is_unknown());
        let unknown_key = Val::new(
            VKind::List(vec![map(vec![("Key", Val::unknown("param", Span::default())), ("Value", s("x"))])]),
            Span::default(),
        );
        assert!(tags_of(Some(&unknown_key), Span::default()).is_unknown());
    }
}
