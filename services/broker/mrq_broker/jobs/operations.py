"""The broker's operations, one function or method per RPC, independent of gRPC."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from mrq.v1 import job_pb2, worker_service_pb2
from mrq_broker.errors import JobNotRunning, NoSuchJob, WorkerDidNotAnswer
from mrq_broker.jobs.committer import OutcomeCommitter
from mrq_broker.jobs.logs import JobLogs, LogPage
from mrq_broker.jobs.payloads import leased_job, new_jobs, payload
from mrq_broker.jobs.raw_jobs import RawJobs
from mrq_broker.jobs.submission import submit
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queue_names import is_raw, root
from mrq_broker.queueing.events import Events, JobWaiter
from mrq_broker.queueing.queues import LeaseQuery, RedisQueues, holding_worker, lease_owner
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobChange, JobRecord, WorkerRecord

DEFAULT_INSPECT_WAIT_S = 5.0
MAX_INSPECT_WAIT_S = 30.0

# A waiting call re-checks the stores at least this often, in case a wake-up was missed.
MAX_SLEEP_S = 1.0


class Enqueued(NamedTuple):
    """A job as its enqueue answers it: its id, or the id of the pending job holding its dedupe key."""

    job_id: str
    deduplicated: bool


@dataclass
class Operations:
    """Everything an RPC needs: the settings, the store, Redis, and the broker's running parts."""

    settings: BrokerSettings
    store: Store
    queues: RedisQueues
    events: Events
    logs: JobLogs
    metrics: BrokerMetrics
    committer: OutcomeCommitter
    raw: RawJobs

    def enqueue(self, task: str, params: Sequence[str], options: job_pb2.JobOptions) -> list[Enqueued]:
        """Enqueues jobs of one task with shared options (see submission)."""
        if not params:
            return []
        now = datetime.now(UTC)
        resolved = resolve_options(task, options, self.settings, now)
        jobs = new_jobs(task, params, resolved, now)
        ids = submit(self.store, self.queues, self.metrics, jobs)
        self.events.announce_enqueue()
        return [Enqueued(job_id, job_id != job.id) for job_id, job in zip(ids, jobs, strict=True)]

    def lease(self, request: worker_service_pb2.LeaseJobsRequest) -> list[worker_service_pb2.LeasedJob]:
        """Leases up to ``max_jobs`` jobs, blocking up to ``wait_s`` while none is ready."""
        deadline = time.monotonic() + min(request.wait_s, self.settings.max_lease_wait_s)
        while True:
            mark = self.events.enqueues()  # before looking, so no enqueue can slip in between
            jobs, next_due_ms = self._lease_once(request)
            remaining = deadline - time.monotonic()
            if jobs or remaining <= 0:
                return jobs
            if next_due_ms is not None:
                remaining = min(remaining, max(0.0, next_due_ms / 1000 - time.time()))
            self.events.wait_for_enqueue(min(remaining, MAX_SLEEP_S), since=mark)

    def _lease_once(
        self, request: worker_service_pb2.LeaseJobsRequest
    ) -> tuple[list[worker_service_pb2.LeasedJob], int | None]:
        now_ms = int(time.time() * 1000)
        now = datetime.fromtimestamp(now_ms / 1000, UTC)
        expiry_ms = now_ms + int(self.settings.lease_ttl_s * 1000)
        token = secrets.token_hex(8)
        query = self._lease_query(request, lease_owner(request.worker_id, token))
        if not query.queues:
            return [], None
        batch = self.queues.lease(query, now_ms, expiry_ms, self.settings.lease_scan_window)
        if batch.refused:
            self._refuse(batch.refused, request.worker_id, token)
        if not batch.job_ids:
            return [], batch.next_due_ms
        payloads = dict(zip(batch.job_ids, batch.payloads, strict=True))
        regular = [i for i in batch.job_ids if i not in batch.raw]
        missing = [i for i in regular if payloads[i] is None]
        if missing:  # a payload lost with a Redis failover: rebuild it from the record
            payloads.update({i: payload(j) for i, j in self.store.get_jobs(missing).items()})
        if regular:
            self.committer.mark_started(regular, request.worker_id, token, now)
        unmade = {i: claim for i, claim in batch.raw.items() if claim is not None}
        if unmade:
            payloads.update(self.raw.materialise(unmade, request.worker_id, now))
        jobs = []
        for job_id in batch.job_ids:
            raw = payloads.get(job_id)
            if raw is not None:
                job = leased_job(raw)
                job.lease_token = token
                jobs.append(job)
        return jobs, None

    def _lease_query(self, request: worker_service_pb2.LeaseJobsRequest, owner: str) -> LeaseQuery:
        """The worker's queues as the lease script takes them, unconfigured raw queues left out
        (the script finds subqueues and leaves out paused ones). A raw queue's worker also takes
        its retry queue, after it: the raw jobs that failed, retried or lost their lease live on
        there, and must reach a worker that serves the raw queue."""
        raw = [name for name in request.queues if is_raw(name) and root(name) in self.settings.raw_queues]
        retry_queues = [self.settings.raw_queues[root(name)].retry_queue for name in raw]
        names = list(dict.fromkeys([*request.queues, *retry_queues]))
        specs = [
            (name, "regular" if not is_raw(name) else self.raw.lua_type(name))
            for name in names
            if not is_raw(name) or root(name) in self.settings.raw_queues
        ]
        return LeaseQuery(
            queues=specs,
            max_jobs=max(1, request.max_jobs),
            owner=owner,
            worker_id=request.worker_id,
            parallel=request.strategy == worker_service_pb2.DEQUEUE_STRATEGY_PARALLEL,
            allowed=list(request.task_whitelist),
            denied=list(request.task_blacklist),
            limits=self.settings.lease_limits,
            templates={
                name: template
                for name in dict.fromkeys(root(n) for n in raw)
                if (template := self.raw.template(name)) is not None
            },
        )

    def _refuse(self, job_ids: list[str], worker_id: str, token: str) -> None:
        """Ends jobs over a concurrency limit whose task says on_limit "fail": ``maxconcurrency``."""
        self.committer.submit(
            worker_id,
            [
                worker_service_pb2.JobOutcome(
                    job_id=i,
                    lease_token=token,
                    status=job_pb2.JOB_STATUS_MAXCONCURRENCY,
                    exception_type="mrq.MaxConcurrency",
                    error="over its task's max_concurrency, and its task's on_limit is 'fail'",
                )
                for i in job_ids
            ],
            self.settings.report_timeout_s,
        )

    def wait(self, job_ids: Sequence[str], timeout_s: float) -> list[JobRecord]:
        """Returns the jobs once all are final or ``timeout_s`` has passed (existing ones only).

        A job is pending exactly while its payload is in Redis, so waiting costs no store reads.
        """
        deadline = time.monotonic() + min(timeout_s, self.settings.max_wait_s)
        waiter = JobWaiter(job_ids)
        self.events.register(waiter)  # before looking, so no finish can slip in between
        try:
            while True:
                waiter.discard(self.queues.done_among(job_ids))
                remaining = deadline - time.monotonic()
                if not waiter.pending or remaining <= 0:
                    break
                waiter.event.wait(min(remaining, MAX_SLEEP_S))
        finally:
            self.events.unregister(waiter, job_ids)
        jobs = self.store.get_jobs(job_ids)
        return [jobs[i] for i in job_ids if i in jobs]

    def read_logs(self, job_id: str, from_offset: int) -> LogPage:
        """One page of the job's log text from ``from_offset`` on (see JobLogs.read)."""
        final = self._is_final(job_id)
        return self.logs.read(job_id, from_offset, self.settings.max_batch_size, final)

    def _is_final(self, job_id: str) -> bool:
        return bool(self.queues.done_among([job_id]))

    def follow_logs(self, job_id: str, from_offset: int, active: Callable[[], bool]) -> Iterator[LogPage]:
        """Yields the job's new log text as it is stored, until the job is final and its last
        chunks are read, or ``active()`` turns False (the caller went away).

        Workers store a job's last chunks before reporting its outcome, so text read *after*
        seeing the job final is complete. A wake-up is watched for before each look, and the
        loop re-checks at least every MAX_SLEEP_S in case one was missed.
        """
        event = self.events.watch_logs(job_id)
        try:
            offset = from_offset
            while active():
                event.clear()
                final = self._is_final(job_id)
                page = self.logs.read(job_id, offset, self.settings.max_batch_size, final)
                while not page.complete and page.next_offset > offset:
                    yield page
                    offset = page.next_offset
                    page = self.logs.read(job_id, offset, self.settings.max_batch_size, final)
                if page.text:
                    yield page
                offset = page.next_offset
                if final:
                    return
                event.wait(MAX_SLEEP_S)
        finally:
            self.events.unwatch_logs(job_id, event)

    def heartbeat(self, request: worker_service_pb2.HeartbeatRequest) -> list[str]:
        """Renews the worker's leases and records its state; returns the leases it lost."""
        now = datetime.now(UTC)
        now_ms = int(now.timestamp() * 1000)
        lost = self.queues.renew(request.worker_id, request.job_ids, now_ms + int(self.settings.lease_ttl_s * 1000))
        self.queues.record_worker(request.worker_id, now_ms)
        if request.progress:
            self.store.update_jobs(
                [JobChange(p.job_id, {"progress": p.progress, "date_updated": now}) for p in request.progress]
            )
        state = request.state
        self.store.record_worker(
            WorkerRecord(
                id=request.worker_id,
                hostname=state.hostname,
                pid=state.pid,
                queues=list(state.queues),
                concurrency=state.concurrency,
                status=state.status,
                done_jobs=state.done_jobs,
                memory_bytes=state.memory_bytes,
                cpu_s=state.cpu_s,
                job_ids=list(request.job_ids),
                date_heartbeat=now,
            )
        )
        if request.inspections:
            self.queues.put_inspections(
                {i.job_id: i.SerializeToString() for i in request.inspections}, ttl_s=MAX_INSPECT_WAIT_S
            )
        return lost

    def inspect(self, job_id: str, timeout_s: float) -> tuple[str, worker_service_pb2.JobInspection]:
        """Asks the worker running the job for its live state; returns (worker id, inspection)."""
        job = self.store.get_job(job_id)
        if job is None:
            raise NoSuchJob(job_id)
        # The lease, not the record, says who runs the job: its started mark may not be written yet.
        owner = self.queues.owners([job_id]).get(job_id)
        worker_id = holding_worker(owner) if owner is not None else None
        if worker_id is None:
            raise JobNotRunning(job_id, job.status)
        self.queues.clear_inspection(job_id)  # an answer left over from an earlier call
        control = worker_service_pb2.ControlMessage(action=worker_service_pb2.CONTROL_ACTION_DUMP_STACK, job_id=job_id)
        self.queues.push_controls({worker_id: [control.SerializeToString()]}, MAX_INSPECT_WAIT_S)
        raw = self.queues.wait_inspection(job_id, min(timeout_s or DEFAULT_INSPECT_WAIT_S, MAX_INSPECT_WAIT_S))
        if raw is None:
            raise WorkerDidNotAnswer(f"job_id: worker {worker_id} did not answer in time")
        return worker_id, worker_service_pb2.JobInspection.FromString(raw)

    def take_controls(self, worker_id: str) -> list[worker_service_pb2.ControlMessage]:
        """The control messages queued for the worker since its last heartbeat (e.g. cancels)."""
        return [worker_service_pb2.ControlMessage.FromString(raw) for raw in self.queues.drain_controls(worker_id)]
