"""What operators read and steer (MonitorService): job pages, workers, counts and rates.

Listing is keyset-paginated by job id (ordered by creation time): a page is one indexed query
with a range on the id and a limit, so reading page 1,000 costs the same as page 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mrq.v1 import job_query_pb2, monitor_service_pb2, worker_service_pb2
from mrq_broker.errors import InvalidField, NoSuchWorker
from mrq_broker.jobs.searches import STATUS_GROUPS
from mrq_broker.jobs.validation import JOB_ID_RE, check_seconds
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import ExceptionGroup, QueryTimeout, Store
from mrq_broker.storage.records import JobRecord, JobSelection, WorkerRecord

DEFAULT_PAGE = 50
#: A listing's total is exact up to this many jobs, then "more than" it: counting further
#: would read further, and a page must answer in milliseconds at millions of jobs.
TOTAL_BOUND = 10_000
MAX_PAGE = 500
DEFAULT_WINDOW_S = 60.0
MAX_WINDOW_S = 3600.0
DEFAULT_SEEN_WITHIN_S = 3600.0
# A stop request waits this long for a worker that stopped heartbeating, then is dropped.
STOP_CONTROL_TTL_S = 3600.0


@dataclass(frozen=True)
class Page:
    jobs: list[JobRecord]
    next_cursor: str
    #: How many jobs match, up to TOTAL_BOUND; more when total_is_lower_bound.
    total: int
    total_is_lower_bound: bool


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

    def __init__(self, store: Store, queues: RedisQueues, settings: BrokerSettings) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings

    def list_jobs(self, selection: JobSelection, order: int, limit: int, cursor: str) -> Page:
        """One page of matching jobs; ``cursor`` is the last id of the previous page."""
        if not 0 <= limit <= MAX_PAGE:
            raise InvalidField("limit", f"must be between 1 and {MAX_PAGE} (0 means {DEFAULT_PAGE})")
        if cursor and not JOB_ID_RE.match(cursor):
            raise InvalidField("cursor", "not a cursor from a previous page")
        size = limit or DEFAULT_PAGE
        # One more than the page, to know whether another page follows without counting.
        jobs = self.store.page_jobs(
            selection, newest_first=order != monitor_service_pb2.JOB_ORDER_OLDEST, limit=size + 1, after_id=cursor
        )
        more = len(jobs) > size
        next_cursor = jobs[size - 1].id if more else ""
        try:
            total = self.store.count_jobs(selection, TOTAL_BOUND + 1)
        except QueryTimeout:
            # The page was read, so its jobs are there: count them rather than fail. Others
            # match too when a page follows, or when this one is not the first.
            page = jobs[:size]
            return Page(page, next_cursor, len(page), more or bool(cursor))
        return Page(jobs[:size], next_cursor, min(total, TOTAL_BOUND), total > TOTAL_BOUND)

    def overview(self, window_s: float) -> Overview:
        live = self.store.workers_seen_since(self._alive_since())
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        return Overview(
            counts=self.store.count_by_status(),
            workers_alive=len(live),
            pool_size=sum(w.concurrency for w in live),
            pool_busy=sum(len(w.job_ids) for w in live),
            enqueued=sum(self.store.count_enqueued_since(since).values()),
            finished=sum(self.store.count_finished_since(since, "queue").values()),
        )

    def workers(self, seen_within_s: float) -> list[tuple[WorkerRecord, bool, bool]]:
        """(worker, alive, quiet) of recently seen workers, newest heartbeat first."""
        since = datetime.now(UTC) - timedelta(seconds=seen_within_s or DEFAULT_SEEN_WITHIN_S)
        alive_since = self._alive_since()
        quiet = self.queues.quiet_workers()
        return [(w, w.date_heartbeat >= alive_since, w.id in quiet) for w in self.store.workers_seen_since(since)]

    def control_worker(self, worker_id: str, action: int) -> None:
        if not self.store.worker_exists(worker_id):
            raise NoSuchWorker(worker_id)
        if action == monitor_service_pb2.WORKER_ACTION_STOP:
            control = worker_service_pb2.ControlMessage(action=worker_service_pb2.CONTROL_ACTION_SHUTDOWN)
            self.queues.push_controls({worker_id: [control.SerializeToString()]}, STOP_CONTROL_TTL_S)
        else:
            self.queues.set_quiet(worker_id, action == monitor_service_pb2.WORKER_ACTION_QUIET)

    def queue_rates(self, window_s: float) -> list[tuple[str, int, int, dict[str, int]]]:
        """(queue, enqueued and finished within the window, stored jobs by status), for queues
        with any, by name."""
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        enqueued = self.store.count_enqueued_since(since)
        finished = self.store.count_finished_since(since, "queue")
        counts = self.store.count_by_queue_and_status()
        return [
            (q, enqueued.get(q, 0), finished.get(q, 0), counts.get(q, {}))
            for q in sorted({*enqueued, *finished, *counts})
        ]

    def task_stats(self, window_s: float) -> list[tuple[str, dict[str, int], int]]:
        """(task, counts by status, finished within the window), by task path."""
        since = datetime.now(UTC) - timedelta(seconds=window_s)
        counts = self.store.count_by_task_and_status()
        finished = self.store.count_finished_since(since, "task")
        return [(task, counts[task], finished.get(task, 0)) for task in sorted(counts)]

    def exception_groups(self) -> list[ExceptionGroup]:
        """Failed jobs grouped by task and exception type, largest group first."""
        return self.store.exception_groups(STATUS_GROUPS[job_query_pb2.STATUS_GROUP_ERROR])

    def _alive_since(self) -> datetime:
        return datetime.now(UTC) - timedelta(seconds=self.settings.lease_ttl_s)
