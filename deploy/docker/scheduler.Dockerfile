# syntax=docker/dockerfile:1
# mrq-scheduler: enqueues recurring jobs through the broker; run 2+ replicas: every tick's job
# has a deterministic id and is queued once, whichever replica fires it.
#
#   docker build -f deploy/docker/scheduler.Dockerfile -t mrq-scheduler .   (from the repository root)
#
# SCHEDULER_TASKS comes from the config file (mount it and set MRQ_CONFIG) or, as JSON, from
# MRQ_SCHEDULER_TASKS.

# Pinned by digest (docker-library/repo-info, python:3.11.15-slim-bookworm); bump tag and digest
# together. Every Python image uses the same base, so they share its layers.
ARG PYTHON_IMAGE=python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY clients/python/ clients/python/
COPY services/scheduler/ services/scheduler/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /opt/mrq \
    && /opt/mrq/bin/pip install ./clients/python ./services/scheduler \
    && /opt/mrq/bin/python -c "import mrq_scheduler" \
    && test -x /opt/mrq/bin/mrq-scheduler

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="mrq-scheduler" \
      org.opencontainers.image.description="MRQ scheduler: enqueues jobs on cron and interval schedules"
RUN groupadd --system --gid 10001 mrq \
    && useradd --system --uid 10001 --gid mrq --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin mrq
COPY --from=build /opt/mrq /opt/mrq
COPY --chmod=0755 deploy/docker/healthcheck.py /usr/local/bin/mrq-healthcheck
# Metrics listen on every interface, or neither Prometheus nor the kubelet's probes reach them.
ENV PATH=/opt/mrq/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MRQ_BROKER_ADDRESS=broker:50051 \
    MRQ_SCHEDULER_METRICS_HOST=0.0.0.0 \
    MRQ_SCHEDULER_METRICS_PORT=9103
USER 10001:10001
EXPOSE 9103
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 CMD ["mrq-healthcheck", "http"]
ENTRYPOINT ["mrq-scheduler"]
