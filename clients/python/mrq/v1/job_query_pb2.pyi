import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mrq.v1 import job_pb2 as _job_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StatusGroup(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STATUS_GROUP_UNSPECIFIED: _ClassVar[StatusGroup]
    STATUS_GROUP_OK: _ClassVar[StatusGroup]
    STATUS_GROUP_NOT_OK: _ClassVar[StatusGroup]
    STATUS_GROUP_ERROR: _ClassVar[StatusGroup]
STATUS_GROUP_UNSPECIFIED: StatusGroup
STATUS_GROUP_OK: StatusGroup
STATUS_GROUP_NOT_OK: StatusGroup
STATUS_GROUP_ERROR: StatusGroup

class JobQuery(_message.Message):
    __slots__ = ("job_id", "queue", "task", "statuses", "status_group", "worker_id", "exception_type", "params_json", "enqueued_after", "enqueued_before", "job_id_prefix", "params_key", "params_value_json", "taskset_id", "schedule_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    STATUS_GROUP_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_AFTER_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_BEFORE_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_PREFIX_FIELD_NUMBER: _ClassVar[int]
    PARAMS_KEY_FIELD_NUMBER: _ClassVar[int]
    PARAMS_VALUE_JSON_FIELD_NUMBER: _ClassVar[int]
    TASKSET_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    queue: str
    task: str
    statuses: _containers.RepeatedScalarFieldContainer[_job_pb2.JobStatus]
    status_group: StatusGroup
    worker_id: str
    exception_type: str
    params_json: bytes
    enqueued_after: _timestamp_pb2.Timestamp
    enqueued_before: _timestamp_pb2.Timestamp
    job_id_prefix: str
    params_key: str
    params_value_json: bytes
    taskset_id: str
    schedule_id: str
    def __init__(self, job_id: _Optional[str] = ..., queue: _Optional[str] = ..., task: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_job_pb2.JobStatus, str]]] = ..., status_group: _Optional[_Union[StatusGroup, str]] = ..., worker_id: _Optional[str] = ..., exception_type: _Optional[str] = ..., params_json: _Optional[bytes] = ..., enqueued_after: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., enqueued_before: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., job_id_prefix: _Optional[str] = ..., params_key: _Optional[str] = ..., params_value_json: _Optional[bytes] = ..., taskset_id: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...
