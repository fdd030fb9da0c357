//! PAL-ENC-004 `redshift-tls-not-required`: Redshift cluster accepts connections without TLS.

use crate::model::{Link, Tri, kind};

/// Does a `require_ssl` value require TLS?
fn requires(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "on")
}

rule!(RULE,
    id: "PAL-ENC-004",
    slug: "redshift-tls-not-required",
    title: "Redshift cluster accepts connections without TLS",
    severity: Medium,
    layer: Data,
    service: "redshift",
    controls: &["DATA-16"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "fsbp:Redshift.2"],
    resource_types: &[kind::REDSHIFT_CLUSTER, kind::REDSHIFT_PARAMETER_GROUP],
    remediation: "Give the cluster a parameter group of its own (`AWS::Redshift::ClusterParameterGroup`, \
Terraform `aws_redshift_parameter_group`) with the parameter `require_ssl` set to `true`, and name it in the \
cluster's `ClusterParameterGroupName` (`cluster_parameter_group_name`). Clients then need `sslmode=require` \
or stricter.",
    description: "A Redshift cluster accepts client connections with or without TLS unless its parameter \
group sets `require_ssl` to `true`; a client that does not insist on TLS then sends credentials and query \
results in clear, readable and alterable by anyone on the path. The parameter cannot be changed in a default \
parameter group, and the classic default group (`default.redshift-1.0`) leaves it `false`, so a cluster \
that names no group of its own is reported too. A group that is not defined with the cluster (other than the \
default one) cannot be inspected and is not reported.",
    check: |m, _, out| {
        let mon = &m.monitoring;
        for c in &mon.redshift_clusters {
            let pg = &c.parameter_group;
            match &pg.value {
                Tri::Absent => {
                    out.report(
                        &c.meta,
                        c.meta.span,
                        msg!("redshift-tls-not-required-cluster-set", cluster = c.meta.id, parameter_group_source_name = c.parameter_group_source_name),
                    );
                }
                Tri::Known(Link::External(name)) if name.trim().eq_ignore_ascii_case("default.redshift-1.0") => {
                    out.report_field(
                        &c.meta,
                        pg,
                        msg!("redshift-tls-not-required-cluster-leaves", cluster = c.meta.id, name = name),
                    );
                }
                Tri::Known(Link::Local(id)) => {
                    let Some(g) = mon.redshift_parameter_groups.iter().find(|g| *g.meta.id == **id) else { continue };
                    if g.parameters.is_unknown() {
                        continue;
                    }
                    let finding = match g.parameter("require_ssl") {
                        Some(v) if v.get().is_none_or(|s| requires(s)) => continue,
                        Some(v) => out.report_field(
                            &g.meta,
                            v,
                            msg!("redshift-tls-not-required-parameter-group", group = g.meta.id, cluster = c.meta.id, v = v.get().map(String::as_str).unwrap_or("")),
                        ),
                        None => {
                            let span = if g.parameters.is_absent() { g.meta.span } else { g.parameters.span };
                            out.report(
                                &g.meta,
                                span,
                                msg!("redshift-tls-not-required-parameter-group-2", group = g.meta.id, cluster = c.meta.id),
                            )
                        }
                    };
                    finding.with_related(c.meta.span, msg!("redshift-tls-not-required-uses-parameter", name = c.meta.id));
                }
                _ => {}
            }
        }
    },
);
