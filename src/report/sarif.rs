use super::*;
pub fn render(report: &ScanReport) -> String {
    let mut s = String::new();
    for f in &report.findings {
        s.push_str(&format!(
            "{}:{}:{}: {} {} {}\n",
            f.location.file,
            f.location.span.line,
            f.location.span.col,
            f.rule.id,
            f.severity,
            f.full_message()
        ));
    }
    for d in &report.diagnostics {
        s.push_str(&format!("{d}\n"));
    }
    s
}
