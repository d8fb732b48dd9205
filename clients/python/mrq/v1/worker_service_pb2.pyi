from mrq.v1 import job_pb2 as _job_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DequeueStrategy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEQUEUE_STRATEGY_UNSPECIFIED: _ClassVar[DequeueStrategy]
    DEQUEUE_STRATEGY_SEQUENTIAL: _ClassVar[DequeueStrategy]
    DEQUEUE_STRATEGY_PARALLEL: _ClassVar[DequeueStrategy]

class ControlAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTROL_ACTION_UNSPECIFIED: _ClassVar[ControlAction]
    CONTROL_ACTION_CANCEL_JOB: _ClassVar[ControlAction]
    CONTROL_ACTION_SHUTDOWN: _ClassVar[ControlAction]
    CONTROL_ACTION_DUMP_STACK: _ClassVar[ControlAction]
DEQUEUE_STRATEGY_UNSPECIFIED: DequeueStrategy
DEQUEUE_STRATEGY_SEQUENTIAL: DequeueStrategy
DEQUEUE_STRATEGY_PARALLEL: DequeueStrategy
CONTROL_ACTION_UNSPECIFIED: ControlAction
CONTROL_ACTION_CANCEL_JOB: ControlAction
CONTROL_ACTION_SHUTDOWN: ControlAction
CONTROL_ACTION_DUMP_STACK: ControlAction

class LogChunk(_message.Message):
    __slots__ = ("job_id", "text")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    text: str
    def __init__(self, job_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class ShipLogsRequest(_message.Message):
    __slots__ = ("worker_id", "chunks")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    CHUNKS_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    chunks: _containers.RepeatedCompositeFieldContainer[LogChunk]
    def __init__(self, worker_id: _Optional[str] = ..., chunks: _Optional[_Iterable[_Union[LogChunk, _Mapping]]] = ...) -> None: ...

class ShipLogsResponse(_message.Message):
    __slots__ = ("stored",)
    STORED_FIELD_NUMBER: _ClassVar[int]
    stored: int
    def __init__(self, stored: _Optional[int] = ...) -> None: ...

class LeaseJobsRequest(_message.Message):
    __slots__ = ("worker_id", "queues", "max_jobs", "wait_s", "strategy", "task_whitelist", "task_blacklist")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    MAX_JOBS_FIELD_NUMBER: _ClassVar[int]
    WAIT_S_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    TASK_WHITELIST_FIELD_NUMBER: _ClassVar[int]
    TASK_BLACKLIST_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    queues: _containers.RepeatedScalarFieldContainer[str]
    max_jobs: int
    wait_s: float
    strategy: DequeueStrategy
    task_whitelist: _containers.RepeatedScalarFieldContainer[str]
    task_blacklist: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, worker_id: _Optional[str] = ..., queues: _Optional[_Iterable[str]] = ..., max_jobs: _Optional[int] = ..., wait_s: _Optional[float] = ..., strategy: _Optional[_Union[DequeueStrategy, str]] = ..., task_whitelist: _Optional[_Iterable[str]] = ..., task_blacklist: _Optional[_Iterable[str]] = ...) -> None: ...

class LeasedJob(_message.Message):
    __slots__ = ("job_id", "task", "params_json", "queue", "timeout_s", "retry_count", "max_retries", "retry_delay_s", "lease_token")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_S_FIELD_NUMBER: _ClassVar[int]
    RETRY_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    RETRY_DELAY_S_FIELD_NUMBER: _ClassVar[int]
    LEASE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    task: str
    params_json: bytes
    queue: str
    timeout_s: float
    retry_count: int
    max_retries: int
    retry_delay_s: float
    lease_token: str
    def __init__(self, job_id: _Optional[str] = ..., task: _Optional[str] = ..., params_json: _Optional[bytes] = ..., queue: _Optional[str] = ..., timeout_s: _Optional[float] = ..., retry_count: _Optional[int] = ..., max_retries: _Optional[int] = ..., retry_delay_s: _Optional[float] = ..., lease_token: _Optional[str] = ...) -> None: ...

class LeaseJobsResponse(_message.Message):
    __slots__ = ("jobs", "lease_ttl_s")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    LEASE_TTL_S_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[LeasedJob]
    lease_ttl_s: float
    def __init__(self, jobs: _Optional[_Iterable[_Union[LeasedJob, _Mapping]]] = ..., lease_ttl_s: _Optional[float] = ...) -> None: ...

class JobOutcome(_message.Message):
    __slots__ = ("job_id", "lease_token", "status", "result_json", "exception_type", "error", "traceback", "retry_delay_s", "retry_queue", "max_retries", "duration_s", "cpu_s", "switches", "profile", "memory_diff_bytes", "memory_top")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    LEASE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TRACEBACK_FIELD_NUMBER: _ClassVar[int]
    RETRY_DELAY_S_FIELD_NUMBER: _ClassVar[int]
    RETRY_QUEUE_FIELD_NUMBER: _ClassVar[int]
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    DURATION_S_FIELD_NUMBER: _ClassVar[int]
    CPU_S_FIELD_NUMBER: _ClassVar[int]
    SWITCHES_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    MEMORY_DIFF_BYTES_FIELD_NUMBER: _ClassVar[int]
    MEMORY_TOP_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    lease_token: str
    status: _job_pb2.JobStatus
    result_json: bytes
    exception_type: str
    error: str
    traceback: str
    retry_delay_s: float
    retry_queue: str
    max_retries: int
    duration_s: float
    cpu_s: float
    switches: int
    profile: str
    memory_diff_bytes: int
    memory_top: str
    def __init__(self, job_id: _Optional[str] = ..., lease_token: _Optional[str] = ..., status: _Optional[_Union[_job_pb2.JobStatus, str]] = ..., result_json: _Optional[bytes] = ..., exception_type: _Optional[str] = ..., error: _Optional[str] = ..., traceback: _Optional[str] = ..., retry_delay_s: _Optional[float] = ..., retry_queue: _Optional[str] = ..., max_retries: _Optional[int] = ..., duration_s: _Optional[float] = ..., cpu_s: _Optional[float] = ..., switches: _Optional[int] = ..., profile: _Optional[str] = ..., memory_diff_bytes: _Optional[int] = ..., memory_top: _Optional[str] = ...) -> None: ...

class ReportOutcomesRequest(_message.Message):
    __slots__ = ("worker_id", "outcomes")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    outcomes: _containers.RepeatedCompositeFieldContainer[JobOutcome]
    def __init__(self, worker_id: _Optional[str] = ..., outcomes: _Optional[_Iterable[_Union[JobOutcome, _Mapping]]] = ...) -> None: ...

class ReportOutcomesResponse(_message.Message):
    __slots__ = ("accepted", "stale")
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    STALE_FIELD_NUMBER: _ClassVar[int]
    accepted: int
    stale: int
    def __init__(self, accepted: _Optional[int] = ..., stale: _Optional[int] = ...) -> None: ...

class WorkerState(_message.Message):
    __slots__ = ("hostname", "pid", "queues", "concurrency", "status", "done_jobs", "memory_bytes", "cpu_s")
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    PID_FIELD_NUMBER: _ClassVar[int]
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DONE_JOBS_FIELD_NUMBER: _ClassVar[int]
    MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    CPU_S_FIELD_NUMBER: _ClassVar[int]
    hostname: str
    pid: int
    queues: _containers.RepeatedScalarFieldContainer[str]
    concurrency: int
    status: str
    done_jobs: int
    memory_bytes: int
    cpu_s: float
    def __init__(self, hostname: _Optional[str] = ..., pid: _Optional[int] = ..., queues: _Optional[_Iterable[str]] = ..., concurrency: _Optional[int] = ..., status: _Optional[str] = ..., done_jobs: _Optional[int] = ..., memory_bytes: _Optional[int] = ..., cpu_s: _Optional[float] = ...) -> None: ...

class JobProgress(_message.Message):
    __slots__ = ("job_id", "progress")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    progress: float
    def __init__(self, job_id: _Optional[str] = ..., progress: _Optional[float] = ...) -> None: ...

class JobInspection(_message.Message):
    __slots__ = ("job_id", "stack", "elapsed_s", "cpu_s")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STACK_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_S_FIELD_NUMBER: _ClassVar[int]
    CPU_S_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    stack: str
    elapsed_s: float
    cpu_s: float
    def __init__(self, job_id: _Optional[str] = ..., stack: _Optional[str] = ..., elapsed_s: _Optional[float] = ..., cpu_s: _Optional[float] = ...) -> None: ...

class HeartbeatRequest(_message.Message):
    __slots__ = ("worker_id", "job_ids", "state", "progress", "inspections")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    INSPECTIONS_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    state: WorkerState
    progress: _containers.RepeatedCompositeFieldContainer[JobProgress]
    inspections: _containers.RepeatedCompositeFieldContainer[JobInspection]
    def __init__(self, worker_id: _Optional[str] = ..., job_ids: _Optional[_Iterable[str]] = ..., state: _Optional[_Union[WorkerState, _Mapping]] = ..., progress: _Optional[_Iterable[_Union[JobProgress, _Mapping]]] = ..., inspections: _Optional[_Iterable[_Union[JobInspection, _Mapping]]] = ...) -> None: ...

class ControlMessage(_message.Message):
    __slots__ = ("action", "job_id")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    action: ControlAction
    job_id: str
    def __init__(self, action: _Optional[_Union[ControlAction, str]] = ..., job_id: _Optional[str] = ...) -> None: ...

class HeartbeatResponse(_message.Message):
    __slots__ = ("controls", "lost_job_ids", "lease_ttl_s")
    CONTROLS_FIELD_NUMBER: _ClassVar[int]
    LOST_JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    LEASE_TTL_S_FIELD_NUMBER: _ClassVar[int]
    controls: _containers.RepeatedCompositeFieldContainer[ControlMessage]
    lost_job_ids: _containers.RepeatedScalarFieldContainer[str]
    lease_ttl_s: float
    def __init__(self, controls: _Optional[_Iterable[_Union[ControlMessage, _Mapping]]] = ..., lost_job_ids: _Optional[_Iterable[str]] = ..., lease_ttl_s: _Optional[float] = ...) -> None: ...
