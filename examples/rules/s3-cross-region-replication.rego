# METADATA
# title: S3 buckets replicate to another region
# description: |
#   Every bucket keeps a copy of its objects in another region, so that the loss of a
#   region (or of the account's access to it) does not lose the data. A bucket is reported
#   when it has no replication configuration, when none of its replication rules is
#   enabled, or when every enabled rule copies to a bucket of the same CloudFormation stack
#   (a stack is deployed to one region). Buckets that are themselves replication
#   destinations are not reported. A destination named by ARN, or a Terraform bucket of the
#   same module (whose provider may be another region's), counts as another region; a
#   configuration that cannot be decided is not reported.
# custom:
#   id: ORG-S3-REPL
#   severity: medium
#   layer: data
#   service: s3
#   controls: [DATA-06]
#   well_architected: [SEC09-BP01, REL09-BP01]
#   resource_types: [AWS::S3::Bucket, aws_s3_bucket]
#   remediation: |
#     Add a replication configuration with an enabled rule whose destination is a bucket in
#     another region (created by a stack or module of that region), with versioning enabled
#     on both buckets.
#   examples:
#     - fixtures/s3-cross-region-replication.fail.yaml
#     - fixtures/s3-cross-region-replication.pass.yaml
#     - fixtures/s3-cross-region-replication.fail.tf
#     - fixtures/s3-cross-region-replication.pass.tf
package org.s3_cross_region_replication

import data.palisade.lib

buckets := lib.resources("s3.bucket")

# Buckets of the unit that others replicate to.
destinations contains id if {
	some b in buckets
	some rule in lib.value(b.replication)
	id := lib.value(rule.destination).local
}

enabled(rule) if lib.value(rule.status) == "Enabled"

# A destination in the same region: a bucket of the same CloudFormation stack.
same_region(rule) if {
	id := lib.value(rule.destination).local
	some b in buckets
	b.meta.id == id
	b.meta.kind == "AWS::S3::Bucket"
}

# A destination that may be in another region (or that cannot be decided).
elsewhere(rule) if {
	enabled(rule)
	not same_region(rule)
}

candidates contains b if {
	some b in buckets
	not b.meta.id in destinations
}

deny contains result if {
	some b in candidates
	lib.is_absent(b.replication)
	result := {
		"msg": sprintf("bucket `%s` does not replicate to another region", [b.meta.id]),
		"at": b,
	}
}

deny contains result if {
	some b in candidates
	rules := lib.value(b.replication)
	every rule in rules {
		lib.is_known(rule.status)
		not enabled(rule)
	}
	result := {
		"msg": sprintf("bucket `%s` has no enabled replication rule", [b.meta.id]),
		"at": b.replication,
	}
}

deny contains result if {
	some b in candidates
	rules := lib.value(b.replication)
	some rule in rules
	same_region(rule)
	enabled(rule)
	not any_elsewhere(rules)
	result := {
		"msg": sprintf(
			"bucket `%s` replicates to `%s`, a bucket of the same stack and so of the same region",
			[b.meta.id, lib.value(rule.destination).local],
		),
		"at": rule.destination,
	}
}

any_elsewhere(rules) if {
	some rule in rules
	elsewhere(rule)
}

# A rule whose status cannot be decided may be enabled.
any_elsewhere(rules) if {
	some rule in rules
	not lib.is_known(rule.status)
}
