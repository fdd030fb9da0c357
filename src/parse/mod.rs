//! Reading input files and parsing them into located [`Node`](crate::value::Node) trees.
//!
//! * [`read_source`] / [`source_from_bytes`] turn bytes into a [`SourceFile`]: they enforce the
//!   size limit, strip a leading UTF-8 byte order mark and reject invalid UTF-8 with the line and
//!   column of the first bad byte.
//! * [`parse_yaml`] parses a YAML stream (one [`Document`] per `---` document). See the
//!   [`yaml`] module for the scalar schema, tag normalisation, anchors and merge keys.
//! * [`parse_json`] parses one strict RFC 8259 JSON document. See the [`json`] module.
//!
//! Both parsers build the tree without recursion, bound the nesting depth by
//! [`Limits::max_depth`] and never panic on any input: every problem is a [`ParseError`] with a
//! 1-based line and column (in characters).

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::source::SourceFile;
use crate::value::Document;

pub mod json;
pub mod yaml;
mod yaml_flow;

/// Resource limits applied to every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes (default 8 MiB). Values above `u32::MAX - 1` are treated
    /// as `u32::MAX - 1`, since spans hold 32-bit offsets.
    pub max_file_bytes: usize,
    /// Deepest nesting of collections accepted (default 256): a top-level map or list is at
    /// depth 1, scalars add no level, the wrapper map of a YAML short-form tag counts as one.
    /// (The YAML scanner also stops flow collections at 255 levels.) Keep this modest: later
    /// passes walk the tree recursively.
    pub max_depth: usize,
    /// Most nodes that YAML alias expansion may produce in one file (default 100 000); guards
    /// against "billion laughs" documents.
    pub max_alias_nodes: usize,
    /// Most bytes that copies made for YAML anchors and aliases may add up to in one file: the
    /// text of scalars and keys plus [`ALIAS_NODE_BYTES`] per node, for every alias expanded and
    /// every anchored node kept for later aliases. The budget is the larger of this (default
    /// 4 MiB) and 16 times the file's size, so that the memory a file costs stays proportional
    /// to its size even when its aliases name large nodes or its anchors are nested.
    pub max_alias_bytes: usize,
}

/// What one node counts for in [`Limits::max_alias_bytes`], besides its text.
pub const ALIAS_NODE_BYTES: usize = 64;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_depth: 256,
            max_alias_nodes: 100_000,
            max_alias_bytes: 4 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// The alias byte budget for a file of `file_bytes` bytes (see [`Limits::max_alias_bytes`]).
    pub fn alias_byte_budget(&self, file_bytes: usize) -> usize {
        self.max_alias_bytes.max(file_bytes.saturating_mul(16))
    }

    /// The size limit actually enforced (capped so that every offset fits a `u32`).
    fn effective_max_bytes(&self) -> usize {
        self.max_file_bytes.min(u32::MAX as usize - 1)
    }
}

/// A syntax error (or a limit exceeded) while parsing, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: u32,
    pub col: u32,
    /// What is wrong, in the user's language (English when shown without one).
    pub message: crate::i18n::Message,
}

impl ParseError {
    pub(crate) fn new(line: u32, col: u32, message: impl Into<crate::i18n::Message>) -> ParseError {
        ParseError { line, col, message: message.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message.en())
    }
}

impl std::error::Error for ParseError {}

/// Why a file could not be turned into a [`SourceFile`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file is larger than [`Limits::max_file_bytes`].
    TooLarge { size: u64, limit: usize },
    /// The file is not valid UTF-8; the first invalid byte is at this 1-based line and column.
    NotUtf8 { line: u32, col: u32 },
    /// The file starts with a UTF-16 byte order mark but is not valid UTF-16; the first
    /// invalid code unit is at this 1-based line and column.
    NotUtf16 { line: u32, col: u32 },
    /// A directory where a file was expected.
    Directory,
    /// Not a regular file (a FIFO, a socket, a device): reading it may never end. `checked` when
    /// the file's metadata said so before it was opened.
    NotRegular { checked: bool },
    /// Any other I/O error.
    Io(IoFailure),
}

/// An I/O error kept as values (the error itself is neither `Clone` nor `Eq`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoFailure {
    /// What kind of error, as [`crate::diagnostic::io_kind`] names it.
    pub kind: &'static str,
    /// The error's own text.
    pub detail: String,
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        ReadError::Io(IoFailure { kind: crate::diagnostic::io_kind(&e), detail: e.to_string() })
    }
}

impl ReadError {
    /// What went wrong, in the user's language (the English is the error's text).
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            ReadError::TooLarge { size, limit } if *size > *limit as u64 + 1 => {
                msg!("diag-file-too-large", size = size, limit = limit)
            }
            ReadError::TooLarge { limit, .. } => msg!("diag-file-over-limit", limit = limit),
            ReadError::NotUtf8 { line, col } => msg!("diag-not-utf8", line = line, col = col),
            ReadError::NotUtf16 { line, col } => msg!("diag-not-utf16", line = line, col = col),
            ReadError::Directory => msg!("diag-is-directory"),
            ReadError::NotRegular { checked: true } => msg!("diag-not-regular-file"),
            ReadError::NotRegular { checked: false } => msg!("diag-not-regular-file-opened"),
            ReadError::Io(e) => msg!("diag-io-error", kind = e.kind, detail = e.detail),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en())
    }
}

impl std::error::Error for ReadError {}

/// Reads a file from disk into a [`SourceFile`] named `display`.
///
/// The size is checked from the file's metadata before reading, and again while reading (the
/// file may grow, or be a pipe whose metadata says nothing). A leading UTF-8 byte order mark is
/// removed.
pub fn read_source(path: &Path, display: PathBuf, limits: &Limits) -> Result<SourceFile, ReadError> {
    let bytes = read_bytes(path, limits)?;
    source_from_bytes(display, bytes, limits)
}

/// Reads a whole file's bytes, refusing files larger than [`Limits::max_file_bytes`] (checked
/// from the metadata before reading, and again while reading), directories, and files that
/// are not regular files (FIFOs, devices: reading them may never end).
pub fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::from)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular { checked: true });
    }
    let limit = limits.effective_max_bytes();
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge { size: meta.len(), limit });
    }
    let file = std::fs::File::open(path).map_err(ReadError::from)?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(ReadError::NotRegular { checked: false });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    read_bounded_into(file, limits, &mut bytes)?;
    Ok(bytes)
}

/// Reads everything from `reader` (standard input, a file), refusing more than
/// [`Limits::max_file_bytes`]: at most one byte more than allowed is ever read.
pub fn read_bounded(reader: impl Read, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_bounded_into(reader, limits, &mut bytes)?;
    Ok(bytes)
}

/// [`read_bounded`] into `bytes`, whose room may already be reserved for the expected size
/// (a file's length: reading it then never doubles the buffer).
fn read_bounded_into(reader: impl Read, limits: &Limits, bytes: &mut Vec<u8>) -> Result<(), ReadError> {
    let limit = limits.effective_max_bytes();
    reader.take(limit as u64 + 1).read_to_end(bytes).map_err(ReadError::from)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(())
}

/// Reads a text file given to a command (configuration, baseline, parameter values) with the
/// same limit and decoding as scanned files. Errors name the file and, for a file too large,
/// the limit and how to raise it.
pub fn read_text_file(path: &Path, limits: &Limits) -> Result<String, String> {
    let what = |e: ReadError| {
        let hint = if matches!(e, ReadError::TooLarge { .. }) { " (raise it with --max-file-size)" } else { "" };
        format!("cannot read {}: {e}{hint}", path.display())
    };
    let bytes = read_bytes(path, limits).map_err(what)?;
    decode_text(bytes).map_err(what)
}

/// Parses a size: bytes (`1048576`), or a number with a unit: `k`/`KB` (1000), `KiB` (1024),
/// `M`/`MB`, `MiB`, `G`/`GB`, `GiB` (case-insensitive, optional space).
pub fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let bad = || format!("invalid size `{text}`: expected bytes or a number with a unit such as 10MB or 512KiB");
    let n: u64 = num.parse().map_err(|_| bad())?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        _ => return Err(bad()),
    };
    let bytes = n.checked_mul(mult).ok_or_else(bad)?;
    if bytes == 0 {
        return Err(format!("invalid size `{text}`: must be more than 0"));
    }
    Ok(usize::try_from(bytes).unwrap_or(usize::MAX))
}

/// Builds a [`SourceFile`] from bytes already in memory (standard input, tests), applying the
/// same size limit, byte order mark removal and UTF-8 check as [`read_source`].
pub fn source_from_bytes(display: PathBuf, bytes: Vec<u8>, limits: &Limits) -> Result<SourceFile, ReadError> {
    let limit = limits.effective_max_bytes();
    if bytes.len() > limit {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(SourceFile::new(display, decode_text(bytes)?))
}

/// Decodes a file's bytes: UTF-8 (a leading byte order mark removed), or UTF-16 when the file
/// starts with a UTF-16 byte order mark (little- or big-endian).
pub fn decode_text(mut bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(big_endian) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    } {
        return decode_utf16(&bytes[2..], big_endian);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let (line, col) = utf8_error_position(bytes, e.utf8_error().valid_up_to());
            Err(ReadError::NotUtf8 { line, col })
        }
    }
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, ReadError> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] if big_endian => Ok(u16::from_be_bytes([*a, *b])),
        [a, b] => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let (mut line, mut col) = (1u32, 1u32);
    let invalid = |line, col| ReadError::NotUtf16 { line, col };
    let units: Vec<u16> = units.collect::<Result<_, ()>>().map_err(|_| invalid(line, col))?;
    let mut after_cr = false;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| invalid(line, col))?;
        match c {
            // Lines end at `\n`, `\r\n` and a lone `\r`.
            '\n' if after_cr => {}
            '\n' | '\r' => {
                line += 1;
                col = 1;
            }
            _ => col += 1,
        }
        after_cr = c == '\r';
        text.push(c);
    }
    Ok(text)
}

/// 1-based line and column (in characters) of byte `bad` of `bytes`, all of whose bytes before
/// `bad` are valid UTF-8.
fn utf8_error_position(bytes: &[u8], bad: usize) -> (u32, u32) {
    let valid = bytes.get(..bad).unwrap_or(bytes);
    let valid = std::str::from_utf8(valid).unwrap_or_else(|e| {
        // Not expected: `bad` is where the valid prefix ends. Count the valid part.
        std::str::from_utf8(&valid[..e.valid_up_to()]).unwrap_or_default()
    });
    crate::source::line_col_in(valid, valid.len())
}

/// Parses a YAML stream. See [`yaml`] for the details.
pub fn parse_yaml(file: &SourceFile, limits: &Limits) -> Result<Vec<Document>, ParseError> {
    yaml::parse(file, limits)
}

/// Parses a YAML stream as [`parse_yaml`] does, handing each document to `each` as soon as it
/// is read rather than keeping them all.
pub fn parse_yaml_each(file: &SourceFile, limits: &Limits, each: &mut dyn FnMut(Document)) -> Result<(), ParseError> {
    yaml::parse_each(file, limits, each)
}

/// Parses one JSON document. See [`json`] for the details.
pub fn parse_json(file: &SourceFile, limits: &Limits) -> Result<Document, ParseError> {
    json::parse(file, limits)
}

/// The message for a key given twice in one map (shared by both parsers).
pub(crate) fn duplicate_key_message(key: &str, first_line: u32) -> crate::i18n::Message {
    msg!("diag-duplicate-key", key = key, line = first_line)
}

/// Finds earlier occurrences of map keys quickly: a linear scan for small maps, a hash index
/// once a map grows.
#[derive(Default)]
pub(crate) struct KeyIndex {
    index: Option<std::collections::HashMap<String, usize>>,
}

impl KeyIndex {
    const LINEAR_MAX: usize = 12;

    /// The position in `entries` of `key`, if present.
    pub(crate) fn find(&self, entries: &[crate::value::Entry], key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => entries.iter().position(|e| e.key == key),
        }
    }

    /// Records that `entries[entries.len() - 1]` was just added.
    pub(crate) fn added(&mut self, entries: &[crate::value::Entry]) {
        match &mut self.index {
            Some(index) => {
                if let Some(last) = entries.last() {
                    index.insert(last.key.clone(), entries.len() - 1);
                }
            }
            None if entries.len() > Self::LINEAR_MAX => {
                self.index = Some(entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped() {
        let f = source_from_bytes("a".into(), b"\xEF\xBB\xBFa: 1\n".to_vec(), &Limits::default()).unwrap();
        assert_eq!(f.text, "a: 1\n");
    }

    #[test]
    fn invalid_utf8_position() {
        let err = source_from_bytes("a".into(), b"ab\n\xC3\xA9x\xFF".to_vec(), &Limits::default()).unwrap_err();
        assert_eq!(err, ReadError::NotUtf8 { line: 2, col: 3 });
        let err = source_from_bytes("a".into(), b"\xFF".to_vec(), &Limits::default()).unwrap_err();
        assert_eq!(err, ReadError::NotUtf8 { line: 1, col: 1 });
        // A truncated multi-byte sequence at the end.
        let err = source_from_bytes("a".into(), b"x\xE2\x82".to_vec(), &Limits::default()).unwrap_err();
        assert_eq!(err, ReadError::NotUtf8 { line: 1, col: 2 });
    }

    #[test]
    fn size_limit() {
        let limits = Limits { max_file_bytes: 4, ..Limits::default() };
        let err = source_from_bytes("a".into(), b"12345".to_vec(), &limits).unwrap_err();
        assert_eq!(err, ReadError::TooLarge { size: 5, limit: 4 });
        assert!(source_from_bytes("a".into(), b"1234".to_vec(), &limits).is_ok());
    }

    #[test]
    fn sizes_and_utf16() {
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("512KiB"), Ok(512 * 1024));
        assert_eq!(parse_size("42"), Ok(42));
        assert!(parse_size("0").is_err() && parse_size("1XB").is_err() && parse_size("").is_err());
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a: é\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("a: é\n".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode_text(le).unwrap(), "a: é\n");
        assert_eq!(decode_text(be).unwrap(), "a: é\n");
        assert!(decode_text(vec![0xFF, 0xFE, 0x00, 0xD8]).is_err());
    }

    #[test]
    fn displays() {
        assert_eq!(ParseError::new(3, 4, "oops").to_string(), "3:4: oops");
        assert_eq!(
            ReadError::NotUtf8 { line: 1, col: 2 }.to_string(),
            "file is not valid UTF-8 (first invalid byte at line 1, column 2)"
        );
        assert!(ReadError::TooLarge { size: 10, limit: 5 }.to_string().contains("too large"));
    }
}
