#!/usr/bin/env python3
"""Measures the HTML report in headless Chromium: its size, how long it takes to load, how long
a filter change takes, and how wide the page is in a 1,400 px window.

Usage: scripts/bench-html.py [--runs N] [--binary PATH] [--report FILE] [PATHS...]

Scans PATHS (default: ../shared/corpus, else examples) with the release binary (built when
missing; --binary picks another) into an HTML report, or measures an existing --report. A
measuring script is added at the end of a copy of the page; it runs at the `load` event:

* load: milliseconds from the start of navigation to the end of the first layout after the
  page's own script ran (performance.now() after a forced layout);
* filter: for each value of the severity filter, then back to "all", and for a search text,
  the milliseconds from setting the value to the end of the forced layout that follows;
* filter with a rule open: the same, with the rule of the most findings open (reports that
  group findings by rule);
* width: the document's scroll width in the 1,400 px window, first as loaded, then with the
  first finding group (or row) opened.

Each figure is the median over the runs. Needs `chromium` (or PALISADE_CHROMIUM).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

MEASURE = r"""
<script>
window.addEventListener('load', function () {
  var out = {};
  try {
    document.body.offsetHeight;
    out.load = performance.now();
    out.ready = document.body.getAttribute('data-ready') === '1';
    out.width = document.documentElement.scrollWidth;
    function timed(el, value, event) {
      var t = performance.now();
      el.value = value;
      el.dispatchEvent(new Event(event, {bubbles: true}));
      document.body.offsetHeight;
      return performance.now() - t;
    }
    var sev = document.getElementById('f-severity');
    var times = [];
    if (sev) {
      for (var i = 0; i < sev.options.length; i++) {
        if (sev.options[i].value) { times.push(timed(sev, sev.options[i].value, 'change')); }
      }
      times.push(timed(sev, '', 'change'));
    }
    var text = document.getElementById('f-text');
    if (text) {
      times.push(timed(text, 'bucket', 'input'));
      times.push(timed(text, '', 'input'));
    }
    out.filters = times;
    // Again with the rule of the most findings open (its first page listed), where there is
    // one to sort and open.
    var byCount = document.querySelector('th[data-sort=findings]');
    var open_times = [];
    if (byCount && sev) {
      byCount.click();
      var g = document.querySelector('tr.group');
      if (g) { g.click(); }
      for (var j = 0; j < sev.options.length; j++) { open_times.push(timed(sev, sev.options[j].value, 'change')); }
      open_times.push(timed(sev, '', 'change'));
    }
    out.filters_open = open_times;
    out.shown = (document.getElementById('shown') || {}).textContent;
    var open = document.querySelector('.group > summary, button.toggle');
    if (open) { open.click(); document.body.offsetHeight; }
    out.width_open = document.documentElement.scrollWidth;
    out.errors = (window.__errors || []).length;
  } catch (e) {
    out.error = String(e);
  }
  document.title = 'BENCH' + JSON.stringify(out);
});
</script>
"""


def browser():
    for b in [os.environ.get("PALISADE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if b and shutil.which(b):
            return shutil.which(b)
    sys.exit("no Chromium found: install the chromium package or set PALISADE_CHROMIUM")


def measure(page, work):
    profile = tempfile.mkdtemp(dir=work)
    out = subprocess.run(
        [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1400,900", "--timeout=60000",
         f"--user-data-dir={profile}", "--dump-dom", f"file://{page}"],
        capture_output=True, text=True, timeout=180)
    m = re.search(r"<title>BENCH(.*?)</title>", out.stdout, re.S)
    if not m:
        sys.exit(f"the measuring script did not finish:\n{out.stderr[-2000:]}")
    data = json.loads(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                      .replace("&quot;", '"'))
    if "error" in data:
        sys.exit(f"the measuring script failed: {data['error']}")
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default="target/release/palisade")
    ap.add_argument("--report", help="measure this HTML file instead of scanning")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    work = tempfile.mkdtemp()
    try:
        if args.report:
            report = os.path.abspath(args.report)
        else:
            if not os.path.exists(args.binary):
                subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
            paths = args.paths or (["../shared/corpus"] if os.path.isdir("../shared/corpus") else ["examples"])
            report = os.path.join(work, "report.html")
            rc = subprocess.run([args.binary, "scan", *paths, "--format", "html", "--output", report,
                                 "--fail-on", "none"], stderr=subprocess.DEVNULL).returncode
            if not os.path.exists(report):
                sys.exit(f"the scan wrote no report (exit status {rc})")
        page = os.path.join(work, "bench.html")
        with open(report, encoding="utf-8") as f:
            html = f.read()
        with open(page, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", MEASURE + "</body>", 1))
        runs = [measure(page, work) for _ in range(args.runs)]
        med = lambda k: statistics.median(r[k] for r in runs)
        filters = [t for r in runs for t in r["filters"]]
        filters_open = [t for r in runs for t in r.get("filters_open", [])]
        print(f"report:        {os.path.getsize(report) / 1e6:.2f} MB")
        print(f"load:          {med('load'):.0f} ms (median of {args.runs}; runs: "
              + ", ".join(f"{r['load']:.0f}" for r in runs) + ")")
        if filters:
            print(f"filter change: median {statistics.median(filters):.0f} ms, max {max(filters):.0f} ms "
                  f"({len(filters)} changes)")
        if filters_open:
            print(f"  largest rule open: median {statistics.median(filters_open):.0f} ms, "
                  f"max {max(filters_open):.0f} ms ({len(filters_open)} changes)")
        print(f"width:         {med('width'):.0f} px as loaded, {med('width_open'):.0f} px with a group open "
              "(window 1400 px)")
        print(f"script ran:    {all(r['ready'] for r in runs)}; script errors: {max(r['errors'] for r in runs)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
