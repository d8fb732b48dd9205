"""The MongoDB store: records as documents, for scale and for more than one machine.

A document holds its record's fields under the same names, ``_id`` for the id (an ObjectId for
jobs and tasksets), and leaves out fields at their default. Params and results are JSON text, not
sub-documents: any JSON value fits, whatever its keys (MongoDB-compatible servers such as FerretDB
refuse "." and "$" in field names), and equality on params is one string match.

FerretDB, the MongoDB-compatible server the tests run on, serves only exact ``_id`` lookups from an
index and scans for anything else, ``$in`` included: few records are read one by one by ``_id``.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import orjson
import pymongo
import pymongo.errors
from bson import ObjectId
from pymongo import DeleteMany, DeleteOne, UpdateOne

from mrq_broker.storage.base import ExceptionGroup, QueryTimeout, Store
from mrq_broker.storage.records import (
    HEAVY_FIELDS,
    JOB_DEFAULTS,
    JOB_FIELDS,
    HistoryEntry,
    JobChange,
    JobRecord,
    JobSelection,
    LogChunk,
    ScheduleRecord,
    TasksetRecord,
    WorkerRecord,
)

Doc = dict[str, Any]

#: Server failures that are transient from a caller's view: nothing was written, retry later.
OUTAGES = (pymongo.errors.AutoReconnect, pymongo.errors.ServerSelectionTimeoutError, pymongo.errors.NetworkTimeout)

FEW_IDS = 200
READ_BATCH = 1000
INDEXES: list[list[tuple[str, int]]] = [
    [("status", 1), ("queue", 1), ("_id", -1)],
    [("queue", 1), ("_id", -1)],
    [("task", 1), ("status", 1), ("_id", -1)],
    [("worker_id", 1), ("_id", -1)],
    [("exception_type", 1), ("_id", -1)],
    [("status", 1), ("date_updated", 1)],
    [("date_expires", 1)],
    [("date_finished", 1)],
    [("dedupe_key", 1)],
    [("taskset_id", 1), ("_id", -1)],
    [("schedule_id", 1), ("_id", -1)],
]
_LIST_PROJECTION = {name: 0 for name in HEAVY_FIELDS}


def _is_default(name: str, value: Any) -> bool:
    return name in JOB_DEFAULTS and value == JOB_DEFAULTS[name]


def _job_doc(record: JobRecord) -> Doc:
    doc: Doc = {"_id": ObjectId(record.id)}
    for name in JOB_FIELDS[1:]:
        value = getattr(record, name)
        if not _is_default(name, value):
            doc[name] = [asdict(e) for e in value] if name == "traceback_history" else value
    return doc


def _job(doc: Doc) -> JobRecord:
    fields = {name: value for name, value in doc.items() if name != "_id"}
    if "traceback_history" in fields:
        fields["traceback_history"] = [HistoryEntry(**e) for e in fields["traceback_history"]]
    return JobRecord(id=str(doc["_id"]), **fields)


def _writes(change: JobChange) -> list[UpdateOne | DeleteOne]:
    """The bulk-write operations of one change: none for an empty one."""
    oid = ObjectId(change.job_id)
    if change.delete:
        return [DeleteOne({"_id": oid})]
    writes: list[UpdateOne | DeleteOne] = []
    if change.create is not None:  # first the record, if there is none, then the change on it
        inserted = _job_doc(change.create)
        del inserted["_id"]
        writes.append(UpdateOne({"_id": oid}, {"$setOnInsert": inserted}, upsert=True))
    update: Doc = {}
    kept = {k: v for k, v in change.set.items() if not _is_default(k, v)}
    cleared = {k: "" for k, v in change.set.items() if _is_default(k, v)}
    if kept:
        update["$set"] = kept
    if cleared:
        update["$unset"] = cleared
    if change.increment:
        update["$inc"] = dict(change.increment)
    if change.history is not None:
        update["$push"] = {"traceback_history": asdict(change.history)}
    if update:
        writes.append(UpdateOne({"_id": oid}, update))
    return writes


def _glob_regex(glob: str) -> str:
    return "^" + ".".join(".*".join(re.escape(p) for p in part.split("*")) for part in glob.split("?")) + "$"


def _query(selection: JobSelection, after_id: str = "", newest_first: bool = True) -> Doc:
    """The query of a selection. A params key's value is found by a regex on the params' text,
    which may also match a nested key: :func:`_matching` checks each job found."""
    query: Doc = {}
    if ids := _id_condition(selection, after_id, newest_first):
        query["_id"] = ids
    if selection.queue:
        glob = selection.queue_glob()
        query["queue"] = {"$regex": _glob_regex(glob)} if glob else selection.queue
    if selection.statuses:
        statuses = sorted(selection.statuses)
        query["status"] = statuses[0] if len(statuses) == 1 else {"$in": statuses}
    for name in ("task", "worker_id", "exception_type", "taskset_id", "schedule_id", "params_json"):
        if value := getattr(selection, name):
            query[name] = value
    if selection.params_key and not selection.params_json:
        pair = orjson.dumps(selection.params_key).decode() + ":" + selection.params_value_json
        query["params_json"] = {"$regex": "[{,]" + re.escape(pair) + "[,}]"}
    dates: Doc = {}
    if selection.enqueued_after is not None:
        dates["$gte"] = selection.enqueued_after
    if selection.enqueued_before is not None:
        dates["$lt"] = selection.enqueued_before
    if dates:
        query["date_enqueued"] = dates
    return query


def _id_condition(selection: JobSelection, after_id: str, newest_first: bool) -> Any:
    """The exact id, or the id range of a prefix and of a page's cursor (both on the _id index)."""
    if selection.job_id:
        return ObjectId(selection.job_id)
    ids: Doc = {}
    if selection.job_id_prefix:
        first, last = selection.id_range()
        ids = {"$gte": ObjectId(first), "$lte": ObjectId(last)}
    if after_id:
        ids["$lt" if newest_first else "$gt"] = ObjectId(after_id)
    return ids


def _matching(selection: JobSelection, docs: Iterable[Doc]) -> Iterator[Doc]:
    """The documents whose params hold the selection's key and value, if it has them."""
    if not selection.params_key:
        return iter(docs)
    return (d for d in docs if selection.params_value_matches(d.get("params_json", "{}")))


def _alive(records: Iterable[JobRecord]) -> list[JobRecord]:
    """The records not past their expiry (see base.py: an expired job is gone for reads)."""
    now = datetime.now(UTC)
    return [r for r in records if r.date_expires is None or r.date_expires >= now]


class MongoStore(Store):
    name = "mongodb"

    def __init__(
        self, url: str, timeout_s: float = 10.0, max_bulk_updates: int = 25, query_timeout_s: float = 5.0
    ) -> None:
        """``max_bulk_updates``: statements per update command (FerretDB deadlocks past ~100)."""
        self.query_timeout_s = query_timeout_s
        self._max_time_ms = max(1, round(query_timeout_s * 1000))
        self.client: pymongo.MongoClient[Doc] = pymongo.MongoClient(
            url, tz_aware=True, serverSelectionTimeoutMS=int(timeout_s * 1000)
        )
        self.database = self.client.get_default_database(default="mrq")
        self.jobs = self.database["jobs"]
        self.tasksets = self.database["tasksets"]
        self.workers = self.database["workers"]
        self.schedules = self.database["schedules"]
        self.logs = self.database["job_logs"]
        self.max_bulk_updates = max_bulk_updates
        # FerretDB's SQLite backend has a single writer: contending writers back off for up to
        # 100 ms, so this process's threads take turns instead.
        self._write_lock = threading.Lock()
        for keys in INDEXES:
            self.jobs.create_index(keys)
        self.logs.create_index([("date_expires", 1)])

    def close(self) -> None:
        self.client.close()

    def describe(self) -> str:
        return f"MongoDB database {self.database.name!r}"

    # Jobs: writes.

    def insert_jobs(self, records: Sequence[JobRecord]) -> None:
        if records:
            with self._write_lock:
                self.jobs.insert_many([_job_doc(r) for r in records], ordered=False)

    def insert_job_once(self, record: JobRecord) -> bool:
        try:
            with self._write_lock:
                self.jobs.insert_one(_job_doc(record))
        except pymongo.errors.DuplicateKeyError:
            return False
        return True

    def update_jobs(self, changes: Sequence[JobChange]) -> None:
        """In order, in commands of at most ``max_bulk_updates`` statements, one at a time:
        FerretDB's SQLite backend holds one pooled connection per statement until the command
        ends. (An unordered bulk write would run its deletes after its updates.)"""
        writes = [w for c in changes for w in _writes(c)]
        with self._write_lock:
            for start in range(0, len(writes), self.max_bulk_updates):
                self.jobs.bulk_write(writes[start : start + self.max_bulk_updates], ordered=True)

    def delete_jobs(self, job_ids: Sequence[str]) -> int:
        """By exact ``_id``, and each job's log chunks by their ids' prefix "<job id>-" (a range
        of the ``_id`` index), in commands of at most ``max_bulk_updates`` statements."""
        deleted = 0
        with self._write_lock:
            for start in range(0, len(job_ids), self.max_bulk_updates):
                batch = job_ids[start : start + self.max_bulk_updates]
                deleted += self.jobs.bulk_write([DeleteOne({"_id": ObjectId(i)}) for i in batch]).deleted_count
                self.logs.bulk_write([DeleteMany({"_id": {"$regex": f"^{i}-"}}) for i in batch])
        return deleted

    def delete_expired_jobs(self, now: datetime) -> int:
        with self._write_lock:
            return self.jobs.delete_many({"date_expires": {"$lt": now}}).deleted_count

    # Jobs: reads.

    def get_jobs(self, job_ids: Sequence[str]) -> dict[str, JobRecord]:
        with self._time_limit():
            if len(job_ids) <= FEW_IDS:
                docs: Iterable[Doc | None] = [
                    self.jobs.find_one({"_id": ObjectId(i)}, max_time_ms=self._max_time_ms) for i in job_ids
                ]
            else:
                docs = list(
                    self.jobs.find({"_id": {"$in": [ObjectId(i) for i in job_ids]}}, max_time_ms=self._max_time_ms)
                )
        return {r.id: r for r in _alive(_job(d) for d in docs if d is not None)}

    def select_jobs(self, selection: JobSelection) -> list[JobRecord]:
        with self._time_limit():
            docs = self.jobs.find(
                _query(selection),
                _LIST_PROJECTION,
                sort=[("_id", 1)],
                batch_size=READ_BATCH,
                max_time_ms=self._max_time_ms,
            )
            return _alive(_job(d) for d in _matching(selection, docs))

    def page_jobs(
        self, selection: JobSelection, *, newest_first: bool, limit: int, after_id: str = ""
    ) -> list[JobRecord]:
        """With a params key, read on past ``limit`` documents until ``limit`` of them match."""
        with self._time_limit():
            docs = self.jobs.find(
                _query(selection, after_id, newest_first),
                _LIST_PROJECTION,
                limit=0 if selection.params_key else limit,
                sort=[("_id", -1 if newest_first else 1)],
                batch_size=READ_BATCH if selection.params_key else 0,
                max_time_ms=self._max_time_ms,
            )
            return _alive(_job(d) for d in itertools.islice(_matching(selection, docs), limit))

    def count_jobs(self, selection: JobSelection, limit: int) -> int:
        query = _query(selection)
        with self._time_limit():
            if not selection.params_key:
                return self.jobs.count_documents(query, limit=limit, maxTimeMS=self._max_time_ms)
            docs = self.jobs.find(query, {"params_json": 1}, batch_size=READ_BATCH, max_time_ms=self._max_time_ms)
            return sum(1 for _ in itertools.islice(_matching(selection, docs), limit))

    def stale_pending_ids(self, statuses: Iterable[str], updated_before: datetime) -> list[str]:
        query = {"status": {"$in": sorted(statuses)}, "date_updated": {"$lt": updated_before}}
        with self._time_limit():
            return [
                str(d["_id"])
                for d in self.jobs.find(
                    query, {"_id": 1}, sort=[("_id", 1)], batch_size=READ_BATCH, max_time_ms=self._max_time_ms
                )
            ]

    @contextlib.contextmanager
    def _time_limit(self) -> Iterator[None]:
        """For reads of jobs, each query given max_time_ms: the server stops it when it runs out."""
        try:
            yield
        except pymongo.errors.ExecutionTimeout as exc:
            raise QueryTimeout(self.query_timeout_s) from exc

    # Jobs: counts.

    def _count_by(self, match: Doc, *fields: str) -> list[tuple[tuple[Any, ...], int]]:
        group = {"_id": {f: f"${f}" for f in fields}, "count": {"$sum": 1}}
        with self._time_limit():
            rows = self.jobs.aggregate([{"$match": match}, {"$group": group}], maxTimeMS=self._max_time_ms)
            return [(tuple(row["_id"].get(f) for f in fields), row["count"]) for row in rows]

    # The counts by status are aggregations, not counters kept as jobs change (as the SQLite store
    # keeps them): a counter document would be one more write per job change, on a few hot
    # documents that every broker contends for, across shards too; real MongoDB can group these
    # from the (status, queue) and (task, status) indexes, and bounds them with max_time_ms.
    # FerretDB scans the documents instead, but it is a test target, not one for a million jobs.

    def count_by_status(self) -> dict[str, int]:
        return {status: count for (status,), count in self._count_by({}, "status")}

    def count_by_task_and_status(self) -> dict[str, dict[str, int]]:
        return self._count_by_status_of("task")

    def count_by_queue_and_status(self) -> dict[str, dict[str, int]]:
        return self._count_by_status_of("queue")

    def _count_by_status_of(self, key: str) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for (value, status), count in self._count_by({}, key, "status"):
            counts.setdefault(value, {})[status] = count
        return counts

    def count_enqueued_since(self, since: datetime) -> dict[str, int]:
        return {queue: n for (queue,), n in self._count_by({"_id": {"$gte": ObjectId.from_datetime(since)}}, "queue")}

    def count_finished_since(self, since: datetime, by: str) -> dict[str, int]:
        return {key: n for (key,), n in self._count_by({"date_finished": {"$gte": since}}, by)}

    def exception_groups(self, statuses: Iterable[str]) -> list[ExceptionGroup]:
        """The latest failure of each group is one more indexed read: FerretDB 1 has no ``$max``
        nor ``$first`` accumulator."""
        match = {"status": {"$in": sorted(statuses)}, "exception_type": {"$gt": ""}}
        rows = sorted(self._count_by(match, "task", "exception_type"), key=lambda r: (-r[1], r[0]))
        groups = []
        for (task, exception_type), count in rows:
            with self._time_limit():
                latest = (
                    self.jobs.find_one(
                        {**match, "task": task, "exception_type": exception_type},
                        {"date_finished": 1, "error": 1},
                        sort=[("_id", -1)],
                        max_time_ms=self._max_time_ms,
                    )
                    or {}
                )
            groups.append(
                ExceptionGroup(task, exception_type, count, latest.get("date_finished"), latest.get("error", ""))
            )
        return groups

    # Tasksets.

    def insert_taskset(self, record: TasksetRecord) -> None:
        doc = asdict(record)
        doc["_id"] = ObjectId(doc.pop("id"))
        self.tasksets.insert_one(doc)

    def get_taskset(self, taskset_id: str) -> TasksetRecord | None:
        doc = self.tasksets.find_one({"_id": ObjectId(taskset_id)})
        return None if doc is None else TasksetRecord(id=str(doc.pop("_id")), **doc)

    def list_tasksets(self, limit: int, before_id: str = "") -> list[TasksetRecord]:
        query = {"_id": {"$lt": ObjectId(before_id)}} if before_id else {}
        docs = self.tasksets.find(query, {"job_ids": False}).sort("_id", pymongo.DESCENDING).limit(limit)
        return [TasksetRecord(id=str(doc.pop("_id")), job_ids=[], **doc) for doc in docs]

    # Workers.

    def record_worker(self, record: WorkerRecord) -> None:
        doc = asdict(record)
        self.workers.replace_one({"_id": doc.pop("id")}, doc, upsert=True)

    def workers_seen_since(self, since: datetime) -> list[WorkerRecord]:
        docs = self.workers.find(
            {"date_heartbeat": {"$gte": since}}, sort=[("date_heartbeat", pymongo.DESCENDING), ("_id", 1)]
        )
        return [WorkerRecord(id=d.pop("_id"), **d) for d in docs]

    def worker_exists(self, worker_id: str) -> bool:
        return self.workers.find_one({"_id": worker_id}, {"_id": 1}) is not None

    # Job logs.

    def insert_log_chunks(self, chunks: Sequence[LogChunk]) -> None:
        if chunks:
            docs = [
                {
                    "_id": c.id,
                    "job_id": c.job_id,
                    "text": c.text,
                    "date_created": c.date_created,
                    "date_expires": c.date_expires,
                }
                for c in chunks
            ]
            with self._write_lock:
                self.logs.insert_many(docs, ordered=False)

    def log_texts(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        if len(chunk_ids) <= FEW_IDS:
            docs: Iterable[Doc | None] = (self.logs.find_one({"_id": i}, {"text": 1}) for i in chunk_ids)
        else:
            docs = self.logs.find({"_id": {"$in": list(chunk_ids)}}, {"text": 1})
        return {d["_id"]: d["text"] for d in docs if d is not None}

    def delete_expired_log_chunks(self, now: datetime) -> int:
        with self._write_lock:
            return self.logs.delete_many({"date_expires": {"$lt": now}}).deleted_count

    # Schedules.

    def insert_schedule(self, record: ScheduleRecord) -> bool:
        doc = asdict(record)
        doc["_id"] = doc.pop("id")
        try:
            self.schedules.insert_one(doc)
        except pymongo.errors.DuplicateKeyError:
            return False
        return True

    def get_schedule(self, schedule_id: str) -> ScheduleRecord | None:
        doc = self.schedules.find_one({"_id": schedule_id})
        return None if doc is None else ScheduleRecord(id=doc.pop("_id"), **doc)

    def list_schedules(self) -> list[ScheduleRecord]:
        return [
            ScheduleRecord(id=d.pop("_id"), **d)
            for d in self.schedules.find({}, sort=[("date_created", 1), ("_id", 1)])
        ]

    def set_schedule_paused(self, schedule_id: str, paused: bool) -> None:
        self.schedules.update_one({"_id": schedule_id}, {"$set": {"paused": paused}})

    def delete_schedule(self, schedule_id: str) -> None:
        self.schedules.delete_one({"_id": schedule_id})

    def advance_schedule(
        self, schedule_id: str, previous_tick: datetime | None, tick: datetime | None, last_job_id: str
    ) -> bool:
        result = self.schedules.update_one(
            {"_id": schedule_id, "last_tick": previous_tick}, {"$set": {"last_tick": tick, "last_job_id": last_job_id}}
        )
        return result.matched_count == 1
