//! PAL-EC2-007 `nacl-admin-ports-open`: Network ACL allows SSH or RDP from the internet.

use super::ADMIN_PORTS;
use crate::model::{Link, NaclProtocol, NetworkAclEntry, Tri, kind};

const NACL_ADMIN: &[(i64, &str)] = ADMIN_PORTS;

/// Whether `deny` is an entry of the same ACL, evaluated before `allow`, that denies tcp
/// `port` from the whole internet for the same address family. `None` when undecidable.
fn shadows(deny: &NetworkAclEntry, allow: &NetworkAclEntry, port: i64, v6: bool) -> Option<bool> {
    let mut unknown = false;
    let mut check = |c: Option<bool>| match c {
        Some(false) => Err(()),
        None => {
            unknown = true;
            Ok(())
        }
        Some(true) => Ok(()),
    };
    let same_acl = match (allow.acl.get(), deny.acl.get()) {
        (Some(a), Some(d)) => Some(a == d),
        _ => None,
    };
    let cidr = if v6 { &deny.cidr_ipv6 } else { &deny.cidr_ipv4 };
    let world = match &cidr.value {
        Tri::Known(c) => Some(if v6 { crate::model::is_world_v6(c) } else { crate::model::is_world_v4(c) }),
        Tri::Absent => Some(false),
        Tri::Unknown => None,
    };
    let earlier = match (deny.rule_number.get(), allow.rule_number.get()) {
        (Some(d), Some(a)) => Some(d < a),
        _ => None,
    };
    let conds = [same_acl, deny.action_is("deny"), deny.is_ingress(), world, deny.covers_tcp_port(port), earlier];
    for c in conds {
        if check(c).is_err() {
            return Some(false);
        }
    }
    if unknown { None } else { Some(true) }
}

/// A range of ephemeral ports for return traffic (network ACLs are stateless, so responses to
/// connections the subnet opens need e.g. `1024-65535` inbound): it starts at or above 1024
/// and runs to the last port.
fn is_ephemeral_range(from: i64, to: i64) -> bool {
    from >= 1024 && to >= 65535
}

rule!(RULE,
    id: "PAL-EC2-007",
    slug: "nacl-admin-ports-open",
    title: "Network ACL allows SSH or RDP from the internet",
    severity: Medium,
    layer: Network,
    service: "ec2",
    controls: &["NET-05"],
    well_architected: &["SEC05-BP01"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.2", "isms-p:2.6.6", "cis-6.0:6.2", "cis-7.0:6.2", "pci-4.0:1.3.1",
        "pci-4.0:1.4.2", "fsbp:EC2.21",
    ],
    resource_types: &[kind::EC2_NETWORK_ACL_ENTRY],
    remediation: "Narrow the entry's `CidrBlock`/`Ipv6CidrBlock` to your administration network, or add a \
`RuleAction: deny` entry with a lower `RuleNumber` for tcp 22 and 3389 from `0.0.0.0/0` (and `::/0`), so that \
the subnet layer blocks remote administration from the internet even if a security group is opened by mistake.",
    description: "Network ACLs are the subnet-level layer of defence in depth: they should stop \
traffic that no instance of the subnet is meant to receive. An inbound `allow` entry from `0.0.0.0/0` or `::/0` \
whose protocol is all (`-1`) or tcp (`6`) with a port range including 22 or 3389 leaves remote administration \
to the security groups alone. Entries are reported unless an earlier (lower-numbered) deny entry of the same \
ACL already blocks the port from everywhere. Not reported: tcp entries without a `PortRange`, and tcp \
ranges of ephemeral ports for return traffic (starting at 1024 or above and ending at 65535, e.g. \
`1024-65535`, which contains 3389): network ACLs are stateless, so such an entry is needed for the responses to \
connections the subnet opens, and the stateful security groups decide whether RDP is reachable.",
    check: |m, _, out| {
        for e in &m.network_acl_entries {
            if e.action_is("allow") != Some(true) || e.is_ingress() != Some(true) {
                continue;
            }
            let (cidr, v6) = if e.cidr_ipv4.is(|c| crate::model::is_world_v4(c)) {
                (&e.cidr_ipv4, false)
            } else if e.cidr_ipv6.is(|c| crate::model::is_world_v6(c)) {
                (&e.cidr_ipv6, true)
            } else {
                continue;
            };
            if e.protocol_kind() == Some(NaclProtocol::Tcp) && e.ports.is(|&(from, to)| is_ephemeral_range(from, to)) {
                continue;
            }
            let open: Vec<String> = NACL_ADMIN
                .iter()
                .filter(|(port, _)| e.covers_tcp_port(*port) == Some(true))
                .filter(|(port, _)| {
                    m.network_acl_entries.iter().all(|d| std::ptr::eq(d, e) || shadows(d, e, *port, v6) == Some(false))
                })
                .map(|(p, n)| format!("{n} ({p})"))
                .collect();
            if open.is_empty() {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let acl = match e.acl.get() {
                Some(Link::Local(id)) | Some(Link::External(id)) => msg!("nacl-of-acl", acl = id),
                None => crate::i18n::Message::default(),
            };
            let f = out.report_field(
                &e.meta,
                cidr,
                msg!("nacl-admin-ports-open-network-acl", entry = e.meta.id, acl = acl, open = open.join(", "), cidr_text = cidr_text),
            );
            if !e.ports.is_absent() {
                f.with_related(e.ports.span, msg!("nacl-admin-ports-open-port-range"));
            }
        }
    },
);
