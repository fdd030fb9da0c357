//! Evaluated policy documents to the model's [`PolicyDocument`].

use crate::model::{
    Condition, Effect, Field, PolicyDocument, Principal, RefTarget, Statement, StrList, Tri, VKind, Val,
};
use crate::source::Span;

use super::convert::field;

/// A policy document from its evaluated value (a map, or a JSON string as some templates
/// write it).
pub fn document(v: &Val) -> Field<PolicyDocument> {
    let parsed;
    let v = match &v.kind {
        VKind::Str(s) => match serde_json::from_str::<serde_json::Value>(s) {
            Ok(j) => {
                parsed = from_json(&j, v.span);
                &parsed
            }
            Err(_) => return Field { value: Tri::Unknown, span: v.span, origin: None },
        },
        VKind::Json(inner) => inner,
        _ => v,
    };
    match &v.kind {
        VKind::Map(_) => {}
        VKind::NoValue => return Field::absent(v.span),
        _ => return Field { value: Tri::Unknown, span: v.span, origin: None },
    }
    let mut doc = PolicyDocument {
        span: v.span,
        version: field(v.get("Version"), v.span, Val::scalar_text),
        statements: Vec::new(),
        has_unknown_statements: false,
    };
    if let Some(s) = v.get("Statement") {
        match &s.kind {
            VKind::List(items) => {
                for i in items {
                    match statement(i) {
                        Some(st) => doc.statements.push(st),
                        None => doc.has_unknown_statements = true,
                    }
                }
            }
            VKind::Map(_) => match statement(s) {
                Some(st) => doc.statements.push(st),
                None => doc.has_unknown_statements = true,
            },
            _ => doc.has_unknown_statements = true,
        }
    }
    Field { value: Tri::Known(doc), span: v.span, origin: None }
}

fn statement(v: &Val) -> Option<Statement> {
    if !matches!(v.kind, VKind::Map(_)) {
        return None;
    }
    let effect = field(v.get("Effect"), v.span, |e| match e.as_str()? {
        "Allow" => Some(Effect::Allow),
        "Deny" => Some(Effect::Deny),
        _ => None,
    });
    let (conditions, condition_unknown) = conditions(v.get("Condition"));
    Some(Statement {
        span: v.span,
        sid: v.get("Sid").and_then(Val::scalar_text),
        effect,
        principal: v.get("Principal").map(principal),
        not_principal: v.get("NotPrincipal").map(principal),
        action: v.get("Action").map(str_list),
        not_action: v.get("NotAction").map(str_list),
        resource: v.get("Resource").map(str_list),
        not_resource: v.get("NotResource").map(str_list),
        conditions,
        condition_unknown,
        effect_text: v.get("Effect").and_then(|e| e.as_str().map(|t| (t.to_string(), e.span))),
        unknown_elements: v
            .as_map()
            .unwrap_or_default()
            .iter()
            .filter(|(k, _, _)| !crate::model::STATEMENT_ELEMENTS.contains(&k.as_str()))
            .map(|(k, span, _)| (k.clone(), *span))
            .collect(),
    })
}

/// A string-or-list value.
pub fn str_list(v: &Val) -> StrList {
    let mut l = StrList { span: v.span, ..StrList::default() };
    let arn_of = |i: &Val| match &i.kind {
        // `Arn`, and `PolicyArn` of a CloudFormation managed policy.
        VKind::Ref(RefTarget { id, attr: Some(a) }) if a.to_ascii_lowercase().ends_with("arn") => Some(id.clone()),
        _ => None,
    };
    let plain = |i: &Val| match &i.kind {
        VKind::Ref(RefTarget { id, attr: None }) => Some(id.clone()),
        _ => None,
    };
    match &v.kind {
        VKind::List(items) => {
            for i in items {
                let f = field(Some(i), i.span, Val::scalar_text);
                l.has_unknown |= !matches!(f.value, Tri::Known(_));
                if let Some(id) = arn_of(i) {
                    l.refs.push((l.items.len(), id));
                }
                if let Some(id) = plain(i) {
                    l.plain_refs.push((l.items.len(), id));
                }
                l.items.push(f);
            }
        }
        VKind::Str(_) | VKind::Num(_) | VKind::Bool(_) => l.items.push(field(Some(v), v.span, Val::scalar_text)),
        VKind::Ref(_) => {
            l.has_unknown = true;
            if let Some(id) = arn_of(v) {
                l.refs.push((0, id));
            }
            if let Some(id) = plain(v) {
                l.plain_refs.push((0, id));
            }
            if !l.refs.is_empty() || !l.plain_refs.is_empty() {
                l.items.push(Field { value: Tri::Unknown, span: v.span, origin: v.origin.clone() });
            }
        }
        _ => l.has_unknown = true,
    }
    l
}

fn principal(v: &Val) -> Principal {
    match &v.kind {
        VKind::Str(s) if s == "*" => Principal::Any(v.span),
        VKind::Map(entries) => Principal::Map(entries.iter().map(|(k, _, val)| (k.clone(), str_list(val))).collect()),
        _ => Principal::Unknown(v.span),
    }
}

fn conditions(v: Option<&Val>) -> (Vec<Condition>, bool) {
    let Some(v) = v else { return (Vec::new(), false) };
    let Some(ops) = v.as_map() else { return (Vec::new(), true) };
    let mut out = Vec::new();
    let mut unknown = false;
    for (op, op_span, body) in ops {
        match body.as_map() {
            Some(keys) => {
                for (key, key_span, values) in keys {
                    out.push(Condition {
                        span: Span::join(*op_span, key_span.join(values.span)),
                        operator: op.clone(),
                        key: key.clone(),
                        values: str_list(values),
                    });
                }
            }
            None => unknown = true,
        }
    }
    (out, unknown)
}

/// A JSON value (from a policy written as a JSON string) as a `Val` located at `span`.
fn from_json(j: &serde_json::Value, span: Span) -> Val {
    use serde_json::Value as J;
    let kind = match j {
        J::Null => VKind::Null,
        J::Bool(b) => VKind::Bool(*b),
        J::Number(n) => VKind::Num(n.to_string()),
        J::String(s) => VKind::Str(s.clone()),
        J::Array(a) => VKind::List(a.iter().map(|i| from_json(i, span)).collect()),
        J::Object(o) => VKind::Map(o.iter().map(|(k, v)| (k.clone(), span, from_json(v, span))).collect()),
    };
    Val::new(kind, span)
}
