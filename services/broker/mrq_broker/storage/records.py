"""The typed records the broker stores: jobs, their history, tasksets, workers, schedules and log
chunks. Field names are the proto's (``date_enqueued``, ``exception_type``, ``worker_id``...),
and every layer uses them; only the store modules know how a record is laid out in storage.

Datetimes are UTC and stored at millisecond precision, as MongoDB keeps them: a record read back
equals the one written with its datetimes truncated to the millisecond (see :func:`to_ms`).
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import orjson
from google.protobuf.timestamp_pb2 import Timestamp

from mrq.statuses import status_value
from mrq.v1 import job_pb2

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=1024)
def to_ms(moment: datetime) -> int:
    """Milliseconds since the epoch, exact (no float rounding). Cached: a commit's changes share
    a few instants (its time, the expiry dates), each converted thousands of times otherwise."""
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def job_id_time(job_id: str) -> datetime:
    """When a job id was made: its first 4 bytes are seconds since the epoch (an ObjectId)."""
    return EPOCH + timedelta(seconds=int(job_id[:8], 16))


@dataclass(slots=True)
class HistoryEntry:
    """One attempt that did not succeed, as kept in a job's ``traceback_history``."""

    date: datetime
    status: str
    exception_type: str = ""
    error: str = ""
    traceback: str = ""
    worker_id: str = ""


@dataclass(slots=True)
class JobRecord:
    """A job as stored. ``eta`` is when a delayed or retrying job runs; ``result_json`` is ""
    until the job succeeds; the measurements describe the latest attempt."""

    id: str
    task: str
    params_json: str
    queue: str
    status: str
    priority: int
    timeout_s: float
    max_retries: int
    retry_delay_s: float
    result_ttl_s: float
    date_enqueued: datetime
    date_updated: datetime
    retry_count: int = 0
    requeue_count: int = 0
    eta: datetime | None = None
    dedupe_key: str = ""
    limit_key: str = ""
    taskset_id: str = ""
    raw_queue: str = ""
    schedule_id: str = ""
    schedule_tick: datetime | None = None
    worker_id: str = ""
    date_started: datetime | None = None
    date_finished: datetime | None = None
    date_expires: datetime | None = None
    progress: float = 0.0
    result_json: str = ""
    exception_type: str = ""
    error: str = ""
    traceback: str = ""
    traceback_history: list[HistoryEntry] = field(default_factory=list)
    duration_s: float = 0.0
    cpu_s: float | None = None
    switches: int | None = None
    memory_diff_bytes: int | None = None
    profile: str = ""
    memory_top: str = ""


#: Every field of a job record, in order.
JOB_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(JobRecord))
#: The optional fields of a job record, and their defaults: a field at its default is unset.
JOB_DEFAULTS: dict[str, Any] = {
    f.name: f.default_factory() if f.default_factory is not MISSING else f.default
    for f in fields(JobRecord)
    if f.default is not MISSING or f.default_factory is not MISSING
}
#: Fields left out of listed jobs: large, and shown only on a job's own page.
HEAVY_FIELDS = frozenset({"traceback_history", "traceback", "result_json", "profile", "memory_top"})


@dataclass(frozen=True, slots=True)
class JobChange:
    """One write to one job, applied by :meth:`Store.update_jobs` in a batch.

    ``set``: record fields and their new values (a field's default clears it). ``increment``:
    integer fields to add to. ``history``: an entry appended to ``traceback_history``.
    ``create``: the record to write first if the job has none (a raw job's first stored status);
    the rest of the change then applies to it, as to any record. ``delete``: remove the record
    instead. A change with nothing to do is skipped.
    """

    job_id: str
    set: dict[str, Any] = field(default_factory=dict)
    increment: dict[str, int] = field(default_factory=dict)
    history: HistoryEntry | None = None
    create: JobRecord | None = None
    delete: bool = False


@dataclass(slots=True)
class TasksetRecord:
    id: str
    task: str
    job_ids: list[str]
    date_created: datetime
    callback_task: str = ""
    callback_params_json: str = ""
    callback_queue: str = ""


@dataclass(slots=True)
class WorkerRecord:
    """A worker's latest heartbeat, for the dashboard."""

    id: str
    hostname: str
    pid: int
    queues: list[str]
    concurrency: int
    status: str
    done_jobs: int
    memory_bytes: int
    cpu_s: float
    job_ids: list[str]
    date_heartbeat: datetime


@dataclass(slots=True)
class ScheduleRecord:
    """A schedule: ``id`` is its definition's hash, ``definition`` its ScheduleSpec as JSON-able
    data (params as JSON text), ``source`` "config" or "api"."""

    id: str
    definition: dict[str, Any]
    source: str
    paused: bool
    date_created: datetime
    last_tick: datetime | None = None
    last_job_id: str = ""


@dataclass(frozen=True, slots=True)
class LogChunk:
    """The ``n``-th chunk of text a job logged; its id is ``"<job id>-<n>"``."""

    id: str
    job_id: str
    text: str
    date_created: datetime
    date_expires: datetime


@dataclass(frozen=True, slots=True)
class JobSelection:
    """Which jobs a query or a bulk action means; unset criteria match every job.

    ``queue`` is an exact name, "root/" (every subqueue of root) or a pattern with ``*``
    wildcards; ``job_id_prefix`` lower-case hexadecimal; ``params_json`` is canonical JSON matched
    whole; ``params_key`` and ``params_value_json`` (canonical JSON) select params objects whose
    top-level key holds that value.
    """

    job_id: str = ""
    job_id_prefix: str = ""
    queue: str = ""
    statuses: frozenset[str] = frozenset()
    task: str = ""
    worker_id: str = ""
    exception_type: str = ""
    taskset_id: str = ""
    schedule_id: str = ""
    params_json: str = ""
    params_key: str = ""
    params_value_json: str = ""
    enqueued_after: datetime | None = None
    enqueued_before: datetime | None = None

    def is_empty(self) -> bool:
        return self == JobSelection()

    def id_range(self) -> tuple[str, str]:
        """The first and last job id ``job_id_prefix`` allows (ids are 24 hexadecimal characters)."""
        padding = 24 - len(self.job_id_prefix)
        return self.job_id_prefix + "0" * padding, self.job_id_prefix + "f" * padding

    def params_value_matches(self, params_json: str) -> bool:
        """Whether stored (canonical) params hold ``params_value_json`` at ``params_key``."""
        params = orjson.loads(params_json)
        return (
            isinstance(params, dict)
            and self.params_key in params
            and orjson.dumps(params[self.params_key], option=orjson.OPT_SORT_KEYS).decode() == self.params_value_json
        )

    def queue_glob(self) -> str:
        """The queue criterion as a glob (``*`` any run of characters), or "" when exact."""
        if "*" in self.queue:
            return self.queue
        return self.queue + "?*" if self.queue.endswith("/") else ""


def _timestamp(moment: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(moment)
    return ts


def _history_proto(entry: HistoryEntry) -> job_pb2.TracebackEntry:
    return job_pb2.TracebackEntry(
        date=_timestamp(entry.date),
        status=status_value(entry.status),
        exception_type=entry.exception_type,
        error=entry.error,
        traceback=entry.traceback,
        worker_id=entry.worker_id,
    )


_DATES = ("date_enqueued", "date_started", "date_finished", "date_updated", "date_expires", "schedule_tick")
_OPTIONAL = ("cpu_s", "switches", "memory_diff_bytes")


def job_proto(record: JobRecord) -> job_pb2.Job:
    """The public view of a job record."""
    job = job_pb2.Job(
        id=record.id,
        task=record.task,
        params_json=record.params_json.encode(),
        queue=record.queue,
        status=status_value(record.status),
        result_json=record.result_json.encode(),
        exception_type=record.exception_type,
        error=record.error,
        traceback=record.traceback,
        traceback_history=[_history_proto(e) for e in record.traceback_history],
        worker_id=record.worker_id,
        retry_count=record.retry_count,
        requeue_count=record.requeue_count,
        progress=record.progress,
        raw_queue=record.raw_queue,
        schedule_id=record.schedule_id,
        taskset_id=record.taskset_id,
        duration_s=record.duration_s,
        profile=record.profile,
        memory_top=record.memory_top,
        options=job_pb2.JobOptions(
            queue=record.queue,
            timeout_s=record.timeout_s,
            max_retries=record.max_retries,
            retry_delay_s=record.retry_delay_s,
            result_ttl_s=record.result_ttl_s,
            priority=record.priority,
            dedupe_key=record.dedupe_key,
        ),
    )
    if record.eta is not None:
        job.options.eta.CopyFrom(_timestamp(record.eta))
    for name in _OPTIONAL:
        if (value := getattr(record, name)) is not None:
            setattr(job, name, value)
    for name in _DATES:
        if (moment := getattr(record, name)) is not None:
            getattr(job, name).CopyFrom(_timestamp(moment))
    return job
