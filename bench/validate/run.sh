#!/usr/bin/env bash
# Benchmark: `harness validate` over 500 generated check files, and the JVM start share (`harness --version`).
# Usage: bench/validate/run.sh [N_FILES]   (results are printed; copy them into RESULTS.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-500}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for i in $(seq -w 1 "$n"); do
  cat > "$work/check_$i.yaml" <<YAML
check: bench_$i
description: Generated check $i for the validate benchmark.
systems: [postgres]
since: 15.10
initialize:
  - sql: CREATE TABLE bench_$i (a int, b text)
  - sql: INSERT INTO bench_$i VALUES (1, 'one')
manipulate:
  1:
    - sql: INSERT INTO bench_$i VALUES (2, 'two')
  2:
    - sql: INSERT INTO bench_$i VALUES (3, NULL)
validate:
  - query: SELECT a, b FROM bench_$i
    rows:
      - [1, one]
      - [2, two]
      - [3, null]
  - query: SELECT count(*) FROM bench_$i
    rows: [[3]]
    retry: 60s
  - sql: SELECT * FROM no_such_table_$i
    error: {sqlstate: 42P01}
  - query: SELECT 1
    when: current >= 15.10
    rows: [[1]]
YAML
done

"$root/harness" --version >/dev/null   # builds the jar on first use, outside the measurement
"$root/harness" validate "$work"        # must say: ok: $n checks, 0 scenarios

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 10 \
    -n "validate $n checks" "'$root/harness' validate '$work'" \
    -n "JVM start (--version)" "'$root/harness' --version"
else
  for i in 1 2 3 4 5; do /usr/bin/time -f "validate $n checks: %e s" "$root/harness" validate "$work" >/dev/null; done
  for i in 1 2 3 4 5; do /usr/bin/time -f "--version: %e s" "$root/harness" --version >/dev/null; done
fi
