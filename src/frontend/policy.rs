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

    fn parse_failure(&self, _text: &str, _message: &str) -> Option<(DiagnosticKind, String)> {
        None
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
