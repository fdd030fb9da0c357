#!/usr/bin/env bash
# How scan time grows with the size of one input: templates of N = 1k, 10k, 100k buckets,
# security groups and instances (scripts/gen-scale-template.py), and IAM policies of many
# statements or one very long action pattern. Inputs are generated in a temporary directory.
# Usage: scripts/bench-scale.sh [path/to/palisade]   (SIZES="1000 10000" to change the sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/palisade}
[ $# -gt 0 ] || cargo build --release --quiet
sizes=${SIZES:-1000 10000 100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { # label file -> one line: size, seconds, findings
  local label=$1 file=$2 start end
  start=$(date +%s.%N)
  "$bin" scan "$file" --format json --output "$tmp/out.json" --fail-on critical >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v b="$(stat -c %s "$file")" \
    -v f="$(grep -c '"rule_id"' "$tmp/out.json" || true)" \
    'BEGIN {printf "%-28s %8.1f KB  %8.3f s  %7d findings\n", l, b/1024, e-s, f}'
}

for family in buckets sgs instances; do
  for n in $sizes; do
    python3 scripts/gen-scale-template.py "$family" "$n" "$tmp/$family.json"
    run "$family $n" "$tmp/$family.json"
  done
done
for n in 2000 10000; do
  python3 scripts/gen-scale-template.py statements "$n" "$tmp/policy.json"
  run "policy of $n statements" "$tmp/policy.json"
done
for family in pattern upattern; do
  python3 scripts/gen-scale-template.py "$family" 50000 "$tmp/policy.json"
  run "one 50k-character $family" "$tmp/policy.json"
done
