//! PAL-IMDS-001 `imdsv2-not-required`: EC2 instance or launch template does not require IMDSv2.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-IMDS-001",
    slug: "imdsv2-not-required",
    title: "EC2 instance or launch template does not require IMDSv2",
    severity: Medium,
    layer: Application,
    service: "ec2",
    controls: &["APP-13"],
    well_architected: &["SEC06-BP02"],
    compliance: &["isms-p:2.6.2", "cis-6.0:6.7", "cis-7.0:6.7", "fsbp:EC2.8", "fsbp:AutoScaling.3"],
    resource_types: &[kind::EC2_INSTANCE, kind::EC2_LAUNCH_TEMPLATE, kind::AUTOSCALING_LAUNCH_CONFIGURATION],
    remediation: "Add `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` (on the \
instance, or in `LaunchTemplateData` for a launch template), or `HttpEndpoint: disabled` when the instances never use the \
metadata service.",
    description: "With IMDSv1 allowed, any server-side request forgery in an application on the instance \
(a URL fetcher, an XML parser, a misconfigured proxy) can read `http://169.254.169.254/` and steal the \
instance role's temporary credentials — the path of several large breaches. IMDSv2 requires a session token \
obtained with a PUT request, which such bugs cannot send. Without `MetadataOptions`, instances allow IMDSv1 \
unless their AMI is marked for IMDSv2 only. An instance launched from a launch template without its own \
`MetadataOptions` is judged by the template. Medium: using IMDSv1 takes a flaw in an application \
on the instance first, and gives the credentials of one instance role, not the account.",
    check: |m, _, out| {
        for t in &m.monitoring.instance_metadata {
            if t.http_endpoint.get().is_some_and(|e| e.eq_ignore_ascii_case("disabled")) {
                continue;
            }
            match &t.http_tokens.value {
                Tri::Absent => {
                    out.report_field(
                        &t.meta,
                        &t.http_tokens,
                        msg!("imdsv2-not-required-set-metadataoptions", name = t.meta.id),
                    );
                }
                Tri::Known(v) if v.eq_ignore_ascii_case("optional") => {
                    out.report_field(
                        &t.meta,
                        &t.http_tokens,
                        msg!("imdsv2-not-required-allows-imdsv1", name = t.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
);
