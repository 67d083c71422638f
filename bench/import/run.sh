#!/usr/bin/env bash
# Benchmark: `harness import testdrive --sets` of 1,000 generated testdrive fragments of 50 statements each
# (250 fragment sets x 4 phases), in one JVM, JVM start included; and the JVM start alone (`harness --version`).
# Usage: bench/import/run.sh [N_SETS] [STATEMENTS_PER_FRAGMENT]   (results are printed; copy them into RESULTS.md)
# With BASELINE=/path/to/other/checkout/harness, each run of this checkout alternates with a run of that launcher (its
# output is not checked), so that both see the same machine: compare the two medians, not numbers from different days.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sets="${1:-250}"
per="${2:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One fragment: blocks of five statements (a retried INSERT, a multi-line query with a quoted value, an expected
# error, a version-guarded query, a postgres-execute as mz_system), after a mask.
fragment() {
  local t="$1" k
  echo '$ set-regex match=u[0-9]+ replacement=<id>'
  for ((k = 1; k <= per / 5; k++)); do
    cat <<TD
> INSERT INTO $t VALUES ($k, 'v $k')
> SELECT a, b
  FROM $t WHERE a = $k
$k "v $k"
! SELECT 1 / 0
contains:division by zero
>[version>=1500000] SELECT count(*) FROM $t WHERE a <= $k
$k
\$ postgres-execute connection=postgres://mz_system:materialize@\${testdrive.materialize-internal-sql-addr}
SELECT $k
TD
  done
}

mkdir -p "$work/in"
for ((i = 1; i <= sets; i++)); do
  d="$work/in/set_$i"
  mkdir -p "$d"
  for f in initialize manipulate-1 manipulate-2 validate; do fragment "t_$i" > "$d/$f.td"; done
done
echo "input: $sets sets, $((sets * 4)) fragments, $((sets * 4 * per)) statements, $(du -sh "$work/in" | cut -f1)"

"$root/harness" --version >/dev/null   # builds the jar on first use, outside the measurement
"$root/harness" import testdrive --sets "$work/in" -o "$work/out"   # must exit 0
"$root/harness" validate "$work/out"   # must say: ok: $sets checks, 0 scenarios

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
runs=12
times="$work/times"
launchers=("$root/harness")
[[ -n "${BASELINE:-}" ]] && { "$BASELINE" --version >/dev/null; launchers=("$BASELINE" "$root/harness"); }
for ((i = 1; i <= runs; i++)); do
  for h in "${launchers[@]}"; do
    /usr/bin/time -a -o "$times" -f "import $h %e %U %S" "$h" import testdrive --sets "$work/in" -o "$work/out-$i" >/dev/null
    rm -rf "$work/out-$i"
    /usr/bin/time -a -o "$times" -f "version $h %e %U %S" "$h" --version >/dev/null
  done
done
# median wall time and median CPU time (user + sys) per command and launcher
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f (min %.2f, max %.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
for cmd in import version; do
  for h in "${launchers[@]}"; do
    rows="$(awk -v c="$cmd" -v h="$h" '$1 == c && $2 == h' "$times")"
    echo "$cmd $h: wall $(awk '{ print $3 }' <<<"$rows" | median) s, CPU $(awk '{ print $4 + $5 }' <<<"$rows" | median) s, $(wc -l <<<"$rows") runs"
  done
done
