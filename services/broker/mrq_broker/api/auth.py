"""Who may call the broker: the shared-token check on every call, and the TLS credentials.

The gRPC health check stays open, so container and Kubernetes probes need no secret; it says
only whether the broker serves. Every other service, reflection included, needs the token.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health

from mrq.security import AUTH_METADATA_KEY, read_token
from mrq_broker.settings import BrokerSettings

_OPEN_PREFIX = f"/{health.SERVICE_NAME}/"


class TokenAuth(grpc.ServerInterceptor):
    """Refuses with UNAUTHENTICATED every call whose ``authorization`` is not ``Bearer <token>``."""

    def __init__(self, token: str) -> None:
        self._expected = f"Bearer {token}".encode()

    def intercept_service(self, continuation: Callable[[Any], Any], details: grpc.HandlerCallDetails) -> Any:
        if details.method.startswith(_OPEN_PREFIX) or self._authorized(details.invocation_metadata):
            return continuation(details)
        handler = continuation(details)
        if handler is None:  # unknown method: let gRPC answer UNIMPLEMENTED as usual
            return None
        return _refusal(handler)

    def _authorized(self, metadata: Any) -> bool:
        given = next((value for key, value in metadata or () if key == AUTH_METADATA_KEY), "")
        # Constant time, so response times don't reveal how much of a guess was right.
        return hmac.compare_digest(str(given).encode(), self._expected)


def _refusal(handler: grpc.RpcMethodHandler[Any, Any]) -> grpc.RpcMethodHandler[Any, Any]:
    """A handler of the same shape as ``handler`` that refuses the call."""

    def refuse(_request: Any, context: grpc.ServicerContext) -> Any:
        context.abort(
            grpc.StatusCode.UNAUTHENTICATED,
            "missing or wrong auth token: send metadata 'authorization: Bearer <token>'",
        )

    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(refuse)
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(refuse)
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(refuse)
    return grpc.unary_unary_rpc_method_handler(refuse)


def interceptors(settings: BrokerSettings) -> list[grpc.ServerInterceptor]:
    """The token check, if a token is set."""
    token = read_token(settings.auth_token.get_secret_value(), settings.auth_token_file)
    return [TokenAuth(token)] if token else []


def server_credentials(settings: BrokerSettings) -> grpc.ServerCredentials | None:
    """TLS credentials from the settings' files, or None to serve plaintext."""
    if not settings.tls_cert_file:
        return None
    client_ca = Path(settings.tls_client_ca_file).read_bytes() if settings.tls_client_ca_file else None
    return grpc.ssl_server_credentials(
        [(Path(settings.tls_key_file).read_bytes(), Path(settings.tls_cert_file).read_bytes())],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )
