#!/usr/bin/env bash
# Fails when the generated stubs under clients/ are stale, i.e. when running scripts/proto.sh
# changes, adds or removes any file there. It compares the files themselves before and after,
# rather than `git diff`, so uncommitted work elsewhere in clients/ does not fail it; in CI's
# clean checkout the two are the same check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'proto-check: %s\n' "$*" >&2; }

if [[ ! -f scripts/proto.sh ]]; then
  log "skipped: scripts/proto.sh does not exist yet"
  exit 0
fi

# snapshot prints "checksum  path" for every file under clients/ that git tracks or would track.
snapshot() {
  git ls-files -z --cached --others --exclude-standard -- clients |
    while IFS= read -r -d '' file; do
      if [[ -f "$file" ]]; then sha256sum "$file"; fi
    done | sort -k 2
}

before="$(snapshot)"
bash scripts/proto.sh
after="$(snapshot)"
if [[ "$before" != "$after" ]]; then
  log "the generated stubs were stale; regenerating them changed:"
  diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed -n 's/^[<>] [0-9a-f]*  /  /p' | sort -u >&2
  log "they are now regenerated in your tree: review and commit them (\`make proto\` does the same)"
  exit 1
fi
