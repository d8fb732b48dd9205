"""/api/workers: every recently seen worker; stop, quiet, resume."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from mrq.v1 import monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/workers", tags=["workers"])
BrokerDep = Annotated[Broker, Depends(get_broker)]
ACTIONS = {"stop": monitor_service_pb2.WORKER_ACTION_STOP, "quiet": monitor_service_pb2.WORKER_ACTION_QUIET,
           "resume": monitor_service_pb2.WORKER_ACTION_RESUME}


@router.get("", response_model=list[translation.Worker], summary="Workers seen recently, newest heartbeat first")
def list_workers(broker: BrokerDep,
                 seen_within_s: Annotated[float, Query(gt=0, description="heard from within")] = 3600.0,
                 ) -> list[translation.Worker]:
    response = broker.monitor.ListWorkers(monitor_service_pb2.ListWorkersRequest(seen_within_s=seen_within_s),
                                          timeout=broker.timeout_s)
    return [translation.worker(w) for w in response.workers]


class WorkerId(BaseModel):
    model_config = ConfigDict(extra="forbid")

    worker_id: str = Field(description="the worker's id")


@router.post("/{action}", response_model=translation.Done,
             summary="stop (finish running jobs, then exit), quiet (finish them, take no new ones), or resume")
def control(broker: BrokerDep, action: Literal["stop", "quiet", "resume"], body: WorkerId) -> translation.Done:
    broker.monitor.ControlWorker(monitor_service_pb2.ControlWorkerRequest(worker_id=body.worker_id,
                                                                          action=ACTIONS[action]),
                                 timeout=broker.timeout_s)
    return translation.Done()
