//! The command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub mod collect;
pub mod iam;
pub mod model;
pub mod net;
pub mod output;
pub mod test_rules;

use crate::config::Config;
use crate::discover::DiscoverOptions;
use crate::filter::baseline::Baseline;
use crate::finding::Severity;
use crate::i18n::{Lang, label};
use crate::parse::Limits;
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
    long_about = "Palisade audits CloudFormation templates, Terraform modules and plans, Kubernetes manifests \
(YAML and JSON) and IAM policy documents against a catalog of \
security controls organised by defense-in-depth layer (network, identity, application, data, \
monitoring) and mapped to the AWS Well-Architected Security Pillar.\n\n\
Intrinsic functions are evaluated: parameters with defaults, conditions, mappings, Fn::Sub, \
Fn::Join and friends; Terraform variables, locals, modules, count, for_each and built-in functions. \
A value that cannot be decided is never reported as insecure.",
    after_help = "Examples:\n  palisade scan                         scan the current directory\n  \
palisade scan templates/ --format sarif --output palisade.sarif\n  \
palisade scan . --format text --format sarif=palisade.sarif    several reports from one scan\n  \
palisade scan . --format github --soft-fail    GitHub annotations, never failing on findings\n  \
palisade scan stack.yaml --parameters params.json --fail-on high\n  \
palisade scan infra/ --var-file prod.tfvars --var region=eu-west-1    Terraform roots with variable values\n  \
palisade rules                        list every rule\n  \
palisade rule PAL-S3-001              show a rule's documentation\n  \
palisade posture templates/           layer scorecard and Well-Architected coverage\n  \
palisade posture --framework isms-p templates/    ISMS-P requirements with their evidence (also cis-6.0, cis-7.0, pci-4.0, fsbp)\n  \
palisade model stack.yaml             the model and facts as JSON, for custom rules\n  \
palisade scan --write-baseline .palisade-baseline.json    accept today's findings\n  \
palisade scan --baseline .palisade-baseline.json          report only new ones\n  \
palisade config --show                show the palisade.toml that applies\n\n\
Suppress a finding with a reason: `# palisade:ignore PAL-S3-001 why` on its line or the line above.\n\n\
Exit status: 0 no reported findings at or above --fail-on, 1 findings, 2 a file could not be read or \
parsed, or bad arguments, configuration or baseline. Suppressed and baselined findings never count, nor do \
findings below --min-severity; --fail-on none (--soft-fail) never fails on findings, but still exits 2 \
on unreadable inputs. Every scan option can be set as PALISADE_<OPTION> in the environment."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the output: rule titles and documentation, finding messages, report and
    /// scorecard labels [default: PALISADE_LANG, else Korean when the locale (LC_ALL,
    /// LC_MESSAGES, LANG) is Korean, else English].
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
}

#[derive(Subcommand, Debug)]
#[allow(clippy::large_enum_variant)] // parsed once per run
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
        #[command(flatten)]
        custom: CustomRulesArgs,
    },
    /// Test custom rules: run each rule's examples through the whole scan and compare its
    /// findings with the `# expect: RULE-ID` markers of the failing examples.
    #[command(
        name = "test-rules",
        after_help = "Examples:\n  palisade test-rules examples/rules\n  palisade test-rules policy/ --time-limit-ms 500\n\n\
Exit status: 0 every example gave what its markers expect, 1 one did not or a rule file did not load, \
2 bad arguments."
    )]
    TestRules {
        /// Rule files or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Time a rule may take over one unit of analysis, in milliseconds.
        #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
        time_limit_ms: Option<u64>,
    },
    /// Network analyses.
    #[command(subcommand)]
    Net(NetCommand),
    /// Collect snapshots of live accounts: `collect aws` (built with the `aws` feature).
    #[command(subcommand)]
    Collect(collect::CollectCommand),
    /// Show the configuration (palisade.toml) that applies to a path.
    Config(ConfigArgs),
    /// Evaluate IAM policies: `iam can PRINCIPAL ACTION [RESOURCE]`, `iam explain FILE`.
    #[command(subcommand)]
    Iam(iam::IamCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell or elvish) to standard output.
    #[command(after_help = "Examples:\n  \
palisade completions bash > ~/.local/share/bash-completion/completions/palisade\n  \
palisade completions zsh > \"${fpath[1]}/_palisade\"\n  \
palisade completions fish > ~/.config/fish/completions/palisade.fish")]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff) to standard output: palisade(1), or a command's own page.
    #[command(after_help = "Examples:\n  \
palisade man > ~/.local/share/man/man1/palisade.1 && man palisade\n  \
palisade man scan > ~/.local/share/man/man1/palisade-scan.1\n  \
palisade man net exposure    the page of `palisade net exposure`, palisade-net-exposure(1)")]
    Man {
        /// The command whose page to print (`scan`, `net exposure`, ...) [default: palisade itself].
        command: Vec<String>,
    },
    /// Print the model and the analysis facts of some files as one JSON document.
    #[command(
        long_about = "Print what Palisade understood of some files as one versioned JSON document: for each \
unit of analysis (a CloudFormation template, a policy file, the Kubernetes manifests taken together), \
its typed model (resources, security groups, policies, workloads, ...) and the facts the analyses \
established (network reachability, posture evidence).\n\n\
Every field says whether it is known, unknown (written, but not decidable: a parameter without a \
default, an import, an undecided condition) or absent, and where it is written (file, line, column); \
a value taken from elsewhere (a parameter default, a mapping) also says where it came from. \
Undecidable template conditions are left undecided.\n\n\
The document is meant for custom rules written in another language and for editor integrations; \
its layout is described by docs/model-schema.json and versioned by its `schema_version`.\n\n\
Exit status: 0, or 2 when a file could not be read or parsed (the document is still written).",
        after_help = "Examples:\n  palisade model stack.yaml\n  \
palisade model templates/ --parameters params.json --output model.json\n  \
palisade model . | jq '.units[].model.buckets[].encryption.state'"
    )]
    Model(model::ModelArgs),
}

#[derive(Args, Debug)]
struct ConfigArgs {
    /// Print the effective configuration, every key included (what `palisade config` does
    /// without options too).
    #[arg(long)]
    show: bool,
    /// Use this configuration file instead of looking for palisade.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Where to look for palisade.toml (this directory and its parents).
    #[arg(default_value = ".")]
    path: PathBuf,
}

#[derive(Subcommand, Debug)]
enum NetCommand {
    /// Which resources and ports the internet can reach, each with its path.
    Exposure(ExposureArgs),
}

#[derive(Args, Debug)]
struct ExposureArgs {
    /// Files or directories to analyse.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: a table, JSON, or a Graphviz graph.
    #[arg(long, short, value_enum, default_value_t = ExposureFormat::Text)]
    format: ExposureFormat,
    /// Template parameter values (same formats as `scan --parameters`).
    #[arg(long, value_name = "FILE")]
    parameters: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExposureFormat {
    Text,
    Json,
    Dot,
}

#[derive(Args, Debug)]
struct ScanArgs {
    /// Files or directories to scan; `-` reads one template from standard input [default: .].
    /// A scan that analyses no file at all is an error when paths are given, a warning
    /// otherwise.
    paths: Vec<PathBuf>,
    /// Output format, optionally with a destination file: FORMAT or FORMAT=PATH. Repeat it (or
    /// separate with commas) for several reports from one scan; at most one format goes to
    /// standard output (or to --output). Formats: text, json, sarif, html, junit, markdown,
    /// asff, ocsf, compact, github, gitlab [default: text].
    #[arg(long, short, value_name = "FORMAT[=PATH]", value_parser = parse_format_spec, value_delimiter = ',',
          env = "PALISADE_FORMAT")]
    format: Vec<FormatSpec>,
    /// Write the report to FILE instead of standard output (the format given without a
    /// destination).
    #[arg(long, short, value_name = "FILE", env = "PALISADE_OUTPUT")]
    output: Option<PathBuf>,
    /// Exit with status 1 when a reported finding (after --min-severity) is at or above this
    /// severity; `none` never fails on findings [default: low, or the configuration's fail-on].
    #[arg(long, value_name = "SEVERITY|none", value_parser = parse_fail_on, env = "PALISADE_FAIL_ON")]
    fail_on: Option<FailOn>,
    /// Same as `--fail-on none`: findings never make the scan fail (files that cannot be read
    /// or parsed still exit with status 2).
    #[arg(long, env = "PALISADE_SOFT_FAIL")]
    soft_fail: bool,
    /// Leave the findings below this severity out of every report (and out of --fail-on).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity, env = "PALISADE_MIN_SEVERITY")]
    min_severity: Option<Severity>,
    /// Run only these rules (ids, slugs or id prefixes such as PAL-S3; comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", env = "PALISADE_SELECT")]
    select: Vec<String>,
    /// Skip these rules (ids, slugs or id prefixes; comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", env = "PALISADE_IGNORE")]
    ignore: Vec<String>,
    /// Leave out paths matching GLOB (gitignore syntax; repeatable; one glob in the environment).
    #[arg(long, value_name = "GLOB", env = "PALISADE_EXCLUDE")]
    exclude: Vec<String>,
    /// Walk everything but version control folders: do not honour .gitignore and .ignore files,
    /// and walk tool folders (node_modules, .terraform, .aws-sam, ...) too.
    #[arg(long, env = "PALISADE_NO_IGNORE")]
    no_ignore: bool,
    /// Registry that Kubernetes images may come from, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com
    /// or ghcr.io/my-org (comma-separated or repeated; without it, only images that name no
    /// registry are reported).
    #[arg(long, value_delimiter = ',', value_name = "REGISTRY", env = "PALISADE_ALLOWED_REGISTRY")]
    allowed_registry: Vec<String>,
    /// Template parameter values (JSON: [{"ParameterKey":..,"ParameterValue":..}], ["K=V"], or {"K": "V"}).
    #[arg(long, value_name = "FILE", env = "PALISADE_PARAMETERS")]
    parameters: Option<PathBuf>,
    /// A value for a variable of the Terraform root modules, as `terraform plan -var` takes it
    /// (repeatable; later values win over `--var-file`, `*.auto.tfvars`, `terraform.tfvars` and defaults).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_tf_var, env = "PALISADE_VAR")]
    vars: Vec<(String, String)>,
    /// A Terraform variable definitions file (`.tfvars` or `.tfvars.json`) for the root modules
    /// (repeatable; later files win).
    #[arg(long = "var-file", value_name = "FILE", env = "PALISADE_VAR_FILE")]
    var_files: Vec<PathBuf>,
    /// Print only the summary and errors (text format).
    #[arg(long, short, env = "PALISADE_QUIET")]
    quiet: bool,
    /// Colors in the text report: `auto` uses them on a terminal, unless NO_COLOR is set
    /// (non-empty), or anywhere when FORCE_COLOR or CLICOLOR_FORCE is set (non-empty, not 0).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, env = "PALISADE_COLOR")]
    color: ColorChoice,
    /// Never use colors (same as `--color never`).
    #[arg(long)]
    no_color: bool,
    /// Use this configuration file instead of the nearest palisade.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config", env = "PALISADE_CONFIG")]
    config: Option<PathBuf>,
    /// Do not read any palisade.toml.
    #[arg(long, env = "PALISADE_NO_CONFIG")]
    no_config: bool,
    /// Leave out the findings recorded in this baseline file, and warn about its entries that
    /// no longer occur.
    #[arg(long, value_name = "FILE", env = "PALISADE_BASELINE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (then exit 0 unless a file could not
    /// be read or parsed).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline", env = "PALISADE_WRITE_BASELINE")]
    write_baseline: Option<PathBuf>,
    /// Warn about inline suppressions that suppress nothing.
    #[arg(long, env = "PALISADE_REPORT_UNUSED_SUPPRESSIONS")]
    report_unused_suppressions: bool,
    /// Scan only the files changed since this git revision (committed, staged, unstaged or
    /// untracked).
    #[arg(long, value_name = "REV", env = "PALISADE_DIFF")]
    diff: Option<String>,
    /// Scan only the files staged for the next commit (what `git diff --cached` lists; every
    /// staged file before the first commit), as a pre-commit hook does. Their contents are read
    /// from the working tree, where pre-commit has set unstaged changes aside.
    #[arg(long, conflicts_with = "diff", env = "PALISADE_STAGED")]
    staged: bool,
    /// With `-`: the name to show for standard input, also used to detect its format and to
    /// match configuration globs.
    #[arg(long, value_name = "NAME", env = "PALISADE_STDIN_FILENAME")]
    stdin_filename: Option<PathBuf>,
    /// Show the mechanical fixes for the findings as a unified diff.
    #[arg(long, env = "PALISADE_SHOW_FIXES")]
    show_fixes: bool,
    /// Largest file read, in bytes or with a unit: 10MB, 512KiB, 1GiB [default: 8MiB, or the
    /// configuration's max-file-size]. Applies to scanned files, standard input, the
    /// configuration, the baseline and parameter files.
    #[arg(long, value_name = "SIZE", value_parser = crate::parse::parse_size, env = "PALISADE_MAX_FILE_SIZE")]
    max_file_size: Option<usize>,
    /// ASFF: the AWS account id of the Security Hub that imports the findings.
    #[arg(long, value_name = "ID", default_value = "000000000000", value_parser = parse_account_id,
          env = "PALISADE_AWS_ACCOUNT_ID")]
    aws_account_id: String,
    /// ASFF: the region of the Security Hub that imports the findings.
    #[arg(long, value_name = "REGION", default_value = "us-east-1", env = "PALISADE_AWS_REGION")]
    aws_region: String,
    #[command(flatten)]
    custom: CustomRulesArgs,
    /// Collect a snapshot of the AWS account of the current credentials and scan it with the
    /// paths given (built with the `aws` feature; see `palisade collect aws`). The snapshot is
    /// a temporary file, removed after the scan, unless --snapshot-output names where to keep it.
    #[arg(long, help_heading = "Live AWS account")]
    aws: bool,
    /// --aws: use this profile of the shared AWS configuration.
    #[arg(long, value_name = "NAME", requires = "aws", help_heading = "Live AWS account")]
    profile: Option<String>,
    /// --aws: the Regions to collect (comma-separated or repeated) [default: the configured one].
    #[arg(
        long,
        value_name = "REGION",
        value_delimiter = ',',
        requires = "aws",
        conflicts_with = "all_regions",
        help_heading = "Live AWS account"
    )]
    region: Vec<String>,
    /// --aws: collect every Region enabled in the account.
    #[arg(long, requires = "aws", help_heading = "Live AWS account")]
    all_regions: bool,
    /// --aws: send every request to this endpoint (an emulator, a partition's endpoint).
    #[arg(long, value_name = "URL", requires = "aws", help_heading = "Live AWS account")]
    endpoint_url: Option<String>,
    /// --aws: keep the collected snapshot in FILE (findings point into it).
    #[arg(long, value_name = "FILE", requires = "aws", help_heading = "Live AWS account")]
    snapshot_output: Option<PathBuf>,
}

/// A report to write: its format, and the file it goes to (standard output or `--output` when
/// none).
#[derive(Debug, Clone, PartialEq, Eq)]
struct FormatSpec {
    format: Format,
    path: Option<PathBuf>,
}

fn parse_format_spec(s: &str) -> Result<FormatSpec, String> {
    let (name, path) = match s.split_once('=') {
        Some((n, "")) => return Err(format!("`{n}=`: the destination file is empty")),
        Some((n, p)) => (n, Some(PathBuf::from(p))),
        None => (s, None),
    };
    let format = <Format as ValueEnum>::from_str(name.trim(), true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("unknown format `{name}`; expected one of {}", names.join(", "))
    })?;
    Ok(FormatSpec { format, path })
}

/// When findings make the scan fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FailOn {
    /// Never.
    None,
    /// When a finding is at or above this severity.
    At(Severity),
}

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    if s.eq_ignore_ascii_case("none") || s.eq_ignore_ascii_case("never") {
        return Ok(FailOn::None);
    }
    Severity::parse(s)
        .map(FailOn::At)
        .ok_or_else(|| format!("expected one of critical, high, medium, low, info, none; found `{s}`"))
}

/// When to color the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// On a terminal, following NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE.
    Auto,
    Always,
    Never,
}

/// Whether the text report written to standard output (`to_stdout`), or to a file, has colors.
/// `get` reads an environment variable.
fn use_color(choice: ColorChoice, to_stdout: bool, is_terminal: bool, get: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| get(name).is_some_and(|v| !v.is_empty());
    let forced = |name: &str| get(name).is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    match choice {
        ColorChoice::Never => false,
        ColorChoice::Always => true,
        ColorChoice::Auto => {
            if set("NO_COLOR") || !to_stdout {
                false
            } else {
                forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") || is_terminal
            }
        }
    }
}

#[derive(Args, Debug)]
struct PostureArgs {
    /// Files or directories to evaluate together [default: .]. When none of them can be
    /// analysed (a path that does not exist, no template among them), no scorecard is printed:
    /// that is an error when paths are given, a warning otherwise.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Leave out paths matching GLOB (gitignore syntax; repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Coverage view: the Well-Architected Security Pillar (`wa`, with the layer scorecard) or
    /// a compliance framework's requirements.
    #[arg(long, value_name = "FRAMEWORK", default_value = "wa", value_parser = ["wa", "isms-p", "cis-6.0", "cis-7.0", "pci-4.0", "fsbp"])]
    framework: String,
}

#[derive(Args, Debug)]
struct RulesArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    custom: CustomRulesArgs,
}

#[derive(Args, Debug, Default, Clone)]
struct CustomRulesArgs {
    /// Custom rules in Rego: a .rego file or a directory of them (repeatable; adds to
    /// `[rules] paths` of palisade.toml). See docs/custom-rules.md.
    #[arg(long = "rules", value_name = "PATH", value_delimiter = ',', env = "PALISADE_RULES")]
    rules: Vec<PathBuf>,
}

/// The rules to choose from: the built-in ones, and the custom rules of `paths` (the command
/// line's, then the configuration's), with the problems of those that did not load.
fn registry_of(cli: &[PathBuf], config: &Config) -> Option<(rules::Registry, Vec<crate::finding::Diagnostic>)> {
    let mut paths = config.rule_paths.clone();
    paths.extend(cli.iter().cloned());
    if paths.is_empty() {
        return None;
    }
    let limit =
        config.rule_time_limit_ms.map(std::time::Duration::from_millis).unwrap_or(crate::custom::DEFAULT_TIME_LIMIT);
    Some(crate::custom::load(&paths, limit).into_registry())
}

/// The rules `palisade rules` and `palisade rule` show: the built-in ones and the custom rules
/// of `--rules` and of the palisade.toml of the working directory. Problems of rule files are
/// printed.
fn shown_registry(custom: &CustomRulesArgs, lang: Lang) -> Result<rules::Registry, String> {
    let config = load_config(None, Path::new("."), false, &Limits::default(), &custom.rules)?;
    Ok(match registry_of(&custom.rules, &config) {
        None => rules::Registry::builtin(),
        Some((registry, problems)) => {
            for d in &problems {
                output::diagnostic_in(d, lang);
            }
            registry
        }
    })
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

/// What `palisade --version` prints after the name: the tool's version and the rule-set
/// version ([`rules::ruleset_version`]), e.g. `0.1.0 (rules 214-3f9a2c1b)`.
pub fn long_version() -> &'static str {
    static LONG: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{} (rules {})", crate::VERSION, rules::ruleset_version()));
    &LONG
}

/// The command line's definition, as parsing, the completions and the manual page see it.
pub fn command() -> clap::Command {
    Cli::command().version(long_version())
}

/// The manual page of `palisade` or of one of its commands (`["net", "exposure"]`), in roff.
/// A command's page is named `palisade-COMMAND`, as the parent page's SUBCOMMANDS section
/// refers to it.
fn man_page(path: &[String]) -> Result<String, String> {
    let mut cmd = command().disable_help_subcommand(true);
    // Building names each command as its page does (`palisade-scan`).
    cmd.build();
    let mut page = &cmd;
    for (i, word) in path.iter().enumerate() {
        page = page.find_subcommand(word).ok_or_else(|| {
            let known: Vec<&str> = page.get_subcommands().map(|c| c.get_name()).collect();
            format!("no command `{}`; expected one of {}", path[..=i].join(" "), known.join(", "))
        })?;
    }
    let mut out = Vec::new();
    let page = page.clone().version(long_version());
    clap_mangen::Man::new(page).render(&mut out).map_err(|e| format!("cannot write the manual page: {e}"))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    let parsed = command().try_get_matches().and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return code;
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    match cli.command {
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "palisade", &mut out);
            output::emit(&String::from_utf8_lossy(&out));
            EXIT_CLEAN
        }
        Command::Man { command } => match man_page(&command) {
            Ok(page) => {
                output::emit(&page);
                EXIT_CLEAN
            }
            Err(e) => {
                output::error(&error_line(lang, &e));
                EXIT_ERROR
            }
        },
        Command::Scan(args) => run_scan(args, lang),
        Command::Rules(args) => match shown_registry(&args.custom, lang) {
            Ok(registry) => list_rules(args.format, &registry, lang),
            Err(e) => {
                output::error(&error_line(lang, &e));
                EXIT_ERROR
            }
        },
        Command::TestRules { paths, time_limit_ms } => {
            let limit =
                time_limit_ms.map(std::time::Duration::from_millis).unwrap_or(crate::custom::DEFAULT_TIME_LIMIT);
            let report = test_rules::test_rules(&paths, limit);
            output::emit(&report.render(lang));
            if report.passed() { EXIT_CLEAN } else { EXIT_FINDINGS }
        }
        Command::Posture(args) => run_posture(args, lang),
        Command::Iam(cmd) => iam::run(cmd, lang),
        Command::Model(args) => model::run(args, lang),
        Command::Net(NetCommand::Exposure(args)) => run_exposure(args, lang),
        Command::Collect(cmd) => collect::run(cmd, lang),
        Command::Config(args) => show_config(args, lang),
        Command::Rule { id, custom } => match shown_registry(&custom, lang) {
            Err(e) => {
                output::error(&error_line(lang, &e));
                EXIT_ERROR
            }
            Ok(registry) => match registry.find(&id) {
                Some(r) => {
                    output::emit(&r.meta.documentation_in(lang));
                    EXIT_CLEAN
                }
                None => {
                    let hint = rules::did_you_mean(&id, registry.rules().iter().map(|r| &*r.meta));
                    let text = crate::i18n::label_with(lang, "cli-no-rule", &[("id", &id), ("hint", &hint)]);
                    output::error(&error_line(lang, &text));
                    EXIT_ERROR
                }
            },
        },
    }
}

fn load_config(
    explicit: Option<&Path>,
    start: &Path,
    disabled: bool,
    limits: &Limits,
    rules: &[PathBuf],
) -> Result<Config, String> {
    if disabled {
        return Ok(Config::default());
    }
    match explicit {
        Some(p) => Config::load_with_rules(p, limits, rules),
        None => match Config::discover(start) {
            Some(p) => Config::load_with_rules(&p, limits, rules),
            None => Ok(Config::default()),
        },
    }
}

/// `NAME=VALUE` of `--var`.
fn parse_tf_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_string(), value.to_string())),
        _ => Err(format!("expected NAME=VALUE, got `{s}`")),
    }
}

/// Reads a parameter values file (`--parameters`).
fn read_parameters(path: &Path, limits: &Limits) -> Result<crate::frontend::Overrides, String> {
    let text = crate::parse::read_text_file(path, limits)?;
    crate::lower::cfn::params::parse_parameters(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn show_config(args: ConfigArgs, lang: Lang) -> i32 {
    // Showing is the only thing the command does: `--show` says it explicitly.
    let _ = args.show;
    match load_config(args.config.as_deref(), &args.path, false, &Limits::default(), &[]) {
        Ok(c) => {
            output::emit(&c.to_toml());
            EXIT_CLEAN
        }
        Err(e) => {
            output::error(&error_line(lang, &e));
            EXIT_ERROR
        }
    }
}

fn run_scan(mut args: ScanArgs, lang: Lang) -> i32 {
    let mut temporary = None;
    if args.aws {
        let aws = collect::AwsArgs {
            profile: args.profile.take(),
            region: std::mem::take(&mut args.region),
            all_regions: args.all_regions,
            endpoint_url: args.endpoint_url.take(),
            ..Default::default()
        };
        match collect::collect_for_scan(&aws, args.snapshot_output.take(), lang) {
            Ok((path, temp)) => {
                args.paths.push(path.clone());
                temporary = temp.then_some(path);
            }
            Err(e) => {
                output::error(&error_line(lang, &e));
                return EXIT_ERROR;
            }
        }
    }
    let code = match scan_command(args, lang) {
        Ok(code) => code,
        Err(e) => {
            output::error(&error_line(lang, &e));
            EXIT_ERROR
        }
    };
    if let Some(p) = temporary {
        let _ = std::fs::remove_file(p);
    }
    code
}

fn scan_command(mut args: ScanArgs, lang: Lang) -> Result<i32, String> {
    let explicit_paths = !args.paths.is_empty();
    if !explicit_paths {
        args.paths.push(PathBuf::from("."));
    }
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.paths.len() > 1 {
        return Err("`-` (standard input) cannot be combined with other paths".into());
    }
    if args.stdin_filename.is_some() && !stdin {
        return Err("--stdin-filename needs `-` as the path".into());
    }
    if stdin && args.diff.is_some() {
        return Err("--diff cannot be used with standard input".into());
    }
    if stdin && args.staged {
        return Err("--staged cannot be used with standard input".into());
    }
    let outputs = plan_outputs(std::mem::take(&mut args.format), args.output.take())?;
    let start = if stdin {
        args.stdin_filename
            .as_deref()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    } else {
        args.paths.first().map(PathBuf::as_path).unwrap_or(Path::new("."))
    };
    let cli_limits =
        Limits { max_file_bytes: args.max_file_size.unwrap_or(Limits::default().max_file_bytes), ..Limits::default() };
    let config = load_config(args.config.as_deref(), start, args.no_config, &cli_limits, &args.custom.rules)?;
    let (registry, rule_diagnostics) = match registry_of(&args.custom.rules, &config) {
        Some((r, d)) => (Some(r), d),
        None => (None, Vec::new()),
    };
    let limits = Limits {
        max_file_bytes: args.max_file_size.or(config.max_file_size).unwrap_or(Limits::default().max_file_bytes),
        ..Limits::default()
    };
    let parameters = match &args.parameters {
        None => Default::default(),
        Some(p) => read_parameters(p, &limits)?,
    };
    let mut policy = config.policy()?;
    policy.report_unused |= args.report_unused_suppressions;
    let baseline_path =
        if args.write_baseline.is_some() { None } else { args.baseline.clone().or(config.baseline.clone()) };
    let baseline = match &baseline_path {
        Some(p) => Some(Baseline::load_limited(p, &limits).map_err(|e| {
            if p.exists() {
                e
            } else {
                format!("{e} (create it with `palisade scan --write-baseline {}`)", p.display())
            }
        })?),
        None => None,
    };
    let only = match &args.diff {
        Some(rev) => Some(crate::gitdiff::changed_files(start, rev)?),
        None if args.staged => Some(crate::gitdiff::staged_files(start)?),
        None => None,
    };
    let mut ignore = config.ignore.clone();
    ignore.extend(args.ignore);
    let discover = DiscoverOptions { exclude: args.exclude, no_ignore: args.no_ignore };
    let mut opts = ScanOptions {
        paths: args.paths,
        discover: discover.clone(),
        limits,
        parameters,
        select: if args.select.is_empty() { config.select.clone().unwrap_or_default() } else { args.select },
        allowed_registries: {
            let mut r = config.allowed_registries.clone();
            r.extend(args.allowed_registry);
            r
        },
        ignore,
        policy,
        inputs: config.inputs()?,
        // Only some reports show fingerprints; baselines hash them too.
        skip_subjects: baseline.is_none()
            && args.write_baseline.is_none()
            && !outputs.iter().any(|o| o.format.shows_fingerprints()),
        baseline,
        only,
        terraform: crate::frontend::terraform::TfVars { vars: args.vars, var_files: args.var_files },
        registry,
        ..ScanOptions::default()
    };
    opts.rule_diagnostics = rule_diagnostics;
    if let Err(e) = opts.rules() {
        // A rule named on the command line may be one that did not load: say why.
        for d in &opts.rule_diagnostics {
            output::diagnostic_in(d, lang);
        }
        return Err(e);
    }
    let fail_on = if args.soft_fail {
        FailOn::None
    } else {
        args.fail_on.or(config.fail_on.map(FailOn::At)).unwrap_or(FailOn::At(Severity::Low))
    };
    let registry = opts.registry.clone().unwrap_or_else(rules::Registry::builtin);
    for (select, by) in rules::cancelled(registry.rules(), &opts.select, &opts.ignore) {
        let by: Vec<String> = by.iter().map(|i| format!("`{i}`")).collect();
        let text = crate::i18n::label_count(
            lang,
            "cli-select-cancelled",
            by.len(),
            &[("select", &select), ("ignored", &by.join(", "))],
        );
        output::error(&warning_line(lang, &text));
    }
    let scanned = if stdin {
        let name = args.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
        let src = crate::parse::read_bounded(std::io::stdin().lock(), &opts.limits)
            .and_then(|bytes| crate::parse::source_from_bytes(name.clone(), bytes, &opts.limits));
        match src {
            Ok(src) => scan::scan_source_detailed(src, &opts)?,
            Err(e) => {
                let mut s = scan::Scanned::default();
                s.report.diagnostics.push(crate::finding::Diagnostic {
                    kind: crate::finding::DiagnosticKind::Read,
                    file: crate::source::display_path(&name).into(),
                    line: if let crate::parse::ReadError::NotUtf8 { line, .. } = e { line } else { 0 },
                    col: if let crate::parse::ReadError::NotUtf8 { col, .. } = e { col } else { 0 },
                    message: match e {
                        crate::parse::ReadError::TooLarge { .. } => {
                            msg!("diag-stdin-too-large", problem = e.message())
                        }
                        _ => msg!("diag-stdin", problem = e.message()),
                    },
                });
                s
            }
        }
    } else {
        scan::scan_detailed(&opts)?
    };
    if let Some(path) = &args.write_baseline {
        let b = Baseline::from_findings(path, &scanned.report.findings);
        b.write()?;
        output::error(&crate::i18n::label_count(
            lang,
            "cli-baseline-written",
            b.entries.len(),
            &[("path", &path.display())],
        ));
    }
    let mut scanned = scanned;
    if let Some(min) = args.min_severity {
        // Shown nowhere, counted nowhere: the reports and the exit status see the rest.
        scanned.report.findings.retain(|f| f.severity >= min);
        scanned.suppressed.retain(|s| s.finding.severity >= min);
    }
    // Fixes are computed before rendering, when the output shows them or counts them.
    if args.show_fixes || (outputs.iter().any(|o| o.format == Format::Text) && !args.quiet) {
        let detail = if args.show_fixes { crate::fix::Detail::Full } else { crate::fix::Detail::Count };
        // The scan's models and parsed files are gone: the fixes parse the files again.
        crate::scan::release_freed_memory();
        scanned.fixes = crate::fix::fixes_by_file_with(&scanned.report.findings, &scanned.report.files, detail);
    }
    let report = &scanned.report;
    let fixes = args.show_fixes.then_some(scanned.fixes.as_slice());
    let color = if args.no_color { ColorChoice::Never } else { args.color };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let asff = report::asff::AsffTarget { account_id: args.aws_account_id, region: args.aws_region };
    let meta = report::ScanMeta {
        paths: opts.paths.iter().map(|p| crate::source::display_path(p)).collect(),
        config: config.path.as_ref().map(|p| (crate::source::display_path(p), config.to_toml())),
        baseline: baseline_path.as_ref().map(|p| crate::source::display_path(p)),
    };
    // Writing a baseline prints its one-line summary instead of the report (reports given a
    // destination are still written).
    let writing_baseline = args.write_baseline.is_some();
    // The scan's models and parsed files are gone: the reports start from what it keeps.
    crate::scan::release_freed_memory();
    let write_report = |out: &FormatSpec| -> Result<(), String> {
        let opts = RenderOptions {
            color: out.format == Format::Text
                && use_color(color, out.path.is_none(), stdout_is_terminal, |k| {
                    std::env::var_os(k).map(|v| v.to_string_lossy().into_owned())
                }),
            quiet: args.quiet,
            asff: asff.clone(),
            lang,
            meta: meta.clone(),
        };
        // Written as rendered: a long report is never held whole.
        let write = |sink: &mut dyn std::io::Write| report::filtered::write(&scanned, fixes, out.format, &opts, sink);
        match &out.path {
            Some(path) => std::fs::File::create(path)
                .and_then(|file| {
                    let mut sink = std::io::BufWriter::with_capacity(1 << 16, file);
                    write(&mut sink)?;
                    std::io::Write::flush(&mut sink)
                })
                .map_err(|e| format!("cannot write {}: {e}", path.display())),
            None => {
                output::emit_with(write);
                Ok(())
            }
        }
    };
    let to_write: Vec<&FormatSpec> = outputs.iter().filter(|o| !(writing_baseline && o.path.is_none())).collect();
    // Several reports are written side by side, each from the same findings; the first error
    // in the order they were asked for is the one reported.
    let written: Vec<Result<(), String>> = if to_write.len() > 1 {
        use rayon::prelude::*;
        to_write.par_iter().map(|out| write_report(out)).collect()
    } else {
        to_write.iter().map(|out| write_report(out)).collect()
    };
    // What the reports allocated is freed: give it back now.
    crate::scan::release_freed_memory();
    written.into_iter().collect::<Result<(), String>>()?;
    let text_on_terminal =
        !writing_baseline && stdout_is_terminal && outputs.iter().any(|o| o.format == Format::Text && o.path.is_none());
    if !text_on_terminal {
        // Diagnostics are in the report; repeat errors on stderr so they are not missed, also
        // when the text report goes to a pipe or a file.
        for d in report.diagnostics.iter().filter(|d| d.is_error()) {
            output::diagnostic_in(d, lang);
        }
    }
    let mut nothing_analysed_is_error = false;
    if scanned.analysed.is_empty() {
        let (why, config_chose) = if stdin {
            (label(lang, "cli-nothing-stdin").into_owned(), false)
        } else {
            let mut failed: Vec<&str> = report.diagnostics.iter().filter(|d| d.is_error()).map(|d| &*d.file).collect();
            failed.sort_unstable();
            failed.dedup();
            why_nothing_analysed(&opts, &discover, failed.len(), lang)
        };
        nothing_analysed_is_error = explicit_paths && !config_chose && args.diff.is_none() && !args.staged;
        let text = crate::i18n::label_with(lang, "cli-nothing-analysed", &[("why", &why)]);
        output::error(&if nothing_analysed_is_error { error_line(lang, &text) } else { warning_line(lang, &text) });
    }
    Ok(if nothing_analysed_is_error || report.diagnostics.iter().any(|d| d.is_error()) {
        EXIT_ERROR
    } else if args.write_baseline.is_some() {
        EXIT_CLEAN
    } else if let FailOn::At(sev) = fail_on
        && report.findings.iter().any(|f| f.severity >= sev)
    {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// The reports to write: `--format` values (text when none), the one without a destination
/// going to `--output` when given, else to standard output.
fn plan_outputs(mut formats: Vec<FormatSpec>, output: Option<PathBuf>) -> Result<Vec<FormatSpec>, String> {
    if formats.is_empty() {
        formats.push(FormatSpec { format: Format::Text, path: None });
    }
    let to_stdout = formats.iter().filter(|f| f.path.is_none()).count();
    if to_stdout > 1 {
        return Err(if output.is_some() {
            "--output names one file, but several formats have no destination: give each its own as \
             --format FORMAT=PATH (e.g. --format sarif=palisade.sarif)"
                .into()
        } else {
            "several formats have no destination and only one can go to standard output: give the others \
             theirs as --format FORMAT=PATH (e.g. --format sarif=palisade.sarif)"
                .into()
        });
    }
    if let Some(path) = output {
        match formats.iter_mut().find(|f| f.path.is_none()) {
            Some(f) => f.path = Some(path),
            None => {
                return Err("--output has no report to receive: every --format already has its destination \
                            (FORMAT=PATH)"
                    .into());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for f in &formats {
        if let Some(p) = &f.path
            && !seen.insert(p.clone())
        {
            return Err(format!("two reports would be written to {}", p.display()));
        }
    }
    Ok(formats)
}

fn run_exposure(args: ExposureArgs, lang: Lang) -> i32 {
    use net as exposure;
    let parameters = match &args.parameters {
        None => Default::default(),
        Some(p) => match read_parameters(p, &Limits::default()) {
            Ok(v) => v,
            Err(e) => {
                output::error(&error_line(lang, &e));
                return EXIT_ERROR;
            }
        },
    };
    let (files, diags) = exposure::analyse_paths(&args.paths, &DiscoverOptions::default(), &parameters);
    let text = match args.format {
        ExposureFormat::Text => exposure::render_text(&files, lang),
        ExposureFormat::Json => exposure::render_json(&files),
        ExposureFormat::Dot => exposure::render_dot(&files),
    };
    output::emit_input(&text);
    for d in &diags {
        output::diagnostic_in(d, lang);
    }
    if diags.iter().any(|d| d.is_error()) { EXIT_ERROR } else { EXIT_CLEAN }
}

fn run_posture(mut args: PostureArgs, lang: Lang) -> i32 {
    let explicit_paths = !args.paths.is_empty();
    if !explicit_paths {
        args.paths.push(PathBuf::from("."));
    }
    let discover = DiscoverOptions { exclude: args.exclude, ..DiscoverOptions::default() };
    let opts = ScanOptions { paths: args.paths, discover: discover.clone(), ..ScanOptions::default() };
    let scanned = match scan::scan_detailed(&opts) {
        Ok(r) => r,
        Err(e) => {
            output::error(&error_line(lang, &e));
            return EXIT_ERROR;
        }
    };
    let report = &scanned.report;
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    for d in &errors {
        output::diagnostic_in(d, lang);
    }
    if scanned.analysed.is_empty() {
        // A scorecard of no file would score nothing: say why instead (as `scan` does).
        let mut failed: Vec<&str> = errors.iter().map(|d| &*d.file).collect();
        failed.sort_unstable();
        failed.dedup();
        let (why, _) = why_nothing_analysed(&opts, &discover, failed.len(), lang);
        let text = crate::i18n::label_with(lang, "cli-nothing-analysed", &[("why", &why)]);
        if explicit_paths || !errors.is_empty() {
            output::error(&error_line(lang, &text));
            return EXIT_ERROR;
        }
        output::error(&warning_line(lang, &text));
    }
    // The findings' messages in the posture (the failing evidence of a framework's
    // requirements) in the language asked for.
    // The text lists a few items of each list; the JSON lists all of them.
    let build = |report: &crate::results::ScanReport| match args.format {
        ListFormat::Text => crate::posture::Posture::listing(report, crate::posture::render::TEXT_LISTED),
        ListFormat::Json => crate::posture::Posture::of(report),
    };
    let posture = if lang == Lang::En { build(report) } else { build(&report.localized(lang)) };
    let coverage = crate::compliance::Framework::from_key(&args.framework).and_then(|f| posture.framework(f));
    match (args.format, coverage) {
        (ListFormat::Text, Some(c)) => {
            output::emit_input(&crate::posture::render::framework_text_in(&posture, c, lang))
        }
        (ListFormat::Text, None) => output::emit_input(&crate::posture::render::text_in(&posture, lang)),
        (ListFormat::Json, _) => {
            output::emit_with(|out| crate::posture::render::write_json_in(&posture, &args.framework, lang, out))
        }
    }
    if report.diagnostics.iter().any(|d| d.is_error()) { EXIT_ERROR } else { EXIT_CLEAN }
}

fn list_rules(format: ListFormat, registry: &rules::Registry, lang: Lang) -> i32 {
    let all = registry.rules();
    match format {
        ListFormat::Json => {
            let v: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    let mut m = serde_json::to_value(r.meta.localized(lang)).unwrap_or_default();
                    if let (Some(obj), Some(profile)) = (m.as_object_mut(), rules::k8s::pss_profile(&r.meta.id)) {
                        obj.insert("pss_profile".into(), profile.into());
                    }
                    m
                })
                .collect();
            output::emit(&format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()));
        }
        ListFormat::Text => {
            let id_w = all.iter().map(|r| r.meta.id.len()).max().unwrap_or(2);
            let slug_w = all.iter().map(|r| r.meta.slug.len()).max().unwrap_or(4);
            use std::fmt::Write as _;
            let mut out = String::new();
            // Column widths in display columns: Korean headings and values are two columns wide.
            let sev_w = std::iter::once(label(lang, "rules-severity"))
                .chain(all.iter().map(|r| label(lang, &format!("severity-{}", r.meta.severity.as_str()))))
                .map(|s| width(&s))
                .max()
                .unwrap_or(8);
            let layer_w = std::iter::once(label(lang, "rules-layer"))
                .chain(all.iter().map(|r| label(lang, &format!("text-layer-{}", r.meta.layer.as_str()))))
                .map(|s| width(&s))
                .max()
                .unwrap_or(11);
            let controls_w = 14;
            let row = |out: &mut String, cells: [&str; 6]| {
                let _ = write!(out, "{:id_w$}  {:slug_w$}  ", cells[0], cells[1]);
                for (cell, w) in [(cells[2], sev_w), (cells[3], layer_w), (cells[4], controls_w)] {
                    let _ = write!(out, "{cell}{}  ", " ".repeat(w.saturating_sub(width(cell))));
                }
                let _ = writeln!(out, "{}", cells[5]);
            };
            row(
                &mut out,
                [
                    "ID",
                    "SLUG",
                    &label(lang, "rules-severity"),
                    &label(lang, "rules-layer"),
                    &label(lang, "rules-controls"),
                    &label(lang, "rules-title"),
                ],
            );
            for r in all {
                let m = &r.meta;
                row(
                    &mut out,
                    [
                        &m.id,
                        &m.slug,
                        &label(lang, &format!("severity-{}", m.severity.as_str())),
                        &label(lang, &format!("text-layer-{}", m.layer.as_str())),
                        &m.controls.join(","),
                        &m.title_in(lang),
                    ],
                );
            }
            let _ = writeln!(out, "\n{}", crate::i18n::label_with(lang, "rules-count", &[("count", &all.len())]));
            output::emit(&out);
        }
    }
    EXIT_CLEAN
}

/// "error: MESSAGE" in `lang`.
fn error_line(lang: Lang, message: &str) -> String {
    crate::i18n::label_with(lang, "cli-error", &[("message", &message)])
}

/// "warning: MESSAGE" in `lang`.
fn warning_line(lang: Lang, message: &str) -> String {
    crate::i18n::label_with(lang, "cli-warning", &[("message", &message)])
}

/// The width of a text on a terminal: wide (East Asian) characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Why a scan analysed no file, and whether the configuration chose that (its `exclude` left
/// out every file found).
fn why_nothing_analysed(opts: &ScanOptions, discover: &DiscoverOptions, failed: usize, lang: Lang) -> (String, bool) {
    let (found, _) = crate::discover::discover(&opts.paths, discover);
    let excluded = found.iter().filter(|f| opts.inputs.excluded(&crate::source::display_path(&f.path))).count();
    if found.is_empty() {
        let unfiltered = DiscoverOptions { exclude: Vec::new(), no_ignore: true };
        let (all, _) = crate::discover::discover(&opts.paths, &unfiltered);
        if all.is_empty() {
            (label(lang, "cli-nothing-found").into_owned(), false)
        } else {
            (crate::i18n::label_count(lang, "cli-nothing-ignored", all.len(), &[]), false)
        }
    } else if excluded == found.len() {
        (crate::i18n::label_count(lang, "cli-nothing-excluded", found.len(), &[]), true)
    } else {
        let read = found.len() - excluded;
        let id = if failed > 0 { "cli-nothing-recognised-failed" } else { "cli-nothing-recognised" };
        (crate::i18n::label_count(lang, id, read, &[("failed", &failed)]), false)
    }
}
