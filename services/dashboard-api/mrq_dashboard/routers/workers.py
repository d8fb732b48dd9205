"""/api/workers: every recently seen worker; stop, quiet, resume."""

from __future__ import annotations

from typing import Annotated, Literal

import grpc
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from mrq.v1 import job_service_pb2, monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/workers", tags=["workers"])
BrokerDep = Annotated[Broker, Depends(get_broker)]
ACTIONS = {
    "stop": monitor_service_pb2.WORKER_ACTION_STOP,
    "quiet": monitor_service_pb2.WORKER_ACTION_QUIET,
    "resume": monitor_service_pb2.WORKER_ACTION_RESUME,
}
#: Current jobs shown in full per worker; the page links to the rest.
CURRENT_JOBS_SHOWN = 3


@router.get(
    "",
    response_model=list[translation.Worker],
    summary="Workers seen recently, by id (a stable order, so that a click hits the worker it aims at)",
)
def list_workers(
    broker: BrokerDep,
    seen_within_s: Annotated[float, Query(gt=0, description="heard from within")] = 3600.0,
) -> list[translation.Worker]:
    response = broker.monitor.ListWorkers(
        monitor_service_pb2.ListWorkersRequest(seen_within_s=seen_within_s), timeout=broker.timeout_s
    )
    infos = sorted(response.workers, key=lambda w: w.worker_id)
    jobs = current_jobs(broker, [job_id for w in infos for job_id in w.job_ids[:CURRENT_JOBS_SHOWN]])
    return [translation.worker(w, [jobs[i] for i in w.job_ids[:CURRENT_JOBS_SHOWN] if i in jobs]) for w in infos]


def current_jobs(broker: Broker, job_ids: list[str]) -> dict[str, translation.CurrentJob]:
    """The jobs by id, read all at once; a job gone meanwhile is left out."""
    calls = [
        broker.jobs.GetJob.future(job_service_pb2.GetJobRequest(job_id=i), timeout=broker.timeout_s) for i in job_ids
    ]
    found: dict[str, translation.CurrentJob] = {}
    for call in calls:
        try:
            job = call.result().job
        except grpc.RpcError as exc:
            if exc.code() is not grpc.StatusCode.NOT_FOUND:
                raise
            continue
        found[job.id] = translation.current_job(job)
    return found


class WorkerId(BaseModel):
    model_config = ConfigDict(extra="forbid")

    worker_id: str = Field(description="the worker's id")


@router.post(
    "/{action}",
    response_model=translation.Done,
    summary="stop (finish running jobs, then exit), quiet (finish them, take no new ones), or resume",
)
def control(broker: BrokerDep, action: Literal["stop", "quiet", "resume"], body: WorkerId) -> translation.Done:
    broker.monitor.ControlWorker(
        monitor_service_pb2.ControlWorkerRequest(worker_id=body.worker_id, action=ACTIONS[action]),
        timeout=broker.timeout_s,
    )
    return translation.Done()
