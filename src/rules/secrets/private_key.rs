//! PAL-SEC-003 `private-key`: Private key written in the template.

use super::{ANY, report_value};
use crate::analyze::secrets::detect::SecretKind;

rule!(RULE,
    id: "PAL-SEC-003",
    slug: "private-key",
    title: "Private key written in the template",
    severity: Critical,
    layer: Identity,
    service: "cloudformation",
    controls: &["IAM-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.7.2", "pci-4.0:3.6.1", "pci-4.0:8.3.2"],
    resource_types: ANY,
    remediation: "Revoke the key pair or certificate, and keep private keys out of templates: store them \
in Secrets Manager and fetch them at boot (`aws secretsmanager get-secret-value` in user data, with an \
instance role allowed to read that one secret), or use ACM for TLS certificates and EC2 Instance Connect \
or Systems Manager Session Manager instead of distributing SSH keys.",
    description: "A PEM private key (`-----BEGIN ... PRIVATE KEY-----`) in a template gives its holder \
the identity the key stands for: an SSH login, a TLS server, a signing key. Templates are copied into \
repositories, CI systems and the stack's stored template, so the key must be considered disclosed. Blocks \
whose body is a placeholder (`${Key}`, `...`) are not reported.",
    check: |m, facts, out| {
        for s in &facts.secrets().found {
            if s.kind != SecretKind::PrivateKey {
                continue;
            }
            let label = s.label.as_deref().unwrap_or("PRIVATE KEY");
            report_value(m, out, s.value, s.span, msg!("private-key-contains", place = s.value.place, label = label));
        }
    },
);
