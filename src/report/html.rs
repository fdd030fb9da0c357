//! A self-contained HTML report: inline CSS, JavaScript and SVG, no network access. It shows
//! the defense-in-depth scorecard as a chart, the Well-Architected coverage as a heat map,
//! and the findings in a table filterable by severity, layer, service and file, each with its
//! snippet and fix.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{ScanReport, count_by_severity, snippet};
use crate::finding::Finding;
use crate::posture::{Posture, Status};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped as [`escape`] does.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The escaped bytes are ASCII, so `start..i` lies on character boundaries.
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// `s` escaped, without copying when there is nothing to escape.
pub(crate) fn escaped(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        std::borrow::Cow::Owned(escape(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

const CSS: &str = r#"
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2430;--muted:#5b6675;--line:#dde2e8;
--critical:#7a1020;--high:#c0392b;--medium:#d68910;--low:#2e86c1;--info:#7f8c8d;
--pass:#1e8449;--fail:#c0392b;--none:#c9ced6;--nmc:#eef0f3}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{background:#1d2430;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9d1db}
main{padding:20px 28px;max-width:1400px;margin:auto}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:18px}
h2{font-size:16px;margin:0 0 12px}
.pills span{display:inline-block;margin-right:8px;padding:3px 10px;border-radius:12px;color:#fff;font-weight:600;font-size:12px}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.grid{display:grid;grid-template-columns:minmax(320px,1fr) minmax(420px,1.3fr);gap:18px}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
svg text{font-family:inherit}
.layers details{border-top:1px solid var(--line);padding:6px 0}.layers summary{cursor:pointer;font-weight:600}
.layers ul{margin:6px 0 6px 18px;padding:0}.layers li{margin:2px 0}
.st-pass{color:var(--pass);font-weight:600}.st-fail{color:var(--fail);font-weight:600}.st-not-evidenced{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:10px}.filters label{font-size:12px;color:var(--muted)}
.filters select,.filters input{display:block;margin-top:2px;padding:4px 6px;border:1px solid var(--line);border-radius:4px;font:inherit}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
td.sev span{display:inline-block;min-width:62px;text-align:center;padding:2px 6px;border-radius:10px;color:#fff;font-size:12px;font-weight:600}
tr.detail td{background:#fafbfc}tr.detail pre{margin:0 0 8px;padding:8px;background:#1d2430;color:#e8edf3;border-radius:6px;overflow:auto;font-size:12px}
pre .hl{background:#5a3a00;display:inline-block;width:100%}
.fix{margin:0}.muted{color:var(--muted)}.count{font-weight:600}
button.toggle{border:0;background:none;color:#2e86c1;cursor:pointer;padding:0;font:inherit}
.legend span{display:inline-block;margin-right:12px;font-size:12px}.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-2px}
"#;

/// Records script errors into the page, so that a headless browser can report them.
const ERROR_HOOK: &str = r#"window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message));var d=document.getElementById('js-errors');if(d){d.textContent=window.__errors.join('\n');}});"#;

const SCRIPT: &str = r#"
(function(){
  var rows=Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr.finding'));
  var sel={severity:document.getElementById('f-severity'),layer:document.getElementById('f-layer'),service:document.getElementById('f-service'),file:document.getElementById('f-file')};
  var text=document.getElementById('f-text');
  function apply(){
    var shown=0;var q=text.value.toLowerCase();
    rows.forEach(function(r){
      var ok=Object.keys(sel).every(function(k){return !sel[k].value||r.dataset[k]===sel[k].value;});
      if(ok&&q){ok=r.textContent.toLowerCase().indexOf(q)>=0;}
      r.hidden=!ok;var d=r.nextElementSibling;if(d&&d.classList.contains('detail')){d.hidden=!ok||!r.classList.contains('open');}
      if(ok){shown++;}
    });
    document.getElementById('shown').textContent=String(shown);
  }
  Object.keys(sel).forEach(function(k){sel[k].addEventListener('change',apply);});
  text.addEventListener('input',apply);
  rows.forEach(function(r){
    var b=r.querySelector('button.toggle');
    if(b){b.addEventListener('click',function(){r.classList.toggle('open');var d=r.nextElementSibling;d.hidden=!r.classList.contains('open');b.textContent=r.classList.contains('open')?'hide':'show';});}
  });
  apply();
  document.body.setAttribute('data-ready','1');
})();
"#;

fn severity_color(s: &str) -> &'static str {
    match s {
        "critical" => "#7a1020",
        "high" => "#c0392b",
        "medium" => "#d68910",
        "low" => "#2e86c1",
        _ => "#7f8c8d",
    }
}

/// The layer scorecard as an SVG bar chart: one bar per layer, its score, and its findings.
fn layer_chart(p: &Posture, report: &ScanReport) -> String {
    let (w, row, left) = (520, 46, 110);
    let h = row * p.layers.len() + 30;
    let mut s = format!(
        r#"<svg id="layer-chart" role="img" aria-label="Defense-in-depth scorecard" viewBox="0 0 {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">"#
    );
    let bar_w = w - left - 70;
    for (i, l) in p.layers.iter().enumerate() {
        let y = 10 + i * row;
        let findings = report.findings.iter().filter(|f| f.rule.layer == l.layer).count();
        let _ = write!(
            s,
            r##"<text x="0" y="{}" font-size="13" font-weight="600" fill="#1d2430">{}</text>"##,
            y + 16,
            escape(&capitalise(l.layer.as_str()))
        );
        let _ = write!(s, r##"<rect x="{left}" y="{y}" width="{bar_w}" height="22" rx="4" fill="#eef0f3"/>"##);
        let label = match l.score {
            Some(v) => {
                let color = if v >= 90 {
                    "#1e8449"
                } else if v >= 60 {
                    "#d68910"
                } else {
                    "#c0392b"
                };
                let bw = (bar_w as u32 * v / 100).max(if v > 0 { 2 } else { 0 });
                let _ = write!(
                    s,
                    r#"<rect class="score-bar" data-layer="{}" x="{left}" y="{y}" width="{bw}" height="22" rx="4" fill="{color}"><title>{}: {v}% ({}/{} controls)</title></rect>"#,
                    l.layer.as_str(),
                    l.layer.as_str(),
                    l.passed,
                    l.evaluated
                );
                format!("{v}%")
            }
            None => "n/a".to_string(),
        };
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="13" font-weight="600" fill="#1d2430">{label}</text>"##,
            left + bar_w + 8,
            y + 16
        );
        let _ = write!(
            s,
            r##"<text x="{left}" y="{}" font-size="11" fill="#5b6675">{} of {} controls pass · {findings} finding(s)</text>"##,
            y + 35,
            l.passed,
            l.evaluated
        );
    }
    s.push_str("</svg>");
    s
}

/// The Well-Architected coverage as an SVG heat map: one row per area (SEC01 … SEC11), one
/// cell per best practice.
fn wa_heatmap(p: &Posture) -> String {
    let mut areas: Vec<(&str, &str)> = Vec::new();
    for w in &p.well_architected {
        let prefix = &w.id[..w.id.find('-').unwrap_or(w.id.len())];
        if !areas.iter().any(|(a, _)| *a == prefix) {
            areas.push((prefix, w.area));
        }
    }
    let (cell, gap, left) = (34, 4, 290);
    let cols = 11;
    let w = left + cols * (cell + gap);
    let h = areas.len() * (cell + gap) + 6;
    let mut s = format!(
        r#"<svg id="wa-heatmap" role="img" aria-label="Well-Architected coverage" viewBox="0 0 {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">"#
    );
    for (row, (prefix, area)) in areas.iter().enumerate() {
        let y = row * (cell + gap);
        let _ = write!(
            s,
            r##"<text x="0" y="{}" font-size="12" fill="#1d2430">{} {}</text>"##,
            y + cell / 2 + 4,
            prefix,
            escape(area)
        );
        for (col, wp) in p.well_architected.iter().filter(|w| w.id.starts_with(prefix)).enumerate() {
            let x = left + col * (cell + gap);
            let fill = match wp.status {
                "pass" => "#1e8449",
                "fail" => "#c0392b",
                "no-evidence" => "#c9ced6",
                _ => "#eef0f3",
            };
            let ink = if matches!(wp.status, "pass" | "fail") { "#fff" } else { "#5b6675" };
            let detail = match wp.status {
                "not-machine-checkable" => "not machine-checkable".to_string(),
                "no-evidence" => "no evidence in the scan".to_string(),
                _ => format!("{} passed, {} failed", wp.passed, wp.failed),
            };
            let bp = wp.id.rsplit("BP").next().unwrap_or("");
            let _ = write!(
                s,
                r##"<g class="wa-cell" data-id="{}" data-status="{}"><rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="3" fill="{fill}" stroke="#dde2e8"/><text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{ink}">{bp}</text><title>{} {}: {}</title></g>"##,
                wp.id,
                wp.status,
                x + cell / 2,
                y + cell / 2 + 4,
                wp.id,
                escape(wp.title),
                escape(&detail)
            );
        }
    }
    s.push_str("</svg>");
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The finding's lines, two before and two after, with the reported lines marked. Long lines
/// are cut to a window around the span's start (`…` marks the cuts).
fn snippet(out: &mut String, report: &ScanReport, f: &Finding) {
    let Some(src) = report.files.get(&f.location.file) else { return };
    let span = f.location.span;
    let (first, last) = (span.line.max(1), span.end_line.max(span.line).max(1));
    let last = last.min(first.saturating_add(8));
    let from = snippet::span_line(src, span).map_or(0, |(w, _)| w.from);
    for n in first.saturating_sub(2).max(1)..=last.saturating_add(2) {
        let Some(text) = src.line_text(n) else { continue };
        let window = snippet::from(text, from);
        let marked = (first..=last).contains(&n);
        if marked {
            out.push_str(r#"<span class="hl">"#);
        }
        let _ = write!(out, "{n:>5} | ");
        if window.cut_before {
            out.push(snippet::CUT);
        }
        escape_into(out, if window.cut_after { window.text } else { window.text.trim_end() });
        if window.cut_after {
            out.push(snippet::CUT);
        }
        if marked {
            out.push_str("</span>");
        }
        out.push('\n');
    }
}

fn options<'a>(id: &str, label: &str, values: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = format!(r#"<label>{label}<select id="{id}"><option value="">all</option>"#);
    for v in values {
        let _ = write!(s, r#"<option value="{0}">{0}</option>"#, escape(v));
    }
    s.push_str("</select></label>");
    s
}

/// The rows of the findings table (a row per finding and a hidden row with its details),
/// with room for the rest of the page.
fn finding_rows(report: &ScanReport) -> String {
    let mut s = String::with_capacity(96 * 1024 + 1500 * report.findings.len());
    for f in &report.findings {
        finding_row(&mut s, report, f);
    }
    s
}

fn finding_row(s: &mut String, report: &ScanReport, f: &Finding) {
    let sev = f.severity.as_str();
    let _ = write!(
        s,
        r#"<tr class="finding" data-severity="{sev}" data-layer="{}" data-service="{}" data-file="{}"><td class="sev"><span style="background:{}">{sev}</span></td><td><b>{}</b><br><span class="muted">{}</span></td><td>{}:{}:{}</td><td>"#,
        f.rule.layer.as_str(),
        escaped(&f.rule.service),
        escaped(&f.location.file),
        severity_color(sev),
        &f.rule.id,
        escaped(&f.rule.title),
        escaped(&f.location.file),
        f.location.span.line,
        f.location.span.col,
    );
    if let Some(r) = &f.resource {
        escape_into(s, &r.id);
        s.push_str(" (");
        escape_into(s, &r.kind);
        s.push(')');
    }
    s.push_str("</td><td>");
    escape_into(s, &f.message);
    if let Some(when) = &f.when {
        s.push_str(" (when ");
        escape_into(s, when);
        s.push(')');
    }
    s.push_str(r#"</td><td><button class="toggle" type="button">show</button></td></tr>"#);
    s.push_str("<tr class=\"detail\" hidden><td colspan=\"6\"><pre>");
    snippet(s, report, f);
    let _ = writeln!(
        s,
        "</pre><p class=\"fix\"><b>Fix:</b> {}</p><p class=\"muted\">{} · controls {} · Well-Architected {}</p></td></tr>",
        escaped(&f.rule.remediation),
        &f.rule.slug,
        f.rule.controls.join(", "),
        f.rule.well_architected.join(", ")
    );
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    // The posture and the findings table do not depend on each other. The page is written
    // before the rows, into the rows' buffer, so that they are not copied into another.
    let (posture, mut page) = rayon::join(|| Posture::of(report), || finding_rows(report));
    let mut s = String::with_capacity(64 * 1024);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    s.push_str("<title>Palisade report</title>\n<style>");
    s.push_str(CSS);
    s.push_str("</style>\n<script>");
    s.push_str(ERROR_HOOK);
    s.push_str("</script>\n</head>\n<body>\n");
    let _ = write!(
        s,
        "<header><h1>Palisade security report</h1><p>palisade {} · {} file(s) analysed · {} finding(s) · {} rule(s)</p></header>\n<main>\n",
        crate::VERSION,
        report.files_scanned,
        report.findings.len(),
        report.rules.len()
    );
    s.push_str(r#"<div id="js-errors" hidden></div>"#);
    s.push_str("<section><h2>Summary</h2><div class=\"pills\">");
    for (sev, n) in count_by_severity(&report.findings) {
        let _ = write!(s, r#"<span class="sev-{0}">{n} {0}</span>"#, sev.as_str());
    }
    s.push_str("</div>");
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    if !report.diagnostics.is_empty() {
        let _ =
            write!(s, "<details><summary>{} diagnostic(s), {errors} error(s)</summary><ul>", report.diagnostics.len());
        for d in &report.diagnostics {
            let _ = write!(s, "<li>{}</li>", escape(&d.to_string()));
        }
        s.push_str("</ul></details>");
    }
    s.push_str("</section>\n<div class=\"grid\">\n<section class=\"layers\"><h2>Defense-in-depth scorecard</h2>");
    s.push_str(&layer_chart(&posture, report));
    for l in &posture.layers {
        let score = l.score.map(|v| format!("{v}%")).unwrap_or_else(|| "not evidenced".into());
        let _ = write!(
            s,
            "<details><summary>{} layer — {score}</summary><p class=\"muted\">{}</p><ul>",
            capitalise(l.layer.as_str()),
            escape(l.services)
        );
        for c in &l.controls {
            let status = match c.status {
                Status::Pass => "pass",
                Status::Fail => "fail",
                Status::NotEvidenced => "not-evidenced",
                Status::Unknown => "unknown",
            };
            let _ = write!(
                s,
                "<li><span class=\"st-{status}\">{}</span> <b>{}</b> {}",
                status.replace('-', " "),
                escape(&c.control),
                escape(&c.title)
            );
            if c.findings > 0 {
                let _ = write!(s, " — {} finding(s)", c.findings);
            }
            if !c.evidence.is_empty() {
                s.push_str("<ul>");
                for e in c.evidence.iter().take(6) {
                    let _ = write!(
                        s,
                        "<li class=\"muted\">{}:{} {} ({}): {}</li>",
                        escape(&e.file),
                        e.line,
                        escape(&e.resource),
                        escape(&e.kind),
                        escape(&e.detail)
                    );
                }
                if c.evidence.len() > 6 {
                    let _ = write!(s, "<li class=\"muted\">… and {} more</li>", c.evidence.len() - 6);
                }
                s.push_str("</ul>");
            }
            if let Some(m) = &c.missing {
                let label = match c.status {
                    Status::Fail => "missing",
                    Status::Unknown => "undecided",
                    _ => "not covered",
                };
                let _ = write!(s, " <span class=\"muted\">— {label}: {}</span>", escape(m));
            }
            s.push_str("</li>");
        }
        s.push_str("</ul></details>");
    }
    s.push_str("</section>\n<section><h2>Well-Architected Security Pillar coverage</h2>");
    s.push_str(&wa_heatmap(&posture));
    s.push_str(
        "<p class=\"legend\"><span><i style=\"background:#1e8449\"></i>pass</span><span><i style=\"background:#c0392b\"></i>fail</span>\
<span><i style=\"background:#c9ced6\"></i>no evidence in the scan</span><span><i style=\"background:#eef0f3;border:1px solid #dde2e8\"></i>not machine-checkable</span></p>",
    );
    s.push_str("</section>\n</div>\n");

    // Findings.
    let mut sevs = BTreeSet::new();
    let mut layers = BTreeSet::new();
    let mut services = BTreeSet::new();
    let mut files = BTreeSet::new();
    for f in &report.findings {
        sevs.insert(f.severity.as_str());
        layers.insert(f.rule.layer.as_str());
        services.insert(&f.rule.service);
        files.insert(&*f.location.file);
    }
    let _ = write!(
        s,
        "<section><h2>Findings (<span id=\"shown\">{}</span> of {} shown)</h2><div class=\"filters\">",
        report.findings.len(),
        report.findings.len()
    );
    // Most severe first.
    let sevs: Vec<&str> =
        crate::finding::Severity::ALL.iter().map(|s| s.as_str()).filter(|s| sevs.contains(s)).collect();
    s.push_str(&options("f-severity", "Severity", sevs));
    s.push_str(&options("f-layer", "Layer", layers));
    s.push_str(&options("f-service", "Service", services.into_iter().map(|s| &**s)));
    s.push_str(&options("f-file", "File", files));
    s.push_str(r#"<label>Search<input id="f-text" type="search" placeholder="rule, resource, text"></label></div>"#);
    s.push_str("<table id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Resource</th><th>Message</th><th></th></tr></thead><tbody>\n");
    page.insert_str(0, &s);
    let mut s = page;
    s.push_str("</tbody></table>");
    if report.findings.is_empty() {
        s.push_str("<p>No findings.</p>");
    }
    s.push_str("</section>\n");
    s.push_str("</main>\n<script>");
    s.push_str(SCRIPT);
    s.push_str("</script>\n</body>\n</html>\n");
    s
}
