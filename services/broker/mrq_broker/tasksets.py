"""Tasksets: a group of jobs counted as one, with an optional callback job once all are final.

The taskset's metadata (members, callback) is one MongoDB document in ``tasksets``, read by
exact ``_id``. Its counts live in a Redis hash, bumped by the committer in the same
transaction that releases each final member (``RedisQueues.release``), once per member; the
Lua step that counts the last member is the one that claims the callback, so it is enqueued
exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import orjson
from bson import ObjectId

from mrq.v1 import job_pb2
from mrq_broker.documents import new_job_docs
from mrq_broker.errors import JobNotFound
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.store import JobStore
from mrq_broker.submission import submit
from mrq_broker.validation import resolve_options

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Callback:
    task: str
    params: dict[str, Any]
    queue: str


@dataclass(frozen=True)
class TasksetView:
    id: str
    total: int
    final: int
    counts: dict[str, int]
    job_ids: list[str]
    callback_task: str
    callback_job_id: str


class Tasksets:
    def __init__(self, store: JobStore, queues: RedisQueues, settings: BrokerSettings,
                 metrics: BrokerMetrics) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings
        self.metrics = metrics

    def create(self, task: str, params: Sequence[str], options: job_pb2.JobOptions,
               callback: Callback | None) -> tuple[str, list[str]]:
        """Records the taskset and its members, starts its counts, then queues the members."""
        now = datetime.now(UTC)
        taskset_id = str(ObjectId())
        # Members are never deduplicated (a TASKS "unique" does not apply): a member answered by
        # another job's id would be counted but never stored, and the taskset never complete.
        resolved = replace(resolve_options(task, options, self.settings, now), unique=False)
        docs = new_job_docs(task, params, resolved, now, taskset_id)
        job_ids = [str(d["_id"]) for d in docs]
        self.store.insert_taskset({
            "_id": ObjectId(taskset_id), "task": task, "jobs": job_ids, "datecreated": now,
            "callback": None if callback is None else {
                "task": callback.task, "params": orjson.dumps(callback.params).decode(),
                "queue": callback.queue},
        })
        self.queues.create_taskset(taskset_id, len(docs))
        submit(self.store, self.queues, self.metrics, docs, resolved.run_at)
        return taskset_id, job_ids

    def get(self, taskset_id: str) -> TasksetView:
        doc = self.store.get_taskset(taskset_id)
        if doc is None:
            raise JobNotFound(taskset_id)
        counts = self.queues.taskset_counts(taskset_id)
        callback = counts.pop("callback", "")
        total = int(counts.pop("total", len(doc["jobs"])))
        final = int(counts.pop("final", 0))
        return TasksetView(
            id=taskset_id, total=total, final=final, counts={k: int(v) for k, v in counts.items()},
            job_ids=list(doc["jobs"]), callback_task=(doc.get("callback") or {}).get("task", ""),
            callback_job_id="" if callback == "-" else callback)

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
        doc = self.store.get_taskset(taskset_id)
        if doc is None or not doc.get("callback"):
            return
        members = self.store.get_many(doc["jobs"], {"status": 1, "result": 1})
        results = [_result(members.get(i)) for i in doc["jobs"]]
        callback = doc["callback"]
        params = {**orjson.loads(callback["params"]), "taskset_id": taskset_id, "results": results}
        now = datetime.now(UTC)
        resolved = resolve_options(callback["task"], job_pb2.JobOptions(queue=callback["queue"]),
                                   self.settings, now)
        [job] = new_job_docs(callback["task"], [orjson.dumps(params, option=orjson.OPT_SORT_KEYS).decode()],
                             resolved, now)
        submit(self.store, self.queues, self.metrics, [job], resolved.run_at)
        self.queues.set_taskset_callback(taskset_id, str(job["_id"]))


def _result(doc: dict[str, Any] | None) -> Any:
    if doc is None or doc.get("status") != "success" or not doc.get("result"):
        return None
    return orjson.loads(doc["result"])
