import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mrq.v1 import job_pb2 as _job_pb2
from mrq.v1 import job_query_pb2 as _job_query_pb2
from mrq.v1 import job_service_pb2 as _job_service_pb2
from mrq.v1 import worker_service_pb2 as _worker_service_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobOrder(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_ORDER_UNSPECIFIED: _ClassVar[JobOrder]
    JOB_ORDER_NEWEST: _ClassVar[JobOrder]
    JOB_ORDER_OLDEST: _ClassVar[JobOrder]

class WorkerAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WORKER_ACTION_UNSPECIFIED: _ClassVar[WorkerAction]
    WORKER_ACTION_STOP: _ClassVar[WorkerAction]
    WORKER_ACTION_QUIET: _ClassVar[WorkerAction]
    WORKER_ACTION_RESUME: _ClassVar[WorkerAction]
JOB_ORDER_UNSPECIFIED: JobOrder
JOB_ORDER_NEWEST: JobOrder
JOB_ORDER_OLDEST: JobOrder
WORKER_ACTION_UNSPECIFIED: WorkerAction
WORKER_ACTION_STOP: WorkerAction
WORKER_ACTION_QUIET: WorkerAction
WORKER_ACTION_RESUME: WorkerAction

class ListJobsRequest(_message.Message):
    __slots__ = ("filter", "order", "limit", "cursor")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    filter: _job_query_pb2.JobQuery
    order: JobOrder
    limit: int
    cursor: str
    def __init__(self, filter: _Optional[_Union[_job_query_pb2.JobQuery, _Mapping]] = ..., order: _Optional[_Union[JobOrder, str]] = ..., limit: _Optional[int] = ..., cursor: _Optional[str] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_cursor", "total", "total_is_lower_bound")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_IS_LOWER_BOUND_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[_job_pb2.Job]
    next_cursor: str
    total: int
    total_is_lower_bound: bool
    def __init__(self, jobs: _Optional[_Iterable[_Union[_job_pb2.Job, _Mapping]]] = ..., next_cursor: _Optional[str] = ..., total: _Optional[int] = ..., total_is_lower_bound: _Optional[bool] = ...) -> None: ...

class ActOnMatchingJobsRequest(_message.Message):
    __slots__ = ("action", "filter", "dry_run")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    action: _job_service_pb2.JobAction
    filter: _job_query_pb2.JobQuery
    dry_run: bool
    def __init__(self, action: _Optional[_Union[_job_service_pb2.JobAction, str]] = ..., filter: _Optional[_Union[_job_query_pb2.JobQuery, _Mapping]] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class ActOnMatchingJobsResponse(_message.Message):
    __slots__ = ("matched", "changed", "skipped")
    MATCHED_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    matched: int
    changed: int
    skipped: int
    def __init__(self, matched: _Optional[int] = ..., changed: _Optional[int] = ..., skipped: _Optional[int] = ...) -> None: ...

class GetOverviewRequest(_message.Message):
    __slots__ = ("window_s",)
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    window_s: float
    def __init__(self, window_s: _Optional[float] = ...) -> None: ...

class GetOverviewResponse(_message.Message):
    __slots__ = ("counts", "workers_alive", "pool_size", "pool_busy", "enqueued_in_window", "finished_in_window", "window_s")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    WORKERS_ALIVE_FIELD_NUMBER: _ClassVar[int]
    POOL_SIZE_FIELD_NUMBER: _ClassVar[int]
    POOL_BUSY_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_IN_WINDOW_FIELD_NUMBER: _ClassVar[int]
    FINISHED_IN_WINDOW_FIELD_NUMBER: _ClassVar[int]
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.ScalarMap[str, int]
    workers_alive: int
    pool_size: int
    pool_busy: int
    enqueued_in_window: int
    finished_in_window: int
    window_s: float
    def __init__(self, counts: _Optional[_Mapping[str, int]] = ..., workers_alive: _Optional[int] = ..., pool_size: _Optional[int] = ..., pool_busy: _Optional[int] = ..., enqueued_in_window: _Optional[int] = ..., finished_in_window: _Optional[int] = ..., window_s: _Optional[float] = ...) -> None: ...

class ListWorkersRequest(_message.Message):
    __slots__ = ("seen_within_s",)
    SEEN_WITHIN_S_FIELD_NUMBER: _ClassVar[int]
    seen_within_s: float
    def __init__(self, seen_within_s: _Optional[float] = ...) -> None: ...

class WorkerInfo(_message.Message):
    __slots__ = ("worker_id", "state", "job_ids", "last_heartbeat", "alive", "quiet")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    LAST_HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    ALIVE_FIELD_NUMBER: _ClassVar[int]
    QUIET_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    state: _worker_service_pb2.WorkerState
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    last_heartbeat: _timestamp_pb2.Timestamp
    alive: bool
    quiet: bool
    def __init__(self, worker_id: _Optional[str] = ..., state: _Optional[_Union[_worker_service_pb2.WorkerState, _Mapping]] = ..., job_ids: _Optional[_Iterable[str]] = ..., last_heartbeat: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., alive: _Optional[bool] = ..., quiet: _Optional[bool] = ...) -> None: ...

class ListWorkersResponse(_message.Message):
    __slots__ = ("workers",)
    WORKERS_FIELD_NUMBER: _ClassVar[int]
    workers: _containers.RepeatedCompositeFieldContainer[WorkerInfo]
    def __init__(self, workers: _Optional[_Iterable[_Union[WorkerInfo, _Mapping]]] = ...) -> None: ...

class ControlWorkerRequest(_message.Message):
    __slots__ = ("worker_id", "action")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    action: WorkerAction
    def __init__(self, worker_id: _Optional[str] = ..., action: _Optional[_Union[WorkerAction, str]] = ...) -> None: ...

class ControlWorkerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListQueueRatesRequest(_message.Message):
    __slots__ = ("window_s",)
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    window_s: float
    def __init__(self, window_s: _Optional[float] = ...) -> None: ...

class QueueRate(_message.Message):
    __slots__ = ("queue", "enqueued", "finished", "counts")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    queue: str
    enqueued: int
    finished: int
    counts: _containers.ScalarMap[str, int]
    def __init__(self, queue: _Optional[str] = ..., enqueued: _Optional[int] = ..., finished: _Optional[int] = ..., counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class ListQueueRatesResponse(_message.Message):
    __slots__ = ("queues", "window_s")
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    queues: _containers.RepeatedCompositeFieldContainer[QueueRate]
    window_s: float
    def __init__(self, queues: _Optional[_Iterable[_Union[QueueRate, _Mapping]]] = ..., window_s: _Optional[float] = ...) -> None: ...

class ListTaskStatsRequest(_message.Message):
    __slots__ = ("window_s",)
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    window_s: float
    def __init__(self, window_s: _Optional[float] = ...) -> None: ...

class TaskStats(_message.Message):
    __slots__ = ("task", "counts", "finished_in_window")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    TASK_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    FINISHED_IN_WINDOW_FIELD_NUMBER: _ClassVar[int]
    task: str
    counts: _containers.ScalarMap[str, int]
    finished_in_window: int
    def __init__(self, task: _Optional[str] = ..., counts: _Optional[_Mapping[str, int]] = ..., finished_in_window: _Optional[int] = ...) -> None: ...

class ListTaskStatsResponse(_message.Message):
    __slots__ = ("tasks", "window_s")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    tasks: _containers.RepeatedCompositeFieldContainer[TaskStats]
    window_s: float
    def __init__(self, tasks: _Optional[_Iterable[_Union[TaskStats, _Mapping]]] = ..., window_s: _Optional[float] = ...) -> None: ...

class ListExceptionGroupsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ExceptionGroup(_message.Message):
    __slots__ = ("task", "exception_type", "count", "last_seen", "example_error")
    TASK_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_FIELD_NUMBER: _ClassVar[int]
    EXAMPLE_ERROR_FIELD_NUMBER: _ClassVar[int]
    task: str
    exception_type: str
    count: int
    last_seen: _timestamp_pb2.Timestamp
    example_error: str
    def __init__(self, task: _Optional[str] = ..., exception_type: _Optional[str] = ..., count: _Optional[int] = ..., last_seen: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., example_error: _Optional[str] = ...) -> None: ...

class ListExceptionGroupsResponse(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedCompositeFieldContainer[ExceptionGroup]
    def __init__(self, groups: _Optional[_Iterable[_Union[ExceptionGroup, _Mapping]]] = ...) -> None: ...

class GetHistoryRequest(_message.Message):
    __slots__ = ("queue", "task", "window_s", "step_s")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    STEP_S_FIELD_NUMBER: _ClassVar[int]
    queue: str
    task: str
    window_s: float
    step_s: float
    def __init__(self, queue: _Optional[str] = ..., task: _Optional[str] = ..., window_s: _Optional[float] = ..., step_s: _Optional[float] = ...) -> None: ...

class HistoryPoint(_message.Message):
    __slots__ = ("start", "finished", "failed", "queue_size", "p50_duration_s", "p95_duration_s")
    START_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    QUEUE_SIZE_FIELD_NUMBER: _ClassVar[int]
    P50_DURATION_S_FIELD_NUMBER: _ClassVar[int]
    P95_DURATION_S_FIELD_NUMBER: _ClassVar[int]
    start: _timestamp_pb2.Timestamp
    finished: int
    failed: int
    queue_size: int
    p50_duration_s: float
    p95_duration_s: float
    def __init__(self, start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished: _Optional[int] = ..., failed: _Optional[int] = ..., queue_size: _Optional[int] = ..., p50_duration_s: _Optional[float] = ..., p95_duration_s: _Optional[float] = ...) -> None: ...

class GetHistoryResponse(_message.Message):
    __slots__ = ("points", "window_s", "step_s", "retention_s", "max_series")
    POINTS_FIELD_NUMBER: _ClassVar[int]
    WINDOW_S_FIELD_NUMBER: _ClassVar[int]
    STEP_S_FIELD_NUMBER: _ClassVar[int]
    RETENTION_S_FIELD_NUMBER: _ClassVar[int]
    MAX_SERIES_FIELD_NUMBER: _ClassVar[int]
    points: _containers.RepeatedCompositeFieldContainer[HistoryPoint]
    window_s: float
    step_s: float
    retention_s: float
    max_series: int
    def __init__(self, points: _Optional[_Iterable[_Union[HistoryPoint, _Mapping]]] = ..., window_s: _Optional[float] = ..., step_s: _Optional[float] = ..., retention_s: _Optional[float] = ..., max_series: _Optional[int] = ...) -> None: ...
