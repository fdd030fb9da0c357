//! Encryption of managed data services (data layer): EFS, SNS, SQS, ElastiCache, OpenSearch
//! and Redshift, at rest and in transit.

use super::{Builtin, Sink, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{EncryptionState, Model};

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&AT_REST, &IN_TRANSIT];

const TYPES: &[&str] = &[
    kind::EC2_VOLUME,
    kind::EFS_FILE_SYSTEM,
    kind::SNS_TOPIC,
    kind::SQS_QUEUE,
    kind::ELASTICACHE_REPLICATION_GROUP,
    kind::OPENSEARCH_DOMAIN,
    kind::REDSHIFT_CLUSTER,
];

fn report(m: &Model, out: &mut Sink<'_>, what: &str) {
    for e in &m.monitoring.encryption {
        if e.what == what && e.state == EncryptionState::Off {
            out.report(
                &e.meta,
                e.span,
                format!(
                    "{} `{}` is not encrypted {what} ({} is off or not set)",
                    e.meta.kind, e.meta.id, e.source_name
                ),
            );
        }
    }
}

pub static AT_REST: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ENC-001",
        slug: "data-service-unencrypted-at-rest",
        title: "Managed data service is not encrypted at rest",
        severity: Severity::High,
        layer: Layer::Data,
        service: "data-services",
        well_architected: &["SEC08-BP02"],
        controls: &["DATA-16"],
        resource_types: TYPES,
        remediation: "Turn encryption at rest on where the resource is created (it usually cannot be added \
later): EBS volumes `Encrypted: true` (or encryption by default in the account); EFS `Encrypted: true` with `KmsKeyId`; SNS `KmsMasterKeyId: alias/aws/sns` or a customer key; SQS keep \
`SqsManagedSseEnabled` or set `KmsMasterKeyId`; ElastiCache `AtRestEncryptionEnabled: true`; OpenSearch \
`EncryptionAtRestOptions: {Enabled: true}`; Redshift `Encrypted: true`.",
        description: "Data at rest without encryption is readable from snapshots, backups and the underlying \
storage by anyone who obtains them, and fails most compliance baselines. For these services encryption is a \
creation-time setting, and except for SQS and Redshift it is off unless the template asks for it. \
An EBS volume without `Encrypted` follows the account's encryption-by-default setting and is \
not reported; DynamoDB tables are always encrypted and are not checked.",
    },
    check: |m, _, out| report(m, out, "at rest"),
};

pub static IN_TRANSIT: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ENC-002",
        slug: "data-service-unencrypted-in-transit",
        title: "Managed data service accepts unencrypted connections",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "data-services",
        well_architected: &["SEC09-BP02"],
        controls: &["DATA-16"],
        resource_types: &[kind::ELASTICACHE_REPLICATION_GROUP, kind::OPENSEARCH_DOMAIN],
        remediation: "ElastiCache: `TransitEncryptionEnabled: true` (with an `AuthToken` or RBAC user group). \
OpenSearch: `NodeToNodeEncryptionOptions: {Enabled: true}` and `DomainEndpointOptions: {EnforceHTTPS: true, \
TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07}`.",
        description: "Without TLS, cache commands, search queries and the documents they return cross the \
network in clear text, and credentials sent on the connection can be captured. Node-to-node encryption protects \
replication traffic inside an OpenSearch domain; `EnforceHTTPS` refuses plain HTTP on its endpoint.",
    },
    check: |m, _, out| report(m, out, "in transit"),
};
