#!/usr/bin/env bash
# kill -> start -> ready cycle time: the harness's DockerRuntime vs the same cycle with the docker CLI by hand.
# Needs the Docker engine and harness/debian:bookworm (scripts/build-images.sh). Usage: bench/docker/run.sh [CYCLES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cycles="${1:-10}"
out=bench/out/docker; mkdir -p "$out"
mvn -q -o -B test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"

# Ready = the TCP server answers on the published port (bash /dev/tcp), polled every 10 ms like the Java side.
server='perl -MIO::Socket::INET -e '"'"'$s=IO::Socket::INET->new(LocalPort=>7000,Listen=>5,ReuseAddr=>1) or die; while($c=$s->accept){print $c qq(ready\n); close $c}'"'"
name="bench-cli-$$"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker volume rm "$name-data" >/dev/null 2>&1 || true; docker network rm "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker network create "$name" >/dev/null
docker volume create "$name-data" >/dev/null
run() {
  docker run -d --name "$name" --network "$name" --network-alias bench --hostname bench -v "$name-data:/data" \
    -p 127.0.0.1::7000 harness/debian:bookworm /bin/sh -c "$server" >/dev/null
  port="$(docker port "$name" 7000/tcp | head -1 | sed 's/.*://')"
  until exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null && read -r -t 1 line <&3 && [[ "$line" == ready ]]; do sleep 0.01; done
  exec 3>&- || true
}
run
: >"$out/cli.txt"
for _ in $(seq "$cycles"); do
  t0=$(date +%s%N)
  docker kill -s KILL "$name" >/dev/null
  docker rm -f "$name" >/dev/null
  run
  echo "cli $(( ($(date +%s%N) - t0) / 1000000 ))" >>"$out/cli.txt"
done
java -cp "$cp" dev.harness.bench.DockerCycleBenchmark "$cycles" >"$out/harness.txt"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cli=$(awk '{print $2}' "$out/cli.txt" | median)
harness=$(awk '{print $2}' "$out/harness.txt" | median)
echo "cycles=$cycles  median ms: docker CLI $cli, harness DockerRuntime $harness  (ratio $(awk -v a="$harness" -v b="$cli" 'BEGIN{printf "%.2f", a/b}'))"
