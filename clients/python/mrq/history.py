"""History kept by the broker, over MonitorService.GetHistory: per minute, for a day, jobs
finished and failed, queue size, and p50/p95 durations. Reached as ``Client.history``."""

from __future__ import annotations

from datetime import UTC
from typing import Any

import grpc

from mrq import rpc
from mrq.v1 import monitor_service_pb2, monitor_service_pb2_grpc


def _point(point: monitor_service_pb2.HistoryPoint) -> dict[str, Any]:
    """A point as a dict; the optional values are None when unset."""
    return {
        "start": point.start.ToDatetime(tzinfo=UTC),
        "finished": point.finished,
        "failed": point.failed,
        **{
            name: getattr(point, name) if point.HasField(name) else None
            for name in ("queue_size", "p50_duration_s", "p95_duration_s")
        },
    }


class History:
    """Reads of the broker's history; every method raises the client's errors (mrq.errors)."""

    def __init__(self, channel: grpc.Channel, *, address: str, timeout_s: float) -> None:
        self._stub: Any = monitor_service_pb2_grpc.MonitorServiceStub(channel)
        self._address = address
        self._timeout_s = timeout_s

    def get(
        self, *, queue: str = "", task: str = "", window_s: float = 3600.0, step_s: float = 60.0
    ) -> list[dict[str, Any]]:
        """The points of one root ``queue``, one ``task``, or (neither) every job, over the last
        ``window_s`` (at most a day), one per ``step_s`` (whole minutes), oldest first. Each has
        ``start`` (a UTC datetime), ``finished``, ``failed``, ``queue_size``, ``p50_duration_s``
        and ``p95_duration_s``."""
        request = monitor_service_pb2.GetHistoryRequest(queue=queue, task=task, window_s=window_s, step_s=step_s)
        response = rpc.call(self._stub.GetHistory, request, timeout_s=self._timeout_s, address=self._address)
        return [_point(p) for p in response.points]
