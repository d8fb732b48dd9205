#!/usr/bin/env bash
# Regenerates every stub from proto/mrq/v1/*.proto:
#
#   Python      clients/python/mrq/v1/*_pb2.py, *_pb2.pyi, *_pb2_grpc.py
#   Go          clients/go/mrqpb/*.pb.go (package mrqpb)
#   TypeScript  clients/typescript/src/generated/   message and service types, and
#               clients/typescript/proto/mrq/v1/      the .proto files it loads at run time (a copy,
#               so the package builds from its own folder)
#
# and copies proto/mrq/v1/service_config.json, the retry policy of reads that every client loads,
# next to each client's stubs.
#
# It installs the pinned tools it needs (so it runs on a fresh machine), deletes the previous
# output before writing the new one (so a removed .proto leaves nothing behind), and is
# byte-stable: running it twice changes nothing, which `make proto-check` relies on.
#
# protoc is the one bundled in grpcio-tools (`python -m grpc_tools.protoc`); the Go plugins
# are `go install`ed into a cache outside the repo, one directory per version.
#
# Environment: MRQ_TOOLS_DIR overrides the tool cache (default ~/.cache/mrq/tools).
set -euo pipefail

# Pinned tool versions. Bumping one changes generated output: rerun and commit the result.
GRPCIO_TOOLS_VERSION=1.85.1 # bundles libprotoc 35.1; keep equal to requirements-dev.txt
PROTOC_GEN_GO_VERSION=v1.36.12
PROTOC_GEN_GO_GRPC_VERSION=v1.6.2
# TypeScript: @grpc/proto-loader (and its proto-loader-gen-types) is pinned by
# clients/typescript/package-lock.json.

GO_MODULE=github.com/mrq-project/mrq/clients/go

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${MRQ_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mrq/tools}"
PYTHON="$ROOT/.venv/bin/python"
export LC_ALL=C # stable glob and sort order

log() { printf 'proto.sh: %s\n' "$*" >&2; }

# ensure_grpc_tools makes sure .venv has grpcio-tools at exactly the pinned version.
ensure_grpc_tools() {
  if [[ ! -x "$PYTHON" ]]; then
    log "creating .venv"
    python3 -m venv "$ROOT/.venv"
  fi
  local have
  have="$("$PYTHON" -c 'import importlib.metadata as m; print(m.version("grpcio-tools"))' 2>/dev/null || true)"
  if [[ "$have" != "$GRPCIO_TOOLS_VERSION" ]]; then
    log "installing grpcio-tools==$GRPCIO_TOOLS_VERSION into .venv (found: ${have:-none})"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "grpcio-tools==$GRPCIO_TOOLS_VERSION"
  fi
}

# ensure_go_plugin PACKAGE VERSION prints the path of PACKAGE's binary at VERSION, installing
# it with `go install` the first time.
ensure_go_plugin() {
  local pkg="$1" version="$2"
  local name="${pkg##*/}"
  local dir="$TOOLS_DIR/$name-$version"
  if [[ ! -x "$dir/$name" ]]; then
    log "installing $pkg@$version"
    mkdir -p "$dir"
    # Outside any module, so clients/go's go.mod cannot change which version is built.
    (cd "$dir" && GOBIN="$dir" go install "$pkg@$version")
  fi
  printf '%s\n' "$dir/$name"
}

# ensure_node_modules installs clients/typescript's locked dependencies when the lock file
# changed since the last install (a stamp in node_modules records its checksum).
ensure_node_modules() {
  local pkg="$ROOT/clients/typescript"
  local stamp="$pkg/node_modules/.mrq-lock.sha256"
  local want
  want="$(sha256sum "$pkg/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    log "installing clients/typescript dependencies (npm ci)"
    (cd "$pkg" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
    printf '%s\n' "$want" >"$stamp"
  fi
}

generate_python() {
  local out="clients/python"
  rm -f "$out"/mrq/v1/*_pb2.py "$out"/mrq/v1/*_pb2.pyi "$out"/mrq/v1/*_pb2_grpc.py
  cp proto/mrq/v1/service_config.json "$out/mrq/v1/"
  "$PYTHON" -m grpc_tools.protoc -Iproto \
    --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" \
    "${PROTOS[@]}"
}

generate_go() {
  local gen_go gen_go_grpc
  gen_go="$(ensure_go_plugin google.golang.org/protobuf/cmd/protoc-gen-go "$PROTOC_GEN_GO_VERSION")"
  gen_go_grpc="$(ensure_go_plugin google.golang.org/grpc/cmd/protoc-gen-go-grpc "$PROTOC_GEN_GO_GRPC_VERSION")"
  rm -f clients/go/mrqpb/*.pb.go
  mkdir -p clients/go/mrqpb
  cp proto/mrq/v1/service_config.json clients/go/mrq/
  # module=... strips the module path from go_package, so files land in clients/go/mrqpb/.
  "$PYTHON" -m grpc_tools.protoc -Iproto \
    --plugin=protoc-gen-go="$gen_go" --go_out=clients/go --go_opt=module="$GO_MODULE" \
    --plugin=protoc-gen-go-grpc="$gen_go_grpc" --go-grpc_out=clients/go \
    --go-grpc_opt=module="$GO_MODULE" \
    "${PROTOS[@]}"
}

generate_typescript() {
  ensure_node_modules
  local pkg="clients/typescript"
  rm -rf "$pkg/src/generated" "$pkg/proto"
  mkdir -p "$pkg/proto/mrq/v1"
  cp proto/mrq/v1/*.proto proto/mrq/v1/service_config.json "$pkg/proto/mrq/v1/"
  # The flags must match the loader options in src/proto.ts.
  (cd "$pkg" && node_modules/.bin/proto-loader-gen-types \
    --grpcLib=@grpc/grpc-js --includeDirs=../../proto --outDir=src/generated \
    --longs=String --enums=String --defaults --oneofs --includeComments \
    "${PROTOS[@]#proto/}")
}

main() {
  cd "$ROOT"
  PROTOS=(proto/mrq/v1/*.proto)
  ensure_grpc_tools
  generate_python
  generate_go
  generate_typescript
  log "generated stubs from ${#PROTOS[@]} proto files"
}

main "$@"
