import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATUS_UNSPECIFIED: _ClassVar[JobStatus]
    JOB_STATUS_QUEUED: _ClassVar[JobStatus]
    JOB_STATUS_STARTED: _ClassVar[JobStatus]
    JOB_STATUS_SUCCESS: _ClassVar[JobStatus]
    JOB_STATUS_FAILED: _ClassVar[JobStatus]
    JOB_STATUS_CANCEL: _ClassVar[JobStatus]
    JOB_STATUS_ABORT: _ClassVar[JobStatus]
    JOB_STATUS_INTERRUPT: _ClassVar[JobStatus]
    JOB_STATUS_TIMEOUT: _ClassVar[JobStatus]
    JOB_STATUS_RETRY: _ClassVar[JobStatus]
    JOB_STATUS_MAXRETRIES: _ClassVar[JobStatus]
    JOB_STATUS_MAXCONCURRENCY: _ClassVar[JobStatus]
    JOB_STATUS_DELAYED: _ClassVar[JobStatus]
JOB_STATUS_UNSPECIFIED: JobStatus
JOB_STATUS_QUEUED: JobStatus
JOB_STATUS_STARTED: JobStatus
JOB_STATUS_SUCCESS: JobStatus
JOB_STATUS_FAILED: JobStatus
JOB_STATUS_CANCEL: JobStatus
JOB_STATUS_ABORT: JobStatus
JOB_STATUS_INTERRUPT: JobStatus
JOB_STATUS_TIMEOUT: JobStatus
JOB_STATUS_RETRY: JobStatus
JOB_STATUS_MAXRETRIES: JobStatus
JOB_STATUS_MAXCONCURRENCY: JobStatus
JOB_STATUS_DELAYED: JobStatus

class JobOptions(_message.Message):
    __slots__ = ("queue", "timeout_s", "max_retries", "retry_delay_s", "result_ttl_s", "delay_s", "eta", "priority", "dedupe_key", "unique")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_S_FIELD_NUMBER: _ClassVar[int]
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    RETRY_DELAY_S_FIELD_NUMBER: _ClassVar[int]
    RESULT_TTL_S_FIELD_NUMBER: _ClassVar[int]
    DELAY_S_FIELD_NUMBER: _ClassVar[int]
    ETA_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    DEDUPE_KEY_FIELD_NUMBER: _ClassVar[int]
    UNIQUE_FIELD_NUMBER: _ClassVar[int]
    queue: str
    timeout_s: float
    max_retries: int
    retry_delay_s: float
    result_ttl_s: float
    delay_s: float
    eta: _timestamp_pb2.Timestamp
    priority: int
    dedupe_key: str
    unique: bool
    def __init__(self, queue: _Optional[str] = ..., timeout_s: _Optional[float] = ..., max_retries: _Optional[int] = ..., retry_delay_s: _Optional[float] = ..., result_ttl_s: _Optional[float] = ..., delay_s: _Optional[float] = ..., eta: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., priority: _Optional[int] = ..., dedupe_key: _Optional[str] = ..., unique: _Optional[bool] = ...) -> None: ...

class TracebackEntry(_message.Message):
    __slots__ = ("date", "status", "exception_type", "error", "traceback", "worker_id")
    DATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TRACEBACK_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    date: _timestamp_pb2.Timestamp
    status: JobStatus
    exception_type: str
    error: str
    traceback: str
    worker_id: str
    def __init__(self, date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status: _Optional[_Union[JobStatus, str]] = ..., exception_type: _Optional[str] = ..., error: _Optional[str] = ..., traceback: _Optional[str] = ..., worker_id: _Optional[str] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("id", "task", "params_json", "queue", "status", "result_json", "exception_type", "error", "traceback", "traceback_history", "date_enqueued", "date_started", "date_finished", "date_updated", "date_expires", "worker_id", "retry_count", "requeue_count", "progress", "options", "duration_s", "cpu_s", "switches", "profile", "memory_diff_bytes", "memory_top", "raw_queue", "schedule_id", "schedule_tick", "taskset_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TRACEBACK_FIELD_NUMBER: _ClassVar[int]
    TRACEBACK_HISTORY_FIELD_NUMBER: _ClassVar[int]
    DATE_ENQUEUED_FIELD_NUMBER: _ClassVar[int]
    DATE_STARTED_FIELD_NUMBER: _ClassVar[int]
    DATE_FINISHED_FIELD_NUMBER: _ClassVar[int]
    DATE_UPDATED_FIELD_NUMBER: _ClassVar[int]
    DATE_EXPIRES_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    RETRY_COUNT_FIELD_NUMBER: _ClassVar[int]
    REQUEUE_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    DURATION_S_FIELD_NUMBER: _ClassVar[int]
    CPU_S_FIELD_NUMBER: _ClassVar[int]
    SWITCHES_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    MEMORY_DIFF_BYTES_FIELD_NUMBER: _ClassVar[int]
    MEMORY_TOP_FIELD_NUMBER: _ClassVar[int]
    RAW_QUEUE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_TICK_FIELD_NUMBER: _ClassVar[int]
    TASKSET_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    task: str
    params_json: bytes
    queue: str
    status: JobStatus
    result_json: bytes
    exception_type: str
    error: str
    traceback: str
    traceback_history: _containers.RepeatedCompositeFieldContainer[TracebackEntry]
    date_enqueued: _timestamp_pb2.Timestamp
    date_started: _timestamp_pb2.Timestamp
    date_finished: _timestamp_pb2.Timestamp
    date_updated: _timestamp_pb2.Timestamp
    date_expires: _timestamp_pb2.Timestamp
    worker_id: str
    retry_count: int
    requeue_count: int
    progress: float
    options: JobOptions
    duration_s: float
    cpu_s: float
    switches: int
    profile: str
    memory_diff_bytes: int
    memory_top: str
    raw_queue: str
    schedule_id: str
    schedule_tick: _timestamp_pb2.Timestamp
    taskset_id: str
    def __init__(self, id: _Optional[str] = ..., task: _Optional[str] = ..., params_json: _Optional[bytes] = ..., queue: _Optional[str] = ..., status: _Optional[_Union[JobStatus, str]] = ..., result_json: _Optional[bytes] = ..., exception_type: _Optional[str] = ..., error: _Optional[str] = ..., traceback: _Optional[str] = ..., traceback_history: _Optional[_Iterable[_Union[TracebackEntry, _Mapping]]] = ..., date_enqueued: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., date_started: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., date_finished: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., date_updated: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., date_expires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., worker_id: _Optional[str] = ..., retry_count: _Optional[int] = ..., requeue_count: _Optional[int] = ..., progress: _Optional[float] = ..., options: _Optional[_Union[JobOptions, _Mapping]] = ..., duration_s: _Optional[float] = ..., cpu_s: _Optional[float] = ..., switches: _Optional[int] = ..., profile: _Optional[str] = ..., memory_diff_bytes: _Optional[int] = ..., memory_top: _Optional[str] = ..., raw_queue: _Optional[str] = ..., schedule_id: _Optional[str] = ..., schedule_tick: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., taskset_id: _Optional[str] = ...) -> None: ...
