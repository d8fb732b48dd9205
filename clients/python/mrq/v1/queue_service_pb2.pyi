import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class QueueType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUEUE_TYPE_UNSPECIFIED: _ClassVar[QueueType]
    QUEUE_TYPE_REGULAR: _ClassVar[QueueType]
    QUEUE_TYPE_REVERSE: _ClassVar[QueueType]
    QUEUE_TYPE_RAW: _ClassVar[QueueType]
    QUEUE_TYPE_SET: _ClassVar[QueueType]
    QUEUE_TYPE_SORTED_SET: _ClassVar[QueueType]
    QUEUE_TYPE_TIMED_SET: _ClassVar[QueueType]
QUEUE_TYPE_UNSPECIFIED: QueueType
QUEUE_TYPE_REGULAR: QueueType
QUEUE_TYPE_REVERSE: QueueType
QUEUE_TYPE_RAW: QueueType
QUEUE_TYPE_SET: QueueType
QUEUE_TYPE_SORTED_SET: QueueType
QUEUE_TYPE_TIMED_SET: QueueType

class EnqueueRawRequest(_message.Message):
    __slots__ = ("queue", "params_json", "scores")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    queue: str
    params_json: _containers.RepeatedScalarFieldContainer[bytes]
    scores: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, queue: _Optional[str] = ..., params_json: _Optional[_Iterable[bytes]] = ..., scores: _Optional[_Iterable[float]] = ...) -> None: ...

class EnqueueRawResponse(_message.Message):
    __slots__ = ("added",)
    ADDED_FIELD_NUMBER: _ClassVar[int]
    added: int
    def __init__(self, added: _Optional[int] = ...) -> None: ...

class ListQueuesRequest(_message.Message):
    __slots__ = ("prefix",)
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    prefix: str
    def __init__(self, prefix: _Optional[str] = ...) -> None: ...

class QueueInfo(_message.Message):
    __slots__ = ("name", "type", "queued", "delayed", "paused", "oldest_enqueued")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    QUEUED_FIELD_NUMBER: _ClassVar[int]
    DELAYED_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    OLDEST_ENQUEUED_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: QueueType
    queued: int
    delayed: int
    paused: bool
    oldest_enqueued: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[QueueType, str]] = ..., queued: _Optional[int] = ..., delayed: _Optional[int] = ..., paused: _Optional[bool] = ..., oldest_enqueued: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListQueuesResponse(_message.Message):
    __slots__ = ("queues",)
    QUEUES_FIELD_NUMBER: _ClassVar[int]
    queues: _containers.RepeatedCompositeFieldContainer[QueueInfo]
    def __init__(self, queues: _Optional[_Iterable[_Union[QueueInfo, _Mapping]]] = ...) -> None: ...

class PauseQueueRequest(_message.Message):
    __slots__ = ("queue", "paused")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    queue: str
    paused: bool
    def __init__(self, queue: _Optional[str] = ..., paused: _Optional[bool] = ...) -> None: ...

class PauseQueueResponse(_message.Message):
    __slots__ = ("paused_queues",)
    PAUSED_QUEUES_FIELD_NUMBER: _ClassVar[int]
    paused_queues: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, paused_queues: _Optional[_Iterable[str]] = ...) -> None: ...

class EmptyQueueRequest(_message.Message):
    __slots__ = ("queue", "max_jobs")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    MAX_JOBS_FIELD_NUMBER: _ClassVar[int]
    queue: str
    max_jobs: int
    def __init__(self, queue: _Optional[str] = ..., max_jobs: _Optional[int] = ...) -> None: ...

class EmptyQueueResponse(_message.Message):
    __slots__ = ("removed", "remaining")
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    removed: int
    remaining: int
    def __init__(self, removed: _Optional[int] = ..., remaining: _Optional[int] = ...) -> None: ...

class CheckRateLimitRequest(_message.Message):
    __slots__ = ("key", "limit", "per_s")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PER_S_FIELD_NUMBER: _ClassVar[int]
    key: str
    limit: int
    per_s: float
    def __init__(self, key: _Optional[str] = ..., limit: _Optional[int] = ..., per_s: _Optional[float] = ...) -> None: ...

class CheckRateLimitResponse(_message.Message):
    __slots__ = ("allowed", "remaining")
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    allowed: bool
    remaining: int
    def __init__(self, allowed: _Optional[bool] = ..., remaining: _Optional[int] = ...) -> None: ...
