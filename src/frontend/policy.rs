//! Bare IAM policy documents (`Version` + `Statement`): one unit per document.

use std::sync::Arc;

use super::{LoadOptions, Unit};
use crate::diagnostic::DiagnosticKind;
use crate::lower::policy_file;
use crate::source::SourceFile;
use crate::value::{Document, Node};

/// The policy-file frontend.
pub struct PolicyFile;

impl super::Frontend for PolicyFile {
    fn name(&self) -> &'static str {
        "policy"
    }

    fn recognises(&self, root: &Node) -> bool {
        policy_file::is_policy(root)
    }

    fn parse_failure(
        &self,
        text: &str,
        message: &crate::i18n::Message,
    ) -> Option<(DiagnosticKind, crate::i18n::Message)> {
        // A policy document that does not parse must not be ignored: its statements (a deny)
        // may matter.
        looks_like_policy(text).then(|| (DiagnosticKind::Parse, msg!("diag-syntax-error", detail = message)))
    }

    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, _opts: &LoadOptions) -> Unit {
        let name = src.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut model = policy_file::lower(&doc.root, &name, src.display_path().into());
        model.source = Some(src.clone());
        let mut unit = Unit::single(self.name(), src, model);
        unit.documents.push(doc);
        unit
    }
}

/// Text that looks like an IAM policy document (a `Statement` with an `Effect`), for deciding
/// whether a parse failure is worth reporting.
pub fn looks_like_policy(text: &str) -> bool {
    text.contains("Statement") && text.contains("Effect")
}
