//! Live account snapshots (`palisade_snapshot`): one JSON document per account, lowered
//! into the same model as templates (see [`crate::lower::snapshot`]).

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

    fn parse_failure(&self, text: &str, message: &str) -> Option<(DiagnosticKind, String)> {
        text.contains("\"palisade_snapshot\"").then(|| (DiagnosticKind::Parse, message.to_string()))
    }

    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, _opts: &LoadOptions) -> Unit {
        let file: Arc<str> = src.display_path().into();
        let (mut model, problems) = snapshot::lower(&doc.root, file.clone());
        model.source = Some(src.clone());
        let mut unit = Unit::single(self.name(), src, model);
        for (kind, span, msg) in problems {
            unit.diagnostics.push(Diagnostic::at(kind, &file, span, msg));
        }
        unit.documents.push(doc);
        unit
    }
}
