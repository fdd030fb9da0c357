//! PAL-ENC-001 `data-service-unencrypted-at-rest`: Managed data service is not encrypted at rest.

use super::report;
use crate::model::kind;

const TYPES: &[&str] = &[
    kind::EC2_VOLUME,
    kind::EFS_FILE_SYSTEM,
    kind::SNS_TOPIC,
    kind::SQS_QUEUE,
    kind::ELASTICACHE_REPLICATION_GROUP,
    kind::OPENSEARCH_DOMAIN,
    kind::REDSHIFT_CLUSTER,
    kind::DOCDB_CLUSTER,
    kind::NEPTUNE_CLUSTER,
];

rule!(RULE,
    id: "PAL-ENC-001",
    slug: "data-service-unencrypted-at-rest",
    title: "Managed data service is not encrypted at rest",
    severity: High,
    layer: Data,
    service: "data-services",
    controls: &["DATA-16"],
    well_architected: &["SEC08-BP02"],
    compliance: &[
        "isms-p:2.7.1", "cis-6.0:3.3.1", "cis-7.0:3.3.1", "pci-4.0:3.5.1", "fsbp:EC2.3", "fsbp:EFS.1",
        "fsbp:SNS.1", "fsbp:SQS.1", "fsbp:ElastiCache.4", "fsbp:OpenSearch.1", "fsbp:ES.1",
        "fsbp:Redshift.10", "fsbp:DocumentDB.1", "fsbp:Neptune.1",
    ],
    resource_types: TYPES,
    remediation: "Turn encryption at rest on where the resource is created (it usually cannot be added \
later): EBS volumes `Encrypted: true` (or encryption by default in the account); EFS `Encrypted: true` with `KmsKeyId`; SNS `KmsMasterKeyId: alias/aws/sns` or a customer key; SQS keep \
`SqsManagedSseEnabled` or set `KmsMasterKeyId`; ElastiCache `AtRestEncryptionEnabled: true`; OpenSearch \
`EncryptionAtRestOptions: {Enabled: true}`; Redshift `Encrypted: true`; DocumentDB and Neptune clusters \
`StorageEncrypted: true`, with `KmsKeyId` for a customer-managed key.",
    description: "Data at rest without encryption is readable from snapshots, backups and the underlying \
storage by anyone who obtains them, and fails most compliance baselines. For these services encryption is a \
creation-time setting, and except for SQS and Redshift it is off unless the template asks for it \
(DocumentDB and Neptune clusters included: `StorageEncrypted` defaults to `false`; a cluster restored from a \
snapshot or another cluster takes the source's encryption and is not reported). \
An EBS volume without `Encrypted` follows the account's encryption-by-default setting and is \
reported by PAL-ENC-003 instead; DynamoDB tables are always encrypted and are not checked.",
    check: |m, _, out| report(m, out, "at rest"),
);
