"""New job records, and the payloads Redis keeps of pending jobs: every conversion between them."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import orjson
from bson import ObjectId

from mrq.v1 import worker_service_pb2
from mrq.v1.queue_service_pb2 import QUEUE_TYPE_REVERSE
from mrq_broker.jobs.validation import ResolvedOptions
from mrq_broker.queue_config import unique_key
from mrq_broker.queue_names import queue_type
from mrq_broker.queueing.queues import QueueEntry, RawTemplate, queue_score
from mrq_broker.storage.records import JobRecord, job_id_time, to_ms


def new_job_id() -> str:
    """A fresh job id: 24 hex characters that sort by creation time (an ObjectId)."""
    return str(ObjectId())


@dataclass(frozen=True)
class StartedBy:
    """Raw entries that become jobs as a worker leases them: their ids, queue and worker."""

    job_ids: Sequence[str]
    raw_queue: str
    worker_id: str


def new_jobs(
    task: str,
    params: Sequence[str],
    options: ResolvedOptions,
    now: datetime,
    taskset_id: str = "",
    started: StartedBy | None = None,
) -> list[JobRecord]:
    """Records of freshly enqueued jobs. A job of a limited task carries the key its limits count
    under (see queue_config.TaskLimit); a unique one, its task and params as its dedupe key.
    ``started``: jobs leased as they are made (raw entries), with the ids their lease gave them."""
    status = "started" if started else "delayed" if options.run_at else "queued"
    ids = started.job_ids if started else [new_job_id() for _ in params]
    records = []
    for job_id, p in zip(ids, params, strict=True):
        dedupe_key = options.dedupe_key or (unique_key(task, p) if options.unique else "")
        records.append(
            JobRecord(
                id=job_id,
                task=task,
                params_json=p,
                queue=options.queue,
                status=status,
                priority=options.priority,
                timeout_s=options.timeout_s,
                max_retries=options.max_retries,
                retry_delay_s=options.retry_delay_s,
                result_ttl_s=options.result_ttl_s,
                date_enqueued=now,
                date_updated=now,
                eta=options.run_at,
                dedupe_key=dedupe_key,
                taskset_id=taskset_id,
                limit_key=options.limit.key(task, p) if options.limit is not None else "",
                raw_queue=started.raw_queue if started else "",
                worker_id=started.worker_id if started else "",
                date_started=now if started else None,
            )
        )
    return records


# A payload is what Redis keeps of a pending job. First a text line that the Lua scripts read
# (task, limit key, dedupe key, raw queue and "1" for a raw job with no record yet, separated by
# \x1f, none of which may hold a control character), then a prefix only the broker reads (the
# job's result TTL as a little-endian double, then its taskset id as 12 bytes, zeros for none),
# then the LeasedJob handed to workers.
_SEPARATOR = "\x1f"
_PREFIX = struct.Struct("<d12s")
_NO_TASKSET = bytes(12)


@dataclass(frozen=True)
class PayloadHeader:
    task: str
    limit_key: str
    dedupe_key: str
    raw_queue: str
    unstored: bool


def payload(job: JobRecord, unstored: bool = False) -> bytes:
    """What a worker needs to run the job, serialised once and kept in Redis while it is pending.
    ``unstored``: the job has no record (a raw job whose started status is not stored)."""
    header = _SEPARATOR.join((job.task, job.limit_key, job.dedupe_key, job.raw_queue, "1" if unstored else ""))
    taskset = bytes.fromhex(job.taskset_id) if job.taskset_id else _NO_TASKSET
    return (
        header.encode()
        + b"\n"
        + _PREFIX.pack(job.result_ttl_s, taskset)
        + worker_service_pb2.LeasedJob(
            job_id=job.id,
            task=job.task,
            params_json=job.params_json.encode(),
            queue=job.queue,
            timeout_s=job.timeout_s,
            retry_count=job.retry_count,
            max_retries=job.max_retries,
            retry_delay_s=job.retry_delay_s,
        ).SerializeToString()
    )


def raw_template(task: str, options: ResolvedOptions, params_key: str, now: datetime) -> RawTemplate:
    """The payload of a raw queue's job with no record, as lease_jobs.lua makes it from the job's
    id, raw queue and entry: the payload of a job with none of the three, split where the raw
    queue's name goes. For jobs whose header doesn't depend on their params (no limit_key, not
    unique): the caller makes sure."""
    [job] = new_jobs(task, [""], options, now, started=StartedBy([""], "", ""))
    header, rest = _split(payload(job, unstored=True))
    sep = _SEPARATOR.encode()
    fields = header.split(sep)  # task, limit key, dedupe key, raw queue (""), "1"
    pre, post = (f"{{{orjson.dumps(params_key).decode()}:", "}") if params_key else ("", "")
    return RawTemplate(sep.join(fields[:3]) + sep, sep + fields[4] + b"\n" + rest, pre, post)


def _split(raw: bytes) -> tuple[bytes, bytes]:
    end = raw.index(b"\n")
    return raw[:end], raw[end + 1 :]


def header_of(raw: bytes) -> PayloadHeader:
    """The text header of a payload."""
    return parse_header(_split(raw)[0])


def parse_header(line: bytes) -> PayloadHeader:
    """A payload's header line, as the scripts that read only it return it."""
    task, limit_key, dedupe_key, raw_queue, unstored = line.decode().split(_SEPARATOR)
    return PayloadHeader(task, limit_key, dedupe_key, raw_queue, unstored == "1")


def leased_job(raw: bytes) -> worker_service_pb2.LeasedJob:
    """The LeasedJob in a payload."""
    return worker_service_pb2.LeasedJob.FromString(_split(raw)[1][_PREFIX.size :])


def result_ttl_s(raw: bytes) -> float:
    """The result TTL in a payload."""
    return float(_PREFIX.unpack_from(_split(raw)[1])[0])


def taskset_of(raw: bytes) -> str:
    """The taskset id in a payload, or "" for a job in no taskset."""
    taskset: bytes = _PREFIX.unpack_from(_split(raw)[1])[1]
    return "" if taskset == _NO_TASKSET else taskset.hex()


def record_from_payload(raw: bytes) -> JobRecord:
    """The record of a job that has none yet (a raw job whose started status is not stored),
    rebuilt from its payload: enough to store a later status, or to requeue it."""
    job, header = leased_job(raw), header_of(raw)
    enqueued = job_id_time(job.job_id)
    return JobRecord(
        id=job.job_id,
        task=job.task,
        params_json=job.params_json.decode(),
        queue=job.queue,
        status="started",
        priority=0,
        timeout_s=job.timeout_s,
        max_retries=job.max_retries,
        retry_delay_s=job.retry_delay_s,
        result_ttl_s=result_ttl_s(raw),
        retry_count=job.retry_count,
        date_enqueued=enqueued,
        date_updated=enqueued,
        limit_key=header.limit_key,
        dedupe_key=header.dedupe_key,
        raw_queue=header.raw_queue,
        taskset_id=taskset_of(raw),
    )


def queue_entry(job: JobRecord, queued_at: datetime | None = None) -> QueueEntry:
    """Where the job goes in Redis: its queue, or its delayed set until its ``eta``. Its place in
    line is its enqueue time, or ``queued_at`` for a job queued again behind those waiting."""
    return QueueEntry(
        job_id=job.id,
        queue=job.queue,
        payload=payload(job),
        score=queue_score(
            job.priority,
            to_ms(queued_at or job.date_enqueued),
            newest_first=queue_type(job.queue) == QUEUE_TYPE_REVERSE,
        ),
        delayed_until_ms=to_ms(job.eta) if job.eta else None,
    )
