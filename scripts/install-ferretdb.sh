#!/usr/bin/env bash
# Builds FerretDB, the MongoDB-compatible server (on SQLite) that the local stack and the tests
# use when no `mongod` is on the PATH, into ${XDG_CACHE_HOME:-~/.cache}/mrq/bin/ferretdb: outside
# the clone, so fresh clones and CI runs on this machine reuse it. Idempotent, and silent when a
# working binary of the pinned version is already there.
#
# It runs `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`, then rebuilds from that
# module's source with two changes, because the plain binary is unusable here:
# 1. It panics at start ("Invalid build/version/version.txt file content"): a module download has
#    no build/version/version.txt. As upstream's message suggests, we write that file.
# 2. Its SQLite backend never uses its own unique index on _id: the index is on
#    `_ferretdb_sjson->"_id"` but lookups say `_ferretdb_sjson->'$._id'`, which SQLite does not
#    match to it, so every lookup or update by _id scans the whole collection (24 ms per update
#    at 10,000 documents, 0.8 ms with the fix, whatever the size). We make the lookup expression
#    the index's (same value: `->'_id'` and `->'$._id'` are the same JSON path).
set -euo pipefail

VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB
BIN="${XDG_CACHE_HOME:-$HOME/.cache}/mrq/bin/ferretdb"
BUILD="$VERSION+mrq-id-index" # bump when the changes below change
STAMP="$BIN.build"

log() { printf 'install-ferretdb.sh: %s\n' "$*" >&2; }

if command -v mongod >/dev/null; then
  exit 0
fi
# reports_version BINARY: whether BINARY runs and says it is $VERSION. (Not `| grep -q`: grep
# exiting at the first match can SIGPIPE the binary, which pipefail turns into a failure.)
reports_version() {
  local output
  output="$("$1" --version 2>/dev/null)" || return 1
  grep -qx "version: $VERSION" <<<"$output"
}

if [[ -x "$BIN" ]] && [[ "$(cat "$STAMP" 2>/dev/null)" == "$BUILD" ]] && reports_version "$BIN"; then
  exit 0
fi
if ! command -v go >/dev/null; then
  log "Go is needed to build FerretDB $VERSION (or put a mongod on the PATH)"
  exit 1
fi

log "building FerretDB $VERSION into $BIN (the first build downloads its modules: about a minute)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
GOBIN="$work/gobin" go install "$MODULE/cmd/ferretdb@$VERSION"
src_dir="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@$VERSION"
cp -R "$src_dir" "$work/src"
chmod -R u+w "$work/src" # the module cache is read-only
printf '%s\n' "$VERSION" >"$work/src/build/version/version.txt"
id_column="$work/src/internal/backends/sqlite/metadata/metadata.go"
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \`->\"_id\"\`|" "$id_column"
grep -q 'IDColumn = DefaultColumn + `->"_id"`' "$id_column" || {
  log "could not apply the _id index fix to $id_column"
  exit 1
}
mkdir -p "$(dirname "$BIN")"
(cd "$work/src" && go build -trimpath -o "$work/ferretdb" ./cmd/ferretdb)
reports_version "$work/ferretdb" || {
  log "the binary built does not report version $VERSION"
  exit 1
}
mv -f "$work/ferretdb" "$BIN" # atomic: a concurrent run never sees half a binary
printf '%s\n' "$BUILD" >"$STAMP"
log "installed $("$BIN" --version | head -n 1)"
