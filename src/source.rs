//! Source files, spans and locations.
//!
//! Every node of a parsed tree carries a [`Span`]: the file it is in, a byte range, and the
//! 1-based line and column (in characters) of its start and end. A [`Location`] is a span
//! with its file's name resolved, as reports show it.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, LazyLock, RwLock};

/// A file known to this process, by a small number so that spans stay `Copy`.
///
/// Ids are handed out by [`FileId::intern`] (one per real path) and never reused; `FileId::NONE`
/// is a span without a file (built by hand, in tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, serde::Serialize)]
pub struct FileId(pub u32);

struct FileTable {
    names: Vec<Arc<str>>,
    by_path: HashMap<PathBuf, u32>,
    taken: HashSet<Arc<str>>,
}

static FILES: LazyLock<RwLock<FileTable>> =
    LazyLock::new(|| RwLock::new(FileTable { names: vec!["".into()], by_path: HashMap::new(), taken: HashSet::new() }));

impl FileId {
    /// No file.
    pub const NONE: FileId = FileId(0);

    /// The id of the file at `path` (as given, e.g. relative to the working directory), named
    /// `display` in reports. The same path always gets the same id; a different path whose
    /// `display` is already taken is named `display (2)`, `display (3)`..., so that no two
    /// files share a name (and with it their snippets, suppressions and fixes).
    pub fn intern(path: &Path, display: &str) -> FileId {
        if let Some(&id) = FILES.read().unwrap_or_else(|e| e.into_inner()).by_path.get(path) {
            return FileId(id);
        }
        let mut t = FILES.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = t.by_path.get(path) {
            return FileId(id);
        }
        let id = t.names.len() as u32;
        let mut name: Arc<str> = display.into();
        let mut n = 1;
        while t.taken.contains(&name) {
            n += 1;
            name = format!("{display} ({n})").into();
        }
        t.taken.insert(name.clone());
        t.names.push(name);
        t.by_path.insert(path.to_path_buf(), id);
        FileId(id)
    }

    /// The file's name as reports show it (empty for [`FileId::NONE`]).
    pub fn name(self) -> Arc<str> {
        let t = FILES.read().unwrap_or_else(|e| e.into_inner());
        t.names.get(self.0 as usize).cloned().unwrap_or_else(|| "".into())
    }

    pub fn is_none(self) -> bool {
        self == FileId::NONE
    }
}

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
    /// The file the region is in.
    pub file: FileId,
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
            file: first.file,
        }
    }
}

/// A span as a location object: its file's display name (`null` without a file), the 1-based
/// line and column of its start and end, and its byte offsets.
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Span", 7)?;
        if self.file.is_none() {
            st.serialize_field("file", &None::<&str>)?;
        } else {
            st.serialize_field("file", &*self.file.name())?;
        }
        st.serialize_field("line", &self.line)?;
        st.serialize_field("col", &self.col)?;
        st.serialize_field("end_line", &self.end_line)?;
        st.serialize_field("end_col", &self.end_col)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.end()
    }
}

/// One file read for scanning.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user will see it in reports (relative to the working directory where possible).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// The id every span into this file carries.
    pub id: FileId,
    line_starts: Vec<u32>,
    /// For a text that is not all ASCII, the number of characters before every
    /// [`MARK_EVERY`]th byte, so that columns and offsets convert in constant time however
    /// long the line (a minified template is one line of megabytes).
    char_marks: Option<Vec<u32>>,
}

/// Bytes between two entries of [`SourceFile`]'s character marks.
const MARK_EVERY: usize = 256;

/// Whether `b` starts a character (UTF-8: it does not go on with one, 0b10xxxxxx).
fn starts_char(b: u8) -> bool {
    b & 0xc0 != 0x80
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        let mut line_starts = Vec::with_capacity(line_ends(text.as_bytes()).count() + 1);
        line_starts.push(0u32);
        line_starts.extend(line_ends(text.as_bytes()).map(|i| i as u32));
        let path: PathBuf = path.into();
        let id = FileId::intern(&path, &display_path(&path));
        let char_marks = (!text.is_ascii()).then(|| {
            let mut seen = 0u32;
            let mut marks = Vec::with_capacity(text.len() / MARK_EVERY + 1);
            for block in text.as_bytes().chunks(MARK_EVERY) {
                marks.push(seen);
                seen += block.iter().filter(|&&b| starts_char(b)).count() as u32;
            }
            marks.push(seen);
            marks
        });
        SourceFile { path, text, id, line_starts, char_marks }
    }

    /// The number of characters that start before byte `at`.
    fn chars_before(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let Some(marks) = &self.char_marks else { return at };
        let block = at / MARK_EVERY;
        let from = block * MARK_EVERY;
        marks[block] as usize + self.text.as_bytes()[from..at].iter().filter(|&&b| starts_char(b)).count()
    }

    /// The byte offset where the character with 0-based index `n` in the whole text starts
    /// (the text's length when there are not as many).
    fn char_start(&self, n: usize) -> usize {
        let Some(marks) = &self.char_marks else { return n.min(self.text.len()) };
        // The last block that starts with at most `n` characters before it.
        let block = marks.partition_point(|&m| m as usize <= n).saturating_sub(1);
        let bytes = self.text.as_bytes();
        let mut seen = marks[block] as usize;
        for (at, &b) in bytes.iter().enumerate().skip(block * MARK_EVERY) {
            if starts_char(b) {
                if seen == n {
                    return at;
                }
                seen += 1;
            }
        }
        bytes.len()
    }

    /// The file's name as reports show it: the path rendered with forward slashes, made
    /// distinct from every other file's (see [`FileId::intern`]).
    pub fn display_path(&self) -> String {
        self.id.name().to_string()
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    /// The text of every line, without line terminators.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        (1..=self.line_count() as u32).filter_map(|n| self.line_text(n))
    }

    /// The text of 1-based `line`, without its line terminator.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let start = self.line_start(line)? as usize;
        let end = self.line_starts.get(line as usize).map(|&e| e as usize).unwrap_or(self.text.len());
        let s = self.text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }

    /// Byte offset of the 1-based `line` and 0-based character column `col0` (the line's end
    /// when it has fewer characters).
    pub fn offset_of(&self, line: u32, col0: u32) -> u32 {
        let (Some(start), Some(text)) = (self.line_start(line), self.line_text(line)) else {
            return self.text.len() as u32;
        };
        let end = start as usize + text.len();
        let at = self.char_start(self.chars_before(start as usize) + col0 as usize);
        at.min(end) as u32
    }

    /// The 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[idx] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = if self.text.is_char_boundary(end) {
            self.chars_before(end) - self.chars_before(start)
        } else {
            end - start
        };
        (idx as u32 + 1, col as u32 + 1)
    }

    /// A span for a byte range.
    pub fn span(&self, start: u32, end: u32) -> Span {
        let (line, col) = self.line_col(start);
        let (end_line, end_col) = self.line_col(end);
        Span { start, end, line, col, end_line, end_col, file: self.id }
    }
}

/// The byte offsets just after each line end of `text`: a line ends at `\n`, at `\r\n` (once,
/// after the `\n`) and at a `\r` alone.
pub fn line_ends(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', text)
        .filter(move |&i| !(text[i] == b'\r' && text.get(i + 1) == Some(&b'\n')))
        .map(|i| i + 1)
}

/// The 1-based line and column (in characters) of byte `offset` of `text`, lines ending as
/// [`line_ends`] says. An offset inside a character counts that character.
pub fn line_col_in(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let bytes = &text.as_bytes()[..offset];
    let (mut line, mut start) = (1u32, 0);
    for end in line_ends(bytes) {
        // A `\r` just before `offset` ends its line only when no `\n` follows it.
        if end == offset && bytes[end - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
            break;
        }
        line += 1;
        start = end;
    }
    let col = String::from_utf8_lossy(&bytes[start..]).chars().count();
    (line, col as u32 + 1)
}

/// Forward-slash rendering of a path, with a leading `./` removed. Bytes that are not UTF-8
/// are shown as `\xNN`, so that different names stay different.
pub fn display_path(path: &Path) -> String {
    let s = path_text(path);
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

/// The path as text, forward slashes for backslashes and invalid bytes escaped.
#[cfg(unix)]
fn path_text(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "/"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn path_text(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
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

    /// The location of a span in its own file, or in `fallback` when the span has none.
    pub fn of(span: Span, fallback: &Arc<str>) -> Location {
        let file = if span.file.is_none() { fallback.clone() } else { span.file.name() };
        Location { file, span }
    }
}

/// Removes `.` and resolves `..` lexically.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            // `a/..` cancels out; a leading `..` of a relative path stays.
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
/// Text taken from the input, made safe to print on a terminal: control characters (C0,
/// DEL, C1: they could move the cursor, rewrite earlier lines or change the terminal's
/// settings) and the invisible bidirectional-text controls are shown escaped, as `\u{1b}`.
/// With `multiline`, newlines and tabs are kept (they are the text's structure); without it,
/// they are escaped too, so that the text stays on one line.
pub fn printable(text: &str, multiline: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\t')))
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain\ttext\n", true), "plain\ttext\n");
        assert_eq!(printable("a\u{1b}[2Jb\u{9b}c", true), "a\\u{1b}[2Jb\\u{9b}c");
        assert_eq!(printable("a\nb\tc", false), "a\\u{a}b\\u{9}c");
        assert_eq!(printable("x\u{202e}y", true), "x\\u{202e}y");
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let f = SourceFile::new("line-ends.yaml", "a\nb\r\nc\rd\r\r\ne".to_string());
        assert_eq!(f.lines().collect::<Vec<_>>(), ["a", "b", "c", "d", "", "e"]);
        assert_eq!(f.line_col(7), (4, 1));
        assert_eq!(f.line_col(4), (2, 3));
        for offset in 0..=f.text.len() as u32 {
            assert_eq!(line_col_in(&f.text, offset as usize), f.line_col(offset), "{offset}");
        }
        assert_eq!(f.offset_of(3, 5), 6);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"dir\\x\xFF.yaml"));
        assert_eq!(display_path(a), "dir/x\\xFF.yaml");
        let one = FileId::intern(Path::new("./same-name.yaml"), "same-name.yaml");
        let two = FileId::intern(Path::new("same-name.yaml"), "same-name.yaml");
        assert_ne!(one, two);
        assert_eq!((&*one.name(), &*two.name()), ("same-name.yaml", "same-name.yaml (2)"));
        assert_eq!(FileId::intern(Path::new("same-name.yaml"), "same-name.yaml"), two);
    }

    /// Columns and offsets on long lines of characters of every width, across the marks'
    /// blocks, agree with a walk along the line.
    #[test]
    fn columns_and_offsets_on_long_lines_of_wide_characters() {
        let pieces = ["a", "é", "한", "😀", "\t", "\r", "\n", "\r\n"];
        let mut text = String::new();
        let mut x = 7u32;
        for _ in 0..6000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            // Mostly characters (lines of hundreds of bytes), now and then a line end.
            let i = x as usize % 256;
            text.push_str(if i < 252 { pieces[i % 4] } else { pieces[4 + i % 4] });
        }
        let f = SourceFile::new("wide.txt", text);
        for line in 1..=f.line_count() as u32 {
            let start = f.line_start(line).unwrap();
            let chars: Vec<(usize, char)> = f.line_text(line).unwrap().char_indices().collect();
            let len = f.line_text(line).unwrap().len() as u32;
            for col0 in 0..=chars.len() as u32 + 2 {
                let walked = chars.get(col0 as usize).map_or(start + len, |&(i, _)| start + i as u32);
                assert_eq!(f.offset_of(line, col0), walked, "line {line}, column {col0}");
            }
            for (n, &(i, _)) in chars.iter().enumerate() {
                assert_eq!(f.line_col(start + i as u32), (line, n as u32 + 1));
            }
        }
        assert_eq!(f.offset_of(f.line_count() as u32 + 1, 0), f.text.len() as u32);
    }
}
