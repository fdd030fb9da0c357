//! Problems with the input rather than with the infrastructure it describes.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::i18n::Message;

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
///
/// Its message is a [`Message`]: shown in the language of the report, kept in English in the
/// machine-readable outputs (JSON, SARIF), and compared, sorted and hashed by its English text.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub file: Arc<str>,
    /// Where in the file, when known (1-based line/column; 0 when the whole file is meant).
    pub line: u32,
    pub col: u32,
    pub message: Message,
}

impl Diagnostic {
    fn key(&self) -> (DiagnosticKind, &str, u32, u32, String) {
        (self.kind, &self.file, self.line, self.col, self.message.en())
    }
}

impl PartialEq for Diagnostic {
    fn eq(&self, other: &Diagnostic) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Diagnostic {}

impl std::hash::Hash for Diagnostic {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Diagnostic) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Diagnostic {
    fn cmp(&self, other: &Diagnostic) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
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
    /// The diagnostic on one line, in `lang`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        self.to_message().render(lang)
    }

    /// The diagnostic as a message: its location, its kind (translated), its message.
    pub fn to_message(&self) -> Message {
        let at = if self.line > 0 {
            format!("{}:{}:{}: ", self.file, self.line, self.col)
        } else {
            format!("{}: ", self.file)
        };
        Message::Concat(vec![
            Message::Text(at),
            Message::template(self.kind.label_id(), Vec::new()),
            Message::Text(": ".to_string()),
            self.message.clone(),
        ])
    }
}

impl Diagnostic {
    /// A diagnostic about a whole file.
    pub fn whole_file(kind: DiagnosticKind, file: &str, message: impl Into<Message>) -> Diagnostic {
        Diagnostic { kind, file: file.into(), line: 0, col: 0, message: message.into() }
    }

    /// A diagnostic at a span (its file when it has one, else `file`).
    pub fn at(
        kind: DiagnosticKind,
        file: &Arc<str>,
        span: crate::source::Span,
        message: impl Into<Message>,
    ) -> Diagnostic {
        let file = if span.file.is_none() { file.clone() } else { span.file.name() };
        Diagnostic { kind, file, line: span.line, col: span.col, message: message.into() }
    }
}

/// The kind of an I/O error, as the diagnostics catalogue chooses its text by it:
/// `not-found`, `permission-denied`, `other`.
pub fn io_kind(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not-found",
        std::io::ErrorKind::PermissionDenied => "permission-denied",
        _ => "other",
    }
}

/// An I/O error as a message: the error's own text in English, its kind said in other
/// languages.
pub fn io_message(e: &std::io::Error) -> Message {
    msg!("diag-io-error", kind = io_kind(e), detail = e)
}
