# METADATA
# title: Resources carry the organisation's required tags
# description: |
#   Cost reports, incident response and access reviews find a resource's owner and budget
#   through its tags: `owner` and `cost-center` on every AWS resource that takes tags, and
#   the same labels on every Kubernetes workload and service. A resource without tags is
#   reported at its name, one that lacks some at its tags, and a required tag with an empty
#   value at the value. Tags that cannot be decided (a parameter, a `merge` of unknown maps)
#   are not reported. Tags added at deployment (stack tags, a provider's `default_tags`) are
#   not part of the source and so not seen: write them in the resource, or leave such
#   stacks out of this rule with `per-path-ignores`.
# custom:
#   id: ORG-TAG-REQ
#   severity: low
#   layer: application
#   service: tagging
#   controls: [GOV-01]
#   well_architected: [SEC01-BP01, COST02-BP05]
#   remediation: |
#     Add the tags `owner` (the team that runs the resource) and `cost-center` to the
#     resource (`Tags` in CloudFormation, `tags` in Terraform, `metadata.labels` in
#     Kubernetes).
#   examples:
#     - fixtures/required-tags.fail.yaml
#     - fixtures/required-tags.pass.yaml
#     - fixtures/required-tags.fail.k8s.yaml
#     - fixtures/required-tags.pass.k8s.yaml
#     - fixtures/required-tags.fail.tf
#     - fixtures/required-tags.pass.tf
package org.required_tags

import data.palisade.lib

required := ["owner", "cost-center"]

# The types that take tags and must carry them, as each input language names them.
taggable := {
	"AWS::EC2::Instance", "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup",
	"AWS::EC2::LaunchTemplate", "AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
	"AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::KMS::Key", "AWS::IAM::Role",
	"AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::SNS::Topic", "AWS::SQS::Queue",
	"AWS::EKS::Cluster", "AWS::ECR::Repository", "AWS::Logs::LogGroup",
	"aws_instance", "aws_vpc", "aws_subnet", "aws_security_group", "aws_launch_template",
	"aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table",
	"aws_lambda_function", "aws_kms_key", "aws_iam_role", "aws_lb", "aws_alb", "aws_sns_topic",
	"aws_sqs_queue", "aws_eks_cluster", "aws_ecr_repository", "aws_cloudwatch_log_group",
	"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Service",
}

# The identities of the types that must carry tags, in a list: a list is built and walked
# without comparing identities with each other, as a set would.
tagged := [m | some m in lib.identities; taggable[m.kind]]

deny contains result if {
	some m in tagged
	not m.tags
	result := {
		"msg": sprintf("%s `%s` has no tags; required: %s", [m.kind, m.id, concat(", ", required)]),
		"at": m,
	}
}

deny contains result if {
	some m in tagged
	m.tags
	tags := lib.tags(m)
	count(tags) > 0
	missing := [k | some k in required; not tags[k]]
	count(missing) > 0
	result := {
		"msg": sprintf("%s `%s` lacks the required tags %s", [m.kind, m.id, concat(", ", missing)]),
		"at": m.tags,
	}
}

deny contains result if {
	some m in tagged
	m.tags
	some key in required
	value := lib.tags(m)[key]
	trim_space(lib.value(value)) == ""
	result := {
		"msg": sprintf("%s `%s` has an empty `%s` tag", [m.kind, m.id, key]),
		"at": value,
	}
}
