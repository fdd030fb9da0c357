//! Writing to the terminal: standard output that may be a closed pipe, and text from the
//! input that may hold terminal escape sequences.

use std::io::Write;

use crate::diagnostic::Diagnostic;
use crate::source::printable;

/// Writes `text` to standard output. When the reader has gone away (`palisade rules | head -1`),
/// the program ends quietly with status 0, as other command-line tools do; another write
/// error ends it with status 2.
pub fn emit(text: &str) {
    emit_with(|out| out.write_all(text.as_bytes()));
}

/// Writes to standard output what `write` writes, ending as [`emit`] does on an error.
pub fn emit_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    // The report chose its colours already (`--color`, `NO_COLOR`, ...): its escapes go out as
    // they are, translated to console calls on Windows consoles that do not read them.
    let stream = anstream::AutoStream::new(std::io::stdout().lock(), anstream::ColorChoice::Always);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stream);
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(super::EXIT_CLEAN),
        Err(e) => {
            error(&format!("error: cannot write to standard output: {e}"));
            std::process::exit(super::EXIT_ERROR);
        }
    }
}

/// Writes text from the input to standard output, control characters neutralised (newlines
/// and tabs kept).
pub fn emit_input(text: &str) {
    emit(&printable(text, true));
}

/// Writes one line to standard error (a closed standard error is ignored), control
/// characters neutralised: messages quote file names and values from the input.
pub fn error(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", printable(line, false));
}

/// Writes a diagnostic to standard error, on one line, in `lang`.
pub fn diagnostic_in(d: &Diagnostic, lang: crate::i18n::Lang) {
    error(&d.render(lang));
}
