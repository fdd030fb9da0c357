//! A streaming writer of pretty-printed JSON.
//!
//! It writes exactly what `serde_json::to_string_pretty` writes for the same document: two
//! spaces of indentation, `": "` between a key and its value, `[]` and `{}` for empty
//! collections, and the same string escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and
//! `\u00XX` with lowercase hex digits for the other control characters). Reports write their
//! documents with it directly into the output, instead of building a `serde_json::Value` tree
//! first. A streaming writer hands the text on to an [`std::io::Write`] in pieces of about
//! [`SPILL_AT`] bytes, so that a report of any length takes bounded memory.

use std::io::Write;

use super::par_render;

/// Writes one JSON document (or a part of one) into a `String`.
pub(crate) struct JsonWriter<'a> {
    out: &'a mut String,
    /// Nesting depth of the collection being written.
    depth: usize,
    /// No element written yet in the current collection.
    first: bool,
    /// A key was just written: the next value follows it directly.
    after_key: bool,
    /// Where the text written so far goes once `out` holds [`SPILL_AT`] bytes (a streaming
    /// writer), and the first error writing there.
    sink: Option<&'a mut dyn Write>,
    error: Option<std::io::Error>,
}

/// Bytes a streaming writer keeps before handing them on.
const SPILL_AT: usize = 1 << 20;
/// Elements of a long array rendered (in parallel) before a streaming writer hands them on.
const BATCH: usize = 4096;

/// A comma, a line feed and indentation: what goes before an element, sliced to need.
const SEPARATOR: &str = ",\n                                                                ";

impl<'a> JsonWriter<'a> {
    /// A writer of a whole document.
    pub(crate) fn new(out: &'a mut String) -> JsonWriter<'a> {
        JsonWriter { out, depth: 0, first: true, after_key: true, sink: None, error: None }
    }

    /// A writer of a whole document to `sink`, `buffer` holding what is not handed on yet;
    /// [`JsonWriter::finish`] hands on the rest.
    pub(crate) fn streaming(buffer: &'a mut String, sink: &'a mut dyn Write) -> JsonWriter<'a> {
        JsonWriter { sink: Some(sink), ..JsonWriter::new(buffer) }
    }

    /// A writer of elements of a collection nested `depth` levels deep, after other elements
    /// unless `first` (for writing the elements of one array in pieces).
    fn in_collection(out: &'a mut String, depth: usize, first: bool) -> JsonWriter<'a> {
        JsonWriter { out, depth, first, after_key: false, sink: None, error: None }
    }

    /// Writes elements of the current array: `write(w, chunk)` writes one element for each item
    /// of `chunk`. Long lists are written in pieces on the thread pool (see [`par_render`]),
    /// [`BATCH`] items at a time.
    pub(crate) fn elements<T: Sync>(&mut self, items: &[T], write: impl Fn(&mut JsonWriter<'_>, &[T]) + Sync) {
        let depth = self.depth;
        for batch in items.chunks(BATCH) {
            let first = self.first;
            par_render(batch, self.out, |piece, start, chunk| {
                let mut w = JsonWriter::in_collection(piece, depth, first && start == 0);
                write(&mut w, chunk);
            });
            self.first = false;
            self.spill();
        }
    }

    /// Hands the text written so far on to the sink once there is enough of it.
    fn spill(&mut self) {
        if self.out.len() >= SPILL_AT {
            self.hand_on();
        }
    }

    fn hand_on(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            if self.error.is_none()
                && let Err(e) = sink.write_all(self.out.as_bytes())
            {
                self.error = Some(e);
            }
            self.out.clear();
        }
    }

    /// Ends the document with a line feed and hands the rest of it on to the sink (of a
    /// streaming writer): the first error writing there, if any.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.out.push('\n');
        self.hand_on();
        self.error.map_or(Ok(()), Err)
    }

    /// A line feed and the indentation of the current depth, after a comma when `comma`.
    fn newline_indent(&mut self, comma: bool) {
        let indent = self.depth * 2;
        let start = usize::from(!comma);
        if indent + 2 <= SEPARATOR.len() {
            self.out.push_str(&SEPARATOR[start..indent + 2]);
        } else {
            self.out.push_str(&SEPARATOR[start..]);
            for _ in SEPARATOR.len()..indent + 2 {
                self.out.push(' ');
            }
        }
    }

    /// What goes before an element of a collection: a comma after the first one, then a new
    /// indented line.
    fn separator(&mut self) {
        let comma = !self.first;
        self.first = false;
        self.newline_indent(comma);
    }

    /// What goes before a value: nothing after a key, else an element separator.
    fn before_value(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else {
            self.separator();
        }
    }

    pub(crate) fn begin_object(&mut self) {
        self.before_value();
        self.out.push('{');
        self.depth += 1;
        self.first = true;
    }

    pub(crate) fn end_object(&mut self) {
        self.end('}');
        self.spill();
    }

    pub(crate) fn begin_array(&mut self) {
        self.before_value();
        self.out.push('[');
        self.depth += 1;
        self.first = true;
    }

    pub(crate) fn end_array(&mut self) {
        self.end(']');
    }

    fn end(&mut self, close: char) {
        self.depth -= 1;
        if !self.first {
            self.newline_indent(false);
        }
        self.out.push(close);
        self.first = false;
    }

    /// An object key; the value comes next.
    pub(crate) fn key(&mut self, key: &str) {
        self.separator();
        push_escaped(self.out, key);
        self.out.push_str(": ");
        self.after_key = true;
    }

    /// An object key that needs no escaping (no `"`, `\\` or control character), as the
    /// reports' own keys.
    fn plain_key(&mut self, key: &str) {
        debug_assert!(!key.bytes().any(needs_escape), "{key:?} needs escaping");
        self.separator();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\": ");
        self.after_key = true;
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.before_value();
        push_escaped(self.out, value);
    }

    /// A string value made of several parts.
    pub(crate) fn str_parts(&mut self, parts: &[&str]) {
        self.before_value();
        self.out.push('"');
        for p in parts {
            push_escaped_inner(self.out, p);
        }
        self.out.push('"');
    }

    pub(crate) fn u64(&mut self, value: u64) {
        self.before_value();
        push_u64(self.out, value);
    }

    pub(crate) fn bool(&mut self, value: bool) {
        self.before_value();
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub(crate) fn null(&mut self) {
        self.before_value();
        self.out.push_str("null");
    }

    /// A string value, or null.
    pub(crate) fn opt_str(&mut self, value: Option<&str>) {
        match value {
            Some(v) => self.str(v),
            None => self.null(),
        }
    }

    /// An array of strings.
    pub(crate) fn strs<'s>(&mut self, values: impl IntoIterator<Item = &'s str>) {
        self.begin_array();
        for v in values {
            self.str(v);
        }
        self.end_array();
    }

    /// A key of the report's own (see [`JsonWriter::plain_key`]) with a string value.
    pub(crate) fn field_str(&mut self, key: &'static str, value: &str) {
        self.plain_key(key);
        self.str(value);
    }

    /// A key of the report's own (see [`JsonWriter::plain_key`]) with a number.
    pub(crate) fn field_u64(&mut self, key: &'static str, value: u64) {
        self.plain_key(key);
        self.u64(value);
    }

    /// The text written so far (for tests).
    #[cfg(test)]
    fn written(&self) -> &str {
        self.out
    }
}

/// Decimal digits of `n`.
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// `s` as a quoted JSON string.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    push_escaped_inner(out, s);
    out.push('"');
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// `s` escaped for the inside of a JSON string.
fn push_escaped_inner(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // Most strings need no escape. Looking at every byte without stopping early lets the
    // compiler check many bytes at once.
    if !bytes.iter().fold(false, |any, &b| any | needs_escape(b)) {
        out.push_str(s);
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !needs_escape(b) {
            continue;
        }
        // Every byte that needs escaping is ASCII, so `start..i` lies on character boundaries.
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0c => out.push_str("\\f"),
            0x0d => out.push_str("\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn serde_pretty(v: &serde_json::Value) -> String {
        serde_json::to_string_pretty(v).unwrap()
    }

    #[test]
    fn matches_serde_json_pretty() {
        let mut s = String::new();
        let mut w = JsonWriter::new(&mut s);
        w.begin_object();
        w.field_str("a", "x\"y\\z\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}é€😀/");
        w.field_u64("n", 18_446_744_073_709_551_615);
        w.key("zero");
        w.u64(0);
        w.key("empty_list");
        w.begin_array();
        w.end_array();
        w.key("empty_map");
        w.begin_object();
        w.end_object();
        w.key("list");
        w.begin_array();
        w.bool(true);
        w.null();
        w.begin_object();
        w.field_str("k", "v");
        w.key("deep");
        w.strs(["a", "b"]);
        w.end_object();
        w.begin_array();
        w.end_array();
        w.str_parts(&["one", " (when ", "x\"", ")"]);
        w.end_array();
        w.key("none");
        w.opt_str(None);
        w.key("some");
        w.opt_str(Some(""));
        w.end_object();
        let expected = serde_pretty(&json!({
            "a": "x\"y\\z\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}é€😀/",
            "n": 18_446_744_073_709_551_615u64,
            "zero": 0,
            "empty_list": [],
            "empty_map": {},
            "list": [true, null, {"k": "v", "deep": ["a", "b"]}, [], "one (when x\")"],
            "none": null,
            "some": "",
        }));
        assert_eq!(w.written(), expected);
    }

    #[test]
    fn every_control_character_is_escaped_like_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect();
        let mut s = String::new();
        push_escaped(&mut s, &all);
        assert_eq!(s, serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn deep_indentation() {
        let mut v = json!("leaf");
        for _ in 0..40 {
            v = json!([v]);
        }
        let mut s = String::new();
        let mut w = JsonWriter::new(&mut s);
        for _ in 0..40 {
            w.begin_array();
        }
        w.str("leaf");
        for _ in 0..40 {
            w.end_array();
        }
        assert_eq!(s, serde_pretty(&v));
    }

    /// A sink that keeps what it is given and the largest piece.
    #[derive(Default)]
    struct Pieces {
        bytes: Vec<u8>,
        largest: usize,
        count: usize,
    }

    impl Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            self.largest = self.largest.max(buf.len());
            self.count += 1;
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streaming_hands_on_bounded_pieces_of_the_same_text() {
        let items: Vec<u64> = (0..60_000).collect();
        let write = |w: &mut JsonWriter<'_>| {
            w.begin_object();
            w.key("items");
            w.begin_array();
            w.elements(&items, |w, chunk| {
                for &i in chunk {
                    w.begin_object();
                    w.field_str("text", &"x".repeat(i as usize % 50));
                    w.field_u64("i", i);
                    w.end_object();
                }
            });
            w.end_array();
            w.key("tail");
            w.begin_array();
            for &i in &items {
                w.u64(i);
            }
            w.end_array();
            w.end_object();
        };
        let mut whole = String::new();
        let mut w = JsonWriter::new(&mut whole);
        write(&mut w);
        w.finish().unwrap();
        let mut sink = Pieces::default();
        let mut buffer = String::new();
        let mut w = JsonWriter::streaming(&mut buffer, &mut sink);
        write(&mut w);
        w.finish().unwrap();
        assert_eq!(String::from_utf8(sink.bytes).unwrap(), whole);
        assert!(whole.len() > 4 * SPILL_AT && sink.count > 4, "{} bytes in {} pieces", whole.len(), sink.count);
        // At most a batch of elements past the threshold.
        assert!(sink.largest < SPILL_AT + BATCH * 200, "a piece of {} bytes", sink.largest);
    }

    #[test]
    fn streaming_reports_the_first_write_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut buffer = String::new();
        let mut sink = Full;
        let mut w = JsonWriter::streaming(&mut buffer, &mut sink);
        w.begin_array();
        w.elements(&vec![7u64; 300_000], |w, chunk| chunk.iter().for_each(|&i| w.u64(i)));
        w.end_array();
        assert_eq!(w.finish().unwrap_err().to_string(), "disk full");
        // What could not be written is not kept either.
        assert!(buffer.len() < SPILL_AT + BATCH * 16, "{} bytes kept", buffer.len());
    }

    #[test]
    fn elements_written_in_pieces() {
        for n in [0usize, 1, 2, 300, 1000] {
            let items: Vec<u64> = (0..n as u64).collect();
            let mut s = String::new();
            let mut w = JsonWriter::new(&mut s);
            w.begin_object();
            w.key("items");
            w.begin_array();
            w.u64(7);
            w.elements(&items, |w, chunk| {
                for &i in chunk {
                    w.begin_object();
                    w.field_u64("i", i);
                    w.end_object();
                }
            });
            w.elements(&items[..n / 2], |w, chunk| {
                for &i in chunk {
                    w.u64(i);
                }
            });
            w.end_array();
            w.key("empty");
            w.begin_array();
            w.elements(&items[..0], |_, _| {});
            w.end_array();
            w.end_object();
            let mut list = vec![json!(7)];
            list.extend(items.iter().map(|i| json!({ "i": i })));
            list.extend(items[..n / 2].iter().map(|i| json!(i)));
            assert_eq!(s, serde_pretty(&json!({ "items": list, "empty": [] })), "{n} items");
        }
    }
}
