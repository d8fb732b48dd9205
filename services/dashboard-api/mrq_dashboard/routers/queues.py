"""/api/queues: sizes, rates, lag and ETA; pause, resume, empty."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from mrq.v1 import monitor_service_pb2, queue_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker
from mrq_dashboard.routers.overview import WindowS

router = APIRouter(prefix="/api/queues", tags=["queues"])
BrokerDep = Annotated[Broker, Depends(get_broker)]


@router.get("", response_model=list[translation.Queue], summary="Every queue, by name")
def list_queues(broker: BrokerDep, window_s: WindowS = 60.0) -> list[translation.Queue]:
    listing = broker.queues.ListQueues(queue_service_pb2.ListQueuesRequest(), timeout=broker.timeout_s)
    rates = broker.monitor.ListQueueRates(
        monitor_service_pb2.ListQueueRatesRequest(window_s=window_s), timeout=broker.timeout_s
    )
    return translation.queues(listing, rates, datetime.now(UTC))


class QueueName(BaseModel):
    model_config = ConfigDict(extra="forbid")

    queue: str = Field(description="the queue's name")


@router.post(
    "/empty",
    response_model=translation.Emptied,
    summary="Remove every job waiting on a queue (regular jobs end cancel)",
)
def empty(broker: BrokerDep, body: QueueName) -> translation.Emptied:
    response = broker.queues.EmptyQueue(queue_service_pb2.EmptyQueueRequest(queue=body.queue), timeout=broker.timeout_s)
    return translation.Emptied(removed=response.removed)


# After /empty, which this path would match too.
@router.post("/{action}", response_model=translation.Done, summary="Pause or resume a queue (and its subqueues)")
def pause(broker: BrokerDep, action: Literal["pause", "resume"], body: QueueName) -> translation.Done:
    broker.queues.PauseQueue(
        queue_service_pb2.PauseQueueRequest(queue=body.queue, paused=action == "pause"), timeout=broker.timeout_s
    )
    return translation.Done()
