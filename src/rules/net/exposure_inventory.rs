//! PAL-NET-004 `net-exposure-inventory`: Resource port reachable from the internet (inventory).

use super::{TYPES, report};

rule!(RULE,
    id: "PAL-NET-004",
    slug: "net-exposure-inventory",
    title: "Resource port reachable from the internet (inventory)",
    severity: Info,
    layer: Network,
    service: "vpc",
    controls: &["NET-08"],
    well_architected: &["SEC05-BP01"],
    compliance: &[],
    resource_types: TYPES,
    remediation: "Review the list: every entry should be a service meant to be public (typically a load \
balancer on 443). `palisade net exposure` shows the same inventory as a table, JSON or a Graphviz graph.",
    description: "Lists every resource port a packet from the internet can reach, web ports included, with \
the path it takes (public address, internet gateway route, network ACL entries, security group rule; the load \
balancer for targets behind one). It is the attack surface of the template, for review; the other PAL-NET \
rules single out the dangerous entries.",
    check: |_, facts, out| report(facts, out, |_| Some(crate::i18n::Message::default())),
);
