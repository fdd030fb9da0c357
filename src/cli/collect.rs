//! `palisade collect aws`: snapshots of live AWS accounts.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{EXIT_CLEAN, EXIT_ERROR, output};
use crate::collect::{self, Options};
use crate::i18n::Lang;

#[derive(Subcommand, Debug)]
pub enum CollectCommand {
    /// Collect a snapshot of an AWS account: read-only API calls, written as one JSON file that
    /// `palisade scan` reads.
    #[command(
        long_about = "Collect a snapshot of an AWS account: the answers of read-only API calls (Describe, List \
and Get, and IAM's GenerateCredentialReport) of IAM, S3, EC2, RDS, KMS, CloudTrail, GuardDuty, Security Hub, \
Config, Access Analyzer, CloudWatch, Lambda, EKS, ECR, Elastic Load Balancing, WAF, SNS, SQS, Secrets Manager, \
Backup and Organizations, as one JSON file (docs/snapshot.md) that `palisade scan` reads like a template.\n\n\
Credentials come from the AWS SDK's default chain (environment, shared configuration and credentials files, \
SSO, web identity, container and instance roles) or from --profile. Nothing is written to the account. \
A call that is denied or fails is recorded in the snapshot's `errors` with the permission it needs, and \
the collection goes on; what it would have shown stays unknown. docs/collector-policy.json is the IAM \
policy the collector needs.\n\n\
Organisation mode: with --role-name, the collector assumes arn:PARTITION:iam::ACCOUNT:role/NAME in each \
account of --accounts (or of the organisation, from organizations:ListAccounts) and writes one snapshot per \
account, ACCOUNT.json, into the folder --output.",
        after_help = "Examples:\n  palisade collect aws --output account.json\n  \
palisade collect aws --profile audit --region eu-west-1,us-east-1 --output account.json\n  \
palisade collect aws --all-regions --output account.json && palisade scan account.json\n  \
palisade collect aws --role-name PalisadeAudit --output snapshots/    every account of the organisation\n  \
palisade collect aws --role-name PalisadeAudit --accounts 111122223333,444455556666 --output snapshots/\n  \
palisade scan --aws --region eu-west-1    collect and scan in one go\n\n\
Exit status: 0 the snapshot was written (denied calls are recorded in it), 2 nothing could be collected \
(no credentials, no Region, an unreachable endpoint) or bad arguments."
    )]
    Aws(AwsArgs),
}

/// Where and how to collect.
#[derive(Args, Debug, Clone, Default)]
pub struct AwsArgs {
    /// Use this profile of the shared AWS configuration [default: the SDK's default chain,
    /// which honours AWS_PROFILE].
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// The Regions to collect (comma-separated or repeated) [default: the profile's or
    /// AWS_REGION's Region].
    #[arg(long, value_name = "REGION", value_delimiter = ',', conflicts_with = "all_regions")]
    pub region: Vec<String>,
    /// Collect every Region enabled in the account (from ec2:DescribeRegions).
    #[arg(long)]
    pub all_regions: bool,
    /// Write the snapshot to FILE [default: standard output]; with --role-name, the folder the
    /// snapshots (ACCOUNT.json) go to.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Send every request to this endpoint (an emulator, or a partition's own endpoint).
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// Organisation mode: assume this role in each account (arn:PARTITION:iam::ACCOUNT:role/NAME).
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,
    /// Organisation mode: the accounts to collect (comma-separated or repeated) [default: every
    /// active account of the organisation].
    #[arg(long, value_name = "ID", value_delimiter = ',', requires = "role_name", value_parser = super::parse_account_id)]
    pub accounts: Vec<String>,
    /// Do not show a progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

impl AwsArgs {
    pub fn options(&self) -> Options {
        Options {
            profile: self.profile.clone(),
            regions: self.region.clone(),
            all_regions: self.all_regions,
            output: self.output.clone(),
            endpoint_url: self.endpoint_url.clone(),
            role_name: self.role_name.clone(),
            accounts: self.accounts.clone(),
            progress: !self.no_progress,
        }
    }
}

pub fn run(cmd: CollectCommand, lang: Lang) -> i32 {
    let CollectCommand::Aws(args) = cmd;
    if !collect::AVAILABLE {
        output::error(&super::error_line(lang, &crate::i18n::label(lang, "collect-not-built")));
        return EXIT_ERROR;
    }
    match collect::run(&args.options()) {
        Ok(collected) => {
            for p in &collected.problems {
                output::error(&super::error_line(lang, p));
            }
            if let Some(text) = &collected.stdout {
                output::emit(text);
            }
            for p in &collected.files {
                let path = p.display().to_string();
                output::error(&crate::i18n::label_with(lang, "collect-wrote", &[("path", &path)]));
            }
            EXIT_CLEAN
        }
        Err(e) => {
            output::error(&super::error_line(lang, &e));
            EXIT_ERROR
        }
    }
}

/// `scan --aws`: collects a snapshot to scan. Returns its path and whether it is a temporary
/// file, removed after the scan (without --snapshot-output).
pub fn collect_for_scan(args: &AwsArgs, keep: Option<PathBuf>, lang: Lang) -> Result<(PathBuf, bool), String> {
    if !collect::AVAILABLE {
        return Err(crate::i18n::label(lang, "collect-not-built").into_owned());
    }
    let temporary = keep.is_none();
    let path = keep.unwrap_or_else(|| std::env::temp_dir().join(format!("palisade-aws-{}.json", std::process::id())));
    let opts = Options { output: Some(path.clone()), ..args.options() };
    for p in collect::run(&opts)?.problems {
        output::error(&super::error_line(lang, &p));
    }
    Ok((path, temporary))
}
