//! Terraform through the command line: root modules and the modules they call, variable values,
//! plan files, suppressions, and the commands besides `scan`.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `(rule, file, line, resource, message, when)` of every finding of a JSON report.
fn findings(out: &Output) -> Vec<(String, String, u64, String, String)> {
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["file"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["resource"]["id"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const CHILD: &str = r#"
variable "versioning" {
  type    = string
  default = "Enabled"
}

resource "aws_s3_bucket" "this" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning
  }
}
"#;

#[test]
fn a_root_judges_its_child_module_through_the_arguments_it_passes() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "modules/bucket/main.tf", CHILD);
    write(
        d.path(),
        "envs/prod/main.tf",
        r#"
variable "mode" {
  type = string
}

module "logs" {
  source     = "../../modules/bucket"
  versioning = var.mode
}
"#,
    );
    write(d.path(), "envs/prod/terraform.tfvars", "mode = \"Suspended\"\n");
    let out = palisade(&["scan", ".", "--select", "PAL-S3-004", "-f", "json"], d.path());
    let f = findings(&out);
    // The child module is not a root of its own: judged once, with the root's value.
    assert_eq!(f.len(), 1, "{f:?}");
    let (rule, file, line, resource, message) = &f[0];
    assert_eq!((rule.as_str(), file.as_str(), *line), ("PAL-S3-004", "modules/bucket/main.tf", 14));
    assert_eq!(resource, "module.logs.aws_s3_bucket.this");
    assert!(message.contains("Suspended"), "{message}");

    // `--var` wins over terraform.tfvars.
    let out = palisade(&["scan", ".", "--select", "PAL-S3-004", "-f", "json", "--var", "mode=Enabled"], d.path());
    assert!(findings(&out).is_empty());
}

#[test]
fn a_value_from_a_variable_names_where_it_was_written() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        r#"
variable "ssh_from" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_security_group" "admin" {
  description = "Administration"
  ingress {
    description = "SSH"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.ssh_from]
  }
}
"#,
    );
    let out = palisade(&["scan", ".", "--select", "PAL-EC2-001", "-f", "json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["line"], 14, "{f}");
    let related = f["related"].as_array().unwrap();
    assert!(related.iter().any(|r| r["line"] == 4 && r["message"].as_str().unwrap().contains("ssh_from")), "{f}");
}

#[test]
fn an_unknown_count_qualifies_the_findings_of_its_instance() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        r#"
variable "create" {
  type = bool
}

resource "aws_kms_key" "this" {
  count = var.create ? 1 : 0
}
"#,
    );
    let out = palisade(&["scan", ".", "--select", "PAL-KMS-001", "-f", "json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["resource"]["id"], "aws_kms_key.this", "{v}");
    assert!(f["when"].as_str().unwrap().contains("count"), "{f}");
}

#[test]
fn suppressions_cover_a_line_or_a_whole_resource() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        r#"
# palisade:ignore PAL-S3 this bucket only holds public build artefacts
resource "aws_s3_bucket" "artefacts" {
  bucket = "artefacts"
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended" // palisade:ignore PAL-S3-004 migration in progress
  }
}
"#,
    );
    let out = palisade(&["scan", ".", "--select", "PAL-S3", "-f", "json"], d.path());
    let f = findings(&out);
    assert!(f.iter().all(|(_, _, _, r, _)| r != "aws_s3_bucket.artefacts"), "{f:?}");
    assert!(f.iter().all(|(rule, ..)| rule != "PAL-S3-004"), "{f:?}");
    assert!(f.iter().any(|(_, _, _, r, _)| r == "aws_s3_bucket.data"), "{f:?}");
}

#[test]
fn a_named_file_is_evaluated_with_its_module_and_judged_alone() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "variables.tf", "variable \"status\" {\n  default = \"Suspended\"\n}\n");
    write(
        d.path(),
        "main.tf",
        r#"resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = var.status
  }
}
"#,
    );
    write(d.path(), "other.tf", "resource \"aws_kms_key\" \"k\" {}\n");
    let out = palisade(&["scan", "main.tf", "--select", "PAL-S3-004,PAL-KMS-001", "-f", "json"], d.path());
    let f = findings(&out);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1.as_str(), f[0].2), ("PAL-S3-004", "main.tf", 8));
}

#[test]
fn a_module_that_was_not_downloaded_is_named_once() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"~> 5.0\"\n}\n",
    );
    let out = palisade(&["scan", ".", "-f", "json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap_or_default().contains("terraform init"))
        .collect();
    assert_eq!(notes.len(), 1, "{v}");
    assert_eq!(out.status.code(), Some(0), "a module not downloaded is a note, not an error");
}

const PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
     "values": {"bucket": "logs"}},
    {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v",
     "values": {"versioning_configuration": [{"status": "Suspended"}]}}
  ]}},
  "resource_changes": [
    {"address": "aws_s3_bucket_versioning.v", "change": {"after_unknown": {"bucket": true}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_s3_bucket_versioning.v",
     "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}}
  ]}}
}"#;

#[test]
fn a_plan_file_is_judged_from_its_planned_values() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "plan.json", PLAN);
    let out = palisade(&["scan", "plan.json", "--select", "PAL-S3-004", "-f", "json"], d.path());
    let f = findings(&out);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].1.as_str(), f[0].2, f[0].3.as_str()), ("plan.json", 8, "aws_s3_bucket.b"));
}

#[test]
fn exposure_and_iam_questions_work_on_terraform() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        r#"
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::data/*"]
  }
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.read.json
}
"#,
    );
    let out = palisade(&["iam", "can", "aws_iam_role.app", "s3:GetObject", "arn:aws:s3:::data/x", "."], d.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("main.tf:11:"), "the deciding statement is located in the HCL: {text}");
    let out = palisade(&["iam", "can", "aws_iam_role.app", "s3:PutObject", "arn:aws:s3:::data/x", "."], d.path());
    assert_eq!(out.status.code(), Some(1));

    let e = tempfile::tempdir().unwrap();
    write(
        e.path(),
        "main.tf",
        r#"
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_internet_gateway" "gw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.gw.id
  }
}
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
resource "aws_security_group" "ssh" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_instance" "bastion" {
  ami                         = "ami-12345678"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.public.id
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.ssh.id]
}
"#,
    );
    let out = palisade(&["net", "exposure", ".", "--format", "json"], e.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("aws_instance.bastion") && text.contains("exposed"), "{text}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_changed_module_or_tfvars_file_re_judges_the_roots_that_use_it() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "modules/bucket/main.tf", CHILD);
    write(
        d.path(),
        "envs/prod/main.tf",
        "variable \"mode\" {\n  type = string\n}\n\nmodule \"logs\" {\n  source     = \"../../modules/bucket\"\n  versioning = var.mode\n}\n",
    );
    write(d.path(), "envs/prod/terraform.tfvars", "mode = \"Enabled\"\n");
    git(d.path(), &["init", "-q"]);
    git(d.path(), &["add", "."]);
    git(d.path(), &["commit", "-qm", "initial"]);
    let scan =
        |d: &Path| findings(&palisade(&["scan", ".", "--select", "PAL-S3-004", "-f", "json", "--diff", "HEAD"], d));
    assert!(scan(d.path()).is_empty(), "nothing changed");
    // A tfvars file is part of its root: changing it re-judges the root.
    write(d.path(), "envs/prod/terraform.tfvars", "mode = \"Suspended\"\n");
    assert_eq!(scan(d.path()).len(), 1);
    git(d.path(), &["commit", "-qam", "suspend"]);
    assert!(scan(d.path()).is_empty());
    // A change to the child module re-judges the roots calling it.
    std::fs::write(d.path().join("modules/bucket/main.tf"), CHILD.replace("bucket = \"data\"", "bucket = \"logs\""))
        .unwrap();
    let f = scan(d.path());
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].3, "module.logs.aws_s3_bucket.this");
}

#[test]
fn each_place_a_value_passed_through_is_a_related_location() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "modules/bucket/main.tf", CHILD);
    write(
        d.path(),
        "root/main.tf",
        "variable \"mode\" {\n  type = string\n}\n\nmodule \"logs\" {\n  source     = \"../modules/bucket\"\n  versioning = var.mode\n}\n",
    );
    write(d.path(), "root/terraform.tfvars", "mode = \"Suspended\"\n");
    let out = palisade(&["scan", ".", "--select", "PAL-S3-004", "-f", "json"], d.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let related: Vec<(String, u64)> = v["findings"][0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap().to_string(), r["line"].as_u64().unwrap()))
        .collect();
    // Written in the tfvars file, passed as the module's argument, used in the child.
    assert_eq!(related, [("root/terraform.tfvars".to_string(), 1), ("root/main.tf".to_string(), 7)], "{v}");
}
