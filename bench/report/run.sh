#!/usr/bin/env bash
# Benchmark of report.html: size and open time in headless Chromium for a 200-check run.
# Usage: bench/report/run.sh [checks=200] [runs=5]    (from the repository root; needs chromium)
# Two measures, median of runs, each with a fresh profile:
#   load_ms: in-page, navigation start -> load event + a forced layout (a probe script is appended to a copy);
#   open_ms: wall time of `chromium --dump-dom` on the report minus the same on an empty page (noisy on a busy machine).
set -euo pipefail
checks=${1:-200}
runs=${2:-5}
out=bench/out/report
rm -rf "$out" && mkdir -p "$out"
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.harness.report.SampleReports "$out/run" "$checks" >/dev/null
echo "<!DOCTYPE html><title>empty</title>" > "$out/empty.html"
probe='<script>addEventListener("load",function(){document.body.offsetHeight;document.documentElement.setAttribute("data-load-ms",Math.round(performance.now()))})</script>'
sed "s|</body>|$probe</body>|" "$out/run/report.html" > "$out/run/probe.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-dev-shm-usage)
time_ms() { # $1 = file; prints wall milliseconds of one dump-dom with a fresh profile
  local profile; profile=$(mktemp -d)
  local start end
  start=$(date +%s%N)
  chromium "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$PWD/$1" >/dev/null 2>&1
  end=$(date +%s%N)
  rm -rf "$profile"
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(for _ in $(seq "$runs"); do time_ms "$out/empty.html"; done | median)
report=$(for _ in $(seq "$runs"); do time_ms "$out/run/report.html"; done | median)
load=$(for _ in $(seq "$runs"); do
  profile=$(mktemp -d)
  chromium "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$PWD/$out/run/probe.html" 2>/dev/null | grep -o 'data-load-ms="[0-9]*"' | grep -o '[0-9]*'
  rm -rf "$profile"
done | median)
size=$(stat -c %s "$out/run/report.html")
echo "checks=$checks runs=$runs report_bytes=$size empty_ms=$base report_ms=$report open_ms=$((report - base)) load_ms=$load"
