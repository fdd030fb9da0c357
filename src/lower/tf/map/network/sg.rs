//! Security groups and their rules. One Terraform rule with several sources (CIDR blocks,
//! groups, prefix lists, `self`) is one CloudFormation rule per source, each pointing at its
//! source.

use super::{Props, arg, prim, reference, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::Primary;
use crate::model::{Origin, VKind, Val};
use crate::source::Span;

pub(super) fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    match r.rtype.as_str() {
        "aws_security_group" | "aws_default_security_group" => Some(group(r)),
        "aws_security_group_rule" => {
            let egress = match arg(a, "type").and_then(|(_, v)| v.as_str()) {
                Some("ingress") => false,
                Some("egress") => true,
                _ => return None,
            };
            let mut rules = rules(a, egress, &r.address, Some("source_security_group_id")).into_iter();
            let first = rules.next()?;
            let ty = rule_type(egress);
            let mut prim = Primary::new(ty, with_group(a, first));
            for (i, rule) in rules.enumerate() {
                let span = rule.span;
                prim.parts.push(super::Part {
                    suffix: format!("/rule[{}]", i + 1),
                    cfn_type: ty,
                    props: with_group(a, rule),
                    span,
                });
            }
            Some(prim)
        }
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let egress = r.rtype.ends_with("egress_rule");
            let (group, prefix) = source_keys(egress);
            let mut p = Props::new(a.span);
            p.copy_all(
                a,
                &[
                    ("security_group_id", "GroupId"),
                    ("ip_protocol", "IpProtocol"),
                    ("from_port", "FromPort"),
                    ("to_port", "ToPort"),
                    ("cidr_ipv4", "CidrIp"),
                    ("cidr_ipv6", "CidrIpv6"),
                    ("referenced_security_group_id", group),
                    ("prefix_list_id", prefix),
                ],
            );
            description(a, &mut p);
            prim(rule_type(egress), p)
        }
        _ => None,
    }
}

fn rule_type(egress: bool) -> &'static str {
    if egress { "AWS::EC2::SecurityGroupEgress" } else { "AWS::EC2::SecurityGroupIngress" }
}

/// The properties naming a rule's source (or destination) group and prefix list.
fn source_keys(egress: bool) -> (&'static str, &'static str) {
    if egress {
        ("DestinationSecurityGroupId", "DestinationPrefixListId")
    } else {
        ("SourceSecurityGroupId", "SourcePrefixListId")
    }
}

/// A standalone rule's properties with the group it belongs to.
fn with_group(a: &Val, mut rule: Val) -> Val {
    if let Some((k, v)) = arg(a, "security_group_id") {
        crate::lower::tf::map::set(&mut rule, "GroupId", v.clone(), k);
    }
    rule
}

/// A security group with its inline rules. Terraform removes the allow-all egress rule AWS
/// gives a new group, and the default group's rules are exactly those written: a group
/// without rules of a direction has none.
fn group(r: &TfResource) -> Primary {
    let a = &r.attrs;
    let default = r.rtype == "aws_default_security_group";
    let mut p = Props::new(a.span);
    p.copy(a, "vpc_id", "VpcId");
    if !default {
        match arg(a, "description") {
            Some((k, v)) => p.put("GroupDescription", k, v.clone()),
            // The provider's default description.
            None => p.put("GroupDescription", r.span, text("Managed by Terraform", r.span)),
        };
    }
    for (key, cfn, egress) in [("ingress", "SecurityGroupIngress", false), ("egress", "SecurityGroupEgress", true)] {
        match arg(a, key) {
            Some((k, v)) if matches!(v.kind, VKind::List(_)) => {
                let list = v
                    .items()
                    .into_iter()
                    .filter(|b| matches!(b.kind, VKind::Map(_)))
                    .flat_map(|b| rules(b, egress, &r.address, None))
                    .collect();
                p.put(cfn, k, Val::new(VKind::List(list), v.span));
            }
            Some((k, v)) => {
                p.put(cfn, k, v.clone());
            }
            None if egress || default => {
                p.put(cfn, r.span, Val::new(VKind::List(Vec::new()), r.span));
            }
            None => {}
        }
    }
    Primary::new("AWS::EC2::SecurityGroup", p.build())
}

/// A rule's `description`, kept when empty: an empty description is written, and reported as
/// such (plan files write an unset one as an empty string too).
fn description(b: &Val, p: &mut Props) {
    if let Some(v) = b.get("description")
        && matches!(v.kind, VKind::Str(_) | VKind::Unknown(_))
    {
        p.put("Description", b.key_span("description").unwrap_or(v.span), v.clone());
    }
}

/// An element of list `list` as the rule uses it: when the list was written elsewhere (a
/// variable's default, a local), the element points at the use, as a single value taken from
/// there does, and its origin at where it was written.
fn element(list: &Val, item: &Val) -> Val {
    let mut out = item.clone();
    if let Some(o) = &list.origin
        && item.origin.is_none()
    {
        out.origin = Some(Origin::new(item.span, o.note.clone()));
        out.span = list.span;
    }
    out
}

/// The CloudFormation rules of one Terraform rule `b` of the group at `address`: one per
/// source, or one without a source when it names none. `group_arg` is the argument naming a
/// single source group, for standalone rules.
fn rules(b: &Val, egress: bool, address: &str, group_arg: Option<&str>) -> Vec<Val> {
    let (group, prefix) = source_keys(egress);
    let mut out = Vec::new();
    let mut add = |key: &str, k: Span, v: &Val| {
        let mut p = Props::new(v.span);
        p.copy_all(b, &[("protocol", "IpProtocol"), ("from_port", "FromPort"), ("to_port", "ToPort")]);
        description(b, &mut p);
        p.put(key, k, v.clone());
        out.push(p.build());
    };
    for (tf, cfn) in [
        ("cidr_blocks", "CidrIp"),
        ("ipv6_cidr_blocks", "CidrIpv6"),
        ("prefix_list_ids", prefix),
        ("security_groups", group),
    ] {
        let Some((k, v)) = arg(b, tf) else { continue };
        match &v.kind {
            VKind::List(items) => {
                for item in items.iter().filter(|i| !matches!(i.kind, VKind::Null)) {
                    add(cfn, k, &element(v, item));
                }
            }
            _ => add(cfn, k, v),
        }
    }
    if let Some((k, v)) = group_arg.and_then(|g| arg(b, g)) {
        add(group, k, v);
    }
    if let Some((k, v)) = arg(b, "self") {
        match v.as_bool() {
            Some(true) => add(group, k, &reference(address, "id", v.span)),
            Some(false) => {}
            None => add(group, k, &Val::unknown("whether the rule admits its own group cannot be decided", v.span)),
        }
    }
    if out.is_empty() {
        let mut p = Props::new(b.span);
        p.copy_all(b, &[("protocol", "IpProtocol"), ("from_port", "FromPort"), ("to_port", "ToPort")]);
        description(b, &mut p);
        out.push(p.build());
    }
    out
}
