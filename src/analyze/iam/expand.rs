//! What a statement grants, expanded against the action catalog.

use super::catalog::{Expansion, catalog};
use crate::model::{Statement, StrList};

/// Catalog actions matched by the known items of a list.
pub fn expand_list(l: &StrList) -> Expansion {
    let c = catalog();
    Expansion::new(l.known().flat_map(|(p, _)| c.expand(p)).collect())
}

/// The catalog actions a statement names: `Action` expanded, or everything but `NotAction`.
/// `None` when some item is unknown.
pub fn statement_actions(st: &Statement) -> Option<Expansion> {
    if let Some(l) = &st.action {
        return (!l.has_unknown).then(|| expand_list(l));
    }
    if let Some(l) = &st.not_action {
        if l.has_unknown {
            return None;
        }
        let excluded = expand_list(l);
        let all = catalog().actions.len();
        let mut out = Vec::with_capacity(all);
        let mut ex = excluded.actions.iter().peekable();
        for i in 0..all {
            if ex.peek() == Some(&&i) {
                ex.next();
            } else {
                out.push(i);
            }
        }
        return Some(Expansion::new(out));
    }
    Some(Expansion::default())
}

/// Does the `Resource` of the statement cover every resource (`*`, with no `NotResource`)?
pub fn on_every_resource(st: &Statement) -> Option<&crate::model::Field<String>> {
    if st.not_resource.is_some() {
        return None;
    }
    st.resource.as_ref()?.known().find(|(r, _)| *r == "*").map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lower::policy_file::to_val;
    use crate::parse::{Limits, parse_json};
    use crate::source::SourceFile;

    fn stmt(json: &str) -> Statement {
        let src = SourceFile::new("p.json", format!(r#"{{"Statement":[{json}]}}"#));
        let d = parse_json(&src, &Limits::default()).unwrap();
        let doc = crate::lower::cfn::policy::document(&to_val(&d.root)).get().cloned().unwrap();
        doc.statements[0].clone()
    }

    #[test]
    fn expands_action_and_not_action() {
        let s = stmt(r#"{"Effect":"Allow","Action":["s3:GetObject","s3:List*"],"Resource":"*"}"#);
        let e = statement_actions(&s).unwrap();
        assert!(e.len() > 5 && e.services() == 1);
        let n = stmt(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#);
        let all = catalog().actions.len();
        let iam = catalog().service("iam").unwrap().actions.len();
        assert_eq!(statement_actions(&n).unwrap().len(), all - iam);
        assert!(on_every_resource(&n).is_some());
    }

    #[test]
    fn not_action_takes_every_action_the_patterns_miss() {
        let c = catalog();
        let patterns = ["iam:*", "s3:Get*", "*:Delete*", "KMS:?ncrypt"];
        let st = stmt(r#"{"Effect":"Allow","NotAction":["iam:*","s3:Get*","*:Delete*","KMS:?ncrypt"],"Resource":"*"}"#);
        let e = statement_actions(&st).unwrap();
        let excluded: Vec<usize> = (0..c.actions.len())
            .filter(|&i| patterns.iter().any(|p| crate::model::policy::wildcard_match(p, &c.actions[i].full)))
            .collect();
        assert_eq!(e.len(), c.actions.len() - excluded.len());
        assert!(e.actions.iter().all(|i| excluded.binary_search(i).is_err()));
        let has = |a: &str| c.action_index(a).is_some_and(|i| e.actions.contains(&i));
        assert!(has("s3:PutObject") && has("kms:Decrypt"));
        assert!(!has("s3:GetObject") && !has("kms:Encrypt") && !has("ec2:DeleteVpc") && !has("iam:PassRole"));
        // The statement evaluation answers the same for every action.
        for (i, a) in c.actions.iter().enumerate().step_by(41) {
            assert_eq!(st.covers_action(&a.full), Some(e.actions.binary_search(&i).is_ok()), "{}", a.full);
        }
    }
}
