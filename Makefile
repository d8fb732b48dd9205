# Developer entry points. On a fresh machine, `make up` runs MRQ locally and `make test` tests it;
# both install what they need first (`make install`).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# The Python packages are reinstalled when one of these changes, or when the stamp is gone.
INSTALL_INPUTS := clients/python/pyproject.toml services/broker/pyproject.toml \
	services/worker/pyproject.toml services/scheduler/pyproject.toml services/dashboard-api/pyproject.toml deploy/local/pyproject.toml \
	requirements-dev.txt
STAMP := $(VENV)/.mrq-installed
LINT_PATHS := clients/python services deploy tests bench scripts
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k broker -x"`.
PYTEST_ARGS ?=
# Test files run in this many processes (pytest-xdist; a file's tests stay together): most tests
# wait on the services they start, so 3 halves the suite's time on 2 cores. 0 runs in one.
TEST_WORKERS ?= 3
# The peers `make bench` compares MRQ with: one venv each, as their pins conflict (see
# bench/peer_scenarios.py); each is reinstalled when its requirements file changes.
BENCH_PEERS := dramatiq arq celery rq
BENCH_VENVS := .venv-bench
BENCH_STAMPS := $(foreach peer,$(BENCH_PEERS),$(BENCH_VENVS)/$(peer)/.installed)
# Extra bench/run.py arguments, e.g. `make bench BENCH_ARGS="--quick"` or "--scenarios 2,3 --peers arq".
BENCH_ARGS ?=
# The long fault-injection run: jobs, and times each fault is injected.
FAULT_JOBS ?= 20000
FAULT_ROUNDS ?= 3

.PHONY: help install up lint lint-now test test-faults bench proto proto-check validate-deploy clean

help:
	@echo "make install      .venv with every package, Redis, FerretDB, chromium, the UI build (incremental)"
	@echo "make up           run Redis, MongoDB (FerretDB), the broker, a worker, the scheduler and the dashboard; Ctrl-C stops"
	@echo "make test         lint (ruff, mypy), check the generated stubs, run the tests with coverage"
	@echo "make test-faults  the fault-injection suite, long: FAULT_JOBS=20000 jobs, every fault FAULT_ROUNDS=3 times"
	@echo "make lint         ruff (format and check), and mypy (strict) over the Python client, the services and mrq-local"
	@echo "make lint-now     make lint without the install step (the pre-commit hook runs it)"
	@echo "make bench        MRQ against Dramatiq, arq, Celery and RQ on this machine (~10 min; BENCH_ARGS=--quick)"
	@echo "make proto        regenerate every stub from proto/mrq/v1"
	@echo "make proto-check  fail if the generated stubs are stale"
	@echo "make validate-deploy  check Dockerfiles, compose, Kubernetes, Prometheus and Grafana files"
	@echo "make clean        remove caches and build leftovers (keeps .venv and .mrq-data)"

# The system checks run every time (they are quick and quiet): the binaries they install live
# outside the clone, so the stamp cannot vouch for them.
install: $(STAMP)
	@scripts/install-system.sh
	@scripts/install-ferretdb.sh
	@scripts/build-ui.sh

$(STAMP): $(INSTALL_INPUTS)
	@scripts/install-system.sh # python3-venv, before the venv
	@test -x $(BIN)/python || { echo "make: creating $(VENV)"; python3 -m venv $(VENV); }
	@echo "make: installing the Python packages into $(VENV)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e clients/python -e services/broker -e services/worker -e services/scheduler -e services/dashboard-api -e deploy/local \
		-r requirements-dev.txt
	@touch $@

up: install
	$(BIN)/mrq-local up

lint: install
	@$(MAKE) --no-print-directory lint-now

lint-now:
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy

# pytest exits 5 when it collected no test: that is a failure here, since the suite is never
# empty (a broken conftest or a filter that matches nothing would otherwise pass silently).
test: install lint proto-check validate-deploy
	@status=0; $(BIN)/python -m pytest --cov --cov-report=term -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS) tests \
		|| status=$$?; \
	if [[ $$status == 5 ]]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status

# `make test` runs the same suite short (5,000 jobs, each fault once). The summary lands in
# test-artifacts/faults/summary-<store>.json.
test-faults: install
	$(BIN)/python -m pytest -m faults -s --timeout 3600 --fault-jobs=$(FAULT_JOBS) --fault-rounds=$(FAULT_ROUNDS) \
		$(PYTEST_ARGS) tests/integration/test_faults.py

# Not part of `make test` (tests/integration/test_bench_smoke.py runs the harness at tiny N).
bench: install $(BENCH_STAMPS)
	cd bench && ../$(BIN)/python run.py $(BENCH_ARGS)

$(BENCH_VENVS)/%/.installed: bench/peers/requirements/%.txt
	@test -x $(BENCH_VENVS)/$*/bin/python || python3 -m venv $(BENCH_VENVS)/$*
	@echo "make: installing $* into $(BENCH_VENVS)/$*"
	@$(BENCH_VENVS)/$*/bin/python -m pip install --quiet --disable-pip-version-check -r $<
	@touch $@

proto:
	scripts/proto.sh

proto-check: install
	@scripts/proto-check.sh

# No Docker engine or cluster needed: see the script for what it checks and installs.
validate-deploy:
	@scripts/validate-deploy.sh

clean:
	rm -rf .pytest_cache .ruff_cache .mypy_cache .coverage .coverage.* htmlcov test-artifacts build $(STAMP)
	find . \( -path ./$(VENV) -o -path ./.git -o -name node_modules \) -prune -o -type d \
		\( -name __pycache__ -o -name '*.egg-info' -o -name .mypy_cache \) -print0 | xargs -0 rm -rf
	@echo "make: kept $(VENV), $(BENCH_VENVS) and .mrq-data (the local stack's data); delete them by hand to start over"
