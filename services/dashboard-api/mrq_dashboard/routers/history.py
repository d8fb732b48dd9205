"""/api/history: per-minute history of a queue, a task or every job, kept by the broker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mrq.v1 import monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/history", tags=["history"])


@router.get(
    "",
    response_model=translation.History,
    summary="Jobs finished and failed, queue size and p50/p95 duration, per step, for up to a day",
)
def get_history(
    broker: Annotated[Broker, Depends(get_broker)],
    queue: Annotated[str, Query(description="a root queue; or give task, or neither for every job")] = "",
    task: Annotated[str, Query(description="a task path")] = "",
    window_s: Annotated[float, Query(description="seconds to look back, at most 86400")] = 3600.0,
    step_s: Annotated[float, Query(description="seconds per point, whole minutes (60, 300, 3600...)")] = 60.0,
) -> translation.History:
    request = monitor_service_pb2.GetHistoryRequest(queue=queue, task=task, window_s=window_s, step_s=step_s)
    return translation.history(broker.monitor.GetHistory(request, timeout=broker.timeout_s))
