//! Data, identity, encryption and monitoring resources of the AWS provider.
//!
//! | Terraform type | CloudFormation type (split-off resources joined in) |
//! |---|---|
//! | `aws_s3_bucket` | `AWS::S3::Bucket` (`aws_s3_bucket_public_access_block`, `_server_side_encryption_configuration`, `_versioning`, `_logging`, `_acl`, `_ownership_controls`, `_lifecycle_configuration`) |
//! | `aws_s3_bucket_policy` | `AWS::S3::BucketPolicy` |
//! | `aws_iam_role` | `AWS::IAM::Role` (`aws_iam_role_policy_attachment`, `aws_iam_policy_attachment`) |
//! | `aws_iam_user` | `AWS::IAM::User` (`aws_iam_user_policy_attachment`, `aws_iam_policy_attachment`, `aws_iam_user_group_membership`, `aws_iam_user_login_profile`) |
//! | `aws_iam_group` | `AWS::IAM::Group` (`aws_iam_group_policy_attachment`, `aws_iam_policy_attachment`) |
//! | `aws_iam_policy` | `AWS::IAM::ManagedPolicy` |
//! | `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy` | `AWS::IAM::Policy` |
//! | `aws_iam_group_membership` | `AWS::IAM::UserToGroupAddition` |
//! | `aws_iam_access_key` | `AWS::IAM::AccessKey` |
//! | `aws_lambda_permission` | `AWS::Lambda::Permission` |
//! | `aws_organizations_policy` | `AWS::Organizations::Policy` (`aws_organizations_policy_attachment`) |
//! | `aws_sns_topic_policy` | `AWS::SNS::TopicPolicy` |
//! | `aws_sqs_queue_policy` | `AWS::SQS::QueuePolicy` |
//! | `aws_kms_key` | `AWS::KMS::Key` |
//! | `aws_db_instance`, `aws_rds_cluster_instance` | `AWS::RDS::DBInstance` |
//! | `aws_rds_cluster` | `AWS::RDS::DBCluster` |
//! | `aws_db_parameter_group` | `AWS::RDS::DBParameterGroup` |
//! | `aws_rds_cluster_parameter_group` | `AWS::RDS::DBClusterParameterGroup` |
//! | `aws_db_subnet_group` | `AWS::RDS::DBSubnetGroup` |
//! | `aws_docdb_cluster` | `AWS::DocDB::DBCluster` |
//! | `aws_neptune_cluster` | `AWS::Neptune::DBCluster` |
//! | `aws_ebs_volume` | `AWS::EC2::Volume` |
//! | `aws_efs_file_system` | `AWS::EFS::FileSystem` |
//! | `aws_secretsmanager_secret` | `AWS::SecretsManager::Secret` |
//! | `aws_secretsmanager_secret_rotation` | `AWS::SecretsManager::RotationSchedule` |
//! | `aws_ssm_parameter` | `AWS::SSM::Parameter` |
//! | `aws_sns_topic` | `AWS::SNS::Topic` |
//! | `aws_sqs_queue` | `AWS::SQS::Queue` |
//! | `aws_ecr_repository` | `AWS::ECR::Repository` |
//! | `aws_eks_cluster` | `AWS::EKS::Cluster` |
//! | `aws_eks_node_group` | `AWS::EKS::Nodegroup` |
//! | `aws_backup_plan` | `AWS::Backup::BackupPlan` |
//! | `aws_cloudfront_distribution` | `AWS::CloudFront::Distribution` |
//! | `aws_wafv2_web_acl_association` | `AWS::WAFv2::WebACLAssociation` |
//! | `aws_api_gateway_rest_api`, `aws_api_gateway_method`, `aws_api_gateway_stage` | `AWS::ApiGateway::RestApi`, `::Method`, `::Stage` |
//! | `aws_cloudtrail` | `AWS::CloudTrail::Trail` |
//! | `aws_cloudwatch_log_group` | `AWS::Logs::LogGroup` |
//! | `aws_cloudwatch_log_metric_filter` | `AWS::Logs::MetricFilter` |
//! | `aws_cloudwatch_metric_alarm` | `AWS::CloudWatch::Alarm` |
//! | `aws_guardduty_detector` | `AWS::GuardDuty::Detector` (`datasources` and `aws_guardduty_detector_feature` as `Features`) |
//! | `aws_securityhub_account` | `AWS::SecurityHub::Hub` |
//! | `aws_securityhub_standards_subscription` | `AWS::SecurityHub::Standard` |
//! | `aws_config_configuration_recorder` | `AWS::Config::ConfigurationRecorder` |
//! | `aws_config_delivery_channel` | `AWS::Config::DeliveryChannel` |
//! | `aws_accessanalyzer_analyzer` | `AWS::AccessAnalyzer::Analyzer` |
//!
//! `data "aws_iam_policy_document"` becomes a policy ([`policy_document`]).

use super::{Joiner, Primary, set};
use crate::lower::tf::TfResource;
use crate::model::{VKind, Val};
use crate::source::Span;

mod iam;
mod monitoring;
mod policy_doc;
mod s3;
mod store;

/// A resource of this area that stands on its own.
pub fn primary(r: &TfResource) -> Option<Primary> {
    s3::primary(r).or_else(|| iam::primary(r)).or_else(|| store::primary(r)).or_else(|| monitoring::primary(r))
}

/// A split-off resource of this area, joined into its parent; `false` when not of this area.
pub fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    s3::attach(r, j) || iam::attach(r, j) || monitoring::attach(r, j)
}

/// See [`super::policy_document`].
pub fn policy_document(attrs: &Val) -> Val {
    policy_doc::document(attrs)
}

/// CloudFormation properties built from Terraform arguments, keeping their spans.
pub(super) struct Out {
    entries: Vec<(String, Span, Val)>,
    span: Span,
}

impl Out {
    /// No properties yet; `span` is the span of the map they form.
    pub fn new(span: Span) -> Out {
        Out { entries: Vec::new(), span }
    }

    /// Sets property `cfn`.
    pub fn put(&mut self, cfn: &str, key_span: Span, v: Val) -> &mut Out {
        self.entries.retain(|(k, _, _)| k != cfn);
        self.entries.push((cfn.to_string(), key_span, v));
        self
    }

    /// Copies argument `tf` of `a` as property `cfn`; a missing or null argument is absent.
    pub fn arg(&mut self, a: &Val, tf: &str, cfn: &str) -> &mut Out {
        self.arg_with(a, tf, cfn, Val::clone)
    }

    /// Copies argument `tf` of `a` as property `cfn`, converting a known value with `conv`
    /// (references and unknown values pass through).
    pub fn arg_with(&mut self, a: &Val, tf: &str, cfn: &str, conv: impl Fn(&Val) -> Val) -> &mut Out {
        if let Some(v) = arg(a, tf) {
            let v = if is_known(v) { conv(v) } else { v.clone() };
            self.put(cfn, key_span(a, tf, v.span), v);
        }
        self
    }

    /// Argument `tf` of `a`, whatever it is, as the one item of the list property `cfn`.
    pub fn arg_one(&mut self, a: &Val, tf: &str, cfn: &str) -> &mut Out {
        if let Some(v) = arg(a, tf) {
            self.put(cfn, key_span(a, tf, v.span), one(v));
        }
        self
    }

    /// The first nested block `tf` of `a` as property `cfn`, built by `f` from the block's
    /// map. Blocks that cannot be decided make the property unknown.
    pub fn block(&mut self, a: &Val, tf: &str, cfn: &str, f: impl Fn(&Val) -> Val) -> &mut Out {
        if let Some(v) = block(a, tf) {
            let v = map_known(v, &f);
            self.put(cfn, key_span(a, tf, v.span), v);
        }
        self
    }

    /// Every nested block `tf` of `a` as the list property `cfn`, each item built by `f`.
    pub fn blocks(&mut self, a: &Val, tf: &str, cfn: &str, f: impl Fn(&Val) -> Val) -> &mut Out {
        if let Some(v) = blocks(a, tf, &f) {
            self.put(cfn, key_span(a, tf, v.span), v);
        }
        self
    }

    /// Sets `cfn` to the provider's default `v` when it is not set.
    pub fn default(&mut self, cfn: &str, v: Val) -> &mut Out {
        if !self.entries.iter().any(|(k, _, _)| k == cfn) {
            let span = v.span;
            self.put(cfn, span, v);
        }
        self
    }

    /// The properties as a map value, consuming the builder.
    pub fn into_val(self) -> Val {
        super::map_val(self.entries, self.span)
    }
}

/// A known value: neither unknown nor a reference.
pub(super) fn is_known(v: &Val) -> bool {
    !matches!(v.kind, VKind::Unknown(_) | VKind::Ref(_))
}

/// Argument `tf` of `a`, unless missing or null.
pub(super) fn arg<'v>(a: &'v Val, tf: &str) -> Option<&'v Val> {
    a.get(tf).filter(|v| !matches!(v.kind, VKind::Null | VKind::NoValue))
}

/// The span of key `tf` in `a`, or `or`.
fn key_span(a: &Val, tf: &str, or: Span) -> Span {
    a.key_span(tf).unwrap_or(or)
}

/// The first nested block `tf` of `a`: its map, or an undecided value. `None` when there is
/// none.
pub(super) fn block<'v>(a: &'v Val, tf: &str) -> Option<&'v Val> {
    let v = arg(a, tf)?;
    match &v.kind {
        VKind::List(items) => items.first(),
        _ => Some(v),
    }
}

/// Applies `f` to a map; anything else (undecided) passes through.
fn map_known(v: &Val, f: &impl Fn(&Val) -> Val) -> Val {
    match v.kind {
        VKind::Map(_) => f(v),
        _ => v.clone(),
    }
}

/// Every nested block `tf` of `a`, each built by `f`, as a list value.
pub(super) fn blocks(a: &Val, tf: &str, f: &impl Fn(&Val) -> Val) -> Option<Val> {
    let v = arg(a, tf)?;
    Some(match &v.kind {
        VKind::List(items) => Val::new(VKind::List(items.iter().map(|i| map_known(i, f)).collect()), v.span),
        VKind::Map(_) => Val::new(VKind::List(vec![f(v)]), v.span),
        _ => v.clone(),
    })
}

/// A string value at `span`.
pub(super) fn text(s: &str, span: Span) -> Val {
    Val::new(VKind::Str(s.to_string()), span)
}

/// A boolean value at `span`.
pub(super) fn boolean(b: bool, span: Span) -> Val {
    Val::new(VKind::Bool(b), span)
}

/// A one-item list holding `v`, at its span.
pub(super) fn one(v: &Val) -> Val {
    Val::new(VKind::List(vec![v.clone()]), v.span)
}

/// Where a split-off resource's parent is.
pub(super) enum Parent {
    /// Resource `i` of the unit.
    At(usize),
    /// Not a resource of the unit (a data source, a literal name no resource has).
    Outside,
    /// Cannot be decided.
    Undecided,
}

/// The parent of types `types` that `v` names (see [`Joiner::parent`]), or whether it is
/// known to be outside the unit.
pub(super) fn find_parent(j: &Joiner<'_>, v: Option<&Val>, types: &[&str], name_attr: &str) -> Parent {
    let Some(v) = v else { return Parent::Undecided };
    if let Some(i) = j.parent(v, types, name_attr) {
        return Parent::At(i);
    }
    match &v.kind {
        VKind::Ref(t) => match j.resource(&t.id) {
            Some(r) if r.data || !types.contains(&r.rtype.as_str()) => Parent::Outside,
            _ => Parent::Undecided,
        },
        VKind::Str(s) => {
            let differs = |r: &&TfResource| r.attrs.get(name_attr).and_then(Val::as_str).is_some_and(|n| n != s);
            let candidates = j.resources().iter().filter(|r| !r.data && types.contains(&r.rtype.as_str()));
            if candidates.clone().all(|r| differs(&r)) { Parent::Outside } else { Parent::Undecided }
        }
        _ => Parent::Undecided,
    }
}

/// Joins `r` into the parent its argument `by` names, with `edit`; when the parent cannot be
/// decided, property `key` becomes unknown on every resource of `types` that lacks it.
pub(super) fn join(
    r: &TfResource,
    j: &mut Joiner<'_>,
    by: &str,
    (types, name_attr): (&[&str], &str),
    key: &str,
    edit: impl FnOnce(&mut Val),
) {
    join_or(r, j, by, (types, name_attr), key, &[], edit)
}

/// [`join`] for a property that is a map: when the parent cannot be decided, the property
/// set on every resource of `types` that lacks it is a map whose fields `leaves` are unknown
/// (the lowering reads a field of an unknown map as absent).
pub(super) fn join_or(
    r: &TfResource,
    j: &mut Joiner<'_>,
    by: &str,
    (types, name_attr): (&[&str], &str),
    key: &str,
    leaves: &[&str],
    edit: impl FnOnce(&mut Val),
) {
    match find_parent(j, arg(&r.attrs, by), types, name_attr) {
        Parent::At(i) => {
            if let Some(p) = j.props_mut(i) {
                edit(p)
            }
        }
        Parent::Outside => {}
        Parent::Undecided if leaves.is_empty() => j.unjoined(types, &[key], r.span),
        Parent::Undecided => {
            let why = "set by a resource that could not be joined";
            let entries = leaves.iter().map(|l| (l.to_string(), r.span, Val::unknown(why, r.span))).collect();
            let undecided = super::map_val(entries, r.span);
            for i in 0..j.resources().len() {
                if !types.contains(&j.resources()[i].rtype.as_str()) {
                    continue;
                }
                if let Some(p) = j.props_mut(i) {
                    super::set_if_absent(p, key, undecided.clone());
                }
            }
        }
    }
}

/// Appends `item` to the list property `key` of `props` (creating it); an undecided list
/// stays undecided.
pub(super) fn append(props: &mut Val, key: &str, item: Val, key_span: Span) {
    let current = props.get(key).cloned();
    let new = match current {
        None => one(&item),
        Some(Val { kind: VKind::List(mut items), span, origin, .. }) => {
            items.push(item);
            Val { kind: VKind::List(items), span, origin, literals: Vec::new() }
        }
        Some(v) if v.is_unknown() => return,
        Some(v) => Val::new(VKind::List(vec![v.clone(), item]), v.span),
    };
    let ks = props.key_span(key).unwrap_or(key_span);
    set(props, key, new, ks);
}

#[cfg(test)]
pub(super) mod testing {
    use crate::finding::Finding;
    use crate::model::Model;

    /// The findings of the rule named `slug` on `m`.
    pub fn findings(m: &Model, slug: &str) -> Vec<Finding> {
        let rule = crate::rules::find(slug).expect("rule exists");
        let facts = crate::analyze::Facts::new(m);
        let mut found = crate::rules::Found::default();
        let mut sink = crate::rules::Sink::new(&rule.meta, m.file.clone(), &mut found);
        rule.run(m, &facts, &mut sink).expect("a built-in rule never fails");
        found.into_vec()
    }
}
