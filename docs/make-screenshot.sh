#!/usr/bin/env bash
# Regenerates docs/report.png (shown in the README) from the rich sample run: a passing, a failing, a skipped
# and an erroring check. Needs Debian's chromium. Usage: docs/make-screenshot.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o -B test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
html="$(java -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" dev.harness.report.SampleReports "$work/run")"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1400,3180 --screenshot="docs/report.png" "file://$html" 2>/dev/null
echo "wrote docs/report.png"
