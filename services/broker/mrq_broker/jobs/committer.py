"""Group commit of job outcomes: reports from every worker, merged into one batch of store writes.

gRPC threads hand their outcomes to one committer thread and block until their batch is durable.
While one bulk write runs, the next reports pile up and go out together in the following one,
so the write rate adapts to the load without any timer.

Leases mark their jobs ``started`` through the same thread, without waiting, and each mark waits
up to STARTED_MARK_DELAY_S for its job's outcome: a job that ends by then gets one write (its
outcome, carrying the mark's fields) instead of two. Its record says ``queued`` meanwhile.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime

from mrq.v1 import job_pb2, worker_service_pb2
from mrq_broker.jobs.history import FLUSH_INTERVAL_S, Finished, History
from mrq_broker.jobs.payloads import (
    PayloadHeader,
    header_of,
    leased_job,
    parse_header,
    queue_entry,
    record_from_payload,
    result_ttl_s,
    taskset_of,
)
from mrq_broker.jobs.tasksets import Tasksets
from mrq_broker.jobs.transitions import TRANSITIONS, Plan, plan, requeued_record
from mrq_broker.metrics import INTERRUPT, RETRY, BrokerMetrics
from mrq_broker.queue_names import root
from mrq_broker.queueing.queues import COMMITTING, QueueEntry, RedisQueues, lease_owner
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobChange

log = logging.getLogger(__name__)

MAX_GROUP_OUTCOMES = 20_000
#: How long a started mark waits for its job's outcome before it is written on its own. Most
#: jobs of a busy queue are short: written with their outcome, they cost half the store writes.
STARTED_MARK_DELAY_S = 0.25


@dataclass
class Report:
    worker_id: str
    outcomes: Sequence[worker_service_pb2.JobOutcome]
    done: Future[tuple[int, int]] = field(default_factory=Future)


@dataclass
class StartedMarks:
    """Jobs one lease gave a worker: their records say ``started`` once written."""

    owner: str
    job_ids: Sequence[str]
    fields: dict[str, object]
    due: float  # time.monotonic() when written, unless its job's outcome comes first


@dataclass(frozen=True)
class StartedMark:
    """One job's share of a StartedMarks."""

    owner: str
    fields: dict[str, object]
    due: float


class OutcomeCommitter:
    """Owns the thread that applies reports; :meth:`submit` blocks until the report is durable."""

    def __init__(
        self,
        store: Store,
        queues: RedisQueues,
        settings: BrokerSettings,
        metrics: BrokerMetrics,
        tasksets: Tasksets,
        history: History,
    ) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings
        self.metrics = metrics
        self.tasksets = tasksets
        self.history = history
        # Raw queues whose jobs never reach the store when they succeed: their successes end
        # in Redis alone (see apply). Each with the queue its jobs' metrics count under.
        self._quiet_roots = {
            name: config.retry_queue
            for name, config in settings.raw_queues.items()
            if {"started", "success"} <= config.statuses_no_storage
        }
        self._pending: queue.Queue[Report | StartedMarks | None] = queue.Queue()
        # Marks waiting for their jobs' outcomes, by job id, oldest first (only the thread's).
        self._marks: dict[str, StartedMark] = {}
        self._thread = threading.Thread(target=self._run, name="outcome-committer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._pending.put(None)
        self._thread.join()

    def mark_started(self, job_ids: Sequence[str], worker_id: str, lease_token: str, now: datetime) -> None:
        """Queues the ``started`` write of leased jobs; returns at once (Redis holds the lease)."""
        fields: dict[str, object] = {
            "status": "started",
            "worker_id": worker_id,
            "date_started": now,
            "date_updated": now,
        }
        due = time.monotonic() + STARTED_MARK_DELAY_S
        self._pending.put(StartedMarks(lease_owner(worker_id, lease_token), job_ids, fields, due))

    def submit(
        self, worker_id: str, outcomes: Sequence[worker_service_pb2.JobOutcome], timeout_s: float
    ) -> tuple[int, int]:
        """Applies outcomes; returns (accepted, stale). Raises what the stores raised, or
        TimeoutError if the commit takes longer than ``timeout_s`` (the worker then sends the
        report again: reports are idempotent, so nothing is recorded twice)."""
        report = Report(worker_id, outcomes)
        self._pending.put(report)
        return report.done.result(timeout=timeout_s)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            # Idle, the last groups' history still goes out within FLUSH_INTERVAL_S.
            wait_s = FLUSH_INTERVAL_S
            if self._marks:
                wait_s = min(wait_s, next(iter(self._marks.values())).due - time.monotonic())
            group, stopping = self._take_group(max(0.0, wait_s))
            due = time.monotonic() if not stopping else float("inf")
            marks = {o.job_id: self._marks.pop(o.job_id) for r in group for o in r.outcomes if o.job_id in self._marks}
            while self._marks:  # oldest first: they are due in the order they came
                job_id, mark = next(iter(self._marks.items()))
                if mark.due > due:
                    break
                marks[job_id] = self._marks.pop(job_id)
            if group or marks:
                self._commit(group, marks)
            self.history.flush_if_due()
        self.history.flush()

    def _take_group(self, wait_s: float) -> tuple[list[Report], bool]:
        """The reports queued (waiting up to ``wait_s`` for the first), their leases' marks set
        aside to wait; and whether the committer is stopping."""
        group: list[Report] = []
        size = 0
        try:
            item = self._pending.get(timeout=wait_s)
            while True:
                if item is None:
                    return group, True
                if isinstance(item, Report):
                    group.append(item)
                    size += len(item.outcomes)
                else:
                    mark = StartedMark(item.owner, item.fields, item.due)
                    for job_id in item.job_ids:  # a later lease's mark replaces an earlier one
                        self._marks.pop(job_id, None)
                        self._marks[job_id] = mark
                if size >= MAX_GROUP_OUTCOMES:
                    break
                item = self._pending.get_nowait()
        except queue.Empty:
            pass
        return group, False

    def _commit(self, group: list[Report], marks: dict[str, StartedMark]) -> None:
        try:
            accepted = self.apply(group, marks)
        except Exception as exc:  # noqa: BLE001 - every waiting caller must hear of the failure
            if marks:
                log.warning("%d started marks not written: %s", len(marks), exc)
            for report in group:
                report.done.set_exception(exc)
            return
        for report in group:
            ok = sum(1 for o in report.outcomes if (o.job_id, o.lease_token) in accepted)
            report.done.set_result((ok, len(report.outcomes) - ok))

    def apply(self, group: Sequence[Report], marks: dict[str, StartedMark]) -> set[tuple[str, str]]:
        """Writes the group's outcomes and started marks; returns the (job id, lease token) pairs
        of the outcomes that were accepted.

        An outcome is accepted only if its lease is still held by the reporting worker: taking
        the lease (compare-and-set in Redis) is the guard that keeps a late report from
        overwriting a cancel, a timeout or a re-delivered attempt. A started mark is guarded the
        same way, and its lease given back once written. The successes that store nothing end
        in that same round trip (see take_leases.lua), written nowhere else.
        """
        now = datetime.now(UTC)
        outcomes = {o.job_id: (r.worker_id, o) for r in group for o in r.outcomes}  # a later report wins
        owners = {i: lease_owner(worker, o.lease_token) for i, (worker, o) in outcomes.items()}
        mark_owners = {i: m.owner for i, m in marks.items() if i not in owners}
        successes = {i for i, (_, o) in outcomes.items() if o.status == job_pb2.JOB_STATUS_SUCCESS}
        expiry_ms = int(now.timestamp() * 1000 + self.settings.lease_ttl_s * 1000)
        taken, ended = self.queues.take_reported(
            {**owners, **mark_owners},
            successes if self._quiet_roots else set(),
            list(self._quiet_roots),
            COMMITTING,
            expiry_ms,
        )
        self._count_ended({i: (line, outcomes[i][1]) for i, line in ended.items()}, now)
        accepted = {i: outcomes[i] for i in owners if i in taken}
        started_fields = {
            i: m.fields
            for i, m in marks.items()
            if i in taken and (i in mark_owners or (i in accepted and m.owner == owners[i]))
        }
        try:
            self._write(list(accepted.values()), started_fields, taken, now)
        except Exception:
            self._give_back({i: owners.get(i) or mark_owners[i] for i in taken}, expiry_ms)
            raise
        self._give_back({i: mark_owners[i] for i in taken if i in mark_owners}, expiry_ms)
        return {(o.job_id, o.lease_token) for i, (_, o) in outcomes.items() if i in accepted or i in ended}

    def _count_ended(self, ended: dict[str, tuple[bytes, worker_service_pb2.JobOutcome]], now: datetime) -> None:
        """Counts the successes ended in Redis alone, from their payload's header line. Their
        waiters may hear of them a moment before: nobody waits on a raw job's id but the dashboard."""
        finished = []
        for line, outcome in ended.values():
            header = parse_header(line)
            queue_name = self._quiet_roots[root(header.raw_queue)]
            finished.append(Finished(queue_name, header.task, "success", outcome.duration_s))
        self._count_finished(finished, now)

    def _write(
        self,
        accepted: list[tuple[str, worker_service_pb2.JobOutcome]],
        started: dict[str, dict[str, object]],
        payloads: dict[str, bytes | None],
        now: datetime,
    ) -> None:
        # The payloads (still in Redis) say what the records don't: each success expires after
        # its job's own result TTL, other final statuses by their task's TASKS entry, a final job
        # counts in its taskset, and a raw job may have no record, or must not store its success.
        raws = {o.job_id: raw for _, o in accepted if (raw := payloads[o.job_id]) is not None}
        headers = {i: header_of(raw) for i, raw in raws.items()}
        unstored = {i for i, h in headers.items() if h.unstored}
        needs_doc = [o.job_id for _, o in accepted if TRANSITIONS[o.status].requeue or o.job_id in unstored]
        jobs = self.store.get_jobs([i for i in needs_doc if i not in unstored]) if needs_doc else {}
        jobs.update({i: record_from_payload(raws[i]) for i in needs_doc if i in unstored})
        plans = [
            plan(
                o,
                worker,
                jobs.get(o.job_id),
                self.settings,
                now,
                result_ttl_s(raws[o.job_id]) if o.job_id in raws else None,
                headers[o.job_id].task if o.job_id in headers else "",
                o.job_id in unstored,
                started.get(o.job_id),
            )
            for worker, o in accepted
        ]
        changes = [c for p in plans if (c := self._storage(p, headers.get(p.job_id))) is not None]
        ended = {p.job_id for p in plans}
        changes += [JobChange(i, f) for i, f in started.items() if i not in ended]
        if changes:
            self.store.update_jobs(changes)
        done = [p.job_id for p in plans if p.transition.requeue is None]
        requeue: list[QueueEntry] = [
            queue_entry(requeued_record(jobs[p.job_id], p)) for p in plans if p.transition.requeue and p.job_id in jobs
        ]
        counted = [
            (p.job_id, taskset, p.transition.stored)
            for p in plans
            if p.transition.requeue is None and (raw := raws.get(p.job_id)) and (taskset := taskset_of(raw))
        ]
        # Counted before the release announces the jobs finished: whoever waited on them then
        # reads metrics that include them (a release that fails and is retried counts twice).
        self._count([o for _, o in accepted], plans, raws, headers, now)
        completed = self.queues.release(done, requeue, finished=done, counted=counted)
        self.tasksets.complete(completed)

    def _count(
        self,
        outcomes: list[worker_service_pb2.JobOutcome],
        plans: list[Plan],
        raws: dict[str, bytes],
        headers: dict[str, PayloadHeader],
        now: datetime,
    ) -> None:
        """Counts the group's outcomes in the metrics and, final ones, in the history's tally."""
        finished: list[Finished] = []
        for outcome, p in zip(outcomes, plans, strict=True):
            if p.transition.requeue is not None:
                self.metrics.requeued(RETRY if p.transition.requeue == "delayed" else INTERRUPT)
            elif p.job_id in raws:
                finished.append(
                    Finished(
                        leased_job(raws[p.job_id]).queue,
                        headers[p.job_id].task,
                        p.transition.stored,
                        outcome.duration_s,
                    )
                )
            else:  # its payload already gone (the job was cancelled meanwhile): metrics only
                self.metrics.finished(p.transition.stored, "")
        self._count_finished(finished, now)

    def _count_finished(self, finished: list[Finished], now: datetime) -> None:
        """Counts final jobs in the metrics and the history's tally, alike ones together."""
        for (name, status), n in Counter((f.queue, f.status) for f in finished).items():
            self.metrics.finished(status, name, n)
        self.history.record(finished, now.timestamp())

    def _storage(self, plan_: Plan, header: PayloadHeader | None) -> JobChange | None:
        """The write for a plan: its change, unless a raw queue says not to store that status
        (RAW_QUEUES statuses_no_storage): then nothing, or the deletion of the started record."""
        config = self.settings.raw_queues.get(root(header.raw_queue)) if header and header.raw_queue else None
        if config is None or plan_.transition.stored not in config.statuses_no_storage:
            return plan_.change
        return None if header is not None and header.unstored else JobChange(plan_.job_id, delete=True)

    def _give_back(self, owners: dict[str, str], expiry_ms: int) -> None:
        """Returns taken leases to their workers after a failed write, so their retried report counts."""
        if owners:
            self.queues.give_back(owners, COMMITTING, expiry_ms)
