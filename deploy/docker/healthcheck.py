#!/usr/bin/env python3
"""``mrq-healthcheck``: the HEALTHCHECK command of the MRQ Python images.

Usage::

    mrq-healthcheck grpc [HOST:PORT]   the broker's gRPC health service (grpc.health.v1) answers
                                       SERVING; default: the port of MRQ_BROKER_ADDRESS on
                                       127.0.0.1
    mrq-healthcheck http [URL]         URL answers 2xx; default: the service's metrics endpoint,
                                       http://127.0.0.1:PORT/metrics, PORT from the image's
                                       MRQ_{BROKER,WORKER,SCHEDULER}_METRICS_PORT

Exit status 0 means healthy and 1 unhealthy, as Docker expects. What each check proves is
deliberately narrow: ``grpc`` that the broker accepts calls (it turns NOT_SERVING as it shuts
down), ``http`` that the process is alive and its HTTP server answers. Neither proves that jobs
are making progress: watch ``mrq_queue_oldest_job_age_seconds`` for that.

Standard library only, except ``grpc``, which needs grpcio and grpcio-health-checking (both
dependencies of mrq-broker).
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

TIMEOUT_S = float(os.environ.get("MRQ_HEALTHCHECK_TIMEOUT_S", "3"))
#: Addresses a server listens on that a client can't dial; the check dials loopback instead.
WILDCARD_HOSTS = {"", "0.0.0.0", "::", "[::]"}


def local_target(listen_address: str) -> str:
    """``0.0.0.0:50051`` -> ``127.0.0.1:50051``: where to reach a server from inside its container."""
    host, _, port = listen_address.rpartition(":")
    return f"{'127.0.0.1' if host in WILDCARD_HOSTS else host}:{port}"


def check_grpc(target: str | None) -> str | None:
    """None if the gRPC health service at ``target`` says SERVING, else why not."""
    import grpc  # imported here: only the broker image needs grpc for its check
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    target = target or local_target(os.environ.get("MRQ_BROKER_ADDRESS", "0.0.0.0:50051"))
    with grpc.insecure_channel(target) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=TIMEOUT_S)
        except grpc.RpcError as exc:
            return f"{target}: {exc.code().name} {exc.details()}"
    if reply.status != health_pb2.HealthCheckResponse.SERVING:
        return f"{target}: {health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}"
    return None


#: Each service reads its own metrics port variable; an image sets its service's.
METRICS_PORT_ENVS = ("MRQ_BROKER_METRICS_PORT", "MRQ_WORKER_METRICS_PORT", "MRQ_SCHEDULER_METRICS_PORT")


def check_http(url: str | None) -> str | None:
    """None if ``url`` answers 2xx, else why not."""
    port = next((os.environ[name] for name in METRICS_PORT_ENVS if name in os.environ), "9100")
    url = url or f"http://127.0.0.1:{port}/metrics"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            status = int(response.status)
    except (urllib.error.URLError, OSError) as exc:
        return f"{url}: {exc}"
    return None if 200 <= status < 300 else f"{url}: HTTP {status}"


def main(argv: list[str]) -> int:
    checks = {"grpc": check_grpc, "http": check_http}
    if not argv or argv[0] not in checks or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    problem = checks[argv[0]](argv[1] if len(argv) == 2 else None)
    if problem:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
