"""The watchdog: stops a job stuck past its timeout, by recycling the process.

gevent delivers a job's timeout at the job's next cooperative switch. A task that burns CPU
without ever yielding never reaches one, and holds every other greenlet of the process with it:
no timeout, cancel or report can get through. So a native thread watches from outside:

* a greenlet records a *tick* every ``TICK_INTERVAL_S``: while ticks come, the hub is turning and
  gevent's own timeouts work;
* the thread looks every ``CHECK_INTERVAL_S``. When the hub has not ticked for ``STUCK_GRACE_S``
  and the job on the CPU (the one whose frames the main thread is running) is past its timeout
  by ``STUCK_GRACE_S`` too, only the end of the process can stop that job;
* while the hub turns, a job still running ``STUCK_GRACE_S`` after its timeout interrupted it
  caught the ``JobTimeout`` and went on (``except BaseException`` in a loop): nothing else will
  stop it either. (One that catches it once and ends reports ``TIMEOUT`` by itself: see
  ``Executor._call``.)

The thread then reports, itself, with a direct gRPC call (as the heartbeat makes its own): that
job ``TIMEOUT``; every other running job ``INTERRUPT``, which the broker requeues at once;
outcomes still waiting to be reported, as they are. Then it ends the process with
:data:`~mrq_worker.supervisor.RECYCLE_EXIT_CODE`, and the supervisor (``--processes``) starts a
fresh one. A worker run without ``--processes`` just exits: in production, run it with
``--processes 1`` or under a supervisor that restarts it.

Any other stall is left alone: a job without a timeout, or within it, may hog the CPU (its
lease is renewed by the heartbeat thread); other jobs' timeouts then wait until it yields.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from types import FrameType

import gevent
import grpc
from gevent.monkey import get_original

from mrq.interrupts import JobTimeout, WorkerInterrupted
from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import JobOutcome, ReportOutcomesRequest
from mrq.v1.worker_service_pb2_grpc import WorkerServiceStub
from mrq_worker.connection import Backoff, is_retryable
from mrq_worker.consumer import Consumer
from mrq_worker.executor import Executor, RunningJob
from mrq_worker.outcome import qualified_name
from mrq_worker.supervisor import RECYCLE_EXIT_CODE

logger = logging.getLogger(__name__)

_start_new_thread = get_original("_thread", "start_new_thread")
_allocate_lock = get_original("_thread", "allocate_lock")
_get_ident = get_original("_thread", "get_ident")
_sleep = get_original("time", "sleep")

TICK_INTERVAL_S = 0.2
CHECK_INTERVAL_S = 0.25
#: How long the hub must be stuck, and the job past its timeout, before the process is recycled.
STUCK_GRACE_S = 1.0
#: How long the last report may be retried before the process exits anyway (unreported jobs
#: are then requeued when their leases expire).
REPORT_DEADLINE_S = 10.0


class Watchdog:
    """Watches the hub from a native thread; see the module docstring.

    Create it in the hub's thread (the main thread): that is the thread it watches.
    """

    def __init__(
        self,
        *,
        stub: WorkerServiceStub,
        worker_id: str,
        executor: Executor,
        consumer: Consumer,
        exit_process: Callable[[int], None] = os._exit,
    ) -> None:
        self._stub = stub
        self._worker_id = worker_id
        self._executor = executor
        self._consumer = consumer
        self._exit_process = exit_process
        self._hub_thread_id = _get_ident()
        self.last_tick = time.monotonic()
        self._tick_greenlet: gevent.Greenlet[..., None] | None = None
        self._stop_requested = _allocate_lock()
        self._stop_requested.acquire()

    def start(self) -> None:
        """Starts the tick greenlet and the watching thread."""
        self.last_tick = time.monotonic()
        self._tick_greenlet = gevent.spawn(self._tick)
        _start_new_thread(self._run, ())

    def stop(self) -> None:
        """Stops both; the thread exits within CHECK_INTERVAL_S."""
        self._stop_requested.release()
        if self._tick_greenlet is not None:
            self._tick_greenlet.kill(block=False)

    def _tick(self) -> None:
        while True:
            self.last_tick = time.monotonic()
            gevent.sleep(TICK_INTERVAL_S)

    def _run(self) -> None:
        while not self._stop_requested.acquire(timeout=CHECK_INTERVAL_S):
            try:
                found = self.stuck_job()
                if found is not None:
                    self._recycle(*found)
            except Exception:  # the watchdog must outlive a bug in one check
                logger.exception("watchdog check failed")

    def stuck_job(self) -> tuple[RunningJob, list[FrameType]] | None:
        """The job stuck past its timeout, with its task's frames (innermost last), if any."""
        if time.monotonic() - self.last_tick <= STUCK_GRACE_S:
            return self._swallowing_job()
        jobs_by_frame = {id(job.frame): job for job in list(self._executor.running.values()) if job.frame is not None}
        frame = sys._current_frames().get(self._hub_thread_id)
        innermost = frame
        while frame is not None:
            job = jobs_by_frame.get(id(frame))
            if job is not None:
                now = time.monotonic()
                # Checked again last: the hub may have turned while we looked.
                if now > job.deadline + STUCK_GRACE_S and now - self.last_tick > STUCK_GRACE_S:
                    return job, _task_frames(innermost, frame)
                return None
            frame = frame.f_back
        return None

    def _swallowing_job(self) -> tuple[RunningJob, list[FrameType]] | None:
        """A job still running STUCK_GRACE_S after its timeout interrupted it: the task caught
        the JobTimeout and went on (the hub turns, so it was delivered), e.g. in a loop."""
        now = time.monotonic()
        for job in list(self._executor.running.values()):
            greenlet = job.greenlet
            if job.expired_at is not None and now > job.expired_at + STUCK_GRACE_S and greenlet is not None:
                return job, _task_frames(greenlet.gr_frame, job.frame)
        return None

    def _recycle(self, stuck: RunningJob, frames: list[FrameType]) -> None:
        job = stuck.job
        how = "without yielding" if stuck.expired_at is None else "and caught its timeout"
        error = f"job ran past its timeout of {job.timeout_s:g} s {how}; worker process recycled"
        logger.critical(
            "job %s (%s) %s (pid %d exits with code %d; run workers with --processes or under a "
            "supervisor so that it restarts)",
            job.job_id,
            job.task,
            error.removeprefix("job "),
            os.getpid(),
            RECYCLE_EXIT_CODE,
        )
        stack = "".join(traceback.format_list(traceback.StackSummary.extract((f, f.f_lineno) for f in frames)))
        timeout = JobOutcome(
            job_id=job.job_id,
            lease_token=job.lease_token,
            status=job_pb2.JOB_STATUS_TIMEOUT,
            exception_type=qualified_name(JobTimeout),
            error=error,
            traceback=f"Traceback (most recent call last):\n{stack}{qualified_name(JobTimeout)}: {error}\n",
            duration_s=time.monotonic() - stuck.started_at,
        )
        self._report(self._final_outcomes(timeout))
        for handler in logging.getLogger().handlers:
            handler.flush()
        self._exit_process(RECYCLE_EXIT_CODE)

    def _final_outcomes(self, timeout: JobOutcome) -> list[JobOutcome]:
        """The stuck job's timeout, the other running jobs' interrupts, and pending outcomes."""
        # Running jobs first: one that finishes in between then shows in both, not in neither.
        running = [job for job in list(self._executor.running.values()) if not job.lost]
        outcomes = {outcome.job_id: outcome for outcome in self._consumer.unreported()}
        for job in running:
            if job.job.job_id == timeout.job_id:
                outcomes[job.job.job_id] = timeout
            elif job.job.job_id not in outcomes:
                outcomes[job.job.job_id] = JobOutcome(
                    job_id=job.job.job_id,
                    lease_token=job.job.lease_token,
                    status=job_pb2.JOB_STATUS_INTERRUPT,
                    exception_type=qualified_name(WorkerInterrupted),
                    error=f"worker process recycled: job {timeout.job_id} was stuck past its timeout",
                )
        return list(outcomes.values())

    def _report(self, outcomes: list[JobOutcome]) -> None:
        request = ReportOutcomesRequest(worker_id=self._worker_id, outcomes=outcomes)
        backoff = Backoff()
        deadline = time.monotonic() + REPORT_DEADLINE_S
        while True:
            try:
                self._stub.ReportOutcomes(request, timeout=max(0.1, deadline - time.monotonic()))
                logger.info("reported %d outcomes before recycling", len(outcomes))
                return
            except grpc.RpcError as exc:
                delay_s = backoff.failed(logger, "ReportOutcomes", exc)
                if not is_retryable(exc) or time.monotonic() + delay_s > deadline:
                    logger.error(
                        "could not report %d outcomes before recycling; their jobs will be requeued "
                        "when their leases expire",
                        len(outcomes),
                    )
                    return
                _sleep(delay_s)


def _task_frames(innermost: FrameType | None, bottom: FrameType | None) -> list[FrameType]:
    """The task's frames from ``bottom`` (the executor's, excluded) to ``innermost``, outermost
    first, without the worker's and gevent's own, for the traceback."""
    frames: list[FrameType] = []
    frame = innermost
    while frame is not None and frame is not bottom:
        if not frame.f_globals.get("__name__", "").startswith(("mrq_worker.", "gevent.")):
            frames.append(frame)
        frame = frame.f_back
    return frames[::-1]
