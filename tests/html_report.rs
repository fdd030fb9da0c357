//! The HTML report opened in a real browser (headless Chromium): the charts and the findings
//! are drawn, the script's filters, sorting and expansion work, and no script error occurred.
//!
//! Needs `chromium` (Debian package; `.ci/run` installs it) or the browser named by
//! `PALISADE_CHROMIUM`.

use std::path::{Path, PathBuf};
use std::process::Command;

use palisade::report::{self, Format, RenderOptions, ScanMeta};
use palisade::scan::{ScanOptions, scan, scan_detailed};

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

/// The DOM of `page` after its scripts ran, as headless Chromium serialises it in a 1,400 px
/// wide window, without the text of its script elements (which holds markup of its own).
fn dump_dom(page: &Path) -> String {
    let dom = dump_dom_with_scripts(page);
    let mut out = String::with_capacity(dom.len());
    let mut rest = dom.as_str();
    while let Some(i) = rest.find("<script") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("</script>").map_or("", |j| &rest[i + j + "</script>".len()..]);
    }
    out.push_str(rest);
    out
}

fn dump_dom_with_scripts(page: &Path) -> String {
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
            "--hide-scrollbars",
            "--window-size=1400,900",
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

/// The DOM of `html` after its scripts ran and then `script` ran at the `load` event.
fn dom_after(html: &str, script: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let html = html.replacen(
        "</body>",
        &format!("<script>window.addEventListener('load',function(){{{script}}});</script></body>"),
        1,
    );
    std::fs::write(&page, html).unwrap();
    dump_dom(&page)
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

/// What the page's script wrote into the title (see [`dom_after`]).
fn title(dom: &str) -> &str {
    element_text(dom, "bench-title").unwrap_or("")
}

/// Script that writes `expr` into a `<p id="bench-title">` for [`title`].
fn report_value(expr: &str) -> String {
    format!(
        "var p=document.createElement('p');p.id='bench-title';p.textContent=String({expr});document.body.appendChild(p);"
    )
}

fn distinct_rules(r: &palisade::report::ScanReport) -> usize {
    r.findings.iter().map(|f| &*f.rule.id).collect::<std::collections::BTreeSet<_>>().len()
}

#[test]
fn html_report_renders_in_headless_chromium_without_errors() {
    let mut r = examples_report();
    assert!(r.findings.len() > 10);
    // A path far wider than the window, without a place to break.
    let deep = format!("deploy/{}.yaml", "stack_of_the_production_account".repeat(12));
    r.findings[0].location.file = deep.as_str().into();
    let html = report::render(&r, Format::Html, &RenderOptions::default());
    let dom = dom_after(&html, &report_value("document.documentElement.scrollWidth"));
    // The rules open (the finding with the long path among them), and a rule opened with the
    // keyboard.
    let opened = dom_after(
        &html,
        &format!(
            "var g;while((g=document.querySelector('tr.group:not(.open)'))){{g.click();}}\
             document.querySelector('button.toggle').click();{}",
            report_value("document.documentElement.scrollWidth")
        ),
    );
    assert!(opened.contains(&format!("title=\"{deep}\"")), "the full path is not on hover");
    assert_eq!(title(&opened), "1400", "with its rules open, the page is wider than the 1,400 px window");
    let keyed = dom_after(
        &html,
        "var g=document.querySelector('tr.group');g.focus();\
         g.dispatchEvent(new KeyboardEvent('keydown',{key:'Enter',bubbles:true}));",
    );
    assert!(keyed.contains("aria-expanded=\"true\""), "Enter does not open a rule");
    assert!(dom.contains("data-ready=\"1\""), "the report's script did not run to the end");
    assert_eq!(element_text(&dom, "js-errors"), Some(""), "script errors were recorded");
    assert!(dom.contains("id=\"layer-chart\""), "no layer scorecard chart");
    assert_eq!(dom.matches("class=\"score-bar\"").count(), 5, "one score bar per layer");
    assert!(dom.contains("id=\"wa-heatmap\""), "no Well-Architected heat map");
    assert_eq!(dom.matches("class=\"wa-cell\"").count(), 63);
    assert!(dom.contains("<table id=\"groups\""), "no findings table");
    // One row per rule, closed: no finding is drawn before it is asked for.
    assert_eq!(dom.matches("<tr class=\"group\"").count(), distinct_rules(&r));
    assert_eq!(dom.matches("<tr class=\"finding\"").count(), 0);
    // The script counted the findings it shows.
    assert_eq!(element_text(&dom, "shown"), Some(r.findings.len().to_string().as_str()));
    // The page fits the window.
    assert_eq!(title(&dom), "1400", "the page is wider than the 1,400 px window");
}

/// The severity rank (0 = most severe) of each rule row's badge, in page order.
fn group_severities(dom: &str) -> Vec<usize> {
    let order = ["critical", "high", "medium", "low", "info"];
    dom.split("<tr class=\"group")
        .skip(1)
        .map(|row| {
            let at = row.find("sevb sev-").unwrap() + "sevb sev-".len();
            order.iter().position(|s| row[at..].starts_with(s)).unwrap()
        })
        .collect()
}

#[test]
fn rules_are_ordered_by_severity_and_sortable_by_count() {
    let html = examples_html();
    let dom = dump_dom_of(&html);
    let sevs = group_severities(&dom);
    assert!(sevs.len() > 3 && sevs.windows(2).all(|w| w[0] <= w[1]), "not most severe first: {sevs:?}");
    // Sorting by the number of findings, then reversing.
    let counts = |dom: &str| -> Vec<usize> {
        dom.split("<td class=\"num count\">").skip(1).map(|c| c[..c.find('<').unwrap()].parse().unwrap()).collect()
    };
    let dom = dom_after(&html, "document.querySelector('th[data-sort=findings]').click();");
    let c = counts(&dom);
    assert!(c.windows(2).all(|w| w[0] >= w[1]) && c[0] > *c.last().unwrap(), "not by count: {c:?}");
    let dom = dom_after(
        &html,
        "var h=function(){return document.querySelector('th[data-sort=findings]')};h().click();h().click();",
    );
    let c = counts(&dom);
    assert!(c.windows(2).all(|w| w[0] <= w[1]), "not reversed: {c:?}");
}

fn dump_dom_of(html: &str) -> String {
    dom_after(html, "")
}

#[test]
fn opening_every_rule_lists_every_finding_with_its_details() {
    let mut r = examples_report();
    // Messages are Markdown: code spans become code, and nothing else becomes markup.
    r.findings[0].template = "uses `<b>x</b>` and <i>y</i>".into();
    let with_related = r.findings.iter().filter(|f| !f.related.is_empty()).count();
    assert!(with_related > 0, "the examples have no finding with related locations");
    let html = report::render(&r, Format::Html, &RenderOptions::default());
    let dom = dom_after(
        &html,
        "var q=function(s){return document.querySelector(s)};var g;\
         while((g=q('tr.group:not(.open)'))){g.click();}\
         var m;while((m=q('button.more'))){m.click();}\
         var b=document.querySelectorAll('button.toggle');for(var i=0;i<b.length;i++){q('button.toggle[data-i=\"'+b[i].getAttribute('data-i')+'\"]').click();}",
    );
    assert_eq!(element_text(&dom, "js-errors"), Some(""), "script errors were recorded");
    assert_eq!(dom.matches("<tr class=\"finding\"").count(), r.findings.len());
    assert_eq!(dom.matches("<tr class=\"detail\"").count(), r.findings.len());
    assert_eq!(dom.matches("<ul class=\"related\">").count(), with_related, "related locations not shown");
    assert!(
        dom.contains("uses <code>&lt;b&gt;x&lt;/b&gt;</code> and &lt;i&gt;y&lt;/i&gt;"),
        "message not rendered safely"
    );
    assert!(dom.contains("<span class=\"hl\">"), "no snippet marks the finding's lines");
}

#[test]
fn filters_narrow_the_findings() {
    let r = examples_report();
    let html = report::render(&r, Format::Html, &RenderOptions::default());
    let high = r.findings.iter().filter(|f| f.severity == palisade::finding::Severity::High).count();
    assert!(high > 0 && high < r.findings.len());
    let dom = dom_after(
        &html,
        "var s=document.getElementById('f-severity');s.value='1';s.dispatchEvent(new Event('change'));",
    );
    assert_eq!(element_text(&dom, "shown"), Some(high.to_string().as_str()));
    assert!(group_severities(&dom).iter().all(|s| *s == 1));
    let id = &r.findings[0].rule.id;
    let of_rule = r.findings.iter().filter(|f| f.rule.id == *id).count();
    let dom = dom_after(
        &html,
        &format!(
            "var s=document.getElementById('f-text');s.value='{}';s.dispatchEvent(new Event('input'));",
            id.to_lowercase()
        ),
    );
    assert!(element_text(&dom, "shown").unwrap().parse::<usize>().unwrap() >= of_rule);
    assert!(dom.contains(&format!("<b>{id}</b>")));
}

#[test]
fn the_scan_metadata_lists_what_was_not_shown() {
    let opts = ScanOptions { paths: vec![PathBuf::from("examples")], ..ScanOptions::default() };
    let scanned = scan_detailed(&opts).unwrap();
    assert!(!scanned.suppressed.is_empty(), "the examples suppress nothing");
    let meta = ScanMeta {
        paths: vec!["examples".into()],
        config: Some(("palisade.toml".into(), "fail-on = \"high\"\n".into())),
        baseline: None,
    };
    let opts = RenderOptions { meta, ..RenderOptions::default() };
    let html = report::filtered::render(&scanned, None, Format::Html, &opts);
    let dom = dom_after(&html, "document.getElementById('suppressed-list').open=true;");
    let meta = element_text(&dom, "scan-meta").map(|_| &dom[dom.find("id=\"scan-meta\"").unwrap()..]).unwrap();
    assert!(meta.contains("<code>examples</code>") && meta.contains("palisade.toml"));
    assert!(meta.contains(&format!("{} suppressed inline", scanned.suppressed.len())));
    let list = &dom[dom.find("id=\"suppressed-list\"").unwrap()..];
    assert_eq!(list.matches("<tr><td>").count(), scanned.suppressed.len(), "the suppressed findings are not listed");
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
    let mut r = examples_report();
    r.findings[0].template = "</script><script>undefinedFunction()</script><!--".into();
    let html = report::render(&r, Format::Html, &RenderOptions::default());
    for needle in ["<link", "src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(needle), "the report refers to an external resource: {needle}");
    }
    assert!(html.contains("default-src 'none'"), "no content security policy forbidding fetches");
    // Untrusted text cannot end the data's script element.
    assert!(!html.contains("<script>undefined") && !html.contains("<!--"));
    assert_eq!(html.matches("</script>").count(), 3, "the error hook, the data and the script");
    assert_eq!(report::html::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

/// Text as Chromium serialises it in element content.
fn as_serialised(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\u{a0}', "&nbsp;")
}

/// The element `<section ... data-view="{view}"...>` of `dom`, up to its end.
fn view_section<'a>(dom: &'a str, view: &str) -> &'a str {
    let at = dom.find(&format!("data-view=\"{view}\"")).unwrap_or_else(|| panic!("no view `{view}`"));
    let start = dom[..at].rfind("<section").unwrap();
    let end = at + dom[at..].find("</section>").unwrap();
    &dom[start..end]
}

#[test]
fn each_compliance_framework_is_a_view_of_its_requirements() {
    let r = examples_report();
    let posture = palisade::posture::Posture::of(&r);
    assert_eq!(posture.frameworks.len(), 5);
    let html = report::render(&r, Format::Html, &RenderOptions::default());
    let mut failed_somewhere = false;
    for c in &posture.frameworks {
        let view = format!("framework-{}", c.framework.key());
        assert!(html.contains(&format!("<option value=\"{view}\">{} coverage</option>", c.name)), "{view}");
        // Choose the view, open its domains, and measure the page.
        let dom = dom_after(
            &html,
            &format!(
                "var v=document.getElementById('f-view');v.value='{view}';v.dispatchEvent(new Event('change'));\
                 document.querySelectorAll('[data-view=\"{view}\"] details').forEach(function(d){{d.open=true;}});{}",
                report_value("document.documentElement.scrollWidth")
            ),
        );
        assert_eq!(element_text(&dom, "js-errors"), Some(""), "{view}: script errors were recorded");
        assert!(dom.contains("data-ready=\"1\""), "{view}: the report's script did not run to the end");
        assert_eq!(title(&dom), "1400", "{view}: the page is wider than the 1,400 px window");
        let section = view_section(&dom, &view);
        let open_tag = &section[..section.find('>').unwrap()];
        assert!(!open_tag.contains("hidden"), "{view} is hidden once chosen");
        for other in ["layers", "well-architected"] {
            let other = view_section(&dom, other);
            assert!(other[..other.find('>').unwrap()].contains("hidden"), "{view}: other views stay shown");
        }
        // Every requirement, in its domain, with its status; the summary counts.
        let m = &c.summary;
        assert_eq!(section.matches("<li class=\"req\"").count(), m.requirements, "{view}");
        assert_eq!(section.matches("<details class=\"fw-domain\" open=\"\">").count(), c.domains.len(), "{view}");
        for (status, n) in
            [("pass", m.passed), ("fail", m.failed), ("no-evidence", m.no_evidence), ("not-decidable", m.not_decidable)]
        {
            assert_eq!(section.matches(&format!("data-status=\"{status}\"")).count(), n, "{view}: {status}");
        }
        assert!(
            section.contains(&format!(
                "{} of {} decidable requirements evidenced",
                m.evidenced,
                m.requirements - m.not_decidable
            )),
            "{view}: no summary"
        );
        for d in &c.domains {
            assert!(section.contains(&format!("<summary>{}", as_serialised(d.domain))), "{view}");
        }
        // A failed requirement lists the findings that fail it; a passed one its evidence.
        for req in c.domains.iter().flat_map(|d| &d.requirements) {
            let at = section.find(&format!("<b>{}</b> {}", req.id, as_serialised(req.title))).unwrap();
            let item = &section[at..];
            let item = &item[..item.find("</li><li class=\"req\"").unwrap_or(item.len())];
            if let Some(f) = req.findings.first() {
                failed_somewhere = true;
                assert!(
                    item.contains(&format!("{}:{}</span>", f.file, f.line)),
                    "{view} {}: findings not listed",
                    req.id
                );
            }
        }
    }
    assert!(failed_somewhere, "the examples fail no requirement of any framework");
}

#[test]
fn the_korean_report_runs_in_headless_chromium() {
    let opts = RenderOptions { lang: palisade::i18n::Lang::Ko, ..RenderOptions::default() };
    let html = report::render(&examples_report(), Format::Html, &opts);
    // Every rule opened, then a framework view chosen: the script draws with the Korean labels.
    let dom = dom_after(
        &html,
        "var g;while((g=document.querySelector('tr.group:not(.open)'))){g.click();}\
         document.querySelector('button.toggle').click();",
    );
    assert!(dom.contains("data-ready=\"1\""), "the report's script did not run to the end");
    assert_eq!(element_text(&dom, "js-errors"), Some(""), "script errors were recorded");
    assert!(dom.contains("<html lang=\"ko\">"));
    assert!(dom.contains("수정 방법") || dom.contains("자세히"), "the script's labels are not Korean");
    assert!(dom.contains("버킷"), "finding messages are not Korean");
}
