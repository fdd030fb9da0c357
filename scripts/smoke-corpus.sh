#!/usr/bin/env bash
# Scans the real-world corpus (../shared/corpus, not shipped) and fails on a crash or on any
# parse error other than the corpus's known-invalid files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
corpus=${1:-../shared/corpus/cfn}
known_bad='vulgar_bad_syntax.yml'
out=$(mktemp)
status=0
target/release/palisade scan "$corpus" --format json --output "$out" --fail-on critical || status=$?
if [ "$status" -gt 2 ]; then echo "palisade crashed (status $status)"; exit 1; fi
python3 - "$out" "$known_bad" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
known = sys.argv[2].split(",")
errors = [d for d in report["diagnostics"] if d["kind"] in ("read", "parse")]
unexpected = [d for d in errors if not any(k in d["file"] for k in known)]
s = report["summary"]
print(f"files scanned: {s['files_scanned']}, findings: {s['findings']}, "
      f"input errors: {len(errors)} ({len(unexpected)} unexpected), "
      f"not analysed: {sum(1 for d in report['diagnostics'] if d['kind'] == 'not-analysed')}")
for d in unexpected:
    print(f"  {d['file']}:{d['line']}:{d['column']}: {d['message']}")
sys.exit(1 if unexpected else 0)
PY
