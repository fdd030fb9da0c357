//! The collector proper, on the AWS SDK for Rust.
//!
//! One snapshot per account: the account-wide services and, for each Region, the regional
//! ones, run as bounded concurrent tasks; every paginated answer is read to its last page
//! (following the tokens, never an `IsTruncated` flag alone); throttled calls are retried
//! with backoff by the SDK. A call that fails becomes an entry of `errors` naming the
//! permission it needs, and the collection goes on.

use std::error::Error as StdError;
use std::future::Future;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
use serde_json::{Map, Value, json};

pub(crate) mod conv;
mod data;
mod iam;
mod monitoring;
mod network;
mod services;

pub use data::s3control_client;

use super::{Collected, Options};

/// How many service collections run at once.
const CONCURRENCY: usize = 8;

/// A failed call: the error code and the service's message.
#[derive(Debug, Clone)]
pub struct Failure {
    pub code: String,
    pub message: String,
}

impl Failure {
    pub fn of<E>(e: &SdkError<E, HttpResponse>) -> Failure
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let (code, message) = match e {
            SdkError::ServiceError(s) => match s.err().code() {
                Some(code) => (code.to_string(), s.err().message().map(str::to_string)),
                // An answer without an AWS error code (an endpoint that is not the service's):
                // its HTTP status.
                None => {
                    let status = s.raw().status().as_u16();
                    (format!("HTTP{status}"), Some(format!("HTTP status {status} without an AWS error code")))
                }
            },
            SdkError::TimeoutError(_) => ("TimeoutError".into(), None),
            SdkError::DispatchFailure(_) => ("DispatchFailure".into(), None),
            SdkError::ResponseError(_) => ("ResponseError".into(), None),
            SdkError::ConstructionFailure(_) => ("ConstructionFailure".into(), None),
            _ => ("Unknown".into(), None),
        };
        let mut message =
            message.unwrap_or_else(|| aws_smithy_types::error::display::DisplayErrorContext(e).to_string());
        if let Some((cut, _)) = message.char_indices().nth(300) {
            message.truncate(cut);
            message.push('…');
        }
        Failure { code, message }
    }
}

/// The answers of one scope: the account-wide calls or one Region's.
pub struct Sink {
    region: Option<String>,
    data: Mutex<Map<String, Value>>,
    errors: Arc<Mutex<Vec<Value>>>,
}

impl Sink {
    fn new(region: Option<String>, errors: Arc<Mutex<Vec<Value>>>) -> Sink {
        Sink { region, data: Mutex::new(Map::new()), errors }
    }

    /// Keeps an answer: `SERVICE.CALL`, or `SERVICE.CALL.RESOURCE` for a call about one
    /// resource.
    pub fn put(&self, service: &str, call: &str, resource: Option<&str>, value: Value) {
        debug_assert!(super::find(service, call).is_some(), "{service}.{call} is not in the call table");
        let mut data = self.data.lock().unwrap_or_else(|e| e.into_inner());
        let calls = data.entry(service).or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(calls) = calls else { return };
        match resource {
            None => {
                calls.insert(call.to_string(), value);
            }
            Some(r) => {
                let by = calls.entry(call).or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(by) = by {
                    by.insert(r.to_string(), value);
                }
            }
        }
    }

    /// Records a call that was not answered.
    pub fn fail(&self, service: &str, call: &str, resource: Option<&str>, f: Failure) {
        let permission = super::permission(service, call).map(str::to_string).unwrap_or(format!("{service}:{call}"));
        let mut e = json!({
            "service": service,
            "region": self.region,
            "call": call,
        });
        if let Some(r) = resource {
            e["resource"] = json!(r);
        }
        e["error"] = json!(f.code);
        e["permission"] = json!(permission);
        if !f.message.is_empty() {
            e["message"] = json!(f.message);
        }
        self.errors.lock().unwrap_or_else(|e| e.into_inner()).push(e);
    }

    /// Keeps the answer of a call, or its failure. An error whose code is in `not_configured`
    /// means the call found nothing configured: `null`. Returns the answer kept.
    pub fn keep<O, E>(
        &self,
        service: &str,
        call: &str,
        resource: Option<&str>,
        not_configured: &[&str],
        result: Result<O, SdkError<E, HttpResponse>>,
        convert: impl FnOnce(O) -> Value,
    ) -> Option<Value>
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let value = match result {
            Ok(o) => convert(o),
            Err(e) => {
                let f = Failure::of(&e);
                if !not_configured.contains(&f.code.as_str()) {
                    self.fail(service, call, resource, f);
                    return None;
                }
                Value::Null
            }
        };
        self.put(service, call, resource, value.clone());
        Some(value)
    }

    /// The answers kept, taken out.
    fn take(&self) -> Map<String, Value> {
        std::mem::take(&mut *self.data.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// What a service's collection gets: the SDK configuration of its Region, where its answers
/// go, and the collection's settings.
#[derive(Clone)]
pub struct Ctx {
    pub cfg: SdkConfig,
    pub sink: Arc<Sink>,
    pub account: String,
    pub endpoint_url: Option<String>,
}

impl Ctx {
    /// The Region the configuration is for.
    pub fn region(&self) -> String {
        self.cfg.region().map(|r| r.to_string()).unwrap_or_default()
    }
}

/// The string values at `key` of each object of the list at `list` of an answer.
pub fn ids(answer: Option<&Value>, list: &str, key: &str) -> Vec<String> {
    answer
        .and_then(|a| a.get(list))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|item| item.get(key).and_then(Value::as_str).map(str::to_string))
        .collect()
}

type Job = fn(Ctx) -> Pin<Box<dyn Future<Output = ()> + Send>>;

macro_rules! job {
    ($f:path) => {
        (|cx| Box::pin($f(cx))) as Job
    };
}

/// The account-wide collections.
fn global_jobs() -> Vec<(&'static str, Job)> {
    vec![("iam", job!(iam::collect)), ("s3", job!(data::s3)), ("organizations", job!(services::organizations))]
}

/// The collections of each Region.
fn regional_jobs() -> Vec<(&'static str, Job)> {
    vec![
        ("ec2", job!(network::ec2)),
        ("rds", job!(data::rds)),
        ("kms", job!(data::kms)),
        ("cloudtrail", job!(monitoring::cloudtrail)),
        ("guardduty", job!(monitoring::guardduty)),
        ("securityhub", job!(monitoring::securityhub)),
        ("config", job!(monitoring::config)),
        ("accessanalyzer", job!(monitoring::accessanalyzer)),
        ("logs", job!(monitoring::logs)),
        ("cloudwatch", job!(monitoring::cloudwatch)),
        ("lambda", job!(services::lambda)),
        ("eks", job!(services::eks)),
        ("ecr", job!(services::ecr)),
        ("elb", job!(network::elb)),
        ("elbv2", job!(network::elbv2)),
        ("wafv2", job!(network::wafv2)),
        ("sns", job!(services::sns)),
        ("sqs", job!(services::sqs)),
        ("secretsmanager", job!(services::secretsmanager)),
        ("backup", job!(services::backup)),
    ]
}

/// Runs the collection `opts` asks for.
pub fn run(opts: &Options) -> Result<Collected, String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the collector's runtime: {e}"))?;
    rt.block_on(run_async(opts))
}

fn http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
            aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https()
}

async fn base_config(opts: &Options) -> Result<SdkConfig, String> {
    let retry = RetryConfig::standard()
        .with_max_attempts(6)
        .with_initial_backoff(Duration::from_millis(500))
        .with_max_backoff(Duration::from_secs(20));
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http_client()).retry_config(retry);
    if let Some(p) = &opts.profile {
        loader = loader.profile_name(p);
    }
    if let Some(u) = &opts.endpoint_url {
        loader = loader.endpoint_url(u);
    }
    if let Some(r) = opts.regions.first() {
        loader = loader.region(Region::new(r.clone()));
    }
    let cfg = loader.load().await;
    if cfg.region().is_none() {
        return Err("no Region: give --region (or --all-regions), or set AWS_REGION or the profile's region".into());
    }
    if cfg.credentials_provider().is_none() {
        return Err("no credentials provider could be set up".into());
    }
    Ok(cfg)
}

/// The account and partition of the credentials of `cfg`.
async fn identity(cfg: &SdkConfig) -> Result<(String, String), String> {
    let sts = aws_sdk_sts::Client::new(cfg);
    let who = sts.get_caller_identity().send().await.map_err(|e| {
        let f = Failure::of(&e);
        format!("sts:GetCallerIdentity failed ({}): {}", f.code, f.message)
    })?;
    let account = who.account().unwrap_or_default().to_string();
    let partition = who.arn().and_then(|a| a.split(':').nth(1)).unwrap_or("aws").to_string();
    if account.len() != 12 {
        return Err(format!("sts:GetCallerIdentity gave no account id (`{account}`)"));
    }
    Ok((account, partition))
}

/// The Regions to collect.
async fn regions(cfg: &SdkConfig, opts: &Options) -> Result<Vec<String>, String> {
    if !opts.all_regions {
        return Ok(match opts.regions.is_empty() {
            true => cfg.region().map(|r| vec![r.to_string()]).unwrap_or_default(),
            false => opts.regions.clone(),
        });
    }
    let ec2 = aws_sdk_ec2::Client::new(cfg);
    let out = ec2.describe_regions().send().await.map_err(|e| {
        let f = Failure::of(&e);
        format!("--all-regions: ec2:DescribeRegions failed ({}): {}", f.code, f.message)
    })?;
    let mut names: Vec<String> = out.regions().iter().filter_map(|r| r.region_name().map(str::to_string)).collect();
    names.sort();
    Ok(names)
}

async fn run_async(opts: &Options) -> Result<Collected, String> {
    let base = base_config(opts).await?;
    let (account, partition) = identity(&base).await?;
    let regions = regions(&base, opts).await?;
    let mut out = Collected::default();
    let Some(role) = &opts.role_name else {
        let snapshot = collect_account(&base, &account, &partition, &regions, opts, &mut out.problems).await;
        let text = text_of(&snapshot)?;
        match &opts.output {
            Some(p) => out.files.push(write(&text, p)?),
            None => out.stdout = Some(text),
        }
        return Ok(out);
    };
    let accounts = match opts.accounts.is_empty() {
        false => opts.accounts.clone(),
        true => organisation_accounts(&base).await?,
    };
    let Some(dir) = &opts.output else {
        return Err("--role-name writes one snapshot per account: give --output DIR".into());
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut failed = Vec::new();
    for id in &accounts {
        let arn = format!("arn:{partition}:iam::{id}:role/{role}");
        let provider = aws_config::sts::AssumeRoleProvider::builder(&arn)
            .session_name("palisade-collect")
            .configure(&base)
            .build()
            .await;
        let cfg = base.to_builder().credentials_provider(aws_credential_provider(provider)).build();
        match identity(&cfg).await {
            Ok((acc, part)) => {
                let snapshot = collect_account(&cfg, &acc, &part, &regions, opts, &mut out.problems).await;
                out.files.push(write(&text_of(&snapshot)?, &dir.join(format!("{acc}.json")))?);
            }
            Err(e) => {
                out.problems.push(format!("account {id}: cannot assume {arn}: {e}"));
                failed.push(id.clone());
            }
        }
    }
    if !failed.is_empty() && out.files.is_empty() {
        return Err(format!("no account could be collected ({})", failed.join(", ")));
    }
    Ok(out)
}

fn aws_credential_provider(
    p: aws_config::sts::AssumeRoleProvider,
) -> aws_credential_types::provider::SharedCredentialsProvider {
    aws_credential_types::provider::SharedCredentialsProvider::new(p)
}

/// Every active account of the organisation.
async fn organisation_accounts(cfg: &SdkConfig) -> Result<Vec<String>, String> {
    let org = aws_sdk_organizations::Client::new(cfg);
    let pages = org.list_accounts().into_paginator().send().try_collect().await.map_err(|e| {
        let f = Failure::of(&e);
        format!("organizations:ListAccounts failed ({}): {}; name the accounts with --accounts", f.code, f.message)
    })?;
    Ok(pages
        .iter()
        .flat_map(|p| p.accounts())
        .filter(|a| a.state().is_none_or(|s| s.as_str() == "ACTIVE"))
        .filter_map(|a| a.id().map(str::to_string))
        .collect())
}

/// One account's snapshot.
async fn collect_account(
    cfg: &SdkConfig,
    account: &str,
    partition: &str,
    regions: &[String],
    opts: &Options,
    problems: &mut Vec<String>,
) -> Value {
    let errors = Arc::new(Mutex::new(Vec::new()));
    let global = Arc::new(Sink::new(None, errors.clone()));
    let mut jobs: Vec<(String, Job, Ctx)> = Vec::new();
    let cx = |cfg: SdkConfig, sink: Arc<Sink>| Ctx {
        cfg,
        sink,
        account: account.to_string(),
        endpoint_url: opts.endpoint_url.clone(),
    };
    for (name, job) in global_jobs() {
        jobs.push((name.to_string(), job, cx(cfg.clone(), global.clone())));
    }
    let mut sinks = Vec::new();
    for r in regions {
        let sink = Arc::new(Sink::new(Some(r.clone()), errors.clone()));
        let rcfg = cfg.to_builder().region(Region::new(r.clone())).build();
        for (name, job) in regional_jobs() {
            jobs.push((format!("{r} {name}"), job, cx(rcfg.clone(), sink.clone())));
        }
        sinks.push((r.clone(), sink));
    }
    let bar = progress(opts.progress, jobs.len() as u64, account);
    let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let mut set = tokio::task::JoinSet::new();
    for (name, job, cx) in jobs {
        let gate = gate.clone();
        let bar = bar.clone();
        set.spawn(async move {
            let _permit = gate.acquire_owned().await;
            if let Some(b) = &bar {
                b.set_message(name);
            }
            job(cx).await;
            if let Some(b) = &bar {
                b.inc(1);
            }
        });
    }
    while let Some(done) = set.join_next().await {
        if let Err(e) = done {
            // Its calls are then missing from the snapshot: what they show is unknown.
            problems.push(format!("account {account}: a collection task stopped: {e}"));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut regional = Map::new();
    for (r, sink) in sinks {
        regional.insert(r, Value::Object(sink.take()));
    }
    let global = global.take();
    let mut errors = std::mem::take(&mut *errors.lock().unwrap_or_else(|e| e.into_inner()));
    errors.sort_by_key(|e| e.to_string());
    json!({
        "palisade_snapshot": crate::lower::snapshot::FORMAT_VERSION,
        "account": account,
        "partition": partition,
        "regions": regions,
        "collected_at": now(),
        "tool_version": crate::VERSION,
        "global": global,
        "regional": regional,
        "errors": errors,
    })
}

/// The current time, RFC 3339 to the second.
fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// A progress bar on standard error when it is a terminal.
fn progress(wanted: bool, len: u64, account: &str) -> Option<indicatif::ProgressBar> {
    if !wanted || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_prefix(format!("collecting {account}"));
    Some(bar)
}

/// A snapshot as the text of its file.
fn text_of(snapshot: &Value) -> Result<String, String> {
    Ok(serde_json::to_string_pretty(snapshot).map_err(|e| e.to_string())? + "\n")
}

/// Writes a snapshot's text to `path`.
fn write(text: &str, path: &Path) -> Result<PathBuf, String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}
