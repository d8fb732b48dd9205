"""What operators read and steer (MonitorService): job pages, workers, counts and rates.

Listing is keyset-paginated by ``_id`` (an ObjectId, ordered by creation time): a page is one
query with a range on ``_id`` and a limit, so reading page 1,000 costs the same as page 1, and on
real MongoDB every filter combined with that range is served by an index of store.INDEXES.

Counts and rates read MongoDB at the call, by status (one indexed count per status) or with
``$group`` aggregations. They are exact, not sampled, and cost a pass over the matching index
entries; the dashboard asks for them every few seconds at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pymongo
from bson import ObjectId

from mrq.statuses import NAME_BY_VALUE
from mrq.v1 import monitor_service_pb2, worker_service_pb2
from mrq_broker.documents import Doc
from mrq_broker.errors import InvalidArgument, WorkerNotFound
from mrq_broker.queues import RedisQueues
from mrq_broker.searches import STATUS_GROUPS
from mrq_broker.settings import BrokerSettings
from mrq_broker.store import JobStore
from mrq_broker.validation import check_seconds

DEFAULT_PAGE = 50
MAX_PAGE = 500
DEFAULT_WINDOW_S = 60.0
MAX_WINDOW_S = 3600.0
DEFAULT_SEEN_WITHIN_S = 3600.0
# Left out of listed jobs: large, and shown only on a job's own page.
LIST_PROJECTION = {field: 0 for field in ("traceback_history", "traceback", "result", "profile", "memory_top")}
# A stop request waits this long for a worker that stopped heartbeating, then is dropped.
STOP_CONTROL_TTL_S = 3600.0


@dataclass(frozen=True)
class Page:
    docs: list[Doc]
    next_cursor: str


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    workers_alive: int
    pool_size: int
    pool_busy: int
    enqueued: int
    finished: int


def check_window(window_s: float, field: str = "window_s") -> float:
    return check_seconds(window_s, field, MAX_WINDOW_S) or DEFAULT_WINDOW_S


class Monitor:
    """Reads for the dashboard, and worker control."""

    def __init__(self, store: JobStore, queues: RedisQueues, settings: BrokerSettings) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings

    def list_jobs(self, query: dict[str, Any], order: int, limit: int, cursor: str) -> Page:
        """One page of matching jobs; ``cursor`` is the last id of the previous page."""
        if not 0 <= limit <= MAX_PAGE:
            raise InvalidArgument("limit", f"must be between 1 and {MAX_PAGE} (0 means {DEFAULT_PAGE})")
        oldest_first = order == monitor_service_pb2.JOB_ORDER_OLDEST
        if cursor and "_id" not in query:
            if not ObjectId.is_valid(cursor):
                raise InvalidArgument("cursor", "not a cursor from a previous page")
            query = {**query, "_id": {"$gt" if oldest_first else "$lt": ObjectId(cursor)}}
        size = limit or DEFAULT_PAGE
        # One more than the page, to know whether another page follows without counting.
        docs = list(self.store.jobs.find(query, LIST_PROJECTION, sort=[("_id", 1 if oldest_first else -1)],
                                         limit=size + 1))
        more = len(docs) > size
        return Page(docs[:size], str(docs[size - 1]["_id"]) if more else "")

    def overview(self, window_s: float) -> Overview:
        counts = {name: self.store.jobs.count_documents({"status": name}) for name in NAME_BY_VALUE.values()}
        live = list(self.store.workers.find({"dateheartbeat": {"$gte": self._alive_since()}}))
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        return Overview(
            counts={name: count for name, count in counts.items() if count},
            workers_alive=len(live),
            pool_size=sum(w.get("concurrency", 0) for w in live),
            pool_busy=sum(len(w.get("jobs", [])) for w in live),
            enqueued=self.store.jobs.count_documents({"_id": {"$gte": ObjectId.from_datetime(since)}}),
            finished=self.store.jobs.count_documents({"dateended": {"$gte": since}}),
        )

    def workers(self, seen_within_s: float) -> list[tuple[Doc, bool, bool]]:
        """(worker document, alive, quiet) of recently seen workers, newest heartbeat first."""
        since = datetime.now(UTC) - timedelta(seconds=seen_within_s or DEFAULT_SEEN_WITHIN_S)
        docs = list(self.store.workers.find({"dateheartbeat": {"$gte": since}},
                                            sort=[("dateheartbeat", pymongo.DESCENDING)]))
        alive_since = self._alive_since()
        quiet = self.queues.quiet_workers()
        return [(d, d["dateheartbeat"] >= alive_since, d["_id"] in quiet) for d in docs]

    def control_worker(self, worker_id: str, action: int) -> None:
        if self.store.workers.find_one({"_id": worker_id}, {"_id": 1}) is None:
            raise WorkerNotFound(worker_id)
        if action == monitor_service_pb2.WORKER_ACTION_STOP:
            control = worker_service_pb2.ControlMessage(action=worker_service_pb2.CONTROL_ACTION_SHUTDOWN)
            self.queues.push_controls({worker_id: [control.SerializeToString()]}, STOP_CONTROL_TTL_S)
        else:
            self.queues.set_quiet(worker_id, action == monitor_service_pb2.WORKER_ACTION_QUIET)

    def queue_rates(self, window_s: float) -> list[tuple[str, int, int]]:
        """(queue, enqueued, finished) within the window, for queues with any, by name."""
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        enqueued = self._count_by("queue", {"_id": {"$gte": ObjectId.from_datetime(since)}})
        finished = self._count_by("queue", {"dateended": {"$gte": since}})
        return [(q, enqueued.get(q, 0), finished.get(q, 0)) for q in sorted({*enqueued, *finished})]

    def task_stats(self, window_s: float) -> list[tuple[str, dict[str, int], int]]:
        """(task, counts by status, finished within the window), by task path."""
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        counts: dict[str, dict[str, int]] = {}
        for row in self.store.jobs.aggregate([{"$group": {"_id": {"task": "$task", "status": "$status"},
                                                          "count": {"$sum": 1}}}]):
            counts.setdefault(row["_id"]["task"], {})[row["_id"]["status"]] = row["count"]
        finished = self._count_by("task", {"dateended": {"$gte": since}})
        return [(task, counts[task], finished.get(task, 0)) for task in sorted(counts)]

    def exception_groups(self) -> list[tuple[str, str, int, Doc | None]]:
        """(task, exception type, count, latest failure) of failed jobs, largest group first.

        The latest failure of each group is one more indexed read: FerretDB 1 has no ``$max``
        nor ``$first`` accumulator.
        """
        match = {"status": {"$in": sorted(STATUS_GROUPS[monitor_service_pb2.STATUS_GROUP_ERROR])},
                 "exceptiontype": {"$gt": ""}}
        rows = self.store.jobs.aggregate([
            {"$match": match},
            {"$group": {"_id": {"task": "$task", "exceptiontype": "$exceptiontype"}, "count": {"$sum": 1}}}])
        groups = sorted(((r["_id"]["task"], r["_id"]["exceptiontype"], r["count"]) for r in rows),
                        key=lambda g: (-g[2], g[0], g[1]))
        return [(task, exc, count, self.store.jobs.find_one(
                    {**match, "task": task, "exceptiontype": exc}, {"dateended": 1, "error": 1},
                    sort=[("_id", -1)]))
                for task, exc, count in groups]

    def _count_by(self, field: str, match: dict[str, Any]) -> dict[str, int]:
        rows = self.store.jobs.aggregate([{"$match": match}, {"$group": {"_id": f"${field}", "count": {"$sum": 1}}}])
        return {row["_id"]: row["count"] for row in rows}

    def _alive_since(self) -> datetime:
        return datetime.now(UTC) - timedelta(seconds=self.settings.lease_ttl_s)

