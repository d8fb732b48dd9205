# syntax=docker/dockerfile:1
# mrq-broker: the gRPC service, the only process that touches Redis and MongoDB.
#
#   docker build -f deploy/docker/broker.Dockerfile -t mrq-broker .      (from the repository root)
#
# The generated gRPC stubs are not regenerated here: they are committed once, in
# clients/python/mrq/v1, and `make proto-check` keeps them in step with proto/. The mrq wheel
# built below carries them.

# Pinned by digest (docker-library/repo-info, python:3.11.15-slim-bookworm); bump tag and digest
# together. Every Python image uses the same base, so they share its layers.
ARG PYTHON_IMAGE=python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY clients/python/ clients/python/
COPY services/broker/ services/broker/
# Both projects on one command line: pip takes the `mrq` dependency from ./clients/python, never
# from an index. The import proves the stubs and Lua scripts made it into the wheels.
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /opt/mrq \
    && /opt/mrq/bin/pip install ./clients/python ./services/broker \
    && /opt/mrq/bin/python -c "import mrq.v1.job_service_pb2, mrq_broker.server, grpc_health.v1.health"

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="mrq-broker" \
      org.opencontainers.image.description="MRQ broker: gRPC API over Redis queues and a MongoDB job store"
RUN groupadd --system --gid 10001 mrq \
    && useradd --system --uid 10001 --gid mrq --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin mrq
COPY --from=build /opt/mrq /opt/mrq
COPY --chmod=0755 deploy/docker/healthcheck.py /usr/local/bin/mrq-healthcheck
# Metrics listen on every interface, or neither Prometheus nor the kubelet's probes reach them.
ENV PATH=/opt/mrq/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MRQ_BROKER_ADDRESS=0.0.0.0:50051 \
    MRQ_BROKER_METRICS_HOST=0.0.0.0 \
    MRQ_BROKER_METRICS_PORT=9101
USER 10001:10001
EXPOSE 50051 9101
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["mrq-healthcheck", "grpc"]
ENTRYPOINT ["mrq-broker"]
