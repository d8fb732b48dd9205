"""Queues as a whole, over the broker's QueueService: raw queues, sizes, pause, empty, and the
shared rate limits behind :func:`mrq.ratelimit`. Reached as ``Client.queues``."""

from __future__ import annotations

import builtins
import re
from collections.abc import Sequence
from datetime import UTC
from typing import Any

import grpc

from mrq import codec, rpc
from mrq.progress import ProgressBar
from mrq.v1 import queue_service_pb2, queue_service_pb2_grpc

#: What a queue name may be (docs/limits.md); the broker refuses any other.
MAX_QUEUE_NAME = 200
QUEUE_NAME_RE = re.compile(rf"^[A-Za-z0-9_\-.:/]{{1,{MAX_QUEUE_NAME}}}$")


def check_queue_name(name: str) -> str:
    """Returns ``name``; raises ValueError saying what a queue name may be if it is not one."""
    if not QUEUE_NAME_RE.match(name):
        raise ValueError(f"queue {name[:MAX_QUEUE_NAME]!r}: use 1-{MAX_QUEUE_NAME} of letters, digits and _-.:/")
    return name


#: Jobs one EmptyQueue call cancels: about 2 s of the broker's work on FerretDB on a busy
#: 2-core machine (4 ms a job), well within a call's deadline.
EMPTY_BATCH = 500

_TYPE_NAMES = {
    queue_service_pb2.QUEUE_TYPE_REGULAR: "regular",
    queue_service_pb2.QUEUE_TYPE_REVERSE: "reverse",
    queue_service_pb2.QUEUE_TYPE_RAW: "raw",
    queue_service_pb2.QUEUE_TYPE_SET: "set",
    queue_service_pb2.QUEUE_TYPE_SORTED_SET: "sorted_set",
    queue_service_pb2.QUEUE_TYPE_TIMED_SET: "timed_set",
}


class Queues:
    """Queue management; every method raises the client's errors (mrq.errors) on failure."""

    def __init__(self, channel: grpc.Channel, *, address: str, timeout_s: float) -> None:
        self._stub: Any = queue_service_pb2_grpc.QueueServiceStub(channel)
        self._address = address
        self._timeout_s = timeout_s

    def _call(self, method: Any, request: object) -> Any:
        return rpc.call(method, request, timeout_s=self._timeout_s, address=self._address)

    def enqueue_raw(self, queue: str, params: Sequence[Any], *, scores: Sequence[float] = ()) -> int:
        """Adds raw params to a raw queue (``_raw``, ``_set``, ``_sorted_set``, ``_timed_set``)
        configured in the broker's RAW_QUEUES; returns how many entries were added. ``scores``:
        one per params for a ``_sorted_set``; the UNIX time each runs at for a ``_timed_set``
        (default: now)."""
        request = queue_service_pb2.EnqueueRawRequest(
            queue=queue, params_json=[codec.encode(p) for p in params], scores=list(scores)
        )
        return int(self._call(self._stub.EnqueueRaw, request).added)

    def list(self, prefix: str = "") -> list[dict[str, Any]]:
        """Every known queue (under ``prefix``) with its exact sizes: name, type, queued,
        delayed, paused, and oldest_enqueued (a UTC datetime, or None)."""
        response = self._call(self._stub.ListQueues, queue_service_pb2.ListQueuesRequest(prefix=prefix))
        return [
            {
                "name": q.name,
                "type": _TYPE_NAMES.get(q.type, "unknown"),
                "queued": q.queued,
                "delayed": q.delayed,
                "paused": q.paused,
                "oldest_enqueued": q.oldest_enqueued.ToDatetime(tzinfo=UTC) if q.HasField("oldest_enqueued") else None,
            }
            for q in response.queues
        ]

    # builtins.list: in the class body, `list` is the method above.
    def pause(self, queue: str) -> builtins.list[str]:
        """Pauses a queue and its subqueues; returns every paused queue."""
        request = queue_service_pb2.PauseQueueRequest(queue=queue, paused=True)
        return list(self._call(self._stub.PauseQueue, request).paused_queues)

    def resume(self, queue: str) -> builtins.list[str]:
        """Resumes a paused queue; returns the queues still paused."""
        request = queue_service_pb2.PauseQueueRequest(queue=queue, paused=False)
        return list(self._call(self._stub.PauseQueue, request).paused_queues)

    def empty(self, queue: str, *, progress: bool = False) -> int:
        """Cancels every job waiting on a queue (raw queues: drops their entries); returns how many.

        A big queue is emptied in steps of EMPTY_BATCH jobs, one call each, so that no call
        outlives its deadline however big the queue; ``progress`` draws a bar on stderr.
        """
        request = queue_service_pb2.EmptyQueueRequest(queue=queue, max_jobs=EMPTY_BATCH)
        removed: int = 0  # declared: the responses are untyped, and would make it Any
        bar: ProgressBar | None = None
        while True:
            response = self._call(self._stub.EmptyQueue, request)
            removed += response.removed
            if progress and bar is None:
                bar = ProgressBar(response.removed + response.remaining, label=f"empty {queue}")
            if bar is not None:
                bar.advance(response.removed)
            # No job removed: what still waits is being taken by workers; stop rather than spin.
            if response.remaining == 0 or response.removed == 0:
                break
        if bar is not None:
            bar.close()
        return removed

    def check_rate_limit(self, key: str, limit: int, per_s: float = 1.0) -> int:
        """One call under the shared limit of ``limit`` calls per ``per_s`` seconds for ``key``:
        returns how many calls the window had left, this one included; 0 means refused."""
        request = queue_service_pb2.CheckRateLimitRequest(key=key, limit=limit, per_s=per_s)
        response = self._call(self._stub.CheckRateLimit, request)
        return int(response.remaining) + 1 if response.allowed else 0
