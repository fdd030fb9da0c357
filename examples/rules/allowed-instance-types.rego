# METADATA
# title: EC2 instances use an approved instance type
# description: |
#   The organisation runs its workloads on a short list of instance families: they are
#   covered by its savings plans, its AMIs are built and hardened for them, and capacity
#   planning knows them. An instance, or a launch template, whose instance type is not on
#   the list is reported at the type. A type that cannot be decided (a template parameter
#   without a value) is not reported; one taken from a parameter default is reported, with
#   the default as a related location.
# custom:
#   id: ORG-EC2-TYPE
#   severity: medium
#   layer: application
#   service: ec2
#   controls: [APP-02]
#   well_architected: [SEC06-BP01]
#   resource_types: [AWS::EC2::Instance, AWS::EC2::LaunchTemplate]
#   remediation: |
#     Choose a type from the approved families (t3, m6i, c6i, r6i), or ask for the family
#     to be approved.
#   examples:
#     - fixtures/allowed-instance-types.fail.yaml
#     - fixtures/allowed-instance-types.pass.yaml
#     - fixtures/allowed-instance-types.fail.tf
#     - fixtures/allowed-instance-types.pass.tf
package org.allowed_instance_types

import data.palisade.lib

# Approved families, and sizes allowed in each (any size when the list is empty).
approved := {
	"t3": {"micro", "small", "medium", "large"},
	"m6i": set(),
	"c6i": set(),
	"r6i": set(),
}

allowed(t) if {
	[family, size] := split(t, ".")
	sizes := approved[family]
	count(sizes) == 0
}

allowed(t) if {
	[family, size] := split(t, ".")
	size in approved[family]
}

typed contains item if some item in lib.resources("ec2.instance")

typed contains item if some item in lib.resources("ec2.launch_template")

deny contains result if {
	some item in typed
	t := lib.value(item.instance_type)
	not allowed(t)
	result := {
		"msg": sprintf("`%s` uses instance type `%s`, which is not approved", [item.meta.id, t]),
		"at": item.instance_type,
	}
}
