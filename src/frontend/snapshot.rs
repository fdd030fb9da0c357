//! Live account snapshots (`palisade_snapshot`): one JSON document per account, lowered
//! into the same model as templates (see [`crate::lower::snapshot`]). The snapshots of one
//! scan are judged together, as the accounts of one organization: its service control
//! policies apply to the accounts they target, and trust between the accounts is resolved.

use std::sync::Arc;

use super::{LoadOptions, Unit};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lower::snapshot;
use crate::source::SourceFile;
use crate::value::{Document, Node};

pub struct Snapshot;

impl super::Frontend for Snapshot {
    fn name(&self) -> &'static str {
        "aws-snapshot"
    }

    fn recognises(&self, root: &Node) -> bool {
        snapshot::is_snapshot(root)
    }

    fn parse_failure(
        &self,
        text: &str,
        message: &crate::i18n::Message,
    ) -> Option<(DiagnosticKind, crate::i18n::Message)> {
        text.contains("\"palisade_snapshot\"")
            .then(|| (DiagnosticKind::Parse, msg!("diag-syntax-error", detail = message)))
    }

    /// Keeps the document: the snapshots of a scan are lowered together by [`Self::merge`].
    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, _opts: &LoadOptions) -> Unit {
        let mut unit = Unit::single(self.name(), src, crate::model::Model::default());
        unit.documents.push(doc);
        unit
    }

    fn scan_wide(&self) -> bool {
        true
    }

    fn merge(&self, units: Vec<Unit>, _opts: &LoadOptions) -> Vec<Unit> {
        let mut units = units.into_iter();
        let Some(mut all) = units.next() else { return Vec::new() };
        for u in units {
            all.sources.extend(u.sources);
            all.documents.extend(u.documents);
            all.suppressions.extend(u.suppressions);
            all.diagnostics.extend(u.diagnostics);
        }
        let roots: Vec<(&Node, Arc<str>)> = all
            .documents
            .iter()
            .zip(&all.sources)
            .map(|(d, s)| (&d.root, Arc::<str>::from(s.display_path())))
            .collect();
        let (mut model, problems) = snapshot::lower_all(&roots);
        for ((_, file), problems) in roots.iter().zip(problems) {
            for (kind, span, msg) in problems {
                all.diagnostics.push(Diagnostic::at(kind, file, span, msg));
            }
        }
        model.source = all.sources.first().cloned();
        model.sources = all.sources.iter().skip(1).cloned().collect();
        all.variants = vec![model];
        vec![all]
    }
}
