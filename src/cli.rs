//! The command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::discover::DiscoverOptions;
use crate::finding::Severity;
use crate::report::{self, Format, RenderOptions};
use crate::rules;
use crate::scan::{self, ScanOptions};

/// Exit status: no findings at or above the threshold, all files read.
pub const EXIT_CLEAN: i32 = 0;
/// Exit status: findings at or above `--fail-on`.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: a file could not be read or parsed, or bad arguments.
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "palisade",
    version,
    about = "Audit AWS infrastructure as code for security problems, with exact file:line locations.",
    long_about = "Palisade audits CloudFormation templates and Kubernetes manifests (YAML and JSON) against a catalog of \
security controls organised by defense-in-depth layer (network, identity, application, data, \
monitoring) and mapped to the AWS Well-Architected Security Pillar.\n\n\
Intrinsic functions are evaluated: parameters with defaults, conditions, mappings, Fn::Sub, \
Fn::Join and friends. A value that cannot be decided is never reported as insecure.",
    after_help = "Examples:\n  palisade scan                         scan the current directory\n  \
palisade scan templates/ --format sarif --output palisade.sarif\n  \
palisade scan stack.yaml --parameters params.json --fail-on high\n  \
palisade rules                        list every rule\n  \
palisade posture templates/           layer scorecard and Well-Architected coverage\n  \
palisade rule PAL-S3-001              show a rule's documentation\n\n\
Exit status: 0 no findings at or above --fail-on, 1 findings, 2 a file could not be read or parsed, or bad arguments."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan files and directories for security problems.
    Scan(ScanArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Show the defense-in-depth scorecard and Well-Architected coverage of a set of files.
    Posture(PostureArgs),
    /// Show one rule's documentation (by id or slug).
    Rule {
        /// Rule id (e.g. PAL-S3-001) or slug (e.g. s3-public-access-block).
        id: String,
    },
}

#[derive(Args, Debug)]
struct ScanArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_name = "SEVERITY", default_value = "low", value_parser = parse_severity)]
    fail_on: Severity,
    /// Run only these rules (ids, slugs or id prefixes such as PAL-S3; comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    select: Vec<String>,
    /// Skip these rules (ids, slugs or id prefixes; comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    ignore: Vec<String>,
    /// Leave out paths matching GLOB (gitignore syntax; repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Do not honour .gitignore, .ignore and hidden-file rules when walking directories.
    #[arg(long)]
    no_ignore: bool,
    /// Registry that Kubernetes images may come from, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com
    /// or ghcr.io/my-org (comma-separated or repeated; without it, only images that name no
    /// registry are reported).
    #[arg(long, value_delimiter = ',', value_name = "REGISTRY")]
    allowed_registry: Vec<String>,
    /// Template parameter values (JSON: [{"ParameterKey":..,"ParameterValue":..}], ["K=V"], or {"K": "V"}).
    #[arg(long, value_name = "FILE")]
    parameters: Option<PathBuf>,
    /// Print only the summary and errors (text format).
    #[arg(long, short)]
    quiet: bool,
    /// Never use colors.
    #[arg(long)]
    no_color: bool,
    /// ASFF: the AWS account id of the Security Hub that imports the findings.
    #[arg(long, value_name = "ID", default_value = "000000000000", value_parser = parse_account_id)]
    aws_account_id: String,
    /// ASFF: the region of the Security Hub that imports the findings.
    #[arg(long, value_name = "REGION", default_value = "us-east-1")]
    aws_region: String,
}

#[derive(Args, Debug)]
struct PostureArgs {
    /// Files or directories to evaluate together.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Leave out paths matching GLOB (gitignore syntax; repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
}

#[derive(Args, Debug)]
struct RulesArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

fn parse_account_id(s: &str) -> Result<String, String> {
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err(format!("expected a 12-digit AWS account id; found `{s}`"))
    }
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("expected one of critical, high, medium, low, info; found `{s}`"))
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Rules(args) => list_rules(args.format),
        Command::Posture(args) => run_posture(args),
        Command::Rule { id } => match rules::find(&id) {
            Some(r) => {
                print!("{}", r.meta.documentation());
                EXIT_CLEAN
            }
            None => {
                eprintln!("error: no rule `{id}` (run `palisade rules` to list them)");
                EXIT_ERROR
            }
        },
    }
}

fn run_scan(args: ScanArgs) -> i32 {
    let parameters = match &args.parameters {
        None => Default::default(),
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => match crate::lower::cfn::params::parse_parameters(&text) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("error: {}: {e}", p.display());
                    return EXIT_ERROR;
                }
            },
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", p.display());
                return EXIT_ERROR;
            }
        },
    };
    let opts = ScanOptions {
        paths: args.paths,
        discover: DiscoverOptions { exclude: args.exclude, no_ignore: args.no_ignore },
        parameters,
        select: args.select,
        allowed_registries: args.allowed_registry,
        ignore: args.ignore,
        ..ScanOptions::default()
    };
    let report = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && !args.no_color && std::env::var_os("NO_COLOR").is_none();
    let text = report::render(
        &report,
        args.format,
        &RenderOptions {
            color,
            quiet: args.quiet,
            asff: report::asff::AsffTarget { account_id: args.aws_account_id, region: args.aws_region },
        },
    );
    let written = match &args.output {
        Some(path) => {
            std::fs::write(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string()),
    };
    if let Err(e) = written {
        eprintln!("error: {e}");
        return EXIT_ERROR;
    }
    if args.format != Format::Text || args.output.is_some() {
        // Diagnostics are in the report; repeat errors on stderr so they are not missed.
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{d}");
        }
    }
    if report.diagnostics.iter().any(|d| d.is_error()) {
        EXIT_ERROR
    } else if report.findings.iter().any(|f| f.severity >= args.fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn run_posture(args: PostureArgs) -> i32 {
    let opts = ScanOptions {
        paths: args.paths,
        discover: DiscoverOptions { exclude: args.exclude, ..DiscoverOptions::default() },
        ..ScanOptions::default()
    };
    let report = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    for d in report.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{d}");
    }
    let posture = crate::posture::Posture::of(&report);
    match args.format {
        ListFormat::Text => print!("{}", crate::posture::render::text(&posture)),
        ListFormat::Json => print!("{}", crate::posture::render::json(&posture)),
    }
    if report.diagnostics.iter().any(|d| d.is_error()) { EXIT_ERROR } else { EXIT_CLEAN }
}

fn list_rules(format: ListFormat) -> i32 {
    let all = rules::all();
    match format {
        ListFormat::Json => {
            let v: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    let mut m = serde_json::to_value(&r.meta).unwrap_or_default();
                    if let (Some(obj), Some(profile)) = (m.as_object_mut(), rules::k8s::pss_profile(r.meta.id)) {
                        obj.insert("pss_profile".into(), profile.into());
                    }
                    m
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        ListFormat::Text => {
            let id_w = all.iter().map(|r| r.meta.id.len()).max().unwrap_or(2);
            let slug_w = all.iter().map(|r| r.meta.slug.len()).max().unwrap_or(4);
            println!("{:id_w$}  {:slug_w$}  {:8}  {:11}  {:14}  TITLE", "ID", "SLUG", "SEVERITY", "LAYER", "CONTROLS");
            for r in &all {
                let m = &r.meta;
                println!(
                    "{:id_w$}  {:slug_w$}  {:8}  {:11}  {:14}  {}",
                    m.id,
                    m.slug,
                    m.severity.as_str(),
                    m.layer.as_str(),
                    m.controls.join(","),
                    m.title
                );
            }
            println!("\n{} rules. `palisade rule ID` shows one rule's documentation.", all.len());
        }
    }
    EXIT_CLEAN
}
