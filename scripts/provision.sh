#!/usr/bin/env bash
# Provisions a Debian machine for the harness's tests; shared by developers and CI. Idempotent.
#  - Docker engine (Debian's docker.io) installed when missing and started when not answering
#  - debootstrap (test images are built from a local Debian base, no registry needed)
#  - chromium (headless rendering tests of report.html)
#  - yaml-language-server (the engine of editors' YAML support; the editor test of schema/ drives it), with npm,
#    pinned by scripts/yaml-language-server/package-lock.json, into the git-ignored .tools/ (mvn clean keeps it)
#  - xmllint (junit.xml validated against Jenkins xUnit's junit-10.xsd)
#  - the local test images (scripts/build-images.sh), cached: a second run is quick
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf 'provision: %s\n' "$*" >&2; }

need_pkgs=()
command -v dockerd >/dev/null 2>&1 || need_pkgs+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need_pkgs+=(debootstrap)
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v xz >/dev/null 2>&1 || need_pkgs+=(xz-utils)
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
command -v xmllint >/dev/null 2>&1 || need_pkgs+=(libxml2-utils)
if ((${#need_pkgs[@]})); then
  log "installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

pins="$here/yaml-language-server"
tools="$here/../.tools/yaml-language-server"
yls_version="$(sed -n 's/.*"yaml-language-server": "\(.*\)".*/\1/p' "$pins/package.json")"
if cmp -s "$pins/package-lock.json" "$tools/installed-lock.json"; then
  log "yaml-language-server $yls_version in .tools/, skipped"
else
  log "installing yaml-language-server $yls_version into .tools/"
  rm -rf "$tools"
  mkdir -p "$tools"
  cp "$pins/package.json" "$pins/package-lock.json" "$tools/"
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$pins/package-lock.json" "$tools/installed-lock.json"  # last: a broken install is redone next time
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  mkdir -p /var/log
  nohup dockerd --iptables=false >/var/log/harness-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up; see /var/log/harness-dockerd.log"; exit 1; }
fi
log "docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

if [[ -x "$here/build-images.sh" ]]; then
  "$here/build-images.sh"
fi
