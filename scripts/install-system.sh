#!/usr/bin/env bash
# Installs the Debian packages that MRQ's local stack and tests need, when they are missing.
# Idempotent, and silent when there is nothing to do. To need another package, add one `need`
# line below: the package, then a command that succeeds when it is already usable.
set -euo pipefail

log() { printf 'install-system.sh: %s\n' "$*" >&2; }

MISSING=()
need() {
  local package="$1"
  shift
  "$@" >/dev/null 2>&1 || MISSING+=("$package")
}

need redis-server command -v redis-server
# Debian splits ensurepip out of python3, and `python3 -m venv` needs it.
need python3-venv python3 -c 'import ensurepip'
# The dashboard UI's build (scripts/build-ui.sh), and the browser its tests drive.
need npm command -v npm
need chromium test -x /usr/bin/chromium

if ((${#MISSING[@]} == 0)); then
  exit 0
fi

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { log "need root (or sudo) to install: ${MISSING[*]}"; exit 1; }
  SUDO=(sudo)
fi
log "installing ${MISSING[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
log "installed ${MISSING[*]}"
