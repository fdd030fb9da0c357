//! Every published privilege-escalation method, through the whole pipeline: for each method of
//! the embedded table, a CloudFormation template gives a principal exactly the method's
//! permissions, next to a privileged role, user, group and policy it could use, and harmless
//! ones it could not. The method must be reported when the grant reaches the privileged
//! target (on `*`, scoped to that target, or under a condition), and not when it reaches only
//! harmless ones, is denied, or is cut by a permissions boundary.

use palisade::analyze::iam::escalation::{Method, methods};
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

const ACCOUNT: &str = "123456789012";

/// What the principal's statement applies to.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// `Resource: '*'`.
    Everything,
    /// The privileged target of each action.
    Privileged,
    /// The privileged target of each action, named by reference (`!GetAtt Target.Arn`).
    Referenced,
    /// The privileged target of each action, its ARN built with `!Sub` from the pseudo
    /// parameters (`arn:${AWS::Partition}:iam::${AWS::AccountId}:role/target-admin`), and a
    /// managed policy named by `!Ref`.
    Substituted,
    /// As `Substituted`, with `!Join` and `!Ref AWS::AccountId`.
    Joined,
    /// A harmless target of each action.
    Harmless,
}

fn lower(a: &str) -> String {
    a.to_ascii_lowercase()
}

fn has(m: &Method, a: &str) -> bool {
    m.actions.iter().any(|x| lower(x) == a)
}

fn writes_policy(m: &Method, kind: &str) -> bool {
    has(m, &format!("iam:put{kind}policy")) || has(m, &format!("iam:attach{kind}policy"))
}

fn credentials(m: &Method) -> bool {
    ["iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile"].iter().any(|a| has(m, a))
}

/// Methods whose only targeted actions write the policy of a role: the principal is that role.
fn subject_is_role(m: &Method) -> bool {
    let targeted: Vec<String> =
        m.actions.iter().map(|a| lower(a)).filter(|a| a.starts_with("iam:") || a.starts_with("sts:")).collect();
    !targeted.is_empty() && targeted.iter().all(|a| a == "iam:putrolepolicy" || a == "iam:attachrolepolicy")
}

fn arn(kind: &str, name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT}:{kind}/{name}")
}

/// The resource an action of `m` is granted on, or `None` when the scope has no meaning for
/// the method (no harmless target that leaves it powerless).
fn resource(m: &Method, action: &str, scope: Scope) -> Option<String> {
    if scope == Scope::Everything {
        return Some("*".into());
    }
    let harmless = scope == Scope::Harmless;
    // Code run in an existing resource takes that resource's role, which the scan does not show.
    if harmless && !m.actions.iter().any(|x| x.starts_with("iam:") || x.starts_with("sts:")) {
        return None;
    }
    let a = lower(action);
    let roles_only_self = subject_is_role(m);
    let policy_and_role = m.actions.iter().any(|x| {
        let x = lower(x);
        x.ends_with("rolepolicy") || x == "sts:assumerole" || x == "iam:updateassumerolepolicy"
    });
    Some(match a.as_str() {
        "iam:passrole" => arn("role", if harmless { "harmless" } else { "target-admin" }),
        "iam:putrolepolicy" | "iam:attachrolepolicy" if roles_only_self => {
            arn("role", if harmless { "harmless" } else { "subject" })
        }
        "iam:putrolepolicy" | "iam:attachrolepolicy" | "iam:updateassumerolepolicy" | "sts:assumerole" => {
            // Writing a policy on a role one can then assume escalates whatever the role holds.
            if harmless && (writes_policy(m, "role") || has(m, "iam:createpolicyversion")) {
                return None;
            }
            arn("role", if harmless { "harmless" } else { "target-admin" })
        }
        "iam:putuserpolicy"
        | "iam:attachuserpolicy"
        | "iam:createaccesskey"
        | "iam:deleteaccesskey"
        | "iam:createloginprofile"
        | "iam:updateloginprofile" => match (writes_policy(m, "user"), credentials(m)) {
            (true, true) if harmless => return None,
            (true, true) => arn("user", "other-user"),
            (true, false) => arn("user", if harmless { "other-user" } else { "${aws:username}" }),
            _ => arn("user", if harmless { "${aws:username}" } else { "admin-user" }),
        },
        "iam:addusertogroup" => arn("group", if harmless { "other-group" } else { "admins" }),
        "iam:putgrouppolicy" | "iam:attachgrouppolicy" => {
            arn("group", if harmless { "other-group" } else { "subject-group" })
        }
        "iam:createpolicyversion" | "iam:setdefaultpolicyversion" => {
            if harmless && policy_and_role {
                return None;
            }
            let name = match (harmless, policy_and_role) {
                (true, _) => "orphan-policy",
                (false, true) => "target-policy",
                (false, false) => "subject-policy",
            };
            arn("policy", name)
        }
        _ => "*".into(),
    })
}

/// Every service a method passes a role to, for the trust policies of the passable roles.
fn all_services() -> Vec<&'static str> {
    let mut s: Vec<&str> = methods().iter().flat_map(|m| m.passes_to.iter().copied()).collect();
    s.sort();
    s.dedup();
    s
}

fn role(id: &str, name: &str, policies: &str) -> String {
    role_trusting(id, name, policies, &format!("arn:aws:iam::{ACCOUNT}:root"))
}

/// A role that the services of the methods and the principals `trusted` may assume.
fn role_trusting(id: &str, name: &str, policies: &str, trusted: &str) -> String {
    let services: String = all_services().iter().map(|s| format!("                - {s}\n")).collect();
    format!(
        "  {id}:
    Type: AWS::IAM::Role
    Properties:
      RoleName: {name}
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service:
{services}              AWS: {trusted}
            Action: sts:AssumeRole
{policies}"
    )
}

/// How the principal's grant is written.
#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Plain,
    /// Under an MFA condition.
    Conditional,
    /// With an explicit `Deny` of the method's actions.
    Denied,
    /// With a permissions boundary that allows only `s3:GetObject`.
    Bounded,
}

/// The reference to the entity an ARN of [`resource`] names, when it is not the principal
/// itself through `${aws:username}`.
fn reference(arn: &str) -> Option<String> {
    let (kind, name) = arn.strip_prefix(&format!("arn:aws:iam::{ACCOUNT}:"))?.split_once('/')?;
    let id: String = name.split('-').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
    let attr = if kind == "policy" { "PolicyArn" } else { "Arn" };
    (!name.contains('$')).then(|| format!("!GetAtt {id}.{attr}"))
}

/// The ARN of [`resource`] written with the stack's own account as a pseudo parameter (or a
/// managed policy of the stack by `!Ref`).
fn own_account(arn: &str, joined: bool) -> String {
    let Some(rest) = arn.strip_prefix(&format!("arn:aws:iam::{ACCOUNT}:")) else { return format!("'{arn}'") };
    if let Some(r) = reference(arn).filter(|_| rest.starts_with("policy/")) {
        return r.replace("!GetAtt ", "!Ref ").replace(".PolicyArn", "");
    }
    if joined {
        format!("!Join ['', ['arn:', !Ref 'AWS::Partition', ':iam::', !Ref 'AWS::AccountId', ':{rest}']]")
    } else {
        // `${!...}` keeps an IAM policy variable in the text.
        format!("!Sub 'arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:{}'", rest.replace("${", "${!"))
    }
}

fn template(m: &Method, scope: Scope, variant: Variant) -> Option<String> {
    let mut statements = String::new();
    for a in &m.actions {
        let r = match scope {
            Scope::Referenced => {
                let r = resource(m, a, Scope::Privileged)?;
                reference(&r).unwrap_or(format!("'{r}'"))
            }
            Scope::Substituted | Scope::Joined => {
                own_account(&resource(m, a, Scope::Privileged)?, scope == Scope::Joined)
            }
            _ => format!("'{}'", resource(m, a, scope)?),
        };
        statements.push_str(&format!(
            "              - Effect: Allow\n                Action: {a}\n                Resource: {r}\n"
        ));
        if variant == Variant::Conditional {
            statements.push_str(
                "                Condition:\n                  Bool:\n                    aws:MultiFactorAuthPresent: 'true'\n",
            );
        }
    }
    if variant == Variant::Denied {
        let list: String = m.actions.iter().map(|a| format!("                  - {a}\n")).collect();
        statements.push_str(&format!(
            "              - Effect: Deny\n                Action:\n{list}                Resource: '*'\n"
        ));
    }
    let boundary = if variant == Variant::Bounded { "      PermissionsBoundary: !Ref Boundary\n" } else { "" };
    let own = format!(
        "{boundary}      ManagedPolicyArns:
        - !Ref SubjectPolicy
      Policies:
        - PolicyName: method
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
{statements}"
    );
    let subject = if subject_is_role(m) {
        role("Subject", "subject", &own)
    } else {
        format!(
            "  Subject:
    Type: AWS::IAM::User
    Properties:
      UserName: subject
      Groups:
        - !Ref SubjectGroup
{own}"
        )
    };
    let admin = "      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AdministratorAccess\n";
    let managed = |id: &str, name: &str, attach: &str| {
        format!(
            "  {id}:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: {name}
{attach}      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:ListAllMyBuckets
            Resource: '*'
"
        )
    };
    let group = |id: &str, name: &str, policies: &str| {
        format!("  {id}:\n    Type: AWS::IAM::Group\n    Properties:\n      GroupName: {name}\n{policies}")
    };
    let user = |id: &str, name: &str, policies: &str| {
        format!("  {id}:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: {name}\n{policies}")
    };
    // The trust of the privileged role: the account as the grants write it; for a principal
    // named by reference, the principal itself.
    let trusted = match scope {
        Scope::Substituted => "!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'".to_string(),
        Scope::Joined => "!GetAtt Subject.Arn".to_string(),
        _ => format!("arn:aws:iam::{ACCOUNT}:root"),
    };
    Some(format!(
        "Resources:
{subject}{}{}{}{}{}{}{}{}{}{}  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'
",
        role_trusting("TargetAdmin", "target-admin", admin, &trusted),
        role("Harmless", "harmless", ""),
        managed("SubjectPolicy", "subject-policy", ""),
        managed("TargetPolicy", "target-policy", "      Roles:\n        - !Ref TargetAdmin\n"),
        managed("OrphanPolicy", "orphan-policy", ""),
        user("AdminUser", "admin-user", admin),
        user("OtherUser", "other-user", ""),
        group("SubjectGroup", "subject-group", ""),
        group("Admins", "admins", admin),
        group("OtherGroup", "other-group", ""),
    ))
}

/// The messages PAL-IAM-006 reports about the principal `Subject`.
fn reported(text: String) -> Vec<String> {
    scan_messages(&text).into_iter().filter(|m| m.contains("`Subject`")).collect()
}

/// Does a message report method `id` (as the method, or among the wider ones it lists)?
fn names(msg: &str, id: &str) -> bool {
    msg.contains(&format!(" with {id} ("))
        || msg.split("; also ").nth(1).is_some_and(|l| l.split(", ").any(|x| x == id))
}

#[test]
fn every_method_is_reported_when_it_reaches_a_privileged_target() {
    let mut failures = Vec::new();
    for m in methods() {
        for (scope, variant) in [
            (Scope::Everything, Variant::Plain),
            (Scope::Privileged, Variant::Plain),
            (Scope::Referenced, Variant::Plain),
            (Scope::Substituted, Variant::Plain),
            (Scope::Joined, Variant::Plain),
            (Scope::Privileged, Variant::Conditional),
        ] {
            let Some(t) = template(m, scope, variant) else { continue };
            let got = reported(t);
            let hit = got.iter().find(|g| names(g, m.id));
            let ok = match (hit, variant) {
                (None, _) => false,
                (Some(g), Variant::Conditional) => g.contains("when `Bool aws:MultiFactorAuthPresent true`"),
                (Some(_), _) => true,
            };
            if !ok {
                failures.push(format!("{} ({}) scope {}: {got:?}", m.id, m.name(), scope as u8));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn no_method_is_reported_when_the_path_is_impossible() {
    let mut failures = Vec::new();
    let mut harmless = 0;
    for m in methods() {
        for variant in [Variant::Denied, Variant::Bounded] {
            let got = reported(template(m, Scope::Everything, variant).unwrap());
            if !got.is_empty() {
                failures.push(format!(
                    "{} {}: {got:?}",
                    m.id,
                    if variant == Variant::Denied { "denied" } else { "bounded" }
                ));
            }
        }
        if let Some(t) = template(m, Scope::Harmless, Variant::Plain) {
            harmless += 1;
            let got = reported(t);
            if got.iter().any(|g| names(g, m.id)) {
                failures.push(format!("{} on harmless targets: {got:?}", m.id));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    // Every method that targets a role, user, group or policy has a harmless variant, except
    // those that write a policy on the target they then use.
    assert!(harmless >= 45, "{harmless}");
}

#[test]
fn passed_to_service_limits_the_compute_methods() {
    let t = |service: &str| {
        deployer(
            &format!(
                "'*'\n                Condition:\n                  StringEquals:\n                    iam:PassedToService: {service}"
            ),
            "ec2:RunInstances, lambda:CreateFunction, lambda:InvokeFunction",
        )
    };
    let msgs = |s: &str| scan_messages(&t(s));
    let ec2 = msgs("ec2.amazonaws.com");
    assert!(ec2.iter().any(|m| names(m, "ec2-001")), "{ec2:?}");
    assert!(!ec2.iter().any(|m| names(m, "lambda-001")), "{ec2:?}");
    let lambda = msgs("lambda.amazonaws.com");
    assert!(lambda.iter().any(|m| names(m, "lambda-001")), "{lambda:?}");
    assert!(!lambda.iter().any(|m| names(m, "ec2-001")), "{lambda:?}");
}

#[test]
fn allow_not_action_is_analysed_like_any_grant() {
    let t = ec2_role(
        "      Policies:
        - PolicyName: all-but-iam
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                NotAction: ['iam:*', 'sts:*']
                Resource: '*'
",
    );
    let got = scan_messages(&t);
    assert!(got.iter().any(|m| names(m, "ssm-002")), "{got:?}");
    assert!(got.iter().any(|m| names(m, "lambda-003")), "{got:?}");
    assert!(!got.iter().any(|m| names(m, "ec2-001") || names(m, "iam-001")), "no iam:PassRole, no IAM writes: {got:?}");
}

/// How many of each catalogue's methods the table holds (each is checked above).
#[test]
fn every_catalogue_is_covered() {
    let count = |c: &str| methods().iter().filter(|m| m.sources.iter().any(|(s, _)| *s == c)).count();
    assert_eq!(count("pathfinding.cloud"), 65);
    assert_eq!(count("cloudsplaining"), 59);
    assert!(count("rhino") >= 21 && count("pacu") >= 21 && count("pmapper") >= 15);
}

fn scan_messages(text: &str) -> Vec<String> {
    let opts = ScanOptions { select: vec!["PAL-IAM-006".into()], ..ScanOptions::default() };
    scan_source(SourceFile::new("t.yaml", text.to_string()), &opts)
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.message().into_owned())
        .collect()
}

/// A role EC2 may assume, with the properties `props`.
fn ec2_role(props: &str) -> String {
    format!(
        "Resources:
  Ops:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
{props}"
    )
}

fn managed_role(policies: &str, boundary: &str) -> String {
    ec2_role(&format!("{boundary}      ManagedPolicyArns:\n{policies}"))
}

/// AWS managed policies are evaluated with their published documents, as grants and as
/// permissions boundaries.
#[test]
fn aws_managed_policies_are_judged_with_their_documents() {
    let power = managed_role("        - arn:aws:iam::aws:policy/PowerUserAccess\n", "");
    let got = scan_messages(&power);
    assert!(got.iter().any(|m| names(m, "ssm-002")), "{got:?}");
    assert!(!got.iter().any(|m| names(m, "iam-001") || names(m, "ec2-001")), "no IAM in PowerUserAccess: {got:?}");
    // The methods that run code in existing resources are one finding.
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(names(&got[0], "lambda-003") && names(&got[0], "ecs-x01"), "{got:?}");
    let iam = managed_role("        - arn:aws:iam::aws:policy/IAMFullAccess\n", "");
    assert!(scan_messages(&iam).iter().any(|m| names(m, "iam-007")));
    let bounded = managed_role(
        "        - arn:aws:iam::aws:policy/IAMFullAccess\n",
        "      PermissionsBoundary: arn:aws:iam::aws:policy/ReadOnlyAccess\n",
    );
    assert_eq!(scan_messages(&bounded), Vec::<String>::new());
    let admin = managed_role("        - arn:aws:iam::aws:policy/AdministratorAccess\n", "");
    assert_eq!(scan_messages(&admin), Vec::<String>::new(), "administrators are reported by other rules");
}

/// A `Deny` under a condition leaves the method possible when the condition does not hold.
#[test]
fn a_conditional_deny_is_reported_as_a_condition() {
    let t = "Resources:
  Admin:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: iam
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: iam:CreateLoginProfile
                Resource: '*'
              - Effect: Deny
                Action: '*'
                Resource: '*'
                Condition:
                  BoolIfExists:
                    aws:MultiFactorAuthPresent: 'false'
";
    let got = scan_messages(t);
    assert!(
        got.iter().any(|m| names(m, "iam-004") && m.contains("unless `BoolIfExists aws:MultiFactorAuthPresent false`")),
        "{got:?}"
    );
}

/// A grant scoped to a role of the scan by reference (`aws_iam_role.fn.arn`) is judged with
/// that role: passing it escalates when it holds more, not when it holds nothing more.
#[test]
fn references_to_roles_of_the_scan_are_resolved() {
    let tf = |policy: &str| {
        format!(
            r#"resource "aws_iam_role" "deployer" {{
  name = "deployer"
  assume_role_policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Principal = {{ Service = "codebuild.amazonaws.com" }}, Action = "sts:AssumeRole" }}]
  }})
}}

resource "aws_iam_role_policy" "deploy" {{
  role = aws_iam_role.deployer.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{ Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.fn.arn }},
      {{ Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction", "logs:*"], Resource = "*" }},
    ]
  }})
}}

resource "aws_iam_role" "fn" {{
  name = "fn"
  assume_role_policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Principal = {{ Service = "lambda.amazonaws.com" }}, Action = "sts:AssumeRole" }}]
  }})
  managed_policy_arns = ["arn:aws:iam::aws:policy/{policy}"]
}}
"#
        )
    };
    let opts = ScanOptions { select: vec!["PAL-IAM-006".into()], ..ScanOptions::default() };
    let run = |policy: &str| -> Vec<String> {
        let r = scan_source(SourceFile::new("main.tf", tf(policy)), &opts).unwrap();
        r.findings.into_iter().map(|f| f.message().into_owned()).collect()
    };
    let got = run("AmazonDynamoDBFullAccess");
    assert!(got.iter().any(|m| names(m, "lambda-001") && m.contains("on role `aws_iam_role.fn`")), "{got:?}");
    let got = run("service-role/AWSLambdaBasicExecutionRole");
    assert!(!got.iter().any(|m| names(m, "lambda-001")), "the role holds only logs permissions: {got:?}");
}

/// A user `Deployer` that may pass the roles `pass` (a `Resource` and what follows it in the
/// statement), and perform `actions` on any resource.
fn deployer(pass: &str, actions: &str) -> String {
    format!(
        "Resources:
  Deployer:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: {pass}
              - Effect: Allow
                Action: [{actions}]
                Resource: '*'
"
    )
}

/// A user that may pass the roles `pass` to Lambda, and a Lambda role `admin` with a path
/// holding administrator access.
fn lambda_pass(pass: &str, extra: &str) -> String {
    format!(
        "{}{extra}  Fn:
    Type: AWS::IAM::Role
    Properties:
      RoleName: admin
      Path: /service/
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
",
        deployer(pass, "lambda:CreateFunction, lambda:InvokeFunction")
    )
}

/// The ARN of a role includes its path; a grant names the stack's own account by its pseudo
/// parameter, and a literal account next to it is another account.
#[test]
fn role_paths_and_the_own_account_scope_grants() {
    let passes =
        |pass: &str, extra: &str| scan_messages(&lambda_pass(pass, extra)).iter().any(|m| names(m, "lambda-001"));
    assert!(passes("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service/admin'", ""));
    assert!(passes("!Sub 'arn:aws:iam::${AWS::AccountId}:role/service/*'", ""));
    assert!(passes("!GetAtt Fn.Arn", ""));
    assert!(passes("'arn:aws:iam::*:role/service/admin'", ""));
    // Without the path, the ARN names another role.
    assert!(!passes("!Sub 'arn:aws:iam::${AWS::AccountId}:role/admin'", ""));
    assert!(!passes("'arn:aws:iam::*:role/admin'", ""));
    // Another account's role of the same name.
    let other = "  Other:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub 'arn:aws:s3:::logs-${AWS::AccountId}/*'
          - Effect: Allow
            Action: sts:AssumeRole
            Resource: !Sub 'arn:aws:iam::${AWS::AccountId}:role/x'
";
    assert!(!passes("'arn:aws:iam::111122223333:role/service/admin'", other));
    // Without the own account written anywhere, a literal account may be the stack's own.
    assert!(passes("'arn:aws:iam::111122223333:role/service/admin'", ""));
}
