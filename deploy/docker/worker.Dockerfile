# syntax=docker/dockerfile:1
# mrq-worker: runs Python tasks in gevent greenlets. This image is the base that users extend
# with their own task code (see examples/worker-image/):
#
#   docker build -f deploy/docker/worker.Dockerfile -t mrq-worker .      (from the repository root)
#
#   FROM mrq-worker
#   COPY tasks/ /app/tasks/
#
# Tasks are imported from /app (the working directory, also on PYTHONPATH).

# Pinned by digest (docker-library/repo-info, python:3.11.15-slim-bookworm); bump tag and digest
# together. Every Python image uses the same base, so they share its layers.
ARG PYTHON_IMAGE=python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY clients/python/ clients/python/
COPY services/worker/ services/worker/
# Both projects on one command line: pip takes the `mrq` dependency from ./clients/python, never
# from an index.
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /opt/mrq \
    && /opt/mrq/bin/pip install ./clients/python ./services/worker \
    && /opt/mrq/bin/python -c "import mrq.v1.worker_service_pb2, mrq_worker.worker, gevent, psutil"

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="mrq-worker" \
      org.opencontainers.image.description="MRQ worker: runs Python tasks in gevent greenlets; extend it with your tasks"
# tini as PID 1: it reaps the zombies that task code spawning subprocesses can leave behind, and
# forwards signals to the worker. Unpinned on purpose: the suite is the base image's bookworm, and
# a Debian version pin breaks at the next binNMU or on another architecture.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 mrq \
    && useradd --system --uid 10001 --gid mrq --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin mrq
# The venv stays owned by root: a derived image adds packages as root (`USER 0:0`, pip install).
COPY --from=build /opt/mrq /opt/mrq
COPY --chmod=0755 deploy/docker/healthcheck.py /usr/local/bin/mrq-healthcheck
WORKDIR /app
# Metrics listen on every interface, or neither Prometheus nor the kubelet's probes reach them.
ENV PATH=/opt/mrq/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MRQ_BROKER_ADDRESS=broker:50051 \
    MRQ_WORKER_PROCESSES=0 \
    MRQ_WORKER_METRICS_HOST=0.0.0.0 \
    MRQ_WORKER_METRICS_PORT=9102
USER 10001:10001
EXPOSE 9102
# SIGINT is the worker's graceful stop: take no new jobs, let running ones finish (up to
# MRQ_WORKER_SHUTDOWN_TIMEOUT_S, 30 s by default). SIGTERM would interrupt them, and the broker
# would requeue them. Give `docker stop` a longer grace than that timeout (compose does: 45 s).
STOPSIGNAL SIGINT
# Checks that the worker answers on its metrics port: alive, not making progress. /metrics is
# served by a greenlet, so a task holding the CPU without yielding makes it unhealthy for a
# while; Docker only reports that (the Kubernetes liveness probe is a TCP check for this reason).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["mrq-healthcheck", "http"]
ENTRYPOINT ["tini", "--", "mrq-worker"]
