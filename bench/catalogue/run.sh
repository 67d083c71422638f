#!/usr/bin/env bash
# The whole scenario catalogue with the whole check library (checks.d: portable and postgres), sequential and with
# --parallel 4: wall time, and the share of step time spent in server starts and hand-overs, in check SQL and in
# the implicit consistency steps (from the run data each report.html embeds), plus what consistency adds.
# Usage: bench/catalogue/run.sh [runtime]   (default process)
set -euo pipefail
cd "$(dirname "$0")/../.."
runtime="${1:-process}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./harness validate checks.d scenarios.d >/dev/null # builds the jar outside the timed runs
echo "| run | scenarios | wall | servers | check SQL | consistency | consistency adds |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for parallel in 1 4; do
  out="$work/p$parallel"
  t0=$(date +%s%N)
  ./harness run scenarios.d/*.yaml --runtime "$runtime" --seed 1 --parallel "$parallel" --out "$out" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  python3 bench/catalogue/shares.py "$out" "$(( (t1 - t0) / 1000000000 ))" "$runtime, --parallel $parallel"
done
