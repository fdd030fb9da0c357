//! CloudFormation templates: one unit per template, one model per combination of the
//! template's undecidable conditions.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use super::{LoadOptions, Unit, Variants};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lower::cfn::{self, Evaluator, Template};
use crate::source::{SourceFile, Span};
use crate::value::{Document, Node};

/// Values given for template parameters, by name.
pub type Overrides = HashMap<String, String>;

/// Templates with at most this many undecidable conditions are explored in every combination
/// of them (2^N variants); beyond, per group of related resources (see
/// [`cfn::variants`]).
pub const MAX_CONDITION_ATOMS: usize = 4;

/// The CloudFormation frontend.
pub struct CloudFormation;

/// Text that looks like a CloudFormation template, for deciding whether a parse failure is
/// worth reporting.
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion") || (text.contains("Resources") && text.contains("AWS::"))
}

impl super::Frontend for CloudFormation {
    fn name(&self) -> &'static str {
        "cloudformation"
    }

    fn recognises(&self, root: &Node) -> bool {
        cfn::is_template(root)
    }

    fn parse_failure(
        &self,
        text: &str,
        message: &crate::i18n::Message,
    ) -> Option<(DiagnosticKind, crate::i18n::Message)> {
        looks_like_template(text).then(|| (DiagnosticKind::Parse, msg!("diag-syntax-error", detail = message)))
    }

    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, opts: &LoadOptions) -> Unit {
        let file: Arc<str> = src.display_path().into();
        let per_file = opts.parameters_for.as_ref().and_then(|f| f(&file));
        let parameters = per_file.as_ref().unwrap_or(&opts.parameters);
        // Plain scalars as CloudFormation's YAML 1.1 reading takes them (`Encrypted: no`).
        let read = cfn::yaml11::cloudformation_reading(&doc.root, &src.text);
        let tpl = Template::new(read.as_ref().unwrap_or(&doc.root), parameters);
        let mut unit = Unit::single(self.name(), src, crate::model::Model::default());
        let (sups, warnings) =
            crate::suppress::metadata_suppressions(tpl.resources.iter().map(|r| (r.id.as_str(), &*r.node)), &file);
        unit.suppressions = sups;
        unit.diagnostics = warnings;
        for u in &tpl.unexpanded {
            unit.diagnostics.push(Diagnostic::at(
                DiagnosticKind::NotAnalysed,
                &file,
                u.span,
                msg!("diag-cfn-unexpanded", name = u.name, reason = u.reason),
            ));
        }
        for (span, msg) in &tpl.undefined {
            unit.diagnostics.push(Diagnostic::at(DiagnosticKind::Invalid, &file, *span, msg.clone()));
        }
        for (span, msg) in &tpl.problems {
            unit.diagnostics.push(Diagnostic::at(DiagnosticKind::NotAnalysed, &file, *span, msg.clone()));
        }
        // What evaluation could not do, once however many variants meet it.
        let problems = RefCell::new(Vec::<(Span, crate::i18n::Message)>::new());
        // Values left unknown for how they read (YAML 1.1 / 1.2 differences), once each.
        let notes = RefCell::new(Vec::<(Span, crate::i18n::Message)>::new());
        let lower_with = |assumptions: BTreeMap<String, bool>| {
            let ev = Evaluator::new(&tpl, parameters, assumptions);
            // Notes left by lowering elsewhere on this thread are not this template's.
            drop(cfn::convert::take_notes());
            let mut model = cfn::lower(&tpl, &ev, file.clone());
            model.source = Some(src.clone());
            let mut seen = problems.borrow_mut();
            for n in cfn::convert::take_notes() {
                let mut notes = notes.borrow_mut();
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
            for p in ev.problems() {
                if !seen.contains(&p) {
                    seen.push(p);
                }
            }
            model
        };
        match opts.variants {
            Variants::Undecided => unit.variants = vec![lower_with(BTreeMap::new())],
            Variants::Enumerate => {
                let mut plan = cfn::scenarios(&tpl, parameters, MAX_CONDITION_ATOMS, src.text.len());
                let large = plan.max_atoms < cfn::variants::MAX_GROUP_ATOMS;
                for (span, id, atoms) in std::mem::take(&mut plan.unexplored) {
                    let names = atoms.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
                    let message = if large {
                        msg!(
                            "diag-cfn-conditions-unexplored-large",
                            names = names,
                            id = id,
                            size = src.text.len(),
                            variants = 1usize << plan.max_atoms
                        )
                    } else {
                        msg!(
                            "diag-cfn-conditions-unexplored",
                            names = names,
                            id = id,
                            max = cfn::variants::MAX_GROUP_ATOMS
                        )
                    };
                    unit.diagnostics.push(Diagnostic::at(DiagnosticKind::NotAnalysed, &file, span, message));
                }
                unit.variants = plan.scenarios.iter().map(|a| lower_with(a.clone())).collect();
                if unit.variants.len() > 1 {
                    // Findings mostly hold in the same few sets of variants: each set is
                    // described once per group of atoms.
                    let described = Mutex::new(HashMap::new());
                    unit.describe = Some(Box::new(move |seen: &[usize], resource: Option<&str>| {
                        let key = (plan.group_of_resource(resource), seen.to_vec());
                        let mut described = described.lock().unwrap_or_else(|e| e.into_inner());
                        described.entry(key).or_insert_with(|| plan.describe(seen, resource)).clone()
                    }));
                }
            }
        }
        for (span, msg) in problems.into_inner() {
            unit.diagnostics.push(Diagnostic::at(
                DiagnosticKind::NotAnalysed,
                &file,
                span,
                msg!("diag-cfn-not-evaluated", reason = msg),
            ));
        }
        for (span, msg) in notes.into_inner() {
            unit.diagnostics.push(Diagnostic::at(
                DiagnosticKind::NotAnalysed,
                &file,
                span,
                msg!("diag-cfn-not-analysed", reason = msg),
            ));
        }
        drop(tpl);
        drop(read);
        unit.documents.push(doc);
        unit
    }
}
