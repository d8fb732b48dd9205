"""The job document stored in MongoDB, and every conversion from it.

Params and results are stored as JSON text, not as sub-documents: equality on params is then
one indexed string match, and any JSON value fits, whatever its keys (MongoDB-compatible servers
such as FerretDB refuse "." and "$" in field names).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bson import ObjectId
from google.protobuf.timestamp_pb2 import Timestamp

from mrq.statuses import status_value
from mrq.v1 import job_pb2, worker_service_pb2
from mrq.v1.queue_service_pb2 import QUEUE_TYPE_REVERSE
from mrq_broker.queue_config import unique_key
from mrq_broker.queue_names import queue_type
from mrq_broker.queues import QueueEntry, queue_score
from mrq_broker.validation import ResolvedOptions

Doc = dict[str, Any]

_DATE_FIELDS = {"datequeued": "date_enqueued", "datestarted": "date_started", "dateended": "date_finished",
                "dateupdated": "date_updated", "dateexpires": "date_expires", "scheduletick": "schedule_tick"}


def new_job_docs(task: str, params: Sequence[str], options: ResolvedOptions, now: datetime,
                 taskset_id: str = "") -> list[Doc]:
    """Job documents for freshly enqueued jobs, ready for insert_many. A job of a limited task
    carries the key its limits count under (see queue_config.TaskLimit)."""
    base: Doc = {
        "task": task,
        "queue": options.queue,
        "status": "delayed" if options.run_at else "queued",
        "priority": options.priority,
        "timeout_s": options.timeout_s,
        "max_retries": options.max_retries,
        "retry_delay_s": options.retry_delay_s,
        "result_ttl_s": options.result_ttl_s,
        "retry_count": 0,
        "requeue_count": 0,
        "datequeued": now,
        "dateupdated": now,
    }
    if options.run_at:
        base["run_at"] = options.run_at
    if options.dedupe_key:
        base["dedupe_key"] = options.dedupe_key
    if taskset_id:
        base["taskset"] = taskset_id
    docs = [{"_id": ObjectId(), "params": p, **base} for p in params]
    for doc in docs:
        if options.limit is not None:
            doc["limit_key"] = options.limit.key(task, doc["params"])
        if options.unique and not options.dedupe_key:
            doc["dedupe_key"] = unique_key(task, doc["params"])
    return docs


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


def payload(doc: Doc, unstored: bool = False) -> bytes:
    """What a worker needs to run the job, serialised once and kept in Redis while it is pending.
    ``unstored``: the job has no record (a raw job whose started status is not stored)."""
    header = _SEPARATOR.join((doc["task"], doc.get("limit_key", ""), doc.get("dedupe_key", ""),
                              doc.get("raw_queue", ""), "1" if unstored else ""))
    taskset = bytes.fromhex(doc["taskset"]) if doc.get("taskset") else _NO_TASKSET
    return header.encode() + b"\n" + _PREFIX.pack(doc["result_ttl_s"], taskset) + worker_service_pb2.LeasedJob(
        job_id=str(doc["_id"]),
        task=doc["task"],
        params_json=doc["params"].encode(),
        queue=doc["queue"],
        timeout_s=doc["timeout_s"],
        retry_count=doc["retry_count"],
        max_retries=doc["max_retries"],
        retry_delay_s=doc["retry_delay_s"],
    ).SerializeToString()


def _split(raw: bytes) -> tuple[bytes, bytes]:
    end = raw.index(b"\n")
    return raw[:end], raw[end + 1:]


def header_of(raw: bytes) -> PayloadHeader:
    """The text header of a payload."""
    task, limit_key, dedupe_key, raw_queue, unstored = _split(raw)[0].decode().split(_SEPARATOR)
    return PayloadHeader(task, limit_key, dedupe_key, raw_queue, unstored == "1")


def leased_job(raw: bytes) -> worker_service_pb2.LeasedJob:
    """The LeasedJob in a payload."""
    return worker_service_pb2.LeasedJob.FromString(_split(raw)[1][_PREFIX.size:])


def result_ttl_s(raw: bytes) -> float:
    """The result TTL in a payload."""
    return float(_PREFIX.unpack_from(_split(raw)[1])[0])


def taskset_of(raw: bytes) -> str:
    """The taskset id in a payload, or "" for a job in no taskset."""
    taskset: bytes = _PREFIX.unpack_from(_split(raw)[1])[1]
    return "" if taskset == _NO_TASKSET else taskset.hex()


def doc_from_payload(raw: bytes) -> Doc:
    """The record of a job that has none yet (a raw job whose started status is not stored),
    rebuilt from its payload: enough to store a later status, or to requeue it."""
    job, header = leased_job(raw), header_of(raw)
    taskset = taskset_of(raw)
    doc: Doc = {"_id": ObjectId(job.job_id), "task": job.task, "params": job.params_json.decode(),
                "queue": job.queue, "priority": 0, "timeout_s": job.timeout_s, "max_retries": job.max_retries,
                "retry_delay_s": job.retry_delay_s, "result_ttl_s": result_ttl_s(raw),
                "retry_count": job.retry_count, "requeue_count": 0,
                "datequeued": job_id_time(job.job_id), "dateupdated": job_id_time(job.job_id),
                "status": "started"}
    for field, value in (("limit_key", header.limit_key), ("dedupe_key", header.dedupe_key),
                         ("raw_queue", header.raw_queue), ("taskset", taskset)):
        if value:
            doc[field] = value
    return doc


def job_id_time(job_id: str) -> datetime:
    return ObjectId(job_id).generation_time


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def queue_entry(doc: Doc, run_at: datetime | None = None) -> QueueEntry:
    """Where the job goes in Redis. It keeps its place in line by its original enqueue time."""
    return QueueEntry(
        job_id=str(doc["_id"]),
        queue=doc["queue"],
        payload=payload(doc),
        score=queue_score(doc["priority"], _ms(doc["datequeued"]),
                          newest_first=queue_type(doc["queue"]) == QUEUE_TYPE_REVERSE),
        delayed_until_ms=_ms(run_at) if run_at else None,
    )


def _timestamp(moment: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(moment)
    return ts


def _history_entry(entry: Doc) -> job_pb2.TracebackEntry:
    return job_pb2.TracebackEntry(
        date=_timestamp(entry["date"]),
        status=status_value(entry["status"]),
        exception_type=entry.get("exceptiontype", ""),
        error=entry.get("error", ""),
        traceback=entry.get("traceback", ""),
        worker_id=entry.get("worker", ""),
    )


def _copy_measurements(doc: Doc, job: job_pb2.Job) -> None:
    """The latest attempt's duration and traced measurements (see transitions.measurements)."""
    job.duration_s = doc.get("duration_s") or 0.0
    job.profile = doc.get("profile") or ""
    job.memory_top = doc.get("memory_top") or ""
    for name in ("cpu_s", "switches", "memory_diff_bytes"):
        if doc.get(name) is not None:
            setattr(job, name, doc[name])


def to_proto(doc: Doc) -> job_pb2.Job:
    """The public view of a job document."""
    job = job_pb2.Job(
        id=str(doc["_id"]),
        task=doc["task"],
        params_json=doc["params"].encode(),
        queue=doc["queue"],
        status=status_value(doc["status"]),
        result_json=doc.get("result", "").encode(),
        exception_type=doc.get("exceptiontype", ""),
        error=doc.get("error", ""),
        traceback=doc.get("traceback", ""),
        traceback_history=[_history_entry(e) for e in doc.get("traceback_history", [])],
        worker_id=doc.get("worker", ""),
        retry_count=doc.get("retry_count", 0),
        requeue_count=doc.get("requeue_count", 0),
        progress=doc.get("progress", 0.0),
        raw_queue=doc.get("raw_queue", ""),
        schedule_id=doc.get("schedule", ""),
        options=job_pb2.JobOptions(
            queue=doc["queue"], timeout_s=doc["timeout_s"], max_retries=doc["max_retries"],
            retry_delay_s=doc["retry_delay_s"], result_ttl_s=doc["result_ttl_s"],
            priority=doc["priority"], dedupe_key=doc.get("dedupe_key", ""),
        ),
    )
    if doc.get("run_at"):
        job.options.eta.CopyFrom(_timestamp(doc["run_at"]))
    _copy_measurements(doc, job)
    for field, proto_field in _DATE_FIELDS.items():
        if doc.get(field):
            getattr(job, proto_field).CopyFrom(_timestamp(doc[field]))
    return job
