//! PAL-NET-001 `net-data-store-reachable`: A database, cache or search cluster is reachable from the internet.

use super::{TYPES, report};

rule!(RULE,
    id: "PAL-NET-001",
    slug: "net-data-store-reachable",
    title: "A database, cache or search cluster is reachable from the internet",
    severity: Critical,
    layer: Network,
    service: "vpc",
    controls: &["NET-08", "NET-07", "DATA-09"],
    well_architected: &["SEC05-BP01", "SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.4", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "pci-4.0:1.4.4"],
    resource_types: TYPES,
    remediation: "Break the path at more than one hop: set `PubliclyAccessible: false` (RDS, Redshift), put \
the data store's subnet group on private subnets whose route table sends `0.0.0.0/0` to a NAT gateway rather \
than to an internet gateway, give OpenSearch domains `VPCOptions`, and let the security group admit the port \
only from the application tier's group (`SourceSecurityGroupId`).",
    description: "The finding follows a packet from an arbitrary internet address to the data store's port \
through every hop of the template: the public address (`PubliclyAccessible`, a public domain endpoint), the \
route back to an internet gateway in the subnet's route table, the subnet's network ACL inbound and outbound \
(return traffic, NACLs being stateless), and a security group rule. Only when every hop lets it through is the \
port reported; each hop is a related location. A data store reachable this way is one leaked or guessed \
credential away from a breach, and some engines (Redis, Memcached) accept connections without any. Hops that \
cannot be decided (a parameter without default, a route table outside the template, a subnet using the VPC's \
main route table) never lead to a finding.",
    check: |_, facts, out| report(facts, out, |e| e.category.is_data().then(crate::i18n::Message::default)),
);
