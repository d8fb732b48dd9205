import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScheduleSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SCHEDULE_SOURCE_UNSPECIFIED: _ClassVar[ScheduleSource]
    SCHEDULE_SOURCE_CONFIG: _ClassVar[ScheduleSource]
    SCHEDULE_SOURCE_API: _ClassVar[ScheduleSource]

class FireOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FIRE_OUTCOME_UNSPECIFIED: _ClassVar[FireOutcome]
    FIRE_OUTCOME_ENQUEUED: _ClassVar[FireOutcome]
    FIRE_OUTCOME_DUPLICATE: _ClassVar[FireOutcome]
    FIRE_OUTCOME_STALE: _ClassVar[FireOutcome]
    FIRE_OUTCOME_SKIPPED: _ClassVar[FireOutcome]
SCHEDULE_SOURCE_UNSPECIFIED: ScheduleSource
SCHEDULE_SOURCE_CONFIG: ScheduleSource
SCHEDULE_SOURCE_API: ScheduleSource
FIRE_OUTCOME_UNSPECIFIED: FireOutcome
FIRE_OUTCOME_ENQUEUED: FireOutcome
FIRE_OUTCOME_DUPLICATE: FireOutcome
FIRE_OUTCOME_STALE: FireOutcome
FIRE_OUTCOME_SKIPPED: FireOutcome

class ScheduleDefinition(_message.Message):
    __slots__ = ("task", "params_json", "queue", "interval_s", "dailytime", "weekday", "monthday", "cron", "timezone", "catchup")
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_S_FIELD_NUMBER: _ClassVar[int]
    DAILYTIME_FIELD_NUMBER: _ClassVar[int]
    WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    MONTHDAY_FIELD_NUMBER: _ClassVar[int]
    CRON_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    CATCHUP_FIELD_NUMBER: _ClassVar[int]
    task: str
    params_json: bytes
    queue: str
    interval_s: float
    dailytime: str
    weekday: int
    monthday: int
    cron: str
    timezone: str
    catchup: bool
    def __init__(self, task: _Optional[str] = ..., params_json: _Optional[bytes] = ..., queue: _Optional[str] = ..., interval_s: _Optional[float] = ..., dailytime: _Optional[str] = ..., weekday: _Optional[int] = ..., monthday: _Optional[int] = ..., cron: _Optional[str] = ..., timezone: _Optional[str] = ..., catchup: _Optional[bool] = ...) -> None: ...

class Schedule(_message.Message):
    __slots__ = ("id", "definition", "source", "paused", "date_created", "last_tick", "last_job_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    DATE_CREATED_FIELD_NUMBER: _ClassVar[int]
    LAST_TICK_FIELD_NUMBER: _ClassVar[int]
    LAST_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    definition: ScheduleDefinition
    source: ScheduleSource
    paused: bool
    date_created: _timestamp_pb2.Timestamp
    last_tick: _timestamp_pb2.Timestamp
    last_job_id: str
    def __init__(self, id: _Optional[str] = ..., definition: _Optional[_Union[ScheduleDefinition, _Mapping]] = ..., source: _Optional[_Union[ScheduleSource, str]] = ..., paused: _Optional[bool] = ..., date_created: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_tick: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_job_id: _Optional[str] = ...) -> None: ...

class CreateScheduleRequest(_message.Message):
    __slots__ = ("definition",)
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    definition: ScheduleDefinition
    def __init__(self, definition: _Optional[_Union[ScheduleDefinition, _Mapping]] = ...) -> None: ...

class CreateScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: Schedule
    def __init__(self, schedule: _Optional[_Union[Schedule, _Mapping]] = ...) -> None: ...

class GetScheduleRequest(_message.Message):
    __slots__ = ("schedule_id",)
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    def __init__(self, schedule_id: _Optional[str] = ...) -> None: ...

class GetScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: Schedule
    def __init__(self, schedule: _Optional[_Union[Schedule, _Mapping]] = ...) -> None: ...

class ListSchedulesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSchedulesResponse(_message.Message):
    __slots__ = ("schedules",)
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    schedules: _containers.RepeatedCompositeFieldContainer[Schedule]
    def __init__(self, schedules: _Optional[_Iterable[_Union[Schedule, _Mapping]]] = ...) -> None: ...

class UpdateScheduleRequest(_message.Message):
    __slots__ = ("schedule_id", "definition")
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    definition: ScheduleDefinition
    def __init__(self, schedule_id: _Optional[str] = ..., definition: _Optional[_Union[ScheduleDefinition, _Mapping]] = ...) -> None: ...

class UpdateScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: Schedule
    def __init__(self, schedule: _Optional[_Union[Schedule, _Mapping]] = ...) -> None: ...

class DeleteScheduleRequest(_message.Message):
    __slots__ = ("schedule_id",)
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    def __init__(self, schedule_id: _Optional[str] = ...) -> None: ...

class DeleteScheduleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PauseScheduleRequest(_message.Message):
    __slots__ = ("schedule_id", "paused")
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    paused: bool
    def __init__(self, schedule_id: _Optional[str] = ..., paused: _Optional[bool] = ...) -> None: ...

class PauseScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: Schedule
    def __init__(self, schedule: _Optional[_Union[Schedule, _Mapping]] = ...) -> None: ...

class SyncSchedulesRequest(_message.Message):
    __slots__ = ("definitions", "now")
    DEFINITIONS_FIELD_NUMBER: _ClassVar[int]
    NOW_FIELD_NUMBER: _ClassVar[int]
    definitions: _containers.RepeatedCompositeFieldContainer[ScheduleDefinition]
    now: _timestamp_pb2.Timestamp
    def __init__(self, definitions: _Optional[_Iterable[_Union[ScheduleDefinition, _Mapping]]] = ..., now: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SyncSchedulesResponse(_message.Message):
    __slots__ = ("created", "deleted", "kept")
    CREATED_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    created: _containers.RepeatedScalarFieldContainer[str]
    deleted: _containers.RepeatedScalarFieldContainer[str]
    kept: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, created: _Optional[_Iterable[str]] = ..., deleted: _Optional[_Iterable[str]] = ..., kept: _Optional[_Iterable[str]] = ...) -> None: ...

class FireScheduleRequest(_message.Message):
    __slots__ = ("schedule_id", "tick", "previous_tick", "skip")
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    TICK_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_TICK_FIELD_NUMBER: _ClassVar[int]
    SKIP_FIELD_NUMBER: _ClassVar[int]
    schedule_id: str
    tick: _timestamp_pb2.Timestamp
    previous_tick: _timestamp_pb2.Timestamp
    skip: bool
    def __init__(self, schedule_id: _Optional[str] = ..., tick: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., previous_tick: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., skip: _Optional[bool] = ...) -> None: ...

class FireScheduleResponse(_message.Message):
    __slots__ = ("outcome", "job_id")
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    outcome: FireOutcome
    job_id: str
    def __init__(self, outcome: _Optional[_Union[FireOutcome, str]] = ..., job_id: _Optional[str] = ...) -> None: ...
