"""Tasksets: a group of jobs counted as one, with an optional callback job once all are final.

The taskset's metadata (members, callback) is one stored TasksetRecord, read by exact id. Its
counts live in a Redis hash, bumped by the committer in the same transaction that releases each
final member (``RedisQueues.release``), once per member; the Lua step that counts the last
member is the one that claims the callback, so it is enqueued exactly once."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import orjson

from mrq.v1 import job_pb2
from mrq_broker.errors import InvalidField, NoSuchTaskset
from mrq_broker.jobs.payloads import new_job_id, new_jobs
from mrq_broker.jobs.submission import submit
from mrq_broker.jobs.validation import JOB_ID_RE, resolve_options
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobRecord, TasksetRecord

log = logging.getLogger(__name__)

DEFAULT_PAGE = 20
MAX_PAGE = 100


@dataclass(frozen=True)
class Callback:
    task: str
    params: dict[str, Any]
    queue: str


@dataclass(frozen=True)
class TasksetView:
    id: str
    task: str
    date_created: datetime
    total: int
    final: int
    counts: dict[str, int]
    job_ids: list[str]
    callback_task: str
    callback_job_id: str


@dataclass(frozen=True)
class TasksetPage:
    tasksets: list[TasksetView]
    next_cursor: str  # empty on the last page


class Tasksets:
    def __init__(self, store: Store, queues: RedisQueues, settings: BrokerSettings, metrics: BrokerMetrics) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings
        self.metrics = metrics

    def create(
        self, task: str, params: Sequence[str], options: job_pb2.JobOptions, callback: Callback | None
    ) -> tuple[str, list[str]]:
        """Records the taskset and its members, starts its counts, then queues the members."""
        now = datetime.now(UTC)
        taskset_id = new_job_id()
        # Members are never deduplicated (a TASKS "unique" does not apply): a member answered by
        # another job's id would be counted but never stored, and the taskset never complete.
        resolved = replace(resolve_options(task, options, self.settings, now), unique=False)
        jobs = new_jobs(task, params, resolved, now, taskset_id)
        job_ids = [j.id for j in jobs]
        self.store.insert_taskset(
            TasksetRecord(
                id=taskset_id,
                task=task,
                job_ids=job_ids,
                date_created=now,
                callback_task=callback.task if callback else "",
                callback_params_json=orjson.dumps(callback.params).decode() if callback else "",
                callback_queue=callback.queue if callback else "",
            )
        )
        self.queues.create_taskset(taskset_id, len(jobs))
        submit(self.store, self.queues, self.metrics, jobs)
        return taskset_id, job_ids

    def get(self, taskset_id: str) -> TasksetView:
        taskset = self.store.get_taskset(taskset_id)
        if taskset is None:
            raise NoSuchTaskset(taskset_id)
        [view] = self._views([taskset])
        return view

    def page(self, limit: int, cursor: str) -> TasksetPage:
        """One page of tasksets, newest first; ``cursor`` is the last id of the previous page.
        Each one's counts come from its own Redis hash, so a page reads ``limit`` hashes and
        never the members."""
        if not 0 <= limit <= MAX_PAGE:
            raise InvalidField("limit", f"must be between 1 and {MAX_PAGE} (0 means {DEFAULT_PAGE})")
        if cursor and not JOB_ID_RE.match(cursor):
            raise InvalidField("cursor", "not a cursor from a previous page")
        size = limit or DEFAULT_PAGE
        # One more than the page, to know whether another page follows without counting.
        tasksets = self.store.list_tasksets(size + 1, before_id=cursor)
        more = len(tasksets) > size
        return TasksetPage(self._views(tasksets[:size]), tasksets[size - 1].id if more else "")

    def _views(self, tasksets: Sequence[TasksetRecord]) -> list[TasksetView]:
        hashes = self.queues.taskset_counts([t.id for t in tasksets])
        return [self._view(taskset, counts) for taskset, counts in zip(tasksets, hashes, strict=True)]

    def _view(self, taskset: TasksetRecord, counts: dict[str, str]) -> TasksetView:
        callback = counts.pop("callback", "")
        total = int(counts.pop("total", len(taskset.job_ids)))
        final = int(counts.pop("final", 0))
        return TasksetView(
            id=taskset.id,
            task=taskset.task,
            date_created=taskset.date_created,
            total=total,
            final=final,
            counts={k: int(v) for k, v in counts.items()},
            job_ids=list(taskset.job_ids),
            callback_task=taskset.callback_task,
            callback_job_id="" if callback == "-" else callback,
        )

    def complete(self, taskset_ids: Sequence[str]) -> None:
        """Enqueues the callbacks of tasksets whose last member just became final (each is
        handed here exactly once, by scripts/count_final.lua).

        Never raises: the members' outcomes are durable by now, and their reports must be
        acknowledged. A callback that fails to be enqueued is logged and lost (no recovery yet).
        """
        for taskset_id in taskset_ids:
            try:
                self._enqueue_callback(taskset_id)
            except Exception:  # see the docstring: never raises
                log.exception("taskset %s: callback not enqueued", taskset_id)

    def _enqueue_callback(self, taskset_id: str) -> None:
        taskset = self.store.get_taskset(taskset_id)
        if taskset is None or not taskset.callback_task:
            return
        members = self.store.get_jobs(taskset.job_ids)
        results = [_result(members.get(i)) for i in taskset.job_ids]
        params = {**orjson.loads(taskset.callback_params_json), "taskset_id": taskset_id, "results": results}
        now = datetime.now(UTC)
        resolved = resolve_options(
            taskset.callback_task, job_pb2.JobOptions(queue=taskset.callback_queue), self.settings, now
        )
        [job] = new_jobs(
            taskset.callback_task, [orjson.dumps(params, option=orjson.OPT_SORT_KEYS).decode()], resolved, now
        )
        submit(self.store, self.queues, self.metrics, [job])
        self.queues.set_taskset_callback(taskset_id, job.id)


def _result(job: JobRecord | None) -> Any:
    if job is None or job.status != "success" or not job.result_json:
        return None
    return orjson.loads(job.result_json)
