//! Source files, spans and locations.
//!
//! Every node of a parsed tree carries a [`Span`]: a byte range plus the 1-based line and
//! column (in characters) of its start and end. A [`Location`] adds the file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A region of one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in characters) of `start`.
    pub col: u32,
    /// 1-based line of `end`.
    pub end_line: u32,
    /// 1-based column (in characters) of `end`.
    pub end_col: u32,
}

impl Span {
    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        let (first, _) = if self.start <= other.start { (self, other) } else { (other, self) };
        let last = if self.end >= other.end { self } else { other };
        Span {
            start: first.start,
            line: first.line,
            col: first.col,
            end: last.end,
            end_line: last.end_line,
            end_col: last.end_col,
        }
    }
}

/// One file read for scanning.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user will see it in reports (relative to the working directory where possible).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(newlines.clone().count() + 1);
        line_starts.push(0u32);
        line_starts.extend(newlines.map(|i| (i + 1) as u32));
        SourceFile { path: path.into(), text, line_starts }
    }

    /// The path rendered with forward slashes, as reports show it.
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    /// The text of 1-based `line`, without its line terminator.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let start = self.line_start(line)? as usize;
        let end = self.line_starts.get(line as usize).map(|&e| e as usize).unwrap_or(self.text.len());
        let s = self.text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }

    /// Byte offset of the 1-based `line` and 0-based character column `col0`.
    pub fn offset_of(&self, line: u32, col0: u32) -> u32 {
        let Some(start) = self.line_start(line) else {
            return self.text.len() as u32;
        };
        let rest = &self.text[start as usize..];
        let mut off = start;
        for (n, ch) in rest.chars().enumerate() {
            if n as u32 == col0 || ch == '\n' {
                return off;
            }
            off += ch.len_utf8() as u32;
        }
        off
    }

    /// The 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[idx] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map(|s| s.chars().count()).unwrap_or(end - start);
        (idx as u32 + 1, col as u32 + 1)
    }

    /// A span for a byte range.
    pub fn span(&self, start: u32, end: u32) -> Span {
        let (line, col) = self.line_col(start);
        let (end_line, end_col) = self.line_col(end);
        Span { start, end, line, col, end_line, end_col }
    }
}

/// Forward-slash rendering of a path, with a leading `./` removed.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

/// A span in a named file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub file: Arc<str>,
    pub span: Span,
}

impl Location {
    pub fn new(file: Arc<str>, span: Span) -> Location {
        Location { file, span }
    }
}
