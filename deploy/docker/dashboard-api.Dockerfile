# syntax=docker/dockerfile:1
# mrq-dashboard: the dashboard's HTTP API (FastAPI), a gRPC client of the broker. It serves its
# Prometheus metrics on its own port, at /metrics; the UI comes from the dashboard-ui image.
#
#   docker build -f deploy/docker/dashboard-api.Dockerfile -t mrq-dashboard-api .   (from the repository root)
#
# It listens on 0.0.0.0, so it refuses to start without MRQ_DASHBOARD_AUTH ("user:password" for
# HTTP Basic, or a token).

# Pinned by digest (docker-library/repo-info, python:3.11.15-slim-bookworm); bump tag and digest
# together. Every Python image uses the same base, so they share its layers.
ARG PYTHON_IMAGE=python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY clients/python/ clients/python/
COPY services/dashboard-api/ services/dashboard-api/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /opt/mrq \
    && /opt/mrq/bin/pip install ./clients/python ./services/dashboard-api \
    && /opt/mrq/bin/python -c "import mrq_dashboard" \
    && test -x /opt/mrq/bin/mrq-dashboard

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="mrq-dashboard-api" \
      org.opencontainers.image.description="MRQ dashboard HTTP API"
RUN groupadd --system --gid 10001 mrq \
    && useradd --system --uid 10001 --gid mrq --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin mrq
COPY --from=build /opt/mrq /opt/mrq
COPY --chmod=0755 deploy/docker/healthcheck.py /usr/local/bin/mrq-healthcheck
ENV PATH=/opt/mrq/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MRQ_BROKER_ADDRESS=broker:50051 \
    MRQ_DASHBOARD_HOST=0.0.0.0 \
    MRQ_DASHBOARD_PORT=5555
USER 10001:10001
EXPOSE 5555
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["mrq-healthcheck", "http", "http://127.0.0.1:5555/healthz"]
ENTRYPOINT ["mrq-dashboard"]
