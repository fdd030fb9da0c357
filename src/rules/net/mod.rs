//! Network reachability from the internet (network layer): findings from the analysis in
//! [`crate::analyze::reach`], each with its whole path as related locations.
//!
//! Every exposed resource port is classified once: a database, cache or search cluster
//! (PAL-NET-001), else SSH/RDP (PAL-NET-002), else any port that is not plain web traffic
//! (PAL-NET-003). PAL-NET-004 lists every exposure, web ports included.

use super::{Builtin, Sink, StaticMeta};
use crate::analyze::Facts;
use crate::analyze::reach::{Exposure, Verdict};
use crate::finding::{Layer, Severity};
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&DATA_EXPOSED, &ADMIN_EXPOSED, &PORT_EXPOSED, &INVENTORY];

const TYPES: &[&str] = &[
    kind::EC2_INSTANCE,
    kind::AUTOSCALING_GROUP,
    kind::RDS_DB_INSTANCE,
    kind::RDS_DB_CLUSTER,
    kind::REDSHIFT_CLUSTER,
    kind::ELASTICACHE_CACHE_CLUSTER,
    kind::ELASTICACHE_REPLICATION_GROUP,
    kind::OPENSEARCH_DOMAIN,
    kind::ELB_LOAD_BALANCER,
    kind::ELB_CLASSIC_LOAD_BALANCER,
    kind::EKS_CLUSTER,
];

/// What the resource is, for messages.
fn what(e: &Exposure) -> String {
    format!("{} `{}`", kind::noun(&e.resource), e.resource.id)
}

/// Reports the exposed rows that `want` selects, with the path.
fn report(facts: &Facts<'_>, out: &mut Sink<'_>, want: impl Fn(&Exposure) -> Option<String>) {
    for e in &facts.reachability().exposures {
        if e.verdict != Verdict::Exposed {
            continue;
        }
        let Some(why) = want(e) else { continue };
        let via = e.via.as_deref().map(|v| format!(" through load balancer `{v}`")).unwrap_or_default();
        let f = out.report(
            &e.resource,
            e.resource.span,
            format!("{} is reachable from the internet on {}{via}{why}: {}", what(e), e.port_text(), e.path_text()),
        );
        for h in &e.path {
            f.with_related(h.span, format!("{}: {}", h.kind.as_str(), h.text));
        }
    }
}

pub static DATA_EXPOSED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-NET-001",
        slug: "net-data-store-reachable",
        title: "A database, cache or search cluster is reachable from the internet",
        severity: Severity::Critical,
        layer: Layer::Network,
        service: "vpc",
        well_architected: &["SEC05-BP01", "SEC05-BP02"],
        controls: &["NET-08", "NET-07", "DATA-09"],
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
    },
    check: |_, facts, out| report(facts, out, |e| e.category.is_data().then(String::new)),
};

pub static ADMIN_EXPOSED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-NET-002",
        slug: "net-admin-port-reachable",
        title: "SSH or RDP is reachable from the internet",
        severity: Severity::High,
        layer: Layer::Network,
        service: "vpc",
        well_architected: &["SEC05-BP01", "SEC05-BP02"],
        controls: &["NET-08", "NET-01"],
        resource_types: TYPES,
        remediation: "Remove the internet-facing path to port 22/3389: narrow the security group rule to an \
administration CIDR or a bastion's group, or move the instance to a private subnet; better, drop the rule and \
use AWS Systems Manager Session Manager, which needs no inbound port.",
        description: "Unlike a security group rule on its own, this finding means the whole path is open: the \
instance (or load balancer) has a public address, its subnet routes to an internet gateway, the network ACL \
lets the connection in and the replies out, and a security group admits SSH (22) or RDP (3389) from anywhere. \
Such ports are scanned and attacked within minutes of being exposed. Each hop of the path is a related \
location.",
    },
    check: |_, facts, out| {
        report(facts, out, |e| {
            let admin = e.admin_ports();
            (!e.category.is_data() && !admin.is_empty()).then(|| format!(" ({})", admin.join(", ")))
        })
    },
};

pub static PORT_EXPOSED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-NET-003",
        slug: "net-non-web-port-reachable",
        title: "A port other than HTTP(S) is reachable from the internet",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "vpc",
        well_architected: &["SEC05-BP01", "SEC05-BP02"],
        controls: &["NET-08", "NET-01"],
        resource_types: TYPES,
        remediation: "Publish only web traffic (80/443) to the internet, through a load balancer; close the \
other ports at the security group or network ACL, or keep the service in a private subnet and reach it over a \
VPN or from known networks.",
        description: "An application port, a management interface or a message broker reachable from the whole \
internet widens the attack surface for no benefit. The port is reported only when the full path is open: public \
address, internet gateway route, network ACL in and out, security group; load balancer listeners count as the \
internet-facing hop for their targets. Databases, caches and search clusters (PAL-NET-001) and SSH/RDP \
(PAL-NET-002) are reported by their own rules; ports 80 and 443, and HTTP(S) listeners, are not reported.",
    },
    check: |_, facts, out| {
        report(facts, out, |e| (!e.category.is_data() && e.admin_ports().is_empty() && !e.is_web()).then(String::new))
    },
};

pub static INVENTORY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-NET-004",
        slug: "net-exposure-inventory",
        title: "Resource port reachable from the internet (inventory)",
        severity: Severity::Info,
        layer: Layer::Network,
        service: "vpc",
        well_architected: &["SEC05-BP01"],
        controls: &["NET-08"],
        resource_types: TYPES,
        remediation: "Review the list: every entry should be a service meant to be public (typically a load \
balancer on 443). `palisade net exposure` shows the same inventory as a table, JSON or a Graphviz graph.",
        description: "Lists every resource port a packet from the internet can reach, web ports included, with \
the path it takes (public address, internet gateway route, network ACL entries, security group rule; the load \
balancer for targets behind one). It is the attack surface of the template, for review; the other PAL-NET \
rules single out the dangerous entries.",
    },
    check: |_, facts, out| report(facts, out, |_| Some(String::new())),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_prefixed() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert!(ids.iter().all(|i| i.starts_with("PAL-NET-")));
    }
}
