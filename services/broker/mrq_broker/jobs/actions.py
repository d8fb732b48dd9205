"""Users' actions on jobs (ActOnJobs): cancel, requeue, retry or delete, by id or by query.

Every action first *takes* each job in Redis, the same compare-and-set guard as the committer
and the lease recovery use, and only then writes its record by exact ``_id``:

Requeue and retry queue a job again behind the jobs already waiting, as a new enqueue would.
Delete takes a job as requeue does, deletes its record and logs, then drops its lease and payload.

- a job no worker runs (queued, delayed, retry, or final) is taken by moving it from its queue
  (or, for a final one, from nowhere) to a lease owned by the ``ACTING`` marker, so no worker can
  lease it meanwhile, and no other action takes it twice (scripts/take_pending.lua);
- a started job (cancel only) is taken from its worker: read the lease's owner, then swap it for
  the marker if it is still that owner (scripts/take_leases.lua), so the worker's late outcome is
  refused; the worker is then told to stop the job on its next heartbeat.

A job that moved on since it was read (leased, finished, being committed) is not taken: it is
skipped, never overwritten. A broker that dies between the take and the release leaves leases
that expire; the lease recovery then puts each job back where its record says (see
maintenance.py), so nothing is lost, whichever write was done.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from mrq.statuses import FINAL
from mrq.v1 import job_query_pb2, job_service_pb2, worker_service_pb2
from mrq_broker.errors import InvalidField, NoSuchJob
from mrq_broker.jobs.payloads import queue_entry
from mrq_broker.jobs.searches import query_selection, require_criterion
from mrq_broker.jobs.tasksets import Tasksets
from mrq_broker.jobs.transitions import ttl_s
from mrq_broker.jobs.validation import check_job_id
from mrq_broker.queueing.queues import ACTING, RedisQueues, holding_worker
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobChange, JobRecord, JobSelection

CANCEL = job_service_pb2.JOB_ACTION_CANCEL
REQUEUE = job_service_pb2.JOB_ACTION_REQUEUE
RETRY = job_service_pb2.JOB_ACTION_RETRY
DELETE = job_service_pb2.JOB_ACTION_DELETE

# Jobs acted on per round of Redis scripts and store writes.
ACTION_BATCH = 500
# What each action applies to, by the status a job's record has.
APPLIES_TO: dict[int, frozenset[str]] = {
    CANCEL: frozenset({"queued", "delayed", "retry", "started"}),
    REQUEUE: frozenset({"queued", "delayed", "retry", *FINAL}),
    RETRY: frozenset({"queued", "delayed", "retry", *FINAL}),
    DELETE: frozenset({"queued", "delayed", "retry", *FINAL}),
}
# The status a deleted taskset member that was not final is counted under, in its taskset.
DELETED = "deleted"
# A control message for a worker that stopped heartbeating is dropped after this long.
MIN_CONTROL_TTL_S = 60.0


@dataclass(frozen=True)
class Counts:
    matched: int = 0
    changed: int = 0

    @property
    def skipped(self) -> int:
        return self.matched - self.changed


class JobActions:
    """Applies ActOnJobs requests; see the module docstring for the guards."""

    def __init__(self, store: Store, queues: RedisQueues, settings: BrokerSettings, tasksets: Tasksets) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings
        self.tasksets = tasksets

    def act(
        self,
        action: int,
        job_ids: Sequence[str],
        query: job_query_pb2.JobQuery | None,
        dry_run: bool,
        query_field: str = "query",
    ) -> Counts:
        """An ActOnJobs request (or a deprecated form of it): ``action`` on ``job_ids``, or on
        every job ``query`` (named ``query_field`` in errors) matches."""
        if action not in APPLIES_TO:
            raise InvalidField("action", f"{action} is not a JobAction (CANCEL, REQUEUE, RETRY or DELETE)")
        if job_ids and query is not None:
            raise InvalidField(query_field, f"give job_ids or {query_field}, not both")
        if query is not None:
            selection = query_selection(query, self.settings, query_field)
            return self.act_on_selection(action, require_criterion(selection, query_field), dry_run)
        if not job_ids:
            raise InvalidField("job_ids", "give job_ids or a query")
        limit = self.settings.max_batch_size
        if len(job_ids) > limit:
            raise InvalidField("job_ids", f"at most {limit} ids per call; use a query for more")
        ids = [check_job_id(i, f"job_ids[{n}]") for n, i in enumerate(job_ids)]
        return self.act_on_ids(action, ids, dry_run)

    def act_on_ids(self, action: int, job_ids: Sequence[str], dry_run: bool) -> Counts:
        """Acts on jobs by id; raises NoSuchJob, before any change, if one does not exist."""
        unique = list(dict.fromkeys(job_ids))
        jobs = self.store.get_jobs(unique)
        missing = [i for i in unique if i not in jobs]
        if missing:
            raise NoSuchJob(missing[0])
        return self._act(action, [jobs[i] for i in unique], dry_run)

    def act_on_selection(self, action: int, selection: JobSelection, dry_run: bool) -> Counts:
        """Acts on every job matching ``selection``.

        The matching jobs are listed first, in one pass, and then acted on: a job the action
        changes can't match again later in the same call (say a requeued job that fails again).
        """
        return self._act(action, self.store.select_jobs(selection), dry_run)

    def _act(self, action: int, docs: list[JobRecord], dry_run: bool) -> Counts:
        eligible = [d for d in docs if d.status in APPLIES_TO[action]]
        if dry_run:
            return Counts(matched=len(docs), changed=len(eligible))
        changed = 0
        for batch in _batches(eligible, ACTION_BATCH):
            if action == CANCEL:
                changed += self._cancel(batch)
            elif action == DELETE:
                changed += self._delete(batch)
            else:
                changed += self._requeue(batch, reset=action == REQUEUE)
        return Counts(matched=len(docs), changed=changed)

    def _expiry_ms(self) -> int:
        return int(time.time() * 1000 + self.settings.lease_ttl_s * 1000)

    def _take_pending(self, docs: list[JobRecord], expiry_ms: int) -> set[str]:
        """Takes the jobs no worker runs off their queues (or, final ones, from nowhere) under the
        ACTING marker; returns the ids taken (see scripts/take_pending.lua)."""
        pending = [(d.id, d.queue, d.status in FINAL) for d in docs if d.status != "started"]
        return self.queues.take_pending(pending, ACTING, expiry_ms)

    def _cancel(self, docs: list[JobRecord]) -> int:
        expiry_ms = self._expiry_ms()
        taken = self._take_pending(docs, expiry_ms)
        # A pending job that was not taken may have been leased since it was read: try it as
        # started too. Owners starting with "-" are brokers committing or recovering the job.
        maybe_started = [d.id for d in docs if d.id not in taken]
        owners = {i: o for i, o in self.queues.owners(maybe_started).items() if holding_worker(o) is not None}
        taken_started = self.queues.take(owners, ACTING, expiry_ms)
        ids = [*taken, *taken_started]
        id_set = set(ids)
        if not ids:
            return 0
        now = datetime.now(UTC)

        def cancelled(job: JobRecord) -> JobChange:
            expires = now + timedelta(seconds=ttl_s("cancel", job.task, None, self.settings))
            return JobChange(
                job.id, {"status": "cancel", "date_updated": now, "date_finished": now, "date_expires": expires}
            )

        try:
            self.store.update_jobs([cancelled(d) for d in docs if d.id in id_set])
        except Exception:
            # Give the started jobs back to their workers; the others' leases expire and the
            # recovery puts them back on their queues.
            for job_id in taken_started:
                self.queues.take({job_id: ACTING}, owners[job_id], expiry_ms)
            raise
        counted = [(d.id, d.taskset_id, "cancel") for d in docs if d.taskset_id and d.id in id_set]
        self.tasksets.complete(self.queues.release(ids, finished=ids, counted=counted))
        self._tell_workers({i: w for i in taken_started if (w := holding_worker(owners[i])) is not None})
        return len(ids)

    def _tell_workers(self, workers: dict[str, str]) -> None:
        """Asks each worker to stop its cancelled jobs. Their leases are gone already, so a
        worker that heartbeats before it reads this stops them anyway, as lost."""
        messages: dict[str, list[bytes]] = {}
        for job_id, worker_id in workers.items():
            messages.setdefault(worker_id, []).append(
                worker_service_pb2.ControlMessage(
                    action=worker_service_pb2.CONTROL_ACTION_CANCEL_JOB, job_id=job_id
                ).SerializeToString()
            )
        self.queues.push_controls(messages, max(MIN_CONTROL_TTL_S, 2 * self.settings.lease_ttl_s))

    def _requeue(self, docs: list[JobRecord], *, reset: bool) -> int:
        taken = self._take_pending(docs, self._expiry_ms())
        requeued = [d for d in docs if d.id in taken]
        if not requeued:
            return 0
        now = datetime.now(UTC)
        fields: dict[str, Any] = {
            "status": "queued",
            "date_updated": now,
            "progress": 0.0,
            "result_json": "",
            "date_finished": None,
            "date_expires": None,
            "eta": None,
        }
        if reset:
            fields["retry_count"] = 0
        # On failure the taken jobs' leases expire, and the recovery restores each as its record says.
        self.store.update_jobs([JobChange(d.id, fields) for d in requeued])
        entries = [
            queue_entry(replace(d, eta=None, retry_count=0 if reset else d.retry_count), queued_at=now)
            for d in requeued
        ]
        self.queues.release([], entries)
        return len(requeued)

    def _delete(self, docs: list[JobRecord]) -> int:
        """Takes the jobs off their queues as requeue does, so no worker leases them, then
        deletes them. Their leases go last: a broker dying before leaves leases that expire,
        and the recovery finds no record to put back."""
        taken = self._take_pending(docs, self._expiry_ms())
        ids = [d.id for d in docs if d.id in taken]
        if not ids:
            return 0
        self.store.delete_jobs(ids)
        # Counted once only: a member already final keeps its final status in its taskset.
        counted = [(d.id, d.taskset_id, DELETED) for d in docs if d.taskset_id and d.id in taken]
        self.tasksets.complete(self.queues.release(ids, finished=ids, counted=counted))
        return len(ids)


def _batches(items: list[JobRecord], size: int) -> Iterator[list[JobRecord]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
