#!/usr/bin/env bash
# Throughput and memory of `palisade scan --format json` over the real-world corpus in
# ../shared/corpus (not shipped with the project). Usage: scripts/bench.sh [CORPUS_DIR...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/palisade
corpus_root=${CORPUS_ROOT:-../shared/corpus}
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$corpus_root/cfn" "$corpus_root/k8s")
runs=${RUNS:-5}

measure() { # dir -> prints one line of figures
  local dir=$1
  local files bytes
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | wc -l)
  bytes=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  local best=999999 rss=0
  for _ in $(seq "$runs"); do
    local out
    out=$( { /usr/bin/time -f '%e %M' "$bin" scan "$dir" --format json --output /dev/null --fail-on critical 2>&1 >/dev/null || true; } | tail -n 1)
    local secs kb
    secs=$(echo "$out" | awk '{print $1}')
    kb=$(echo "$out" | awk '{print $2}')
    best=$(awk -v a="$best" -v b="$secs" 'BEGIN {print (b < a) ? b : a}')
    rss=$(( kb > rss ? kb : rss ))
  done
  awk -v d="$dir" -v f="$files" -v b="$bytes" -v s="$best" -v r="$rss" 'BEGIN {
    printf "%-40s files=%d  MB=%.2f  seconds=%.3f  files/s=%.0f  peak_rss_MB=%.1f\n", d, f, b/1e6, s, (s > 0 ? f/s : 0), r/1024 }'
}

echo "palisade $("$bin" --version | awk '{print $2}'), best of $runs runs, $(nproc) cores"
for d in "${dirs[@]}"; do measure "$d"; done

# One template on its own: mean wall time of many runs (process start included).
one=${ONE_TEMPLATE:-$corpus_root/cfn/aws-cloudformation-templates/VPC/VPC_With_Managed_NAT_And_Private_Subnet.yaml}
if [ -f "$one" ]; then
  n=50
  start=$(date +%s.%N)
  for _ in $(seq $n); do "$bin" scan "$one" --format json --output /dev/null --fail-on critical || true; done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n=$n -v f="$one" 'BEGIN {printf "one template (%s): %.1f ms per scan\n", f, (e-s)*1000/n}'
fi
