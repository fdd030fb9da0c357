//! `docs/collector-policy.json` is exactly the permissions of the collector's calls, all of
//! them read-only by AWS's own access levels (the one exception: `sts:AssumeRole` of the
//! organisation mode, in a statement of its own).

use std::collections::BTreeSet;

use palisade::analyze::iam::catalog::{AccessLevel, catalog};
use palisade::collect::{CALLS, ORGANISATION_CALLS};
use serde_json::Value;

fn policy() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/collector-policy.json"))
        .expect("docs/collector-policy.json");
    serde_json::from_str(&text).expect("the policy is JSON")
}

fn actions(statement: &Value) -> Vec<String> {
    statement["Action"].as_array().expect("Action is a list").iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

fn statement<'a>(p: &'a Value, sid: &str) -> &'a Value {
    p["Statement"].as_array().unwrap().iter().find(|s| s["Sid"] == sid).unwrap_or_else(|| panic!("no statement {sid}"))
}

#[test]
fn the_policy_grants_read_and_list_actions_only() {
    let p = policy();
    let statements = p["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 2, "a read-only statement and the organisation mode's");
    for s in statements {
        assert_eq!(s["Effect"], "Allow");
        assert!(s.get("NotAction").is_none() && s.get("NotResource").is_none());
    }
    let read = statement(&p, "PalisadeCollectReadOnly");
    for a in actions(read) {
        assert!(!a.contains('*'), "{a}: no wildcards, every action is named");
        let action = catalog().action(&a).unwrap_or_else(|| panic!("{a} is not an IAM action"));
        assert!(
            matches!(action.level, AccessLevel::Read | AccessLevel::List),
            "{a} is {}, not Read or List",
            action.level.as_str()
        );
    }
    let assume = statement(&p, "PalisadeCollectAssumeAuditRole");
    assert_eq!(actions(assume), ["sts:AssumeRole"]);
    let resource = assume["Resource"].as_str().expect("one role pattern");
    assert!(resource.starts_with("arn:aws:iam::") && resource.contains(":role/"), "{resource}");
    assert!(!resource.ends_with(":role/*"), "only the audit role, not every role");
}

#[test]
fn the_policy_is_exactly_the_permissions_of_the_calls() {
    let p = policy();
    let granted: BTreeSet<String> = p["Statement"].as_array().unwrap().iter().flat_map(actions).collect();
    let needed: BTreeSet<String> = CALLS.iter().chain(ORGANISATION_CALLS).map(|c| c.permission.to_string()).collect();
    let missing: Vec<_> = needed.difference(&granted).collect();
    let extra: Vec<_> = granted.difference(&needed).collect();
    assert!(missing.is_empty(), "calls whose permission the policy does not grant: {missing:?}");
    assert!(extra.is_empty(), "permissions no call needs: {extra:?}");
}

#[test]
fn only_the_organisation_mode_needs_more_than_reading() {
    for c in CALLS {
        let action = catalog().action(c.permission).unwrap_or_else(|| panic!("{} is not an IAM action", c.permission));
        assert!(
            matches!(action.level, AccessLevel::Read | AccessLevel::List),
            "{}.{} needs {} ({})",
            c.service,
            c.call,
            c.permission,
            action.level.as_str()
        );
    }
    let writes: Vec<&str> = ORGANISATION_CALLS
        .iter()
        .filter(|c| {
            !matches!(catalog().action(c.permission).map(|a| a.level), Some(AccessLevel::Read | AccessLevel::List))
        })
        .map(|c| c.permission)
        .collect();
    assert_eq!(writes, ["sts:AssumeRole"]);
}
