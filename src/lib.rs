//! Palisade: a security auditor for AWS infrastructure as code.
//!
//! The pipeline: discover → parse → lower into one model → analyze → rules → filter → report.

// First, so that its `msg!` macro is in scope in every module.
#[macro_use]
pub mod i18n;
pub mod analyze;
pub mod cli;
pub mod collect;
pub mod compliance;
pub mod config;
pub mod custom;
pub mod diagnostic;
pub mod discover;
pub mod filter;
pub mod finding;
pub mod fix;
pub mod frontend;
pub mod gitdiff;
pub mod lower;
pub mod model;
pub mod parse;
pub mod paths;
pub mod posture;
pub mod report;
pub mod results;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
pub mod value;

/// The tool's version, as reports show it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
