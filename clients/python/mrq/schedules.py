"""Schedules of recurring jobs, over the broker's ScheduleService: create, list, update, delete,
pause. Reached as ``Client.schedules``. Definitions use the SCHEDULER_TASKS format (see
:mod:`mrq.schedule_spec`); schedules from SCHEDULER_TASKS itself can be listed and paused, and
are changed in the config file."""

from __future__ import annotations

from datetime import UTC
from typing import Any

import grpc

from mrq import rpc
from mrq.errors import InvalidArgument, JobNotFound, ScheduleNotFound
from mrq.schedule_spec import InvalidSchedule, ScheduleSpec
from mrq.v1 import schedule_service_pb2, schedule_service_pb2_grpc

_SOURCE_NAMES = {schedule_service_pb2.SCHEDULE_SOURCE_CONFIG: "config", schedule_service_pb2.SCHEDULE_SOURCE_API: "api"}


def _definition(entry: dict[str, Any]) -> schedule_service_pb2.ScheduleDefinition:
    try:
        return ScheduleSpec.parse(entry).to_proto()
    except InvalidSchedule as exc:
        raise InvalidArgument(str(exc), field=exc.field) from exc


def _to_dict(schedule: schedule_service_pb2.Schedule) -> dict[str, Any]:
    """A schedule as its SCHEDULER_TASKS entry, plus its id and state."""
    return {
        "id": schedule.id,
        **ScheduleSpec.from_proto(schedule.definition).model_dump(),
        "source": _SOURCE_NAMES.get(schedule.source, "unknown"),
        "paused": schedule.paused,
        "date_created": schedule.date_created.ToDatetime(tzinfo=UTC),
        "last_tick": schedule.last_tick.ToDatetime(tzinfo=UTC) if schedule.HasField("last_tick") else None,
        "last_job_id": schedule.last_job_id,
    }


class Schedules:
    """Schedule management; every method raises the client's errors (mrq.errors) on failure."""

    def __init__(self, channel: grpc.Channel, *, address: str, timeout_s: float) -> None:
        self._stub: Any = schedule_service_pb2_grpc.ScheduleServiceStub(channel)
        self._address = address
        self._timeout_s = timeout_s

    def _call(self, method: Any, request: object) -> Any:
        try:
            return rpc.call(method, request, timeout_s=self._timeout_s, address=self._address)
        except JobNotFound as exc:  # the one NOT_FOUND of this service
            raise ScheduleNotFound(str(exc)) from exc

    def create(self, entry: dict[str, Any]) -> dict[str, Any]:
        """Creates a schedule from an entry in the SCHEDULER_TASKS format, e.g.
        ``{"path": "tasks.report", "dailytime": "09:00", "timezone": "Europe/Paris"}``."""
        request = schedule_service_pb2.CreateScheduleRequest(definition=_definition(entry))
        return _to_dict(self._call(self._stub.CreateSchedule, request).schedule)

    def get(self, schedule_id: str) -> dict[str, Any]:
        request = schedule_service_pb2.GetScheduleRequest(schedule_id=schedule_id)
        return _to_dict(self._call(self._stub.GetSchedule, request).schedule)

    def list(self) -> list[dict[str, Any]]:
        """Every schedule, oldest first."""
        response = self._call(self._stub.ListSchedules, schedule_service_pb2.ListSchedulesRequest())
        return [_to_dict(s) for s in response.schedules]

    def update(self, schedule_id: str, entry: dict[str, Any]) -> dict[str, Any]:
        """Replaces a schedule by a new definition; returns the new schedule (a new id)."""
        request = schedule_service_pb2.UpdateScheduleRequest(schedule_id=schedule_id, definition=_definition(entry))
        return _to_dict(self._call(self._stub.UpdateSchedule, request).schedule)

    def delete(self, schedule_id: str) -> None:
        self._call(self._stub.DeleteSchedule, schedule_service_pb2.DeleteScheduleRequest(schedule_id=schedule_id))

    def pause(self, schedule_id: str) -> dict[str, Any]:
        """Pauses a schedule: its ticks are skipped, never run, until it is resumed."""
        request = schedule_service_pb2.PauseScheduleRequest(schedule_id=schedule_id, paused=True)
        return _to_dict(self._call(self._stub.PauseSchedule, request).schedule)

    def resume(self, schedule_id: str) -> dict[str, Any]:
        request = schedule_service_pb2.PauseScheduleRequest(schedule_id=schedule_id, paused=False)
        return _to_dict(self._call(self._stub.PauseSchedule, request).schedule)
