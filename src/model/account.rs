//! What only a running account can tell: its credentials as the credential report lists them,
//! the root user's protections, account-wide switches and the sharing of EBS snapshots. Live
//! account snapshots fill these; templates leave them empty.

use super::{Field, PublicAccessBlock, ResMeta};
use crate::source::Span;

/// The account-level facts of a live account.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Account {
    /// When the facts were observed (seconds since the Unix epoch), the reference time of
    /// every age ("unused for 90 days"); `None` for inputs that are not observations.
    pub observed_at: Option<i64>,
    /// The credential report's rows: one per IAM user, and the root user.
    pub credentials: Vec<Credential>,
    /// Whether the root user has MFA (`GetAccountSummary`'s `AccountMFAEnabled`).
    pub root_mfa: Vec<(ResMeta, Field<bool>)>,
    /// Account-level S3 Block Public Access (`s3control:GetPublicAccessBlock`); absent fields
    /// when the account has none.
    pub s3_public_access_blocks: Vec<(ResMeta, PublicAccessBlock)>,
    /// EBS snapshots owned by the account, with who may create volumes from them.
    pub ebs_snapshots: Vec<EbsSnapshot>,
    /// Calls that would show an account-baseline service (a trail, a detector, ...) and were
    /// not answered: whether the service is set up is unknown there.
    pub unanswered_baselines: Vec<UnansweredBaseline>,
    /// The accounts whose snapshots make the model (judged together).
    pub accounts: Vec<String>,
    /// The structure of the organizations the snapshots show (from their management account).
    pub organizations: Vec<Organization>,
}

/// An organization's structure: which root and organizational units each account is under,
/// so that service control policies apply by their targets.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Organization {
    /// `o-…`, when known.
    pub id: Option<String>,
    /// The management account, to which service control policies do not apply.
    pub management_account: String,
    /// Its roots (`r-…`).
    pub roots: Vec<String>,
    /// Its member accounts (`ListAccounts`).
    pub accounts: Vec<String>,
    /// The parent of each account and organizational unit (`ListParents`); `None` when the
    /// call was not answered.
    pub parents: Vec<(String, Option<String>)>,
    /// Where the structure is read.
    pub span: Span,
}

impl Organization {
    /// The path of an account from its root: the root, each organizational unit, the account;
    /// `None` when the account is not a member or a parent is unknown.
    pub fn path_of(&self, account: &str) -> Option<Vec<String>> {
        if !self.accounts.iter().any(|a| a == account) {
            return None;
        }
        let mut path = vec![account.to_string()];
        let mut at = account.to_string();
        while !self.roots.contains(&at) {
            let parent = self.parents.iter().find(|(c, _)| *c == at)?.1.clone()?;
            if path.contains(&parent) || path.len() > 32 {
                return None;
            }
            path.push(parent.clone());
            at = parent;
        }
        path.reverse();
        Some(path)
    }

    /// Is this account a member of the organization?
    pub fn has_member(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a == account)
    }
}

/// An unanswered call that would show an account-baseline service.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnansweredBaseline {
    /// The baseline's key (`trail`, `detector`, `hub`, `recorder`, `channel`, `analyzer`,
    /// `backup`, `alarms`, `flowlogs`).
    pub baseline: &'static str,
    /// `service:Call`, with the Region when the call is regional (`cloudtrail:DescribeTrails in
    /// eu-west-1`).
    pub call: String,
    /// Why it is unknown: the call failed, or the snapshot does not have it.
    pub failed: bool,
    /// For a call about one resource (a trail's `GetTrailStatus`, a detector's `GetDetector`):
    /// the resource it would show as working or not; `None` for a call that lists the service.
    pub resource: Option<String>,
    /// The entry of `errors`, or the Region's answers.
    pub span: Span,
}

/// One row of the IAM credential report.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Credential {
    /// The user (or the root user, `<root_account>`).
    pub meta: ResMeta,
    pub root: bool,
    /// `password_enabled`.
    pub password_enabled: Field<bool>,
    /// `password_last_used` (seconds since the epoch); absent when never used.
    pub password_last_used: Field<i64>,
    /// `password_last_changed`: when the password was set.
    pub password_last_changed: Field<i64>,
    /// `user_creation_time`.
    pub created: Field<i64>,
    /// `mfa_active`.
    pub mfa_active: Field<bool>,
    /// The user's two access key slots.
    pub access_keys: Vec<AccessKeyUsage>,
}

/// One access key slot of a credential report row (`access_key_N_*`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AccessKeyUsage {
    /// 1 or 2.
    pub slot: u8,
    pub active: Field<bool>,
    pub last_rotated: Field<i64>,
    /// Absent when never used.
    pub last_used: Field<i64>,
}

/// An EBS snapshot and its `createVolumePermission`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EbsSnapshot {
    pub meta: ResMeta,
    pub encrypted: Field<bool>,
    /// Groups (`all`) and account ids that may create volumes from it.
    pub shared_with: Field<Vec<Field<String>>>,
    /// Where the permissions are written.
    pub permissions_span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(parents: &[(&str, Option<&str>)]) -> Organization {
        Organization {
            id: None,
            management_account: "999900000000".into(),
            roots: vec!["r-1".into()],
            accounts: vec!["111100000000".into(), "222200000000".into()],
            parents: parents.iter().map(|(c, p)| (c.to_string(), p.map(str::to_string))).collect(),
            span: Span::default(),
        }
    }

    #[test]
    fn an_account_path_runs_from_the_root_through_its_units() {
        let o = org(&[("111100000000", Some("ou-2")), ("ou-2", Some("ou-1")), ("ou-1", Some("r-1"))]);
        assert_eq!(o.path_of("111100000000").unwrap(), ["r-1", "ou-1", "ou-2", "111100000000"]);
        assert_eq!(o.path_of("333300000000"), None, "not a member");
        assert_eq!(o.path_of("222200000000"), None, "its parent is not known");
        let unknown = org(&[("111100000000", None)]);
        assert_eq!(unknown.path_of("111100000000"), None, "ListParents not answered");
        let cycle = org(&[("111100000000", Some("ou-1")), ("ou-1", Some("ou-2")), ("ou-2", Some("ou-1"))]);
        assert_eq!(cycle.path_of("111100000000"), None);
    }
}
