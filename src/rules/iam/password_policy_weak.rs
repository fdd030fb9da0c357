//! PAL-IAM-016 `iam-password-policy-weak`: the account password policy is weak.

use crate::i18n::Message;
use crate::model::{Field, Tri, kind};

/// The AWS security guide's and CIS's minimum length.
const MIN_LENGTH: i64 = 14;
/// Previous passwords that may not be reused.
const MIN_REUSE_PREVENTION: i64 = 24;
/// Longest a password may live, in days.
const MAX_AGE_DAYS: i64 = 90;

/// A numeric setting: its field, when it is weak, what to say when absent, what when weak.
type Check<'a> = (&'a Field<i64>, fn(i64) -> bool, fn() -> Message, fn(i64) -> Message);

rule!(RULE,
    id: "PAL-IAM-016",
    slug: "iam-password-policy-weak",
    title: "Account password policy is weak",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-10"],
    well_architected: &["SEC02-BP01"],
    compliance: &[
        "isms-p:2.5.4", "cis-6.0:2.7", "cis-7.0:2.8", "cis-6.0:2.8", "cis-7.0:2.9", "pci-4.0:8.3.6",
        "pci-4.0:8.3.7", "pci-4.0:8.3.9", "fsbp:IAM.7", "fsbp:IAM.10",
    ],
    resource_types: &[kind::IAM_PASSWORD_POLICY],
    remediation: "Set `minimum_password_length` to at least 14, require lowercase and uppercase \
letters, numbers and symbols, set `password_reuse_prevention` to 24 and `max_password_age` to 90 \
days or less. Better still, give people federated access through IAM Identity Center, so that no \
IAM user needs a password.",
    description: "IAM users who sign in to the console with a password are protected by the account \
password policy. A short password without every character class falls to guessing and credential \
stuffing; a password that never expires, or that can be set back to an old one, stays valid long \
after it leaked. The AWS security guide and the CIS AWS Foundations Benchmark ask for at least 14 \
characters, every character class, no reuse of the last 24 passwords and expiry within 90 days. \
An argument Terraform leaves unset takes the account default: 6 characters, no class required, \
reuse allowed, no expiry.",
    check: |m, _, out| {
        for p in &m.password_policies {
            let checks: [Check<'_>; 3] = [
                (
                    &p.minimum_length,
                    |n| n < MIN_LENGTH,
                    || msg!("iam-password-length-unset"),
                    |n| msg!("iam-password-length-short", n = n, min = MIN_LENGTH),
                ),
                (
                    &p.reuse_prevention,
                    |n| n < MIN_REUSE_PREVENTION,
                    || msg!("iam-password-reuse-unset"),
                    |n| msg!("iam-password-reuse-short", n = n, min = MIN_REUSE_PREVENTION),
                ),
                (
                    &p.max_age,
                    |n| n <= 0 || n > MAX_AGE_DAYS,
                    || msg!("iam-password-age-unset"),
                    |n| msg!("iam-password-age-long", n = n, max = MAX_AGE_DAYS),
                ),
            ];
            for (f, bad, absent, known) in checks {
                let msg = match f.value {
                    Tri::Absent => absent(),
                    Tri::Known(n) if bad(n) => known(n),
                    _ => continue,
                };
                out.report(&p.meta, f.span, msg!("iam-password-policy-weak-message", policy = p.meta.id, msg = msg));
            }
            let classes = [
                (&p.require_lowercase, msg!("iam-password-class-lowercase")),
                (&p.require_uppercase, msg!("iam-password-class-uppercase")),
                (&p.require_numbers, msg!("iam-password-class-numbers")),
                (&p.require_symbols, msg!("iam-password-class-symbols")),
            ];
            for (f, what) in classes {
                if f.is_false() || f.is_absent() {
                    out.report(&p.meta, f.span, msg!("iam-password-policy-weak-require", policy = p.meta.id, what = what));
                }
            }
        }
    },
);
