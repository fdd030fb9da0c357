//! Lowering of detection, logging, compute and data-service encryption resources into
//! [`Monitoring`].

use super::convert::Props;
use crate::model::*;

/// Adds the resource to `m` when it is one of this module's types.
pub fn lower(m: &mut Monitoring, meta: &ResMeta, ty: &str, p: &Props<'_>) {
    let meta = meta.clone();
    redshift(m, &meta, ty, p);
    match ty {
        "AWS::CloudTrail::Trail" => {
            let selectors_have_data = |key: &str| {
                p.val(key).is_some_and(|v| {
                    v.items().iter().any(|s| {
                        s.get("DataResources").is_some_and(|d| !d.items().is_empty())
                            || s.get("FieldSelectors").is_some_and(|d| !d.items().is_empty())
                    })
                })
            };
            m.trails.push(Trail {
                is_logging: p.boolean("IsLogging"),
                multi_region: p.boolean("IsMultiRegionTrail"),
                global_events: p.boolean("IncludeGlobalServiceEvents"),
                log_validation: p.boolean("EnableLogFileValidation"),
                kms_key: p.link("KMSKeyId"),
                log_group: p.link("CloudWatchLogsLogGroupArn"),
                bucket: p.link("S3BucketName"),
                data_events: selectors_have_data("EventSelectors") || selectors_have_data("AdvancedEventSelectors"),
                meta,
            })
        }
        "AWS::Logs::LogGroup" => {
            m.log_groups.push(LogGroup { retention_days: p.int("RetentionInDays"), kms_key: p.link("KmsKeyId"), meta })
        }
        "AWS::Logs::MetricFilter" => {
            let metrics = p
                .val("MetricTransformations")
                .map(|v| {
                    v.items()
                        .iter()
                        .map(|t| {
                            (
                                t.get("MetricNamespace").and_then(Val::scalar_text),
                                t.get("MetricName").and_then(Val::scalar_text),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            m.metric_filters.push(MetricFilter { pattern: p.string("FilterPattern"), metrics, meta })
        }
        "AWS::CloudWatch::Alarm" => {
            let query_metrics = p
                .val("Metrics")
                .map(|v| {
                    v.items()
                        .iter()
                        .filter_map(|q| q.get("MetricStat")?.get("Metric")?.get("MetricName")?.scalar_text())
                        .collect()
                })
                .unwrap_or_default();
            m.alarms.push(Alarm {
                namespace: p.string("Namespace"),
                metric_name: p.string("MetricName"),
                query_metrics,
                meta,
            })
        }
        "AWS::GuardDuty::Detector" => {
            let features = p
                .val("Features")
                .map(|v| {
                    v.items()
                        .iter()
                        .map(|f| {
                            let fp = Props::new(Some(f), f.span);
                            (fp.string("Name"), fp.string("Status"))
                        })
                        .collect()
                })
                .unwrap_or_default();
            m.detectors.push(Detector { enable: p.boolean("Enable"), features, meta })
        }
        "AWS::SecurityHub::Hub" => {
            m.security_hubs.push(SecurityHub { standards: p.strings("StandardsSubscriptionArns"), meta })
        }
        "AWS::SecurityHub::Standard" => m.hub_standards.push(HubStandard { arn: p.string("StandardsArn"), meta }),
        "AWS::Config::ConfigurationRecorder" => {
            let group = p.sub("RecordingGroup");
            let span = group.as_ref().map(|g| g.absent).unwrap_or(meta.span);
            let (all_supported, include_global) = match &group {
                Some(g) => (g.boolean("AllSupported"), g.boolean("IncludeGlobalResourceTypes")),
                None => (Field::absent(span), Field::absent(span)),
            };
            m.config_recorders.push(ConfigRecorder { group_span: span, all_supported, include_global, meta })
        }
        "AWS::Config::DeliveryChannel" => m.delivery_channels.push(meta),
        "AWS::AccessAnalyzer::Analyzer" => m.access_analyzers.push(meta),
        "AWS::Backup::BackupPlan" => {
            let rules = match p.sub("BackupPlan") {
                Some(bp) => bp.list_of("BackupPlanRule", |r| {
                    let rp = Props::new(Some(r), r.span);
                    let lc = rp.sub("Lifecycle");
                    BackupRule {
                        span: r.span,
                        name: rp.string("RuleName"),
                        delete_after_days: lc
                            .as_ref()
                            .map(|l| l.int("DeleteAfterDays"))
                            .unwrap_or_else(|| Field::absent(r.span)),
                        lifecycle: lc.is_some(),
                    }
                }),
                None => Field::absent(meta.props_span),
            };
            m.backup_plans.push(BackupPlan { rules, meta })
        }
        "AWS::EC2::LaunchTemplate" | "AWS::AutoScaling::LaunchConfiguration" => {
            let data = if ty == "AWS::EC2::LaunchTemplate" { p.sub("LaunchTemplateData") } else { None };
            let base = data.as_ref().unwrap_or(p);
            let (http_tokens, http_endpoint) = match base.sub("MetadataOptions") {
                Some(mo) => (mo.string("HttpTokens"), mo.string("HttpEndpoint")),
                None => (Field::absent(base.absent), Field::absent(base.absent)),
            };
            m.instance_metadata.push(InstanceMetadata { http_tokens, http_endpoint, meta })
        }
        "AWS::EC2::Instance" => {
            // An instance launched from a launch template without its own `MetadataOptions`
            // takes the template's (checked there).
            let own = p.sub("MetadataOptions");
            if own.is_none() && p.val("LaunchTemplate").is_some() {
                return;
            }
            let (http_tokens, http_endpoint) = match own {
                Some(mo) => (mo.string("HttpTokens"), mo.string("HttpEndpoint")),
                None => (Field::absent(p.absent), Field::absent(p.absent)),
            };
            m.instance_metadata.push(InstanceMetadata { http_tokens, http_endpoint, meta })
        }
        "AWS::WAFv2::WebACLAssociation" => {
            let target = p.link("ResourceArn");
            m.waf_associations.push((meta, target))
        }
        "AWS::RDS::DBInstance" | "AWS::RDS::DBCluster" => m.databases.push(DbOperations {
            deletion_protection: p.boolean("DeletionProtection"),
            log_exports: p.strings("EnableCloudwatchLogsExports"),
            // A cluster's `DBClusterIdentifier` is its own name; an instance's names its cluster.
            in_cluster: ty == "AWS::RDS::DBInstance" && p.val("DBClusterIdentifier").is_some(),
            replica: p.val("SourceDBInstanceIdentifier").is_some(),
            engine: p.string("Engine"),
            engine_version: p.string("EngineVersion"),
            engine_mode: p.string("EngineMode"),
            iam_auth: p.boolean("EnableIAMDatabaseAuthentication"),
            multi_az: p.boolean("MultiAZ"),
            auto_minor_upgrade: p.boolean("AutoMinorVersionUpgrade"),
            meta,
        }),
        "AWS::CloudFront::Distribution" => {
            let acl = match p.sub("DistributionConfig") {
                Some(dc) => dc.string("WebACLId"),
                None => Field { value: Tri::Unknown, span: meta.span, origin: None },
            };
            if let Some(dc) = p.sub("DistributionConfig") {
                m.distribution_viewers.push(distribution_viewer(&meta, &dc));
            }
            m.distributions.push((meta, acl))
        }
        "AWS::SSM::Parameter" => {
            m.ssm_parameters.push(SsmParameter { name: p.string("Name"), kind: p.string("Type"), meta })
        }
        "AWS::ApiGateway::RestApi" => {
            let endpoint_types = match p.sub("EndpointConfiguration") {
                Some(e) => e.strings("Types"),
                None => Field::absent(meta.props_span),
            };
            m.rest_apis.push(RestApi { endpoint_types, meta })
        }
        "AWS::ApiGateway::Method" => m.api_methods.push(ApiMethod {
            rest_api: p.link("RestApiId"),
            http_method: p.string("HttpMethod"),
            authorization_type: p.string("AuthorizationType"),
            api_key_required: p.boolean("ApiKeyRequired"),
            meta,
        }),
        "AWS::ApiGateway::Stage" => {
            m.api_stages.push(ApiStage { rest_api: p.link("RestApiId"), stage_name: p.string("StageName"), meta })
        }
        "AWS::SecretsManager::Secret" => m.secrets.push(meta),
        "AWS::SecretsManager::RotationSchedule" => m.rotation_schedules.push(p.link("SecretId")),
        _ => encryption(m, &meta, ty, p),
    }
}

/// The viewer side of a distribution's `DistributionConfig`.
fn distribution_viewer(meta: &ResMeta, dc: &Props<'_>) -> DistributionViewer {
    let mut protocol_policies = Vec::new();
    if let Some(d) = dc.sub("DefaultCacheBehavior") {
        protocol_policies.push((None, d.string("ViewerProtocolPolicy")));
    }
    for b in dc.val("CacheBehaviors").map(Val::items).unwrap_or_default() {
        let bp = Props::new(Some(b), b.span);
        protocol_policies.push((b.get("PathPattern").and_then(Val::scalar_text), bp.string("ViewerProtocolPolicy")));
    }
    let (default_certificate, own_certificate, minimum_protocol_version, certificate_span) =
        match dc.sub("ViewerCertificate") {
            Some(vc) => (
                vc.boolean("CloudFrontDefaultCertificate"),
                vc.val("AcmCertificateArn").is_some() || vc.val("IamCertificateId").is_some(),
                vc.string("MinimumProtocolVersion"),
                dc.span_of("ViewerCertificate").unwrap_or(vc.absent),
            ),
            None => (Field::absent(dc.absent), false, Field::absent(dc.absent), dc.absent),
        };
    DistributionViewer {
        meta: meta.clone(),
        protocol_policies,
        default_certificate,
        own_certificate,
        minimum_protocol_version,
        certificate_span,
    }
}

/// Redshift clusters and their parameter groups (their encryption switch is in [`encryption`]).
fn redshift(m: &mut Monitoring, meta: &ResMeta, ty: &str, p: &Props<'_>) {
    match ty {
        "AWS::Redshift::Cluster" => m.redshift_clusters.push(RedshiftCluster {
            meta: meta.clone(),
            parameter_group: p.link("ClusterParameterGroupName"),
            parameter_group_source_name: "ClusterParameterGroupName",
        }),
        "AWS::Redshift::ClusterParameterGroup" => {
            let parameters = match p.val("Parameters") {
                None => Field::absent(meta.props_span),
                Some(v) => {
                    let span = p.span_of("Parameters").unwrap_or(v.span);
                    let entries: Option<Vec<_>> = match &v.kind {
                        VKind::List(items) => items
                            .iter()
                            .map(|item| {
                                let name = item.get("ParameterName")?.as_str()?.to_string();
                                let value = item.get("ParameterValue");
                                let span = value.map_or(item.span, |v| v.span);
                                Some((name, super::convert::field(value, span, Val::scalar_text)))
                            })
                            .collect(),
                        _ => None,
                    };
                    match entries {
                        Some(e) => Field { value: Tri::Known(e), span, origin: None },
                        None => Field { value: Tri::Unknown, span, origin: v.origin.clone() },
                    }
                }
            };
            m.redshift_parameter_groups.push(DbParameterGroup {
                meta: meta.clone(),
                family: p.string("ParameterGroupFamily"),
                parameters,
            })
        }
        _ => {}
    }
}

/// The encryption switches of data services.
fn encryption(m: &mut Monitoring, meta: &ResMeta, ty: &str, p: &Props<'_>) {
    use EncryptionState::*;
    let mut push = |what: &'static str, source_name: &'static str, state: EncryptionState, span| {
        m.encryption.push(EncryptionSetting { meta: meta.clone(), what, source_name, state, span })
    };
    // A boolean whose absence means off.
    let flag = |p: &Props<'_>, key: &str| -> (EncryptionState, crate::source::Span) {
        let f = p.boolean(key);
        let state = match (&f.value, f.get()) {
            (Tri::Absent, _) => Off,
            (_, Some(true)) => On,
            (_, Some(false)) => Off,
            _ => Unknown,
        };
        (state, f.span)
    };
    // A key reference whose absence means off.
    let key_set = |p: &Props<'_>, key: &str| -> (EncryptionState, crate::source::Span) {
        let f = p.string(key);
        let state = match &f.value {
            Tri::Absent => Off,
            Tri::Known(s) if s.trim().is_empty() => Off,
            Tri::Known(_) => On,
            Tri::Unknown => {
                if p.link(key).get().is_some() {
                    On
                } else {
                    Unknown
                }
            }
        };
        (state, f.span)
    };
    match ty {
        "AWS::EC2::Volume" => {
            // Without `Encrypted`, a volume created from a snapshot is encrypted as the snapshot
            // is, and otherwise the account's EBS encryption-by-default setting decides.
            let f = p.boolean("Encrypted");
            let state = match &f.value {
                Tri::Known(true) => On,
                Tri::Known(false) => Off,
                Tri::Absent if p.val("SnapshotId").is_none() => AccountDefault,
                _ => Unknown,
            };
            push("at rest", "Encrypted", state, f.span);
        }
        "AWS::EFS::FileSystem" => {
            let (s, span) = flag(p, "Encrypted");
            push("at rest", "Encrypted", s, span);
        }
        "AWS::SNS::Topic" => {
            let (s, span) = key_set(p, "KmsMasterKeyId");
            push("at rest", "KmsMasterKeyId", s, span);
        }
        "AWS::SQS::Queue" => {
            // Queues get SQS-managed encryption unless it is switched off without a KMS key.
            let (kms, _) = key_set(p, "KmsMasterKeyId");
            let managed = p.boolean("SqsManagedSseEnabled");
            let state = match (kms, managed.get()) {
                (On, _) => On,
                (Unknown | AccountDefault, _) => Unknown,
                (Off, Some(false)) => Off,
                (Off, _) if managed.is_unknown() => Unknown,
                (Off, _) => On,
            };
            push("at rest", "SqsManagedSseEnabled", state, managed.span);
        }
        "AWS::ElastiCache::ReplicationGroup" => {
            let (s, span) = flag(p, "AtRestEncryptionEnabled");
            push("at rest", "AtRestEncryptionEnabled", s, span);
            let (s, span) = flag(p, "TransitEncryptionEnabled");
            push("in transit", "TransitEncryptionEnabled", s, span);
        }
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            for (map, key, what, property) in [
                ("EncryptionAtRestOptions", "Enabled", "at rest", "EncryptionAtRestOptions.Enabled"),
                ("NodeToNodeEncryptionOptions", "Enabled", "in transit", "NodeToNodeEncryptionOptions.Enabled"),
                ("DomainEndpointOptions", "EnforceHTTPS", "in transit", "DomainEndpointOptions.EnforceHTTPS"),
            ] {
                let (s, span) = match p.sub(map) {
                    Some(sub) => flag(&sub, key),
                    None => (Off, meta.props_span),
                };
                push(what, property, s, span);
            }
        }
        "AWS::DocDB::DBCluster" | "AWS::Neptune::DBCluster" => {
            // A restored cluster takes its encryption from the snapshot or the source cluster.
            if p.val("SnapshotIdentifier").is_some() || p.val("SourceDBClusterIdentifier").is_some() {
                return;
            }
            let (s, span) = flag(p, "StorageEncrypted");
            push("at rest", "StorageEncrypted", s, span);
        }
        "AWS::Redshift::Cluster" => {
            // New clusters are encrypted by default; only an explicit `false` is off.
            let f = p.boolean("Encrypted");
            if f.is_false() {
                push("at rest", "Encrypted", Off, f.span);
            } else if f.is_true() || f.is_absent() {
                push("at rest", "Encrypted", On, f.span);
            }
        }
        _ => {}
    }
}
