#!/usr/bin/env bash
# Wall time, CPU use and peak memory of `palisade scan` over the real-world corpus in
# ../shared/corpus (not shipped with the project), and what the report formats cost per finding:
# (median wall time with --format F - median with --quiet) / findings.
#
# Usage: scripts/bench.sh [CORPUS_DIR...]
#   RUNS=N      runs per measurement (default 20); medians are shown
#   FORMATS=".." formats to time besides --quiet (default "json sarif text")
# Uses hyperfine when installed (apt-get install hyperfine), else a shell loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/palisade
corpus_root=${CORPUS_ROOT:-../shared/corpus}
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$corpus_root/cfn" "$corpus_root/k8s" "$corpus_root/tf")
runs=${RUNS:-20}
formats=${FORMATS:-json sarif text}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure ARGS... -> "wall_ms cpu_ms" (medians of wall time, mean CPU time)
measure() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-csv "$tmp/h.csv" "$bin $*" >/dev/null 2>&1
    # command,mean,stddev,median,user,system,min,max
    tail -n 1 "$tmp/h.csv" | awk -F, '{printf "%.1f %.1f\n", $4 * 1000, ($5 + $6) * 1000}'
  else
    : >"$tmp/w"
    : >"$tmp/c"
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=$(date +%s%N)
      /usr/bin/time -f '%U %S' -o "$tmp/t" "$bin" "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000)) >>"$tmp/w"
      awk '{print ($1 + $2) * 1000}' "$tmp/t" >>"$tmp/c"
    done
    local wall cpu
    wall=$(sort -n "$tmp/w" | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] / 1000}')
    cpu=$(awk '{s += $1} END {printf "%.1f", s / NR}' "$tmp/c")
    echo "$wall $cpu"
  fi
}

# peak ARGS... -> peak resident memory in MB (largest of three runs)
peak() {
  local kb=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$tmp/m" "$bin" "$@" >/dev/null 2>&1 || true
    local k
    k=$(tail -n 1 "$tmp/m")
    ((k > kb)) && kb=$k
  done
  awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}'
}

echo "palisade $("$bin" --version | awk '{print $2}'), $(nproc) cores, median of $runs runs" \
  "($(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo shell loop))"
printf '%-8s %6s %8s  %-6s %8s %8s %8s %8s %12s %12s\n' \
  corpus files findings mode "wall ms" "cpu ms" cpu/wall "peak MB" "µs/finding" "cpu µs/f."
for dir in "${dirs[@]}"; do
  name=$(basename "$dir")
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \
    -o -name '*.tf' -o -name '*.tfvars' \) | wc -l)
  findings=$("$bin" scan "$dir" --format json 2>/dev/null | sed -n 's/^    "findings": \([0-9]*\),$/\1/p' | head -n 1 || true)
  findings=${findings:-0}
  read -r quiet_wall quiet_cpu < <(measure scan "$dir" --quiet --output /dev/null)
  printf '%-8s %6d %8d  %-6s %8.1f %8.1f %8.2f %8s %12s %12s\n' "$name" "$files" "$findings" quiet \
    "$quiet_wall" "$quiet_cpu" "$(awk -v c="$quiet_cpu" -v w="$quiet_wall" 'BEGIN {print c / w}')" \
    "$(peak scan "$dir" --quiet --output /dev/null)" - -
  for f in $formats; do
    read -r wall cpu < <(measure scan "$dir" --format "$f" --output /dev/null)
    per=$(awk -v w="$wall" -v q="$quiet_wall" -v n="$findings" 'BEGIN {printf "%.2f", (n > 0 ? (w - q) * 1000 / n : 0)}')
    per_cpu=$(awk -v w="$cpu" -v q="$quiet_cpu" -v n="$findings" 'BEGIN {printf "%.2f", (n > 0 ? (w - q) * 1000 / n : 0)}')
    printf '%-8s %6s %8s  %-6s %8.1f %8.1f %8.2f %8s %12s %12s\n' "" "" "" "$f" "$wall" "$cpu" \
      "$(awk -v c="$cpu" -v w="$wall" 'BEGIN {print c / w}')" "$(peak scan "$dir" --format "$f" --output /dev/null)" \
      "$per" "$per_cpu"
  done
done
echo "µs/finding: (median wall with the format - median wall with --quiet) / findings; cpu µs/f.: the same"
echo "with CPU time (user + system), steadier on a busy machine. Differences of a few µs are noise."

# One template on its own: mean wall time of many runs (process start included).
one=${ONE_TEMPLATE:-$corpus_root/cfn/aws-cloudformation-templates/VPC/VPC_With_Managed_NAT_And_Private_Subnet.yaml}
if [ -f "$one" ]; then
  read -r wall _ < <(measure scan "$one" --format json --output /dev/null)
  echo "one template ($one): $wall ms per scan"
fi
