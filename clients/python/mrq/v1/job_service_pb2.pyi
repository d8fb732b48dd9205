import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mrq.v1 import job_pb2 as _job_pb2
from mrq.v1 import job_query_pb2 as _job_query_pb2
from mrq.v1 import worker_service_pb2 as _worker_service_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_ACTION_UNSPECIFIED: _ClassVar[JobAction]
    JOB_ACTION_CANCEL: _ClassVar[JobAction]
    JOB_ACTION_REQUEUE: _ClassVar[JobAction]
    JOB_ACTION_RETRY: _ClassVar[JobAction]
    JOB_ACTION_DELETE: _ClassVar[JobAction]
JOB_ACTION_UNSPECIFIED: JobAction
JOB_ACTION_CANCEL: JobAction
JOB_ACTION_REQUEUE: JobAction
JOB_ACTION_RETRY: JobAction
JOB_ACTION_DELETE: JobAction

class EnqueueRequest(_message.Message):
    __slots__ = ("task", "params_json", "options")
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    task: str
    params_json: bytes
    options: _job_pb2.JobOptions
    def __init__(self, task: _Optional[str] = ..., params_json: _Optional[bytes] = ..., options: _Optional[_Union[_job_pb2.JobOptions, _Mapping]] = ...) -> None: ...

class EnqueueResponse(_message.Message):
    __slots__ = ("job_id", "deduplicated")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    DEDUPLICATED_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    deduplicated: bool
    def __init__(self, job_id: _Optional[str] = ..., deduplicated: _Optional[bool] = ...) -> None: ...

class EnqueueManyRequest(_message.Message):
    __slots__ = ("task", "params_json", "options")
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    task: str
    params_json: _containers.RepeatedScalarFieldContainer[bytes]
    options: _job_pb2.JobOptions
    def __init__(self, task: _Optional[str] = ..., params_json: _Optional[_Iterable[bytes]] = ..., options: _Optional[_Union[_job_pb2.JobOptions, _Mapping]] = ...) -> None: ...

class EnqueueManyResponse(_message.Message):
    __slots__ = ("job_ids",)
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, job_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: _job_pb2.Job
    def __init__(self, job: _Optional[_Union[_job_pb2.Job, _Mapping]] = ...) -> None: ...

class WaitJobsRequest(_message.Message):
    __slots__ = ("job_ids", "timeout_s")
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_S_FIELD_NUMBER: _ClassVar[int]
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    timeout_s: float
    def __init__(self, job_ids: _Optional[_Iterable[str]] = ..., timeout_s: _Optional[float] = ...) -> None: ...

class WaitJobsResponse(_message.Message):
    __slots__ = ("jobs", "all_final")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    ALL_FINAL_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[_job_pb2.Job]
    all_final: bool
    def __init__(self, jobs: _Optional[_Iterable[_Union[_job_pb2.Job, _Mapping]]] = ..., all_final: _Optional[bool] = ...) -> None: ...

class JobFilter(_message.Message):
    __slots__ = ("queue", "status", "task", "worker_id", "exception_type", "params_json", "enqueued_after", "enqueued_before")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_AFTER_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_BEFORE_FIELD_NUMBER: _ClassVar[int]
    queue: str
    status: _job_pb2.JobStatus
    task: str
    worker_id: str
    exception_type: str
    params_json: bytes
    enqueued_after: _timestamp_pb2.Timestamp
    enqueued_before: _timestamp_pb2.Timestamp
    def __init__(self, queue: _Optional[str] = ..., status: _Optional[_Union[_job_pb2.JobStatus, str]] = ..., task: _Optional[str] = ..., worker_id: _Optional[str] = ..., exception_type: _Optional[str] = ..., params_json: _Optional[bytes] = ..., enqueued_after: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., enqueued_before: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ActOnJobsRequest(_message.Message):
    __slots__ = ("action", "job_ids", "filter", "dry_run", "query")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    action: JobAction
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    filter: JobFilter
    dry_run: bool
    query: _job_query_pb2.JobQuery
    def __init__(self, action: _Optional[_Union[JobAction, str]] = ..., job_ids: _Optional[_Iterable[str]] = ..., filter: _Optional[_Union[JobFilter, _Mapping]] = ..., dry_run: _Optional[bool] = ..., query: _Optional[_Union[_job_query_pb2.JobQuery, _Mapping]] = ...) -> None: ...

class ActOnJobsResponse(_message.Message):
    __slots__ = ("matched", "changed", "skipped")
    MATCHED_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    matched: int
    changed: int
    skipped: int
    def __init__(self, matched: _Optional[int] = ..., changed: _Optional[int] = ..., skipped: _Optional[int] = ...) -> None: ...

class GetJobLogsRequest(_message.Message):
    __slots__ = ("job_id", "from_offset")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_OFFSET_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    from_offset: int
    def __init__(self, job_id: _Optional[str] = ..., from_offset: _Optional[int] = ...) -> None: ...

class GetJobLogsResponse(_message.Message):
    __slots__ = ("text", "next_offset", "complete")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    NEXT_OFFSET_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_FIELD_NUMBER: _ClassVar[int]
    text: str
    next_offset: int
    complete: bool
    def __init__(self, text: _Optional[str] = ..., next_offset: _Optional[int] = ..., complete: _Optional[bool] = ...) -> None: ...

class FollowJobLogsRequest(_message.Message):
    __slots__ = ("job_id", "from_offset")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_OFFSET_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    from_offset: int
    def __init__(self, job_id: _Optional[str] = ..., from_offset: _Optional[int] = ...) -> None: ...

class FollowJobLogsResponse(_message.Message):
    __slots__ = ("text", "next_offset")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    NEXT_OFFSET_FIELD_NUMBER: _ClassVar[int]
    text: str
    next_offset: int
    def __init__(self, text: _Optional[str] = ..., next_offset: _Optional[int] = ...) -> None: ...

class CreateTasksetRequest(_message.Message):
    __slots__ = ("task", "params_json", "options", "callback_task", "callback_params_json", "callback_queue")
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_TASK_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_QUEUE_FIELD_NUMBER: _ClassVar[int]
    task: str
    params_json: _containers.RepeatedScalarFieldContainer[bytes]
    options: _job_pb2.JobOptions
    callback_task: str
    callback_params_json: bytes
    callback_queue: str
    def __init__(self, task: _Optional[str] = ..., params_json: _Optional[_Iterable[bytes]] = ..., options: _Optional[_Union[_job_pb2.JobOptions, _Mapping]] = ..., callback_task: _Optional[str] = ..., callback_params_json: _Optional[bytes] = ..., callback_queue: _Optional[str] = ...) -> None: ...

class CreateTasksetResponse(_message.Message):
    __slots__ = ("taskset_id", "job_ids")
    TASKSET_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    taskset_id: str
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, taskset_id: _Optional[str] = ..., job_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetTasksetRequest(_message.Message):
    __slots__ = ("taskset_id",)
    TASKSET_ID_FIELD_NUMBER: _ClassVar[int]
    taskset_id: str
    def __init__(self, taskset_id: _Optional[str] = ...) -> None: ...

class Taskset(_message.Message):
    __slots__ = ("id", "total", "final", "counts", "progress", "job_ids", "callback_task", "callback_job_id", "task", "date_created")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    FINAL_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_TASK_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    DATE_CREATED_FIELD_NUMBER: _ClassVar[int]
    id: str
    total: int
    final: int
    counts: _containers.ScalarMap[str, int]
    progress: float
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    callback_task: str
    callback_job_id: str
    task: str
    date_created: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., total: _Optional[int] = ..., final: _Optional[int] = ..., counts: _Optional[_Mapping[str, int]] = ..., progress: _Optional[float] = ..., job_ids: _Optional[_Iterable[str]] = ..., callback_task: _Optional[str] = ..., callback_job_id: _Optional[str] = ..., task: _Optional[str] = ..., date_created: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetTasksetResponse(_message.Message):
    __slots__ = ("taskset",)
    TASKSET_FIELD_NUMBER: _ClassVar[int]
    taskset: Taskset
    def __init__(self, taskset: _Optional[_Union[Taskset, _Mapping]] = ...) -> None: ...

class InspectJobRequest(_message.Message):
    __slots__ = ("job_id", "timeout_s")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_S_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    timeout_s: float
    def __init__(self, job_id: _Optional[str] = ..., timeout_s: _Optional[float] = ...) -> None: ...

class InspectJobResponse(_message.Message):
    __slots__ = ("worker_id", "inspection")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    inspection: _worker_service_pb2.JobInspection
    def __init__(self, worker_id: _Optional[str] = ..., inspection: _Optional[_Union[_worker_service_pb2.JobInspection, _Mapping]] = ...) -> None: ...

class GetServerInfoRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServerInfoResponse(_message.Message):
    __slots__ = ("version", "max_params_bytes", "max_batch_size", "max_wait_s", "lease_ttl_s", "features")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    MAX_PARAMS_BYTES_FIELD_NUMBER: _ClassVar[int]
    MAX_BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAX_WAIT_S_FIELD_NUMBER: _ClassVar[int]
    LEASE_TTL_S_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    version: str
    max_params_bytes: int
    max_batch_size: int
    max_wait_s: float
    lease_ttl_s: float
    features: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, version: _Optional[str] = ..., max_params_bytes: _Optional[int] = ..., max_batch_size: _Optional[int] = ..., max_wait_s: _Optional[float] = ..., lease_ttl_s: _Optional[float] = ..., features: _Optional[_Iterable[str]] = ...) -> None: ...

class ListTasksetsRequest(_message.Message):
    __slots__ = ("limit", "cursor")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    limit: int
    cursor: str
    def __init__(self, limit: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListTasksetsResponse(_message.Message):
    __slots__ = ("tasksets", "next_cursor")
    TASKSETS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    tasksets: _containers.RepeatedCompositeFieldContainer[Taskset]
    next_cursor: str
    def __init__(self, tasksets: _Optional[_Iterable[_Union[Taskset, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...
