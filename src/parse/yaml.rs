//! YAML parsing into located [`Node`]s, on top of `saphyr-parser`'s event stream.
//!
//! # Scalars (YAML 1.2 core schema)
//!
//! Only *plain* (unquoted) scalars are resolved; quoted and block (`|`, `>`) scalars are always
//! strings.
//!
//! | plain text                                                     | result            |
//! |----------------------------------------------------------------|-------------------|
//! | `null` `Null` `NULL` `~` or nothing                            | `Kind::Null`      |
//! | `true` `True` `TRUE` `false` `False` `FALSE`                   | `Kind::Bool`      |
//! | `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`                    | `Kind::Number`    |
//! | `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`          | `Kind::Number`    |
//! | `[-+]?.inf` (any of `inf`/`Inf`/`INF`), `.nan` `.NaN` `.NAN`   | `Kind::Number`    |
//! | anything else, including YAML 1.1's `yes`/`no`/`on`/`off`      | `Kind::String`    |
//!
//! Numbers keep their text (`0777` stays `"0777"`). The tag `!!str` (or the non-specific `!`)
//! forces a string; other standard tags (`!!int`, `!!map`, ...) leave resolution unchanged.
//!
//! # Map keys
//!
//! Keys must be scalars and become their text (`true:` gives the key `"true"`, a GitHub
//! workflow's `on:` the key `"on"`). A collection as key is an error; a key given twice in
//! one map is an error at the later key, which is read past: its value replaces the earlier
//! one (as CloudFormation reads it) and [`Document::errors`] records it. Merge keys
//! (`<<: *base` or `<<: [*a, *b]`) copy the entries of the merged maps that the map does not
//! define itself (keys written in the map win; among merged maps, the first listed wins).
//!
//! # Anchors and aliases
//!
//! An alias is replaced by a copy of its anchored node (which keeps the anchored node's spans).
//! The nodes produced this way are counted per file; beyond [`Limits::max_alias_nodes`] parsing
//! fails, which stops "billion laughs" documents. The bytes copied are counted too: every
//! alias's copy and the copy of every anchored node kept for later aliases, as the text of
//! their scalars and keys plus a fixed cost per node. Beyond
//! [`Limits::alias_byte_budget`] parsing fails at the alias (or anchor) that goes over, so a
//! large scalar aliased many times, or anchors nested in anchors, cost memory proportional to
//! the file's size. An alias to an unknown (or not yet complete) anchor is an error.
//!
//! # CloudFormation short-form tags
//!
//! Short forms are rewritten into the long form, so later passes never see tags:
//!
//! * `!Ref X` → `{"Ref": X}` and `!Condition X` → `{"Condition": X}`;
//! * `!GetAtt A.B.C` → `{"Fn::GetAtt": ["A", "B.C"]}` (split at the first dot; a list
//!   `!GetAtt [A, B]` is kept as it is);
//! * `!GetAZs` with an empty or null value → `{"Fn::GetAZs": ""}`;
//! * `!Sub`, `!Join`, `!Select`, `!Split`, `!If`, `!Equals`, `!And`, `!Or`, `!Not`,
//!   `!FindInMap`, `!ImportValue`, `!Base64`, `!Cidr`, `!GetAZs`, `!Transform`, `!Length`,
//!   `!ToJsonString`, `!ForEach` (and the rule functions `!Contains`, `!EachMemberEquals`,
//!   `!EachMemberIn`, `!RefAll`, `!ValueOf`) → `{"Fn::<Name>": value}`.
//!
//! Tags apply to scalars, sequences and maps alike. The wrapper map spans the whole tagged node
//! (tag included); its entry's key span is the tag; the value keeps the span of the node without
//! its tag. Other local tags (`!Foo`) are dropped and the value kept.
//!
//! # Limits and robustness
//!
//! The tree is built with an explicit stack. Nesting deeper than [`Limits::max_depth`]
//! (counting the wrapper maps of tags and the depth of alias copies) is an error at the node
//! that goes too deep. Scanner errors keep the scanner's position.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};

use crate::source::{FileId, SourceFile, Span};
use crate::value::{Document, Entry, Kind, Node};

use super::{ALIAS_NODE_BYTES, KeyIndex, Limits, ParseError, duplicate_key_message};

/// Parses every document of the YAML stream in `file`.
pub fn parse(file: &SourceFile, limits: &Limits) -> Result<Vec<Document>, ParseError> {
    let mut docs = Vec::new();
    parse_each(file, limits, &mut |d| docs.push(d))?;
    Ok(docs)
}

/// Parses `file` as [`parse`] does, handing each document to `each` as soon as it is read
/// rather than keeping them all; on an error, the documents before it have been handed.
pub fn parse_each(file: &SourceFile, limits: &Limits, each: &mut dyn FnMut(Document)) -> Result<(), ParseError> {
    if file.text.len() >= u32::MAX as usize {
        return Err(ParseError::new(1, 1, msg!("parse-too-large")));
    }
    // Flow collections indented less than the specification asks are read as libyaml reads
    // them (see `yaml_flow`): the scanner reads a rewritten text whose characters line up with
    // the file's, so spans do not move. The rewrite is at the error, after the documents read
    // so far, which are not handed again.
    let mut scan: Cow<'_, str> = Cow::Borrowed(&file.text);
    let mut handed = 0usize;
    let mut attempt = 0;
    loop {
        let mut read = 0usize;
        let mut sink = |d: Document| {
            read += 1;
            if read > handed {
                handed += 1;
                each(d);
            }
        };
        match Builder::new(file, &scan, limits).run(&mut sink) {
            Err(e) if attempt < MAX_FLOW_RELAXATIONS && e.message.en() == "invalid indentation" => {
                let at = file.line_start(e.line).map(|s| s as usize).and_then(|s| {
                    file.text[s..].char_indices().nth(e.col.saturating_sub(1) as usize).map(|(i, _)| s + i)
                });
                let chars = at.map(|b| file.text[..b].chars().count());
                let in_scan = chars.and_then(|n| scan.char_indices().nth(n).map(|(i, _)| i));
                match in_scan.and_then(|b| super::yaml_flow::relax(&scan, b)) {
                    Some(t) => scan = Cow::Owned(t),
                    None => return Err(e),
                }
                attempt += 1;
            }
            done => return done,
        }
    }
}

/// How many under-indented lines of flow collections one file may have.
const MAX_FLOW_RELAXATIONS: usize = 32;

/// Resolves a plain scalar by the YAML 1.2 core schema (see the module documentation).
pub fn resolve_plain(text: &str) -> Kind {
    resolve_plain_owned(Cow::Borrowed(text))
}

/// [`resolve_plain`], reusing the scalar's text for strings and numbers.
fn resolve_plain_owned(text: Cow<'_, str>) -> Kind {
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => Kind::Null,
        "true" | "True" | "TRUE" => Kind::Bool(true),
        "false" | "False" | "FALSE" => Kind::Bool(false),
        t if is_core_number(t) => Kind::Number(text.into_owned()),
        _ => Kind::String(text.into_owned()),
    }
}

/// Whether `s` is an integer or float of the YAML 1.2 core schema.
fn is_core_number(s: &str) -> bool {
    let b = s.as_bytes();
    if let Some(hex) = s.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|c| (b'0'..=b'7').contains(&c));
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let unsigned = match b.first() {
        Some(b'-' | b'+') => &s[1..],
        _ => s,
    };
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    // [0-9]+(\.[0-9]*)? | \.[0-9]+ , then an optional exponent.
    let u = unsigned.as_bytes();
    let mut i = 0;
    while i < u.len() && u[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i;
    let mut frac_digits = 0;
    if i < u.len() && u[i] == b'.' {
        i += 1;
        while i < u.len() && u[i].is_ascii_digit() {
            i += 1;
            frac_digits += 1;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < u.len() && (u[i] == b'e' || u[i] == b'E') {
        i += 1;
        if i < u.len() && (u[i] == b'+' || u[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < u.len() && u[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == u.len()
}

/// The long-form key for a CloudFormation short-form tag name.
fn cfn_function(name: &str) -> Option<&'static str> {
    Some(match name {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "GetAtt" => "Fn::GetAtt",
        "Sub" => "Fn::Sub",
        "Join" => "Fn::Join",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "If" => "Fn::If",
        "Equals" => "Fn::Equals",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Not" => "Fn::Not",
        "FindInMap" => "Fn::FindInMap",
        "ImportValue" => "Fn::ImportValue",
        "Base64" => "Fn::Base64",
        "Cidr" => "Fn::Cidr",
        "GetAZs" => "Fn::GetAZs",
        "Transform" => "Fn::Transform",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        "ForEach" => "Fn::ForEach",
        "Contains" => "Fn::Contains",
        "EachMemberEquals" => "Fn::EachMemberEquals",
        "EachMemberIn" => "Fn::EachMemberIn",
        "RefAll" => "Fn::RefAll",
        "ValueOf" => "Fn::ValueOf",
        _ => return None,
    })
}

/// What a node's tag means to us.
#[derive(Clone, Copy, PartialEq)]
enum TagMeaning {
    /// No tag, a standard tag other than `!!str`, or an unknown local tag.
    Plain,
    /// `!!str` or the non-specific `!`: the scalar is a string.
    Str,
    /// A CloudFormation short form, with its long-form key.
    Cfn(&'static str),
}

fn tag_meaning(tag: Option<&Tag>) -> TagMeaning {
    let Some(tag) = tag else {
        return TagMeaning::Plain;
    };
    match (tag.handle.as_str(), tag.suffix.as_str()) {
        ("!", name) => cfn_function(name).map_or(TagMeaning::Plain, TagMeaning::Cfn),
        ("tag:yaml.org,2002:", "str") | ("", "!") | ("", "tag:yaml.org,2002:str") => TagMeaning::Str,
        _ => TagMeaning::Plain,
    }
}

/// A position: byte offset plus 1-based line and column (characters).
#[derive(Clone, Copy, Debug)]
struct Pos {
    byte: usize,
    line: u32,
    col: u32,
    file: FileId,
}

fn span_of(a: Pos, b: Pos) -> Span {
    Span {
        start: a.byte as u32,
        end: b.byte as u32,
        line: a.line,
        col: a.col,
        end_line: b.line,
        end_col: b.col,
        file: a.file,
    }
}

fn start_of(s: Span) -> Pos {
    Pos { byte: s.start as usize, line: s.line, col: s.col, file: s.file }
}

fn end_of(s: Span) -> Pos {
    Pos { byte: s.end as usize, line: s.end_line, col: s.end_col, file: s.file }
}

/// Converts the scanner's markers to positions.
///
/// Only the markers' character index is used: line and column are counted here, the way
/// [`SourceFile`] counts them (lines end at `\n`, `\r\n` and a lone `\r`; columns count
/// characters, a tab as one), not as the scanner does (it reports a position past the end of
/// the last line at end of input).
struct Locator<'a> {
    file: &'a SourceFile,
    text: &'a str,
    /// The position of the last converted marker, and its character index. Markers arrive
    /// almost always in increasing order, so converting walks the text about once.
    cursor: (usize, Pos),
}

impl<'a> Locator<'a> {
    fn new(file: &'a SourceFile) -> Locator<'a> {
        Locator { file, text: file.text.as_str(), cursor: (0, Pos { byte: 0, line: 1, col: 1, file: file.id }) }
    }

    /// The position of character index `idx` (clamped to the end of the text).
    fn at_index(&mut self, idx: usize) -> Pos {
        let (mut ci, mut p) = self.cursor;
        if idx >= ci {
            let bytes = self.text.as_bytes();
            // Fast path: the next `idx - ci` bytes are ASCII, one character each.
            let ahead = &bytes[p.byte.min(bytes.len())..];
            let ahead = &ahead[..(idx - ci).min(ahead.len())];
            if ahead.is_ascii() {
                let to = p.byte + ahead.len();
                p = skip_ascii(p, bytes, to);
                ci += ahead.len();
            }
            while ci < idx && p.byte < bytes.len() {
                let b = bytes[p.byte];
                if b < 0x80 {
                    p.byte += 1;
                    if ends_line(bytes, p.byte - 1) {
                        p.line += 1;
                        p.col = 1;
                    } else {
                        p.col += 1;
                    }
                } else {
                    let len = self.text[p.byte..].chars().next().map_or(1, char::len_utf8);
                    p.byte += len;
                    p.col += 1;
                }
                ci += 1;
            }
        } else {
            let mut chars = self.text[..p.byte].chars();
            while ci > idx {
                match chars.next_back() {
                    Some(c) => {
                        ci -= 1;
                        p.byte -= c.len_utf8();
                    }
                    None => break,
                }
            }
            let (line, col) = self.file.line_col(p.byte as u32);
            p.line = line;
            p.col = col;
        }
        self.cursor = (ci, p);
        p
    }

    fn pos(&mut self, m: Marker) -> Pos {
        self.at_index(m.index())
    }

    /// The position of byte `to` (at a character boundary), found by walking from `from`.
    fn advance(&self, from: Pos, to: usize) -> Pos {
        let to = to.min(self.text.len());
        if to < from.byte || !self.text.is_char_boundary(from.byte) {
            let (line, col) = self.file.line_col(to as u32);
            return Pos { byte: to, line, col, ..from };
        }
        let Some(skipped) = self.text.get(from.byte..to) else {
            return Pos { byte: to, ..from };
        };
        if skipped.is_ascii() {
            return skip_ascii(from, self.text.as_bytes(), to);
        }
        let mut p = from;
        for (i, _) in skipped.char_indices() {
            if ends_line(self.text.as_bytes(), from.byte + i) {
                p.line += 1;
                p.col = 1;
            } else {
                p.col += 1;
            }
        }
        p.byte = to;
        p
    }
}

/// Whether byte `i` of `text` ends a line: a `\n`, or a `\r` not followed by `\n`.
fn ends_line(text: &[u8], i: usize) -> bool {
    match text.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => text.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The position of byte `to` of `text`, the bytes from `from` to it being ASCII.
fn skip_ascii(from: Pos, text: &[u8], to: usize) -> Pos {
    let ascii = &text[from.byte..to];
    let mut p = from;
    p.byte = to;
    // The runs between two markers are short: plain loops beat memchr's setup here.
    match (0..ascii.len()).rev().find(|&i| ends_line(text, from.byte + i)) {
        Some(last) => {
            p.line += (0..=last).filter(|&i| ends_line(text, from.byte + i)).count() as u32;
            p.col = (ascii.len() - last) as u32;
        }
        None => p.col += ascii.len() as u32,
    }
    p
}

/// Size of a finished subtree, for alias accounting.
#[derive(Clone, Copy)]
struct Stats {
    /// Number of nodes.
    nodes: usize,
    /// Levels of collections (0 for a scalar).
    height: usize,
    /// Bytes of text held by scalars and keys.
    bytes: usize,
}

impl Stats {
    /// What a copy of the subtree counts for in the alias byte budget.
    fn copy_cost(self) -> usize {
        self.bytes.saturating_add(self.nodes.saturating_mul(ALIAS_NODE_BYTES))
    }
}

/// A finished node with what its parent needs to know about it.
struct Done {
    node: Node,
    stats: Stats,
    /// For scalars: the text to use when the node is a map key.
    key: Option<KeyText>,
}

/// The text of a scalar used as a map key, and whether the scalar was plain (untagged).
enum KeyText {
    /// The text the node keeps (a string or a number).
    InNode { plain: bool },
    /// Text the node does not keep (a null or a boolean).
    Own(String, bool),
}

impl KeyText {
    /// The key's text and whether it was plain, given the node it came with.
    fn take(self, node: Node) -> (String, bool) {
        match self {
            KeyText::Own(text, plain) => (text, plain),
            KeyText::InNode { plain } => match node.kind {
                Kind::String(s) | Kind::Number(s) => (s, plain),
                // Not produced: a key kept in the node is a string or a number.
                _ => (node.scalar_text().map(Cow::into_owned).unwrap_or_default(), plain),
            },
        }
    }
}

/// Where a node starts and what properties it carries.
struct Head {
    /// Start including the properties (anchor, tag).
    start: Pos,
    /// Start of the node itself.
    content: Pos,
    /// The tag's span, if a tag was written.
    tag_span: Option<Span>,
    meaning: TagMeaning,
    anchor: usize,
}

enum Collection {
    Seq(Vec<Node>),
    Map {
        entries: Vec<Entry>,
        index: KeyIndex,
        /// Merged values (`<<`), with the number of entries written before them.
        merges: Vec<(usize, Node)>,
        /// The key waiting for its value: text, span, and whether it is a merge key.
        key: Option<(String, Span, bool)>,
    },
}

struct Frame {
    head: Head,
    flow: bool,
    coll: Collection,
    /// Depth of this collection's own node (the root is 1).
    depth: usize,
    /// End of the last child, for block collections.
    last_end: Pos,
    stats: Stats,
}

struct Builder<'a> {
    text: &'a str,
    /// The text the scanner reads: the file's, or a rewrite of it with the same characters at
    /// the same character indexes.
    scan: &'a str,
    loc: Locator<'a>,
    limits: &'a Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, Stats)>,
    /// Nodes produced by aliases so far.
    expanded: usize,
    /// Bytes copied for anchors and aliases so far, and the most allowed.
    copied: usize,
    copy_budget: usize,
    root: Option<Node>,
    /// Keys given twice in the current document, read past (see [`Document::errors`]).
    errors: Vec<(Span, crate::i18n::Message)>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a SourceFile, scan: &'a str, limits: &'a Limits) -> Builder<'a> {
        Builder {
            text: &file.text,
            scan,
            loc: Locator::new(file),
            limits,
            stack: Vec::new(),
            anchors: HashMap::new(),
            expanded: 0,
            copied: 0,
            copy_budget: limits.alias_byte_budget(file.text.len()),
            root: None,
            errors: Vec::new(),
        }
    }

    fn run(mut self, each: &mut dyn FnMut(Document)) -> Result<(), ParseError> {
        let mut parser = Parser::new_from_str(self.scan);
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(e) => e,
                Err(e) => {
                    let mut p = self.loc.pos(*e.marker());
                    let message = match e.info() {
                        // The scanner counts flow levels in a `u8`.
                        "recursion limit exceeded" => "flow collections nested deeper than 255 levels",
                        info => info,
                    };
                    if matches!(
                        message,
                        "tabs disallowed within this context (block indentation)"
                            | "':' must be followed by a valid YAML whitespace"
                            | "'-' must be followed by a valid YAML whitespace"
                    ) {
                        // The scanner reports these after the blanks it skipped: point at the
                        // tab instead.
                        p = self.first_tab_before(p);
                    }
                    return Err(ParseError::new(p.line, p.col, msg!("parse-yaml-scanner", detail = message)));
                }
            };
            match event {
                Event::Nothing | Event::StreamStart => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    self.anchors.clear();
                    self.root = None;
                }
                Event::DocumentEnd => {
                    let root = match self.root.take() {
                        Some(root) => root,
                        None => {
                            let p = self.loc.pos(span.start);
                            Node::new(span_of(p, p), Kind::Null)
                        }
                    };
                    each(Document { root, errors: std::mem::take(&mut self.errors) });
                }
                Event::Alias(id) => {
                    let p = self.loc.pos(span.start);
                    let (node, stats) = self.alias(id, p)?;
                    self.finish(Done { key: alias_key(&node), node, stats }, p)?;
                }
                Event::Scalar(value, style, anchor, tag) => {
                    let done = self.scalar(value, style, anchor, tag, span)?;
                    let p = start_of(done.node.span);
                    self.finish(done, p)?;
                }
                Event::SequenceStart(anchor, tag) => {
                    self.open(false, anchor, tag.as_deref(), span)?;
                }
                Event::MappingStart(anchor, tag) => {
                    self.open(true, anchor, tag.as_deref(), span)?;
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let end = self.loc.pos(span.end);
                    let done = self.close(end)?;
                    let p = start_of(done.node.span);
                    self.finish(done, p)?;
                }
            }
        }
        Ok(())
    }

    /// The position of the first tab in the run of blanks just before `p` (`p` itself when
    /// there is none).
    fn first_tab_before(&mut self, p: Pos) -> Pos {
        let b = self.text.as_bytes();
        let mut i = p.byte.min(b.len());
        let mut tab = None;
        while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
            i -= 1;
            if b[i] == b'\t' {
                tab = Some(i);
            }
        }
        match tab {
            Some(t) => {
                let (line, col) = self.loc.file.line_col(t as u32);
                Pos { byte: t, line, col, ..p }
            }
            None => p,
        }
    }

    /// Depth a new child node would have.
    fn child_depth(&self) -> usize {
        self.stack.last().map_or(1, |f| f.depth + 1)
    }

    fn too_deep(&self, at: Pos) -> ParseError {
        ParseError::new(at.line, at.col, msg!("parse-too-deep", max = self.limits.max_depth))
    }

    /// Reads the properties (anchor, tag) at the start of a node's event span.
    fn head(&mut self, start: Pos, limit: usize, anchor: usize, tag: Option<&Tag>) -> Head {
        let meaning = tag_meaning(tag);
        if anchor == 0 && tag.is_none() {
            return Head { start, content: start, tag_span: None, meaning, anchor };
        }
        let b = self.text.as_bytes();
        let limit = limit.min(b.len());
        let mut i = start.byte;
        let mut tag_range = None;
        while i < limit && (b[i] == b'&' || b[i] == b'!') {
            let prop_start = i;
            while i < limit && !matches!(b[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') {
                i += 1;
            }
            if b[prop_start] == b'!' {
                tag_range = Some((prop_start, i));
            }
            // Separation: blanks, line breaks and comments.
            loop {
                while i < limit && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
                if i < limit && b[i] == b'#' {
                    while i < limit && b[i] != b'\n' {
                        i += 1;
                    }
                } else {
                    break;
                }
            }
        }
        // `i` stops only at ASCII bytes or `limit`; make sure it is a character boundary anyway.
        while i < b.len() && !self.text.is_char_boundary(i) {
            i += 1;
        }
        let content = self.loc.advance(start, i);
        let tag_span = tag.map(|_| match tag_range {
            Some((s, e)) => {
                let s = self.loc.advance(start, s);
                let e = self.loc.advance(s, e);
                span_of(s, e)
            }
            None => span_of(start, content),
        });
        Head { start, content, tag_span, meaning, anchor }
    }

    fn scalar(
        &mut self,
        value: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        span: saphyr_parser::Span,
    ) -> Result<Done, ParseError> {
        let mut start = self.loc.pos(span.start);
        let mut end = self.loc.pos(span.end);
        if end.byte < start.byte {
            end = start;
        }
        let plain = style == ScalarStyle::Plain;
        if plain && value.is_empty() && anchor == 0 && tag.is_none() {
            // An empty value: the scanner reports the position of the neighbouring token
            // (the `:` of `key:`, or the next token). Use an empty span after a `:`, else
            // at the start.
            if self.text.as_bytes().get(start.byte) == Some(&b':') {
                start = Pos { byte: start.byte + 1, col: start.col + 1, ..start };
            }
            end = start;
        }
        let mut head = self.head(start, end.byte, anchor, tag.as_deref());
        // Scalars add no level, but a tag's wrapper map does.
        if matches!(head.meaning, TagMeaning::Cfn(_)) && self.child_depth() > self.limits.max_depth {
            return Err(self.too_deep(head.start));
        }
        let plain_key = plain && head.meaning == TagMeaning::Plain;
        let (kind, key) = if !plain || head.meaning == TagMeaning::Str {
            (Kind::String(value.into_owned()), KeyText::InNode { plain: plain_key })
        } else {
            if matches!(
                &*value,
                "" | "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
            ) {
                // A null or a boolean does not keep its text (one of a few short words).
                (resolve_plain(&value), KeyText::Own(value.into_owned(), plain_key))
            } else {
                (resolve_plain_owned(value), KeyText::InNode { plain: plain_key })
            }
        };
        let mut content = if head.content.byte > end.byte { end } else { head.content };
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            // The scanner's span of a block scalar runs from its first content line to the next
            // token; make it run from the `|`/`>` indicator to the end of the last content line.
            let (s, e) = block_scalar_extent(self.text, content.byte, end.byte);
            let new_end = self.loc.advance(content, e);
            content = self.loc.advance(content, s);
            end = new_end;
            if head.start.byte > content.byte {
                head.start = content;
            }
        }
        if let Some(quote) = match style {
            ScalarStyle::SingleQuoted => Some(b'\''),
            ScalarStyle::DoubleQuoted => Some(b'"'),
            _ => None,
        } && let Some(e) = quoted_end(self.text, content.byte, quote)
            && e <= end.byte
        {
            // The scanner's end of a quoted scalar can run on to the next token (over spaces and
            // a comment); end it after the closing quote.
            end = self.loc.advance(content, e);
        }
        let node = Node::new(span_of(content, end), kind);
        let bytes = node.scalar_text().map_or(0, |t| t.len());
        self.wrap(head, node, Stats { nodes: 1, height: 0, bytes }, end, Some(key))
    }

    /// Applies a CloudFormation tag and registers an anchor.
    fn wrap(
        &mut self,
        head: Head,
        mut node: Node,
        mut stats: Stats,
        end: Pos,
        key: Option<KeyText>,
    ) -> Result<Done, ParseError> {
        let mut key = key;
        if let TagMeaning::Cfn(name) = head.meaning {
            if name == "Fn::GetAtt" {
                node = split_get_att(self.text, &self.loc, node);
            } else if name == "Fn::GetAZs" && node.is_null() {
                node.kind = Kind::String(String::new());
            }
            let full = span_of(head.start, end);
            let key_span = head.tag_span.unwrap_or(node.span);
            node = Node::new(full, Kind::Map(vec![Entry { key: name.to_string(), key_span, value: node }]));
            stats = Stats {
                nodes: stats.nodes + 1 + 1,
                height: stats.height + 1,
                bytes: stats.bytes.saturating_add(name.len()),
            };
            key = None;
        }
        if head.anchor != 0 {
            // The copy kept for aliases is counted too: anchors nested in anchors copy their
            // contents once per level.
            self.charge_copy(stats, head.start, msg!("parse-yaml-what-nested-anchors"))?;
            self.anchors.insert(head.anchor, (node.clone(), stats));
        }
        Ok(Done { node, stats, key })
    }

    fn alias(&mut self, id: usize, at: Pos) -> Result<(Node, Stats), ParseError> {
        let Some(&(_, stats)) = self.anchors.get(&id) else {
            return Err(ParseError::new(at.line, at.col, msg!("parse-yaml-unknown-anchor")));
        };
        if stats.height > 0 && self.child_depth() + stats.height - 1 > self.limits.max_depth {
            return Err(self.too_deep(at));
        }
        self.expanded = self.expanded.saturating_add(stats.nodes);
        if self.expanded > self.limits.max_alias_nodes {
            return Err(ParseError::new(
                at.line,
                at.col,
                msg!("parse-yaml-alias-nodes", max = self.limits.max_alias_nodes),
            ));
        }
        self.charge_copy(stats, at, msg!("parse-yaml-what-alias"))?;
        let Some((node, _)) = self.anchors.get(&id) else {
            return Err(ParseError::new(at.line, at.col, msg!("parse-yaml-unknown-anchor")));
        };
        Ok((node.clone(), stats))
    }

    /// Counts a copy of a subtree of size `stats` against the byte budget, failing at `at` when
    /// it would go over.
    fn charge_copy(&mut self, stats: Stats, at: Pos, what: crate::i18n::Message) -> Result<(), ParseError> {
        let copied = self.copied.saturating_add(stats.copy_cost());
        if copied > self.copy_budget {
            return Err(ParseError::new(
                at.line,
                at.col,
                msg!("parse-yaml-copy-budget", what = what, max = self.copy_budget),
            ));
        }
        self.copied = copied;
        Ok(())
    }

    fn open(
        &mut self,
        is_map: bool,
        anchor: usize,
        tag: Option<&Tag>,
        span: saphyr_parser::Span,
    ) -> Result<(), ParseError> {
        let start = self.loc.pos(span.start);
        let end = self.loc.pos(span.end);
        let b = self.text.as_bytes();
        let flow = end.byte > start.byte && end.byte >= 1 && matches!(b.get(end.byte - 1), Some(b'[' | b'{'));
        let mut head = self.head(start, end.byte, anchor, tag);
        head.content = if flow {
            Pos { byte: end.byte - 1, col: end.col.saturating_sub(1).max(1), ..end }
        } else if !is_map && b.get(end.byte) != Some(&b'-') {
            // An indentless sequence starts after its first `- `: move back to the dash.
            let mut i = end.byte;
            while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
                i -= 1;
            }
            if i > 0 && b[i - 1] == b'-' {
                let dash = i - 1;
                Pos { byte: dash, col: end.col.saturating_sub((end.byte - dash) as u32).max(1), ..end }
            } else {
                end
            }
        } else {
            end
        };
        if head.content.byte < head.start.byte || (anchor == 0 && tag.is_none()) {
            head.start = head.content;
        }
        let depth = self.child_depth() + usize::from(matches!(head.meaning, TagMeaning::Cfn(_)));
        if depth > self.limits.max_depth {
            return Err(self.too_deep(head.content));
        }
        let coll = if is_map {
            Collection::Map { entries: Vec::new(), index: KeyIndex::default(), merges: Vec::new(), key: None }
        } else {
            Collection::Seq(Vec::new())
        };
        let last_end = head.content;
        let stats = Stats { nodes: 1, height: 1, bytes: 0 };
        self.stack.push(Frame { head, flow, coll, depth, last_end, stats });
        Ok(())
    }

    fn close(&mut self, end_event: Pos) -> Result<Done, ParseError> {
        let Some(frame) = self.stack.pop() else {
            return Err(ParseError::new(end_event.line, end_event.col, msg!("parse-yaml-unbalanced")));
        };
        let end = if frame.flow { end_event } else { frame.last_end };
        let kind = match frame.coll {
            Collection::Seq(items) => Kind::Seq(crate::value::fitted(items)),
            Collection::Map { entries, merges, key, .. } => {
                if let Some((k, span, _)) = key {
                    // Cannot happen with a well-formed event stream; fail rather than lose it.
                    return Err(ParseError::new(span.line, span.col, msg!("parse-yaml-key-without-value", key = k)));
                }
                Kind::Map(crate::value::fitted(apply_merges(entries, merges)))
            }
        };
        let node = Node::new(span_of(frame.head.content, end), kind);
        self.wrap(frame.head, node, frame.stats, end, None)
    }

    /// Hands a finished node to its parent (or makes it the document root).
    fn finish(&mut self, done: Done, at: Pos) -> Result<(), ParseError> {
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(done.node);
            return Ok(());
        };
        let Done { node, stats, key: key_text } = done;
        frame.stats.nodes = frame.stats.nodes.saturating_add(stats.nodes);
        frame.stats.bytes = frame.stats.bytes.saturating_add(stats.bytes);
        frame.stats.height = frame.stats.height.max(stats.height + 1);
        let node_end = end_of(node.span);
        if node_end.byte >= frame.last_end.byte {
            frame.last_end = node_end;
        }
        match &mut frame.coll {
            Collection::Seq(items) => items.push(node),
            Collection::Map { entries, index, merges, key } => match key.take() {
                None => {
                    let Some(key_text) = key_text else {
                        return Err(ParseError::new(
                            at.line,
                            at.col,
                            msg!("parse-yaml-key-not-scalar", found = node.type_name()),
                        ));
                    };
                    let span = node.span;
                    let (text, plain) = key_text.take(node);
                    let merge = plain && text == "<<";
                    *key = Some((text, span, merge));
                }
                Some((text, key_span, true)) => {
                    let _ = text;
                    check_merge_value(&node, key_span)?;
                    merges.push((entries.len(), node));
                }
                Some((text, key_span, false)) => {
                    if let Some(first) = index.find(entries, &text) {
                        // The later value wins, as CloudFormation reads it.
                        let message = duplicate_key_message(&text, entries[first].key_span.line);
                        self.errors.push((key_span, message));
                        entries[first] = Entry { key: text, key_span, value: node };
                    } else {
                        entries.push(Entry { key: text, key_span, value: node });
                        index.added(entries);
                    }
                }
            },
        }
        Ok(())
    }
}

/// The byte offset just past the closing quote of the quoted scalar starting at `from`.
fn quoted_end(text: &str, from: usize, quote: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(from) != Some(&quote) {
        return None;
    }
    let mut i = from + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b if b == quote => {
                if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return Some(i + 1);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The extent `(start, end)` of a block scalar, given where the scanner (or the skipped
/// properties) put its start and where the scanner's span ends (the next token). `start` is the
/// `|`/`>` indicator: at `from` itself for a tagged scalar, else found on the nearest non-blank
/// line above `from`. `end` is the end of the last non-blank content line. Falls back to the given
/// bounds when the text does not look as expected.
/// Lines end at `\n`, `\r\n` or a lone `\r`, as everywhere else.
fn block_scalar_extent(text: &str, from: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let end = end.min(b.len());
    let from = from.min(end);
    let is_break = |c: &u8| matches!(c, b'\n' | b'\r');
    let line_start = |i: usize| b[..i].iter().rposition(is_break).map_or(0, |p| p + 1);
    // Where the line from `i` on ends (its line break, or `end`).
    let line_end = |i: usize| b[i..end].iter().position(is_break).map_or(end, |p| i + p);
    // The start of the line after the one whose break is at `e`.
    let after_break = |e: usize| if b.get(e) == Some(&b'\r') && b.get(e + 1) == Some(&b'\n') { e + 2 } else { e + 1 };
    let blank = |line: &[u8]| line.iter().all(|c| matches!(c, b' ' | b'\t'));

    let (start, body) = if matches!(b.get(from), Some(b'|' | b'>')) {
        (from, after_break(line_end(from)))
    } else {
        // Walk up from the content's line to the first non-blank line: the header.
        let mut start = from;
        let mut ls = line_start(from);
        while ls > 0 {
            // The line break before `ls`: one or two bytes.
            let brk = if ls >= 2 && b[ls - 1] == b'\n' && b[ls - 2] == b'\r' { ls - 2 } else { ls - 1 };
            let prev = line_start(brk);
            let line = &b[prev..brk];
            if blank(line) {
                ls = prev;
                continue;
            }
            // The first `|` or `>` preceded by a blank and followed by indicator characters,
            // then a blank, a comment or the end of the line.
            for (i, &c) in line.iter().enumerate() {
                if (c == b'|' || c == b'>') && (i == 0 || matches!(line[i - 1], b' ' | b'\t')) {
                    let mut j = i + 1;
                    while j < line.len() && matches!(line[j], b'0'..=b'9' | b'+' | b'-') {
                        j += 1;
                    }
                    while j < line.len() && matches!(line[j], b' ' | b'\t') {
                        j += 1;
                    }
                    if j == line.len() || line[j] == b'#' {
                        start = prev + i;
                        break;
                    }
                }
            }
            break;
        }
        (start, line_start(from))
    };

    // Content lines are blank or indented at least as much as the first non-blank one.
    let mut indent = None;
    let mut last = start + 1;
    let mut i = body;
    while i < end {
        let e = line_end(i);
        let line = &b[i..e];
        if !blank(line) {
            let spaces = line.iter().take_while(|&&c| c == b' ').count();
            if spaces < *indent.get_or_insert(spaces) {
                break;
            }
            let mut e = e;
            while e > i && matches!(b[e - 1], b' ' | b'\t') {
                e -= 1;
            }
            last = e;
        }
        i = after_break(e);
    }
    if start == from && !matches!(b.get(from), Some(b'|' | b'>')) {
        // No indicator found: keep the scanner's start.
        last = last.max(from);
    }
    let last = last.min(end).max(start);
    (start, if text.is_char_boundary(last) { last } else { end })
}

/// The key text of an aliased node, if it is a scalar.
fn alias_key(node: &Node) -> Option<KeyText> {
    match &node.kind {
        Kind::Null => Some(KeyText::Own(String::new(), false)),
        Kind::String(_) | Kind::Number(_) => Some(KeyText::InNode { plain: false }),
        _ => node.scalar_text().map(|t| KeyText::Own(t.into_owned(), false)),
    }
}

/// A merge key's value must be a map or a list of maps.
fn check_merge_value(node: &Node, key_span: Span) -> Result<(), ParseError> {
    let ok = match &node.kind {
        Kind::Map(_) => true,
        Kind::Seq(items) => items.iter().all(|n| matches!(n.kind, Kind::Map(_))),
        _ => false,
    };
    if ok { Ok(()) } else { Err(ParseError::new(key_span.line, key_span.col, msg!("parse-yaml-merge"))) }
}

/// Inserts merged entries (where their `<<` was written) unless the map, or an earlier merged
/// map, already defines the key.
fn apply_merges(entries: Vec<Entry>, merges: Vec<(usize, Node)>) -> Vec<Entry> {
    if merges.is_empty() {
        return entries;
    }
    let mut seen: std::collections::HashSet<String> = entries.iter().map(|e| e.key.clone()).collect();
    let mut out = Vec::with_capacity(entries.len());
    let mut merges = merges.into_iter().peekable();
    let mut push_merges = |upto: usize, out: &mut Vec<Entry>| {
        while let Some((_, node)) = merges.next_if(|(at, _)| *at <= upto) {
            let maps = match node.kind {
                Kind::Map(m) => vec![m],
                Kind::Seq(items) => items
                    .into_iter()
                    .filter_map(|n| match n.kind {
                        Kind::Map(m) => Some(m),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for entry in maps.into_iter().flatten() {
                if seen.insert(entry.key.clone()) {
                    out.push(entry);
                }
            }
        }
    };
    let n = entries.len();
    for (i, entry) in entries.into_iter().enumerate() {
        push_merges(i, &mut out);
        out.push(entry);
    }
    push_merges(n, &mut out);
    out
}

/// `!GetAtt A.B.C` → `["A", "B.C"]`; lists and strings without a dot are kept.
fn split_get_att(text: &str, loc: &Locator<'_>, node: Node) -> Node {
    let Kind::String(s) = &node.kind else {
        return node;
    };
    let Some(dot) = s.find('.') else { return node };
    let (a, b) = (s[..dot].to_string(), s[dot + 1..].to_string());
    let span = node.span;
    // Exact sub-spans when the source text is the value itself (a plain one-line scalar).
    let (sa, sb) = if text.get(span.start as usize..span.end as usize) == Some(s.as_str()) {
        let start = start_of(span);
        let dot_pos = loc.advance(start, span.start as usize + dot);
        let after = loc.advance(dot_pos, span.start as usize + dot + 1);
        (span_of(start, dot_pos), span_of(after, end_of(span)))
    } else {
        (span, span)
    };
    Node::new(span, Kind::Seq(vec![Node::new(sa, Kind::String(a)), Node::new(sb, Kind::String(b))]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(s: &str) -> Result<Vec<Document>, ParseError> {
        parse(&SourceFile::new("t.yaml", s.to_string()), &Limits::default())
    }

    fn one(s: &str) -> Node {
        let mut d = docs(s).unwrap();
        assert_eq!(d.len(), 1);
        d.remove(0).root
    }

    #[test]
    fn documents_are_handed_one_at_a_time_and_once_when_a_flow_collection_is_read_again() {
        // The third document's list is indented less than the specification asks: the stream
        // is read a second time, with that list rewritten.
        let text = "a: 1\n---\nb: 2\n---\nC:\n  K: [x,\n    y\n]\n---\nd: 4\n";
        let file = SourceFile::new("t.yaml", text.to_string());
        let mut first = 0;
        let read_as_written = Builder::new(&file, &file.text, &Limits::default()).run(&mut |_| first += 1);
        assert_eq!((read_as_written.map_err(|e| e.message.en()), first), (Err("invalid indentation".to_string()), 2));
        let mut handed = Vec::new();
        parse_each(&file, &Limits::default(), &mut |d| handed.push(d.root.span.line)).unwrap();
        assert_eq!(handed, [1, 3, 5, 10]);
        let all = docs(text).unwrap();
        assert_eq!(all.iter().map(|d| d.root.span.line).collect::<Vec<_>>(), handed);
        let c = &all[2].root;
        assert_eq!(c.get("C").and_then(|k| k.get("K")).and_then(|l| l.as_seq()).map(<[Node]>::len), Some(2));
        // On an error, the documents before it have been handed.
        let broken = SourceFile::new("t.yaml", "a: 1\n---\nb: [\n".to_string());
        let mut before = 0;
        assert!(parse_each(&broken, &Limits::default(), &mut |_| before += 1).is_err());
        assert_eq!(before, 1);
    }

    #[test]
    fn core_schema() {
        for t in ["true", "True", "TRUE"] {
            assert_eq!(resolve_plain(t), Kind::Bool(true));
        }
        for t in ["false", "False", "FALSE"] {
            assert_eq!(resolve_plain(t), Kind::Bool(false));
        }
        for t in ["null", "Null", "NULL", "~", ""] {
            assert_eq!(resolve_plain(t), Kind::Null);
        }
        for t in [
            "0", "12", "-3", "+4", "0777", "0x1F", "0o17", "1.5", "-.5", "1.", "1e3", "2E-2", ".inf", "-.Inf", "+.INF",
            ".nan", ".NaN", ".NAN",
        ] {
            assert_eq!(resolve_plain(t), Kind::Number(t.into()), "{t}");
        }
        for t in [
            "yes", "no", "on", "off", "Yes", "tRue", "nul", "0x", "0o8", "1e", ".", "-", "1_000", "12:30", "1.2.3",
            "+.nan", "0b101", "abc", "e3",
        ] {
            assert_eq!(resolve_plain(t), Kind::String(t.into()), "{t}");
        }
    }

    #[test]
    fn quoted_and_tagged_scalars() {
        let n = one("a: 'true'\nb: \"1\"\nc: !!str 12\nd: !!int 12\ne: |\n  null\nf: ! 5\n");
        assert_eq!(n.get("a").unwrap().kind, Kind::String("true".into()));
        assert_eq!(n.get("b").unwrap().kind, Kind::String("1".into()));
        assert_eq!(n.get("c").unwrap().kind, Kind::String("12".into()));
        assert_eq!(n.get("d").unwrap().kind, Kind::Number("12".into()));
        assert_eq!(n.get("e").unwrap().kind, Kind::String("null\n".into()));
        assert_eq!(n.get("f").unwrap().kind, Kind::String("5".into()));
    }

    #[test]
    fn empty_value_span() {
        let n = one("a:\nb: 1\n");
        let a = n.get("a").unwrap();
        assert!(a.is_null());
        assert_eq!((a.span.line, a.span.col, a.span.end_col), (1, 3, 3));
        assert_eq!((n.span.end_line, n.span.end_col), (2, 5));
    }

    #[test]
    fn locator_handles_non_ascii() {
        let n = one("é: [ü, x]\nß: y\n");
        let e = &n.as_map().unwrap()[1];
        assert_eq!((e.key_span.line, e.key_span.col), (2, 1));
        assert_eq!((e.value.span.line, e.value.span.col, e.value.span.end_col), (2, 4, 5));
        let seq = n.get("é").unwrap();
        assert_eq!((seq.span.col, seq.span.end_col), (4, 10));
        let x = &seq.as_seq().unwrap()[1];
        assert_eq!((x.span.col, x.span.start), (8, 9));
    }

    #[test]
    fn lone_carriage_returns() {
        let n = one("a: 1\rb: 2\r");
        // A lone carriage return ends a line, as for the scanner and SourceFile.
        let b = n.entry("b").unwrap();
        assert_eq!((b.key_span.line, b.key_span.col), (2, 1));
        assert_eq!((b.value.span.line, b.value.span.col, b.value.span.end_col), (2, 4, 5));
        let n = one("a: 1\r\nb: [x,\r\n  y]\r\n");
        let y = &n.get("b").unwrap().as_seq().unwrap()[1];
        assert_eq!((y.span.line, y.span.col), (3, 3));
    }

    #[test]
    fn block_scalars_with_every_line_end() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = ["a: |", "  one", "", "  two  ", "b: !Sub >-", "  x", "c: 1", ""].join(eol);
            let n = one(&text);
            let a = n.get("a").unwrap();
            assert_eq!(a.as_str(), Some("one\n\ntwo  \n"), "{eol:?}");
            let s = a.span;
            assert_eq!((s.line, s.col, s.end_line, s.end_col), (1, 4, 4, 6), "{eol:?}");
            assert_eq!(&text[s.start as usize..s.end as usize], ["|", "  one", "", "  two"].join(eol));
            let b = n.get("b").unwrap().get("Fn::Sub").unwrap();
            let s = b.span;
            assert_eq!((s.line, s.col, s.end_line, s.end_col), (5, 9, 6, 4), "{eol:?}");
            assert_eq!(n.get("c").unwrap().span.line, 7, "{eol:?}");
        }
    }
}
