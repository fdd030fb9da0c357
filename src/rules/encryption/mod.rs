//! Encryption of managed data services (data layer): EBS, EFS, SNS, SQS, ElastiCache,
//! OpenSearch, Redshift, DocumentDB and Neptune, at rest and in transit.

use super::Sink;
use crate::model::{EncryptionState, Model};

pub mod data_service_unencrypted_at_rest;
pub mod data_service_unencrypted_in_transit;
pub mod ebs_encryption_by_default_off;
pub mod ebs_volume_encryption_unset;
pub mod redshift_tls_not_required;

super::area_rules!("encryption");

fn report(m: &Model, out: &mut Sink<'_>, what: &str) {
    for e in &m.monitoring.encryption {
        if e.what == what && e.state == EncryptionState::Off {
            out.report(
                &e.meta,
                e.span,
                msg!(
                    "encryption-encrypted-off",
                    kind = e.meta.kind,
                    name = e.meta.id,
                    what = what,
                    source_name = e.source_name
                ),
            );
        }
    }
}
