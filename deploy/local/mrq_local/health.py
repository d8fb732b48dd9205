"""Readiness tests: the standard gRPC health check for gRPC services, a 200 for HTTP ones."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from mrq.rpc import open_channel
from mrq.security import BrokerAccess

_MAX_MESSAGE_BYTES = 1024 * 1024


def is_serving(address: str, service: str = "", timeout_s: float = 0.5, access: BrokerAccess | None = None) -> bool:
    """Whether ``grpc.health.v1.Health/Check`` at ``address`` answers SERVING for ``service``.

    ``access`` gives the TLS files of a broker that serves TLS. Any RPC error (nothing listening
    yet, health service missing, deadline) counts as not serving.
    """
    with open_channel(address, max_message_bytes=_MAX_MESSAGE_BYTES, access=access) as channel:
        # Any: the stubs of grpcio-health-checking declare HealthStub without its methods.
        stub: Any = health_pb2_grpc.HealthStub(channel)
        try:
            reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout_s)
        except grpc.RpcError:
            return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


def is_http_ok(url: str, timeout_s: float = 0.5) -> bool:
    """Whether a GET of ``url`` answers 200; any connection error counts as not ready."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as reply:
            return bool(reply.status == 200)
    except (OSError, urllib.error.URLError):
        return False
