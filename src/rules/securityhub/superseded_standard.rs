//! PAL-SECURITYHUB-001 `securityhub-superseded-standard`: Security Hub subscribes a superseded standard version.

use crate::model::Field;
use crate::model::kind;

/// (ARN fragment of a superseded standard version, its name, the current version to use).
pub const SUPERSEDED: &[(&str, &str, &str)] = &[
    (
        "cis-aws-foundations-benchmark/v/1.2.0",
        "CIS AWS Foundations Benchmark 1.2.0",
        "standards/cis-aws-foundations-benchmark/v/3.0.0",
    ),
    (
        "standards/cis-aws-foundations-benchmark/v/1.4.0",
        "CIS AWS Foundations Benchmark 1.4.0",
        "standards/cis-aws-foundations-benchmark/v/3.0.0",
    ),
    ("standards/pci-dss/v/3.2.1", "PCI DSS 3.2.1", "standards/pci-dss/v/4.0.1"),
];

/// The superseded standard an ARN names, if any.
pub fn superseded(arn: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    SUPERSEDED.iter().find(|(frag, _, _)| arn.contains(frag))
}

rule!(RULE,
    id: "PAL-SECURITYHUB-001",
    slug: "securityhub-superseded-standard",
    title: "Security Hub subscribes a superseded standard version",
    severity: Low,
    layer: Monitoring,
    service: "securityhub",
    controls: &["MON-03"],
    well_architected: &["SEC04-BP02", "SEC01-BP04"],
    compliance: &["isms-p:2.10.2", "isms-p:2.11.2"],
    resource_types: &[kind::SECURITYHUB_HUB, kind::SECURITYHUB_STANDARD],
    remediation: "Subscribe the current versions instead — `arn:aws:securityhub:<region>::standards/\
cis-aws-foundations-benchmark/v/3.0.0` and `arn:aws:securityhub:<region>::standards/pci-dss/v/4.0.1` — together \
with AWS Foundational Security Best Practices (`arn:aws:securityhub:<region>::standards/\
aws-foundational-security-best-practices/v/1.0.0`), using `AWS::SecurityHub::Standard` resources.",
    description: "CIS AWS Foundations Benchmark 1.2.0 and 1.4.0 and PCI DSS 3.2.1 have been replaced by \
newer versions whose controls cover services and attacks the old ones do not (for example IMDSv2, EBS default \
encryption, S3 public access at the account level). Findings of a superseded standard no longer match what \
auditors check, and AWS stops adding controls to it.",
    check: |m, _, out| {
        let mut check = |meta, f: &Field<String>| {
            if let Some((_, name, current)) = f.get().and_then(|a| superseded(a)) {
                out.report_field(meta, f, msg!("securityhub-superseded-standard-subscribes-use", name = meta.id, name2 = name, current = current));
            }
        };
        for h in &m.monitoring.security_hubs {
            for s in h.standards.get().map(Vec::as_slice).unwrap_or_default() {
                check(&h.meta, s);
            }
        }
        for s in &m.monitoring.hub_standards {
            check(&s.meta, &s.arn);
        }
    },
);
