"""The store: every read and write of lasting records the broker makes, behind one interface.

Two implementations pass the same contract suite (tests/integration/test_store_contract.py):
:class:`~mrq_broker.storage.sqlite.SQLiteStore`, one file embedded in the broker (the default on
one machine), and :class:`~mrq_broker.storage.mongo.MongoStore`, for scale and for more than one
machine. Redis holds what is hot (queues, leases); the store holds what must last. Nothing
outside the implementations knows how a record is laid out in storage.

Every read runs under a time limit, ``query_timeout_s``, past which it fails with
:class:`QueryTimeout` instead of holding its caller (and the dashboard) for minutes.

Every method is safe to call from many threads at once. Writes are guarded by leases in Redis
(see committer.py), so the store applies each change as told, by exact id. A job whose
``date_expires`` has passed is gone for every read of jobs (get, select, page), whether or not
:meth:`Store.delete_expired_jobs` has deleted it yet.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from mrq_broker.storage.records import (
    JobChange,
    JobRecord,
    JobSelection,
    LogChunk,
    ScheduleRecord,
    TasksetRecord,
    WorkerRecord,
)


class StoreUnavailable(Exception):
    """The store can't serve now (locked too long, disk full, unreachable...): nothing was
    written, and the caller may retry. The message names the cause."""


class QueryTimeout(Exception):
    """A read ran past the store's time limit (--store-query-timeout-s) and was stopped: it
    would read too many jobs. The message says which filter to add."""

    def __init__(self, limit_s: float) -> None:
        super().__init__(
            f"the query ran past the store's time limit of {limit_s:g} s and was stopped; add a filter "
            f"on queue, task or status, or narrow the dates or the window"
        )


@dataclass(frozen=True, slots=True)
class ExceptionGroup:
    """Failed jobs of one task with one exception type, and the latest of them."""

    task: str
    exception_type: str
    count: int
    last_failed: datetime | None
    example_error: str


class Store(ABC):
    """What the broker stores; see the module docstring."""

    name: str  # "sqlite" or "mongodb", for logs and metrics

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Where the data is, for logs (no secrets)."""

    # Jobs: writes.

    @abstractmethod
    def insert_jobs(self, records: Sequence[JobRecord]) -> None:
        """Inserts new jobs in one batch (their ids are new)."""

    @abstractmethod
    def insert_job_once(self, record: JobRecord) -> bool:
        """Inserts a job whose id is deterministic; False, changing nothing, if it exists."""

    @abstractmethod
    def update_jobs(self, changes: Sequence[JobChange]) -> None:
        """Applies the changes in order, in as few transactions as the store allows. A change to
        a job that does not exist (and has no ``create``) does nothing."""

    @abstractmethod
    def delete_jobs(self, job_ids: Sequence[str]) -> int:
        """Deletes these jobs' records and their log chunks; returns how many records went."""

    @abstractmethod
    def delete_expired_jobs(self, now: datetime) -> int:
        """Deletes jobs whose ``date_expires`` is before ``now``; returns how many."""

    # Jobs: reads.

    @abstractmethod
    def get_jobs(self, job_ids: Sequence[str]) -> dict[str, JobRecord]:
        """The jobs that exist among ``job_ids``, by id."""

    @abstractmethod
    def select_jobs(self, selection: JobSelection) -> list[JobRecord]:
        """Every job matching ``selection``, oldest first, without the heavy fields (for bulk actions)."""

    @abstractmethod
    def page_jobs(
        self, selection: JobSelection, *, newest_first: bool, limit: int, after_id: str = ""
    ) -> list[JobRecord]:
        """Up to ``limit`` matching jobs in id order (newest first or oldest first), starting after
        ``after_id`` in that order; without the heavy fields (records.HEAVY_FIELDS are defaults)."""

    @abstractmethod
    def count_jobs(self, selection: JobSelection, limit: int) -> int:
        """How many jobs match ``selection``, counted up to ``limit`` at most (a bigger count
        is ``limit``): through the indexes, reading no more than ``limit`` entries, unless the
        selection itself must read jobs (params criteria). Expired jobs that are not deleted yet
        may be counted: leaving them out would read every counted job."""

    @abstractmethod
    def stale_pending_ids(self, statuses: Iterable[str], updated_before: datetime) -> list[str]:
        """Ids of jobs in one of ``statuses`` not updated since ``updated_before``, oldest first."""

    # Jobs: counts, for the dashboard. The counts by status include expired jobs until they are
    # deleted: they are kept as jobs change (SQLite), not found by reading the jobs.

    @abstractmethod
    def count_by_status(self) -> dict[str, int]:
        """How many jobs are in each status (statuses with none left out)."""

    @abstractmethod
    def count_by_task_and_status(self) -> dict[str, dict[str, int]]:
        """How many jobs are in each status, by task (statuses with none left out)."""

    @abstractmethod
    def count_by_queue_and_status(self) -> dict[str, dict[str, int]]:
        """How many jobs are in each status, by queue (statuses with none left out)."""

    @abstractmethod
    def count_enqueued_since(self, since: datetime) -> dict[str, int]:
        """Jobs enqueued at or after ``since``, by queue."""

    @abstractmethod
    def count_finished_since(self, since: datetime, by: str) -> dict[str, int]:
        """Jobs finished at or after ``since``, by ``by`` ("queue" or "task")."""

    @abstractmethod
    def exception_groups(self, statuses: Iterable[str]) -> list[ExceptionGroup]:
        """Jobs in ``statuses`` with an exception type, grouped by (task, exception type),
        largest group first, then by task and type."""

    # Tasksets.

    @abstractmethod
    def insert_taskset(self, record: TasksetRecord) -> None: ...

    @abstractmethod
    def get_taskset(self, taskset_id: str) -> TasksetRecord | None: ...

    @abstractmethod
    def list_tasksets(self, limit: int, before_id: str = "") -> list[TasksetRecord]:
        """At most ``limit`` tasksets, newest first, those older than ``before_id`` when given;
        read through the id index, and without their ``job_ids`` (read one to get them)."""

    # Workers.

    @abstractmethod
    def record_worker(self, record: WorkerRecord) -> None:
        """Creates or replaces the worker's record."""

    @abstractmethod
    def workers_seen_since(self, since: datetime) -> list[WorkerRecord]:
        """Workers whose last heartbeat is at or after ``since``, newest heartbeat first, then by id."""

    @abstractmethod
    def worker_exists(self, worker_id: str) -> bool: ...

    # Job logs.

    @abstractmethod
    def insert_log_chunks(self, chunks: Sequence[LogChunk]) -> None: ...

    @abstractmethod
    def log_texts(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        """The text of the chunks that exist among ``chunk_ids``, by id."""

    @abstractmethod
    def delete_expired_log_chunks(self, now: datetime) -> int: ...

    # Schedules.

    @abstractmethod
    def insert_schedule(self, record: ScheduleRecord) -> bool:
        """Inserts a schedule; False, changing nothing, if one with its id exists."""

    @abstractmethod
    def get_schedule(self, schedule_id: str) -> ScheduleRecord | None: ...

    @abstractmethod
    def list_schedules(self) -> list[ScheduleRecord]:
        """Every schedule, oldest first, then by id."""

    @abstractmethod
    def set_schedule_paused(self, schedule_id: str, paused: bool) -> None: ...

    @abstractmethod
    def delete_schedule(self, schedule_id: str) -> None: ...

    @abstractmethod
    def advance_schedule(
        self, schedule_id: str, previous_tick: datetime | None, tick: datetime | None, last_job_id: str
    ) -> bool:
        """Moves the schedule's last tick from ``previous_tick`` to ``tick`` (compare-and-set);
        False, changing nothing, if its last tick is no longer ``previous_tick``."""

    # Shared by both stores.

    def get_job(self, job_id: str) -> JobRecord | None:
        return self.get_jobs([job_id]).get(job_id)
