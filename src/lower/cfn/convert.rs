//! Conversions from evaluated values to model fields.

use crate::model::{Field, Link, Origin, Tri, VKind, Val};
use crate::source::Span;

/// Builds fields from a resource's evaluated `Properties`.
pub struct Props<'v> {
    pub props: Option<&'v Val>,
    /// Span used for absent fields (the resource's logical id).
    pub absent: Span,
}

impl<'v> Props<'v> {
    pub fn new(props: Option<&'v Val>, absent: Span) -> Props<'v> {
        Props { props, absent }
    }

    /// The value of `key`; every key of an unknown map is that unknown value.
    pub fn val(&self, key: &str) -> Option<&'v Val> {
        let p = self.props?;
        if p.is_unknown() { Some(p) } else { p.get(key) }
    }

    /// Where findings about `key` point: the value for scalars, the key for maps and lists
    /// (whose own span starts at their first item).
    pub fn span_of(&self, key: &str) -> Option<Span> {
        let v = self.val(key)?;
        match v.kind {
            VKind::Map(_) | VKind::List(_) => self.props?.key_span(key).or(Some(v.span)),
            _ => Some(v.span),
        }
    }

    /// A sub-map as `Props` (absent fields inside it point at its key).
    pub fn sub(&self, key: &str) -> Option<Props<'v>> {
        let v = self.val(key)?;
        Some(Props { props: Some(v), absent: self.span_of(key).unwrap_or(v.span) })
    }

    /// Sets a field's span to where findings about `key` should point.
    fn at<T>(&self, key: &str, mut f: Field<T>) -> Field<T> {
        if let Some(s) = self.span_of(key) {
            f.span = s;
        }
        f
    }

    pub fn string(&self, key: &str) -> Field<String> {
        field(self.val(key), self.absent, |v| v.scalar_text())
    }

    pub fn boolean(&self, key: &str) -> Field<bool> {
        noted(self.val(key), true, field(self.val(key), self.absent, Val::as_bool))
    }

    pub fn int(&self, key: &str) -> Field<i64> {
        noted(self.val(key), false, field(self.val(key), self.absent, Val::as_i64))
    }

    pub fn link(&self, key: &str) -> Field<Link> {
        field(self.val(key), self.absent, as_link)
    }

    /// Present (known map or list), as `()`.
    pub fn present(&self, key: &str) -> Field<()> {
        self.at(
            key,
            field(self.val(key), self.absent, |v| match v.kind {
                VKind::Map(_) | VKind::List(_) | VKind::Str(_) => Some(()),
                _ => None,
            }),
        )
    }

    /// A list of links (e.g. `SubnetIds`).
    pub fn links(&self, key: &str) -> Field<Vec<Field<Link>>> {
        self.at(key, list(self.val(key), self.absent, |v| field(Some(v), v.span, as_link)))
    }

    /// A list of strings.
    pub fn strings(&self, key: &str) -> Field<Vec<Field<String>>> {
        self.at(key, list(self.val(key), self.absent, |v| field(Some(v), v.span, Val::scalar_text)))
    }

    /// A list of items converted by `item`, pointing at the key.
    pub fn list_of<T>(&self, key: &str, item: impl Fn(&Val) -> T) -> Field<Vec<T>> {
        self.at(key, list(self.val(key), self.absent, item))
    }

    /// A policy document, pointing at the key.
    pub fn document(&self, key: &str) -> Field<crate::model::PolicyDocument> {
        match self.val(key) {
            Some(v) => self.at(key, super::policy::document(v)),
            None => Field::absent(self.absent),
        }
    }
}

thread_local! {
    /// Notes on values left unknown because of how YAML scalars read (see [`take_notes`]).
    static NOTES: std::cell::RefCell<Vec<(Span, crate::i18n::Message)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A boolean or integer field left unknown: records why, when it is a YAML 1.1 / 1.2
/// difference (see [`super::yaml11::scalar_note`]).
fn noted<T>(v: Option<&Val>, want_bool: bool, f: Field<T>) -> Field<T> {
    if matches!(f.value, Tri::Unknown)
        && let Some(v) = v
        && let Some(note) = super::yaml11::scalar_note(v, want_bool)
    {
        NOTES.with(|n| n.borrow_mut().push((v.span, note)));
    }
    f
}

/// The notes recorded by this thread's lowering since the last call.
pub fn take_notes() -> Vec<(Span, crate::i18n::Message)> {
    NOTES.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// A field from an optional value with a conversion; unknown when the value is unknown or of
/// the wrong type.
pub fn field<T>(v: Option<&Val>, absent: Span, conv: impl FnOnce(&Val) -> Option<T>) -> Field<T> {
    let Some(v) = v else { return Field::absent(absent) };
    let value = match &v.kind {
        VKind::NoValue => return Field::absent(absent),
        // A reference to a name the template does not define names nothing of the template:
        // only conversions that say so (links) know it.
        VKind::Unknown(_) => match v.undefined_name().and_then(|_| conv(v)) {
            Some(t) => Tri::Known(t),
            None => Tri::Unknown,
        },
        _ => match conv(v) {
            Some(t) => Tri::Known(t),
            None => Tri::Unknown,
        },
    };
    Field { value, span: v.span, origin: v.origin.clone() }
}

/// A list field; a single scalar counts as a one-item list.
pub fn list<T>(v: Option<&Val>, absent: Span, item: impl Fn(&Val) -> T) -> Field<Vec<T>> {
    let Some(v) = v else { return Field::absent(absent) };
    match &v.kind {
        VKind::NoValue => Field::absent(absent),
        VKind::Unknown(_) | VKind::Ref(_) | VKind::Map(_) => {
            Field { value: Tri::Unknown, span: v.span, origin: v.origin.clone() }
        }
        _ => Field {
            value: Tri::Known(v.items().into_iter().map(item).collect()),
            span: v.span,
            origin: v.origin.clone(),
        },
    }
}

/// A reference: a resource of the template, or a literal id/ARN. A reference to a name the
/// template does not define (an error reported on its own) is to something outside the
/// template, so that it leaves the links of other resources decided.
pub fn as_link(v: &Val) -> Option<Link> {
    match &v.kind {
        VKind::Ref(r) => Some(Link::Local(r.id.clone())),
        VKind::Str(s) => Some(Link::External(s.clone())),
        VKind::Unknown(_) => v.undefined_name().map(|n| Link::External(n.to_string())),
        _ => None,
    }
}

/// A related-location note for a field whose value came from elsewhere.
pub fn origin_of<T>(f: &Field<T>) -> Option<&Origin> {
    f.origin.as_ref()
}
