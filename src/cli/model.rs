//! `palisade model`: the model and the facts of every unit of analysis, as one versioned JSON
//! document (described by `docs/model-schema.json`), for custom rules and editor integrations.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use crate::analyze::Facts;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::discover::DiscoverOptions;
use crate::frontend::{self, LoadOptions, Loaded, Overrides, Unit, Variants};

pub use crate::model::document::{SCHEMA_VERSION, prune};

#[derive(Args, Debug)]
pub struct ModelArgs {
    /// Files or directories to load.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ModelFormat::Json)]
    pub format: ModelFormat,
    /// Write the document to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out paths matching GLOB (gitignore syntax; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Walk everything but version control folders: do not honour .gitignore and .ignore files,
    /// and walk tool folders (node_modules, .terraform, .aws-sam, ...) too.
    #[arg(long)]
    pub no_ignore: bool,
    /// Template parameter values (same formats as `scan --parameters`).
    #[arg(long, value_name = "FILE")]
    pub parameters: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    /// One JSON document (see docs/model-schema.json).
    Json,
}

/// Runs `palisade model`; returns the exit status.
pub fn run(args: ModelArgs, lang: crate::i18n::Lang) -> i32 {
    match command(args, lang) {
        Ok(code) => code,
        Err(e) => {
            super::output::error(&super::error_line(lang, &e));
            super::EXIT_ERROR
        }
    }
}

fn command(args: ModelArgs, lang: crate::i18n::Lang) -> Result<i32, String> {
    let parameters: Overrides = match &args.parameters {
        None => Default::default(),
        Some(p) => super::read_parameters(p, &crate::parse::Limits::default())?,
    };
    let opts = LoadOptions {
        paths: args.paths,
        discover: DiscoverOptions { exclude: args.exclude, no_ignore: args.no_ignore },
        parameters,
        variants: Variants::Undecided,
        ..LoadOptions::default()
    };
    let loaded = frontend::load(&opts);
    let (doc, diagnostics) = document(&loaded);
    let text = match args.format {
        ModelFormat::Json => serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n",
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?
        }
        None => super::output::emit(&text),
    }
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        super::output::diagnostic_in(d, lang);
    }
    Ok(if diagnostics.iter().any(|d| d.is_error()) { super::EXIT_ERROR } else { super::EXIT_CLEAN })
}

/// The document for everything loaded, and every diagnostic it contains.
pub fn document(loaded: &Loaded) -> (Value, Vec<Diagnostic>) {
    let mut diagnostics = loaded.diagnostics.clone();
    let mut units = Vec::new();
    for unit in &loaded.units {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| unit_json(unit))) {
            Ok(v) => {
                units.push(v);
                diagnostics.extend(unit.diagnostics.iter().cloned());
            }
            // An internal error (a bug, never expected) becomes a diagnostic for that unit.
            Err(_) => {
                diagnostics.push(Diagnostic::whole_file(DiagnosticKind::Read, &unit.name, msg!("diag-internal-error")))
            }
        }
    }
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "tool": { "name": "palisade", "version": crate::VERSION },
        "units": units,
        "diagnostics": diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
    });
    (doc, diagnostics)
}

fn unit_json(unit: &Unit) -> Value {
    let model = unit.model();
    let facts = Facts::new(model);
    let mut model_json = serde_json::to_value(model).unwrap_or(Value::Null);
    prune(&mut model_json);
    json!({
        "frontend": unit.frontend,
        "name": &*unit.name,
        "files": unit.sources.iter().map(|s| s.display_path()).collect::<Vec<_>>(),
        "model": model_json,
        "facts": {
            "reachability": &facts.reachability().exposures,
            "evidence": facts.evidence(),
        },
    })
}

fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "kind": d.kind,
        "file": &*d.file,
        "line": d.line,
        "col": d.col,
        "message": d.message,
        "error": d.is_error(),
    })
}
