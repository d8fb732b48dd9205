"""The MongoDB side of the broker: the jobs collection and its indexes."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

import pymongo
import pymongo.errors
from bson import ObjectId
from pymongo import DeleteOne, UpdateOne

from mrq_broker.documents import Doc
from mrq_broker.errors import JobNotFound

FEW_IDS = 200
ACTION_READ_BATCH = 1000

INDEXES: list[list[tuple[str, int]]] = [
    [("status", 1), ("queue", 1), ("_id", -1)],
    [("queue", 1), ("_id", -1)],
    [("task", 1), ("_id", -1)],
    [("worker", 1), ("_id", -1)],
    [("exceptiontype", 1), ("_id", -1)],
    [("dateexpires", 1)],
    [("dateended", 1)],  # the dashboard's "finished within the window" rates
    [("dedupe_key", 1)],
]


def oids(job_ids: Iterable[str]) -> list[ObjectId]:
    return [ObjectId(i) for i in job_ids]


class JobStore:
    """Reads and writes job documents. Writes that race with others are guarded by status."""

    def __init__(self, database: pymongo.database.Database[Doc], max_bulk_updates: int) -> None:
        self.jobs = database["jobs"]
        self.max_bulk_updates = max_bulk_updates
        self._write_lock = threading.Lock()
        self.workers = database["workers"]
        self.tasksets = database["tasksets"]

    def ensure_indexes(self) -> None:
        for keys in INDEXES:
            self.jobs.create_index(keys)

    def insert(self, docs: Sequence[Doc]) -> None:
        with self._write_lock:
            self.jobs.insert_many(docs, ordered=False)

    def insert_once(self, doc: Doc) -> bool:
        """Inserts a job whose ``_id`` is deterministic; False if it was inserted before."""
        try:
            with self._write_lock:
                self.jobs.insert_one(doc)
        except pymongo.errors.DuplicateKeyError:
            return False
        return True

    def get(self, job_id: str) -> Doc:
        doc = self.jobs.find_one({"_id": ObjectId(job_id)})
        if doc is None:
            raise JobNotFound(job_id)
        return doc

    def get_many(self, job_ids: Sequence[str], projection: dict[str, Any] | None = None) -> dict[str, Doc]:
        """The documents that exist among ``job_ids``, by id.

        Few ids are read one by one: an exact ``{_id: ...}`` filter is the one query that every
        MongoDB-compatible server serves from its index (FerretDB's SQLite backend scans the
        collection for anything else, ``$in`` included).
        """
        if len(job_ids) <= FEW_IDS:
            found = (self.jobs.find_one({"_id": ObjectId(i)}, projection) for i in job_ids)
            return {str(d["_id"]): d for d in found if d is not None}
        return {str(d["_id"]): d for d in self.jobs.find({"_id": {"$in": oids(job_ids)}}, projection)}

    def insert_taskset(self, doc: Doc) -> None:
        self.tasksets.insert_one(doc)

    def get_taskset(self, taskset_id: str) -> Doc | None:
        return self.tasksets.find_one({"_id": ObjectId(taskset_id)})

    def select(self, query: dict[str, Any], projection: dict[str, Any]) -> Iterator[Doc]:
        """Every job matching ``query``, in ``_id`` order, with the projected fields only.

        One pass over the collection: on FerretDB's SQLite backend any filter but an exact
        ``_id`` scans it, so callers list what they need once rather than query per job.
        """
        return iter(self.jobs.find(query, projection, sort=[("_id", 1)], batch_size=ACTION_READ_BATCH))

    def delete_expired(self, now: datetime) -> int:
        """Deletes final jobs whose ``dateexpires`` has passed; returns how many."""
        with self._write_lock:
            return self.jobs.delete_many({"dateexpires": {"$lt": now}}).deleted_count

    def bulk_update(self, updates: Sequence[UpdateOne | DeleteOne]) -> None:
        """Applies updates in commands of at most ``max_bulk_updates`` statements, one at a time.

        Why chunks: FerretDB's SQLite backend holds one pooled SQLite connection per statement of
        an update command until the command ends, and deadlocks past its pool of 100. Why one at
        a time: SQLite has a single writer, and contending writers back off for up to 100 ms.
        """
        with self._write_lock:
            for start in range(0, len(updates), self.max_bulk_updates):
                self.jobs.bulk_write(list(updates[start:start + self.max_bulk_updates]), ordered=False)

    def set_progress(self, progress: dict[str, float], now: datetime) -> None:
        if progress:
            self.bulk_update([UpdateOne({"_id": ObjectId(i)},
                                        {"$set": {"progress": p, "dateupdated": now}})
                              for i, p in progress.items()])

    def record_worker(self, worker_id: str, state: Any, job_ids: list[str], now: datetime) -> None:
        """Upserts the worker's latest heartbeat, for the dashboard."""
        self.workers.update_one({"_id": worker_id}, {"$set": {
            "hostname": state.hostname, "pid": state.pid, "queues": list(state.queues),
            "concurrency": state.concurrency, "status": state.status, "done_jobs": state.done_jobs,
            "memory_bytes": state.memory_bytes, "cpu_s": state.cpu_s, "jobs": job_ids,
            "dateheartbeat": now}}, upsert=True)
