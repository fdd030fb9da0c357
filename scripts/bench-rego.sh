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
#   NO_BUILD=1  use target/release/palisade as it is
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
bin=target/release/palisade
corpus_root=${CORPUS_ROOT:-../shared/corpus}
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$corpus_root/cfn" "$corpus_root/k8s" "$corpus_root/tf")
runs=${RUNS:-5}
rules=${RULES:-examples/rules}

# measure ARGS... -> "wall_ms cpu_ms": the medians over $runs runs (CPU: user + system, from
# the child's resource usage, to the microsecond)
measure() {
  python3 - "$runs" "$bin" "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
walls, cpus = [], []
for _ in range(runs):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    walls.append(time.perf_counter() - start)
    cpus.append(usage.ru_utime + usage.ru_stime)
print(round(statistics.median(walls) * 1000), round(statistics.median(cpus) * 1000))
PY
}

count() {
  "$bin" scan "$@" --format json --fail-on none 2>/dev/null |
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d["findings"]), len([x for x in d["diagnostics"] if x.get("error")]))'
}

echo "palisade $("$bin" --version | awk '{print $2}'), $(nproc) cores, median of $runs runs;" \
  "custom rules: $(find "$rules" -maxdepth 1 -name '*.rego' | wc -l) files of $rules"
printf '%-6s %-5s %8s %10s %10s %14s %12s %8s\n' corpus time "one rule" "built-in" "+custom" "built-in cost" "custom cost" findings
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  # One cheap rule: everything but the rules (discovery, parsing, lowering, reporting).
  read -r base_wall base_cpu < <(measure scan "$d" --quiet --fail-on none --no-config --select PAL-S3-001)
  read -r builtin_wall builtin_cpu < <(measure scan "$d" --quiet --fail-on none --no-config)
  read -r custom_wall custom_cpu < <(measure scan "$d" --quiet --fail-on none --no-config --rules "$rules")
  read -r findings _ < <(count "$d" --no-config --rules "$rules" --select ORG)
  row() { # kind one-rule built-in custom
    printf '%-6s %-5s %8s %10s %10s %14s %12s %8s\n' "$name" "$1" "$2" "$3" "$4" \
      "$(($3 - $2))" "$(($4 - $3))" "$findings"
  }
  row wall "$base_wall" "$builtin_wall" "$custom_wall"
  row cpu "$base_cpu" "$builtin_cpu" "$custom_cpu"
done
echo
echo "ms, medians. built-in cost: scan with every built-in rule minus scan with one rule; custom"
echo "cost: scan with the custom rules added minus scan with the built-in rules alone."
