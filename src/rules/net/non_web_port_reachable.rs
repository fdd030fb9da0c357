//! PAL-NET-003 `net-non-web-port-reachable`: A port other than HTTP(S) is reachable from the internet.

use super::{TYPES, report};

rule!(RULE,
    id: "PAL-NET-003",
    slug: "net-non-web-port-reachable",
    title: "A port other than HTTP(S) is reachable from the internet",
    severity: Medium,
    layer: Network,
    service: "vpc",
    controls: &["NET-08", "NET-01"],
    well_architected: &["SEC05-BP01", "SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "isms-p:2.10.3", "pci-4.0:1.2.5", "pci-4.0:1.3.1", "pci-4.0:1.4.2"],
    resource_types: TYPES,
    remediation: "Publish only web traffic (80/443) to the internet, through a load balancer; close the \
other ports at the security group or network ACL, or keep the service in a private subnet and reach it over a \
VPN or from known networks.",
    description: "An application port, a management interface or a message broker reachable from the whole \
internet widens the attack surface for no benefit. The port is reported only when the full path is open: public \
address, internet gateway route, network ACL in and out, security group; load balancer listeners count as the \
internet-facing hop for their targets. Databases, caches and search clusters (PAL-NET-001) and SSH/RDP \
(PAL-NET-002) are reported by their own rules; ports 80 and 443, and HTTP(S) listeners, are not reported.",
    check: |_, facts, out| {
        report(facts, out, |e| (!e.category.is_data() && e.admin_ports().is_empty() && !e.is_web()).then(crate::i18n::Message::default))
    },
);
