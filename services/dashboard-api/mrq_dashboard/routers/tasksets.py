"""/api/tasksets: tasksets, newest first, or one by id, with their counts by status, progress and
callback (their members are in /api/jobs?taskset=ID)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from mrq.v1 import job_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/tasksets", tags=["tasksets"])
BrokerDep = Annotated[Broker, Depends(get_broker)]


@router.get("", response_model=translation.TasksetPage, summary="List tasksets, one page at a time")
def list_tasksets(
    broker: BrokerDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str, Query(description="next_cursor of the previous page")] = "",
) -> translation.TasksetPage:
    request = job_service_pb2.ListTasksetsRequest(limit=limit, cursor=cursor)
    return translation.taskset_page(broker.jobs.ListTasksets(request, timeout=broker.timeout_s))


@router.get("/{taskset_id}", response_model=translation.Taskset, summary="One taskset, with its counts")
def get_taskset(
    broker: BrokerDep, taskset_id: Annotated[str, Path(description="a taskset id (24 hexadecimal characters)")]
) -> translation.Taskset:
    response = broker.jobs.GetTaskset(
        job_service_pb2.GetTasksetRequest(taskset_id=taskset_id), timeout=broker.timeout_s
    )
    return translation.taskset(response.taskset)
