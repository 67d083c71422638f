#!/usr/bin/env bash
# Executor benchmarks: per-statement overhead vs bare JDBC and vs psql-per-fragment; --parallel 4 vs sequential.
# Servers are the harness's own (process runtime, PostgreSQL binaries from Maven, cached after the first use).
# The psql-per-fragment comparison needs psql on PATH; without it that line says "skipped" and the rest runs.
# Usage: bench/run/run.sh [fragments]   (default 200 fragments of 10 statements)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
java -Dfragments="${1:-200}" -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" dev.harness.run.RunBench
