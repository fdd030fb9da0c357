//! AWS SAM templates: what the transform deploys is what the rules judge (generated roles,
//! policy templates, `Globals`, events, implicit APIs).

use std::process::Command;

use serde_json::Value;

/// Writes `text` as a template and runs `palisade ARGS... <template>`: (exit status, stdout).
fn run(text: &str, args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("template.yaml");
    std::fs::write(&path, text).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    let out = Command::new(env!("CARGO_BIN_EXE_palisade")).args(&all).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn model(text: &str) -> Value {
    let (status, out) = run(text, &["model"]);
    assert_eq!(status, 0, "{out}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["units"][0]["model"].clone()
}

/// Exit status of `palisade iam can PRINCIPAL ACTION [RESOURCE]`: 0 allowed, 1 denied, 3 unknown.
fn can(text: &str, principal: &str, action: &str, resource: &str) -> i32 {
    let mut args = vec!["iam", "can", principal, action];
    if !resource.is_empty() {
        args.push(resource);
    }
    run(text, &args).0
}

fn resources(m: &Value) -> Vec<(String, String)> {
    m["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r["kind"].as_str().unwrap().to_string()))
        .collect()
}

fn has(m: &Value, id: &str, kind: &str) -> bool {
    resources(m).iter().any(|(i, k)| i == id && k == kind)
}

fn by_id<'m>(items: &'m Value, id: &str) -> &'m Value {
    items.as_array().unwrap().iter().find(|i| i["meta"]["id"] == id).unwrap_or_else(|| panic!("no {id} in {items}"))
}

const HEADER: &str = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n";

#[test]
fn a_function_becomes_a_lambda_function_and_its_role() {
    let t = format!(
        "{HEADER}Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
"
    );
    let m = model(&t);
    assert!(has(&m, "Api", "AWS::Lambda::Function"), "{:?}", resources(&m));
    assert!(has(&m, "ApiRole", "AWS::IAM::Role"), "{:?}", resources(&m));
    assert_eq!(by_id(&m["lambda_functions"], "Api")["runtime"]["value"], "python3.12");
    // The basic execution role's managed policy: logs, nothing else.
    assert_eq!(can(&t, "ApiRole", "logs:PutLogEvents", ""), 0);
    assert_eq!(can(&t, "ApiRole", "s3:GetObject", ""), 1);
    assert_eq!(can(&t, "ApiRole", "ec2:CreateNetworkInterface", ""), 1);
}

#[test]
fn without_the_transform_nothing_is_rewritten() {
    let t = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.8
";
    let m = model(t);
    assert!(has(&m, "Fn", "AWS::Serverless::Function"), "{:?}", resources(&m));
    assert!(!resources(&m).iter().any(|(i, _)| i == "FnRole"));
}

#[test]
fn the_transform_may_be_one_of_a_list() {
    let t = "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.8
";
    assert!(has(&model(t), "FnRole", "AWS::IAM::Role"));
}

#[test]
fn a_given_role_generates_none() {
    let t = format!(
        "{HEADER}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Role: arn:aws:iam::123456789012:role/existing
      Policies:
        - AdministratorAccess
"
    );
    let m = model(&t);
    assert!(has(&m, "Fn", "AWS::Lambda::Function"));
    assert!(!resources(&m).iter().any(|(i, _)| i == "FnRole"), "{:?}", resources(&m));
}

#[test]
fn globals_merge_into_each_function_and_the_resource_wins() {
    let t = format!(
        "{HEADER}Globals:
  Function:
    Runtime: python3.8
    Environment:
      Variables:
        STAGE: prod
    VpcConfig:
      SecurityGroupIds: [sg-global]
      SubnetIds: [subnet-a]
Resources:
  Old:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
  New:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      VpcConfig:
        SecurityGroupIds: [sg-own]
"
    );
    let m = model(&t);
    assert_eq!(by_id(&m["lambda_functions"], "Old")["runtime"]["value"], "python3.8");
    assert_eq!(by_id(&m["lambda_functions"], "New")["runtime"]["value"], "python3.13");
    // Lists append: the global group first, then the function's own.
    let sgs: Vec<String> = by_id(&m["lambda_functions"], "New")["security_groups"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert_eq!(sgs.len(), 2, "{sgs:?}");
    assert!(sgs[0].contains("sg-global") && sgs[1].contains("sg-own"), "{sgs:?}");
    // In a VPC the role gets the VPC access policy.
    assert_eq!(can(&t, "OldRole", "ec2:CreateNetworkInterface", ""), 0);
    let (_, out) = run(&t, &["scan", "--format", "json"]);
    let findings: Value = serde_json::from_str(&out).unwrap();
    let deprecated: Vec<&Value> =
        findings["findings"].as_array().unwrap().iter().filter(|f| f["rule_id"] == "PAL-LAMBDA-001").collect();
    assert_eq!(deprecated.len(), 1, "{deprecated:?}");
    assert_eq!(deprecated[0]["resource"]["id"], "Old");
}

#[test]
fn policies_managed_inline_and_templates() {
    let t = format!(
        "{HEADER}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - AmazonSQSReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: kms:Decrypt
              Resource: '*'
        - S3ReadPolicy:
            BucketName: reports
        - DynamoDBReadPolicy:
            TableName: orders
"
    );
    assert_eq!(can(&t, "FnRole", "sqs:ListQueues", ""), 0);
    assert_eq!(can(&t, "FnRole", "kms:Decrypt", ""), 0);
    assert_eq!(can(&t, "FnRole", "s3:GetObject", "arn:aws:s3:::reports/a.csv"), 0);
    assert_eq!(can(&t, "FnRole", "s3:GetObject", "arn:aws:s3:::other/a.csv"), 1);
    assert_eq!(can(&t, "FnRole", "s3:PutObject", "arn:aws:s3:::reports/a.csv"), 1);
    // Templates name the table in the stack's region and account: unknown here, never `*`.
    assert_ne!(can(&t, "FnRole", "dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/other"), 0);
    assert_eq!(can(&t, "FnRole", "dynamodb:DeleteTable", ""), 1);
}

#[test]
fn an_unknown_policy_template_leaves_the_role_unknown() {
    let t = format!(
        "{HEADER}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - SomeFuturePolicy:
            Name: x
"
    );
    assert_eq!(can(&t, "FnRole", "dynamodb:DeleteTable", ""), 3);
    let (_, out) = run(&t, &["scan", "--format", "json"]);
    assert!(out.contains("policy template `SomeFuturePolicy`"), "{out}");
}

#[test]
fn full_admin_through_function_policies_is_reported_on_what_the_template_wrote() {
    let t = format!(
        "{HEADER}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - AdministratorAccess
"
    );
    let (_, out) = run(&t, &["scan", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let admin = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "PAL-IAM-005")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(admin["resource"]["id"], "FnRole");
    assert_eq!(admin["line"], 9, "{admin}");
}

#[test]
fn events_make_permissions_rules_mappings_and_the_implicit_api() {
    let t = format!(
        "{HEADER}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Events:
        Get:
          Type: Api
          Properties:
            Path: /items
            Method: get
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Bucket
            Events: s3:ObjectCreated:*
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
        Topic:
          Type: SNS
          Properties:
            Topic: arn:aws:sns:eu-west-1:123456789012:t
        Queue:
          Type: SQS
          Properties:
            Queue: arn:aws:sqs:eu-west-1:123456789012:q
  Bucket:
    Type: AWS::S3::Bucket
"
    );
    let m = model(&t);
    for (id, kind) in [
        ("FnGetPermissionProd", "AWS::Lambda::Permission"),
        ("ServerlessRestApi", "AWS::ApiGateway::RestApi"),
        ("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage"),
        ("FnUploadPermission", "AWS::Lambda::Permission"),
        ("FnNightly", "AWS::Events::Rule"),
        ("FnNightlyPermission", "AWS::Lambda::Permission"),
        ("FnTopicPermission", "AWS::Lambda::Permission"),
        ("FnQueue", "AWS::Lambda::EventSourceMapping"),
    ] {
        assert!(has(&m, id, kind), "{id}: {:?}", resources(&m));
    }
    let s3 = by_id(&m["lambda_permissions"], "FnUploadPermission");
    assert_eq!(s3["principal"]["value"], "s3.amazonaws.com");
    assert_ne!(s3["source_account"]["state"], "absent", "{s3}");
    let sns = by_id(&m["lambda_permissions"], "FnTopicPermission");
    assert_eq!(sns["source_arn"]["value"], "arn:aws:sns:eu-west-1:123456789012:t");
    let api = by_id(&m["lambda_permissions"], "FnGetPermissionProd");
    assert_eq!(api["principal"]["value"], "apigateway.amazonaws.com");
    assert_ne!(api["source_arn"]["state"], "absent", "{api}");
    // Polling sources need the role to read them.
    assert_eq!(can(&t, "FnRole", "sqs:ReceiveMessage", ""), 0);
    // No SQS permission: the queue is polled.
    assert!(!resources(&m).iter().any(|(i, _)| i == "FnQueuePermission"));
}

#[test]
fn simple_table_and_state_machine() {
    let t = format!(
        "{HEADER}Globals:
  SimpleTable:
    SSESpecification:
      SSEEnabled: true
Resources:
  Orders:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: orderId
        Type: String
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A: {{Type: Pass, End: true}}
      Policies:
        - LambdaInvokePolicy:
            FunctionName: worker
"
    );
    let m = model(&t);
    assert!(has(&m, "Orders", "AWS::DynamoDB::Table"), "{:?}", resources(&m));
    assert!(has(&m, "Flow", "AWS::StepFunctions::StateMachine"), "{:?}", resources(&m));
    assert!(has(&m, "FlowRole", "AWS::IAM::Role"), "{:?}", resources(&m));
    let trust = serde_json::to_string(&by_id(&m["iam_roles"], "FlowRole")["trust"]).unwrap();
    assert!(trust.contains("states.amazonaws.com"), "{trust}");
    assert_eq!(can(&t, "FlowRole", "logs:PutLogEvents", ""), 1);
}

#[test]
fn explicit_api_with_globals_and_stage() {
    let t = format!(
        "{HEADER}Globals:
  Api:
    TracingEnabled: true
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      MethodSettings:
        - ResourcePath: '/*'
          HttpMethod: '*'
          LoggingLevel: INFO
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Events:
        Get:
          Type: Api
          Properties:
            RestApiId: !Ref MyApi
            Path: /
            Method: get
  Http:
    Type: AWS::Serverless::HttpApi
"
    );
    let m = model(&t);
    assert!(has(&m, "MyApi", "AWS::ApiGateway::RestApi"), "{:?}", resources(&m));
    assert!(has(&m, "MyApiliveStage", "AWS::ApiGateway::Stage"), "{:?}", resources(&m));
    assert!(has(&m, "Http", "AWS::ApiGatewayV2::Api"), "{:?}", resources(&m));
    assert!(has(&m, "HttpApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage"), "{:?}", resources(&m));
    // An explicit API takes the event: no implicit one.
    assert!(!resources(&m).iter().any(|(i, _)| i == "ServerlessRestApi"), "{:?}", resources(&m));
}
