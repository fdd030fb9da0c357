//! `palisade net exposure`: the reachability analysis of every template under some paths, as
//! a table, JSON, or a Graphviz graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};

use crate::analyze::Facts;
use crate::analyze::reach::{Exposure, Verdict};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::discover::DiscoverOptions;
use crate::frontend::{self, LoadOptions, Overrides, Variants};
use crate::model::{Link, Model};
use crate::source::SourceFile;

/// The analysis of one template.
pub struct FileExposure {
    pub file: Arc<str>,
    pub exposures: Vec<Exposure>,
    /// VPC → subnets, and subnet → VPC, for the graph.
    pub vpcs: Vec<(String, Vec<String>)>,
}

/// Analyses every template under `paths`. Undecidable template conditions are left
/// undecided (their values are unknown).
pub fn analyse_paths(
    paths: &[PathBuf],
    discover_opts: &DiscoverOptions,
    parameters: &Overrides,
) -> (Vec<FileExposure>, Vec<Diagnostic>) {
    let opts = LoadOptions {
        paths: paths.to_vec(),
        discover: discover_opts.clone(),
        parameters: parameters.clone(),
        variants: Variants::Undecided,
        ..LoadOptions::default()
    };
    exposures_of(frontend::load(&opts))
}

/// Analyses one in-memory template.
pub fn analyse_source(src: SourceFile, parameters: &Overrides) -> (Vec<FileExposure>, Vec<Diagnostic>) {
    let opts = LoadOptions { parameters: parameters.clone(), variants: Variants::Undecided, ..LoadOptions::default() };
    exposures_of(frontend::load_source(src, &opts))
}

fn exposures_of(loaded: frontend::Loaded) -> (Vec<FileExposure>, Vec<Diagnostic>) {
    let mut diags = loaded.diagnostics;
    let mut out = Vec::new();
    for unit in loaded
        .units
        .iter()
        .filter(|u| matches!(u.frontend, "cloudformation" | "terraform" | "terraform-plan" | "aws-snapshot"))
    {
        diags.extend(unit.diagnostics.iter().filter(|d| d.is_error()).cloned());
        // An internal error (a bug, never expected) becomes a diagnostic for that file.
        let model = unit.model();
        let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| FileExposure {
            file: unit.name.clone(),
            exposures: Facts::new(model).reachability().exposures.clone(),
            vpcs: vpcs(model),
        }));
        match guarded {
            Ok(f) => out.push(f),
            Err(_) => diags.push(Diagnostic::whole_file(DiagnosticKind::Read, &unit.name, msg!("diag-internal-error"))),
        }
    }
    (out, diags)
}

fn vpcs(m: &Model) -> Vec<(String, Vec<String>)> {
    let mut by: BTreeMap<String, Vec<String>> = m.vpcs.iter().map(|v| (v.meta.id.to_string(), Vec::new())).collect();
    for s in &m.subnets {
        let v = match s.vpc.get() {
            Some(Link::Local(v)) | Some(Link::External(v)) => v.clone(),
            None => "(unknown VPC)".to_string(),
        };
        by.entry(v).or_default().push(s.meta.id.to_string());
    }
    by.into_iter().collect()
}

/// The table, in `lang`.
pub fn render_text(files: &[FileExposure], lang: crate::i18n::Lang) -> String {
    use crate::i18n::label;
    let mut s = String::new();
    let mut total = [0usize; 3];
    for f in files {
        if f.exposures.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{}", f.file);
        let verdict = |v: Verdict| label(lang, &format!("net-verdict-{}", v.as_str().replace(' ', "-")));
        let heads = ["net-resource", "net-port", "net-verdict", "net-path"].map(|id| label(lang, id));
        let rw = f.exposures.iter().map(|e| e.resource.id.len()).chain([super::width(&heads[0])]).max().unwrap_or(8);
        let pw = f.exposures.iter().map(|e| e.port_text().len()).chain([super::width(&heads[1])]).max().unwrap_or(4);
        let vw = [Verdict::Exposed, Verdict::NotExposed, Verdict::Unknown]
            .into_iter()
            .map(|v| super::width(&verdict(v)))
            .chain([super::width(&heads[2])])
            .max()
            .unwrap_or(11);
        let pad = |t: &str, w: usize| format!("{t}{}", " ".repeat(w.saturating_sub(super::width(t))));
        let _ = writeln!(s, "  {}  {}  {}  {}", pad(&heads[0], rw), pad(&heads[1], pw), pad(&heads[2], vw), heads[3]);
        for e in &f.exposures {
            total[match e.verdict {
                Verdict::Exposed => 0,
                Verdict::NotExposed => 1,
                Verdict::Unknown => 2,
            }] += 1;
            let via =
                e.via.as_deref().map(|v| crate::i18n::label_with(lang, "net-via", &[("lb", &v)])).unwrap_or_default();
            let path: Vec<String> = e
                .path
                .iter()
                .map(|h| {
                    crate::i18n::label_with(lang, "net-hop", &[("hop", &h.text.render(lang)), ("line", &h.span.line)])
                })
                .collect();
            let sep = if e.verdict == Verdict::Exposed { " → " } else { "; " };
            let _ = writeln!(
                s,
                "  {:rw$}  {:pw$}  {}  {via}{}",
                e.resource.id,
                e.port_text(),
                pad(&verdict(e.verdict), vw),
                path.join(sep)
            );
        }
        s.push('\n');
    }
    let _ = writeln!(
        s,
        "{}",
        crate::i18n::label_with(
            lang,
            "net-summary",
            &[("exposed", &total[0]), ("not_exposed", &total[1]), ("unknown", &total[2])]
        )
    );
    s
}

/// The JSON document.
pub fn render_json(files: &[FileExposure]) -> String {
    let v: Vec<Value> = files
        .iter()
        .map(|f| {
            json!({
                "file": &*f.file,
                "exposures": f.exposures.iter().map(exposure_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "version": crate::VERSION, "files": v })).unwrap_or_default() + "\n"
}

fn exposure_json(e: &Exposure) -> Value {
    json!({
        "resource": e.resource.id,
        "type": e.resource.kind,
        "line": e.resource.span.line,
        "category": e.category.as_str(),
        "protocol": e.protocol,
        "ports": e.ports.map(|(a, b)| json!({"from": a, "to": b})),
        "application_protocol": e.app_protocol,
        "verdict": e.verdict.as_str(),
        "via": e.via,
        "subnets": e.subnets,
        "path": e.path.iter().map(|h| json!({
            "kind": h.kind.as_str(),
            "text": h.text,
            "line": h.span.line,
            "column": h.span.col,
        })).collect::<Vec<_>>(),
    })
}

fn q(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A label of several lines: each escaped, joined with Graphviz's line break `\n`.
fn lines(parts: &[&str]) -> String {
    let parts: Vec<String> = parts.iter().map(|p| escape(p)).collect();
    format!("\"{}\"", parts.join("\\n"))
}

/// The network as a Graphviz graph: VPC → subnets → resources; exposed paths in red.
pub fn render_dot(files: &[FileExposure]) -> String {
    let mut s = String::from("digraph exposure {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    s.push_str("  internet [label=\"internet\", shape=ellipse, style=filled, fillcolor=\"#ffe0e0\"];\n");
    for (fi, f) in files.iter().enumerate() {
        let id = |x: &str| q(&format!("{fi}:{x}"));
        let _ = writeln!(s, "  subgraph {} {{\n    label={};", q(&format!("cluster_file_{fi}")), q(&f.file));
        let mut placed: BTreeSet<&str> = BTreeSet::new();
        for (vi, (vpc, subnets)) in f.vpcs.iter().enumerate() {
            let _ = writeln!(
                s,
                "    subgraph {} {{\n      label={};",
                q(&format!("cluster_{fi}_{vi}")),
                q(&format!("VPC {vpc}"))
            );
            for (si, sub) in subnets.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "      subgraph {} {{\n        label={};\n        style=dashed;",
                    q(&format!("cluster_{fi}_{vi}_{si}")),
                    q(&format!("subnet {sub}"))
                );
                let _ = writeln!(s, "        {} [label={}, shape=point];", id(&format!("subnet:{sub}")), q(sub));
                for e in &f.exposures {
                    if e.subnets.first().map(String::as_str) == Some(sub.as_str()) && placed.insert(&e.resource.id) {
                        let _ = writeln!(
                            s,
                            "        {} [label={}];",
                            id(&e.resource.id),
                            lines(&[&e.resource.id, &e.resource.kind])
                        );
                    }
                }
                s.push_str("      }\n");
            }
            s.push_str("    }\n");
        }
        for e in &f.exposures {
            if placed.insert(&e.resource.id) {
                let _ =
                    writeln!(s, "    {} [label={}];", id(&e.resource.id), lines(&[&e.resource.id, &e.resource.kind]));
            }
        }
        s.push_str("  }\n");
        let mut edges: BTreeSet<String> = BTreeSet::new();
        for e in &f.exposures {
            for sub in e.subnets.iter().skip(1) {
                edges.insert(format!(
                    "  {} -> {} [style=dotted, arrowhead=none];\n",
                    id(&format!("subnet:{sub}")),
                    id(&e.resource.id)
                ));
            }
            let (color, style) = match e.verdict {
                Verdict::Exposed => ("red", "bold"),
                Verdict::Unknown => ("orange", "dashed"),
                Verdict::NotExposed => continue,
            };
            let from = match &e.via {
                Some(lb) => id(lb),
                None => "internet".to_string(),
            };
            edges.insert(format!(
                "  {from} -> {} [label={}, color={color}, style={style}];\n",
                id(&e.resource.id),
                q(&e.port_text())
            ));
        }
        for e in edges {
            s.push_str(&e);
        }
    }
    s.push_str("}\n");
    s
}
