# English finding messages of the `ec2` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

ec2-reachable-internet = reachable from the internet on { $port_text }: { $path_text }
ec2-reachable = `{ $id }` { $port_text } is not reachable: { $text }
ec2-allows-internet = { $subject } allows { $what } from the internet ({ $cidr_text })
nacl-admin-ports-open-network-acl = network ACL entry `{ $entry }`{ $acl } allows { $open } from the internet ({ $cidr_text })
vpc-peering-route-too-wide-sends-all = route `{ $route }` sends all traffic ({ $d }) over VPC peering connection `{ $name }`: route only the peer's CIDR blocks
sg-egress-all-open-allows-anywhere = { $subject } allows { $what } to anywhere ({ $cidr_text }): a compromised host could exfiltrate data or reach command-and-control servers; restrict egress to the destinations needed (VPC endpoints, prefix lists, specific CIDRs and ports)
sg-ingress-all-open-allows-internet = { $subject } allows { $what } from the internet ({ $cidr_text })
sg-ingress-open-to-world-allows-internet = { $subject } allows { $ports } from the internet ({ $cidr_text })
sg-rule-description-message = { $rule_name } ({ $ports }) has no Description
sg-rule-description-empty = { $rule_name } ({ $ports }) has an empty Description
vpc-flow-logs-log-aws = VPC `{ $vpc }` has no flow log (no AWS::EC2::FlowLog refers to it)
ec2-port-range = the port range
nacl-admin-ports-open-port-range = the port range
sg-ingress-open-to-world-port-range = the port range
ec2-reachable-suffix = ; reachable from the internet: { $names }
ec2-unreachable-suffix = ; not reachable from the internet: `{ $name }`: { $why }
ec2-security-group = security group `{ $group }`
ec2-security-group-outside = a security group outside the template
ec2-ingress-rule-of = ingress rule `{ $rule }` of { $group }
ec2-egress-rule-of = egress rule `{ $rule }` of { $group }
ec2-an-ingress-rule-of = an ingress rule of { $group }
ec2-an-egress-rule-of = an egress rule of { $group }
ebs-snapshot-public-all = snapshot `{ $snapshot }` can be restored by every AWS account
