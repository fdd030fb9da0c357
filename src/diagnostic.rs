//! Problems with the input rather than with the infrastructure it describes.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// What went wrong with an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// The file could not be read (I/O error, too large, not UTF-8).
    Read,
    /// The file could not be parsed.
    Parse,
    /// Part of the file is not valid (a key given twice, a reference to a name the template
    /// does not define), though the rest of it was analysed.
    Invalid,
    /// Part of the file was not analysed (e.g. a construct that cannot be expanded).
    NotAnalysed,
    /// A suppression without a reason, for an unknown rule, malformed, or (when asked) unused.
    Suppression,
    /// A baseline entry that no longer occurs.
    Baseline,
}

/// A problem with the input rather than with the infrastructure it describes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub file: Arc<str>,
    /// Where in the file, when known (1-based line/column; 0 when the whole file is meant).
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl Diagnostic {
    /// Errors make the scan exit with status 2; notes do not.
    pub fn is_error(&self) -> bool {
        matches!(self.kind, DiagnosticKind::Read | DiagnosticKind::Parse | DiagnosticKind::Invalid)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::i18n::Lang::En))
    }
}

impl DiagnosticKind {
    /// The label of what the kind says before the message (`error: cannot parse`).
    fn label_id(self) -> &'static str {
        match self {
            DiagnosticKind::Read => "diagnostic-read",
            DiagnosticKind::Parse => "diagnostic-parse",
            DiagnosticKind::Invalid => "diagnostic-invalid",
            DiagnosticKind::NotAnalysed => "diagnostic-not-analysed",
            DiagnosticKind::Suppression => "diagnostic-suppression",
            DiagnosticKind::Baseline => "diagnostic-baseline",
        }
    }
}

impl Diagnostic {
    /// The diagnostic on one line, its kind said in `lang` (the message is the parser's or the
    /// reader's own).
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        self.to_message().render(lang)
    }

    /// The diagnostic as a message: its location, its kind (translated), its message.
    pub fn to_message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        let at = if self.line > 0 {
            format!("{}:{}:{}: ", self.file, self.line, self.col)
        } else {
            format!("{}: ", self.file)
        };
        Message::Concat(vec![
            Message::Text(at),
            Message::template(self.kind.label_id(), Vec::new()),
            Message::Text(format!(": {}", self.message)),
        ])
    }
}

impl Diagnostic {
    /// A diagnostic about a whole file.
    pub fn whole_file(kind: DiagnosticKind, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { kind, file: file.into(), line: 0, col: 0, message: message.into() }
    }

    /// A diagnostic at a span (its file when it has one, else `file`).
    pub fn at(
        kind: DiagnosticKind,
        file: &Arc<str>,
        span: crate::source::Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        let file = if span.file.is_none() { file.clone() } else { span.file.name() };
        Diagnostic { kind, file, line: span.line, col: span.col, message: message.into() }
    }
}
