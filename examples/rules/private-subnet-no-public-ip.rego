# METADATA
# title: Subnets tagged private hand out no public IP address
# description: |
#   The organisation marks its private subnets with the tag `tier = private`. Nothing in
#   them may have a public IP address: such an address makes an instance reachable from the
#   internet as soon as a route to an internet gateway appears. A subnet tagged private that
#   assigns public addresses on launch is reported, and so is an instance whose network
#   interface in such a subnet asks for one. The tag is shown as a related location.
# custom:
#   id: ORG-NET-PRIV
#   severity: high
#   layer: network
#   service: ec2
#   controls: [NET-02]
#   well_architected: [SEC05-BP01]
#   resource_types: [AWS::EC2::Subnet, AWS::EC2::Instance]
#   remediation: |
#     Set `MapPublicIpOnLaunch` (`map_public_ip_on_launch`) to false on the subnet and
#     `AssociatePublicIpAddress` (`associate_public_ip_address`) to false on the instance; reach
#     the instance through a load balancer or Session Manager.
#   examples:
#     - fixtures/private-subnet-no-public-ip.fail.yaml
#     - fixtures/private-subnet-no-public-ip.pass.yaml
#     - fixtures/private-subnet-no-public-ip.fail.tf
#     - fixtures/private-subnet-no-public-ip.pass.tf
package org.private_subnet_no_public_ip

import data.palisade.lib

# The `tier = private` tag of a subnet.
private_tag(subnet) := t if {
	some t in lib.value(subnet.meta.tags)
	lower(t.key) == "tier"
	lower(lib.value(t.value)) == "private"
}

private_subnets[id] := subnet if {
	some subnet in lib.resources("ec2.subnet")
	private_tag(subnet)
	id := subnet.meta.id
}

tag_note(subnet) := {"msg": sprintf("subnet `%s` is tagged private", [subnet.meta.id]), "at": private_tag(subnet)}

deny contains result if {
	some subnet in private_subnets
	lib.is_true(subnet.map_public_ip)
	result := {
		"msg": sprintf("subnet `%s` is tagged private but assigns a public IP address on launch", [subnet.meta.id]),
		"at": subnet.map_public_ip,
		"related": [tag_note(subnet)],
	}
}

# The subnet an interface of an instance is in: its own, or the instance's.
interface_subnet(instance, interface) := lib.value(interface.subnet).local

interface_subnet(instance, interface) := lib.value(instance.subnet).local if not lib.is_known(interface.subnet)

deny contains result if {
	some instance in lib.resources("ec2.instance")
	some interface in lib.value(instance.network_interfaces)
	lib.is_true(interface.associate_public_ip)
	subnet := private_subnets[interface_subnet(instance, interface)]
	result := {
		"msg": sprintf(
			"instance `%s` asks for a public IP address in subnet `%s`, which is tagged private",
			[instance.meta.id, subnet.meta.id],
		),
		"at": interface.associate_public_ip,
		"related": [tag_note(subnet)],
	}
}
