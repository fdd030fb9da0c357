//! PAL-IAM-018 `iam-root-credentials`: the root user has access keys, or no MFA.

use crate::model::kind;

rule!(RULE,
    id: "PAL-IAM-018",
    slug: "iam-root-credentials",
    title: "Root user has access keys or no MFA",
    severity: Critical,
    layer: Identity,
    service: "iam",
    controls: &["IAM-11"],
    well_architected: &["SEC02-BP01", "SEC01-BP02"],
    compliance: &[
        "cis-6.0:2.3", "cis-7.0:2.4", "cis-6.0:2.4", "cis-7.0:2.5", "fsbp:IAM.4", "fsbp:IAM.9",
        "pci-4.0:8.4.1", "isms-p:2.5.1",
    ],
    resource_types: &[kind::IAM_CREDENTIAL, kind::ACCOUNT],
    remediation: "Delete the root user's access keys (Security credentials page of the root user) and \
turn on MFA for it, preferably a hardware key or passkey. Use the root user only for the few tasks \
that need it; with AWS Organizations, centralise root access and remove member accounts' root \
credentials.",
    description: "The root user can do everything in the account and no policy can restrict it. An \
access key of the root user is a permanent, unrestrictable credential that works from anywhere; \
a root password without MFA falls to a single phishing or credential-stuffing attempt. Read from \
the credential report and the account summary of a live account.",
    check: |m, _, out| {
        for c in m.account.credentials.iter().filter(|c| c.root) {
            for k in c.access_keys.iter().filter(|k| k.active.get() == Some(&true)) {
                out.report_field(&c.meta, &k.active, msg!("iam-root-credentials-key", slot = k.slot));
            }
            if c.mfa_active.get() == Some(&false) {
                out.report_field(&c.meta, &c.mfa_active, msg!("iam-root-credentials-no-mfa"));
            }
        }
        // The account summary says the same of MFA; reported once, where the report does not.
        let reported = m.account.credentials.iter().any(|c| c.root && !c.mfa_active.is_absent() && !c.mfa_active.is_unknown());
        if !reported {
            for (meta, mfa) in &m.account.root_mfa {
                if mfa.get() == Some(&false) {
                    out.report_field(meta, mfa, msg!("iam-root-credentials-no-mfa-summary"));
                }
            }
        }
    },
);
