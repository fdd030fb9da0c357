//! CIDR blocks, IPv4 and IPv6, on `ipnet`: the one reading of `address/length` that IAM
//! conditions, reachability and the Terraform `cidr*` functions share.

use std::net::IpAddr;

pub use ipnet::IpNet;

/// A block `address/length`, surrounding blanks ignored. Address bits past the prefix are
/// kept as written (`10.0.0.1/24`, which AWS accepts) and ignored by containment.
pub fn parse(s: &str) -> Option<IpNet> {
    s.trim().parse().ok()
}

/// A block, or a bare address taken as the block of that one address (`/32`, `/128`).
pub fn parse_or_addr(s: &str) -> Option<IpNet> {
    let s = s.trim();
    parse(s).or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

/// Is `addr` inside `net`? An IPv4 address lies inside an IPv4-mapped IPv6 block
/// (`::ffff:10.0.0.0/104`) as it would inside the IPv4 block; other mixes of families never.
pub fn contains_addr(net: &IpNet, addr: IpAddr) -> bool {
    match (net, addr) {
        (IpNet::V6(n), IpAddr::V4(a)) => {
            n.prefix_len() >= 96 && n.network().to_ipv4_mapped().is_some() && n.contains(&a.to_ipv6_mapped())
        }
        _ => net.contains(&addr),
    }
}

/// `inner` lies wholly inside `outer` (blocks of different families never do).
pub fn contains(outer: &IpNet, inner: &IpNet) -> bool {
    outer.contains(inner)
}

/// The two blocks share an address.
pub fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    contains(a, b) || contains(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        parse_or_addr(s).unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn parses_blocks_and_bare_addresses() {
        assert_eq!(parse(" 10.0.0.0/8 ").map(|n| n.prefix_len()), Some(8));
        assert_eq!(parse("10.0.0.1/24").map(|n| n.trunc().to_string()), Some("10.0.0.0/24".into()));
        assert_eq!(parse("10.0.0.1"), None);
        assert_eq!(net("10.0.0.1").prefix_len(), 32);
        assert_eq!(net("2001:db8::1").prefix_len(), 128);
        for bad in ["10.0.0.0/33", "10.0.0/16", "2001:db8::/129", "10.0.0.0/", "x/8", ""] {
            assert_eq!(parse_or_addr(bad), None, "{bad}");
        }
    }

    #[test]
    fn containment_in_both_families() {
        assert!(contains_addr(&net("10.0.0.0/8"), ip("10.1.2.3")));
        assert!(contains_addr(&net("10.0.0.1/24"), ip("10.0.0.200")));
        assert!(!contains_addr(&net("10.0.0.0/8"), ip("11.0.0.0")));
        assert!(contains_addr(&net("2001:db8::/32"), ip("2001:db8:ffff::1")));
        assert!(!contains_addr(&net("2001:db8::/32"), ip("2001:db9::1")));
        assert!(!contains_addr(&net("0.0.0.0/0"), ip("2001:db8::1")));
        assert!(!contains_addr(&net("::/0"), ip("10.0.0.1")));
        assert!(contains_addr(&net("::ffff:10.0.0.0/104"), ip("10.9.9.9")));
        assert!(!contains_addr(&net("::ffff:10.0.0.0/104"), ip("11.0.0.1")));
        assert!(contains(&net("10.0.0.0/16"), &net("10.0.1.0/24")));
        assert!(!contains(&net("10.0.1.0/24"), &net("10.0.0.0/16")));
        assert!(overlaps(&net("10.0.1.0/24"), &net("10.0.0.0/16")));
        assert!(!overlaps(&net("10.1.0.0/16"), &net("10.0.1.0/24")));
        assert!(contains(&net("2001:db8::/32"), &net("2001:db8:1::/48")));
        assert!(!overlaps(&net("2001:db8::/32"), &net("10.0.0.0/8")));
    }
}
