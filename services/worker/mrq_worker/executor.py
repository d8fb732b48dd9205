"""The greenlet pool that runs tasks. It knows nothing about the network: it takes leased jobs,
runs each in a greenlet with :data:`mrq.context.current_job` set, and hands every outcome to a
callback (the consumer's report batch).

The greenlets are *slots* that live on, each running jobs one after another: starting and ending
a greenlet per job cost about 20 µs on the benchmark's machine (its first switch maps a fresh
stack), a slot switching to its next job under 1 µs. Each job still runs in a fresh
``contextvars.Context``, as it would in a new greenlet.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Callable, Mapping
from contextvars import Context
from types import FrameType
from typing import Any

import gevent
import greenlet
from gevent import get_hub, getcurrent
from gevent.event import Event
from gevent.queue import SimpleQueue

from mrq import codec
from mrq.context import JobContext, current_job
from mrq.errors import TaskNotAllowed
from mrq.interrupts import JobInterrupt, JobTimeout
from mrq.task import TaskAllowList, TaskCallable, resolve_task
from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import JobOutcome, LeasedJob
from mrq_worker.metrics import WorkerMetrics
from mrq_worker.outcome import classify
from mrq_worker.retries import RetryPolicy
from mrq_worker.tracing import JobTrace, Tracer

JOB_LOGGER_NAME = "mrq.job"

log = logging.getLogger(__name__)

OutcomeCallback = Callable[[JobOutcome], None]


class RunningJob:
    """A job the pool holds, from :meth:`Executor.start` until its outcome is handed over."""

    __slots__ = (
        "began",
        "context",
        "expired_at",
        "frame",
        "greenlet",
        "interrupt",
        "job",
        "lost",
        "started_at",
        "trace",
    )

    def __init__(self, job: LeasedJob) -> None:
        self.job = job
        self.context: JobContext | None = None
        #: The slot running the job, once it began.
        self.greenlet: greenlet.greenlet | None = None
        self.began = False
        #: An interrupt requested before the greenlet first ran; raised as soon as it does.
        self.interrupt: JobInterrupt | None = None
        #: The broker says we no longer hold the lease: stop the job and report nothing.
        self.lost = False
        #: time.monotonic() when the greenlet began, and its bottom frame while it runs: how the
        #: watchdog thread finds the job on the CPU and its deadline (see mrq_worker.watchdog).
        self.started_at = 0.0
        self.frame: FrameType | None = None
        #: time.monotonic() when the job's timeout interrupted it; None before (or without) one.
        self.expired_at: float | None = None
        #: What --trace-greenlets measured so far (None without it), for live inspection.
        self.trace: JobTrace | None = None

    @property
    def deadline(self) -> float:
        """time.monotonic() past which the job has run over its timeout (inf: no timeout)."""
        if not self.began or self.job.timeout_s <= 0:
            return math.inf
        return self.started_at + self.job.timeout_s


class Executor:
    """Runs up to ``size`` jobs at once, each on a slot greenlet of its own while it runs.

    Args:
        allowed: The tasks it may run; None runs any importable task (for tests of the pool).

    Attributes:
        running: job id → :class:`RunningJob`, for the heartbeat thread (which reads a copy) and
            for control messages.
    """

    def __init__(
        self,
        *,
        size: int,
        on_outcome: OutcomeCallback,
        metrics: WorkerMetrics | None = None,
        retry_policies: Mapping[str, RetryPolicy] | None = None,
        tracer: Tracer | None = None,
        allowed: TaskAllowList | None = None,
    ) -> None:
        self._size = size
        self._queue: SimpleQueue[RunningJob] = SimpleQueue()
        self._slots = 0  # slot greenlets made so far, up to size: as many as jobs ever ran at once
        self._idle = 0  # slots waiting for a job
        self._taken = 0  # jobs started and not ended: queued for a slot, or running
        self._slot_freed = Event()
        self._empty = Event()
        self._allowed = allowed
        self._tracer = tracer if tracer is not None and tracer.enabled else None
        self._retry_policies = dict(retry_policies or {})
        self._on_outcome = on_outcome
        self._metrics = metrics
        if metrics is not None:
            metrics.pool_size(size)
        self._tasks: dict[str, TaskCallable] = {}
        self._job_logger = logging.getLogger(JOB_LOGGER_NAME)
        self.running: dict[str, RunningJob] = {}

    @property
    def size(self) -> int:
        """Concurrent job slots."""
        return self._size

    def free_slots(self) -> int:
        """Slots not running a job."""
        return self._size - self._taken

    def wait_for_slot(self, timeout_s: float | None = None) -> None:
        """Blocks this greenlet until at least one slot is free, or ``timeout_s`` passes."""
        if self._taken >= self._size:
            self._slot_freed.clear()
            self._slot_freed.wait(timeout=timeout_s)

    def start(self, job: LeasedJob) -> None:
        """Starts ``job`` on a slot. The caller made sure a slot is free."""
        running = RunningJob(job)
        self.running[job.job_id] = running
        self._taken += 1
        if self._metrics is not None:
            self._metrics.job_started()
        self._queue.put(running)
        # A waiting slot takes each queued job; past them, a new slot joins.
        if self._queue.qsize() > self._idle and self._slots < self._size:
            self._slots += 1
            gevent.spawn(self._slot)

    def _slot(self) -> None:
        """A slot's life: the queued jobs, one after another."""
        while True:
            self._idle += 1
            running = self._queue.get()
            self._idle -= 1
            running.greenlet = getcurrent()
            try:
                Context().run(self._run, running)
            except Exception:  # past the task, in handing its outcome over: a bug, not the job's
                log.exception("job %s: its slot failed after its task ended", running.job.job_id)
                self.running.pop(running.job.job_id, None)
            self._taken -= 1
            self._slot_freed.set()
            if not self._taken:
                self._empty.set()

    def kill(self, job_id: str, interrupt: JobInterrupt, *, lost: bool = False) -> bool:
        """Throws ``interrupt`` into the job's greenlet; with ``lost``, its outcome is dropped.

        Returns False when the job is not running (it may already have finished: its outcome is
        then reported as it ended, and the broker ignores it if the lease is gone).
        """
        running = self.running.get(job_id)
        if running is None:
            return False
        running.lost = running.lost or lost
        if running.began:
            # Delivered at the job's next cooperative switch. A task that burns CPU without
            # yielding can't be interrupted until it does (a gevent limitation).
            self._interrupt(running, interrupt)
        else:
            # Killing a greenlet that never ran would skip _run entirely, and so lose the
            # outcome: let _run raise the interrupt itself instead.
            running.interrupt = interrupt
        return True

    def kill_all(self, make_interrupt: Callable[[], JobInterrupt]) -> int:
        """Kills every running job with a fresh interrupt each; returns how many."""
        job_ids = list(self.running)
        for job_id in job_ids:
            self.kill(job_id, make_interrupt())
        return len(job_ids)

    def join(self, timeout_s: float | None = None) -> bool:
        """Waits until no job runs, up to ``timeout_s``; True when the pool is empty."""
        if self._taken:
            self._empty.clear()
            self._empty.wait(timeout=timeout_s)
        return not self._taken

    def _interrupt(self, running: RunningJob, interrupt: BaseException) -> None:
        """Raises ``interrupt`` in the job from the hub, as ``Greenlet.kill(block=False)`` does,
        unless the job has ended by then: its slot may be running another job."""
        get_hub().loop.run_callback(self._throw, running, interrupt)

    def _throw(self, running: RunningJob, interrupt: BaseException) -> None:
        if self.running.get(running.job.job_id) is running and running.greenlet is not None:
            running.greenlet.throw(interrupt)

    def _run(self, running: RunningJob) -> None:
        running.started_at = time.monotonic()
        running.frame = sys._getframe()
        running.began = True
        job = running.job
        started = time.perf_counter()
        trace = running.trace = self._tracer.begin() if self._tracer is not None else None
        try:
            if running.interrupt is not None:
                raise running.interrupt
            outcome = JobOutcome(status=job_pb2.JOB_STATUS_SUCCESS, result_json=self._execute(running))
        except BaseException as exc:  # noqa: BLE001 - every way a task ends is an outcome
            outcome = classify(exc, job, self._retry_policies.get(job.task))
        if trace is not None and self._tracer is not None:
            self._tracer.end(trace, outcome)
        # Nothing below yields to the hub, so a kill arriving now finds the greenlet dead and
        # is a no-op: the job counts as finished the way it actually ended.
        del self.running[job.job_id]
        running.frame = None
        duration_s = time.perf_counter() - started
        if self._metrics is not None:
            self._metrics.job_ended(job, None if running.lost else outcome, duration_s)
        if running.lost:
            return
        outcome.job_id = job.job_id
        outcome.lease_token = job.lease_token
        outcome.duration_s = duration_s
        self._on_outcome(outcome)

    def _execute(self, running: RunningJob) -> bytes:
        """Runs the task with the job's context set; returns the result as JSON bytes."""
        job = running.job
        # An unregistered logger (not logging.getLogger, which would keep one per job forever)
        # whose records propagate to the root, where mrq_worker.logs ships them to the job's log.
        logger = logging.Logger(f"{JOB_LOGGER_NAME}.{job.job_id}")
        logger.parent = self._job_logger
        context = JobContext(
            id=job.job_id, task=job.task, params=None, queue=job.queue, retry_count=job.retry_count, logger=logger
        )
        running.context = context
        token = current_job.set(context)
        try:
            task = self._resolve(job.task)
            context.params = codec.decode(job.params_json)
            result = self._call(task, context.params, running)
        finally:
            current_job.reset(token)
        try:
            return codec.encode(result)
        except TypeError as exc:
            raise TypeError(f"task {job.task} returned a value that is {exc}") from None

    def _call(self, task: TaskCallable, params: Any, running: RunningJob) -> Any:
        timeout_s = running.job.timeout_s
        if timeout_s <= 0:
            return task(params)
        timer = get_hub().loop.timer(timeout_s)
        timer.start(self._expire, running)
        late: BaseException | None = None
        try:
            result = task(params)
        except BaseException as exc:
            if running.expired_at is None or isinstance(exc, JobTimeout):
                raise
            late = exc
        else:
            if running.expired_at is None:
                return result
        finally:
            timer.close()
        # The task caught its timeout and went on: what it did after the deadline (a late result,
        # another exception) must not be the job's outcome. One that keeps catching it is stopped
        # by the watchdog (mrq_worker.watchdog).
        raise JobTimeout(
            f"job ran past its timeout of {timeout_s:g} s (the task caught the timeout and went on)"
        ) from late

    def _expire(self, running: RunningJob) -> None:
        """Runs in the hub when the job's timeout passes: interrupts it with JobTimeout."""
        running.expired_at = time.monotonic()
        self._interrupt(running, JobTimeout(f"job ran past its timeout of {running.job.timeout_s:g} s"))

    def _resolve(self, path: str) -> TaskCallable:
        task = self._tasks.get(path)
        if task is None:
            # Raises TaskNotAllowed or TaskNotFound, which fail this job only. Failures are not
            # cached, so a module that fails to import is retried (and reported) on each job.
            try:
                task = self._tasks[path] = resolve_task(path, self._allowed)
            except TaskNotAllowed as exc:
                log.warning("refused a job: %s", exc)
                raise
        return task
