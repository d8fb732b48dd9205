"""/api/tasksets: tasksets, newest first, with their counts by status, progress and callback."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mrq.v1 import job_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/tasksets", tags=["tasksets"])


@router.get("", response_model=translation.TasksetPage, summary="List tasksets, one page at a time")
def list_tasksets(
    broker: Annotated[Broker, Depends(get_broker)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str, Query(description="next_cursor of the previous page")] = "",
) -> translation.TasksetPage:
    request = job_service_pb2.ListTasksetsRequest(limit=limit, cursor=cursor)
    return translation.taskset_page(broker.jobs.ListTasksets(request, timeout=broker.timeout_s))
