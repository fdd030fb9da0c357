//! The HTML report opened in a real browser (headless Chromium): the findings table and the
//! charts are present, the filter script ran, and no script error occurred.
//!
//! Needs `chromium` (Debian package; `.ci/run` installs it) or the browser named by
//! `PALISADE_CHROMIUM`.

use std::path::{Path, PathBuf};
use std::process::Command;

use palisade::report::{self, Format, RenderOptions};
use palisade::scan::{ScanOptions, scan};

fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("PALISADE_CHROMIUM") {
        return PathBuf::from(p);
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!("no Chromium found: install the `chromium` package (as .ci/run does) or set PALISADE_CHROMIUM");
}

/// The DOM of `page` after its scripts ran, as headless Chromium serialises it.
fn dump_dom(page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn examples_report() -> palisade::report::ScanReport {
    let opts = ScanOptions { paths: vec![PathBuf::from("examples")], ..ScanOptions::default() };
    scan(&opts).unwrap()
}

fn examples_html() -> String {
    report::render(&examples_report(), Format::Html, &RenderOptions::default())
}

/// The text of the element with this id (empty when it has none).
fn element_text<'a>(dom: &'a str, id: &str) -> Option<&'a str> {
    let start = dom.find(&format!("id=\"{id}\""))?;
    let open_end = start + dom[start..].find('>')? + 1;
    let close = open_end + dom[open_end..].find("</")?;
    Some(&dom[open_end..close])
}

#[test]
fn html_report_renders_in_headless_chromium_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let r = examples_report();
    assert!(r.findings.len() > 10);
    std::fs::write(&page, report::render(&r, Format::Html, &RenderOptions::default())).unwrap();
    let dom = dump_dom(&page);
    assert!(dom.contains("data-ready=\"1\""), "the report's script did not run to the end");
    assert_eq!(element_text(&dom, "js-errors"), Some(""), "script errors were recorded");
    assert!(dom.contains("id=\"layer-chart\""), "no layer scorecard chart");
    assert_eq!(dom.matches("class=\"score-bar\"").count(), 5, "one score bar per layer");
    assert!(dom.contains("id=\"wa-heatmap\""), "no Well-Architected heat map");
    assert_eq!(dom.matches("class=\"wa-cell\"").count(), 63);
    assert!(dom.contains("<table id=\"findings\""), "no findings table");
    assert_eq!(dom.matches("<tr class=\"finding\"").count(), r.findings.len());
    // The script counted the rows it shows.
    assert_eq!(element_text(&dom, "shown"), Some(r.findings.len().to_string().as_str()));
}

#[test]
fn the_browser_check_detects_script_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("broken.html");
    let html = examples_html().replace("</body>", "<script>undefinedFunction();</script></body>");
    std::fs::write(&page, html).unwrap();
    let dom = dump_dom(&page);
    assert!(element_text(&dom, "js-errors").is_some_and(|t| t.contains("undefinedFunction")), "error not recorded");
}

#[test]
fn html_report_is_self_contained() {
    let html = examples_html();
    for needle in ["<link", "src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(needle), "the report refers to an external resource: {needle}");
    }
    assert!(html.contains("default-src 'none'"), "no content security policy forbidding fetches");
    // Untrusted text from templates is escaped.
    assert!(!html.contains("<script>undefined"));
    assert_eq!(report::html::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}
