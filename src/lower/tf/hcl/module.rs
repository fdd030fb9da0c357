//! Modules read from disk: the declarations of every `.tf` and `.tf.json` file of one
//! directory, kept unevaluated.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::parse::Limits;
use crate::source::{SourceFile, Span};
use crate::value::{Kind, Node};

/// An expression as written, in HCL or in Terraform's JSON syntax.
#[derive(Debug, Clone)]
pub(crate) enum ExKind {
    Hcl(Arc<Expression>),
    /// A JSON value: strings are templates.
    Json(Arc<Node>),
}

/// An expression with the file it is written in.
#[derive(Debug, Clone)]
pub(crate) struct Ex {
    pub src: Arc<SourceFile>,
    pub kind: ExKind,
}

/// A block body as written.
#[derive(Debug, Clone)]
pub(crate) enum BodyKind {
    Hcl(Arc<Body>),
    /// A JSON object: every member is an argument.
    Json(Arc<Node>),
}

/// A block body with the file it is written in.
#[derive(Debug, Clone)]
pub(crate) struct Bod {
    pub src: Arc<SourceFile>,
    pub kind: BodyKind,
}

/// A `variable` block.
#[derive(Debug, Clone)]
pub(crate) struct Variable {
    pub name: String,
    /// The block's labels.
    pub span: Span,
    /// The type constraint as written (`any` when absent).
    pub type_text: String,
    pub ty: Option<Ex>,
    pub default: Option<Ex>,
    pub sensitive: bool,
    pub nullable: bool,
}

/// A `resource` or `data` block.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    pub rtype: String,
    pub name: String,
    pub data: bool,
    pub span: Span,
    pub body_span: Span,
    pub body: Bod,
    pub count: Option<Ex>,
    pub for_each: Option<Ex>,
}

/// A `module` block.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub name: String,
    pub span: Span,
    pub source: Option<String>,
    pub body: Bod,
    pub count: Option<Ex>,
    pub for_each: Option<Ex>,
}

/// Every declaration of one module directory.
#[derive(Debug, Default)]
pub(crate) struct Module {
    pub dir: PathBuf,
    pub files: Vec<Arc<SourceFile>>,
    /// Some file could not be read or parsed: what it declared is missing.
    pub broken: bool,
    pub variables: Vec<Variable>,
    pub locals: HashMap<String, Ex>,
    pub outputs: HashMap<String, Ex>,
    pub resources: Vec<Resource>,
    pub calls: Vec<Call>,
    pub diagnostics: Vec<Diagnostic>,
    /// Object keys written more than once in one object constructor, by where the later
    /// ones are written: the parser was given another name there (see [`parse_hcl`]).
    pub renamed: HashMap<(crate::source::FileId, u32), String>,
}

/// Arguments of a `module` block that are not inputs of the module.
pub(crate) const CALL_META: &[&str] = &["source", "version", "count", "for_each", "providers", "depends_on"];

/// The span of an optional byte range of `src` (the whole file's start when absent).
pub(crate) fn range_span(src: &SourceFile, r: Option<std::ops::Range<usize>>) -> Span {
    let r = r.unwrap_or(0..0);
    let len = src.text.len();
    src.span(r.start.min(len) as u32, r.end.min(len) as u32)
}

/// The `.tf` and `.tf.json` files of `dir`, sorted.
pub(crate) fn module_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| is_module_file(p))
        .collect();
    files.sort();
    files
}

/// A file of a module: `*.tf` or `*.tf.json`.
pub(crate) fn is_module_file(p: &Path) -> bool {
    let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

/// Reads and parses the module in `dir`.
pub(crate) fn load(dir: &Path, limits: &Limits) -> Module {
    let mut m = Module { dir: dir.to_path_buf(), ..Module::default() };
    for path in module_files(dir) {
        match crate::parse::read_source(&path, path.clone(), limits) {
            Ok(s) => add_file(&mut m, Arc::new(s), limits),
            Err(e) => {
                let display = crate::source::display_path(&path);
                m.diagnostics.push(Diagnostic::whole_file(DiagnosticKind::Read, &display, e.message()));
                m.broken = true;
            }
        }
    }
    m
}

/// A module of files already read (standard input, tests), in `dir`.
pub(crate) fn from_sources(dir: &Path, sources: Vec<Arc<SourceFile>>, limits: &Limits) -> Module {
    let mut m = Module { dir: dir.to_path_buf(), ..Module::default() };
    for src in sources {
        add_file(&mut m, src, limits);
    }
    m
}

/// Parses one file of a module into it.
fn add_file(m: &mut Module, src: Arc<SourceFile>, limits: &Limits) {
    m.files.push(src.clone());
    if src.path.to_string_lossy().ends_with(".json") {
        match crate::parse::parse_json(&src, limits) {
            Ok(doc) => read_json(m, &src, &doc.root),
            Err(e) => parse_failed(m, &src, e.line as usize, e.col as usize, e.message),
        }
    } else {
        let (parsed, renamed) = parse_hcl(&src.text);
        for (at, key) in renamed {
            let span = range_span(&src, Some(at..at));
            m.renamed.insert((span.file, span.start), key);
        }
        match parsed {
            Ok(body) => read_hcl(m, &src, body),
            Err(e) => {
                let loc = e.location();
                parse_failed(m, &src, loc.line(), loc.column(), e.message().trim().into());
            }
        }
    }
}

/// Most object keys renamed in one file before giving up on it.
const MAX_RENAMED: usize = 256;

/// Parses an HCL file. An object constructor may write a key twice (Terraform keeps the last
/// value), which the parser refuses: each repeated key is given a fresh name of the same
/// length, so that every span stays where it was, and returned with its offset and its
/// name as written.
pub(crate) fn parse_hcl(text: &str) -> (Result<Body, hcl_edit::parser::Error>, Vec<(usize, String)>) {
    let mut renamed = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(text);
    loop {
        let e = match hcl_edit::parser::parse_body(&text) {
            Ok(body) => return (Ok(body), renamed),
            Err(e) => e,
        };
        let at = e.location().offset();
        if renamed.len() >= MAX_RENAMED || !e.message().contains("redefined object key") {
            return (Err(e), renamed);
        }
        let mut owned = text.into_owned();
        match rename_key(&mut owned, at, renamed.len()) {
            Some(key) => renamed.push((at, key)),
            None => return (Err(e), renamed),
        }
        text = std::borrow::Cow::Owned(owned);
    }
}

/// Writes another name over the object key at byte `at` of `text` (an identifier, or a
/// quoted string without escapes or interpolation): the `n`th such name, of the same length.
/// The key as written, or `None` when there is no such key there.
fn rename_key(text: &mut String, at: usize, n: usize) -> Option<String> {
    let rest = text.get(at..)?;
    let (start, len) = if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"')?;
        let inner = &quoted[..end];
        if inner.is_empty() || inner.contains(['\\', '\n']) || inner.contains("${") || inner.contains("%{") {
            return None;
        }
        (at + 1, end)
    } else {
        let len: usize =
            rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').map(char::len_utf8).sum();
        if len == 0 || rest.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            return None;
        }
        (at, len)
    };
    let key = text[start..start + len].to_string();
    text.replace_range(start..start + len, &fresh_name(len, n));
    Some(key)
}

/// An identifier of `len` bytes, different for each `n` below 26 × 10^(len-2).
fn fresh_name(len: usize, n: usize) -> String {
    let first = char::from(b'a' + (n % 26) as u8);
    let digits = format!("{:0>width$}", n / 26, width = len.saturating_sub(1));
    let mut out = String::with_capacity(len);
    out.push(first);
    out.extend(digits.chars().rev().take(len - 1));
    out
}

fn parse_failed(m: &mut Module, src: &SourceFile, line: usize, col: usize, message: crate::i18n::Message) {
    m.broken = true;
    m.diagnostics.push(Diagnostic {
        kind: DiagnosticKind::Parse,
        file: src.display_path().into(),
        line: line as u32,
        col: col as u32,
        message: msg!("diag-not-valid-syntax", syntax = "HCL", detail = message),
    });
}

fn hcl(src: &Arc<SourceFile>, e: &Expression) -> Ex {
    Ex { src: src.clone(), kind: ExKind::Hcl(Arc::new(e.clone())) }
}

fn attr<'b>(body: &'b Body, name: &str) -> Option<&'b Expression> {
    body.attributes().find(|a| a.key.as_str() == name).map(|a| &a.value)
}

/// The span of a block's identifier and labels.
fn labels_span(src: &SourceFile, b: &Block) -> Span {
    let start = b.ident.span().map(|r| r.start).unwrap_or(0);
    let end = b.labels.last().and_then(|l| l.span()).or(b.ident.span()).map(|r| r.end).unwrap_or(start);
    range_span(src, Some(start..end))
}

/// The span of a block's body: from its opening brace to the block's end.
fn body_span(src: &SourceFile, b: &Block) -> Span {
    let whole = b.span().unwrap_or(0..0);
    let after = b.labels.last().and_then(|l| l.span()).or(b.ident.span()).map(|r| r.end).unwrap_or(whole.start);
    let open = src.text.get(after..).and_then(|t| t.find('{')).map(|i| after + i).unwrap_or(whole.start);
    range_span(src, Some(open..whole.end.max(open)))
}

fn read_hcl(m: &mut Module, src: &Arc<SourceFile>, body: Body) {
    for mut b in body.into_iter().filter_map(|s| s.into_block().ok()) {
        let labels: Vec<String> = b.labels.iter().map(|l| l.as_str().to_string()).collect();
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        match (b.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => m.variables.push(Variable {
                name: name.to_string(),
                span: labels_span(src, &b),
                type_text: attr(&b.body, "type")
                    .and_then(|e| e.span())
                    .and_then(|r| src.text.get(r))
                    .unwrap_or("any")
                    .to_string(),
                ty: attr(&b.body, "type").map(|e| hcl(src, e)),
                default: attr(&b.body, "default").map(|e| hcl(src, e)),
                sensitive: attr(&b.body, "sensitive").and_then(Expression::as_bool).unwrap_or(false),
                nullable: attr(&b.body, "nullable").and_then(Expression::as_bool).unwrap_or(true),
            }),
            ("locals", []) => {
                for a in b.body.attributes() {
                    m.locals.insert(a.key.to_string(), hcl(src, &a.value));
                }
            }
            ("output", [name]) => {
                if let Some(v) = attr(&b.body, "value") {
                    m.outputs.insert(name.to_string(), hcl(src, v));
                }
            }
            (kw @ ("resource" | "data"), [rtype, name]) => m.resources.push(Resource {
                rtype: rtype.to_string(),
                name: name.to_string(),
                data: kw == "data",
                span: labels_span(src, &b),
                body_span: body_span(src, &b),
                count: attr(&b.body, "count").map(|e| hcl(src, e)),
                for_each: attr(&b.body, "for_each").map(|e| hcl(src, e)),
                body: Bod { src: src.clone(), kind: BodyKind::Hcl(Arc::new(std::mem::take(&mut b.body))) },
            }),
            ("module", [name]) => m.calls.push(Call {
                name: name.to_string(),
                span: labels_span(src, &b),
                source: attr(&b.body, "source").and_then(Expression::as_str).map(str::to_string),
                count: attr(&b.body, "count").map(|e| hcl(src, e)),
                for_each: attr(&b.body, "for_each").map(|e| hcl(src, e)),
                body: Bod { src: src.clone(), kind: BodyKind::Hcl(Arc::new(std::mem::take(&mut b.body))) },
            }),
            _ => {}
        }
    }
}

fn json(src: &Arc<SourceFile>, n: &Node) -> Ex {
    Ex { src: src.clone(), kind: ExKind::Json(Arc::new(n.clone())) }
}

/// The members of a JSON object, or of each object of an array of objects.
fn members(n: &Node) -> Vec<(&str, Span, &Node)> {
    match &n.kind {
        Kind::Map(entries) => {
            entries.iter().filter(|e| e.key != "//").map(|e| (e.key.as_str(), e.key_span, &e.value)).collect()
        }
        Kind::Seq(items) => items.iter().flat_map(members).collect(),
        _ => Vec::new(),
    }
}

fn member<'n>(n: &'n Node, key: &str) -> Option<&'n Node> {
    members(n).into_iter().find(|(k, _, _)| *k == key).map(|(_, _, v)| v)
}

fn read_json(m: &mut Module, src: &Arc<SourceFile>, root: &Node) {
    for (kw, _, v) in members(root) {
        match kw {
            "variable" => {
                for (name, span, b) in members(v) {
                    let ty = member(b, "type");
                    m.variables.push(Variable {
                        name: name.to_string(),
                        span,
                        type_text: ty.and_then(json_str).unwrap_or("any").to_string(),
                        ty: ty.map(|t| json(src, t)),
                        default: member(b, "default").map(|d| json(src, d)),
                        sensitive: member(b, "sensitive").is_some_and(|s| s.kind == Kind::Bool(true)),
                        nullable: !member(b, "nullable").is_some_and(|s| s.kind == Kind::Bool(false)),
                    });
                }
            }
            "locals" => {
                for (name, _, e) in members(v) {
                    m.locals.insert(name.to_string(), json(src, e));
                }
            }
            "output" => {
                for (name, _, b) in members(v) {
                    if let Some(e) = member(b, "value") {
                        m.outputs.insert(name.to_string(), json(src, e));
                    }
                }
            }
            "resource" | "data" => {
                for (rtype, _, by_name) in members(v) {
                    for (name, span, b) in members(by_name) {
                        m.resources.push(Resource {
                            rtype: rtype.to_string(),
                            name: name.to_string(),
                            data: kw == "data",
                            span,
                            body_span: b.span,
                            body: Bod { src: src.clone(), kind: BodyKind::Json(Arc::new(b.clone())) },
                            count: member(b, "count").map(|e| json(src, e)),
                            for_each: member(b, "for_each").map(|e| json(src, e)),
                        });
                    }
                }
            }
            "module" => {
                for (name, span, b) in members(v) {
                    m.calls.push(Call {
                        name: name.to_string(),
                        span,
                        source: member(b, "source").and_then(json_str).map(str::to_string),
                        body: Bod { src: src.clone(), kind: BodyKind::Json(Arc::new(b.clone())) },
                        count: member(b, "count").map(|e| json(src, e)),
                        for_each: member(b, "for_each").map(|e| json(src, e)),
                    });
                }
            }
            _ => {}
        }
    }
}

fn json_str(n: &Node) -> Option<&str> {
    match &n.kind {
        Kind::String(s) => Some(s),
        _ => None,
    }
}

/// The members of a JSON object (none for other values).
pub(crate) fn object_entries(n: &Node) -> &[crate::value::Entry] {
    match &n.kind {
        Kind::Map(entries) => entries,
        _ => &[],
    }
}
