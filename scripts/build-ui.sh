#!/usr/bin/env bash
# Builds the dashboard UI (services/dashboard-ui/dist), which mrq-dashboard serves at /.
# `npm ci` runs only when package-lock.json changed since the last install (a stamp in
# node_modules records its checksum); the build itself copies files and takes well under a second.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../services/dashboard-ui"

log() { printf 'build-ui.sh: %s\n' "$*" >&2; }

command -v npm >/dev/null || { log "npm is missing (scripts/install-system.sh installs it)"; exit 1; }
stamp=node_modules/.mrq-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  log "installing the UI's dependencies (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  printf '%s\n' "$want" >"$stamp"
fi
npm run --silent build >/dev/null
