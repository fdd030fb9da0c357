//! `palisade iam can` and `palisade iam explain`, through the real binary.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

const STACK: &str = "Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      PermissionsBoundary: !Ref Boundary
      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject, sqs:*]
                Resource: '*'
              - Effect: Deny
                Action: s3:PutObject
                NotResource: arn:aws:s3:::uploads/*
              - Effect: Allow
                Action: dynamodb:Query
                Resource: '*'
                Condition:
                  IpAddress:
                    aws:SourceIp: 10.0.0.0/8
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [s3:*, dynamodb:*]
            Resource: '*'
";

const SCP: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::secret/*"}
]}"#;

fn setup() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("stack.yaml"), STACK).unwrap();
    std::fs::write(d.path().join("org-scp.json"), SCP).unwrap();
    d
}

fn can(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["iam", "can", "--format", "json"];
    all.extend_from_slice(args);
    let out = palisade(&all, dir);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code().unwrap(), v)
}

#[test]
fn allowed_with_the_deciding_statement() {
    let d = setup();
    let (code, v) = can(d.path(), &["AppRole", "s3:GetObject", "arn:aws:s3:::data/a.csv", "."]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["decision"], "allow");
    let st = &v["statements"][0];
    assert_eq!(st["file"], "stack.yaml");
    assert_eq!(st["line"], 20);
    // By physical name too.
    let (code, _) = can(d.path(), &["app", "s3:GetObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!(code, 0);
}

#[test]
fn explicit_denies_from_identity_and_scp() {
    let d = setup();
    let (code, v) = can(d.path(), &["AppRole", "s3:PutObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("explicit deny")), "{v}");
    assert_eq!(v["decided_by"], "identity policies");
    assert_eq!(v["statements"][0]["line"], 23);
    let (code, v) = can(d.path(), &["AppRole", "s3:PutObject", "arn:aws:s3:::uploads/a.csv"]);
    assert_eq!(code, 0, "{v}");
    let (code, v) = can(d.path(), &["AppRole", "s3:GetObject", "arn:aws:s3:::secret/k"]);
    assert_eq!((code, v["decided_by"].as_str()), (1, Some("service control policies")), "{v}");
    assert_eq!(v["statements"][0]["file"], "org-scp.json");
}

#[test]
fn boundary_limits_and_default_deny() {
    let d = setup();
    let (code, v) = can(d.path(), &["AppRole", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:q"]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("implicit deny")), "{v}");
    assert_eq!(v["decided_by"], "permission boundary");
    let (code, v) = can(d.path(), &["AppRole", "ec2:RunInstances"]);
    assert_eq!((code, v["decided_by"].as_str()), (1, Some("identity policies")), "{v}");
}

#[test]
fn conditions_use_the_context_and_stay_unknown_without_it() {
    let d = setup();
    let table = "arn:aws:dynamodb:eu-west-1:111122223333:table/t";
    let (code, v) = can(d.path(), &["AppRole", "dynamodb:Query", table]);
    assert_eq!((code, v["decision"].as_str()), (3, Some("unknown")), "{v}");
    let (code, _) = can(d.path(), &["AppRole", "dynamodb:Query", table, "--context", "aws:SourceIp=10.9.8.7"]);
    assert_eq!(code, 0);
    let (code, _) = can(d.path(), &["AppRole", "dynamodb:Query", table, "-c", "aws:SourceIp=192.0.2.1"]);
    assert_eq!(code, 1);
    let (code, _) = can(d.path(), &["AppRole", "dynamodb:Query", table, "--complete-context"]);
    assert_eq!(code, 1, "with a complete context a missing key is absent");
}

#[test]
fn errors_and_text_output() {
    let d = setup();
    let out = palisade(&["iam", "can", "Nobody", "s3:GetObject"], d.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("known principals: AppRole"));
    let out = palisade(&["iam", "can", "AppRole", "s3:GetObject", "--context", "novalue"], d.path());
    assert_eq!(out.status.code(), Some(2));
    let out = palisade(&["iam", "can", "AppRole", "s3:GetObjekt", "arn:aws:s3:::data/k"], d.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("DENIED"), "{text}");
    assert!(text.contains("did you mean s3:GetObject"), "{text}");
}

#[test]
fn explain_expands_statements() {
    let d = setup();
    let out = palisade(&["iam", "explain", "stack.yaml"], d.path());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("inline policy `data` of role `AppRole`"), "{text}");
    assert!(text.contains("Allow 22 actions across 2 services"), "{text}");
    assert!(text.contains("    Read (8): s3:GetObject, sqs:GetQueueAttributes"), "{text}");
    let read = text.find("    Read (").unwrap();
    assert!(read < text.find("    Write (").unwrap(), "levels in catalog order: {text}");
    let out = palisade(&["iam", "explain", "--format", "json", "org-scp.json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["policy"], "service control policy");
    assert_eq!(v[0]["statements"][0]["effect"], "Deny");
    assert_eq!(v[0]["statements"][0]["actions"], 1);
    let out = palisade(&["iam", "explain", "missing.json"], d.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn policy_files_and_group_members_are_principals() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("reader.json"),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::data/*"}]}"#,
    )
    .unwrap();
    std::fs::write(
        d.path().join("users.yaml"),
        "Resources:
  Readers:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: sqs:ReceiveMessage
                Resource: '*'
  Carol:
    Type: AWS::IAM::User
  Membership:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Readers
      Users: [!Ref Carol]
",
    )
    .unwrap();
    let (code, v) = can(d.path(), &["reader.json", "s3:GetObject", "arn:aws:s3:::data/x"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["principal"], "this policy");
    let (code, _) = can(d.path(), &["reader.json", "s3:PutObject", "arn:aws:s3:::data/x"]);
    assert_eq!(code, 1);
    let (code, v) = can(d.path(), &["Carol", "sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:111122223333:q"]);
    assert_eq!(code, 0, "{v}");
    assert!(v["statements"][0]["policy"].as_str().unwrap().contains("through group `Readers`"), "{v}");
}

#[test]
fn rules_list_the_iam_rules_with_controls() {
    let d = tempfile::tempdir().unwrap();
    let out = palisade(&["rules", "--format", "json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let iam: Vec<&Value> =
        v.as_array().unwrap().iter().filter(|r| r["id"].as_str().unwrap().starts_with("PAL-IAM-")).collect();
    assert_eq!(iam.len(), 18);
    for r in iam {
        assert!(!r["controls"].as_array().unwrap().is_empty(), "{r}");
    }
}

#[test]
fn resource_policies_deny_and_grant() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("stack.yaml"),
        "Resources:
  Reader:
    Type: AWS::IAM::Role
    Properties:
      RoleName: reader
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: s3
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:*
                Resource: '*'
  Vault:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: vault
  VaultPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Vault
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: s3:DeleteObject
            Resource: arn:aws:s3:::vault/*
          - Effect: Allow
            Principal: {AWS: arn:aws:iam::111122223333:role/auditor}
            Action: s3:GetObject
            Resource: arn:aws:s3:::vault/*
  Auditor:
    Type: AWS::IAM::Role
    Properties:
      RoleName: auditor
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
",
    )
    .unwrap();
    let (code, v) = can(d.path(), &["Reader", "s3:DeleteObject", "arn:aws:s3:::vault/k"]);
    assert_eq!((code, v["decided_by"].as_str()), (1, Some("resource policy")), "{v}");
    let (code, _) = can(d.path(), &["Reader", "s3:DeleteObject", "arn:aws:s3:::other/k"]);
    assert_eq!(code, 0);
    // The auditor has no identity policy: only the bucket policy can grant, if it names it.
    let (code, _) = can(d.path(), &["Auditor", "s3:GetObject", "arn:aws:s3:::vault/k"]);
    assert_eq!(code, 3, "without its ARN the principal might be the one named");
    let arn = "arn:aws:iam::111122223333:role/auditor";
    let (code, v) = can(d.path(), &["Auditor", "s3:GetObject", "arn:aws:s3:::vault/k", "--principal-arn", arn]);
    assert_eq!((code, v["decided_by"].as_str()), (0, Some("resource policy")), "{v}");
    let other = "arn:aws:iam::111122223333:role/other";
    let (code, _) = can(d.path(), &["Auditor", "s3:GetObject", "arn:aws:s3:::vault/k", "--principal-arn", other]);
    assert_eq!(code, 1);
}

#[test]
fn session_policies_and_accounts() {
    let d = setup();
    let session = d.path().join("session.json");
    std::fs::write(
        &session,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
    )
    .unwrap();
    let sp = session.to_str().unwrap();
    let arn = "arn:aws:sts::111122223333:assumed-role/app/s1";
    let obj = "arn:aws:s3:::data/a.csv";
    let (code, v) = can(d.path(), &["AppRole", "s3:GetObject", obj, "--session-policy", sp, "--principal-arn", arn]);
    assert_eq!(code, 0, "{v}");
    // The role may put objects, the session may not.
    let (code, v) = can(d.path(), &["AppRole", "s3:PutObject", "arn:aws:s3:::uploads/a", "--session-policy", sp]);
    assert_eq!((code, v["decided_by"].as_str()), (1, Some("session policy")), "{v}");
    let bad = d.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let out = palisade(&["iam", "can", "AppRole", "s3:GetObject", "--session-policy", bad.to_str().unwrap()], d.path());
    assert_eq!(out.status.code(), Some(2));
    // A queue in another account: its own policy, outside the scan, must allow too.
    let queue = "arn:aws:sqs:eu-west-1:444455556666:q";
    let role = "arn:aws:iam::111122223333:role/app";
    let (code, v) = can(d.path(), &["AppRole", "s3:GetObject", queue, "--principal-arn", role]);
    assert_eq!((code, v["decided_by"].as_str()), (3, Some("resource policy")), "{v}");
    assert!(v["notes"].to_string().contains("another account"), "{v}");
    let (code, v) = can(d.path(), &["AppRole", "sqs:SendMessage", queue, "--principal-arn", role]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("implicit deny")), "the boundary denies sqs: {v}");
}

#[test]
fn a_variable_without_a_value_is_decided_in_a_complete_context() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("team.json"),
        r#"{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"}
]}"#,
    )
    .unwrap();
    let obj = "arn:aws:s3:::teams/blue/k";
    let (code, _) = can(d.path(), &["team.json", "s3:GetObject", obj]);
    assert_eq!(code, 3, "the tag is not known");
    let (code, v) = can(d.path(), &["team.json", "s3:GetObject", obj, "--complete-context"]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("implicit deny")), "{v}");
    let notes = v["notes"].to_string();
    assert!(notes.contains("aws:PrincipalTag/team") && notes.contains("matches nothing"), "{v}");
    let (code, _) = can(d.path(), &["team.json", "s3:GetObject", obj, "-c", "aws:PrincipalTag/team=blue"]);
    assert_eq!(code, 0);
}

#[test]
fn scps_apply_per_level_of_the_org_path() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("stack.yaml"),
        "Resources:
  App:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: all
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - {Effect: Allow, Action: '*', Resource: '*'}
  RootAllow:
    Type: AWS::Organizations::Policy
    Properties:
      Name: root-allow
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [r-ab12]
      Content:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Action: '*', Resource: '*'}
  OuAllowEc2:
    Type: AWS::Organizations::Policy
    Properties:
      Name: ou-ec2
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [ou-ab12-11111111]
      Content:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Action: 'ec2:*', Resource: '*'}
",
    )
    .unwrap();
    // Without the path every SCP applies together: the root's allow suffices.
    let (code, v) = can(d.path(), &["App", "s3:GetObject", "arn:aws:s3:::b/k"]);
    assert_eq!(code, 0, "{v}");
    // On the path, the OU level allows only EC2.
    let path = "r-ab12,ou-ab12-11111111,111122223333";
    let (code, v) = can(d.path(), &["App", "s3:GetObject", "arn:aws:s3:::b/k", "--org-path", path]);
    assert_eq!((code, v["decided_by"].as_str()), (1, Some("service control policies")), "{v}");
    let (code, v) = can(d.path(), &["App", "ec2:RunInstances", "--org-path", path]);
    assert_eq!(code, 0, "{v}");
    // An OU without SCPs of its own keeps AWS's default FullAWSAccess.
    let (code, v) =
        can(d.path(), &["App", "s3:GetObject", "arn:aws:s3:::b/k", "--org-path", "r-ab12,ou-other,111122223333"]);
    assert_eq!(code, 0, "{v}");
}

/// A role attaching AWS managed policies is evaluated with their published documents.
#[test]
fn aws_managed_policies_are_evaluated_with_their_documents() {
    let d = tempfile::tempdir().unwrap();
    let role = |name: &str, arns: &[&str]| {
        let list: String = arns.iter().map(|a| format!("        - {a}\n")).collect();
        format!(
            "  {name}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {{Effect: Allow, Principal: {{Service: lambda.amazonaws.com}}, Action: sts:AssumeRole}}
      ManagedPolicyArns:
{list}"
        )
    };
    let stack = format!(
        "Resources:\n{}{}{}",
        role("S3Role", &["arn:aws:iam::aws:policy/AmazonS3FullAccess"]),
        role("Reader", &["arn:aws:iam::aws:policy/ReadOnlyAccess"]),
        role("Lambda", &["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]),
    );
    std::fs::write(d.path().join("stack.yaml"), stack).unwrap();
    let (code, v) = can(d.path(), &["S3Role", "s3:GetObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allow")), "{v}");
    assert!(v["statements"][0]["policy"].as_str().is_some_and(|p| p.contains("AmazonS3FullAccess")), "{v}");
    let (code, v) = can(d.path(), &["Reader", "s3:PutObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("implicit deny")), "{v}");
    let (code, v) = can(d.path(), &["Reader", "s3:GetObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allow")), "{v}");
    // A managed policy under a path (`service-role/`).
    let (code, v) =
        can(d.path(), &["Lambda", "logs:PutLogEvents", "arn:aws:logs:eu-west-1:111122223333:log-group:g:log-stream:s"]);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allow")), "{v}");
    let (code, v) = can(d.path(), &["Lambda", "s3:GetObject", "arn:aws:s3:::data/a.csv"]);
    assert_eq!((code, v["decision"].as_str()), (1, Some("implicit deny")), "{v}");
}
