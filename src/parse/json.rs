//! A strict JSON (RFC 8259) parser producing located [`Node`]s.
//!
//! * One value per file, surrounded only by whitespace (space, tab, CR, LF); anything after it
//!   is an error. A leading byte order mark has already been removed by the reader.
//! * Numbers keep their text (`1.50` stays `"1.50"`); leading zeros, `+`, `.5`, `NaN` are errors.
//! * Strings: every escape of the RFC, including `\uXXXX` surrogate pairs; a lone surrogate or a
//!   raw control character is an error.
//! * A key given twice in one object is an error at the second occurrence.
//! * Nesting deeper than [`Limits::max_depth`] is an error; the parser uses an explicit stack,
//!   never recursion.
//! * No tag normalisation: CloudFormation JSON is already in long form.
//!
//! Every node's span covers its text exactly (strings include their quotes, containers their
//! brackets); columns count characters.

use crate::i18n::Message;
use crate::source::{FileId, SourceFile, Span};
use crate::value::{Document, Entry, Kind, Node};

use super::{KeyIndex, Limits, ParseError, duplicate_key_message};

/// Parses `file` as one JSON document.
pub fn parse(file: &SourceFile, limits: &Limits) -> Result<Document, ParseError> {
    if file.text.len() >= u32::MAX as usize {
        return Err(ParseError::new(1, 1, msg!("parse-too-large")));
    }
    let mut p = Parser { src: file.text.as_bytes(), pos: 0, line: 1, col: 1, file: file.id, errors: Vec::new() };
    let root = p.document(limits.max_depth)?;
    Ok(Document { root, errors: p.errors })
}

/// A position in the input.
#[derive(Clone, Copy)]
struct Pos {
    byte: usize,
    line: u32,
    col: u32,
}

/// An open container.
enum Frame {
    Array { start: Pos, items: Vec<Node> },
    Object { start: Pos, entries: Vec<Entry>, index: KeyIndex, key: Option<(String, Span)> },
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
    /// 1-based column, in characters, of `pos`.
    col: u32,
    file: FileId,
    /// Keys given twice, read past (see [`Document::errors`]).
    errors: Vec<(Span, crate::i18n::Message)>,
}

impl Parser<'_> {
    fn here(&self) -> Pos {
        Pos { byte: self.pos, line: self.line, col: self.col }
    }

    fn span_from(&self, start: Pos) -> Span {
        Span {
            start: start.byte as u32,
            end: self.pos as u32,
            line: start.line,
            col: start.col,
            end_line: self.line,
            end_col: self.col,
            file: self.file,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Advances over one byte that is not a line feed.
    fn bump(&mut self) {
        if let Some(&b) = self.src.get(self.pos) {
            self.pos += 1;
            if b == b'\n' || (b == b'\r' && self.src.get(self.pos) != Some(&b'\n')) {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: continuation bytes do not start a column.
                self.col += 1;
            }
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.src.get(self.pos) {
            match b {
                b' ' | b'\t' => {
                    self.pos += 1;
                    self.col += 1;
                }
                // A carriage return followed by a line feed is one column of its line.
                b'\r' if self.src.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 1;
                    self.col += 1;
                }
                b'\n' | b'\r' => {
                    self.pos += 1;
                    self.line += 1;
                    self.col = 1;
                }
                _ => break,
            }
        }
    }

    fn error_here(&self, message: impl Into<Message>) -> ParseError {
        ParseError::new(self.line, self.col, message)
    }

    /// Describes the byte at the current position for error messages.
    fn found(&self) -> Message {
        match self.peek() {
            None => msg!("parse-end-of-input"),
            Some(_) => {
                // The input is valid UTF-8 and `pos` is always at a character boundary here.
                let rest = std::str::from_utf8(&self.src[self.pos..]).ok();
                match rest.and_then(|s| s.chars().next()) {
                    Some(c) if c.is_control() => Message::Text(format!("{c:?}")),
                    Some(c) => Message::Text(format!("`{c}`")),
                    None => msg!("parse-invalid-byte"),
                }
            }
        }
    }

    fn expected(&self, what: Message) -> ParseError {
        self.error_here(msg!("parse-expected", what = what, found = self.found()))
    }

    /// Parses the whole input: one value, then only whitespace.
    fn document(&mut self, max_depth: usize) -> Result<Node, ParseError> {
        let mut stack: Vec<Frame> = Vec::new();
        'value: loop {
            // Parse one value (opening containers as we go).
            self.skip_ws();
            let start = self.here();
            let mut node = match self.peek() {
                Some(b'{') | Some(b'[') => {
                    if stack.len() + 1 > max_depth {
                        return Err(self.error_here(msg!("parse-too-deep", max = max_depth)));
                    }
                    let is_object = self.peek() == Some(b'{');
                    self.bump();
                    self.skip_ws();
                    if is_object {
                        if self.peek() == Some(b'}') {
                            self.bump();
                            Node::new(self.span_from(start), Kind::Map(Vec::new()))
                        } else {
                            let key = self.object_key(msg!("parse-what-key-or-end"))?;
                            stack.push(Frame::Object {
                                start,
                                entries: Vec::new(),
                                index: KeyIndex::default(),
                                key: Some(key),
                            });
                            continue 'value;
                        }
                    } else if self.peek() == Some(b']') {
                        self.bump();
                        Node::new(self.span_from(start), Kind::Seq(Vec::new()))
                    } else {
                        stack.push(Frame::Array { start, items: Vec::new() });
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    let s = self.string()?;
                    Node::new(self.span_from(start), Kind::String(s))
                }
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal("true", Kind::Bool(true))?,
                Some(b'f') => self.literal("false", Kind::Bool(false))?,
                Some(b'n') => self.literal("null", Kind::Null)?,
                _ => return Err(self.expected(msg!("parse-what-json-value"))),
            };

            // Attach the finished value to its parent, closing every container that ends here.
            loop {
                let Some(frame) = stack.last_mut() else {
                    self.skip_ws();
                    if self.pos < self.src.len() {
                        return Err(self.error_here(msg!("parse-json-trailing", found = self.found())));
                    }
                    return Ok(node);
                };
                self.skip_ws();
                match frame {
                    Frame::Array { start, items } => {
                        items.push(node);
                        match self.peek() {
                            Some(b',') => {
                                self.bump();
                                continue 'value;
                            }
                            Some(b']') => {
                                self.bump();
                                let (start, items) = (*start, std::mem::take(items));
                                stack.pop();
                                node = Node::new(self.span_from(start), Kind::Seq(crate::value::fitted(items)));
                            }
                            _ => return Err(self.expected(msg!("parse-what-array-next"))),
                        }
                    }
                    Frame::Object { start, entries, index, key } => {
                        if let Some((key, key_span)) = key.take() {
                            if let Some(first) = index.find(entries, &key) {
                                // The later value wins, as CloudFormation reads it.
                                let message = duplicate_key_message(&key, entries[first].key_span.line);
                                self.errors.push((key_span, message));
                                entries[first] = Entry { key, key_span, value: node };
                            } else {
                                entries.push(Entry { key, key_span, value: node });
                                index.added(entries);
                            }
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.bump();
                                self.skip_ws();
                                *key = Some(self.object_key(msg!("parse-what-key"))?);
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.bump();
                                let (start, entries) = (*start, std::mem::take(entries));
                                stack.pop();
                                node = Node::new(self.span_from(start), Kind::Map(crate::value::fitted(entries)));
                            }
                            _ => return Err(self.expected(msg!("parse-what-object-next"))),
                        }
                    }
                }
            }
        }
    }

    /// Parses `"key" :` (whitespace already skipped before the key) and returns the key and its
    /// span.
    fn object_key(&mut self, what: Message) -> Result<(String, Span), ParseError> {
        if self.peek() != Some(b'"') {
            return Err(self.expected(what));
        }
        let start = self.here();
        let key = self.string()?;
        let span = self.span_from(start);
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.expected(msg!("parse-what-colon")));
        }
        self.bump();
        Ok((key, span))
    }

    fn literal(&mut self, word: &'static str, kind: Kind) -> Result<Node, ParseError> {
        let start = self.here();
        if !self.src[self.pos..].starts_with(word.as_bytes()) {
            return Err(self.expected(msg!("parse-what-json-value")));
        }
        for _ in 0..word.len() {
            self.bump();
        }
        if matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_') {
            return Err(self.error_here(msg!("parse-json-literal", word = word)));
        }
        Ok(Node::new(self.span_from(start), kind))
    }

    fn digits(&mut self) -> usize {
        let mut n = 0;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
            n += 1;
        }
        n
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Node, ParseError> {
        let start = self.here();
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => {
                self.bump();
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_here(msg!("parse-json-leading-zero")));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.expected(msg!("parse-what-digit"))),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.expected(msg!("parse-what-fraction-digit")));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.expected(msg!("parse-what-exponent-digit")));
            }
        }
        // Only ASCII bytes were consumed, so this slice is on character boundaries.
        let text = String::from_utf8_lossy(&self.src[start.byte..self.pos]).into_owned();
        Ok(Node::new(self.span_from(start), Kind::Number(text)))
    }

    /// Parses a string starting at its opening quote; returns its value.
    fn string(&mut self) -> Result<String, ParseError> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            // Take a run of ordinary bytes in one go. It holds no line feed (a raw control
            // character ends it) and ends at an ASCII byte or the end, so it is whole characters.
            let rest = &self.src[self.pos..];
            let len = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            let run = &rest[..len];
            self.col += run.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
            self.pos += len;
            let run = std::str::from_utf8(run).unwrap_or("");
            match self.peek() {
                None => return Err(self.error_here(msg!("parse-json-unterminated"))),
                Some(b'"') => {
                    self.bump();
                    if out.is_empty() {
                        // No escape: the string is the run.
                        return Ok(run.to_owned());
                    }
                    out.push_str(run);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(run);
                    let esc = self.here();
                    self.bump();
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            out.push(self.unicode_escape(esc)?);
                            continue;
                        }
                        _ => {
                            return Err(ParseError::new(esc.line, esc.col, msg!("parse-json-escape")));
                        }
                    };
                    self.bump();
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error_here(msg!("parse-json-control")));
                }
            }
        }
    }

    /// Four hex digits after `\u`.
    fn hex4(&mut self, esc: Pos) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => {
                    return Err(ParseError::new(esc.line, esc.col, msg!("parse-json-hex4")));
                }
            };
            self.bump();
            v = v * 16 + u32::from(d);
        }
        Ok(v)
    }

    /// The character of a `\uXXXX` escape (the `\u` already consumed), joining surrogate pairs.
    fn unicode_escape(&mut self, esc: Pos) -> Result<char, ParseError> {
        let lone = || ParseError::new(esc.line, esc.col, msg!("parse-json-lone-surrogate"));
        let hi = self.hex4(esc)?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if !self.src[self.pos..].starts_with(b"\\u") {
                    return Err(lone());
                }
                let esc2 = self.here();
                self.bump();
                self.bump();
                let lo = self.hex4(esc2)?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(lone());
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone()),
            _ => hi,
        };
        char::from_u32(code).ok_or_else(lone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Node, ParseError> {
        let f = SourceFile::new("t.json", s.to_string());
        parse(&f, &Limits::default()).map(|d| d.root)
    }

    #[test]
    fn values() {
        let n = parse_str(r#" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}} "#).unwrap();
        assert_eq!(n.to_json(), serde_json::json!({"a": [1, -2.5e3, true, false, null, "x"], "b": {}}));
        let a = n.get("a").unwrap().as_seq().unwrap();
        assert_eq!(a[1].kind, Kind::Number("-2.5e3".into()));
    }

    #[test]
    fn spans() {
        let n = parse_str("{\n  \"é\": [1,\n   \"ü\"]\n}").unwrap();
        assert_eq!((n.span.line, n.span.col, n.span.end_line, n.span.end_col), (1, 1, 4, 2));
        let e = &n.as_map().unwrap()[0];
        assert_eq!((e.key_span.line, e.key_span.col, e.key_span.end_col), (2, 3, 6));
        assert_eq!((e.value.span.line, e.value.span.col), (2, 8));
        assert_eq!((e.value.span.end_line, e.value.span.end_col), (3, 8));
        let s = &e.value.as_seq().unwrap()[1];
        assert_eq!((s.span.line, s.span.col, s.span.end_col), (3, 4, 7));
        assert_eq!(&"{\n  \"é\": [1,\n   \"ü\"]\n}"[s.span.start as usize..s.span.end as usize], "\"ü\"");
    }

    #[test]
    fn escapes() {
        let n = parse_str(r#""a\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(n.as_str(), Some("a\"\\/\u{8}\u{c}\n\r\tAé😀"));
        assert!(parse_str(r#""\ud83d""#).unwrap_err().message.en().contains("lone"));
        assert!(parse_str(r#""\ude00""#).unwrap_err().message.en().contains("lone"));
        assert!(parse_str(r#""\ud83d\u0041""#).unwrap_err().message.en().contains("lone"));
        assert!(parse_str(r#""\x""#).is_err());
        assert!(parse_str(r#""\u12""#).is_err());
        assert!(parse_str("\"a\tb\"").is_err());
        assert!(parse_str("\"abc").is_err());
    }

    #[test]
    fn errors() {
        let e = parse_str("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert_eq!((e.line, e.col), (1, 9));
        assert_eq!(e.message.en(), "expected `,` or `}` after object member, found `\"`");
        let e = parse_str("[1 2]").unwrap_err();
        assert_eq!(e.message.en(), "expected `,` or `]` after array element, found `2`");
        assert!(parse_str("[1,]").is_err());
        assert!(parse_str("{\"a\":1,}").is_err());
        assert!(parse_str("01").is_err());
        assert!(parse_str("1.").is_err());
        assert!(parse_str("+1").is_err());
        assert!(parse_str("1e").is_err());
        assert!(parse_str("tru").is_err());
        assert!(parse_str("truex").is_err());
        assert!(parse_str("").unwrap_err().message.en().contains("end of input"));
        let e = parse_str("{} x").unwrap_err();
        assert_eq!((e.line, e.col), (1, 4));
        assert!(parse_str("{'a': 1}").is_err());
        assert!(parse_str("NaN").is_err());
    }

    #[test]
    fn duplicate_keys() {
        let file = SourceFile::new("t.json", "{\"a\": 1,\n \"a\": 2}".to_string());
        let d = parse(&file, &Limits::default()).unwrap();
        let (span, message) = &d.errors[0];
        assert_eq!((span.line, span.col), (2, 2));
        assert_eq!(message.en(), "duplicate key `a` (first defined at line 1)");
        assert_eq!(d.root.to_json(), serde_json::json!({"a": 2}));
        // Many keys (hash index path): the later value in the first key's place.
        let mut s = String::from("{");
        for i in 0..40 {
            s.push_str(&format!("\"k{i}\": {i},"));
        }
        s.push_str("\"k7\": 0}");
        let d = parse(&SourceFile::new("t.json", s), &Limits::default()).unwrap();
        assert!(d.errors[0].1.en().contains("duplicate key `k7`"));
        assert_eq!(d.root.as_map().unwrap().len(), 40);
        assert_eq!(d.root.get("k7").unwrap().to_json(), serde_json::json!(0));
    }

    #[test]
    fn depth_limit() {
        let deep = "[".repeat(100_000);
        let e = parse_str(&deep).unwrap_err();
        assert_eq!((e.line, e.col), (1, 257));
        let ok = format!("{}{}", "[".repeat(256), "]".repeat(256));
        assert!(parse_str(&ok).is_ok());
    }
}
