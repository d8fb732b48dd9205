"""/api/schedules: every recurring job with its timing and state; pause, resume, delete.

Schedules are created through the client (``client.schedules``) or SCHEDULER_TASKS, not here.
The broker refuses to delete a SCHEDULER_TASKS schedule (409): the config file owns it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path

from mrq.v1 import schedule_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/schedules", tags=["schedules"])
BrokerDep = Annotated[Broker, Depends(get_broker)]
ScheduleId = Annotated[str, Path(description="a schedule id (32 hexadecimal characters)")]


@router.get("", response_model=list[translation.Schedule], summary="Every schedule, oldest first")
def list_schedules(broker: BrokerDep) -> list[translation.Schedule]:
    response = broker.schedules.ListSchedules(schedule_service_pb2.ListSchedulesRequest(), timeout=broker.timeout_s)
    return [translation.schedule(s) for s in response.schedules]


@router.post(
    "/{schedule_id}/{action}",
    response_model=translation.Schedule,
    summary="Pause a schedule (its ticks are skipped, never run later) or resume it",
)
def pause(broker: BrokerDep, schedule_id: ScheduleId, action: Literal["pause", "resume"]) -> translation.Schedule:
    request = schedule_service_pb2.PauseScheduleRequest(schedule_id=schedule_id, paused=action == "pause")
    return translation.schedule(broker.schedules.PauseSchedule(request, timeout=broker.timeout_s).schedule)


@router.delete(
    "/{schedule_id}",
    response_model=translation.Done,
    summary="Delete a schedule created through the API (409 for a SCHEDULER_TASKS one)",
)
def delete(broker: BrokerDep, schedule_id: ScheduleId) -> translation.Done:
    broker.schedules.DeleteSchedule(
        schedule_service_pb2.DeleteScheduleRequest(schedule_id=schedule_id), timeout=broker.timeout_s
    )
    return translation.Done()
