//! The `palisade iam` subcommands.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::output;
use crate::analyze::iam::condition::Context;
use crate::analyze::iam::eval::{Labeled, Outcome};
use crate::analyze::iam::query;
use crate::frontend::{self, LoadOptions, Variants};
use crate::i18n::Lang;
use crate::lower::policy_file::parse_document;

/// Exit status of `iam can`: the action is allowed.
pub const EXIT_ALLOWED: i32 = 0;
/// Exit status of `iam can`: the action is denied (explicitly or by default).
pub const EXIT_DENIED: i32 = 1;
/// Exit status: bad arguments, or the principal was not found.
pub const EXIT_ERROR: i32 = 2;
/// Exit status of `iam can`: the answer depends on something the files do not say.
pub const EXIT_UNKNOWN: i32 = 3;

#[derive(Subcommand, Debug)]
pub enum IamCommand {
    /// Can PRINCIPAL perform ACTION (on RESOURCE)? Evaluates the principal's policies from the
    /// scanned templates and policy files, with service control policies and its permission
    /// boundary. Exit status: 0 allowed, 1 denied, 3 unknown, 2 error.
    #[command(
        after_help = "Examples:\n  palisade iam can AppRole s3:GetObject arn:aws:s3:::data/report.csv templates/\n  \
palisade iam can AppRole s3:GetObject arn:aws:s3:::data/k --context aws:SourceIp=10.1.2.3 stack.yaml\n  \
palisade iam can DeployUser iam:PassRole stack.yaml --complete-context\n  \
palisade iam can AppRole s3:GetObject --session-policy s.json --org-path r-ab12,ou-ab12-1,111122223333"
    )]
    Can(CanArgs),
    /// Expand every statement of the policies in FILES: the actions granted, by access level.
    Explain(ExplainArgs),
}

#[derive(Args, Debug)]
pub struct CanArgs {
    /// Role, user or group (logical id or name), or an identity policy file (path).
    pub principal: String,
    /// The action, e.g. s3:GetObject.
    pub action: String,
    /// The resource ARN (an argument starting with `arn:`, or `*`), then the files or
    /// directories to read the policies from (default: the current directory). When omitted,
    /// only statements on `*` decide.
    #[arg(value_name = "RESOURCE|PATH")]
    pub rest: Vec<String>,
    /// The resource ARN, when it does not start with `arn:`.
    #[arg(long, value_name = "ARN")]
    pub resource: Option<String>,
    /// The principal's ARN, to match the `Principal` of resource policies (bucket, queue, ...
    /// policies naming the resource); without it only `*` surely names the principal.
    #[arg(long, value_name = "ARN")]
    pub principal_arn: Option<String>,
    /// A request context value KEY=VALUE (repeat a key for several values).
    #[arg(long = "context", short = 'c', value_name = "KEY=VALUE")]
    pub context: Vec<String>,
    /// A session policy (JSON file) passed when the principal's role session was created:
    /// the session may only do what it allows (repeat for several).
    #[arg(long = "session-policy", value_name = "FILE")]
    pub session_policy: Vec<PathBuf>,
    /// The organization path of the principal's account, from the root down:
    /// `ROOT-ID,OU-ID,...,ACCOUNT-ID`. Service control policies then apply where their
    /// `TargetIds` attach them, and every level must allow (SCP files count as attached to the
    /// root). Without it, every scanned SCP applies to the principal.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub org_path: Vec<String>,
    /// Keys not given with --context are absent from the request (instead of unknown).
    #[arg(long)]
    pub complete_context: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutFormat::Text)]
    pub format: OutFormat,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Policy files or templates (or directories).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// List every action (by default at most 8 per access level).
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutFormat::Text)]
    pub format: OutFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    Text,
    Json,
}

/// Runs an `iam` subcommand; returns the exit status.
pub fn run(cmd: IamCommand, lang: Lang) -> i32 {
    match cmd {
        IamCommand::Can(a) => run_can(a, lang),
        IamCommand::Explain(a) => run_explain(a, lang),
    }
}

fn run_can(a: CanArgs, lang: Lang) -> i32 {
    let mut ctx = Context::new();
    ctx.complete = a.complete_context;
    for kv in &a.context {
        match Context::parse_pair(kv) {
            Ok((k, v)) => {
                ctx.set(&k, &v);
            }
            Err(e) => {
                output::error(&super::error_line(lang, &format!("--context: {e}")));
                return EXIT_ERROR;
            }
        }
    }
    let mut rest = a.rest.iter().peekable();
    let mut resource = a.resource.clone();
    if resource.is_none()
        && let Some(r) = rest.next_if(|r| r.starts_with("arn:") || r.as_str() == "*")
    {
        resource = Some(r.clone());
    }
    let mut paths: Vec<PathBuf> = rest.map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let mut session_docs = Vec::new();
    for f in &a.session_policy {
        let shown = f.display().to_string();
        match std::fs::read_to_string(f).map_err(|e| format!("{shown}: {e}")).and_then(|t| parse_document(&shown, &t)) {
            Ok(doc) => session_docs.push((shown, doc)),
            Err(e) => {
                output::error(&super::error_line(lang, &format!("--session-policy: {e}")));
                return EXIT_ERROR;
            }
        }
    }
    let session: Vec<Labeled<'_>> = session_docs
        .iter()
        .map(|(f, doc)| Labeled {
            label: msg!("iam-label-session-policy", file = f),
            doc,
            file: Some(f.as_str().into()),
            attachment: None,
        })
        .collect();
    let loaded = load(paths);
    warn(&loaded, lang);
    // A file that could not be read or parsed may hold a policy (a deny) that changes the answer.
    let unread = unread_files(&loaded);
    let req = query::CanRequest {
        who: &a.principal,
        principal_arn: a.principal_arn.as_deref(),
        session,
        org_path: a.org_path.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        action: &a.action,
        resource: resource.as_deref(),
    };
    match query::can_request(&loaded, &req, &ctx) {
        Ok(mut ans) => {
            if !unread.is_empty() && ans.outcome != Outcome::ExplicitDeny {
                ans.outcome = Outcome::Unknown;
                ans.decision = "unknown";
                for f in &unread {
                    ans.unknowns.push(msg!("iam-unknown-unread-file", file = f));
                }
            }
            match a.format {
                OutFormat::Text => output::emit_input(&ans.render_text(lang)),
                OutFormat::Json => {
                    output::emit(&format!("{}\n", serde_json::to_string_pretty(&ans).unwrap_or_default()))
                }
            }
            match ans.outcome {
                Outcome::Allow => EXIT_ALLOWED,
                Outcome::ExplicitDeny | Outcome::ImplicitDeny => EXIT_DENIED,
                Outcome::Unknown => EXIT_UNKNOWN,
            }
        }
        Err(e) if !unread.is_empty() => {
            output::error(&msg!("iam-can-unknown-unread", error = e, files = unread.join(", ")).render(lang));
            EXIT_UNKNOWN
        }
        Err(e) => {
            output::error(&super::error_line(lang, &e.render(lang)));
            EXIT_ERROR
        }
    }
}

fn run_explain(a: ExplainArgs, lang: Lang) -> i32 {
    let loaded = load(a.files);
    warn(&loaded, lang);
    let emit = match a.format {
        OutFormat::Text => output::emit_input,
        OutFormat::Json => output::emit,
    };
    let mut out = ExplainWriter::new(a.format, lang, emit);
    let limit = if a.all { None } else { Some(query::DEFAULT_LISTED) };
    query::explain_each(&loaded, limit, |e| out.push(e));
    let any = out.finish();
    // What could not be read is not explained: the explanation is incomplete.
    if !any || !unread_files(&loaded).is_empty() { EXIT_ERROR } else { 0 }
}

/// Writes `iam explain`'s output as the policies and statements come: in text, or as the
/// pretty-printed JSON array of [`query::ExplainedPolicy`], without holding more than one
/// statement (and a small buffer) at a time.
struct ExplainWriter<W: FnMut(&str)> {
    format: OutFormat,
    /// The language of the text.
    lang: Lang,
    /// Where the text goes, a buffer at a time.
    emit: W,
    buf: String,
    policies: usize,
    /// Statements written for the current policy.
    statements: usize,
}

impl<W: FnMut(&str)> ExplainWriter<W> {
    const FLUSH_AT: usize = 1 << 16;

    fn new(format: OutFormat, lang: Lang, emit: W) -> Self {
        ExplainWriter { format, lang, emit, buf: String::new(), policies: 0, statements: 0 }
    }

    fn push(&mut self, e: query::Explained) {
        match (self.format, e) {
            (OutFormat::Text, query::Explained::Policy(p)) => {
                self.buf.push_str(&query::render_policy_head(&p, self.lang));
                self.policies += 1;
            }
            (OutFormat::Text, query::Explained::Statement(st)) => {
                self.buf.push_str(&query::render_statement(&st, self.lang))
            }
            (OutFormat::Json, query::Explained::Policy(p)) => {
                self.close_policy();
                self.buf.push_str(if self.policies == 0 { "[\n" } else { ",\n" });
                let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
                self.buf.push_str(&format!(
                    "  {{\n    \"file\": {},\n    \"line\": {},\n    \"policy\": {},\n    \"statements\": ",
                    text(&p.file),
                    p.line,
                    text(&p.policy.en())
                ));
                self.policies += 1;
                self.statements = 0;
            }
            (OutFormat::Json, query::Explained::Statement(st)) => {
                self.buf.push_str(if self.statements == 0 { "[\n" } else { ",\n" });
                let json = serde_json::to_string_pretty(&st).unwrap_or_default();
                for (i, line) in json.lines().enumerate() {
                    if i > 0 {
                        self.buf.push('\n');
                    }
                    self.buf.push_str("      ");
                    self.buf.push_str(line);
                }
                self.statements += 1;
            }
        }
        if self.buf.len() >= Self::FLUSH_AT {
            self.flush();
        }
    }

    /// Ends the current policy's JSON object, when one is open.
    fn close_policy(&mut self) {
        if self.policies == 0 {
            return;
        }
        self.buf.push_str(if self.statements == 0 { "[]\n  }" } else { "\n    ]\n  }" });
    }

    fn flush(&mut self) {
        (self.emit)(&self.buf);
        self.buf.clear();
    }

    /// Ends the output; whether there was any policy.
    fn finish(mut self) -> bool {
        match self.format {
            OutFormat::Text if self.policies == 0 => self.buf.push_str(&query::no_policy(self.lang)),
            OutFormat::Text => {}
            OutFormat::Json if self.policies == 0 => self.buf.push_str("[]\n"),
            OutFormat::Json => {
                self.close_policy();
                self.buf.push_str("\n]\n");
            }
        }
        self.flush();
        self.policies > 0
    }
}

/// Loads the templates and policy files under `paths`, with undecidable conditions left
/// unknown (kubernetes manifests have no IAM policies and are left out).
pub fn load(paths: Vec<PathBuf>) -> query::Loaded {
    let opts = LoadOptions { paths, variants: Variants::Undecided, ..LoadOptions::default() };
    let loaded = frontend::load(&opts);
    let mut out = query::Loaded { diagnostics: loaded.diagnostics, ..query::Loaded::default() };
    for unit in loaded.units.into_iter().filter(|u| u.frontend != "kubernetes") {
        out.diagnostics.extend(unit.diagnostics);
        for src in unit.sources {
            out.sources.insert(src.display_path().into(), src);
        }
        out.models.extend(unit.variants);
    }
    out
}

/// Files that could not be read or parsed: the answer may miss their policies.
fn warn(loaded: &query::Loaded, lang: Lang) {
    for d in &loaded.diagnostics {
        output::diagnostic_in(d, lang);
    }
}

/// The files that could not be read or parsed (errors, not notes).
fn unread_files(loaded: &query::Loaded) -> Vec<String> {
    let mut files: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.file.to_string()).collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::iam::catalog::catalog;

    /// A policy file of `n` statements, most of them granting thousands of actions.
    fn big_policy(dir: &std::path::Path, n: usize) -> PathBuf {
        let kinds = [
            r#""Action":"*""#,
            r#""NotAction":["iam:*","s3:Delete*"]"#,
            r#""Action":["*:Get*","*:List*"]"#,
            r#""Action":["s3:*","ec2:Describe*"]"#,
        ];
        let statements: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"Sid":"S{i}","Effect":"Allow",{},"Resource":"*"}}"#, kinds[i % kinds.len()]))
            .collect();
        let path = dir.join("big.json");
        std::fs::write(&path, format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, statements.join(",\n")))
            .unwrap();
        path
    }

    fn written(format: OutFormat, loaded: &query::Loaded, limit: Option<usize>) -> (String, usize) {
        let (mut text, mut largest) = (String::new(), 0);
        let mut w = ExplainWriter::new(format, Lang::En, |chunk: &str| {
            largest = largest.max(chunk.len());
            text.push_str(chunk);
        });
        query::explain_each(loaded, limit, |e| w.push(e));
        w.finish();
        (text, largest)
    }

    #[test]
    fn explain_counts_every_action_but_lists_a_bounded_number() {
        let d = tempfile::tempdir().unwrap();
        let n = 600;
        let loaded = load(vec![big_policy(d.path(), n)]);
        let explained = query::explain(&loaded);
        assert_eq!(explained.len(), 1);
        let statements = &explained[0].statements;
        assert_eq!(statements.len(), n);
        let total = catalog().actions.len();
        assert_eq!(statements[0].actions, Some(total));
        for st in statements {
            let listed: usize = st.by_level.iter().map(|l| l.actions.len()).sum();
            let counted: usize = st.by_level.iter().map(|l| l.count).sum();
            assert_eq!(Some(counted), st.actions, "line {}", st.line);
            assert!(st.by_level.iter().all(|l| l.actions.len() == l.count.min(query::DEFAULT_LISTED)));
            assert!(listed <= query::DEFAULT_LISTED * 5);
        }
        // The output grows with the statements, not with the actions they grant, and is
        // written a bounded buffer at a time.
        for format in [OutFormat::Text, OutFormat::Json] {
            let (text, largest) = written(format, &loaded, Some(query::DEFAULT_LISTED));
            assert!(text.len() < n * 4096, "{format:?}: {} bytes", text.len());
            assert!(largest < ExplainWriter::<fn(&str)>::FLUSH_AT + 16 * 1024, "{format:?}: {largest}");
        }
        // `--all` lists everything, still a buffer at a time.
        let (text, largest) = written(OutFormat::Text, &load(vec![big_policy(d.path(), 2)]), None);
        assert!(!text.contains(" more)"), "{text:.200}");
        assert!(text.len() > total * 10);
        assert!(largest < ExplainWriter::<fn(&str)>::FLUSH_AT + total * 64);
    }

    #[test]
    fn streamed_json_is_the_pretty_printed_explanation() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("a.json"),
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:Get*","kms:Decrypt"],"Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},{"Effect":"Deny","NotAction":"iam:*","NotResource":"*"}]}"#,
        )
        .unwrap();
        std::fs::write(d.path().join("b.json"), r#"{"Version":"2012-10-17","Statement":[]}"#).unwrap();
        let loaded = load(vec![d.path().to_path_buf()]);
        let expected = format!("{}\n", serde_json::to_string_pretty(&query::explain(&loaded)).unwrap());
        assert_eq!(written(OutFormat::Json, &loaded, Some(query::DEFAULT_LISTED)).0, expected);
        assert_eq!(
            written(OutFormat::Text, &loaded, Some(query::DEFAULT_LISTED)).0,
            query::render_explain(&query::explain(&loaded), Lang::En)
        );
        let empty = query::Loaded::default();
        assert_eq!(written(OutFormat::Json, &empty, None).0, "[]\n");
        assert_eq!(written(OutFormat::Text, &empty, None).0, query::no_policy(Lang::En));
    }
}
