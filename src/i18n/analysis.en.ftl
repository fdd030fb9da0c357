# Texts of the analyses that findings quote: the policies of the IAM analysis, the steps of
# the reachability paths, what the escalation methods give. English; translations use the
# same ids and variables.

## IAM principals and policies.
iam-owner-role = role `{ $id }`
iam-owner-user = user `{ $id }`
iam-owner-group = group `{ $id }`
iam-owner-other = { $kind } `{ $id }`
iam-kind-role = role
iam-kind-user = user
iam-kind-group = group
iam-label-trust-policy = trust policy of role `{ $role }`
iam-label-inline-named = inline policy `{ $name }` of { $owner }
iam-label-inline = inline policy of { $owner }
iam-label-inline-policies-of = the inline policies of { $owner }
iam-label-managed-policies-of = the managed policies of { $owner }
iam-label-a-managed-policy-of = a managed policy of { $owner }
iam-label-managed-policy = managed policy `{ $id }`
iam-label-policy = policy `{ $id }`
iam-label-aws-managed-policy = AWS managed policy `{ $name }`
iam-label-bucket-policy = bucket policy `{ $id }`
iam-label-key-policy = key policy of `{ $id }`
iam-label-queue-policy = queue policy `{ $id }`
iam-label-topic-policy = topic policy `{ $id }`
iam-label-repository-policy = repository policy `{ $id }`
iam-label-scp = service control policy `{ $id }`
iam-label-file-identity = identity policy
iam-label-file-resource = resource policy
iam-label-file-trust = trust policy
iam-label-file-scp = service control policy
iam-label-attached-undecided = { $label } (attached to an undecided { $kind })
iam-label-through-group = { $label } (through group `{ $group }`)
iam-label-a-group-of-user = a group of user `{ $user }`
iam-label-this-policy = this policy
iam-label-session-policy = session policy `{ $file }`
iam-label-its-content = { $label } (its content)
iam-label-its-targets = { $label } (its targets)
iam-label-default-scp-of = FullAWSAccess (default SCP of `{ $id }`)
iam-label-default-scp = FullAWSAccess (default SCP)
iam-label-org-units-above = the organizational units above account { $account }
iam-label-resource-policy-of = the resource policy of `{ $resource }`
iam-unknown-statements = { $label } has statements that could not be evaluated
iam-unknown-effect = { $label }: a statement's Effect is unknown
iam-unknown-outside-scan = { $what } is outside the scan
iam-unknown-unread-file = { $file } could not be read or parsed: its policies may change the answer
iam-escalation-condition = `{ $conditions }` ({ $policy })
iam-escalation-when = when { $condition }
iam-escalation-unless = unless { $condition }
iam-target-any-resource = any resource
iam-target-any-role = any role
iam-target-any-user = any user
iam-target-any-group = any group
iam-target-any-policy = any customer managed policy
iam-target-policy-attached = policy `{ $id }` attached to it
escalation-grants-new-resource = creates `{ $service }` resources that run with a passed role: the permissions of that role
escalation-grants-existing-resource = runs its own code in an existing `{ $service }` resource: the permissions of that resource's role
escalation-grants-join-group = joins a more privileged group: that group's permissions
escalation-grants-project = adds itself to a `{ $service }` project: the permissions of the project's members
escalation-grants-any-permission = grants itself any permission
escalation-grants-assume-role = assumes a more privileged role: that role's permissions
escalation-grants-sign-in = signs in as another user: that user's permissions
escalation-grants-take-over-role = takes over a role: that role's permissions

## Reachability paths (`net exposure`, PAL-NET-*, PAL-EC2-*).
reach-a-domain-in-a-vpc-has-no = a domain in a VPC has no public endpoint
reach-a-lambda-function-accepts-no-inbound-connection = a Lambda function accepts no inbound connection: it is invoked through the Lambda API
reach-a-public-domain-endpoint-has-no-security = a public domain endpoint has no security group
reach-a-publicaccesscidrs-entry-cannot-be-decided = a PublicAccessCidrs entry cannot be decided
reach-all-ports = all { $proto } ports
reach-all-traffic = all traffic
reach-associatepublicipaddress-cannot-be-decided = AssociatePublicIpAddress cannot be decided
reach-associatepublicipaddress-is-true = AssociatePublicIpAddress is true
reach-default-sg = `{ $id }` names no security group: { $what } gets the VPC's default group, which admits only its own members
reach-eip-attached = elastic IP `{ $eip }` is attached to `{ $target }`
reach-eip-eni = elastic IP `{ $eip }` is associated with network interface `{ $eni }`
reach-elasticache-nodes-have-no-public-address = ElastiCache nodes have no public address
reach-endpointpublicaccess-cannot-be-decided = EndpointPublicAccess cannot be decided
reach-endpointpublicaccess-is-false = EndpointPublicAccess is false
reach-endpointpublicaccess-is-true = EndpointPublicAccess is true
reach-eni-no-public-ip = no public IP: network interface `{ $eni }` exists before the instance and has no elastic IP
reach-eni-outside = network interface `{ $eni }` is outside the template
reach-ipv6-unknown = whether `{ $id }` has an IPv6 address in subnet `{ $subnet }` is not known
reach-lb-forwards = load balancer `{ $lb }` forwards { $traffic } to `{ $target }` on port { $port }
reach-lb-internal = `{ $id }` is internal
reach-lb-internet-facing = `{ $id }` is internet-facing
reach-lb-internet-facing-default = `{ $id }` is internet-facing (the default Scheme)
reach-lb-scheme-undecided = the scheme of `{ $id }` cannot be decided
reach-lb-sg-outside = `{ $id }` names no security group (one is created outside the template)
reach-lb-subnets-unknown = the subnets of `{ $id }` are not all known
reach-listener = listener { $port }
reach-listener-protocol = listener { $protocol } { $port }
reach-main-table-assoc-unknown = subnet `{ $subnet }` has no route table association of its own, but the subnet of another association cannot be decided
reach-main-table-foreign-routes = subnet `{ $subnet }` has no route table association: it uses its VPC's main route table, and routes of the template go to a route table it does not declare, which may be that one
reach-main-table-foreign-vpc = subnet `{ $subnet }` has no route table association: it uses the main route table of a VPC the template does not declare, which the template does not show
reach-main-table-local = subnet `{ $subnet }` has no route table association: it uses the VPC's main route table, which has only the local route unless changed outside the template
reach-nacl = network ACL `{ $acl }`
reach-nacl-action-undecided = the action of { $entry } cannot be decided
reach-nacl-all-inbound = { $acl } allows all inbound traffic (rule 100)
reach-nacl-all-outbound = { $acl } allows all outbound traffic (rule 100)
reach-nacl-allows = { $entry } allows { $traffic }
reach-nacl-assoc-unknown = a network ACL association has an undecidable subnet
reach-nacl-default = the default network ACL of `{ $vpc }`
reach-nacl-default-outside = subnet `{ $subnet }` uses the default network ACL of a VPC outside the template
reach-nacl-denies = { $entry } denies { $traffic }
reach-nacl-direction-undecided = whether entry `{ $entry }` is inbound cannot be decided
reach-nacl-entry-unknown-acl = a network ACL entry has an undecidable ACL
reach-nacl-inbound-entry = inbound entry `{ $entry }` (rule { $n }) of { $acl }
reach-nacl-match-undecided = whether { $entry } matches cannot be decided
reach-nacl-no-inbound-match = no inbound entry of { $acl } matches { $traffic } from { $source }: denied
reach-nacl-no-outbound = no outbound entry
reach-nacl-no-outbound-match = no outbound entry of { $acl } matches { $traffic } from { $source }: denied
reach-nacl-no-return = { $acl } allows no return traffic ({ $proto } to ports 1024-65535) to { $source }
reach-nacl-number-undecided = the rule number of entry `{ $entry }` cannot be decided
reach-nacl-outbound-entry = outbound entry `{ $entry }` (rule { $n }) of { $acl }
reach-nacl-outside = network ACL `{ $acl }` is outside the template
reach-nacl-undecided = the network ACL of subnet `{ $subnet }` cannot be decided
reach-nlb-no-sg = network load balancer `{ $id }` has no security group
reach-no-public-address-publiclyaccessible-is-false = no public address: PubliclyAccessible is false
reach-no-public-address-publiclyaccessible-is-not-set = no public address: PubliclyAccessible is not set (false by default with a DB subnet group)
reach-no-public-address-publiclyaccessible-is-not-true = no public address: PubliclyAccessible is not true
reach-no-public-ip-associatepublicipaddress-is-false = no public IP: AssociatePublicIpAddress is false
reach-no-security-group-rule-admits-the-internet = no security group rule admits the internet
reach-no-sg-allows = no security group allow no { $traffic } from { $source }
reach-no-subnet-is-given-the-resource-goes = no subnet is given: the resource goes to a default subnet outside the template
reach-no-subnet-of-template = `{ $id }` sits in no subnet of the template
reach-no-subnets-are-given-the-resource-goes = no subnets are given: the resource goes to default subnets outside the template
reach-not-a-subnet = `{ $id }` is not a subnet
reach-not-an-eni = `{ $id }` is not a network interface of the template
reach-port = Port
reach-publicaccesscidrs-admits-only-specific-networks = PublicAccessCidrs admits only specific networks
reach-publicaccesscidrs-cannot-be-decided = PublicAccessCidrs cannot be decided
reach-publicaccesscidrs-includes-0-0-0-0-0 = PublicAccessCidrs includes 0.0.0.0/0
reach-publicaccesscidrs-is-not-set-0-0-0 = PublicAccessCidrs is not set: 0.0.0.0/0 (the default)
reach-publiclyaccessible-cannot-be-decided = PubliclyAccessible cannot be decided
reach-publiclyaccessible-is-not-set-and-there-is = PubliclyAccessible is not set and there is no DB subnet group (default VPC, outside the template)
reach-publiclyaccessible-is-true = PubliclyAccessible is true
reach-return-traffic = { $hop } (return traffic)
reach-route-destination-undecided = a route of `{ $table }` has an undecidable destination
reach-route-egress-only = route { $dest } in `{ $table }` goes to egress-only internet gateway `{ $target }`, which lets no connection in from the internet
reach-route-endpoint = route { $dest } in `{ $table }` goes to VPC endpoint `{ $target }`
reach-route-gateway-maybe-igw = route { $dest } in `{ $table }` goes to gateway `{ $target }`, which may or may not be an internet gateway
reach-route-gateway-not-igw = route { $dest } in `{ $table }` goes to gateway `{ $target }`, not an internet gateway
reach-route-igw = route { $dest } in `{ $table }` goes to internet gateway `{ $target }`
reach-route-igw-detached = route { $dest } in `{ $table }` goes to internet gateway `{ $target }`, which is attached to no VPC
reach-route-instance = route { $dest } in `{ $table }` goes to instance or interface `{ $target }`, not an internet gateway (replies to a public address need one)
reach-route-nat = route { $dest } in `{ $table }` goes to NAT gateway `{ $target }`, which lets no connection in from the internet
reach-route-no-igw = route table `{ $table }` has no { $dest } route to an internet gateway
reach-route-peering = route { $dest } in `{ $table }` goes to VPC peering connection `{ $target }`
reach-route-table-outside = route table `{ $table }` is outside the template
reach-route-table-undecided = the route table of subnet `{ $subnet }` cannot be decided
reach-route-target-undecided = the target of route { $dest } in `{ $table }` cannot be decided
reach-route-transit = route { $dest } in `{ $table }` goes to transit gateway `{ $target }`
reach-route-unknown-table = a route of the template has an undecidable route table
reach-route-unknown-target = route { $dest } in `{ $table }` has no target we know
reach-sg = security group `{ $group }`
reach-sg-allows = { $by } allows { $traffic } from { $source }
reach-sg-outside = security group `{ $group }` is outside the template
reach-sg-rule = rule `{ $rule }` of security group `{ $group }`
reach-sg-rule-undecided = whether a rule of security group `{ $group }` admits { $traffic } cannot be decided
reach-sg-undecided = a security group cannot be decided
reach-sgs-allow-none = security groups { $groups } allow no { $traffic } from { $source }
reach-sgs-undecided = the security groups cannot be decided
reach-source-internet = the internet ({ $cidr })
reach-source-lb = load balancer `{ $lb }`
reach-subnet-no-public-ip = no public IP: subnet `{ $subnet }` does not set MapPublicIpOnLaunch
reach-subnet-outside = subnet `{ $subnet }` is outside the template
reach-subnet-public-ip = subnet `{ $subnet }` assigns a public IP on launch
reach-subnet-public-ip-undecided = whether subnet `{ $subnet }` assigns public IPs cannot be decided
reach-the-api-server-endpoint-is-public-the = the API server endpoint is public (the default)
reach-the-db-subnet-group-is-not-in = the DB subnet group is not in the template
reach-the-domain-has-no-vpcoptions-its-endpoint = the domain has no VPCOptions: its endpoint is public (only its access policy guards it)
reach-the-instances-launch-template-is-not-in = the instances' launch template is not in the template (or a launch configuration, not modelled)
reach-the-load-balancer-type-cannot-be-decided = the load balancer type cannot be decided
reach-the-network-interface-cannot-be-decided = the network interface cannot be decided
reach-the-subnet-cannot-be-decided = the subnet cannot be decided
reach-the-subnet-group-is-not-in-the = the subnet group is not in the template
reach-the-subnets-cannot-be-decided = the subnets cannot be decided
reach-through-eni = through network interface `{ $eni }` in subnet `{ $subnet }`
reach-vpcoptions-cannot-be-decided = VPCOptions cannot be decided
reach-what-cluster = the cluster
reach-what-database = the database
reach-what-each-instance = each instance
reach-what-instance = the instance
reach-what-interface = the interface
reach-what-lb = the load balancer

## Conditions under which a finding holds (undecidable template conditions, Terraform `count`).
condition-is-true = { $name } is true
condition-is-false = { $name } is false
condition-and = { $left } and { $right }
condition-or = { $left }, or { $right }
condition-count = when `count` is not 0
condition-count-bare = `count` is not 0
condition-for-each = for each element of `for_each`
condition-of-module = { $condition } (of `module.{ $module }`)
condition-and-also = { $first }, and { $second }

## What a set of IAM actions amounts to.
iam-expansion-describe = { $actions ->
        [one] { $actions } action
       *[other] { $actions } actions
    } across { $services ->
        [one] { $services } service
       *[other] { $services } services
    }{ $levels }
iam-expansion-levels = {" "}({ $levels })
iam-level-count = { $n } { $level }

## Where a text of a template is, for messages about what it holds.
place-property = `{ $resource }` property `{ $name }`
place-metadata = `{ $resource }` metadata `{ $name }`
place-output = output `{ $name }`
place-parameter-default = the default of parameter `{ $name }`
place-argument = `{ $resource }` argument `{ $name }`
place-variable-default = variable `{ $name }` argument `default`
place-decoded = { $place } (decoded from base64)

## What a secret found in a text is.
secret-aws-access-key-id = an AWS access key id
secret-aws-secret-access-key = an AWS secret access key
secret-private-key = a private key
secret-url-password = a URL with an embedded password
secret-literal = a literal secret

## What is wrong with an ARN.
arn-six-parts = an ARN has six parts `arn:partition:service:region:account:resource`; `{ $arn }` has { $count }
arn-prefix = an ARN starts with `arn:`, not `{ $found }:`
arn-partition = unknown partition `{ $partition }` (expected aws, aws-cn, aws-us-gov, ...)
arn-service-empty = the service part of the ARN is empty
arn-account = account `{ $account }` is not a 12-digit account id
arn-resource-empty = the resource part of the ARN is empty

## Where a value comes from (a related location of a finding).
origin-parameter-value = value supplied for parameter `{ $name }`
origin-parameter-default = default of parameter `{ $name }`
origin-mapping = mapping `{ $map }`.`{ $k1 }`.`{ $k2 }`
origin-variable-default = variable `{ $name }` (default)
origin-variable = variable `{ $name }`
origin-local = local `{ $name }`
origin-output = output `{ $name }` of `{ $module }`
origin-module-argument = argument `{ $name }` of `module.{ $module }`
origin-interpolation = interpolation
origin-try = argument of `try`
