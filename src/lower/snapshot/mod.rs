//! Live account snapshots (`palisade_snapshot`, see `docs/snapshot.md`): the answers of
//! read-only AWS API calls, lowered into the model.
//!
//! Each answer keeps the AWS API's own shape. Resources are mapped onto the AWS resource
//! schema (CloudFormation's types and property names) and lowered by the same code as
//! templates ([`crate::lower::cfn::lower_shaped`]), so that the same weakness gives the same
//! finding; what only an account shows (the credential report, account-wide switches, snapshot
//! sharing) is lowered directly. Resources are named by their ARN.
//!
//! Never guessing: a call listed in the snapshot's `errors` (denied or failed) leaves the
//! facts it gives unknown, with one diagnostic naming the call and the permission it needs;
//! an answer of `null` means the call succeeded and found nothing configured (no password
//! policy, no public access block), which is a fact.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::DiagnosticKind;
use crate::i18n::Message;
use crate::lower::cfn::{Shaped, model_kind};
use crate::model::{Model, RefTarget, ResMeta, VKind, Val};
use crate::source::Span;
use crate::value::{Kind, Node};

mod account;
mod data;
mod iam;
mod monitoring;
mod network;
mod services;

/// The snapshot format version this reader understands.
pub const FORMAT_VERSION: i64 = 1;

/// Whether a parsed document is a live account snapshot.
pub fn is_snapshot(root: &Node) -> bool {
    root.get("palisade_snapshot").is_some()
}

/// A problem met while lowering, located in the snapshot.
pub type Problem = (DiagnosticKind, Span, Message);

/// The model of a snapshot, and the problems met.
pub fn lower(root: &Node, file: Arc<str>) -> (Model, Vec<Problem>) {
    let mut m = Model { file, ..Model::default() };
    let problems = lower_into(root, &mut m);
    (m, problems)
}

/// One model of several snapshots (the accounts of an organization), judged together: each
/// resource keeps its ARN and its place in its own file. The problems are given by snapshot.
pub fn lower_all(roots: &[(&Node, Arc<str>)]) -> (Model, Vec<Vec<Problem>>) {
    let mut m = Model { file: roots.first().map(|(_, f)| f.clone()).unwrap_or_else(|| "".into()), ..Model::default() };
    let problems = roots.iter().map(|(root, _)| lower_into(root, &mut m)).collect();
    (m, problems)
}

/// Adds one snapshot to a model.
fn lower_into(root: &Node, m: &mut Model) -> Vec<Problem> {
    let mut cx = Ctx::new(root);
    if !cx.check_header() {
        return cx.problems;
    }
    if m.account.accounts.contains(&cx.account) {
        let span = root.get("account").map(|n| n.span).unwrap_or(root.span);
        let msg = msg!("diag-snapshot-same-account", account = cx.account);
        cx.problems.push((DiagnosticKind::NotAnalysed, span, msg));
        return cx.problems;
    }
    m.account.accounts.push(cx.account.clone());
    cx.index_ids();
    iam::shape(&mut cx);
    network::shape(&mut cx);
    data::shape(&mut cx);
    monitoring::shape(&mut cx);
    services::shape(&mut cx);
    let shaped = std::mem::take(&mut cx.shaped);
    crate::lower::cfn::lower_shaped(m, shaped);
    account::lower(&mut cx, m);
    account::organization(&mut cx, m);
    data::lower_direct(&mut cx, m);
    monitoring::unanswered_baselines(&mut cx);
    m.account.unanswered_baselines.append(&mut cx.unanswered);
    cx.problems
}

/// What a call answered.
pub enum Answer<'a> {
    /// The response.
    Data(&'a Node),
    /// The call succeeded and found nothing configured (`null`).
    NotConfigured(Span),
    /// The call is listed in `errors`: its facts are unknown.
    Failed(Span),
    /// The snapshot does not have the call: its facts are unknown.
    Missing,
}

impl<'a> Answer<'a> {
    pub fn data(&self) -> Option<&'a Node> {
        match self {
            Answer::Data(n) => Some(n),
            _ => None,
        }
    }
}

/// A call listed in `errors`.
struct Failure {
    service: String,
    region: Option<String>,
    call: String,
    resource: Option<String>,
    span: Span,
}

/// The lowering state.
pub struct Ctx<'a> {
    pub root: &'a Node,
    pub account: String,
    pub partition: String,
    failures: Vec<Failure>,
    /// Plain AWS ids (`sg-…`, `subnet-…`, bucket names) to the ARN the resource is named by.
    pub ids: HashMap<String, String>,
    pub shaped: Vec<Shaped>,
    pub problems: Vec<Problem>,
    /// Account-baseline calls that were not answered.
    pub unanswered: Vec<crate::model::UnansweredBaseline>,
}

impl<'a> Ctx<'a> {
    fn new(root: &'a Node) -> Ctx<'a> {
        Ctx {
            root,
            account: String::new(),
            partition: "aws".into(),
            failures: Vec::new(),
            ids: HashMap::new(),
            shaped: Vec::new(),
            problems: Vec::new(),
            unanswered: Vec::new(),
        }
    }

    /// Reads the header and the errors; false when the snapshot cannot be read at all.
    fn check_header(&mut self) -> bool {
        let root = self.root;
        let version = root.get("palisade_snapshot");
        if version.and_then(|v| v.scalar_text()).and_then(|t| t.parse::<i64>().ok()) != Some(FORMAT_VERSION) {
            let span = version.map(|v| v.span).unwrap_or(root.span);
            self.invalid(span, msg!("diag-snapshot-version", version = FORMAT_VERSION));
            return false;
        }
        match root.get("account").and_then(Node::as_str) {
            Some(a) if a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()) => self.account = a.to_string(),
            _ => {
                let span = root.get("account").map(|v| v.span).unwrap_or(root.span);
                self.invalid(span, msg!("diag-snapshot-account-id"));
                return false;
            }
        }
        if let Some(p) = root.get("partition").and_then(Node::as_str) {
            self.partition = p.to_string();
        }
        if let Some(errors) = root.get("errors") {
            match errors.as_seq() {
                Some(items) => {
                    for e in items {
                        self.failure(e);
                    }
                }
                None => self.invalid(errors.span, msg!("diag-snapshot-not-list", key = "errors")),
            }
        }
        for (key, want_map) in [("global", true), ("regional", true)] {
            if let Some(n) = root.get(key)
                && want_map
                && n.as_map().is_none()
            {
                self.invalid(n.span, msg!("diag-snapshot-not-object", key = key));
            }
        }
        true
    }

    fn failure(&mut self, e: &Node) {
        let text = |k: &str| e.get(k).and_then(Node::as_str).map(str::to_string);
        let (Some(service), Some(call)) = (text("service"), text("call")) else {
            self.invalid(e.span, msg!("diag-snapshot-error-entry"));
            return;
        };
        let region = text("region");
        let resource = text("resource");
        let error = text("error").unwrap_or_else(|| "failed".into());
        let permission = text("permission").unwrap_or_else(|| format!("{service}:{call}"));
        let mut place = Message::default();
        if let Some(r) = &region {
            place.push(msg!("diag-snapshot-in-region", region = r));
        }
        if let Some(r) = &resource {
            place.push(msg!("diag-snapshot-for-resource", resource = r));
        }
        let message = msg!(
            "diag-snapshot-not-answered",
            call = format!("{service}:{call}"),
            place = place,
            error = error,
            permission = permission
        );
        self.problems.push((DiagnosticKind::NotAnalysed, e.span, message));
        self.failures.push(Failure { service, region, call, resource, span: e.span });
    }

    pub fn invalid(&mut self, span: Span, msg: Message) {
        self.problems.push((DiagnosticKind::Invalid, span, msg));
    }

    /// The regions the snapshot has answers for.
    pub fn regions(&self) -> Vec<(&'a str, &'a Node)> {
        self.root
            .get("regional")
            .and_then(Node::as_map)
            .unwrap_or_default()
            .iter()
            .map(|e| (e.key.as_str(), &e.value))
            .collect()
    }

    fn failed(&self, service: &str, region: Option<&str>, call: &str, resource: Option<&str>) -> Option<Span> {
        self.failures
            .iter()
            .find(|f| {
                f.service == service
                    && f.call == call
                    && (region.is_none() || f.region.as_deref() == region || f.region.is_none())
                    && (f.resource.is_none() || f.resource.as_deref() == resource)
            })
            .map(|f| f.span)
    }

    /// The answer of an account-wide call (`global.SERVICE.CALL`).
    pub fn global(&self, service: &str, call: &str) -> Answer<'a> {
        let node = self.root.get("global").and_then(|g| g.get(service)).and_then(|s| s.get(call));
        self.answer(node, service, None, call, None)
    }

    /// The answer of a call in one region (`regional.REGION.SERVICE.CALL`).
    pub fn regional(&self, region_node: &'a Node, region: &str, service: &str, call: &str) -> Answer<'a> {
        let node = region_node.get(service).and_then(|s| s.get(call));
        self.answer(node, service, Some(region), call, None)
    }

    /// The answer of a call about one resource: `calls` is the call's object keyed by
    /// resource (bucket name, key id, ...).
    pub fn per_resource(
        &self,
        calls: Option<&'a Node>,
        service: &str,
        region: Option<&str>,
        call: &str,
        resource: &str,
    ) -> Answer<'a> {
        if let Some(span) = self.failed(service, region, call, Some(resource)) {
            return Answer::Failed(span);
        }
        self.answer(calls.and_then(|c| c.get(resource)), service, region, call, Some(resource))
    }

    fn answer(
        &self,
        node: Option<&'a Node>,
        service: &str,
        region: Option<&str>,
        call: &str,
        resource: Option<&str>,
    ) -> Answer<'a> {
        match node {
            Some(n) if n.is_null() => Answer::NotConfigured(n.span),
            Some(n) => Answer::Data(n),
            None => match self.failed(service, region, call, resource) {
                Some(span) => Answer::Failed(span),
                None => Answer::Missing,
            },
        }
    }

    /// The list under `key` of a response, reporting a response of the wrong shape.
    pub fn list<'n>(&mut self, response: &'n Node, key: &str) -> &'n [Node] {
        match response.get(key) {
            None => &[],
            Some(n) if n.is_null() => &[],
            Some(n) => match n.as_seq() {
                Some(items) => items,
                None => {
                    self.invalid(n.span, msg!("diag-snapshot-not-list-but", key = key, found = n.type_message()));
                    &[]
                }
            },
        }
    }

    /// An ARN in this account and partition.
    pub fn arn(&self, service: &str, region: &str, resource: &str) -> String {
        format!("arn:{}:{service}:{region}:{}:{resource}", self.partition, self.account)
    }

    /// Adds a resource in CloudFormation's vocabulary.
    pub fn add(&mut self, id: String, cfn_type: &'static str, at: &Node, props: Val) {
        let span = at.span;
        self.shaped.push(Shaped {
            meta: ResMeta {
                id: id.into(),
                kind: cfn_type.into(),
                model_kind: model_kind(cfn_type),
                span,
                tags: crate::model::tags::kept(crate::model::tags::tags_of(props.get("Tags"), span)),
                props_span: span,
            },
            cfn_type,
            props: Some(props),
        });
    }

    /// A string of a response as a link: to the resource of the snapshot it names, else the
    /// literal.
    pub fn link(&self, n: &Node) -> Val {
        match n.as_str().and_then(|s| self.ids.get(s)) {
            Some(arn) => Val::new(VKind::Ref(RefTarget { id: arn.clone(), attr: None }), n.span),
            None => node_val(n),
        }
    }

    /// Every identifier of the snapshot's resources, mapped to their ARNs, so that links
    /// resolve whichever order resources are read in.
    fn index_ids(&mut self) {
        network::index_ids(self);
        data::index_ids(self);
        services::index_ids(self);
    }
}

/// A located JSON tree as a value.
pub fn node_val(n: &Node) -> Val {
    crate::lower::tf::node_val(n)
}

/// Builds a properties map.
pub struct PropsBuilder {
    entries: Vec<(String, Span, Val)>,
    span: Span,
}

impl PropsBuilder {
    pub fn new(span: Span) -> PropsBuilder {
        PropsBuilder { entries: Vec::new(), span }
    }

    /// Sets `key` to a value.
    pub fn val(&mut self, key: &str, v: Val) -> &mut Self {
        let span = v.span;
        self.entries.push((key.to_string(), span, v));
        self
    }

    /// Copies the response's `from` as `key`, when present.
    pub fn copy(&mut self, key: &str, src: &Node, from: &str) -> &mut Self {
        if let Some(n) = src.get(from).filter(|n| !n.is_null()) {
            self.val(key, node_val(n));
        }
        self
    }

    /// The answer's facts: `f` of the data; unknown when the call failed or is missing; nothing
    /// when it found nothing configured.
    pub fn answer(&mut self, key: &str, a: &Answer<'_>, f: impl FnOnce(&Node) -> Option<Val>) -> &mut Self {
        match a {
            Answer::Data(n) => {
                if let Some(v) = f(n) {
                    self.val(key, v);
                }
            }
            Answer::NotConfigured(_) => {}
            Answer::Failed(span) => {
                self.val(key, Val::unknown("the call that shows it was not answered", *span));
            }
            Answer::Missing => {
                self.val(key, Val::unknown("the snapshot does not have the call that shows it", self.span));
            }
        }
        self
    }

    pub fn build(&mut self) -> Val {
        Val::new(VKind::Map(std::mem::take(&mut self.entries)), self.span)
    }
}

/// A list value.
pub fn list_val(items: Vec<Val>, span: Span) -> Val {
    Val::new(VKind::List(items), span)
}

/// A string value.
pub fn str_val(s: &str, span: Span) -> Val {
    Val::new(VKind::Str(s.to_string()), span)
}

/// A boolean value.
pub fn bool_val(b: bool, span: Span) -> Val {
    Val::new(VKind::Bool(b), span)
}

/// A policy document as the API gives it: an object (as the AWS CLI prints it), a JSON string,
/// or a URL-encoded JSON string (as IAM's API returns it).
pub fn policy_val(n: &Node) -> Val {
    match &n.kind {
        Kind::String(s) if s.trim_start().starts_with('%') || s.contains("%22") => {
            Val::new(VKind::Str(percent_decode(s)), n.span)
        }
        _ => node_val(n),
    }
}

/// Decodes `%XX` escapes (and `+` as a space, as IAM encodes them).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A credential report time (RFC 3339) as seconds since the epoch; `None` for `N/A`,
/// `no_information`, `not_supported` and anything else that is not a time.
pub fn epoch(text: &str) -> Option<i64> {
    text.parse::<jiff::Timestamp>().ok().map(|t| t.as_second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Link;

    fn lowered(json: &str) -> (Model, Vec<Problem>) {
        let src = crate::source::SourceFile::new("account.json", json.to_string());
        let doc = crate::parse::parse_json(&src, &crate::parse::Limits::default()).expect("valid JSON");
        assert!(is_snapshot(&doc.root));
        lower(&doc.root, "account.json".into())
    }

    const HEAD: &str = r#""palisade_snapshot": 1, "account": "111122223333", "collected_at": "2026-06-01T00:00:00Z""#;

    #[test]
    fn iam_reads_default_versions_and_url_encoded_documents() {
        let (m, problems) = lowered(&format!(
            r#"{{{HEAD}, "global": {{"iam": {{"GetAccountAuthorizationDetails": {{
              "RoleDetailList": [{{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
                "AssumeRolePolicyDocument": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D",
                "AttachedManagedPolicies": [{{"PolicyArn": "arn:aws:iam::111122223333:policy/p"}}, {{"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}]}}],
              "Policies": [{{"PolicyName": "p", "Arn": "arn:aws:iam::111122223333:policy/p", "DefaultVersionId": "v2", "PolicyVersionList": [
                {{"VersionId": "v1", "IsDefaultVersion": false, "Document": {{"Statement": [{{"Effect": "Allow", "Action": "*", "Resource": "*"}}]}}}},
                {{"VersionId": "v2", "IsDefaultVersion": true, "Document": {{"Statement": [{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}]}}}}]}}]
            }}}}}}}}"#
        ));
        assert!(problems.is_empty(), "{problems:?}");
        let role = &m.iam_roles[0];
        assert_eq!(role.trust.get().unwrap().statements.len(), 1);
        let managed = role.identity.managed.get().unwrap();
        assert_eq!(managed[0].get(), Some(&Link::Local("arn:aws:iam::111122223333:policy/p".into())));
        assert_eq!(managed[1].get(), Some(&Link::External("arn:aws:iam::aws:policy/ReadOnlyAccess".into())));
        let doc = m.iam_policies[0].document.get().unwrap();
        let action = doc.statements[0].action.as_ref().unwrap().items[0].get().cloned();
        assert_eq!(action.as_deref(), Some("s3:GetObject"), "the default version");
    }

    #[test]
    fn a_subnet_without_its_own_table_uses_the_main_one() {
        let (m, _) = lowered(&format!(
            r#"{{{HEAD}, "regional": {{"eu-west-1": {{"ec2": {{
              "DescribeSubnets": {{"Subnets": [{{"SubnetId": "subnet-1", "VpcId": "vpc-1"}}, {{"SubnetId": "subnet-2", "VpcId": "vpc-1"}}]}},
              "DescribeRouteTables": {{"RouteTables": [
                {{"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{{"Main": true}}], "Routes": [{{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local"}}]}},
                {{"RouteTableId": "rtb-2", "VpcId": "vpc-1", "Associations": [{{"Main": false, "SubnetId": "subnet-2"}}], "Routes": []}}]}}
            }}}}}}}}"#
        ));
        let table_of = |subnet: &str| {
            m.subnet_route_tables
                .iter()
                .find(|a| a.subnet.get().and_then(Link::local).is_some_and(|s| s.ends_with(subnet)))
                .and_then(|a| a.target.get().and_then(Link::local).map(str::to_string))
        };
        assert!(table_of("subnet/subnet-1").unwrap().ends_with("route-table/rtb-main"));
        assert!(table_of("subnet/subnet-2").unwrap().ends_with("route-table/rtb-2"));
        assert!(m.routes.is_empty(), "the local route carries nothing out of the VPC");
    }

    #[test]
    fn failed_calls_are_unknown_and_not_configured_answers_are_facts() {
        let (m, problems) = lowered(&format!(
            r#"{{{HEAD}, "global": {{
              "iam": {{"GetAccountPasswordPolicy": null}},
              "s3": {{"ListBuckets": {{"Buckets": [{{"Name": "b"}}]}}, "GetPublicAccessBlock": {{"b": null}}}}}},
              "errors": [{{"service": "s3", "region": null, "call": "GetBucketEncryption", "resource": "b", "error": "AccessDenied", "permission": "s3:GetEncryptionConfiguration"}}]}}"#
        ));
        let bucket = &m.buckets[0];
        assert!(bucket.encryption.is_unknown(), "denied");
        assert!(bucket.public_access_block.is_none(), "answered: none configured");
        assert!(bucket.versioning.is_unknown(), "not collected");
        assert!(m.password_policies[0].minimum_length.is_absent());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].2.en().contains("`s3:GetBucketEncryption`")
                && problems[0].2.en().contains("s3:GetEncryptionConfiguration")
        );
        assert!(matches!(problems[0].0, DiagnosticKind::NotAnalysed));
    }

    #[test]
    fn an_unknown_version_is_a_located_error() {
        let (m, problems) = lowered(r#"{"palisade_snapshot": 7, "account": "111122223333"}"#);
        assert!(m.resources.is_empty());
        assert!(matches!(problems[0].0, DiagnosticKind::Invalid));
        assert_eq!(problems[0].1.line, 1);
    }

    #[test]
    fn decodes_url_encoded_policies_and_times() {
        assert_eq!(percent_decode("%7B%22a%22%3A1%7D"), "{\"a\":1}");
        assert_eq!(percent_decode("a+b%2"), "a b%2");
        assert_eq!(epoch("2024-01-02T00:00:00+00:00"), Some(1_704_153_600));
        assert_eq!(epoch("N/A"), None);
    }
}
