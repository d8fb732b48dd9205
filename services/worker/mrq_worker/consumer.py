"""The consumer owns the network for jobs: it leases batches into the executor's free slots and
reports outcomes in batches, retrying until the broker acknowledges them.

Two greenlets, each making its gRPC calls on a native thread (see :mod:`mrq_worker.connection`):

* the **lease loop** asks for as many jobs as there are free slots, letting the broker block up
  to ``wait_s`` when none is ready, so an idle worker picks a job up the moment it is enqueued
  without polling. It ends on its own in two cases, calling ``on_exhausted``: in burst mode,
  once nothing is held and a lease without waiting finds no job; and once ``max_jobs`` jobs
  were leased;
* the **report loop** collects outcomes for up to ``report_interval_s`` (or until a batch is
  full, or no job is left running to add to it) and sends them in one ``ReportOutcomes``.

A job is *held* from its lease until its outcome is acknowledged; the heartbeat renews the leases
of every held job, so a finished job waiting in a report batch can't expire and run twice.
A worker holds at most ``HELD_PER_SLOT`` jobs per slot: once finished jobs wait for their
acknowledgement (slow commits, or the broker or its MongoDB down), it leases no more. So a
worker that dies, or an outage that outlasts the leases, reruns at most that many jobs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

import gevent
import grpc
from gevent.event import Event

from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import (
    JobOutcome,
    LeasedJob,
    LeaseJobsRequest,
    LeaseJobsResponse,
    ReportOutcomesRequest,
)
from mrq.v1.worker_service_pb2_grpc import WorkerServiceStub
from mrq_worker.connection import Backoff, call_in_thread, is_retryable, status_code
from mrq_worker.executor import Executor

logger = logging.getLogger(__name__)

#: Most outcomes in one ReportOutcomes.
REPORT_BATCH_MAX = 1000
#: Jobs held (running, or finished and not yet acknowledged) per slot, at most.
HELD_PER_SLOT = 2
#: Extra seconds a LeaseJobs call may take beyond the wait it asked for. Generous on purpose: if
#: we give up on a call the broker then completes, its jobs sit leased to nobody until the lease
#: expires. A broken connection fails the call at once anyway (UNAVAILABLE).
LEASE_MARGIN_S = 30.0
REPORT_TIMEOUT_S = 30.0


class LeaseRefused(Exception):
    """The broker refuses the worker's LeaseJobs request itself (INVALID_ARGUMENT): not a
    connection problem, and repeating the request would be refused forever. The message is the
    broker's, which starts with the request field, e.g. ``queues[1]: ...``."""


class Consumer:
    """Leases jobs into an :class:`Executor` and reports their outcomes.

    Attributes:
        held: ids of jobs leased and not yet acknowledged (read by the heartbeat thread).
        done_jobs: jobs finished (any status but INTERRUPT) and acknowledged since start.
        lease_ttl_s: the lease duration the broker last announced (0 until the first lease).
    """

    def __init__(
        self,
        *,
        stub: WorkerServiceStub,
        lease: LeaseJobsRequest,
        executor: Executor,
        report_interval_s: float,
        accepting: Callable[[], bool],
        burst: bool = False,
        max_jobs: int = 0,
    ) -> None:
        """``lease`` is what every LeaseJobs asks (worker id, queues, wait, strategy, task
        filters); the loop sets its ``max_jobs``. ``max_jobs`` here caps the jobs leased in
        total (0: no cap)."""
        self._stub = stub
        self._lease = lease
        self._worker_id = lease.worker_id
        self._lease_wait_s = lease.wait_s
        self._burst = burst
        self._max_jobs = max_jobs
        self._jobs_left: int | None = max_jobs or None
        self._executor = executor
        self._report_interval_s = report_interval_s
        self._accepting = accepting
        self.held: set[str] = set()
        self.done_jobs = 0
        self.lease_ttl_s = 0.0
        self._pending: list[JobOutcome] = []
        self._sending: list[JobOutcome] = []
        self._pending_since = 0.0
        self._in_flight = 0
        self._has_pending = Event()
        self._drained = Event()
        self._drained.set()
        self._acknowledged = Event()
        self._lease_greenlet: gevent.Greenlet[..., None] | None = None
        self._report_greenlet: gevent.Greenlet[..., None] | None = None

    def start(
        self, on_crash: Callable[[gevent.Greenlet[..., None]], None], on_exhausted: Callable[[str], None]
    ) -> None:
        """Starts both loops; ``on_crash`` is called if either dies of an unexpected error, and
        ``on_exhausted(reason)`` if the lease loop ends on its own (burst, ``max_jobs``)."""
        self._lease_greenlet = gevent.spawn(self._lease_loop, on_exhausted)
        self._report_greenlet = gevent.spawn(self._report_loop)
        self._lease_greenlet.link_exception(on_crash)
        self._report_greenlet.link_exception(on_crash)

    def add_outcome(self, outcome: JobOutcome) -> None:
        """Queues an outcome for the next report batch (the executor's callback)."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append(outcome)
        self._drained.clear()
        self._has_pending.set()

    def forget(self, job_ids: Iterable[str]) -> None:
        """Stops holding jobs whose lease the broker says is gone."""
        self.held.difference_update(job_ids)
        self._acknowledged.set()

    def stop_leasing(self, timeout_s: float | None = None) -> None:
        """Waits for the lease loop to end. Call once ``accepting()`` has turned False.

        A LeaseJobs call in flight is waited for, not abandoned: its jobs are leased to us, and
        the loop hands them back (see _dispatch). Past ``timeout_s`` (a broker that hangs), the
        loop is killed; jobs the broker leased in that call come back when their leases expire.
        """
        if self._lease_greenlet is None:
            return
        self._lease_greenlet.join(timeout=timeout_s)
        if not self._lease_greenlet.dead:
            logger.warning("LeaseJobs still in flight after %s s; abandoning it", timeout_s)
            self._lease_greenlet.kill(block=False)

    def flush(self, timeout_s: float) -> bool:
        """Sends every pending outcome, then stops the report loop. True when all were acknowledged."""
        flushed = bool(self._drained.wait(timeout=timeout_s))
        if self._report_greenlet is not None:
            self._report_greenlet.kill(block=True)
        return flushed

    def unreported(self) -> list[JobOutcome]:
        """Outcomes not yet acknowledged: the batch in flight, then those waiting for a batch.

        For the watchdog thread, which calls it only while the hub is stuck: the report loop
        (a greenlet) can't move outcomes between the two lists meanwhile.
        """
        return [*self._sending, *self._pending]

    @property
    def unacknowledged_count(self) -> int:
        """Outcomes not yet acknowledged: waiting for a batch, or in the batch in flight."""
        return len(self._pending) + self._in_flight

    def _lease_loop(self, on_exhausted: Callable[[str], None]) -> None:
        backoff = Backoff()
        while self._accepting():
            # Wake up now and then even when every slot stays busy, to notice a stop request.
            self._executor.wait_for_slot(timeout_s=max(self._lease_wait_s, 0.1))
            if self._room() <= 0:  # finished jobs wait for their acknowledgement
                self._acknowledged.clear()
                self._acknowledged.wait(timeout=max(self._lease_wait_s, 0.1))
                continue
            # Burst: only once every job is reported (a retried or interrupted job is queued
            # again by then) does one look without waiting decide that nothing is left. Until
            # then calls block as usual, so jobs that running ones enqueue are taken too.
            last_look = self._burst and not self.held
            request = self._next_request(wait_s=0.0 if last_look else self._lease_wait_s)
            if request is None or not self._accepting():
                continue
            response = self._call_lease(request, backoff)
            if response is None:
                continue
            self._dispatch(response.jobs)
            if self._jobs_left is not None:
                self._jobs_left -= len(response.jobs)
            if last_look and not response.jobs:
                on_exhausted(f"burst: no job left, {self.done_jobs} done")
                return
            if self._jobs_left == 0:
                on_exhausted(f"max-jobs: leased {self._max_jobs} jobs")
                return

    def _room(self) -> int:
        """Jobs to lease now: the free slots, within HELD_PER_SLOT jobs held per slot."""
        return min(self._executor.free_slots(), HELD_PER_SLOT * self._executor.size - len(self.held))

    def _next_request(self, wait_s: float) -> LeaseJobsRequest | None:
        """A LeaseJobs for the room there is, within what ``max_jobs`` leaves; None if that is no job."""
        size = self._room()
        if self._jobs_left is not None:
            size = min(size, self._jobs_left)
        if size == 0:
            return None
        request = LeaseJobsRequest()
        request.CopyFrom(self._lease)
        request.max_jobs = size
        request.wait_s = wait_s
        return request

    def _call_lease(self, request: LeaseJobsRequest, backoff: Backoff) -> LeaseJobsResponse | None:
        """One LeaseJobs; None (after a backoff) if it failed."""
        try:
            response: LeaseJobsResponse = call_in_thread(
                self._stub.LeaseJobs, request, timeout=request.wait_s + LEASE_MARGIN_S
            )
        except grpc.RpcError as exc:
            if status_code(exc) == grpc.StatusCode.INVALID_ARGUMENT:
                raise LeaseRefused(exc.details()) from None  # ends the lease loop: see Worker
            gevent.sleep(backoff.failed(logger, "LeaseJobs", exc))
            return None
        except Exception:  # never stop consuming: log and carry on
            logger.exception("LeaseJobs failed unexpectedly")
            gevent.sleep(backoff.next_delay_s())
            return None
        backoff.succeeded(logger, "LeaseJobs")
        if response.lease_ttl_s:
            self.lease_ttl_s = response.lease_ttl_s
        return response

    def _dispatch(self, jobs: Iterable[LeasedJob]) -> None:
        accepting = self._accepting()
        for job in jobs:
            self.held.add(job.job_id)
            if accepting:
                self._executor.start(job)
            else:
                # The worker began stopping while this lease was in flight: hand the job back
                # at once (INTERRUPT is requeued immediately) instead of running it or letting
                # its lease expire.
                self.add_outcome(
                    JobOutcome(
                        job_id=job.job_id,
                        lease_token=job.lease_token,
                        status=job_pb2.JOB_STATUS_INTERRUPT,
                        error="worker stopping: job handed back unstarted",
                    )
                )

    def _report_loop(self) -> None:
        while True:
            self._has_pending.wait()
            # Let a batch build up for report_interval_s, unless it is full or we are stopping;
            # or until no job runs that could add to it (a lone job's outcome goes at once).
            wait_s = self._pending_since + self._report_interval_s - time.monotonic()
            # A slotful is full: more would hold up the lease loop (see HELD_PER_SLOT).
            full = min(REPORT_BATCH_MAX, self._executor.size)
            if wait_s > 0 and len(self._pending) < full and self._accepting():
                self._executor.join(timeout_s=wait_s)
            batch = self._pending[:REPORT_BATCH_MAX]
            del self._pending[:REPORT_BATCH_MAX]
            # Outcomes that arrive while this batch is in flight go out right after it.
            self._pending_since = 0.0
            if not self._pending:
                self._has_pending.clear()
            self._in_flight = len(batch)
            self._sending = batch
            self._send(batch)
            self._sending = []
            self._in_flight = 0
            if not self._pending:
                self._drained.set()

    def _send(self, batch: list[JobOutcome]) -> None:
        """Sends one batch, retrying transient errors until the broker acknowledges it."""
        request = ReportOutcomesRequest(worker_id=self._worker_id, outcomes=batch)
        backoff = Backoff()
        while True:
            try:
                response = call_in_thread(self._stub.ReportOutcomes, request, timeout=REPORT_TIMEOUT_S)
                break
            except grpc.RpcError as exc:
                if not is_retryable(exc):
                    # A rejected report is not retried (it would be rejected forever). The jobs
                    # stay held until we exit, then their leases expire and they are requeued.
                    logger.error("broker rejected a report of %d outcomes: %s", len(batch), exc)
                    return
                gevent.sleep(backoff.failed(logger, "ReportOutcomes", exc))
        backoff.succeeded(logger, "ReportOutcomes")
        self.held.difference_update(outcome.job_id for outcome in batch)
        self._acknowledged.set()
        # Interrupted jobs will run again: they are not done.
        self.done_jobs += sum(1 for outcome in batch if outcome.status != job_pb2.JOB_STATUS_INTERRUPT)
        if response.stale:
            logger.info("%d of %d outcomes were stale (lease no longer held)", response.stale, len(batch))
