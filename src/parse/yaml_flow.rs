//! Flow collections laid out with less indentation than YAML 1.2 asks for.
//!
//! The YAML specification wants the lines of a flow collection (`[a, b]`, `{k: v}`) indented
//! more than the block node holding it, but libyaml and PyYAML (and so CloudFormation and
//! most tools) ignore indentation inside flow collections. A common layout relies on it:
//!
//! ```yaml
//!       Tags: [{Key: a,
//!         Value: b}
//!     ]
//! ```
//!
//! The scanner rejects such a line with "invalid indentation". [`relax`] rewrites the text the
//! scanner reads so that the line continues the previous one: the line breaks, blanks and
//! comments between the last token and the offending one become spaces. Every character is
//! replaced by one character, so character indexes (and with them every span, which is
//! computed on the original text) do not move. It does so only where the rewrite cannot
//! change a value: inside a flow collection, when the offending token is `]`, `}` or `,`, or
//! follows `[`, `{`, `,` or `:` (a new entry, key or value rather than the continuation of a
//! scalar).

/// The text to scan again after an "invalid indentation" error at byte `at` of `text`, or
/// `None` when the error stands.
pub(crate) fn relax(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    if !text.is_char_boundary(at) {
        return None;
    }
    let (depth, last) = flow_state(&text[..at])?;
    if depth == 0 {
        return None;
    }
    let here = text[at..].chars().next()?;
    let after = text[..last].chars().next_back()?;
    if !matches!(here, ']' | '}' | ',') && !matches!(after, '[' | '{' | ',' | ':') {
        return None;
    }
    let gap = &text[last..at];
    if !gap.contains(['\n', '\r']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..last]);
    out.extend(gap.chars().map(|_| ' '));
    out.push_str(&text[at..]);
    Some(out)
}

/// Flow nesting depth at the end of `text`, and the byte just after its last token (comments
/// and blanks excluded). `None` when the text ends inside a quoted scalar.
fn flow_state(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut last = 0usize;
    let mut i = 0usize;
    // Leading blanks of the current line, and whether a value may start here (block context).
    let mut line_indent = 0usize;
    let mut at_line_start = true;
    let mut expect_value = true;
    while i < b.len() {
        let c = b[i];
        if at_line_start {
            if c == b' ' {
                i += 1;
                continue;
            }
            line_indent = i - text[..i].rfind(['\n', '\r']).map_or(0, |p| p + 1);
            at_line_start = false;
            if depth == 0 {
                expect_value = true;
            }
            if line_indent == 0 && (text[i..].starts_with("---") || text[i..].starts_with("...")) {
                depth = 0;
            }
        }
        let prev_blank = i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r');
        match c {
            b'\n' | b'\r' => {
                at_line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b'#' if prev_blank => {
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' if depth > 0 || expect_value || prev_blank => {
                i = quoted_end(b, i)?;
                last = i;
                expect_value = false;
                continue;
            }
            b'[' | b'{' if depth > 0 || expect_value => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b'|' | b'>' if depth == 0 && expect_value => {
                // A block scalar: its lines are those indented more than this one.
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
                loop {
                    let start = i + usize::from(b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n')) + 1;
                    if start >= b.len() {
                        return Some((depth, b.len()));
                    }
                    let end = text[start..].find(['\n', '\r']).map_or(b.len(), |p| start + p);
                    let line = &text[start..end];
                    let indent = line.len() - line.trim_start_matches(' ').len();
                    if !line.trim().is_empty() && indent <= line_indent {
                        break;
                    }
                    i = end;
                    last = end;
                }
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            // `- `, `: `, `? ` start a value; tags and anchors keep waiting for it.
            let next_blank = b.get(i + 1).is_none_or(|n| matches!(n, b' ' | b'\t' | b'\n' | b'\r'));
            if matches!(c, b'-' | b':' | b'?') && next_blank {
                expect_value = true;
            } else if matches!(c, b'!' | b'&') && (expect_value || prev_blank) {
                while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                last = i;
                expect_value = true;
                continue;
            } else {
                expect_value = false;
            }
        }
        i += 1;
        last = i;
    }
    Some((depth, last))
}

/// The byte after the quoted scalar starting at `start` (`'...'` with `''`, `"..."` with `\`).
fn quoted_end(b: &[u8], start: usize) -> Option<usize> {
    let q = b[start];
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if q == b'"' => i += 2,
            x if x == q => {
                if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.rfind(needle).unwrap()
    }

    #[test]
    fn closing_brackets_and_entries_continue_the_previous_line() {
        let t = "A:\n  K: [a,\n    b  # note\n]\n";
        let r = relax(t, at(t, "]")).unwrap();
        assert_eq!(r, "A:\n  K: [a,\n    b         ]\n");
        assert_eq!(r.chars().count(), t.chars().count());
        let t = "A:\n  K: {x: 1,\n y: 2}\n";
        assert_eq!(relax(t, at(t, "y")).unwrap(), "A:\n  K: {x: 1,  y: 2}\n");
        let t = "A:\n  K: !Join ['', [\n a]]\n";
        assert!(relax(t, at(t, "a]")).is_some());
    }

    #[test]
    fn other_errors_stand() {
        // Block context, the continuation of a plain scalar, text after a quoted `[`.
        let t = "A:\n  K: v\n L: w\n";
        assert_eq!(relax(t, at(t, "L")), None);
        let t = "A:\n  K: [a\n b]\n";
        assert_eq!(relax(t, at(t, "b")), None);
        let t = "A:\n  K: '[x'\n L: w\n";
        assert_eq!(relax(t, at(t, "L")), None);
        let t = "A:\n  K: see [docs\n L: w\n";
        assert_eq!(relax(t, at(t, "L")), None);
        let t = "A:\n  K: |\n    [x,\n L: w\n";
        assert_eq!(relax(t, at(t, "L")), None);
    }
}
