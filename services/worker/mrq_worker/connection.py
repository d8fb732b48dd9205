"""The worker's link to the broker: the gRPC channel, which errors are worth retrying, backoff,
and the one way greenlets make a gRPC call.

gRPC's blocking calls sit in C code that knows nothing of gevent: made from a greenlet, they
would freeze the hub and every job with it. So greenlets never call a stub directly; they go
through :func:`call_in_thread`, which runs the call on gevent's pool of native threads and waits
for it cooperatively. The heartbeat thread, already a native thread, calls its stub directly.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import Any, TypeVar

import gevent
import grpc

from mrq import rpc
from mrq.security import BrokerAccess

T = TypeVar("T")

# Transient: the same request may succeed later. Every worker RPC is safe to repeat (a report
# is idempotent; a repeated lease or heartbeat is harmless).
RETRYABLE_CODES = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.ABORTED,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.CANCELLED,
    }
)


def open_channel(address: str, access: BrokerAccess) -> grpc.Channel:
    """A channel to the broker at ``host:port`` with the worker's credentials, tuned to reconnect
    fast: a worker must not sit idle for long after a broker restart."""
    return rpc.open_channel(address, access=access, max_reconnect_backoff_ms=2000)


def call_in_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Runs ``fn`` (a gRPC stub method) on a native thread; this greenlet waits cooperatively.

    Exceptions raised by ``fn`` (``grpc.RpcError``) are re-raised here.
    """
    ok, value = gevent.get_hub().threadpool.apply(_capture, (fn, args, kwargs))
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]  # _capture's value is fn's result when ok: a T


def _capture(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[bool, Any]:
    # gevent's threadpool prints the traceback of anything a task raises before passing it on;
    # a broker being down is expected, so carry the exception back as a value instead.
    try:
        return True, fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - re-raised by call_in_thread, in the calling greenlet
        return False, exc


def status_code(exc: grpc.RpcError) -> grpc.StatusCode | None:
    """The status code of a failed call, or None if the error carries none."""
    code = getattr(exc, "code", None)
    return code() if callable(code) else None


def is_retryable(exc: grpc.RpcError) -> bool:
    """Whether the failed call is worth repeating."""
    return status_code(exc) in RETRYABLE_CODES


class Backoff:
    """Exponential backoff with jitter, counting consecutive failures for the logs."""

    def __init__(self, *, initial_s: float = 0.1, max_s: float = 2.0) -> None:
        self._initial_s = initial_s
        self._max_s = max_s
        self.failures = 0

    def next_delay_s(self) -> float:
        """Records a failure and returns how long to wait before trying again."""
        self.failures += 1
        delay_s = min(self._max_s, self._initial_s * 2.0 ** min(self.failures - 1, 16))
        return delay_s * random.uniform(0.5, 1.0)

    def succeeded(self, logger: logging.Logger, what: str) -> None:
        """Records a success, logging a recovery if there had been failures."""
        if self.failures:
            logger.info("%s: broker reachable again after %d failed attempts", what, self.failures)
            self.failures = 0

    def failed(self, logger: logging.Logger, what: str, exc: grpc.RpcError) -> float:
        """Logs a failed call (loudly on the first and every 20th) and returns the delay to wait."""
        delay_s = self.next_delay_s()
        level = logging.WARNING if self.failures == 1 or self.failures % 20 == 0 else logging.DEBUG
        logger.log(
            level,
            "broker unreachable: %s failed (%s: %s); retrying in %.2f s",
            what,
            status_code(exc),
            getattr(exc, "details", lambda: exc)(),
            delay_s,
        )
        return delay_s
