//! PAL-CLOUDTRAIL-004 `cloudtrail-cloudwatch-logs`: CloudTrail trail does not send events to CloudWatch Logs.

use super::TRAIL;

rule!(RULE,
    id: "PAL-CLOUDTRAIL-004",
    slug: "cloudtrail-cloudwatch-logs",
    title: "CloudTrail trail does not send events to CloudWatch Logs",
    severity: Low,
    layer: Monitoring,
    service: "cloudtrail",
    controls: &["MON-01", "MON-02"],
    well_architected: &["SEC04-BP01", "SEC04-BP02"],
    compliance: &["isms-p:2.9.5", "isms-p:2.11.3", "pci-4.0:10.4.1.1", "fsbp:CloudTrail.5"],
    resource_types: TRAIL,
    remediation: "Set `CloudWatchLogsLogGroupArn` (`!GetAtt TrailLogGroup.Arn`) and `CloudWatchLogsRoleArn` \
(a role `cloudtrail.amazonaws.com` can assume with `logs:CreateLogStream` and `logs:PutLogEvents` on the group), \
then add metric filters and alarms for the events you must react to.",
    description: "Logs that only land in S3 are read after the fact. Delivering the trail to CloudWatch \
Logs is what makes real-time detection possible: metric filters and alarms on root sign-in, IAM policy changes, \
security group changes or failed API calls all need the events in a log group.",
    check: |m, _, out| {
        for t in &m.monitoring.trails {
            if t.log_group.is_absent() {
                out.report(
                    &t.meta,
                    t.meta.span,
                    msg!("cloudtrail-cloudwatch-logs-trail-cloudwatchlogsloggrouparn", trail = t.meta.id),
                );
            }
        }
    },
);
