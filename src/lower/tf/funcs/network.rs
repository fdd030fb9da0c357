//! CIDR arithmetic, IPv4 and IPv6.
//!
//! Prefixes are read by the shared `value::cidr` module; the arithmetic below stays written
//! out because Terraform numbers subnets and hosts by index (negative host numbers counting
//! back, `cidrsubnets` aligning each block on its own size), which `ipnet`'s iterators do
//! not offer without walking every block.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::value::cidr::{self, IpNet};

use crate::model::Val;
use crate::source::Span;

use super::{R, arity, fail, int, list_val, str_val, string};

pub(super) fn call(name: &str, a: &[Val], span: Span) -> Option<R<Val>> {
    Some(match name {
        "cidrhost" => cidrhost(a, span),
        "cidrnetmask" => cidrnetmask(a, span),
        "cidrsubnet" => cidrsubnet(a, span),
        "cidrsubnets" => cidrsubnets(a, span),
        _ => return None,
    })
}

/// A network: its address with the host bits cleared, its prefix length, and the address
/// size (32 or 128 bits).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Net {
    addr: u128,
    len: u32,
    bits: u32,
}

/// `x << n`, 0 when every bit is shifted out.
fn shl(x: u128, n: u32) -> u128 {
    x.checked_shl(n).unwrap_or(0)
}

impl Net {
    fn parse(text: &str) -> R<Net> {
        // Terraform reads prefixes as written: no surrounding blanks.
        let net = if text.trim() == text { cidr::parse(text) } else { None };
        let (addr, len, bits) = match net {
            Some(IpNet::V4(n)) => (u128::from(u32::from(n.network())), u32::from(n.prefix_len()), 32),
            Some(IpNet::V6(n)) => (u128::from(n.network()), u32::from(n.prefix_len()), 128),
            None => return fail(format!("invalid CIDR prefix `{text}`")),
        };
        Ok(Net { addr, len, bits })
    }

    /// Number of host bits.
    fn host_bits(&self) -> u32 {
        self.bits - self.len
    }

    fn ip(&self, addr: u128) -> String {
        if self.bits == 32 { Ipv4Addr::from(addr as u32).to_string() } else { Ipv6Addr::from(addr).to_string() }
    }

    fn text(&self) -> String {
        format!("{}/{}", self.ip(self.addr), self.len)
    }

    /// The `num`th subnet with `newbits` more prefix bits.
    fn subnet(&self, newbits: i64, num: i64) -> R<Net> {
        if newbits < 0 || self.len as i64 + newbits > self.bits as i64 {
            return fail(format!("cannot extend a /{} prefix by {newbits} bits", self.len));
        }
        let len = self.len + newbits as u32;
        if num < 0 || (newbits < 64 && num as u128 >= shl(1, newbits as u32)) {
            return fail(format!("prefix extension of {newbits} bits does not accommodate a subnet numbered {num}"));
        }
        Ok(Net { addr: self.addr | shl(num as u128, self.bits - len), len, bits: self.bits })
    }
}

/// `cidrhost(prefix, hostnum)`: a negative number counts back from the last address.
fn cidrhost(a: &[Val], span: Span) -> R<Val> {
    arity(a, 2, 2)?;
    let net = Net::parse(&string(&a[0])?)?;
    let num = int(&a[1])?;
    let host = net.host_bits();
    let size_minus_one = shl(1, host).wrapping_sub(1);
    let offset = if num >= 0 {
        (num as u128 <= size_minus_one).then_some(num as u128)
    } else {
        let back = num.unsigned_abs() as u128 - 1;
        (back <= size_minus_one).then(|| size_minus_one - back)
    };
    match offset {
        Some(o) => Ok(str_val(net.ip(net.addr | o), span)),
        None => fail(format!("prefix of {host} host bits cannot accommodate host number {num}")),
    }
}

/// `cidrnetmask(prefix)`: the IPv4 netmask in dotted form.
fn cidrnetmask(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, 1)?;
    let net = Net::parse(&string(&a[0])?)?;
    if net.bits != 32 {
        return fail("only IPv4 prefixes have a netmask");
    }
    let mask = !(shl(1, net.host_bits()).wrapping_sub(1)) as u32;
    Ok(str_val(Ipv4Addr::from(mask).to_string(), span))
}

/// `cidrsubnet(prefix, newbits, netnum)`.
fn cidrsubnet(a: &[Val], span: Span) -> R<Val> {
    arity(a, 3, 3)?;
    let net = Net::parse(&string(&a[0])?)?;
    Ok(str_val(net.subnet(int(&a[1])?, int(&a[2])?)?.text(), span))
}

/// `cidrsubnets(prefix, newbits...)`: consecutive subnets, each aligned on its own size.
fn cidrsubnets(a: &[Val], span: Span) -> R<Val> {
    arity(a, 1, usize::MAX)?;
    let net = Net::parse(&string(&a[0])?)?;
    let end = net.addr.checked_add(shl(1, net.host_bits())).map(|e| e.wrapping_sub(1));
    let last = end.unwrap_or(u128::MAX);
    let mut next = Some(net.addr);
    let mut out = Vec::new();
    for v in &a[1..] {
        let newbits = int(v)?;
        let size_net = net.subnet(newbits, 0)?;
        let size = shl(1, size_net.host_bits());
        let Some(start) = next.and_then(|n| align_up(n, size)) else {
            return fail("not enough remaining address space for the subnets");
        };
        let Some(stop) = start.checked_add(size.wrapping_sub(1)) else {
            return fail("not enough remaining address space for the subnets");
        };
        if stop > last || (size == 0 && start != net.addr) {
            return fail("not enough remaining address space for the subnets");
        }
        out.push(str_val(Net { addr: start, ..size_net }.text(), span));
        next = stop.checked_add(1);
    }
    Ok(list_val(out, span))
}

/// `n` rounded up to a multiple of `size` (a power of two; 0 stands for 2^128).
fn align_up(n: u128, size: u128) -> Option<u128> {
    if size == 0 {
        return (n == 0).then_some(0);
    }
    let mask = size - 1;
    n.checked_add(mask).map(|x| x & !mask)
}
