//! The human-readable report: findings grouped by file, each with a source snippet, then the
//! diagnostics, then a summary.
//!
//! Snippets are drawn by `annotate-snippets`: the finding's span underlined with carets, the
//! related locations of the same file a few lines away underlined with their messages, then
//! the resource, the other related locations, the fix and the rule's documentation as notes.
//! A diagnostic at a place in a file that was analysed shows that line the same way. Lines are
//! cut to a window and cleaned of control characters before they are drawn (`snippet`).
//! Colours are `anstyle` styles.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Effects, Style};

use super::snippet::{self, Window};
use super::{RenderOptions, ScanReport, count_by_layer, count_by_severity, files_with_errors, par_write};
use crate::finding::{Finding, Related, Severity};
use crate::i18n::{Lang, label, label_count};
use crate::rules::RuleMeta;
use crate::source::{Location, SourceFile, Span};

const BOLD: Style = Style::new().effects(Effects::BOLD);
const GUTTER: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);
const RED: Style = AnsiColor::Red.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
/// The marks and labels of a snippet's annotations other than the finding's.
const CONTEXT: Style = AnsiColor::BrightBlue.on_default().effects(Effects::BOLD);

/// Related locations of the same file this many lines around the finding's line are drawn in
/// its snippet, labelled; the others are listed after it.
const RELATED_IN_SNIPPET: u32 = 4;

/// Wraps text in ANSI escapes, or not at all when color is off.
#[derive(Clone, Copy)]
struct Painter {
    color: bool,
    lang: Lang,
}

impl Painter {
    fn paint(self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() { format!("{style}{text}{style:#}") } else { text.to_string() }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        self.paint(severity_style(severity), text)
    }

    /// Appends what `write` writes, wrapped in `style` when it writes something.
    fn paint_into(self, out: &mut String, style: Style, write: impl FnOnce(&mut String)) {
        if !self.color {
            write(out);
            return;
        }
        let start = out.len();
        let _ = write!(out, "{style}");
        let content = out.len();
        write(out);
        if out.len() == content {
            out.truncate(start);
        } else {
            let _ = write!(out, "{style:#}");
        }
    }

    /// The renderer of snippets, styled like the rest of the report when color is on.
    fn renderer(self) -> Renderer {
        let r = if self.color {
            Renderer::styled()
                .line_num(GUTTER)
                .error(level_style(Severity::High))
                .warning(level_style(Severity::Medium))
                .info(level_style(Severity::Low))
                .note(level_style(Severity::Info))
                .context(CONTEXT)
                .help(BOLD)
                .emphasis(BOLD)
        } else {
            Renderer::plain()
        };
        // Lines are cut to a window before they are drawn (see `snippet`): never again.
        r.term_width(usize::MAX / 2)
    }

    /// The styles [`Painter::renderer`] draws a snippet of a finding of `severity` in.
    fn snippet_styles(self, severity: Severity) -> snippet::Styles {
        if self.color {
            snippet::Styles { gutter: GUTTER, primary: level_style(severity), context: CONTEXT }
        } else {
            snippet::Styles::default()
        }
    }

    /// A finding's lines and carets, drawn by hand when they have the common shape, else by
    /// `renderer` (which must be [`Painter::renderer`]): the same text either way.
    fn snippet(self, renderer: &Renderer, drawn: &Drawn, severity: Severity) -> String {
        snippet::draw(drawn.first as usize, &drawn.text, &drawn.annotations, &self.snippet_styles(severity))
            .unwrap_or_else(|| renderer.render(&[Group::with_level(severity_level(severity)).element(drawn.snippet())]))
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Critical | Severity::High => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Severity::Medium => AnsiColor::Yellow.on_default(),
        Severity::Low => AnsiColor::Cyan.on_default(),
        Severity::Info => Style::new().effects(Effects::DIMMED),
    }
}

/// The style of the carets of a snippet of a finding of `severity` (its level's style).
fn level_style(severity: Severity) -> Style {
    match severity {
        Severity::Info => BOLD,
        _ => severity_style(severity),
    }
}

/// The snippet renderer's level for a severity (it colours the carets).
fn severity_level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Critical | Severity::High => Level::ERROR,
        Severity::Medium => Level::WARNING,
        Severity::Low => Level::INFO,
        Severity::Info => Level::NOTE,
    }
}

/// Renders the text report.
pub fn render(report: &ScanReport, opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write(report, opts, &mut out);
    into_string(out)
}

/// Text written by the report's writers, which write only `str`s.
pub(crate) fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the text report to `sink` as it is rendered, a batch of findings at a time.
pub fn write(report: &ScanReport, opts: &RenderOptions, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let p = Painter { color: opts.color, lang: opts.lang };
    let renderer = p.renderer();

    if !opts.quiet {
        // Grouped by file (sorted), keeping the report's order within a file. The findings
        // come sorted by file already, so the stable sort only checks that.
        let mut order: Vec<&Finding> = report.findings.iter().collect();
        order.sort_by(|a, b| a.location.file.cmp(&b.location.file));
        let notes = NotePrefixes::new(p, &renderer);
        par_write(&order, sink, |out, _, chunk| {
            let mut drawer = Drawer::new(p, &renderer, notes.clone());
            let mut source: Option<(&str, Option<&SourceFile>)> = None;
            for f in chunk {
                let file: &str = &f.location.file;
                let src = match source {
                    Some((name, src)) if name == file => src,
                    _ => {
                        let src = report.files.get(file).map(|s| &**s);
                        source = Some((file, src));
                        src
                    }
                };
                render_finding(out, p, &mut drawer, f, src);
                out.push('\n');
            }
        })?;
    }

    let mut out = String::new();
    if !report.diagnostics.is_empty() {
        for d in &report.diagnostics {
            let style = if d.is_error() { RED } else { YELLOW };
            let _ = writeln!(out, "{}", p.paint(style, &clean(&d.render(p.lang))));
            // The place in a file that was analysed, when the diagnostic names one.
            let at = Location::new(d.file.clone(), diagnostic_span(d));
            if d.line > 0
                && let Some(drawn) = report.files.get(&d.file).and_then(|src| source_lines(src, &at, &[]))
            {
                // Drawn at the level of a finding of this severity.
                let severity = if d.is_error() { Severity::High } else { Severity::Medium };
                out.push_str(&p.snippet(&renderer, &drawn, severity));
                out.push('\n');
            }
            // Written as they come: a template can have a diagnostic per resource.
            if out.len() >= 1 << 16 {
                sink.write_all(out.as_bytes())?;
                out.clear();
            }
        }
        out.push('\n');
    }

    render_summary(&mut out, p, report);
    sink.write_all(out.as_bytes())
}

/// Draws findings' snippets and notes. A snippet (the source lines and their carets) is
/// drawn by `annotate-snippets`; findings at the same place draw the same one, so the last is
/// kept and reused. The notes under it are lines of a fixed form, `= name: text`, indented to
/// the snippet's gutter: the part before the text is drawn by `annotate-snippets` once per
/// name, and each finding appends its text to it.
struct Drawer<'a> {
    painter: Painter,
    renderer: &'a Renderer,
    /// Each note's line up to its text, without the gutter's indentation.
    notes: NotePrefixes,
    last: Option<Last<'a>>,
    /// Each rule's remediation on one line (see [`push_one_line`]), by the rule's address: a
    /// rule reports many findings.
    fixes: std::collections::HashMap<*const RuleMeta, String>,
}

/// The last finding drawn, and its snippet.
struct Last<'a> {
    finding: &'a Finding,
    source: Option<&'a SourceFile>,
    drawn: Option<Drawn>,
    level: Level<'static>,
    /// The snippet as `annotate-snippets` draws it (empty without one).
    rendered: String,
}

/// The start of a note's line, as `annotate-snippets` draws it, per note name.
#[derive(Clone)]
struct NotePrefixes {
    resource: String,
    related: String,
    fix: String,
    docs: String,
}

impl NotePrefixes {
    fn new(p: Painter, renderer: &Renderer) -> NotePrefixes {
        // A note with a one-character text, drawn without a snippet: its line ends with that
        // text, unstyled.
        const TEXT: &str = "x";
        let prefix = |name: &str| {
            let note = Level::NOTE.with_name(label(p.lang, name)).message(TEXT);
            let line = renderer.render(&[Group::with_level(Level::NOTE).element(note)]);
            line.strip_suffix(TEXT).map(str::to_string).unwrap_or(line)
        };
        NotePrefixes {
            resource: prefix("text-resource"),
            related: prefix("text-related"),
            fix: prefix("text-fix"),
            docs: prefix("text-docs"),
        }
    }
}

impl<'a> Drawer<'a> {
    fn new(painter: Painter, renderer: &'a Renderer, notes: NotePrefixes) -> Drawer<'a> {
        Drawer { painter, renderer, notes, last: None, fixes: Default::default() }
    }

    /// `rule`'s remediation on one line (empty when it has none), once [`Drawer::draw`] drew
    /// a finding of it.
    fn fix(&self, rule: &RuleMeta) -> &str {
        self.fixes.get(&std::ptr::from_ref(rule)).map_or("", String::as_str)
    }

    /// Draws `f`'s snippet, if it has one, again only when it differs from the last one, and
    /// its rule's remediation the first time.
    fn draw(&mut self, f: &'a Finding, source: Option<&'a SourceFile>) {
        self.fixes.entry(std::ptr::from_ref(&*f.rule)).or_insert_with(|| {
            let mut fix = String::new();
            push_one_line(&mut fix, &f.rule.remediation);
            fix
        });
        let level = severity_level(f.severity);
        let same_source = |s: Option<&SourceFile>| match (s, source) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let same_place =
            |l: &Last<'_>| same_source(l.source) && l.finding.location == f.location && l.finding.related == f.related;
        let (painter, renderer) = (self.painter, self.renderer);
        let render = |drawn: &Option<Drawn>| {
            drawn.as_ref().map_or_else(String::new, |d| painter.snippet(renderer, d, f.severity))
        };
        match &mut self.last {
            Some(l) if same_place(l) => {
                if l.level != level {
                    l.rendered = render(&l.drawn);
                    l.level = level;
                }
                l.finding = f;
            }
            last => {
                let drawn = source.and_then(|src| source_lines(src, &f.location, &f.related));
                let same_lines = last.as_ref().is_some_and(|l| match (&l.drawn, &drawn) {
                    (Some(a), Some(b)) => a.same_lines(b),
                    (a, b) => a.is_none() && b.is_none(),
                });
                let rendered = match last.take() {
                    Some(l) if same_lines && l.level == level => l.rendered,
                    _ => render(&drawn),
                };
                *last = Some(Last { finding: f, source, drawn, level, rendered });
            }
        }
    }

    /// The rendering of the last snippet drawn, if the finding had one, and the related
    /// locations it draws.
    fn snippet(&self) -> Option<(&str, &[usize])> {
        let l = self.last.as_ref()?;
        Some((l.rendered.as_str(), &l.drawn.as_ref()?.related))
    }
}

fn render_finding<'a>(
    out: &mut String,
    p: Painter,
    drawer: &mut Drawer<'a>,
    f: &'a Finding,
    source: Option<&'a SourceFile>,
) {
    let span = f.location.span;
    p.paint_into(out, BOLD, |out| {
        push_clean(out, &f.location.file);
        let _ = write!(out, ":{}:{}", span.line, span.col);
    });
    out.push_str(": ");
    p.paint_into(out, BOLD, |out| out.push_str(&f.rule.id));
    out.push(' ');
    p.paint_into(out, severity_style(f.severity), |out| {
        out.push('[');
        out.push_str(f.severity.as_str());
        out.push(']');
    });
    out.push(' ');
    out.push_str(&f.rule.slug);
    out.push_str(": ");
    push_clean(out, &f.message());
    if let Some(w) = &f.when {
        let _ = write!(out, " ({} ", label(p.lang, "text-when"));
        push_clean(out, &w.render(p.lang));
        out.push(')');
    }
    out.push('\n');

    // The notes are indented by the width of the gutter's line numbers.
    let mut indent = 0;
    let mut shown: &[usize] = &[];
    drawer.draw(f, source);
    if let Some((snippet, related)) = drawer.snippet() {
        shown = related;
        // The snippet's first line is its gutter's empty line; it also separates the notes.
        let gutter = snippet.split('\n').next().unwrap_or_default();
        indent = gutter.bytes().take_while(|&b| b == b' ').count().saturating_sub(1);
        out.push_str(snippet);
        out.push('\n');
        out.push_str(gutter);
        out.push('\n');
    }
    let fix = drawer.fix(&f.rule);
    let notes = &drawer.notes;
    let note = |out: &mut String, prefix: &str| {
        out.extend(std::iter::repeat_n(' ', indent));
        out.push_str(prefix);
    };
    if let Some(r) = &f.resource {
        note(out, &notes.resource);
        push_clean(out, &r.id);
        out.push_str(" (");
        push_clean(out, &r.kind);
        out.push_str(")\n");
    }
    for (i, r) in f.related.iter().enumerate() {
        if shown.contains(&i) {
            continue;
        }
        note(out, &notes.related);
        let s = r.location.span;
        push_clean(out, &r.location.file);
        let _ = write!(out, ":{}:{}: ", s.line, s.col);
        push_clean(out, &r.message);
        out.push('\n');
    }
    if !fix.is_empty() {
        note(out, &notes.fix);
        out.push_str(fix);
        out.push('\n');
    }
    note(out, &notes.docs);
    out.push_str("palisade rule ");
    push_clean(out, &f.rule.id);
    out.push('\n');
}

/// An annotation of a drawn line: characters of its window before it and covered by it, and
/// the related location it draws (`None` for the finding's own span).
type Mark = (usize, usize, Option<usize>);

/// The source lines drawn for a finding: the line before its first, its first line, and the
/// lines of related locations of the same file near it, each cut to a window (`…` marks the
/// cuts) and cleaned; the annotations (the finding's span first, then the related locations'
/// with their messages) as byte ranges of that text.
#[derive(Debug)]
struct Drawn {
    first: u32,
    text: String,
    annotations: Vec<(std::ops::Range<usize>, Option<String>)>,
    /// The related locations drawn (indexes into the finding's list).
    related: Vec<usize>,
}

impl Drawn {
    /// The lines as a snippet: the first annotation primary, the others context.
    fn snippet(&self) -> Snippet<'_, annotate_snippets::Annotation<'_>> {
        let mut snip = Snippet::source(self.text.as_str()).line_start(self.first as usize).fold(false);
        for (i, (range, message)) in self.annotations.iter().enumerate() {
            let kind = if i == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
            snip = snip.annotation(kind.span(range.clone()).label(message.as_deref()));
        }
        snip
    }

    /// Whether `other` draws the same lines with the same annotations.
    fn same_lines(&self, other: &Drawn) -> bool {
        self.first == other.first && self.text == other.text && self.annotations == other.annotations
    }
}

/// A diagnostic's position as a span of one character (its byte offsets unknown, so that the
/// column places it).
fn diagnostic_span(d: &crate::finding::Diagnostic) -> Span {
    Span {
        start: u32::MAX,
        end: u32::MAX,
        line: d.line,
        col: d.col.max(1),
        end_line: d.line,
        end_col: d.col.max(1) + 1,
        ..Span::default()
    }
}

fn source_lines(src: &SourceFile, at: &Location, related: &[Related]) -> Option<Drawn> {
    let span = at.span;
    let (window, mark) = snippet::span_line(src, span)?;
    let line = span.line;
    // Each line's window start, and its annotations as (lead, length) in characters.
    let mut lines: std::collections::BTreeMap<u32, (usize, Vec<Mark>)> = Default::default();
    lines.insert(line, (window.from, vec![(mark.lead, mark.len, None)]));
    if line > 1 {
        lines.insert(line - 1, (window.from, Vec::new()));
    }
    for (i, r) in related.iter().enumerate() {
        let rs = r.location.span;
        if r.location.file != at.file || rs.line == 0 || rs.line.abs_diff(line) > RELATED_IN_SNIPPET {
            continue;
        }
        let Some((w, m)) = snippet::span_line(src, rs) else { continue };
        let entry = lines.entry(rs.line).or_insert((w.from, Vec::new()));
        // A related location on a line already cut elsewhere is listed instead.
        if entry.0 == w.from {
            entry.1.push((m.lead, m.len, Some(i)));
        }
    }
    let (&first, _) = lines.first_key_value()?;
    let (&last, _) = lines.last_key_value()?;
    let mut text = String::new();
    let mut annotations = Vec::new();
    let mut drawn = Vec::new();
    for n in first..=last {
        let from = lines.get(&n).map_or(window.from, |l| l.0);
        let w = src.line_text(n).map_or(Window { text: "", cut_before: false, cut_after: false, from: 0 }, |t| {
            if n == line { window } else { snippet::from(t, from) }
        });
        if n > first {
            text.push('\n');
        }
        let start = text.len();
        if w.cut_before {
            text.push(snippet::CUT);
        }
        push_clean(&mut text, if w.cut_after { w.text } else { w.text.trim_end() });
        if w.cut_after {
            text.push(snippet::CUT);
        }
        let shown = &text[start..];
        // The byte offset of the `c`th character of the line (its end past the last).
        let byte_at = |c: usize| start + shown.char_indices().nth(c).map_or(shown.len(), |(b, _)| b);
        for &(lead, len, rel) in lines.get(&n).map_or(&[][..], |l| &l.1[..]) {
            let lead = lead + usize::from(w.cut_before);
            annotations.push((byte_at(lead)..byte_at(lead + len), rel.map(|i| clean(&related[i].message))));
            drawn.extend(rel);
        }
    }
    // The finding's span first.
    annotations.sort_by_key(|(_, m)| m.is_some());
    Some(Drawn { first, text, annotations, related: drawn })
}

/// Whether [`clean`] would change `text`: it has a control character other than tab (C0, DEL,
/// or C1, whose UTF-8 encoding starts with 0xC2).
fn has_control(text: &str) -> bool {
    // Without stopping early, so that the compiler can check many bytes at once.
    text.bytes().fold(false, |any, b| any | ((b < 0x20 && b != b'\t') || b == 0x7f || b == 0xc2))
}

/// Appends `text` with control characters replaced, as [`clean`] does.
fn push_clean(out: &mut String, text: &str) {
    if has_control(text) {
        out.extend(text.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }));
    } else {
        out.push_str(text);
    }
}

/// Replaces control characters (other than tab) with U+FFFD, one for one, so that text from
/// scanned files can neither inject terminal escapes nor break the line structure, and columns
/// still line up.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_clean(&mut out, text);
    out
}

/// Appends a possibly multi-line text collapsed to one line (words joined by one space),
/// cleaned.
fn push_one_line(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_clean(out, word);
    }
}

fn render_summary(out: &mut String, p: Painter, report: &ScanReport) {
    let lang = p.lang;
    let files = label_count(lang, "text-files", report.files_scanned, &[]);
    let errors = files_with_errors(report);
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", label_count(lang, "text-no-findings", report.files_scanned, &[("files", &files)]));
        if errors > 0 {
            let _ = writeln!(out, "{}", label_count(lang, "text-files-with-errors", errors, &[]));
        }
        return;
    }
    let severities: Vec<String> = count_by_severity(&report.findings)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| p.severity(s, &format!("{n} {}", label(lang, &format!("severity-{s}")))))
        .collect();
    let layers: Vec<String> = count_by_layer(&report.findings)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(l, n)| format!("{n} {}", label(lang, &format!("text-layer-{l}"))))
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        p.paint(BOLD, &label_count(lang, "text-findings", report.findings.len(), &[])),
        severities.join(", ")
    );
    let _ = writeln!(out, "{}: {}", label(lang, "text-by-layer"), layers.join(", "));
    let _ = writeln!(out, "{}", label_count(lang, "text-scanned", errors, &[("files", &files)]));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The plain rendering of a finding at `span` of a one-file scan of `text`, without its
    /// header line.
    fn drawn(text: &str, span: Span, related: Vec<(Span, &str)>) -> String {
        let src = crate::source::SourceFile::new("t.yaml", text.to_string());
        let rule = crate::rules::all()[0].meta.clone();
        let file: std::sync::Arc<str> = "t.yaml".into();
        let f = Finding {
            rule,
            severity: Severity::High,
            template: "m".into(),
            location: crate::source::Location::new(file.clone(), span),
            resource: None,
            related: related
                .into_iter()
                .map(|(s, m)| crate::finding::Related::new(crate::source::Location::new(file.clone(), s), m))
                .collect(),
            when: None,
            subject: None,
        };
        let p = Painter { color: false, lang: Lang::En };
        let mut out = String::new();
        let renderer = p.renderer();
        let mut drawer = Drawer::new(p, &renderer, NotePrefixes::new(p, &renderer));
        render_finding(&mut out, p, &mut drawer, &f, Some(&src));
        out.split_once('\n').unwrap().1.to_string()
    }

    /// The finding's snippet and notes drawn by `annotate-snippets` as one group.
    fn drawn_whole(p: Painter, f: &Finding, src: Option<&SourceFile>) -> String {
        let drawn = src.and_then(|src| source_lines(src, &f.location, &f.related));
        let mut group = Group::with_level(severity_level(f.severity));
        if let Some(d) = &drawn {
            group = group.element(d.snippet());
        }
        let note = |name: &str, text: String| Level::NOTE.with_name(label(p.lang, name)).message(text);
        if let Some(r) = &f.resource {
            group = group.element(note("text-resource", format!("{} ({})", clean(&r.id), clean(&r.kind))));
        }
        for r in f.related.iter().enumerate().filter(|(i, _)| drawn.as_ref().is_none_or(|d| !d.related.contains(i))) {
            let s = r.1.location.span;
            group = group
                .element(note("text-related", format!("{}:{}:{}: {}", r.1.location.file, s.line, s.col, r.1.message)));
        }
        let mut fix = String::new();
        push_one_line(&mut fix, &f.rule.remediation);
        group = group.element(note("text-fix", fix));
        group = group.element(note("text-docs", format!("palisade rule {}", f.rule.id)));
        p.renderer().render(&[group]) + "\n"
    }

    #[test]
    fn notes_and_reused_snippets_draw_as_annotate_snippets_does() {
        let text = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\nk:\t\"é€😀\"\n";
        let src = crate::source::SourceFile::new("t.yaml", text.to_string());
        let file: std::sync::Arc<str> = "t.yaml".into();
        let rules = crate::rules::all();
        let at = |s: Span| crate::source::Location::new(file.clone(), s);
        let related = |s: Span, m: &str| crate::finding::Related::new(at(s), m);
        let resource = crate::finding::ResourceRef { id: "B\t1 é".into(), kind: "AWS::S3::Bucket".into() };
        let mut findings = Vec::new();
        for (i, (sp, rel)) in [
            (span(2, 5, 1, 6, 2, 2), vec![]),
            (
                span(2, 5, 1, 6, 2, 2),
                vec![related(span(3, 10, 1, 11, 3, 2), "near"), related(span(11, 60, 1, 61, 11, 2), "far")],
            ),
            (span(9, 40, 1, 44, 9, 5), vec![related(span(11, 58, 1, 59, 11, 2), "ten\tand more")]),
            (span(11, 58, 1, 62, 11, 5), vec![]),
            (span(0, 0, 0, 0, 0, 0), vec![]),
        ]
        .into_iter()
        .enumerate()
        {
            // Two findings at each place, of different rules and severities.
            for (j, severity) in [Severity::High, Severity::Low].into_iter().enumerate() {
                findings.push(Finding {
                    rule: rules[(i * 2 + j) % rules.len()].meta.clone(),
                    severity,
                    template: "m".into(),
                    location: at(sp),
                    resource: (j == 0).then(|| resource.clone()),
                    related: rel.clone().into(),
                    when: None,
                    subject: None,
                });
            }
        }
        for color in [false, true] {
            for lang in [Lang::En, Lang::Ko] {
                let p = Painter { color, lang };
                let renderer = p.renderer();
                let mut drawer = Drawer::new(p, &renderer, NotePrefixes::new(p, &renderer));
                for f in &findings {
                    for source in [Some(&src), None] {
                        let mut out = String::new();
                        render_finding(&mut out, p, &mut drawer, f, source);
                        let body = out.split_once('\n').unwrap().1;
                        assert_eq!(body, drawn_whole(p, f, source), "{color} {lang:?} {:?}", f.location.span);
                    }
                }
            }
        }
    }

    /// The snippet as `annotate-snippets` draws it, and as [`Painter::snippet`] draws it.
    fn both_ways(p: Painter, drawn: &Drawn, severity: Severity) -> (String, String, bool) {
        let renderer = p.renderer();
        let slow = renderer.render(&[Group::with_level(severity_level(severity)).element(drawn.snippet())]);
        let by_hand =
            snippet::draw(drawn.first as usize, &drawn.text, &drawn.annotations, &p.snippet_styles(severity)).is_some();
        (slow, p.snippet(&renderer, drawn, severity), by_hand)
    }

    const SEVERITIES: [Severity; 5] =
        [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    /// A generated line: indentation, text, and whether it shows cuts at either end.
    fn line_strategy(chars: &'static str, indent: usize) -> impl Strategy<Value = String> {
        let chars: Vec<char> = chars.chars().collect();
        (0..=indent, proptest::collection::vec(proptest::sample::select(chars), 0..30), any::<(bool, bool)>()).prop_map(
            |(indent, text, (before, after))| {
                let mut line = " ".repeat(indent);
                if before {
                    line.insert(0, snippet::CUT);
                }
                line.extend(text);
                if after {
                    line.push(snippet::CUT);
                }
                line
            },
        )
    }

    /// Annotations as (line, first character, characters, label).
    type Marks = Vec<(usize, usize, usize, Option<String>)>;

    fn marks_strategy(lines: usize) -> impl Strategy<Value = Marks> {
        let label = proptest::option::of(proptest::sample::select(vec!["", "near", "ten\tand more", "가까운 곳", "x"]));
        proptest::collection::vec((0..lines, 0usize..40, 0usize..6, label.prop_map(|l| l.map(str::to_string))), 1..4)
    }

    /// The lines as a `Drawn` numbered from `first`, with the marks (clamped to their lines).
    fn drawn_of(first: u32, lines: &[String], marks: &Marks) -> Drawn {
        let text = lines.join("\n");
        let mut starts = vec![0];
        for l in lines {
            starts.push(starts.last().unwrap() + l.len() + 1);
        }
        let byte = |line: usize, c: usize| {
            starts[line] + lines[line].char_indices().nth(c).map_or(lines[line].len(), |(b, _)| b)
        };
        let annotations = marks
            .iter()
            .enumerate()
            .map(|(i, (line, lead, len, label))| {
                (byte(*line, *lead)..byte(*line, lead + len), if i == 0 { None } else { label.clone() })
            })
            .collect();
        Drawn { first, text, annotations, related: Vec::new() }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Lines of the common shape are drawn by hand, as `annotate-snippets` draws them.
        #[test]
        fn common_snippets_draw_as_annotate_snippets_does(
            first in prop_oneof![Just(1u32), Just(9), Just(10), Just(99), Just(100), Just(99_999), 1u32..200_000],
            lines in proptest::collection::vec(line_strategy(" ab:{}\"-,^|", snippet::LONG_INDENT), 1..6),
            marks in marks_strategy(6),
            color: bool,
            severity in proptest::sample::select(SEVERITIES.to_vec()),
        ) {
            let mut marks = marks;
            // One mark per line, on the lines there are.
            let mut seen = std::collections::BTreeSet::new();
            marks.retain(|m| m.0 < lines.len() && seen.insert(m.0));
            prop_assume!(!marks.is_empty() && !lines.last().unwrap().is_empty());
            let drawn = drawn_of(first, &lines, &marks);
            let (slow, fast, by_hand) = both_ways(Painter { color, lang: Lang::En }, &drawn, severity);
            prop_assert!(by_hand, "{drawn:?}");
            prop_assert_eq!(fast, slow, "{:?}", drawn);
        }

        /// Any other lines, drawn by hand or not, are drawn as `annotate-snippets` draws them.
        #[test]
        fn any_snippet_draws_as_annotate_snippets_does(
            first in prop_oneof![Just(1u32), Just(9), Just(99), 1u32..200_000],
            lines in proptest::collection::vec(line_strategy(" aaaa:::: bb\té한\u{200d}\u{fffd}", 40), 1..5),
            marks in marks_strategy(5),
            color: bool,
            severity in proptest::sample::select(SEVERITIES.to_vec()),
        ) {
            let mut marks = marks;
            marks.retain(|m| m.0 < lines.len());
            prop_assume!(!marks.is_empty());
            let drawn = drawn_of(first, &lines, &marks);
            let (slow, fast, _) = both_ways(Painter { color, lang: Lang::En }, &drawn, severity);
            prop_assert_eq!(fast, slow, "{:?}", drawn);
        }

        /// Findings in generated files (long lines cut, spans over several lines, past the end
        /// of their line or empty, related locations nearby) draw as `annotate-snippets` does.
        #[test]
        fn snippets_of_findings_draw_as_annotate_snippets_does(
            file in proptest::collection::vec(
                prop_oneof![
                    4 => line_strategy(" ab:-\"", 30).prop_map(|l| l.replace(snippet::CUT, "")),
                    1 => "[a-z: ]{190,420}",
                    1 => Just(String::new()),
                ],
                1..40,
            ),
            at in (0usize..40, 0usize..500, 0usize..3, 0usize..500),
            related in proptest::collection::vec((0usize..40, 0usize..500, "[a-z ]{0,8}"), 0..3),
            color: bool,
            severity in proptest::sample::select(SEVERITIES.to_vec()),
        ) {
            let text = file.join("\n") + "\n";
            let src = crate::source::SourceFile::new("t.yaml", text.clone());
            let name: std::sync::Arc<str> = "t.yaml".into();
            // A span from character `col` of 0-based `line` to character `end_col` of `end_line`.
            let span_at = |line: usize, col: usize, end_line: usize, end_col: usize| {
                let line = line.min(file.len() - 1);
                let end_line = end_line.min(file.len() - 1).max(line);
                let offset = |l: usize, c: usize| {
                    file[..l].iter().map(|x| x.len() + 1).sum::<usize>() + file[l].len().min(c)
                };
                let start = offset(line, col);
                let end = offset(end_line, end_col).max(start);
                let col = col.min(file[line].len()) as u32 + 1;
                let end_col = (end - offset(end_line, 0)) as u32 + 1;
                Span { start: start as u32, end: end as u32, line: line as u32 + 1, col, end_line: end_line as u32 + 1, end_col, ..Span::default() }
            };
            let (line, col, lines, len) = at;
            let span = span_at(line, col, line + lines, if lines == 0 { col + len % 12 } else { len });
            let related: Vec<Related> = related
                .iter()
                .map(|(l, c, m)| {
                    let near = (span.line as usize - 1 + l % 9).saturating_sub(4);
                    Related::new(Location::new(name.clone(), span_at(near, *c, near, c + 3)), m.clone())
                })
                .collect();
            let drawn = source_lines(&src, &Location::new(name, span), &related);
            prop_assume!(drawn.is_some());
            let drawn = drawn.unwrap();
            let (slow, fast, _) = both_ways(Painter { color, lang: Lang::En }, &drawn, severity);
            prop_assert_eq!(fast, slow, "{:?}", drawn);
        }
    }

    /// A span of `line` from byte `start` (column `col`) to byte `end` of line `end_line`.
    fn span(line: u32, start: u32, col: u32, end: u32, end_line: u32, end_col: u32) -> Span {
        Span { start, end, line, col, end_line, end_col, ..Span::default() }
    }

    #[test]
    fn carets_cover_the_span_on_one_line() {
        let out = drawn("x: 1\n  a: false\n", span(2, 10, 6, 15, 2, 11), vec![]);
        assert!(out.starts_with("  |\n1 | x: 1\n2 |   a: false\n  |      ^^^^^\n"), "{out}");
    }

    #[test]
    fn carets_run_to_the_end_of_the_line_for_multi_line_spans() {
        let out = drawn("  a: |\n    x\n    y\n", span(1, 2, 3, 16, 3, 5), vec![]);
        assert!(out.contains("1 |   a: |\n  |   ^^^^\n"), "{out}");
    }

    #[test]
    fn carets_past_the_end_of_the_line_do_not_panic() {
        let out = drawn("ab", span(1, 9, 10, 11, 1, 12), vec![]);
        assert!(out.contains("1 | ab\n  |   ^"), "{out}");
        let out = drawn("", span(0, 0, 0, 0, 0, 0), vec![]);
        assert!(out.contains("= docs"), "{out}");
    }

    #[test]
    fn related_locations_nearby_are_drawn_in_the_snippet_and_others_listed() {
        let text = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\n";
        let out = drawn(
            text,
            span(2, 5, 1, 6, 2, 2),
            vec![(span(3, 10, 1, 11, 3, 2), "near"), (span(8, 35, 1, 36, 8, 2), "far")],
        );
        assert!(out.contains("2 | b: 2\n  | ^\n3 | c: 3\n  | - near\n"), "{out}");
        assert!(out.contains("= related: t.yaml:8:1: far\n"), "{out}");
        assert!(!out.contains("related: t.yaml:3:1"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_with_the_carets_under_the_span() {
        let line = format!("{}SPAN{}", "é".repeat(5000), "x".repeat(5000));
        let at = line.find("SPAN").unwrap() as u32;
        let out = drawn(&line, span(1, at, 5001, at + 4, 1, 5005), vec![]);
        let lines: Vec<&str> = out.lines().collect();
        let (source, carets) = (lines[1], lines[2]);
        assert!(source.starts_with("1 | …é") && source.ends_with("x…") && source.chars().count() < 210, "{source}");
        let first = carets.find('^').unwrap();
        let under: String = source.chars().skip(carets[..first].chars().count()).take(4).collect();
        assert_eq!(under, "SPAN", "{source}\n{carets}");
    }

    #[test]
    fn diagnostics_in_analysed_files_show_their_line() {
        let mut report = ScanReport::default();
        let file: std::sync::Arc<str> = "t.yaml".into();
        let src = crate::source::SourceFile::new("t.yaml", "a: 1\nb: !Ref X\n".to_string());
        report.files.insert(file.clone(), std::sync::Arc::new(src));
        let kind = crate::finding::DiagnosticKind::Invalid;
        report.diagnostics.push(crate::finding::Diagnostic { kind, file, line: 2, col: 9, message: "m".into() });
        // A file that was not analysed has only its line.
        let kind = crate::finding::DiagnosticKind::Parse;
        let other = "u.yaml".into();
        report.diagnostics.push(crate::finding::Diagnostic { kind, file: other, line: 1, col: 1, message: "n".into() });
        let out = render(&report, &RenderOptions::default());
        assert!(out.starts_with("t.yaml:2:9: error: invalid: m\n  |\n1 | a: 1\n2 | b: !Ref X\n  |         ^\nu.yaml:1:1: error: cannot parse: n\n\n"), "{out}");
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(clean("a\x1b[31mb\tc\u{9b}d\re"), "a\u{fffd}[31mb\tc\u{fffd}d\u{fffd}e");
    }

    #[test]
    fn fast_path_agrees_with_the_character_test() {
        for c in (0u32..0x300).filter_map(char::from_u32).chain(['\u{2028}', '\u{feff}', '€']) {
            let s = format!("a{c}b");
            let slow: String = s.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }).collect();
            assert_eq!(clean(&s), slow, "{:?}", c);
        }
    }

    #[test]
    fn one_line_collapses_whitespace() {
        let mut s = String::new();
        push_one_line(&mut s, "  a\n  b\tc\u{85}d\x1be  ");
        assert_eq!(s, "a b c d\u{fffd}e");
    }

    #[test]
    fn painting_skips_empty_text() {
        let p = Painter { color: true, lang: Lang::En };
        let mut s = String::new();
        p.paint_into(&mut s, BOLD, |_| {});
        assert_eq!(s, "");
        p.paint_into(&mut s, BOLD, |o| o.push('x'));
        assert_eq!(s, format!("{BOLD}x{BOLD:#}"));
    }
}
