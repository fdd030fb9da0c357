# METADATA
# title: The internet reaches only HTTPS (port 443)
# description: |
#   Everything the internet can reach goes through port 443, behind TLS: a load balancer
#   or a gateway terminates it, and nothing else is published. Any other port that the
#   network analysis finds reachable from the internet (through an internet gateway, a
#   public address, open network ACLs and security groups) is reported, with the path that
#   lets the traffic in. Ports the analysis cannot decide are not reported.
# custom:
#   id: ORG-NET-443
#   severity: high
#   layer: network
#   service: ec2
#   controls: [NET-01]
#   well_architected: [SEC05-BP01, SEC05-BP02]
#   remediation: |
#     Publish the service on 443 only (terminate TLS on a load balancer), and remove the
#     security group rules or routes that open the other ports to the internet.
#   examples:
#     - fixtures/exposed-ports-https-only.fail.yaml
#     - fixtures/exposed-ports-https-only.pass.yaml
#     - fixtures/exposed-ports-https-only.fail.tf
#     - fixtures/exposed-ports-https-only.pass.tf
package org.exposed_ports_https_only

import data.palisade.lib

port_text(e) := sprintf("%s/%d", [e.protocol, e.ports[0]]) if e.ports[0] == e.ports[1]

port_text(e) := sprintf("%s/%d-%d", [e.protocol, e.ports[0], e.ports[1]]) if e.ports[0] != e.ports[1]

port_text(e) := sprintf("%s/*", [e.protocol]) if e.ports == null

only_443(e) if {
	e.ports[0] == 443
	e.ports[1] == 443
}

deny contains result if {
	some e in lib.exposed
	not only_443(e)
	result := {
		"msg": sprintf("%s `%s` is reachable from the internet on %s; only 443 may be", [e.category, e.resource.id, port_text(e)]),
		"at": e.resource,
		"related": [{"msg": hop.text, "at": hop} | some hop in e.path],
	}
}
