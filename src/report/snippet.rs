//! Source lines cut to a window around a span, so that a finding on a very long line (a
//! minified template) shows a snippet of bounded size. Lines of at most [`WIDTH`] characters
//! are shown whole; the work done is proportional to the window, not to the line.
//!
//! Also draws the common snippets of the text report by hand ([`draw`]), as `annotate-snippets`
//! draws them, at a fraction of its cost.

use std::fmt::Write as _;
use std::ops::Range;

use anstyle::Style;

use crate::source::{SourceFile, Span};

/// Most characters of one line shown.
pub(crate) const WIDTH: usize = 200;
/// Characters kept before the span when a line is cut (more when the span is near the end).
const BEFORE: usize = 60;
/// Marks where a line was cut.
pub(crate) const CUT: char = '…';

/// The part of a line that is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window<'a> {
    /// The text shown.
    pub text: &'a str,
    /// Whether the line goes on before and after `text`.
    pub cut_before: bool,
    pub cut_after: bool,
    /// Byte offset of `text` in the line.
    pub from: usize,
}

/// The span's place in the window of its first line: characters of the window before it, and
/// characters it covers in the window (at least 1, for an empty span or one past the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub lead: usize,
    pub len: usize,
}

/// The byte range of `span` within its first line `line` (which starts at byte `line_start` of
/// the file): from the span's byte offsets when they lie on the line, else from its columns.
/// A span that goes on past the line ends at the line's end.
pub(crate) fn span_in_line(line: &str, line_start: u32, span: Span) -> (usize, usize) {
    let in_line = |offset: u32| {
        let rel = offset.checked_sub(line_start)? as usize;
        (rel <= line.len() && line.is_char_boundary(rel)).then_some(rel)
    };
    let by_col = |col: u32| line.char_indices().nth(col.max(1) as usize - 1).map_or(line.len(), |(i, _)| i);
    let start = in_line(span.start).unwrap_or_else(|| by_col(span.col));
    let end =
        if span.end_line != span.line { line.len() } else { in_line(span.end).unwrap_or_else(|| by_col(span.end_col)) };
    (start, end.max(start))
}

/// The window of `line` around the byte range `start..end` (character boundaries), and where
/// the range falls in it.
pub(crate) fn around(line: &str, start: usize, end: usize) -> (Window<'_>, Mark) {
    let start = start.min(line.len());
    let end = end.clamp(start, line.len());
    let mut from = back(line, start, BEFORE);
    let (mut to, shown) = forward(line, from, WIDTH);
    if to == line.len() && shown < WIDTH {
        from = back(line, from, WIDTH - shown);
    }
    if line.len() <= WIDTH {
        // At most WIDTH characters: shown whole.
        (from, to) = (0, line.len());
    }
    let lead = line[from..start].chars().count();
    let len = line[start..end.min(to)].chars().count().max(1);
    let window = Window { text: &line[from..to], cut_before: from > 0, cut_after: to < line.len(), from };
    (window, Mark { lead, len })
}

/// The window of another line of the same snippet: the whole line when it has at most
/// [`WIDTH`] characters, else [`WIDTH`] characters from byte `from` (moved back to a character
/// boundary), so that long lines cut alike stay aligned.
pub(crate) fn from(line: &str, from: usize) -> Window<'_> {
    if forward(line, 0, WIDTH).0 == line.len() {
        return Window { text: line, cut_before: false, cut_after: false, from: 0 };
    }
    let mut from = from.min(line.len());
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let (to, _) = forward(line, from, WIDTH);
    Window { text: &line[from..to], cut_before: from > 0, cut_after: to < line.len(), from }
}

/// The text of 1-based `line` of `src` with the window for `span` (a span starting on it).
pub(crate) fn span_line(src: &SourceFile, mut span: Span) -> Option<(Window<'_>, Mark)> {
    let text = src.line_text(span.line)?;
    let line_start = src.line_start(span.line)?;
    // A span known by its columns only (a diagnostic's) is placed by the file, which finds a
    // column's offset without walking the line to it.
    let line_end = line_start + text.len() as u32;
    if !(line_start..=line_end).contains(&span.start) {
        span.start = src.offset_of(span.line, span.col.max(1) - 1);
        if span.end_line == span.line {
            span.end = src.offset_of(span.line, span.end_col.max(1) - 1);
        }
    }
    let (start, end) = span_in_line(text, line_start, span);
    Some(around(text, start, end))
}

/// The byte offset `n` characters before `at` (or the line's start).
fn back(line: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    line[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i)
}

/// The byte offset `n` characters after `at` (or the line's end), and how many were passed.
fn forward(line: &str, at: usize, n: usize) -> (usize, usize) {
    let mut shown = 0;
    // A character starts at each byte that does not go on with one (UTF-8: not 0b10xxxxxx).
    for (i, _) in line.as_bytes()[at..].iter().enumerate().filter(|&(_, b)| b & 0xc0 != 0x80) {
        if shown == n {
            return (at + i, shown);
        }
        shown += 1;
    }
    (line.len(), shown)
}

/// The styles of a snippet's parts: the gutter (line numbers and bars), the primary
/// annotation's marks and label, and the other annotations'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Styles {
    pub gutter: Style,
    pub primary: Style,
    pub context: Style,
}

/// Leading blanks past which `annotate-snippets` shortens the lines on the left (it keeps
/// 16 of more than 20 beyond a padding of 6), which [`draw`] leaves to it.
pub(crate) const LONG_INDENT: usize = 26;

/// Draws `text` (lines numbered from `first`) with `annotations` (byte ranges of `text` and
/// their labels; the first primary, the others context) exactly as `annotate-snippets` draws a
/// group holding only that snippet, unfolded, with the [`Styles`] its renderer was given and an
/// unbounded width. Only the common shape is drawn: lines of printable ASCII (cut or not), at most
/// one annotation per line and within it, lines not indented enough to be shortened, the last
/// line not empty. `None` for anything else, which is left to `annotate-snippets`.
pub(crate) fn draw(
    first: usize,
    text: &str,
    annotations: &[(Range<usize>, Option<String>)],
    styles: &Styles,
) -> Option<String> {
    if text.is_empty() || text.ends_with('\n') {
        return None;
    }
    // Each line's byte range, and its annotation.
    let mut lines: Vec<(Range<usize>, Option<Marked>)> = Vec::with_capacity(2);
    let mut start = 0;
    for line in text.split('\n') {
        // Printable ASCII, cut or not: characters one column wide that are drawn as they are.
        let uncut = line.strip_prefix(CUT).unwrap_or(line);
        let uncut = uncut.strip_suffix(CUT).unwrap_or(uncut);
        if !uncut.bytes().fold(true, |printable, b| printable & matches!(b, b' '..=b'~')) {
            return None;
        }
        lines.push((start..start + line.len(), None));
        start += line.len() + 1;
    }
    // Characters of `line` before byte `at`: columns.
    let column = |line: &Range<usize>, at: usize| text.get(line.start..at).map(|s| s.chars().count());
    let mut indent = usize::MAX;
    for (i, (range, _)) in annotations.iter().enumerate() {
        let (line, mark) = lines.iter_mut().find(|(l, _)| l.start <= range.start && range.start <= l.end)?;
        if mark.is_some() || range.end < range.start || range.end > line.end {
            return None;
        }
        let (from, to) = (column(line, range.start)?, column(line, range.end)?);
        indent = indent.min(from);
        *mark = Some((from, to.max(from + 1), i));
    }
    for (line, _) in &lines {
        let shown = &text[line.clone()];
        if shown.bytes().any(|b| b != b' ') {
            indent = indent.min(shown.bytes().take_while(|&b| b == b' ').count());
        }
    }
    if indent != usize::MAX && indent > LONG_INDENT {
        return None;
    }

    let width = digits(first + lines.len() - 1);
    let mut ink = Ink { out: String::with_capacity(text.len() * 2 + 64), current: Style::new() };
    let bar = |ink: &mut Ink| {
        ink.fill(Style::new(), ' ', width + 1);
        ink.put(styles.gutter, "|");
    };
    bar(&mut ink);
    for (n, (line, mark)) in lines.iter().enumerate() {
        ink.end_line();
        let _ = write!(ink.style(styles.gutter), "{:>width$}", first + n);
        ink.put(Style::new(), " ");
        ink.put(styles.gutter, "|");
        if !line.is_empty() {
            ink.put(Style::new(), " ");
            ink.put(Style::new(), &text[line.clone()]);
        }
        if let Some((from, to, i)) = *mark {
            let (marker, style) = if i == 0 { ('^', styles.primary) } else { ('-', styles.context) };
            ink.end_line();
            bar(&mut ink);
            ink.fill(Style::new(), ' ', from + 1);
            ink.fill(style, marker, to - from);
            if let Some(label) = annotations[i].1.as_deref().filter(|l| !l.is_empty()) {
                ink.put(Style::new(), " ");
                ink.put(style, label);
            }
        } else if n + 1 == lines.len() {
            ink.end_line();
            bar(&mut ink);
        }
    }
    ink.finish();
    Some(ink.out)
}

/// An annotation of a line: its first column, its end column, and its index.
type Marked = (usize, usize, usize);

/// Decimal digits of `n`.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Text written in styles the way `annotate-snippets` writes its lines: a style's escape when
/// it changes from the last character's, the reset of the last one before it and at each line's
/// end; each line starts unstyled.
struct Ink {
    out: String,
    current: Style,
}

impl Ink {
    /// Goes on in `style`; what is written next must not be empty.
    fn style(&mut self, style: Style) -> &mut String {
        if style != self.current {
            let _ = write!(self.out, "{:#}{style}", self.current);
            self.current = style;
        }
        &mut self.out
    }

    fn put(&mut self, style: Style, text: &str) {
        if !text.is_empty() {
            self.style(style).push_str(text);
        }
    }

    fn fill(&mut self, style: Style, c: char, n: usize) {
        if n > 0 {
            self.style(style).extend(std::iter::repeat_n(c, n));
        }
    }

    fn end_line(&mut self) {
        self.finish();
        self.out.push('\n');
    }

    fn finish(&mut self) {
        let _ = write!(self.out, "{:#}", self.current);
        self.current = Style::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(w: Window<'_>) -> String {
        let mut s = String::new();
        if w.cut_before {
            s.push(CUT);
        }
        s.push_str(w.text);
        if w.cut_after {
            s.push(CUT);
        }
        s
    }

    #[test]
    fn short_lines_are_whole() {
        let line = "x".repeat(WIDTH);
        let (w, m) = around(&line, WIDTH - 1, WIDTH);
        assert_eq!((shown(w), m), (line.clone(), Mark { lead: WIDTH - 1, len: 1 }));
        let (w, m) = around("ab", 5, 9);
        assert_eq!((shown(w), m), ("ab".into(), Mark { lead: 2, len: 1 }));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}SPAN{}", "a".repeat(10_000), "b".repeat(10_000));
        let (w, m) = around(&line, 10_000, 10_004);
        let s = shown(w);
        assert_eq!(s.chars().count(), WIDTH + 2);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(&w.text[..m.lead], "a".repeat(BEFORE));
        assert_eq!(m.len, 4);
        assert_eq!(&w.text[m.lead..m.lead + 4], "SPAN");
        // Near either end, the window is full and cut on one side only.
        let (w, m) = around(&line, 0, 3);
        assert!(!w.cut_before && w.cut_after && w.text.len() == WIDTH && m.lead == 0);
        let (w, m) = around(&line, line.len() - 1, line.len());
        assert!(w.cut_before && !w.cut_after && w.text.len() == WIDTH && m.lead == WIDTH - 1);
        // A span longer than the window is marked up to the window's end.
        let (_, m) = around(&line, 1000, line.len());
        assert_eq!(m, Mark { lead: BEFORE, len: WIDTH - BEFORE });
    }

    #[test]
    fn cuts_fall_between_characters() {
        let line = "é€😀".repeat(1000);
        for at in (0..line.len()).filter(|&i| line.is_char_boundary(i)).step_by(97) {
            let (w, m) = around(&line, at, at);
            assert!(w.text.chars().count() <= WIDTH);
            assert_eq!(w.text.chars().nth(m.lead), line[at..].chars().next());
            let other = from(&line, w.from + 1);
            assert!(other.text.chars().count() <= WIDTH);
            assert_eq!(from("short", w.from), Window { text: "short", cut_before: false, cut_after: false, from: 0 });
        }
    }

    #[test]
    fn spans_are_found_by_offset_or_column() {
        let span = Span { start: 13, end: 15, line: 2, col: 4, end_line: 2, end_col: 6, ..Span::default() };
        assert_eq!(span_in_line("\tab: cd", 10, span), (3, 5));
        // Offsets off the line: the columns are used.
        assert_eq!(span_in_line("\tab: cd", 100, span), (3, 5));
        let multi = Span { end_line: 3, ..span };
        assert_eq!(span_in_line("\tab: cd", 10, multi), (3, 7));
    }
}
