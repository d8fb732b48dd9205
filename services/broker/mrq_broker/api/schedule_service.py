"""ScheduleService: thin servicer for schedules. Validate, call one operation, return."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from mrq.schedule_spec import PROTO_FIELDS, InvalidSchedule, ScheduleSpec, first_duplicate
from mrq.v1 import job_pb2, schedule_service_pb2, schedule_service_pb2_grpc
from mrq.v1.schedule_service_pb2 import ScheduleDefinition
from mrq_broker.errors import InvalidField, grpc_errors
from mrq_broker.jobs.schedules import API, TICK_RANGE_MS, Schedules, to_proto
from mrq_broker.jobs.validation import canonical_params, check_task, check_timestamp, resolve_options
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import from_ms, to_ms

SCHEDULE_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def check_schedule_id(schedule_id: str) -> str:
    if not SCHEDULE_ID_RE.match(schedule_id):
        raise InvalidField("schedule_id", f"{schedule_id[:50]!r} is not a schedule id (32 hex characters)")
    return schedule_id


def check_definition(
    definition: ScheduleDefinition, settings: BrokerSettings, field: str = "definition"
) -> ScheduleSpec:
    """The validated definition; InvalidField names the proto field, e.g. definition.cron.

    Its queue is checked as every enqueue checks it (a raw queue is refused, for one), so that
    a schedule accepted here never fails at each tick instead; so are its task and params.
    """
    check_task(definition.task, f"{field}.task")
    canonical_params(definition.params_json, settings.max_params_bytes, f"{field}.params_json")
    try:
        spec = ScheduleSpec.from_proto(definition)
    except InvalidSchedule as exc:
        raise InvalidField(f"{field}.{PROTO_FIELDS.get(exc.field, exc.field)}", exc.problem) from exc
    try:
        resolve_options(spec.path, job_pb2.JobOptions(queue=spec.queue), settings, datetime.now(UTC))
    except InvalidField as exc:
        raise InvalidField(f"{field}.queue", str(exc).removeprefix(f"{exc.field}: ")) from exc
    return spec


def moment(stamp: Timestamp, field: str) -> datetime:
    """A timestamp at the millisecond precision MongoDB keeps, so stored ticks compare equal."""
    check_timestamp(stamp, field)
    return from_ms(stamp.ToMilliseconds())


class ScheduleServicer(schedule_service_pb2_grpc.ScheduleServiceServicer):
    def __init__(self, schedules: Schedules) -> None:
        self.schedules = schedules

    @grpc_errors
    def CreateSchedule(
        self, request: schedule_service_pb2.CreateScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.CreateScheduleResponse:
        spec = check_definition(request.definition, self.schedules.settings)
        doc = self.schedules.create(spec, API, datetime.now(UTC))
        return schedule_service_pb2.CreateScheduleResponse(schedule=to_proto(doc))

    @grpc_errors
    def GetSchedule(
        self, request: schedule_service_pb2.GetScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.GetScheduleResponse:
        doc = self.schedules.get(check_schedule_id(request.schedule_id))
        return schedule_service_pb2.GetScheduleResponse(schedule=to_proto(doc))

    @grpc_errors
    def ListSchedules(
        self, request: schedule_service_pb2.ListSchedulesRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.ListSchedulesResponse:
        return schedule_service_pb2.ListSchedulesResponse(schedules=[to_proto(d) for d in self.schedules.list()])

    @grpc_errors
    def UpdateSchedule(
        self, request: schedule_service_pb2.UpdateScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.UpdateScheduleResponse:
        spec = check_definition(request.definition, self.schedules.settings)
        doc = self.schedules.update(check_schedule_id(request.schedule_id), spec, datetime.now(UTC))
        return schedule_service_pb2.UpdateScheduleResponse(schedule=to_proto(doc))

    @grpc_errors
    def DeleteSchedule(
        self, request: schedule_service_pb2.DeleteScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.DeleteScheduleResponse:
        self.schedules.delete(check_schedule_id(request.schedule_id))
        return schedule_service_pb2.DeleteScheduleResponse()

    @grpc_errors
    def PauseSchedule(
        self, request: schedule_service_pb2.PauseScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.PauseScheduleResponse:
        doc = self.schedules.pause(check_schedule_id(request.schedule_id), request.paused)
        return schedule_service_pb2.PauseScheduleResponse(schedule=to_proto(doc))

    @grpc_errors
    def SyncSchedules(
        self, request: schedule_service_pb2.SyncSchedulesRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.SyncSchedulesResponse:
        specs = [
            check_definition(d, self.schedules.settings, f"definitions[{i}]") for i, d in enumerate(request.definitions)
        ]
        duplicate = first_duplicate(specs)
        if duplicate is not None:
            raise InvalidField(f"definitions[{duplicate[1]}]", f"duplicate of definitions[{duplicate[0]}]")
        now = moment(request.now, "now") if request.HasField("now") else datetime.now(UTC)
        result = self.schedules.sync(specs, now)
        return schedule_service_pb2.SyncSchedulesResponse(
            created=result.created, deleted=result.deleted, kept=result.kept
        )

    @grpc_errors
    def FireSchedule(
        self, request: schedule_service_pb2.FireScheduleRequest, context: grpc.ServicerContext
    ) -> schedule_service_pb2.FireScheduleResponse:
        schedule_id = check_schedule_id(request.schedule_id)
        if not request.HasField("tick"):
            raise InvalidField("tick", "required")
        previous = moment(request.previous_tick, "previous_tick") if request.HasField("previous_tick") else None
        tick_ms = to_ms(moment(request.tick, "tick"))
        if tick_ms not in TICK_RANGE_MS:
            raise InvalidField("tick", "must be between 1970 and 2106 (a job id holds it)")
        outcome, job_id = self.schedules.fire(schedule_id, tick_ms, previous, request.skip)
        return schedule_service_pb2.FireScheduleResponse(outcome=outcome, job_id=job_id)
