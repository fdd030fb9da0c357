//! PAL-SEC-002 `aws-access-key`: AWS access key written in the template.

use super::{ANY, report_value};
use crate::analyze::secrets::detect::{SecretKind, mask};

rule!(RULE,
    id: "PAL-SEC-002",
    slug: "aws-access-key",
    title: "AWS access key written in the template",
    severity: Critical,
    layer: Identity,
    service: "cloudformation",
    controls: &["IAM-09"],
    well_architected: &["SEC02-BP03", "SEC02-BP02"],
    compliance: &["isms-p:2.5.3", "isms-p:2.7.1", "pci-4.0:8.3.2", "pci-4.0:8.6.3"],
    resource_types: ANY,
    remediation: "Deactivate and delete the access key now (`aws iam update-access-key --status Inactive`, \
then `delete-access-key`), check CloudTrail for its use, and remove it from the template and the \
repository history. Give workloads an IAM role instead (`AWS::IAM::InstanceProfile` for EC2, the \
function's `Role` for Lambda, a task role for ECS), which provides temporary credentials automatically.",
    description: "An access key id (`AKIA...`, `ASIA...`) next to its secret is a working, long-lived \
credential for an IAM user: whoever reads the template, its repository or the stack's stored template \
can act as that user from anywhere until the key is deleted. Automated scanners harvest keys from public \
repositories within minutes.\n\n\
The rule finds access key ids anywhere (properties, user data, tags, metadata, outputs, parameter \
defaults), and 40-character secret access keys written as `aws_secret_access_key=...` or under a \
name containing `secret` and `key` or `access`. The example keys of the AWS documentation (containing \
`EXAMPLE`) are ignored.",
    check: |m, facts, out| {
        for s in &facts.secrets().found {
            let place = &s.value.place;
            let msg = match s.kind {
                SecretKind::AwsAccessKeyId => {
                    msg!("aws-access-key-contains", place = place, key = mask(s.matched(), 4))
                }
                SecretKind::AwsSecretAccessKey => msg!("aws-access-key-contains-secret", place = place),
                _ => continue,
            };
            report_value(m, out, s.value, s.span, msg);
        }
    },
);
