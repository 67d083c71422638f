#!/usr/bin/env bash
# What the implicit consistency step costs a scenario: the same catalogue scenario, same seed, run with
# consistency on (harness.yaml as it is) and off (a copy with `consistency: off`), alternating, several rounds.
# Reports per run the wall time of `harness run` and, from harness.log, the time spent in consistency steps,
# in server starts (start steps) and in check phases (initialize/manipulate/validate steps).
# Usage: bench/consistency/run.sh [scenario] [rounds] [runtime]
#        (default scenarios.d/upgrade_entire.yaml, 3 rounds, process)
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario="${1:-scenarios.d/upgrade_entire.yaml}"
rounds="${2:-3}"
runtime="${3:-process}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed 's/^consistency: on .*/consistency: off/' harness.yaml > "$work/harness-off.yaml"
grep -q '^consistency: off' "$work/harness-off.yaml" || { echo "harness.yaml has no 'consistency: on' line to switch off" >&2; exit 2; }
./harness validate checks.d >/dev/null # builds the jar outside the timed runs

# Sums the durations of the steps whose title matches $2 in harness.log $1 (lines "step i/n STATUS (N ms): title").
sum_ms() { grep -E "step [0-9]+/[0-9]+ [A-Z]+ \([0-9]+ ms\): ($2)" "$1" | sed -E 's/.*\(([0-9]+) ms\).*/\1/' | awk '{s+=$1} END {print s+0}'; }

run_once() { # $1 = on|off
  local out="$work/$1-$RANDOM" config=()
  [[ "$1" == off ]] && config=(--config "$work/harness-off.yaml")
  local t0 t1
  t0=$(date +%s%N)
  ./harness run "$scenario" --runtime "$runtime" --seed 1 --out "$out" "${config[@]}" >/dev/null 2>&1 || { echo "run failed ($1)" >&2; exit 1; }
  t1=$(date +%s%N)
  local log; log="$(ls "$out"/*/harness.log)"
  printf '%-4s %8d %8d %8d %8d %6d\n' "$1" $(((t1 - t0) / 1000000)) "$(sum_ms "$log" 'consistency')" \
      "$(sum_ms "$log" 'start ')" "$(sum_ms "$log" 'initialize|manipulate|validate')" \
      "$(grep -cE 'step [0-9]+/[0-9]+ [A-Z]+ \([0-9]+ ms\): consistency' "$log")"
}

echo "scenario $scenario, runtime $runtime, $rounds rounds, $(nproc) cores, $(date -u +%FT%TZ)"
printf '%-4s %8s %8s %8s %8s %6s\n' mode wall_ms cons_ms start_ms phase_ms steps
for _ in $(seq "$rounds"); do run_once on; run_once off; done
