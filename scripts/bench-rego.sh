#!/usr/bin/env bash
# What custom rules in Rego cost: wall time and CPU time of `palisade scan` over the
# real-world corpus in ../shared/corpus (not shipped with the project) with the built-in rules
# alone, then with the example custom rules of examples/rules added, and the custom rules'
# share (the difference) next to the built-in rules' own cost (the scan with every built-in
# rule minus the scan with none selected but one cheap rule: parsing, lowering and reporting
# are common to both).
#
# Usage: scripts/bench-rego.sh [CORPUS_DIR...]
#   RUNS=N   runs per measurement (default 5); medians are shown
#   RULES=D  custom rules to measure (default examples/rules)
# Uses hyperfine when installed, else a shell loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/palisade
corpus_root=${CORPUS_ROOT:-../shared/corpus}
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$corpus_root/cfn" "$corpus_root/k8s" "$corpus_root/tf")
runs=${RUNS:-5}
rules=${RULES:-examples/rules}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure ARGS... -> "wall_ms cpu_ms" (median wall time, mean CPU time)
measure() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i --warmup 1 --runs "$runs" --style none --export-csv "$tmp/h.csv" "$bin $*" >/dev/null 2>&1
    tail -n 1 "$tmp/h.csv" | awk -F, '{printf "%.0f %.0f\n", $4 * 1000, ($5 + $6) * 1000}'
  else
    : >"$tmp/w"
    : >"$tmp/c"
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=$(date +%s%N)
      /usr/bin/time -f '%U %S' -o "$tmp/t" "$bin" "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000000)) >>"$tmp/w"
      awk '{print ($1 + $2) * 1000}' "$tmp/t" >>"$tmp/c"
    done
    local wall cpu
    wall=$(sort -n "$tmp/w" | awk '{a[NR] = $1} END {printf "%.0f", a[int((NR + 1) / 2)]}')
    cpu=$(awk '{s += $1} END {printf "%.0f", s / NR}' "$tmp/c")
    echo "$wall $cpu"
  fi
}

count() {
  "$bin" scan "$@" --format json --fail-on none 2>/dev/null |
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d["findings"]), len([x for x in d["diagnostics"] if x.get("error")]))'
}

echo "palisade $("$bin" --version | awk '{print $2}'), $(nproc) cores, median of $runs runs;" \
  "custom rules: $(ls "$rules"/*.rego | wc -l) files of $rules"
printf '%-8s %12s %12s %12s %12s %14s %14s\n' corpus "none ms" "built-in ms" "+custom ms" "built-in cost" "custom cost" "custom finds"
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  # One cheap rule: everything but the rules (discovery, parsing, lowering, reporting).
  read -r base_wall _ < <(measure scan "$d" --quiet --fail-on none --no-config --select PAL-S3-001)
  read -r builtin_wall _ < <(measure scan "$d" --quiet --fail-on none --no-config)
  read -r custom_wall _ < <(measure scan "$d" --quiet --fail-on none --no-config --rules "$rules")
  read -r findings _ < <(count "$d" --no-config --rules "$rules" --select ORG)
  printf '%-8s %12s %12s %12s %12s %14s %14s\n' "$name" "$base_wall" "$builtin_wall" "$custom_wall" \
    "$((builtin_wall - base_wall))" "$((custom_wall - builtin_wall))" "$findings"
done
echo
echo "built-in cost: scan with every built-in rule minus scan with one; custom cost: scan with the"
echo "custom rules added minus scan with the built-in rules alone (wall time, ms)."
