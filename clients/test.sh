#!/usr/bin/env bash
# Installs the Go and TypeScript clients' dependencies, checks and builds them, and runs their
# tests.
#
# Usage: clients/test.sh [go] [typescript]      (no argument: both)
#
# Integration tests, and the conformance scenario (see tests/integration/test_client_conformance.py),
# run against a live broker when MRQ_TEST_BROKER_ADDRESS (host:port) is set, with a worker that
# runs tests/integration/mrq_test_tasks.py consuming MRQ_TEST_QUEUE (default "default"), and the token
# MRQ_TEST_TOKEN if the broker requires one; without an address they are skipped and only the
# unit tests run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

log() { printf 'clients/test.sh: %s\n' "$*" >&2; }

test_go() {
  log "go: $(go version)"
  cd go
  go mod download
  go mod tidy -diff >/dev/null || { log "go: go.mod/go.sum are not tidy; run 'go mod tidy'"; return 1; }
  local unformatted
  unformatted="$(gofmt -l .)"
  if [[ -n "$unformatted" ]]; then
    log "go: not gofmt-ed: $unformatted"
    return 1
  fi
  go vet ./...
  go build ./...
  go test -count=1 ./...
}

test_typescript() {
  log "typescript: node $(node --version), npm $(npm --version)"
  cd typescript
  # --ignore-scripts: nothing is downloaded or built at install time.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  npm test --silent # the package, its tests and examples, then node --test
}

main() {
  local targets=("$@")
  if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(go typescript)
  fi
  if [[ -z "${MRQ_TEST_BROKER_ADDRESS:-}" ]]; then
    log "MRQ_TEST_BROKER_ADDRESS is not set: integration tests are skipped"
  else
    log "integration tests use the broker at $MRQ_TEST_BROKER_ADDRESS, queue ${MRQ_TEST_QUEUE:-default}"
  fi
  for target in "${targets[@]}"; do
    case "$target" in
      go) (test_go) ;;
      typescript) (test_typescript) ;;
      *)
        log "unknown target '$target' (expected: go, typescript)"
        return 2
        ;;
    esac
  done
}

main "$@"
