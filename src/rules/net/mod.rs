//! Network reachability from the internet (network layer): findings from the analysis in
//! [`crate::analyze::reach`], each with its whole path as related locations.
//!
//! Every exposed resource port is classified once: a database, cache or search cluster
//! (PAL-NET-001), else SSH/RDP (PAL-NET-002), else any port that is not plain web traffic
//! (PAL-NET-003). PAL-NET-004 lists every exposure, web ports included.

use super::Sink;
use crate::analyze::Facts;
use crate::analyze::reach::{Exposure, Verdict};
use crate::model::kind;

pub mod admin_port_reachable;
pub mod data_store_reachable;
pub mod exposure_inventory;
pub mod non_web_port_reachable;

super::area_rules!("net");

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

/// Does the rule `id` judge the reachability analysis's verdicts? (Every rule of this area
/// does, and no other.)
pub fn judges_reachability(id: &str) -> bool {
    RULES.iter().any(|r| r.meta.id == id)
}

/// What the resource is, for messages.
/// A step of a path, as related locations name it.
fn hop_kind(k: crate::analyze::reach::HopKind) -> crate::i18n::Message {
    use crate::analyze::reach::HopKind;
    match k {
        HopKind::PublicAddress => msg!("net-hop-public-address"),
        HopKind::Route => msg!("net-hop-route"),
        HopKind::NaclInbound => msg!("net-hop-nacl-inbound"),
        HopKind::NaclOutbound => msg!("net-hop-nacl-outbound"),
        HopKind::SecurityGroup => msg!("net-hop-security-group"),
        HopKind::LoadBalancer => msg!("net-hop-load-balancer"),
        HopKind::Placement => msg!("net-hop-placement"),
    }
}

fn what(e: &Exposure) -> String {
    format!("{} `{}`", kind::noun(&e.resource), e.resource.id)
}

/// Reports the exposed rows that `want` selects, with the path.
fn report(facts: &Facts<'_>, out: &mut Sink<'_>, want: impl Fn(&Exposure) -> Option<crate::i18n::Message>) {
    for e in &facts.reachability().exposures {
        if e.verdict != Verdict::Exposed {
            continue;
        }
        let Some(why) = want(e) else { continue };
        let via = e.via.as_deref().map(|v| msg!("net-via-lb", lb = v)).unwrap_or_default();
        let f = out.report(
            &e.resource,
            e.resource.span,
            msg!(
                "net-reachable-internet",
                target = what(e),
                port_text = e.port_text(),
                via = via,
                why = why,
                path_text = e.path_text()
            ),
        );
        for h in &e.path {
            f.with_related(h.span, msg!("net-message", kind = hop_kind(h.kind), text = h.text));
        }
    }
}

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
