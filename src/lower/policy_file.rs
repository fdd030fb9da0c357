//! Bare policy documents (a JSON or YAML file holding `Version` and `Statement`): identity,
//! resource and trust policies and service control policies, lowered into the same
//! [`PolicyDocument`] as the policies of templates.

use std::sync::Arc;

use crate::model::{Model, PolicyDocument, PolicyFile, PolicyFileKind, VKind, Val};
use crate::value::{Kind, Node};

const MAX_DEPTH: usize = 64;

/// Is this document a policy: a map with a `Statement` whose statements carry an `Effect`,
/// and nothing that makes it a template?
pub fn is_policy(root: &Node) -> bool {
    let Some(entries) = root.as_map() else { return false };
    if root.get("Resources").is_some() || root.get("AWSTemplateFormatVersion").is_some() {
        return false;
    }
    let Some(st) = root.get("Statement") else { return false };
    let has_effect = |n: &Node| n.get("Effect").is_some();
    let statement_like = match &st.kind {
        Kind::Seq(items) => !items.is_empty() && items.iter().all(has_effect),
        Kind::Map(_) => has_effect(st),
        _ => false,
    };
    statement_like && entries.iter().all(|e| matches!(e.key.as_str(), "Version" | "Id" | "Statement"))
}

/// A plain (intrinsic-free) value from a node.
pub fn to_val(n: &Node) -> Val {
    to_val_at(n, 0)
}

fn to_val_at(n: &Node, depth: usize) -> Val {
    if depth > MAX_DEPTH {
        return Val::unknown("nested too deeply", n.span);
    }
    let kind = match &n.kind {
        Kind::Null => VKind::Null,
        Kind::Bool(b) => VKind::Bool(*b),
        Kind::Number(s) => VKind::Num(s.clone()),
        Kind::String(s) => VKind::Str(s.clone()),
        Kind::Seq(items) => VKind::List(items.iter().map(|i| to_val_at(i, depth + 1)).collect()),
        Kind::Map(entries) => {
            VKind::Map(entries.iter().map(|e| (e.key.clone(), e.key_span, to_val_at(&e.value, depth + 1))).collect())
        }
    };
    Val::new(kind, n.span)
}

/// What kind of policy a document is. `name_hint` is the file name: a name that says "scp"
/// or "service control" marks a service control policy, which cannot be told apart from an
/// identity policy by its content.
pub fn classify(doc: &PolicyDocument, name_hint: &str) -> PolicyFileKind {
    let name = name_hint.to_ascii_lowercase();
    if name.contains("scp") || name.contains("service-control") || name.contains("service_control") {
        return PolicyFileKind::Scp;
    }
    let with_principal: Vec<_> =
        doc.statements.iter().filter(|s| s.principal.is_some() || s.not_principal.is_some()).collect();
    if with_principal.is_empty() {
        return PolicyFileKind::Identity;
    }
    let trust_action = |a: &str| {
        let a = a.to_ascii_lowercase();
        a.starts_with("sts:assumerole") || a == "sts:tagsession" || a == "sts:setsourceidentity"
    };
    let all_trust = with_principal
        .iter()
        .all(|s| s.action.as_ref().is_some_and(|l| !l.items.is_empty() && l.known().all(|(a, _)| trust_action(a))));
    if all_trust { PolicyFileKind::Trust } else { PolicyFileKind::Resource }
}

/// The model of a policy file.
pub fn lower(root: &Node, name_hint: &str, file: Arc<str>) -> Model {
    let v = to_val(root);
    let mut m = Model { file, ..Model::default() };
    if let Some(document) = crate::lower::cfn::policy::document(&v).get().cloned() {
        m.policy_file = Some(PolicyFile { kind: classify(&document, name_hint), document });
    }
    m
}

/// A policy document from JSON text (a session policy file, a test case); `path` names it in
/// messages and spans.
pub fn parse_document(path: &str, text: &str) -> Result<PolicyDocument, String> {
    let src = crate::source::SourceFile::new(path, text.to_string());
    let d = crate::parse::parse_json(&src, &crate::parse::Limits::default()).map_err(|e| format!("{path}:{e}"))?;
    if !is_policy(&d.root) {
        return Err(format!("{path}: not a policy document (expected `Version` and `Statement`)"));
    }
    match crate::lower::cfn::policy::document(&to_val(&d.root)).get() {
        Some(doc) => Ok(doc.clone()),
        None => Err(format!("{path}: the policy document could not be read")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Limits, parse_json};
    use crate::source::SourceFile;

    fn model(name: &str, text: &str) -> Model {
        let src = SourceFile::new(name, text.to_string());
        let doc = parse_json(&src, &Limits::default()).unwrap();
        assert!(is_policy(&doc.root), "{text}");
        lower(&doc.root, name, "f".into())
    }

    #[test]
    fn classifies_policies() {
        let id = model(
            "p.json",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
        );
        assert_eq!(id.policy_file.unwrap().kind, PolicyFileKind::Identity);
        let trust = model(
            "t.json",
            r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#,
        );
        assert_eq!(trust.policy_file.unwrap().kind, PolicyFileKind::Trust);
        let res = model("q.json", r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage"}]}"#);
        assert_eq!(res.policy_file.unwrap().kind, PolicyFileKind::Resource);
        let scp = model(
            "scp-deny.json",
            r#"{"Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#,
        );
        assert_eq!(scp.policy_file.unwrap().kind, PolicyFileKind::Scp);
    }

    #[test]
    fn other_documents_are_not_policies() {
        for text in [r#"{"Statement": 3}"#, r#"{"Resources": {}, "Statement": []}"#, r#"{"Statement":[{"a":1}]}"#, "[]"]
        {
            let src = SourceFile::new("x.json", text.to_string());
            let doc = parse_json(&src, &Limits::default()).unwrap();
            assert!(!is_policy(&doc.root), "{text}");
        }
    }
}
