//! The account itself: the credential report, the root user's MFA, the password policy and
//! the account-level S3 Block Public Access.

use super::data::add_meta;
use super::{Answer, Ctx, epoch};
use crate::lower::cfn::convert::Props;
use crate::model::{AccessKeyUsage, Credential, Field, Model, PasswordPolicy, PublicAccessBlock, Tri};
use crate::source::Span;
use crate::value::Node;

pub fn lower(cx: &mut Ctx<'_>, m: &mut Model) {
    let observed = cx.root.get("collected_at").and_then(Node::as_str).and_then(epoch);
    // Snapshots judged together are aged from the latest of them.
    m.account.observed_at = m.account.observed_at.max(observed);
    if observed.is_none() {
        let span = cx.root.get("collected_at").map(|n| n.span).unwrap_or(cx.root.span);
        cx.invalid(span, msg!("diag-snapshot-collected-at"));
    }
    credentials(cx, m);
    if let Some(n) = cx.global("iam", "GetAccountSummary").data() {
        let summary = n.get("SummaryMap").unwrap_or(n);
        if let Some(mfa) = summary.get("AccountMFAEnabled") {
            let value = match mfa.scalar_text().as_deref() {
                Some("1" | "true") => Tri::Known(true),
                Some("0" | "false") => Tri::Known(false),
                _ => Tri::Unknown,
            };
            let meta = add_meta(m, format!("arn:{}:iam::{}:root", cx.partition, cx.account), "iam:AccountSummary", n);
            m.account.root_mfa.push((meta, Field { value, span: mfa.span, origin: None }));
        }
    }
    let id = format!("{}/iam:PasswordPolicy", cx.account);
    match cx.global("iam", "GetAccountPasswordPolicy") {
        Answer::Data(n) => {
            let v = crate::lower::tf::node_val(n.get("PasswordPolicy").unwrap_or(n));
            let p = Props::new(Some(&v), n.span);
            let meta = add_meta(m, id, "iam:PasswordPolicy", n);
            m.password_policies.push(password_policy(meta, &p));
        }
        // No password policy: every setting is the default.
        Answer::NotConfigured(span) => {
            let at = Node::new(span, crate::value::Kind::Null);
            let meta = add_meta(m, id, "iam:PasswordPolicy", &at);
            m.password_policies.push(password_policy(meta, &Props::new(None, span)));
        }
        _ => {}
    }
    let id = format!("{}/s3control:PublicAccessBlock", cx.account);
    match cx.global("s3control", "GetPublicAccessBlock") {
        Answer::Data(n) => {
            let v = crate::lower::tf::node_val(n.get("PublicAccessBlockConfiguration").unwrap_or(n));
            let p = Props::new(Some(&v), n.span);
            let meta = add_meta(m, id, "s3control:PublicAccessBlock", n);
            m.account.s3_public_access_blocks.push((meta, public_access_block(n.span, &p)));
        }
        Answer::NotConfigured(span) => {
            let at = Node::new(span, crate::value::Kind::Null);
            let meta = add_meta(m, id, "s3control:PublicAccessBlock", &at);
            m.account.s3_public_access_blocks.push((meta, public_access_block(span, &Props::new(None, span))));
        }
        _ => {}
    }
}

fn password_policy(meta: crate::model::ResMeta, p: &Props<'_>) -> PasswordPolicy {
    PasswordPolicy {
        minimum_length: p.int("MinimumPasswordLength"),
        require_lowercase: p.boolean("RequireLowercaseCharacters"),
        require_uppercase: p.boolean("RequireUppercaseCharacters"),
        require_numbers: p.boolean("RequireNumbers"),
        require_symbols: p.boolean("RequireSymbols"),
        reuse_prevention: p.int("PasswordReusePrevention"),
        max_age: p.int("MaxPasswordAge"),
        meta,
    }
}

/// Block Public Access settings (S3's and S3 Control's share their field names).
pub fn public_access_block(span: Span, p: &Props<'_>) -> PublicAccessBlock {
    PublicAccessBlock {
        span,
        block_public_acls: p.boolean("BlockPublicAcls"),
        block_public_policy: p.boolean("BlockPublicPolicy"),
        ignore_public_acls: p.boolean("IgnorePublicAcls"),
        restrict_public_buckets: p.boolean("RestrictPublicBuckets"),
    }
}

fn credentials(cx: &mut Ctx<'_>, m: &mut Model) {
    let Some(report) = cx.global("iam", "GetCredentialReport").data() else { return };
    let Some(rows) = report.as_seq() else { return };
    for row in rows {
        let Some(user) = row.get("user").and_then(Node::as_str) else {
            cx.invalid(row.span, msg!("diag-snapshot-row-no-user"));
            continue;
        };
        let root = user == "<root_account>";
        let arn = row.get("arn").and_then(Node::as_str).map(str::to_string).unwrap_or_else(|| {
            if root {
                format!("arn:{}:iam::{}:root", cx.partition, cx.account)
            } else {
                format!("arn:{}:iam::{}:user/{user}", cx.partition, cx.account)
            }
        });
        let meta = add_meta(m, format!("{arn} (credentials)"), "iam:CredentialReport", row);
        let access_keys = [1u8, 2]
            .into_iter()
            .map(|slot| AccessKeyUsage {
                slot,
                active: flag(row, &format!("access_key_{slot}_active")),
                last_rotated: time(row, &format!("access_key_{slot}_last_rotated")),
                last_used: time(row, &format!("access_key_{slot}_last_used_date")),
            })
            .collect();
        m.account.credentials.push(Credential {
            root,
            password_enabled: if root { Field::known(true, row.span) } else { flag(row, "password_enabled") },
            password_last_used: time(row, "password_last_used"),
            password_last_changed: time(row, "password_last_changed"),
            created: time(row, "user_creation_time"),
            mfa_active: flag(row, "mfa_active"),
            access_keys,
            meta,
        });
    }
}

/// A `true`/`false` column.
fn flag(row: &Node, col: &str) -> Field<bool> {
    match row.get(col) {
        None => Field::absent(row.span),
        Some(n) => {
            let value = match n.scalar_text().as_deref() {
                Some("true") => Tri::Known(true),
                Some("false") => Tri::Known(false),
                _ => Tri::Unknown,
            };
            Field { value, span: n.span, origin: None }
        }
    }
}

/// A time column: absent for `N/A` (never), unknown for `no_information` or anything not a
/// time.
fn time(row: &Node, col: &str) -> Field<i64> {
    match row.get(col) {
        None => Field::absent(row.span),
        Some(n) => {
            let text = n.scalar_text().unwrap_or_default();
            let value = match epoch(&text) {
                Some(t) => Tri::Known(t),
                None if text == "N/A" || text == "not_supported" => Tri::Absent,
                None => Tri::Unknown,
            };
            Field { value, span: n.span, origin: None }
        }
    }
}

/// The organization's structure the management account's snapshot shows
/// (`global.organizations`): `DescribeOrganization`, `ListRoots`, `ListAccounts`, and
/// `ListParents` keyed by the id of each account and organizational unit.
pub fn organization(cx: &mut Ctx<'_>, m: &mut Model) {
    let (Some(roots), Some(accounts)) =
        (cx.global("organizations", "ListRoots").data(), cx.global("organizations", "ListAccounts").data())
    else {
        return;
    };
    let describe = cx.global("organizations", "DescribeOrganization");
    let org = describe.data().and_then(|d| d.get("Organization"));
    let text = |n: Option<&Node>, key: &str| n.and_then(|n| n.get(key)).and_then(Node::as_str).map(str::to_string);
    let ids = |cx: &mut Ctx<'_>, n: &Node, key: &str| -> Vec<String> {
        cx.list(n, key).iter().filter_map(|i| i.get("Id").and_then(Node::as_str).map(str::to_string)).collect()
    };
    let mut o = crate::model::Organization {
        id: text(org, "Id"),
        management_account: text(org, "MasterAccountId").unwrap_or_else(|| cx.account.clone()),
        roots: ids(cx, roots, "Roots"),
        accounts: ids(cx, accounts, "Accounts"),
        parents: Default::default(),
        span: accounts.span,
    };
    let calls = cx.root.get("global").and_then(|g| g.get("organizations")).and_then(|o| o.get("ListParents"));
    // From each account up to its root, through the organizational units on the way.
    let mut todo: Vec<String> = o.accounts.clone();
    while let Some(child) = todo.pop() {
        if o.parents.iter().any(|(c, _)| *c == child) || o.roots.contains(&child) {
            continue;
        }
        let answer = cx.per_resource(calls, "organizations", None, "ListParents", &child);
        let parent = answer
            .data()
            .and_then(|n| n.get("Parents"))
            .and_then(Node::as_seq)
            .and_then(|p| p.first())
            .and_then(|p| p.get("Id"))
            .and_then(Node::as_str)
            .map(str::to_string);
        if let Some(p) = &parent {
            todo.push(p.clone());
        }
        o.parents.push((child, parent));
    }
    m.account.organizations.push(o);
}
