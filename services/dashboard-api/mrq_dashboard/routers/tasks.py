"""/api/tasks: counts by status and speed per task path."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mrq.v1 import monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker
from mrq_dashboard.routers.overview import WindowS

router = APIRouter(prefix="/api/tasks", tags=["tasks"])


@router.get("", response_model=list[translation.TaskStat], summary="Jobs by status and finished/s per task")
def list_tasks(broker: Annotated[Broker, Depends(get_broker)], window_s: WindowS = 60.0) -> list[translation.TaskStat]:
    response = broker.monitor.ListTaskStats(
        monitor_service_pb2.ListTaskStatsRequest(window_s=window_s), timeout=broker.timeout_s
    )
    return translation.task_stats(response)
