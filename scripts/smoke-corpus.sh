#!/usr/bin/env bash
# Scans the real-world corpus (../shared/corpus, not shipped) and fails on a crash or on any
# parse error other than the corpus's known-invalid files.
# Usage: scripts/smoke-corpus.sh [CORPUS_DIR]  (default ../shared/corpus/cfn; also ../shared/corpus/k8s,
# ../shared/corpus/tf)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
corpus=${1:-../shared/corpus/cfn}
case "$corpus" in
  # Kubernetes corpus: files that are not valid YAML (bad indentation) or repeat a key.
  *k8s*) known_bad='gke-model-armor/,05-replicator/my-target-cluster.yaml,05-replicator/replicator.yaml,06-confluent-platform/platform.yaml,openshift-origin/etcd-controller.yaml,openshift-origin/etcd-discovery-controller.yaml,openshift-origin/openshift-controller.yaml,quobyte/quobyte-admin-secret.yaml,scaleio/sc-pvc.yaml' ;;
  # Terraform corpus: every file is valid; modules from the registry are not downloaded.
  */tf | */tf/ | tf) known_bad='' ;;
  *) known_bad='vulgar_bad_syntax.yml' ;;
esac
out=$(mktemp)
status=0
target/release/palisade scan "$corpus" --format json --output "$out" --fail-on critical || status=$?
if [ "$status" -gt 2 ]; then echo "palisade crashed (status $status)"; exit 1; fi
python3 - "$out" "$known_bad" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
known = [k for k in sys.argv[2].split(",") if k]
errors = [d for d in report["diagnostics"] if d["kind"] in ("read", "parse")
          or "internal error" in d["message"] or "could not be evaluated" in d["message"]]
unexpected = [d for d in errors if not any(k in d["file"] for k in known)]
s = report["summary"]
print(f"files scanned: {s['files_scanned']}, findings: {s['findings']}, "
      f"input errors: {len(errors)} ({len(unexpected)} unexpected), "
      f"not analysed: {sum(1 for d in report['diagnostics'] if d['kind'] == 'not-analysed')}")
for d in unexpected:
    print(f"  {d['file']}:{d['line']}:{d['column']}: {d['message']}")
sys.exit(1 if unexpected else 0)
PY
