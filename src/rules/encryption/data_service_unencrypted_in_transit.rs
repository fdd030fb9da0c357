//! PAL-ENC-002 `data-service-unencrypted-in-transit`: Managed data service accepts unencrypted connections.

use super::report;
use crate::model::kind;

rule!(RULE,
    id: "PAL-ENC-002",
    slug: "data-service-unencrypted-in-transit",
    title: "Managed data service accepts unencrypted connections",
    severity: Medium,
    layer: Data,
    service: "data-services",
    controls: &["DATA-16"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "fsbp:ElastiCache.5", "fsbp:OpenSearch.3", "fsbp:ES.3"],
    resource_types: &[kind::ELASTICACHE_REPLICATION_GROUP, kind::OPENSEARCH_DOMAIN],
    remediation: "ElastiCache: `TransitEncryptionEnabled: true` (with an `AuthToken` or RBAC user group). \
OpenSearch: `NodeToNodeEncryptionOptions: {Enabled: true}` and `DomainEndpointOptions: {EnforceHTTPS: true, \
TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07}`.",
    description: "Without TLS, cache commands, search queries and the documents they return cross the \
network in clear text, and credentials sent on the connection can be captured. Node-to-node encryption protects \
replication traffic inside an OpenSearch domain; `EnforceHTTPS` refuses plain HTTP on its endpoint.",
    check: |m, _, out| report(m, out, "in transit"),
);
