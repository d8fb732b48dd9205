"""/api/jobs: search, one job (detail, logs and their live follow, live stack), and actions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

import grpc
import orjson
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from mrq.v1 import job_service_pb2, monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker
from mrq_dashboard.errors import ApiError
from mrq_dashboard.filters import JobFilter, JobFilterBody

router = APIRouter(prefix="/api/jobs", tags=["jobs"])
BrokerDep = Annotated[Broker, Depends(get_broker)]
JobId = Annotated[str, Path(description="a job id (24 hexadecimal characters)")]
# The broker's cursor is an int64: a bigger one would fail to encode, not be refused.
LogOffset = Annotated[int, Query(ge=0, le=2**63 - 1, description="next_offset of the previous page")]

ORDERS = {"newest": monitor_service_pb2.JOB_ORDER_NEWEST, "oldest": monitor_service_pb2.JOB_ORDER_OLDEST}
ACTIONS = {
    "cancel": job_service_pb2.JOB_ACTION_CANCEL,
    "requeue": job_service_pb2.JOB_ACTION_REQUEUE,
    "retry": job_service_pb2.JOB_ACTION_RETRY,
    "delete": job_service_pb2.JOB_ACTION_DELETE,
}
# A log follower's stream ends after this long even if its job is still running (the page
# reconnects); it bounds the broker stream a closed browser tab leaves behind.
FOLLOW_LIMIT_S = 600.0


@router.get("", response_model=translation.JobPage, summary="Search jobs, one page at a time")
def list_jobs(
    broker: BrokerDep,
    selector: Annotated[JobFilter, Query()],
    sort: Annotated[Literal["newest", "oldest"], Query(description="by enqueue time")] = "newest",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str, Query(description="next_cursor of the previous page")] = "",
) -> translation.JobPage:
    request = monitor_service_pb2.ListJobsRequest(
        filter=selector.to_query(), order=ORDERS[sort], limit=limit, cursor=cursor
    )
    return translation.job_page(broker.monitor.ListJobs(request, timeout=broker.timeout_s))


class JobAction(BaseModel):
    """Acts on jobs by id, or on every job the filter matches (bulk)."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["cancel", "requeue", "retry", "delete"]
    ids: list[str] = Field(default_factory=list, description="job ids; exclusive with filter")
    filter: JobFilterBody | None = Field(None, description="the jobs list's filter; exclusive with ids")
    dry_run: bool = Field(False, description="change nothing: return the counts as a preview")


@router.post(
    "/actions",
    response_model=translation.ActionCounts,
    summary="Cancel, requeue, retry or delete jobs by id or by filter (dry_run previews the counts)",
)
def act(broker: BrokerDep, body: JobAction) -> translation.ActionCounts:
    action = ACTIONS[body.action]
    if body.ids and body.filter is not None:
        raise ApiError(400, "filter", "give ids or filter, not both")
    if body.ids:
        request = job_service_pb2.ActOnJobsRequest(action=action, job_ids=body.ids, dry_run=body.dry_run)
    elif body.filter is None or body.filter.is_empty():
        raise ApiError(400, "filter", "give ids, or a filter with at least one criterion")
    else:
        request = job_service_pb2.ActOnJobsRequest(action=action, query=body.filter.to_query(), dry_run=body.dry_run)
    # A bulk action may touch many jobs: it gets longer than a read.
    timeout_s = broker.timeout_s * (1 if body.ids else 10)
    return translation.action_counts(broker.jobs.ActOnJobs(request, timeout=timeout_s), body.dry_run)


@router.get("/{job_id}", response_model=translation.Job, summary="One job, with its result and tracebacks")
def get_job(broker: BrokerDep, job_id: JobId) -> translation.Job:
    response = broker.jobs.GetJob(job_service_pb2.GetJobRequest(job_id=job_id), timeout=broker.timeout_s)
    return translation.job(response.job)


@router.get("/{job_id}/logs", response_model=translation.LogPage, summary="A job's log text from a cursor on")
def get_logs(broker: BrokerDep, job_id: JobId, offset: LogOffset = 0) -> translation.LogPage:
    response = broker.jobs.GetJobLogs(
        job_service_pb2.GetJobLogsRequest(job_id=job_id, from_offset=offset), timeout=broker.timeout_s
    )
    return translation.log_page(response)


@router.get(
    "/{job_id}/logs/follow",
    summary="A job's new log text as server-sent events, until it is final",
    response_class=StreamingResponse,
)
def follow_logs(broker: BrokerDep, job_id: JobId, offset: LogOffset = 0) -> StreamingResponse:
    request = job_service_pb2.FollowJobLogsRequest(job_id=job_id, from_offset=offset)
    # Validated at once, so a bad id is a JSON error rather than a broken stream.
    broker.jobs.GetJobLogs(
        job_service_pb2.GetJobLogsRequest(job_id=job_id, from_offset=offset), timeout=broker.timeout_s
    )
    stream = broker.jobs.FollowJobLogs(request, timeout=FOLLOW_LIMIT_S)

    def events() -> Iterator[bytes]:
        try:
            for page in stream:
                data = orjson.dumps({"text": page.text, "next_offset": page.next_offset})
                yield b"data: " + data + b"\n\n"
            yield b"event: end\ndata: {}\n\n"
        except grpc.RpcError as exc:  # too late for an error status: say so in the stream
            yield b"event: end\ndata: " + orjson.dumps({"error": exc.details()}) + b"\n\n"
        finally:
            stream.cancel()

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.get("/{job_id}/stack", response_model=translation.Stack, summary="The live stack of a running job")
def get_stack(broker: BrokerDep, job_id: JobId) -> translation.Stack:
    response = broker.jobs.InspectJob(
        job_service_pb2.InspectJobRequest(job_id=job_id, timeout_s=5.0), timeout=broker.timeout_s
    )
    return translation.stack(response)
