//! `data "aws_iam_policy_document"`: a policy built from `statement` blocks and other
//! documents.

use super::{Out, arg, text};
use crate::lower::tf::map::map_val;
use crate::model::{VKind, Val};
use crate::source::Span;

/// The policy the data source's arguments `a` describe: `Version`, `Id` and `Statement`, each
/// statement at its block, each value at its argument.
pub fn document(a: &Val) -> Val {
    let mut o = Out::new(a.span);
    o.arg(a, "version", "Version").default("Version", text("2012-10-17", a.span)).arg(a, "policy_id", "Id");
    o.put("Statement", a.key_span("statement").unwrap_or(a.span), statements(a));
    o.into_val()
}

/// The statements: those of `source_policy_documents`, then the `statement` blocks, then
/// `override_policy_documents` replacing statements of the same `Sid` or appended.
fn statements(a: &Val) -> Val {
    let mut out = Vec::new();
    for doc in docs(a, "source_policy_documents") {
        match doc_statements(&doc) {
            Some(items) => out.extend(items),
            None => out.push(Val::unknown("a statement of a source policy document", doc.span)),
        }
    }
    match arg(a, "statement").map(|v| (v, &v.kind)) {
        None => {}
        Some((_, VKind::List(items))) => out.extend(items.iter().map(statement)),
        Some((v, _)) => return Val::unknown("the statements", v.span),
    }
    for doc in docs(a, "override_policy_documents") {
        let Some(items) = doc_statements(&doc) else {
            return Val::unknown("statements of an override policy document", doc.span);
        };
        for st in items {
            if let Err(at) = override_with(&mut out, st) {
                return Val::unknown("a statement of an override policy document", at);
            }
        }
    }
    Val::new(VKind::List(out), a.span)
}

/// Replaces the statement of `st`'s `Sid` in `out`, or appends `st`. `Err` (its span) when
/// which one it replaces cannot be decided.
fn override_with(out: &mut Vec<Val>, st: Val) -> Result<(), Span> {
    let sid = match st.get("Sid") {
        None => None,
        Some(s) => match s.as_str() {
            Some("") => None,
            Some(s) => Some(s.to_string()),
            None => return Err(s.span),
        },
    };
    let Some(sid) = sid else {
        out.push(st);
        return Ok(());
    };
    if let Some(undecided) = out.iter().find(|s| s.get("Sid").is_some_and(|v| v.as_str().is_none()) || !is_map(s)) {
        return Err(undecided.span);
    }
    match out.iter_mut().find(|s| s.get("Sid").and_then(Val::as_str) == Some(sid.as_str())) {
        Some(old) => *old = st,
        None => out.push(st),
    }
    Ok(())
}

fn is_map(v: &Val) -> bool {
    matches!(v.kind, VKind::Map(_))
}

/// The documents of list argument `key`, each a policy map or an undecided value.
fn docs(a: &Val, key: &str) -> Vec<Val> {
    match arg(a, key) {
        None => Vec::new(),
        Some(v) => match &v.kind {
            VKind::List(items) => items.iter().map(parse).collect(),
            _ => vec![Val::unknown("the policy documents", v.span)],
        },
    }
}

/// A policy document from a JSON string, a `jsonencode` value or a map.
fn parse(v: &Val) -> Val {
    match &v.kind {
        VKind::Str(s) => match serde_json::from_str::<serde_json::Value>(s) {
            Ok(j) => from_json(&j, v.span),
            Err(_) => Val::unknown("not a JSON policy", v.span),
        },
        VKind::Json(inner) => (**inner).clone(),
        VKind::Map(_) => v.clone(),
        _ => Val::unknown("the policy document", v.span),
    }
}

/// The statements of a parsed document; `None` when they cannot be decided.
fn doc_statements(doc: &Val) -> Option<Vec<Val>> {
    let st = doc.get("Statement")?;
    match &st.kind {
        VKind::List(items) => Some(items.clone()),
        VKind::Map(_) => Some(vec![st.clone()]),
        _ => None,
    }
}

/// A JSON value located at `span`.
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

/// One `statement` block as a statement; an undecided block stays undecided.
fn statement(b: &Val) -> Val {
    if !is_map(b) {
        return b.clone();
    }
    let mut o = Out::new(b.span);
    o.arg(b, "sid", "Sid")
        .arg(b, "effect", "Effect")
        .default("Effect", text("Allow", b.span))
        .arg(b, "actions", "Action")
        .arg(b, "not_actions", "NotAction")
        .arg(b, "resources", "Resource")
        .arg(b, "not_resources", "NotResource");
    for (tf, cfn) in [("principals", "Principal"), ("not_principals", "NotPrincipal")] {
        if let Some(v) = arg(b, tf) {
            o.put(cfn, b.key_span(tf).unwrap_or(v.span), principals(v));
        }
    }
    if let Some(v) = arg(b, "condition") {
        o.put("Condition", b.key_span("condition").unwrap_or(v.span), conditions(v));
    }
    o.into_val()
}

/// `principals` blocks as a `Principal`: `"*"` for type `*`, else a map of type to identifiers.
fn principals(v: &Val) -> Val {
    let Some(blocks) = v.as_list() else { return Val::unknown("the principals", v.span) };
    let mut by_type: Vec<(String, Span, Vec<Val>)> = Vec::new();
    for b in blocks {
        let (Some(ty), Some(ids)) = (b.get("type"), b.get("identifiers")) else {
            return Val::unknown("a principal", b.span);
        };
        let Some(t) = ty.as_str() else { return Val::unknown("a principal's type", ty.span) };
        let Some(ids) = ids.as_list() else { return Val::unknown("a principal's identifiers", ids.span) };
        if t == "*" {
            return text("*", b.span);
        }
        match by_type.iter_mut().find(|(k, _, _)| k == t) {
            Some(e) => e.2.extend(ids.iter().cloned()),
            None => by_type.push((t.to_string(), ty.span, ids.to_vec())),
        }
    }
    let entries = by_type.into_iter().map(|(k, s, ids)| (k, s, Val::new(VKind::List(ids), s))).collect();
    map_val(entries, v.span)
}

/// The entries of a map value.
type Entries = Vec<(String, Span, Val)>;

/// `condition` blocks as a `Condition`: operator → key → values.
fn conditions(v: &Val) -> Val {
    let Some(blocks) = v.as_list() else { return Val::unknown("the conditions", v.span) };
    let mut ops: Vec<(String, Span, Entries)> = Vec::new();
    for b in blocks {
        let (Some(test), Some(var), Some(values)) = (b.get("test"), b.get("variable"), b.get("values")) else {
            return Val::unknown("a condition", b.span);
        };
        let (Some(t), Some(k)) = (test.as_str(), var.as_str()) else {
            return Val::unknown("a condition's test or variable", b.span);
        };
        let keys = match ops.iter_mut().find(|(o, _, _)| o == t) {
            Some(e) => &mut e.2,
            None => {
                ops.push((t.to_string(), test.span, Vec::new()));
                let last = ops.len() - 1;
                &mut ops[last].2
            }
        };
        match keys.iter_mut().find(|(key, _, _)| key == k) {
            Some((_, _, existing)) => merge_values(existing, values),
            None => keys.push((k.to_string(), var.span, values.clone())),
        }
    }
    let entries = ops.into_iter().map(|(o, s, keys)| (o, s, map_val(keys, s))).collect();
    map_val(entries, v.span)
}

/// Adds `more` values to a condition key's values.
fn merge_values(existing: &mut Val, more: &Val) {
    match (&mut existing.kind, &more.kind) {
        (VKind::List(items), VKind::List(add)) => items.extend(add.iter().cloned()),
        _ => *existing = Val::unknown("the values of a condition", more.span),
    }
}

#[cfg(test)]
mod tests {
    use super::document;
    use crate::lower::tf::testing::res;
    use crate::model::{Effect, Principal, VKind};

    fn doc(json: &str) -> crate::model::PolicyDocument {
        let r = res("data.aws_iam_policy_document.d", json);
        crate::lower::cfn::policy::document(&document(&r.attrs)).get().cloned().expect("a known document")
    }

    #[test]
    fn statement_blocks_become_statements_at_their_blocks() {
        let r = res(
            "data.aws_iam_policy_document.d",
            r#"{"statement": [
                {"sid": "Read", "actions": ["s3:GetObject"], "resources": ["*"],
                 "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::1:root"]},
                                {"type": "AWS", "identifiers": ["arn:aws:iam::2:root"]},
                                {"type": "Service", "identifiers": ["ec2.amazonaws.com"]}],
                 "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]},
                               {"test": "StringEquals", "variable": "aws:SourceVpc", "values": ["vpc-1"]}]},
                {"effect": "Deny", "not_actions": ["iam:*"], "not_resources": ["arn:aws:s3:::x"],
                 "principals": [{"type": "*", "identifiers": ["*"]}]}]}"#,
        );
        let block_span = r.attrs.get("statement").unwrap().as_list().unwrap()[0].span;
        let d = crate::lower::cfn::policy::document(&document(&r.attrs)).get().cloned().unwrap();
        assert_eq!(d.version.get().map(String::as_str), Some("2012-10-17"));
        assert_eq!(d.statements.len(), 2);
        let s = &d.statements[0];
        assert_eq!(s.span, block_span);
        assert_eq!(s.effect.get(), Some(&Effect::Allow), "effect defaults to Allow");
        assert_eq!(s.sid.as_deref(), Some("Read"));
        match &s.principal {
            Some(Principal::Map(m)) => {
                assert_eq!(m.len(), 2);
                assert_eq!(m[0].1.items.len(), 2, "principals of one type merged");
            }
            other => panic!("unexpected principal {other:?}"),
        }
        assert_eq!(s.conditions.len(), 2);
        assert!(s.conditions.iter().all(|c| c.operator == "StringEquals"));
        let deny = &d.statements[1];
        assert_eq!(deny.effect.get(), Some(&Effect::Deny));
        assert!(matches!(deny.principal, Some(Principal::Any(_))));
        assert!(deny.not_action.is_some() && deny.not_resource.is_some());
    }

    #[test]
    fn source_and_override_documents() {
        let d = doc(
            r#"{"source_policy_documents": ["{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"],
                "statement": [{"sid": "B", "actions": ["sqs:*"], "resources": ["*"]}],
                "override_policy_documents": ["{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"C\",\"Effect\":\"Allow\",\"Action\":\"sns:*\",\"Resource\":\"*\"}]}"],
                "policy_id": "p1"}"#,
        );
        let sids: Vec<_> = d.statements.iter().map(|s| s.sid.clone().unwrap_or_default()).collect();
        assert_eq!(sids, ["A", "B", "C"]);
        assert_eq!(d.statements[0].effect.get(), Some(&Effect::Deny), "overridden");
    }

    #[test]
    fn unknown_pieces_stay_unknown() {
        let r = res("data.aws_iam_policy_document.d", r#"{"statement": "$unknown"}"#);
        let v = document(&r.attrs);
        assert!(v.get("Statement").is_some_and(|s| s.is_unknown()));
        let d = doc(
            r#"{"statement": [{"actions": ["s3:*"], "principals": [{"type": "$unknown", "identifiers": ["x"]}]}]}"#,
        );
        assert!(matches!(d.statements[0].principal, Some(Principal::Unknown(_))));
        let d = doc(r#"{"source_policy_documents": ["$unknown"], "statement": [{"actions": ["s3:*"]}]}"#);
        assert!(d.has_unknown_statements);
        assert_eq!(d.statements.len(), 1);
        let r = res(
            "data.aws_iam_policy_document.d",
            r#"{"override_policy_documents": ["$unknown"], "statement": [{"actions": ["s3:*"]}]}"#,
        );
        assert!(matches!(document(&r.attrs).get("Statement").map(|s| &s.kind), Some(VKind::Unknown(_))));
    }
}
