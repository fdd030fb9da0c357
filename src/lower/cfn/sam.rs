//! AWS SAM templates (`Transform: AWS::Serverless-2016-10-31`): their serverless resources
//! are rewritten into the CloudFormation resources the transform deploys, before anything is
//! evaluated, so that every rule judges what AWS runs.
//!
//! - `AWS::Serverless::Function` → `AWS::Lambda::Function` under the same logical id, and,
//!   unless `Role` is given, its execution role `<Id>Role` (the Lambda trust policy,
//!   `AWSLambdaBasicExecutionRole`, `AWSLambdaVPCAccessExecutionRole` in a VPC,
//!   `AWSXrayWriteOnlyAccess` with active tracing, the execution role of each polling event
//!   source, and the function's `Policies`: managed policy names and ARNs, policy documents,
//!   and policy templates expanded to their documented statements). A policy template this
//!   module does not know leaves the role's permissions unknown, never empty. Events add what
//!   the transform adds: permissions for API, S3, SNS, EventBridge and schedule sources, the
//!   rules and subscriptions, event source mappings, and the implicit APIs.
//! - `AWS::Serverless::Api` → `AWS::ApiGateway::RestApi`, `<Id>Deployment` and the stage
//!   `<Id><StageName>Stage`; `AWS::Serverless::HttpApi` → `AWS::ApiGatewayV2::Api` and its
//!   stage; without a definition of their own their OpenAPI body is made from the functions'
//!   events (paths, methods, authorizers).
//! - `AWS::Serverless::SimpleTable` → `AWS::DynamoDB::Table`.
//! - `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine` and, unless `Role`
//!   is given, `<Id>Role`.
//! - `Globals` (`Function`, `Api`, `HttpApi`, `SimpleTable`) merge into each resource: maps
//!   merge, lists append, the resource's own scalars win.
//!
//! Values the template wrote keep their spans; what the transform adds points at the property
//! that caused it, or at the logical id.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::eval::is_intrinsic;
use super::template::RawResource;
use crate::i18n::Message;
use crate::source::Span;
use crate::value::{Entry, Kind, Node};

/// The transform that makes a template a SAM template.
pub const TRANSFORM: &str = "AWS::Serverless-2016-10-31";

/// The implicit REST API's logical id.
pub const IMPLICIT_API: &str = "ServerlessRestApi";
/// The implicit HTTP API's logical id.
pub const IMPLICIT_HTTP_API: &str = "ServerlessHttpApi";

/// Does the template declare the SAM transform (alone or in a list)?
pub fn uses_transform(root: &Node) -> bool {
    match root.get("Transform").map(|t| &t.kind) {
        Some(Kind::String(s)) => s == TRANSFORM,
        Some(Kind::Seq(items)) => items.iter().any(|i| i.as_str() == Some(TRANSFORM)),
        _ => false,
    }
}

/// Rewrites the serverless resources of a SAM template into CloudFormation resources.
/// Problems (unknown policy templates, malformed properties) are returned with their spans.
pub fn expand<'a>(root: &'a Node, resources: Vec<RawResource<'a>>) -> (Vec<RawResource<'a>>, Vec<(Span, Message)>) {
    let mut x = Expander { globals: root.get("Globals"), out: Vec::new(), problems: Vec::new(), routes: Vec::new() };
    let taken: Vec<String> = resources.iter().map(|r| r.id.clone()).collect();
    let mut apis = Vec::new();
    for r in resources {
        match r.kind.as_str() {
            "AWS::Serverless::Function" => x.function(&r, &taken),
            "AWS::Serverless::SimpleTable" => x.simple_table(&r),
            "AWS::Serverless::StateMachine" => x.state_machine(&r),
            "AWS::Serverless::Api" | "AWS::Serverless::HttpApi" => apis.push(r),
            _ => x.out.push(r),
        }
    }
    // APIs last: their bodies are made from the functions' events.
    for r in &apis {
        x.api(r, r.kind == "AWS::Serverless::HttpApi");
    }
    x.implicit_apis(&taken);
    (x.out, x.problems)
}

/// One route an event declares on an API.
struct Route {
    /// The API's logical id (an explicit one, or the implicit API's).
    api: String,
    http: bool,
    path: Node,
    method: Node,
    function: String,
    /// The event's `Auth`, if any.
    auth: Option<Node>,
    /// The first event's span, for what the implicit API is made of.
    span: Span,
    condition: Option<(String, Span)>,
}

struct Expander<'a> {
    globals: Option<&'a Node>,
    out: Vec<RawResource<'a>>,
    problems: Vec<(Span, Message)>,
    routes: Vec<Route>,
}

// ---------------------------------------------------------------------------------------
// Building nodes

fn text(span: Span, s: &str) -> Node {
    Node::new(span, Kind::String(s.to_string()))
}

fn map(span: Span, entries: Vec<(&str, Node)>) -> Node {
    Node::new(
        span,
        Kind::Map(entries.into_iter().map(|(k, v)| Entry { key: k.to_string(), key_span: span, value: v }).collect()),
    )
}

fn seq(span: Span, items: Vec<Node>) -> Node {
    Node::new(span, Kind::Seq(items))
}

fn reference(span: Span, id: &str) -> Node {
    map(span, vec![("Ref", text(span, id))])
}

fn get_att(span: Span, id: &str, attr: &str) -> Node {
    map(span, vec![("Fn::GetAtt", seq(span, vec![text(span, id), text(span, attr)]))])
}

fn sub(span: Span, template: &str, vars: Vec<(&str, Node)>) -> Node {
    if vars.is_empty() {
        return map(span, vec![("Fn::Sub", text(span, template))]);
    }
    map(span, vec![("Fn::Sub", seq(span, vec![text(span, template), map(span, vars)]))])
}

/// A map node with its entries in place (the template's own entries keep their key spans).
fn map_of(span: Span, entries: Vec<Entry>) -> Node {
    Node::new(span, Kind::Map(entries))
}

fn entry(key: &str, key_span: Span, value: Node) -> Entry {
    Entry { key: key.to_string(), key_span, value }
}

fn is_intrinsic_node(n: &Node) -> bool {
    matches!(n.as_map(), Some([e]) if is_intrinsic(&e.key))
}

/// A resource definition: `Type`, `Properties`, and the source's `Condition` and
/// `DependsOn`.
fn resource_node(span: Span, ty: &str, props: Node, src: &Node) -> Node {
    let mut entries = vec![entry("Type", span, text(span, ty)), entry("Properties", props.span, props)];
    for key in ["Condition", "DependsOn"] {
        if let Some(e) = src.entry(key) {
            entries.push(e.clone());
        }
    }
    map_of(src.span, entries)
}

// ---------------------------------------------------------------------------------------
// Globals

/// `props` with the globals of `section` merged in: maps merge, lists append (globals first),
/// the resource's own scalars and intrinsic functions win.
fn with_globals(globals: Option<&Node>, section: &str, props: Option<&Node>, span: Span) -> Node {
    let global = globals.and_then(|g| g.get(section)).filter(|g| g.as_map().is_some());
    match (global, props) {
        (None, Some(p)) => p.clone(),
        (None, None) => map_of(span, Vec::new()),
        (Some(g), None) => g.clone(),
        (Some(g), Some(p)) => merge(g, p),
    }
}

fn merge(global: &Node, local: &Node) -> Node {
    if is_intrinsic_node(global) || is_intrinsic_node(local) {
        return local.clone();
    }
    match (&global.kind, &local.kind) {
        (Kind::Map(g), Kind::Map(l)) => {
            let mut out: Vec<Entry> = Vec::with_capacity(g.len() + l.len());
            for ge in g {
                match l.iter().find(|le| le.key == ge.key) {
                    Some(le) => out.push(Entry {
                        key: le.key.clone(),
                        key_span: le.key_span,
                        value: merge(&ge.value, &le.value),
                    }),
                    None => out.push(ge.clone()),
                }
            }
            out.extend(l.iter().filter(|le| !g.iter().any(|ge| ge.key == le.key)).cloned());
            Node::new(local.span, Kind::Map(out))
        }
        (Kind::Seq(g), Kind::Seq(l)) => Node::new(local.span, Kind::Seq(g.iter().chain(l).cloned().collect())),
        _ => local.clone(),
    }
}

// ---------------------------------------------------------------------------------------
// Policy templates

/// A policy template: its statements, each `(actions, resources)`; `${Name}` in a resource is
/// the template parameter `Name`.
type Statements = &'static [(&'static [&'static str], &'static [&'static str])];

const REGION_ACCOUNT: &str = "${AWS::Region}:${AWS::AccountId}";

/// The policy templates the transform documents, for the common ones.
fn policy_template(name: &str) -> Option<Statements> {
    const DDB_TABLE: &[&str] = &[
        "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}",
        "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*",
    ];
    const BUCKET: &[&str] = &["arn:aws:s3:::${BucketName}", "arn:aws:s3:::${BucketName}/*"];
    const QUEUE: &[&str] = &["arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}"];
    const STREAM: &[&str] = &["arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${StreamName}"];
    const ANY: &[&str] = &["*"];
    Some(match name {
        "DynamoDBCrudPolicy" => &[(
            &[
                "dynamodb:GetItem",
                "dynamodb:DeleteItem",
                "dynamodb:PutItem",
                "dynamodb:Scan",
                "dynamodb:Query",
                "dynamodb:UpdateItem",
                "dynamodb:BatchWriteItem",
                "dynamodb:BatchGetItem",
                "dynamodb:DescribeTable",
                "dynamodb:ConditionCheckItem",
            ],
            DDB_TABLE,
        )],
        "DynamoDBReadPolicy" => &[(
            &["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"],
            DDB_TABLE,
        )],
        "DynamoDBWritePolicy" => {
            &[(&["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"], DDB_TABLE)]
        }
        "DynamoDBStreamReadPolicy" => &[
            (
                &["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
                &["arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/stream/${StreamName}"],
            ),
            (
                &["dynamodb:ListStreams"],
                &["arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/stream/*"],
            ),
        ],
        "S3ReadPolicy" => &[(
            &[
                "s3:GetObject",
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:GetObjectVersion",
                "s3:GetLifecycleConfiguration",
            ],
            BUCKET,
        )],
        "S3CrudPolicy" => &[(
            &[
                "s3:GetObject",
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:GetObjectVersion",
                "s3:PutObject",
                "s3:PutObjectAcl",
                "s3:GetLifecycleConfiguration",
                "s3:PutLifecycleConfiguration",
                "s3:DeleteObject",
            ],
            BUCKET,
        )],
        "S3WritePolicy" => &[(&["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], BUCKET)],
        "S3FullAccessPolicy" => &[
            (
                &[
                    "s3:GetObject",
                    "s3:GetObjectAcl",
                    "s3:GetObjectVersion",
                    "s3:PutObject",
                    "s3:PutObjectAcl",
                    "s3:DeleteObject",
                    "s3:DeleteObjectTagging",
                    "s3:DeleteObjectVersionTagging",
                    "s3:GetObjectTagging",
                    "s3:GetObjectVersionTagging",
                    "s3:PutObjectTagging",
                    "s3:PutObjectVersionTagging",
                ],
                &["arn:aws:s3:::${BucketName}/*"],
            ),
            (
                &[
                    "s3:ListBucket",
                    "s3:GetBucketLocation",
                    "s3:GetLifecycleConfiguration",
                    "s3:PutLifecycleConfiguration",
                ],
                &["arn:aws:s3:::${BucketName}"],
            ),
        ],
        "SQSPollerPolicy" => &[(
            &[
                "sqs:ChangeMessageVisibility",
                "sqs:ChangeMessageVisibilityBatch",
                "sqs:DeleteMessage",
                "sqs:DeleteMessageBatch",
                "sqs:GetQueueAttributes",
                "sqs:ReceiveMessage",
            ],
            QUEUE,
        )],
        "SQSSendMessagePolicy" => &[(&["sqs:SendMessage*"], QUEUE)],
        "SNSPublishMessagePolicy" => {
            &[(&["sns:Publish"], &["arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}"])]
        }
        "SNSCrudPolicy" => &[(
            &[
                "sns:ListSubscriptionsByTopic",
                "sns:CreateTopic",
                "sns:SetTopicAttributes",
                "sns:Subscribe",
                "sns:Publish",
            ],
            &["arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}*"],
        )],
        "LambdaInvokePolicy" => &[(
            &["lambda:InvokeFunction"],
            &["arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*"],
        )],
        "KinesisStreamReadPolicy" => &[
            (
                &["kinesis:ListStreams", "kinesis:DescribeLimits"],
                &["arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*"],
            ),
            (
                &[
                    "kinesis:DescribeStream",
                    "kinesis:DescribeStreamSummary",
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                ],
                STREAM,
            ),
        ],
        "KinesisCrudPolicy" => &[(
            &[
                "kinesis:AddTagsToStream",
                "kinesis:CreateStream",
                "kinesis:DecreaseStreamRetentionPeriod",
                "kinesis:DeleteStream",
                "kinesis:DescribeStream",
                "kinesis:DescribeStreamSummary",
                "kinesis:GetShardIterator",
                "kinesis:IncreaseStreamRetentionPeriod",
                "kinesis:ListTagsForStream",
                "kinesis:MergeShards",
                "kinesis:PutRecord",
                "kinesis:PutRecords",
                "kinesis:SplitShard",
                "kinesis:RemoveTagsFromStream",
            ],
            STREAM,
        )],
        "KMSDecryptPolicy" => &[(&["kms:Decrypt"], &["arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}"])],
        "KMSEncryptPolicy" => &[(&["kms:Encrypt"], &["arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}"])],
        "SSMParameterReadPolicy" => &[
            (&["ssm:DescribeParameters"], ANY),
            (
                &["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"],
                &["arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ParameterName}"],
            ),
        ],
        "AWSSecretsManagerGetSecretValuePolicy" => &[(&["secretsmanager:GetSecretValue"], &["${SecretArn}"])],
        "StepFunctionsExecutionPolicy" => &[(
            &["states:StartExecution"],
            &["arn:aws:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}"],
        )],
        "EventBridgePutEventsPolicy" => {
            &[(&["events:PutEvents"], &["arn:aws:events:${AWS::Region}:${AWS::AccountId}:event-bus/${EventBusName}"])]
        }
        "CloudWatchPutMetricPolicy" => &[(&["cloudwatch:PutMetricData"], ANY)],
        "EC2DescribePolicy" => &[(&["ec2:DescribeRegions", "ec2:DescribeInstances"], ANY)],
        "AMIDescribePolicy" => &[(&["ec2:DescribeImages"], ANY)],
        "VPCAccessPolicy" => &[(
            &[
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DetachNetworkInterface",
            ],
            ANY,
        )],
        "CloudFormationDescribeStacksPolicy" => &[(
            &["cloudformation:DescribeStacks"],
            &["arn:aws:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/*"],
        )],
        "SESCrudPolicy" => &[(
            &["ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail", "ses:VerifyEmailIdentity"],
            &["arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${IdentityName}"],
        )],
        _ => return None,
    })
}

/// The template parameters a resource pattern uses (`${Name}`, not pseudo parameters).
fn pattern_params(pattern: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(pos) = rest.find("${") {
        let after = &rest[pos + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.starts_with("AWS::") && !out.contains(&name) {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

/// The policy document of a policy template invocation `{Name: {Param: value}}`, or why not.
fn expand_template(name: &str, params: &Node, span: Span) -> Result<Node, Message> {
    let Some(statements) = policy_template(name) else {
        return Err(msg!("diag-sam-unknown-template", name = name));
    };
    let mut out = Vec::new();
    for (actions, resources) in statements {
        let mut res = Vec::new();
        for pattern in *resources {
            let mut vars = Vec::new();
            for p in pattern_params(pattern) {
                match params.get(p) {
                    Some(v) => vars.push((p, v.clone())),
                    None => return Err(msg!("diag-sam-template-parameter", name = name, parameter = p)),
                }
            }
            let whole = matches!(vars.as_slice(), [(p, _)] if *pattern == format!("${{{p}}}"));
            res.push(match vars.pop() {
                // `${SecretArn}`: the value itself.
                Some((_, v)) if whole => v,
                Some(v) => {
                    vars.push(v);
                    sub(span, pattern, vars)
                }
                None if pattern.contains("${") => sub(span, pattern, vars),
                None => text(span, pattern),
            });
        }
        out.push(map(
            span,
            vec![
                ("Effect", text(span, "Allow")),
                ("Action", seq(span, actions.iter().map(|a| text(span, a)).collect())),
                ("Resource", seq(span, res)),
            ],
        ));
    }
    Ok(map(span, vec![("Version", text(span, "2012-10-17")), ("Statement", seq(span, out))]))
}

fn managed_arn(span: Span, name: &str) -> Node {
    text(span, &format!("arn:aws:iam::aws:policy/{name}"))
}

// ---------------------------------------------------------------------------------------
// Roles

/// What a generated execution role is made of.
struct RoleParts {
    managed: Vec<Node>,
    inline: Vec<Node>,
}

impl Expander<'_> {
    /// Adds the `Policies` of a function or state machine to a role being generated.
    fn policies(&mut self, owner: &str, policies: Option<&Node>, parts: &mut RoleParts) {
        let Some(policies) = policies else { return };
        let items: Vec<&Node> = match &policies.kind {
            Kind::Seq(items) => items.iter().collect(),
            Kind::Null => Vec::new(),
            _ => vec![policies],
        };
        for (index, item) in items.into_iter().enumerate() {
            let policy_name = format!("{owner}RolePolicy{index}");
            let inline = |doc: Node| {
                map(item.span, vec![("PolicyName", text(item.span, &policy_name)), ("PolicyDocument", doc)])
            };
            match &item.kind {
                Kind::String(s) if s.starts_with("arn:") => parts.managed.push(item.clone()),
                Kind::String(s) => parts.managed.push(managed_arn(item.span, s)),
                _ if is_intrinsic_node(item) => parts.managed.push(item.clone()),
                Kind::Map(_) if item.get("Statement").is_some() => parts.inline.push(inline(item.clone())),
                Kind::Map(entries) if entries.len() == 1 => {
                    let e = &entries[0];
                    match expand_template(&e.key, &e.value, e.key_span) {
                        Ok(doc) => parts.inline.push(inline(doc)),
                        Err(why) => {
                            self.problems.push((
                                e.key_span,
                                msg!("diag-sam-policy-not-analysed", why = why, role = format!("{owner}Role")),
                            ));
                            // A policy item that is not a document: its permissions are unknown.
                            parts.inline.push(text(e.key_span, &e.key));
                        }
                    }
                }
                _ => {
                    self.problems.push((item.span, msg!("diag-sam-policies-item", role = format!("{owner}Role"))));
                    parts.inline.push(item.clone());
                }
            }
        }
    }

    /// Pushes the generated role `<owner>Role`.
    fn push_role(&mut self, src: &RawResource<'_>, props: &Node, service: &str, parts: RoleParts) {
        let span = src.id_span;
        let trust = match props.get("AssumeRolePolicyDocument") {
            Some(t) => t.clone(),
            None => map(
                span,
                vec![
                    ("Version", text(span, "2012-10-17")),
                    (
                        "Statement",
                        seq(
                            span,
                            vec![map(
                                span,
                                vec![
                                    ("Effect", text(span, "Allow")),
                                    ("Action", seq(span, vec![text(span, "sts:AssumeRole")])),
                                    ("Principal", map(span, vec![("Service", seq(span, vec![text(span, service)]))])),
                                ],
                            )],
                        ),
                    ),
                ],
            ),
        };
        let mut entries = vec![entry("AssumeRolePolicyDocument", span, trust)];
        if !parts.managed.is_empty() {
            entries.push(entry("ManagedPolicyArns", span, seq(span, parts.managed)));
        }
        if !parts.inline.is_empty() {
            let at = props.entry("Policies").map(|e| e.key_span).unwrap_or(span);
            entries.push(entry("Policies", at, seq(at, parts.inline)));
        }
        for (from, to) in [("PermissionsBoundary", "PermissionsBoundary"), ("RolePath", "Path")] {
            if let Some(e) = props.entry(from) {
                entries.push(entry(to, e.key_span, e.value.clone()));
            }
        }
        let id = format!("{}Role", src.id);
        let node = resource_node(span, "AWS::IAM::Role", map_of(span, entries), &src.node);
        self.push(src, id, "AWS::IAM::Role", node);
    }

    fn push(&mut self, src: &RawResource<'_>, id: String, ty: &str, node: Node) {
        self.out.push(RawResource {
            id,
            id_span: src.id_span,
            kind: ty.to_string(),
            kind_span: src.kind_span,
            node: Cow::Owned(node),
            condition: src.condition.clone(),
            from_loop: src.from_loop.clone(),
        });
    }

    /// Replaces `src` by a resource of type `ty` with `props`, under the same logical id.
    fn replace(&mut self, src: &RawResource<'_>, ty: &str, props: Node) {
        let mut node = resource_node(src.kind_span, ty, props, &src.node);
        if let (Some(md), Kind::Map(entries)) = (src.node.entry("Metadata"), &mut node.kind) {
            entries.push(md.clone());
        }
        self.push(src, src.id.clone(), ty, node);
    }

    // -----------------------------------------------------------------------------------
    // Functions

    fn function(&mut self, r: &RawResource<'_>, taken: &[String]) {
        let span = r.id_span;
        let props = with_globals(self.globals, "Function", r.properties(), span);
        let mut out: Vec<Entry> = Vec::new();
        const SAME: &[&str] = &[
            "Handler",
            "Runtime",
            "MemorySize",
            "Timeout",
            "VpcConfig",
            "Environment",
            "KmsKeyArn",
            "Layers",
            "ReservedConcurrentExecutions",
            "FunctionName",
            "Description",
            "Architectures",
            "EphemeralStorage",
            "FileSystemConfigs",
            "ImageConfig",
            "PackageType",
            "CodeSigningConfigArn",
            "LoggingConfig",
            "SnapStart",
            "RuntimeManagementConfig",
            "RecursiveLoop",
        ];
        for e in props.as_map().unwrap_or_default() {
            match e.key.as_str() {
                k if SAME.contains(&k) => out.push(e.clone()),
                "Tracing" => {
                    out.push(entry("TracingConfig", e.key_span, map(e.value.span, vec![("Mode", e.value.clone())])))
                }
                "DeadLetterQueue" => {
                    if let Some(target) = e.value.get("TargetArn") {
                        out.push(entry(
                            "DeadLetterConfig",
                            e.key_span,
                            map(e.value.span, vec![("TargetArn", target.clone())]),
                        ));
                    }
                }
                "InlineCode" => {
                    out.push(entry("Code", e.key_span, map(e.value.span, vec![("ZipFile", e.value.clone())])))
                }
                "ImageUri" => {
                    out.push(entry("Code", e.key_span, map(e.value.span, vec![("ImageUri", e.value.clone())])))
                }
                "CodeUri" => {
                    if let Some(code) = code_location(&e.value) {
                        out.push(entry("Code", e.key_span, code));
                    }
                }
                "Tags" => {
                    if let Some(tags) = tag_list(&e.value) {
                        out.push(entry("Tags", e.key_span, tags));
                    }
                }
                _ => {}
            }
        }
        let generated_role = match props.entry("Role") {
            Some(e) => {
                out.push(e.clone());
                false
            }
            None => {
                out.push(entry("Role", span, get_att(span, &format!("{}Role", r.id), "Arn")));
                true
            }
        };
        self.replace(r, "AWS::Lambda::Function", map_of(props.span, out));

        let mut parts = RoleParts {
            managed: vec![managed_arn(span, "service-role/AWSLambdaBasicExecutionRole")],
            inline: Vec::new(),
        };
        if let Some(e) = props.entry("VpcConfig") {
            parts.managed.push(managed_arn(e.key_span, "service-role/AWSLambdaVPCAccessExecutionRole"));
        }
        if let Some(t) = props.get("Tracing")
            && t.as_str() == Some("Active")
        {
            parts.managed.push(managed_arn(t.span, "AWSXrayWriteOnlyAccess"));
        }
        self.events(r, &props, taken, &mut parts);
        if let Some(dlq) = props.get("DeadLetterQueue")
            && let (Some(ty), Some(target)) = (dlq.get("Type").and_then(Node::as_str), dlq.get("TargetArn"))
        {
            let action = if ty.eq_ignore_ascii_case("SNS") { "sns:Publish" } else { "sqs:SendMessage" };
            let s = dlq.span;
            let doc = map(
                s,
                vec![
                    ("Version", text(s, "2012-10-17")),
                    (
                        "Statement",
                        seq(
                            s,
                            vec![map(
                                s,
                                vec![
                                    ("Effect", text(s, "Allow")),
                                    ("Action", text(s, action)),
                                    ("Resource", target.clone()),
                                ],
                            )],
                        ),
                    ),
                ],
            );
            parts.inline.push(map(
                s,
                vec![("PolicyName", text(s, &format!("{}RolePolicyDeadLetterQueue", r.id))), ("PolicyDocument", doc)],
            ));
        }
        if generated_role {
            self.policies(&r.id, props.get("Policies"), &mut parts);
            self.push_role(r, &props, "lambda.amazonaws.com", parts);
        }
    }

    /// The resources a function's `Events` add.
    fn events(&mut self, r: &RawResource<'_>, props: &Node, taken: &[String], parts: &mut RoleParts) {
        for ev in props.get("Events").and_then(Node::as_map).unwrap_or_default() {
            let Some(ty) = ev.value.get("Type").and_then(Node::as_str) else { continue };
            let empty = map_of(ev.key_span, Vec::new());
            let p = ev.value.get("Properties").unwrap_or(&empty);
            let span = ev.key_span;
            let fname = format!("{}{}", r.id, ev.key);
            let permission = |principal: &str, source_arn: Option<Node>, source_account: bool| {
                let mut e = vec![
                    ("Action", text(span, "lambda:InvokeFunction")),
                    ("FunctionName", reference(span, &r.id)),
                    ("Principal", text(span, principal)),
                ];
                if let Some(arn) = source_arn {
                    e.push(("SourceArn", arn));
                }
                if source_account {
                    e.push(("SourceAccount", reference(span, "AWS::AccountId")));
                }
                map(span, e)
            };
            match ty {
                "Api" | "HttpApi" => {
                    let http = ty == "HttpApi";
                    let (api, explicit) = match p.get("RestApiId").or_else(|| p.get("ApiId")) {
                        Some(n) => match n.get("Ref").and_then(Node::as_str).or(n.as_str()) {
                            Some(id) => (id.to_string(), true),
                            None => continue,
                        },
                        None => ((if http { IMPLICIT_HTTP_API } else { IMPLICIT_API }).to_string(), false),
                    };
                    if !explicit && taken.iter().any(|t| t == &api) {
                        continue;
                    }
                    let method = p.get("Method").cloned().unwrap_or_else(|| text(span, if http { "ANY" } else { "" }));
                    let path = p.get("Path").cloned().unwrap_or_else(|| text(span, if http { "$default" } else { "" }));
                    let route = format!(
                        "${{__ApiId__}}/${{__Stage__}}/{}{}",
                        method
                            .as_str()
                            .map(|m| if m.eq_ignore_ascii_case("any") { "*".to_string() } else { m.to_uppercase() })
                            .unwrap_or_else(|| "*".into()),
                        path.as_str().unwrap_or("/*")
                    );
                    let arn = sub(
                        span,
                        &format!("arn:aws:execute-api:{REGION_ACCOUNT}:{route}"),
                        vec![("__ApiId__", reference(span, &api)), ("__Stage__", text(span, "*"))],
                    );
                    let suffix = if http { "Permission" } else { "PermissionProd" };
                    let node = resource_node(
                        span,
                        "AWS::Lambda::Permission",
                        permission("apigateway.amazonaws.com", Some(arn), false),
                        &r.node,
                    );
                    self.push(r, format!("{fname}{suffix}"), "AWS::Lambda::Permission", node);
                    self.routes.push(Route {
                        api,
                        http,
                        path,
                        method,
                        function: r.id.clone(),
                        auth: p.get("Auth").cloned(),
                        span,
                        condition: r.condition.clone(),
                    });
                }
                "S3" => {
                    let node = resource_node(
                        span,
                        "AWS::Lambda::Permission",
                        permission("s3.amazonaws.com", None, true),
                        &r.node,
                    );
                    self.push(r, format!("{fname}Permission"), "AWS::Lambda::Permission", node);
                }
                "SNS" => {
                    let Some(topic) = p.get("Topic") else { continue };
                    let node = resource_node(
                        span,
                        "AWS::Lambda::Permission",
                        permission("sns.amazonaws.com", Some(topic.clone()), false),
                        &r.node,
                    );
                    self.push(r, format!("{fname}Permission"), "AWS::Lambda::Permission", node);
                    let sub_props = map(
                        span,
                        vec![
                            ("Endpoint", get_att(span, &r.id, "Arn")),
                            ("Protocol", text(span, "lambda")),
                            ("TopicArn", topic.clone()),
                        ],
                    );
                    let node = resource_node(span, "AWS::SNS::Subscription", sub_props, &r.node);
                    self.push(r, fname.clone(), "AWS::SNS::Subscription", node);
                }
                "Schedule" | "CloudWatchEvent" | "EventBridgeRule" => {
                    let mut rule = vec![(
                        "Targets",
                        seq(
                            span,
                            vec![map(
                                span,
                                vec![
                                    ("Arn", get_att(span, &r.id, "Arn")),
                                    ("Id", text(span, &format!("{fname}LambdaTarget"))),
                                ],
                            )],
                        ),
                    )];
                    for (from, to) in [
                        ("Schedule", "ScheduleExpression"),
                        ("Pattern", "EventPattern"),
                        ("EventBusName", "EventBusName"),
                        ("Name", "Name"),
                        ("Description", "Description"),
                        ("State", "State"),
                    ] {
                        if let Some(v) = p.get(from) {
                            rule.push((to, v.clone()));
                        }
                    }
                    let node = resource_node(span, "AWS::Events::Rule", map(span, rule), &r.node);
                    self.push(r, fname.clone(), "AWS::Events::Rule", node);
                    let node = resource_node(
                        span,
                        "AWS::Lambda::Permission",
                        permission("events.amazonaws.com", Some(get_att(span, &fname, "Arn")), false),
                        &r.node,
                    );
                    self.push(r, format!("{fname}Permission"), "AWS::Lambda::Permission", node);
                }
                "SQS" | "Kinesis" | "DynamoDB" => {
                    let (source, policy) = match ty {
                        "SQS" => ("Queue", "service-role/AWSLambdaSQSQueueExecutionRole"),
                        "Kinesis" => ("Stream", "service-role/AWSLambdaKinesisExecutionRole"),
                        _ => ("Stream", "service-role/AWSLambdaDynamoDBExecutionRole"),
                    };
                    parts.managed.push(managed_arn(span, policy));
                    let mut mapping = vec![("FunctionName", reference(span, &r.id))];
                    if let Some(src) = p.get(source) {
                        mapping.push(("EventSourceArn", src.clone()));
                    }
                    for key in ["BatchSize", "Enabled", "StartingPosition", "FilterCriteria"] {
                        if let Some(v) = p.get(key) {
                            mapping.push((key, v.clone()));
                        }
                    }
                    let node = resource_node(span, "AWS::Lambda::EventSourceMapping", map(span, mapping), &r.node);
                    self.push(r, fname, "AWS::Lambda::EventSourceMapping", node);
                }
                _ => {}
            }
        }
    }

    // -----------------------------------------------------------------------------------
    // APIs

    /// The OpenAPI body of an API without a definition of its own: one path per route of
    /// its events, with the authorizer that applies.
    fn body(&self, api: &str, http: bool, auth: Option<&Node>, span: Span) -> Node {
        let default_auth = auth.and_then(|a| a.get("DefaultAuthorizer")).and_then(Node::as_str);
        let api_key_default = auth.and_then(|a| a.get("ApiKeyRequired")).is_some_and(super::template::node_truthy);
        let mut paths: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        let mut path_spans: BTreeMap<String, Span> = BTreeMap::new();
        for route in self.routes.iter().filter(|r| r.api == api && r.http == http) {
            let path = route.path.as_str().unwrap_or("/").to_string();
            let method = route
                .method
                .as_str()
                .map(str::to_ascii_lowercase)
                .unwrap_or_else(|| "x-amazon-apigateway-any-method".into());
            let method = if method == "any" { "x-amazon-apigateway-any-method".to_string() } else { method };
            let s = route.span;
            let uri = sub(
                s,
                "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations",
                vec![("Fn.Arn", get_att(s, &route.function, "Arn"))],
            );
            let mut op = vec![entry(
                "x-amazon-apigateway-integration",
                s,
                map(s, vec![("type", text(s, "aws_proxy")), ("httpMethod", text(s, "POST")), ("uri", uri)]),
            )];
            let event_auth = route.auth.as_ref();
            let authorizer = event_auth.and_then(|a| a.get("Authorizer")).and_then(Node::as_str).or(default_auth);
            let api_key = event_auth
                .and_then(|a| a.get("ApiKeyRequired"))
                .map(super::template::node_truthy)
                .unwrap_or(api_key_default);
            let mut security = Vec::new();
            if let Some(a) = authorizer.filter(|a| *a != "NONE") {
                security.push(map(s, vec![(a, seq(s, Vec::new()))]));
            }
            if api_key {
                security.push(map(s, vec![("api_key", seq(s, Vec::new()))]));
            }
            if !security.is_empty() {
                op.push(entry("security", s, seq(s, security)));
            }
            path_spans.entry(path.clone()).or_insert(route.path.span);
            paths.entry(path).or_default().push(entry(&method, route.method.span, map_of(s, op)));
        }
        let paths = map_of(
            span,
            paths.into_iter().map(|(p, ops)| entry(&p, path_spans[&p], map_of(path_spans[&p], ops))).collect(),
        );
        let mut body = vec![
            if http { entry("openapi", span, text(span, "3.0.1")) } else { entry("swagger", span, text(span, "2.0")) },
            entry("info", span, map(span, vec![("title", reference(span, "AWS::StackName"))])),
            entry("paths", span, paths),
        ];
        if let Some(authorizers) = auth.and_then(|a| a.get("Authorizers")).and_then(Node::as_map) {
            let defs = authorizers
                .iter()
                .map(|a| {
                    let kind = if a.value.get("UserPoolArn").is_some() {
                        "cognito_user_pools"
                    } else if a.value.get("JwtConfiguration").is_some() {
                        "jwt"
                    } else {
                        "custom"
                    };
                    entry(
                        &a.key,
                        a.key_span,
                        map(
                            a.value.span,
                            vec![
                                ("type", text(a.key_span, "apiKey")),
                                ("x-amazon-apigateway-authtype", text(a.key_span, kind)),
                            ],
                        ),
                    )
                })
                .collect();
            let key = if http { "securitySchemes" } else { "securityDefinitions" };
            body.push(entry(key, span, map_of(span, defs)));
        }
        map_of(span, body)
    }

    fn api(&mut self, r: &RawResource<'_>, http: bool) {
        let span = r.id_span;
        let props = with_globals(self.globals, if http { "HttpApi" } else { "Api" }, r.properties(), span);
        let auth = props.get("Auth");
        let mut api = Vec::new();
        for (from, to) in [
            ("Name", "Name"),
            ("DefinitionBody", "Body"),
            ("DefinitionUri", "BodyS3Location"),
            ("BinaryMediaTypes", "BinaryMediaTypes"),
            ("MinimumCompressionSize", "MinimumCompressionSize"),
            ("DisableExecuteApiEndpoint", "DisableExecuteApiEndpoint"),
            ("CorsConfiguration", "CorsConfiguration"),
            ("Mode", "Mode"),
        ] {
            if let Some(e) = props.entry(from) {
                api.push(entry(to, e.key_span, e.value.clone()));
            }
        }
        if props.get("DefinitionBody").is_none() && props.get("DefinitionUri").is_none() {
            api.push(entry("Body", span, self.body(&r.id, http, auth, span)));
        }
        if http {
            api.push(entry("ProtocolType", span, text(span, "HTTP")));
        }
        if let Some(e) = props.entry("EndpointConfiguration") {
            let types = match e.value.get("Type") {
                Some(t) => t.clone(),
                None => e.value.clone(),
            };
            if !http {
                api.push(entry(
                    "EndpointConfiguration",
                    e.key_span,
                    map(e.value.span, vec![("Types", seq(types.span, vec![types]))]),
                ));
            }
        }
        if let Some(e) = props.entry("Auth").and_then(|a| a.value.entry("ResourcePolicy")).filter(|_| !http) {
            // A resource policy given as statements.
            if let Some(stmts) = e.value.get("CustomStatements") {
                let doc =
                    map(e.value.span, vec![("Version", text(e.key_span, "2012-10-17")), ("Statement", stmts.clone())]);
                api.push(entry("Policy", e.key_span, doc));
            }
        }
        if let Some(e) = props.entry("Tags")
            && let Some(tags) = if http { Some(e.value.clone()) } else { tag_list(&e.value) }
        {
            api.push(entry("Tags", e.key_span, tags));
        }
        let ty = if http { "AWS::ApiGatewayV2::Api" } else { "AWS::ApiGateway::RestApi" };
        self.replace(r, ty, map_of(props.span, api));
        self.stage(r, &props, http);
    }

    /// The deployment and stage of an API.
    fn stage(&mut self, r: &RawResource<'_>, props: &Node, http: bool) {
        let span = r.id_span;
        let stage_name = props.get("StageName");
        let mut stage = Vec::new();
        if http {
            stage.push(entry("ApiId", span, reference(span, &r.id)));
            stage.push(entry("AutoDeploy", span, Node::new(span, Kind::Bool(true))));
            stage.push(match props.entry("StageName") {
                Some(e) => e.clone(),
                None => entry("StageName", span, text(span, "$default")),
            });
            for key in ["AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables"] {
                if let Some(e) = props.entry(key) {
                    stage.push(e.clone());
                }
            }
        } else {
            let deployment = format!("{}Deployment", r.id);
            let node = resource_node(
                span,
                "AWS::ApiGateway::Deployment",
                map(span, vec![("RestApiId", reference(span, &r.id))]),
                &r.node,
            );
            self.push(r, deployment.clone(), "AWS::ApiGateway::Deployment", node);
            stage.push(entry("RestApiId", span, reference(span, &r.id)));
            stage.push(entry("DeploymentId", span, reference(span, &deployment)));
            stage.push(match props.entry("StageName") {
                Some(e) => e.clone(),
                None => entry("StageName", span, text(span, "Prod")),
            });
            for (from, to) in [
                ("MethodSettings", "MethodSettings"),
                ("AccessLogSetting", "AccessLogSetting"),
                ("TracingEnabled", "TracingEnabled"),
                ("CacheClusterEnabled", "CacheClusterEnabled"),
                ("CacheClusterSize", "CacheClusterSize"),
                ("Variables", "Variables"),
                ("CanarySetting", "CanarySetting"),
            ] {
                if let Some(e) = props.entry(from) {
                    stage.push(entry(to, e.key_span, e.value.clone()));
                }
            }
            if let Some(cert) =
                props.get("Auth").and_then(|a| a.entry("ClientCertificateId")).or(props.entry("ClientCertificateId"))
            {
                stage.push(entry("ClientCertificateId", cert.key_span, cert.value.clone()));
            }
        }
        let stage_id = match stage_name.and_then(Node::as_str) {
            Some(s) if http && s == "$default" => format!("{}ApiGatewayDefaultStage", r.id),
            Some(s) => format!("{}{}Stage", r.id, s.chars().filter(char::is_ascii_alphanumeric).collect::<String>()),
            None if http => format!("{}ApiGatewayDefaultStage", r.id),
            None => format!("{}ProdStage", r.id),
        };
        let ty = if http { "AWS::ApiGatewayV2::Stage" } else { "AWS::ApiGateway::Stage" };
        let node = resource_node(span, ty, map_of(span, stage), &r.node);
        self.push(r, stage_id, ty, node);
    }

    /// The implicit APIs the functions' events ask for, with the `Globals` of their kind.
    fn implicit_apis(&mut self, taken: &[String]) {
        for (id, http) in [(IMPLICIT_API, false), (IMPLICIT_HTTP_API, true)] {
            let Some(first) = self.routes.iter().find(|r| r.api == id && r.http == http) else { continue };
            if taken.iter().any(|t| t == id) {
                continue;
            }
            let span = first.span;
            // The implicit API exists when any of its functions does.
            let condition = if self.routes.iter().filter(|r| r.api == id).all(|r| r.condition == first.condition) {
                first.condition.clone()
            } else {
                None
            };
            let mut src = vec![entry(
                "Type",
                span,
                text(span, if http { "AWS::Serverless::HttpApi" } else { "AWS::Serverless::Api" }),
            )];
            if let Some((c, cs)) = &condition {
                src.push(entry("Condition", *cs, text(*cs, c)));
            }
            let node = map_of(span, src);
            let raw = RawResource {
                id: id.to_string(),
                id_span: span,
                kind: String::new(),
                kind_span: span,
                node: Cow::Owned(node),
                condition,
                from_loop: None,
            };
            self.api(&raw, http);
        }
    }

    // -----------------------------------------------------------------------------------
    // Tables and state machines

    fn simple_table(&mut self, r: &RawResource<'_>) {
        let span = r.id_span;
        let props = with_globals(self.globals, "SimpleTable", r.properties(), span);
        let (key_name, key_type, key_span) = match props.get("PrimaryKey") {
            Some(k) => (
                k.get("Name").cloned().unwrap_or_else(|| text(k.span, "id")),
                k.get("Type").cloned().unwrap_or_else(|| text(k.span, "String")),
                k.span,
            ),
            None => (text(span, "id"), text(span, "String"), span),
        };
        let attr_type = match key_type.as_str() {
            Some("String") => text(key_type.span, "S"),
            Some("Number") => text(key_type.span, "N"),
            Some("Binary") => text(key_type.span, "B"),
            _ => key_type.clone(),
        };
        let mut table = vec![
            entry(
                "AttributeDefinitions",
                key_span,
                seq(
                    key_span,
                    vec![map(key_span, vec![("AttributeName", key_name.clone()), ("AttributeType", attr_type)])],
                ),
            ),
            entry(
                "KeySchema",
                key_span,
                seq(
                    key_span,
                    vec![map(key_span, vec![("AttributeName", key_name), ("KeyType", text(key_span, "HASH"))])],
                ),
            ),
        ];
        match props.entry("ProvisionedThroughput") {
            Some(e) => table.push(e.clone()),
            None => table.push(entry("BillingMode", span, text(span, "PAY_PER_REQUEST"))),
        }
        for key in ["TableName", "SSESpecification", "PointInTimeRecoverySpecification"] {
            if let Some(e) = props.entry(key) {
                table.push(e.clone());
            }
        }
        if let Some(e) = props.entry("Tags")
            && let Some(tags) = tag_list(&e.value)
        {
            table.push(entry("Tags", e.key_span, tags));
        }
        self.replace(r, "AWS::DynamoDB::Table", map_of(props.span, table));
    }

    fn state_machine(&mut self, r: &RawResource<'_>) {
        let span = r.id_span;
        let props = r.properties().cloned().unwrap_or_else(|| map_of(span, Vec::new()));
        let mut sm = Vec::new();
        for (from, to) in [
            ("Definition", "Definition"),
            ("DefinitionSubstitutions", "DefinitionSubstitutions"),
            ("DefinitionUri", "DefinitionS3Location"),
            ("Logging", "LoggingConfiguration"),
            ("Tracing", "TracingConfiguration"),
            ("Type", "StateMachineType"),
            ("Name", "StateMachineName"),
        ] {
            if let Some(e) = props.entry(from) {
                sm.push(entry(to, e.key_span, e.value.clone()));
            }
        }
        if let Some(e) = props.entry("Tags")
            && let Some(tags) = tag_list(&e.value)
        {
            sm.push(entry("Tags", e.key_span, tags));
        }
        match props.entry("Role") {
            Some(e) => sm.push(entry("RoleArn", e.key_span, e.value.clone())),
            None => sm.push(entry("RoleArn", span, get_att(span, &format!("{}Role", r.id), "Arn"))),
        }
        self.replace(r, "AWS::StepFunctions::StateMachine", map_of(props.span, sm));
        if props.get("Role").is_none() {
            let mut parts = RoleParts { managed: Vec::new(), inline: Vec::new() };
            self.policies(&r.id, props.get("Policies"), &mut parts);
            self.push_role(r, &props, "states.amazonaws.com", parts);
        }
    }
}

/// `CodeUri` as a `Code` location: `s3://bucket/key` or `{Bucket, Key, Version}`; a local
/// path (uploaded by the CLI) has no location yet.
fn code_location(n: &Node) -> Option<Node> {
    let s = n.span;
    match &n.kind {
        Kind::String(uri) => {
            let (bucket, key) = uri.strip_prefix("s3://")?.split_once('/')?;
            Some(map(s, vec![("S3Bucket", text(s, bucket)), ("S3Key", text(s, key))]))
        }
        Kind::Map(_) if !is_intrinsic_node(n) => {
            let mut e = Vec::new();
            for (from, to) in [("Bucket", "S3Bucket"), ("Key", "S3Key"), ("Version", "S3ObjectVersion")] {
                if let Some(v) = n.get(from) {
                    e.push((to, v.clone()));
                }
            }
            Some(map(s, e))
        }
        _ => None,
    }
}

/// SAM's tag map as CloudFormation's list of `{Key, Value}`.
fn tag_list(n: &Node) -> Option<Node> {
    let entries = n.as_map()?;
    if is_intrinsic_node(n) {
        return None;
    }
    Some(seq(
        n.span,
        entries
            .iter()
            .map(|e| {
                Node::new(
                    e.key_span,
                    Kind::Map(vec![
                        entry("Key", e.key_span, text(e.key_span, &e.key)),
                        entry("Value", e.value.span, e.value.clone()),
                    ]),
                )
            })
            .collect(),
    ))
}
