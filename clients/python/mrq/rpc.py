"""How the client speaks gRPC: the channel it opens, the one translation of gRPC status codes
into :mod:`mrq.errors`, and the retry of reads.

Only reads are retried. An ``Enqueue`` that fails with UNAVAILABLE may still have been accepted
(the connection can drop after the broker committed, before the reply arrived), so retrying it
could enqueue the job twice; callers who want that retry can pass a ``dedupe_key`` and retry
themselves.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import grpc

from mrq.errors import BrokerError, BrokerUnavailable, InvalidArgument, JobNotFound, MrqError, Unauthenticated
from mrq.security import AUTH_METADATA_KEY, BrokerAccess

Request = TypeVar("Request")
Response = TypeVar("Response")

_SERVICE_CONFIG = Path(__file__).parent / "v1" / "service_config.json"

#: Longest wait between two retries of a read.
MAX_BACKOFF_S = 2.0

# "options.queue: must match ..." -> "options.queue". The contract puts the field first.
_FIELD_PREFIX = re.compile(r"^([A-Za-z_][A-Za-z0-9_.\[\]]*): ")


class _CallDetails(NamedTuple):
    """grpc.ClientCallDetails is abstract: an interceptor passes on a concrete copy like this."""

    method: str
    timeout: float | None
    metadata: Any
    credentials: Any
    wait_for_ready: bool | None
    compression: Any


class TokenInterceptor(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer <token>`` to every call of a channel."""

    def __init__(self, token: str) -> None:
        self._metadata = (AUTH_METADATA_KEY, f"Bearer {token}")

    def _with_token(self, details: Any) -> _CallDetails:
        metadata = [*(details.metadata or ()), self._metadata]
        return _CallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready, details.compression
        )

    def intercept_unary_unary(self, continuation: Callable[..., Any], details: Any, request: Any) -> Any:
        return continuation(self._with_token(details), request)

    def intercept_unary_stream(self, continuation: Callable[..., Any], details: Any, request: Any) -> Any:
        return continuation(self._with_token(details), request)

    def intercept_stream_unary(self, continuation: Callable[..., Any], details: Any, requests: Any) -> Any:
        return continuation(self._with_token(details), requests)

    def intercept_stream_stream(self, continuation: Callable[..., Any], details: Any, requests: Any) -> Any:
        return continuation(self._with_token(details), requests)


#: Largest gRPC message the broker and its callers send or accept: a batch of params, a lease
#: batch. Programs whose messages are small (the scheduler, health checks) pass less.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def open_channel(
    address: str,
    *,
    max_message_bytes: int = MAX_MESSAGE_BYTES,
    access: BrokerAccess | None = None,
    max_reconnect_backoff_ms: int = 5000,
    retry_reads: bool = False,
) -> grpc.Channel:
    """A channel to the broker at ``address`` ("host:port"), sized for big batches: the one
    place every MRQ program opens one.

    ``access`` adds TLS when it names a CA file, and the token to every call when it has one.
    The reconnect backoff is capped at a few seconds (gRPC's default grows to two minutes), so
    a long-lived client finds a restarted broker quickly. ``retry_reads`` loads the retry policy
    of reads that the Go and TypeScript clients load too (mrq/v1/service_config.json, a copy of
    proto/mrq/v1/service_config.json): gRPC itself then retries a read refused UNAVAILABLE.

    Raises:
        ConfigError: a token or TLS file can't be read.
    """
    access = access or BrokerAccess()
    options: list[tuple[str, int | str]] = [
        ("grpc.max_send_message_length", max_message_bytes),
        ("grpc.max_receive_message_length", max_message_bytes),
        # Not grpc.min_reconnect_backoff_ms: gRPC takes it as the least time a connection attempt
        # gets to open (20 s by default); at 100 ms, a busy machine's first call failed UNAVAILABLE.
        ("grpc.initial_reconnect_backoff_ms", 100),
        ("grpc.max_reconnect_backoff_ms", max_reconnect_backoff_ms),
    ]
    if retry_reads:
        options += [("grpc.enable_retries", 1), ("grpc.service_config", _SERVICE_CONFIG.read_text())]
    credentials = access.channel_credentials()
    channel = (
        grpc.insecure_channel(address, options=options)
        if credentials is None
        else grpc.secure_channel(address, credentials, options=options)
    )
    token = access.token()
    return grpc.intercept_channel(channel, TokenInterceptor(token)) if token else channel


def translate_error(error: grpc.RpcError, *, address: str) -> MrqError:
    """The :class:`~mrq.errors.MrqError` that stands for a failed call.

    INVALID_ARGUMENT becomes InvalidArgument (``field`` parsed from the "field: ..." message),
    NOT_FOUND JobNotFound, UNAUTHENTICATED Unauthenticated, UNAVAILABLE and DEADLINE_EXCEEDED
    BrokerUnavailable (naming the address), anything else BrokerError carrying the code's name.
    """
    code, details = _status(error)
    if code is grpc.StatusCode.INVALID_ARGUMENT:
        match = _FIELD_PREFIX.match(details)
        return InvalidArgument(details, field=match.group(1) if match else "")
    if code is grpc.StatusCode.NOT_FOUND:
        return JobNotFound(details)
    if code is grpc.StatusCode.UNAUTHENTICATED:
        return Unauthenticated(f"broker at {address} failed with UNAUTHENTICATED: {details}")
    if code is grpc.StatusCode.UNAVAILABLE:
        return BrokerUnavailable(f"broker at {address} is unavailable: {details}")
    if code is grpc.StatusCode.DEADLINE_EXCEEDED:
        return BrokerUnavailable(f"broker at {address} did not answer in time: {details}")
    name = code.name if code is not None else "UNKNOWN"
    return BrokerError(f"broker at {address} failed with {name}: {details}", code=name)


def _invoke(method: Callable[..., Response], request: object, timeout_s: float) -> Response:
    """Calls ``method``. Inside a gevent process (a worker running a task that uses the client),
    the blocking call runs in the hub's thread pool, so the process's other jobs keep running."""
    monkey = sys.modules.get("gevent.monkey")
    if monkey is None or not monkey.is_module_patched("socket"):
        return method(request, timeout=timeout_s)
    import gevent  # only reached when gevent is loaded already

    def outcome() -> tuple[Response | None, BaseException | None]:
        try:  # returned, not raised: gevent would print every failed call's traceback
            return method(request, timeout=timeout_s), None
        except BaseException as error:  # noqa: BLE001 - re-raised below, in the calling greenlet
            return None, error

    result, error = gevent.get_hub().threadpool.apply(outcome)
    if error is not None:
        raise error
    return result  # type: ignore[return-value]  # None only with an error, raised above


def call(method: Callable[..., Response], request: object, *, timeout_s: float, address: str) -> Response:
    """Calls ``method`` once; a gRPC failure is raised as an MrqError (see translate_error)."""
    try:
        return _invoke(method, request, timeout_s)
    except grpc.RpcError as error:
        raise translate_error(error, address=address) from error


def call_with_retry(
    method: Callable[..., Response], request: object, *, timeout_s: float, address: str, retries: int, backoff_s: float
) -> Response:
    """Calls a read ``method``, retrying UNAVAILABLE ``retries`` times.

    Only for reads: they change nothing, so a retry is always safe. The wait before retry ``n``
    is ``backoff_s * 2**n``, capped at MAX_BACKOFF_S, less up to a quarter at random so that
    clients cut off together don't all come back at once.
    """
    for attempt in range(retries + 1):
        try:
            return _invoke(method, request, timeout_s)
        except grpc.RpcError as error:
            if _status(error)[0] is not grpc.StatusCode.UNAVAILABLE or attempt == retries:
                raise translate_error(error, address=address) from error
        time.sleep(min(MAX_BACKOFF_S, backoff_s * 2**attempt) * random.uniform(0.75, 1.0))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _status(error: grpc.RpcError) -> tuple[grpc.StatusCode | None, str]:
    """The status code and details of a failed call (a grpc.RpcError that is also a grpc.Call)."""
    code_of = getattr(error, "code", None)
    details_of = getattr(error, "details", None)
    code = code_of() if callable(code_of) else None
    details = details_of() if callable(details_of) else None
    return (code if isinstance(code, grpc.StatusCode) else None), (details or str(error))
