"""Job records as the client returns them: the one translation from ``mrq.v1.Job`` to a dict.

Params and results are decoded from JSON, statuses become their names ("success"), and
timestamps become timezone-aware UTC datetimes (``None`` when unset).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

# pydantic reads typing_extensions' TypedDict only (before Python 3.12): the dashboard's API
# serves JobDict as its response model.
from typing_extensions import TypedDict

from mrq import codec
from mrq.statuses import status_name
from mrq.v1 import job_pb2


class AttemptDict(TypedDict):
    """One failed, retried, interrupted or requeued attempt (``Job.traceback_history``)."""

    date: datetime | None
    status: str
    exception_type: str
    error: str
    traceback: str
    worker_id: str


class JobDict(TypedDict):
    """A job record. See ``proto/mrq/v1/job.proto`` for what each field means."""

    id: str
    task: str
    params: Any
    queue: str
    status: str
    result: Any
    exception_type: str
    error: str
    traceback: str
    traceback_history: list[AttemptDict]
    date_enqueued: datetime | None
    date_started: datetime | None
    date_finished: datetime | None
    date_updated: datetime | None
    date_expires: datetime | None
    worker_id: str
    retry_count: int
    requeue_count: int
    progress: float
    options: dict[str, Any]
    #: Wall-clock seconds the latest attempt ran.
    duration_s: float
    #: Set by workers run with --trace-greenlets (CPU seconds, greenlet switches), --profile
    #: (cProfile summary) and --trace-memory (bytes still held, top allocations); else None / "".
    cpu_s: float | None
    switches: int | None
    profile: str
    memory_diff_bytes: int | None
    memory_top: str
    #: For a job made from a raw queue's entry: that raw queue (``queue`` is its retry queue).
    raw_queue: str
    #: For a job enqueued by a schedule: its id, and the tick (due instant) that produced the job.
    schedule_id: str
    schedule_tick: datetime | None
    #: For a member of a taskset (``Client.enqueue_taskset``): the taskset's id.
    taskset_id: str


def job_to_dict(job: job_pb2.Job) -> JobDict:
    """Translates a job record from the wire into a :class:`JobDict`.

    Args:
        job: the record, as returned by GetJob or WaitJobs.

    Returns:
        The job as a dict. ``params`` is ``{}`` when the job was enqueued without params;
        ``result`` is ``None`` until the job succeeds.
    """
    return JobDict(
        id=job.id,
        task=job.task,
        params=codec.decode(job.params_json) if job.params_json else {},
        queue=job.queue,
        status=status_name(job.status),
        result=codec.decode(job.result_json),
        exception_type=job.exception_type,
        error=job.error,
        traceback=job.traceback,
        traceback_history=[_attempt_to_dict(entry) for entry in job.traceback_history],
        date_enqueued=_datetime(job.date_enqueued, job.HasField("date_enqueued")),
        date_started=_datetime(job.date_started, job.HasField("date_started")),
        date_finished=_datetime(job.date_finished, job.HasField("date_finished")),
        date_updated=_datetime(job.date_updated, job.HasField("date_updated")),
        date_expires=_datetime(job.date_expires, job.HasField("date_expires")),
        worker_id=job.worker_id,
        retry_count=job.retry_count,
        requeue_count=job.requeue_count,
        progress=job.progress,
        options=options_to_dict(job.options),
        duration_s=job.duration_s,
        cpu_s=job.cpu_s if job.HasField("cpu_s") else None,
        switches=job.switches if job.HasField("switches") else None,
        profile=job.profile,
        memory_diff_bytes=job.memory_diff_bytes if job.HasField("memory_diff_bytes") else None,
        memory_top=job.memory_top,
        raw_queue=job.raw_queue,
        schedule_id=job.schedule_id,
        schedule_tick=_datetime(job.schedule_tick, job.HasField("schedule_tick")),
        taskset_id=job.taskset_id,
    )


def options_to_dict(options: job_pb2.JobOptions) -> dict[str, Any]:
    """The options that are set, by their proto names (``timeout_s``, ``eta``...).

    A field counts as set when it has presence (the ``optional`` ones) or a non-default
    value. ``eta`` becomes an aware datetime.
    """
    return {
        field.name: _timestamp_to_datetime(value) if isinstance(value, Timestamp) else value
        for field, value in options.ListFields()
    }


def _attempt_to_dict(entry: job_pb2.TracebackEntry) -> AttemptDict:
    return AttemptDict(
        date=_datetime(entry.date, entry.HasField("date")),
        status=status_name(entry.status),
        exception_type=entry.exception_type,
        error=entry.error,
        traceback=entry.traceback,
        worker_id=entry.worker_id,
    )


def _datetime(timestamp: Timestamp, is_set: bool) -> datetime | None:
    return _timestamp_to_datetime(timestamp) if is_set else None


def _timestamp_to_datetime(timestamp: Timestamp) -> datetime:
    return timestamp.ToDatetime(tzinfo=UTC)
