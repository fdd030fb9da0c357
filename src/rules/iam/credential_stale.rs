//! PAL-IAM-017 `iam-credential-stale`: a user's password or access key unused, or a key not
//! rotated, for 90 days.

use crate::model::{Field, Tri, kind};

/// Days after which an unused credential, or a key not rotated, is stale.
const MAX_DAYS: i64 = 90;
const DAY: i64 = 86_400;

/// Days from `t` to `now`, when `t` is known and older than [`MAX_DAYS`].
fn stale(f: &Field<i64>, now: i64) -> Option<i64> {
    let Tri::Known(t) = f.value else { return None };
    let days = (now - t) / DAY;
    (days >= MAX_DAYS).then_some(days)
}

rule!(RULE,
    id: "PAL-IAM-017",
    slug: "iam-credential-stale",
    title: "IAM user credential unused or not rotated for 90 days",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-11"],
    well_architected: &["SEC02-BP05", "SEC03-BP04"],
    compliance: &[
        "cis-6.0:2.11", "cis-7.0:2.11", "cis-6.0:2.13", "cis-7.0:2.12", "fsbp:IAM.3", "fsbp:IAM.8",
        "pci-4.0:8.2.6", "isms-p:2.5.5",
    ],
    resource_types: &[kind::IAM_CREDENTIAL],
    remediation: "Remove the console password or deactivate and delete the access key that nobody uses \
(`aws iam delete-login-profile`, `aws iam update-access-key --status Inactive`, then \
`aws iam delete-access-key`). Rotate keys that are still needed: create a second key, move the \
workload to it, delete the old one. Better still, replace long-lived keys with roles.",
    description: "A password or access key that has not been used for 90 days belongs to someone who no \
longer needs it, or to a workload that was retired: it can only be used by whoever found it. A key \
that has not been rotated for 90 days has had that long to leak through logs, laptops and \
repositories. Ages are counted from the time the snapshot was collected, using the IAM credential \
report. A credential never used is judged by when it was created.",
    check: |m, _, out| {
        let Some(now) = m.account.observed_at else { return };
        for c in m.account.credentials.iter().filter(|c| !c.root) {
            let user = c.meta.id.trim_end_matches(" (credentials)");
            if c.password_enabled.get() == Some(&true) {
                let last = if c.password_last_used.is_absent() { &c.password_last_changed } else { &c.password_last_used };
                let last = if last.is_absent() { &c.created } else { last };
                if let Some(days) = stale(last, now) {
                    let message = if c.password_last_used.is_absent() {
                        msg!("iam-credential-stale-password-never", user = user, days = days)
                    } else {
                        msg!("iam-credential-stale-password-unused", user = user, days = days)
                    };
                    out.report_field(&c.meta, last, message);
                }
            }
            for k in c.access_keys.iter().filter(|k| k.active.get() == Some(&true)) {
                if k.last_used.is_absent() {
                    if let Some(days) = stale(&k.last_rotated, now) {
                        out.report(
                            &c.meta,
                            k.last_used.span,
                            msg!("iam-credential-stale-key-never", slot = k.slot, user = user, days = days),
                        );
                    }
                } else if let Some(days) = stale(&k.last_used, now) {
                    out.report_field(
                        &c.meta,
                        &k.last_used,
                        msg!("iam-credential-stale-key-unused", slot = k.slot, user = user, days = days),
                    );
                } else if let Some(days) = stale(&k.last_rotated, now) {
                    out.report_field(
                        &c.meta,
                        &k.last_rotated,
                        msg!("iam-credential-stale-key-unrotated", slot = k.slot, user = user, days = days),
                    );
                }
            }
        }
    },
);
