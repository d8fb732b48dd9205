"""The orchestrator: wires the executor, the consumer and the heartbeat together and runs the
lifecycle. It has no loop of its own: :meth:`Worker.start`, :meth:`Worker.stop`, :meth:`Worker.join`.

A stop comes from a signal, a SHUTDOWN control from the broker, or the worker's own limits: burst
mode finding no job left, ``--max-jobs`` leased, ``--max-time-s`` passed, ``--max-memory-mb`` exceeded
(which exits with :data:`~mrq_worker.supervisor.RECYCLE_EXIT_CODE`, for the supervisor to start a
fresh process). A limit stops the worker as a first SIGINT does.

Shutdown order (one greenlet, :meth:`Worker._shutdown_in_order`):

1. QUIET: the lease loop stops; a lease already in flight is waited for and its jobs handed back.
2. Running jobs may finish, for up to ``shutdown_timeout_s`` (skipped when forced).
3. STOPPING: the lease loop is waited for, if that was not done in 1; then jobs still running are
   killed with ``WorkerInterrupted`` and report INTERRUPT, which the broker requeues at once.
4. Pending outcomes are flushed. The heartbeat keeps renewing leases during all of this, and
   stops last, so no held job can expire while it is still being reported; its last beat reports
   "stopped", which tells the dashboard this was a clean exit.
5. STOPPED.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
from collections.abc import Callable

import gevent
from gevent.event import Event
from prometheus_client import CollectorRegistry

from mrq.interrupts import JobCancelled, WorkerInterrupted
from mrq.security import BrokerAccess
from mrq.task import TaskAllowList
from mrq.v1.worker_service_pb2 import (
    CONTROL_ACTION_CANCEL_JOB,
    CONTROL_ACTION_SHUTDOWN,
    DEQUEUE_STRATEGY_PARALLEL,
    DEQUEUE_STRATEGY_SEQUENTIAL,
    HeartbeatResponse,
    JobOutcome,
    LeaseJobsRequest,
)
from mrq.v1.worker_service_pb2_grpc import WorkerServiceStub
from mrq_worker.connection import call_in_thread, open_channel
from mrq_worker.consumer import Consumer, LeaseRefused
from mrq_worker.executor import JOB_LOGGER_NAME, Executor
from mrq_worker.heartbeat import Heartbeat
from mrq_worker.lifecycle import Lifecycle, can_transition
from mrq_worker.logs import LogShipper, install
from mrq_worker.metrics import WorkerMetrics
from mrq_worker.retries import retry_policies
from mrq_worker.settings import WorkerSettings
from mrq_worker.supervisor import CONFIG_EXIT_CODE, RECYCLE_EXIT_CODE
from mrq_worker.tracing import Tracer
from mrq_worker.watchdog import Watchdog

logger = logging.getLogger(__name__)

#: Seconds for killed jobs to reach their next yield and report INTERRUPT.
KILL_GRACE_S = 5.0
#: Seconds to keep retrying pending reports at exit; unreported jobs are requeued on lease expiry.
FLUSH_TIMEOUT_S = 10.0


#: How each --dequeue-strategy leases: burst is sequential, and ends on its own (see Consumer).
_LEASE_STRATEGIES = {
    "sequential": DEQUEUE_STRATEGY_SEQUENTIAL,
    "parallel": DEQUEUE_STRATEGY_PARALLEL,
    "burst": DEQUEUE_STRATEGY_SEQUENTIAL,
}


def make_worker_id() -> str:
    """``host-pid-random``: unique per process, stable for its lifetime."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


#: The setting behind each LeaseJobsRequest field the broker may refuse.
_SETTING_OF_LEASE_FIELD = {
    "queues": "queues",
    "task_whitelist": "task_whitelist",
    "task_blacklist": "task_blacklist",
    "wait_s": "lease_wait_s",
}


def refused_setting(refusal: LeaseRefused) -> str:
    """Which setting a refused lease names, for the exit message: the broker's message starts
    with the request's field (``task_whitelist[1]: ...``)."""
    field = str(refusal).split(":", 1)[0].split("[", 1)[0]
    setting = _SETTING_OF_LEASE_FIELD.get(field)
    if setting is None:
        return f"the request field {field!r}"
    return f"setting {setting} ({WorkerSettings.env_name(setting)}" + (
        ", or the QUEUE arguments)" if setting == "queues" else f", --{setting.replace('_', '-')})"
    )


def lease_request(settings: WorkerSettings, worker_id: str) -> LeaseJobsRequest:
    """What each of the worker's LeaseJobs asks, but how many jobs."""
    return LeaseJobsRequest(
        worker_id=worker_id,
        queues=settings.queues,
        wait_s=settings.lease_wait_s,
        strategy=_LEASE_STRATEGIES[settings.dequeue_strategy],
        task_whitelist=settings.task_whitelist,
        task_blacklist=settings.task_blacklist,
    )


class Worker:
    """One worker process: runs jobs from ``settings.queues`` in ``settings.greenlets`` greenlets.

    Attributes:
        worker_id: the id sent to the broker.
        state: where the worker is in its life; changed only through :meth:`_set_state`.
        exit_code: 0; CONFIG_EXIT_CODE if the broker refused its settings; 1 if the worker stopped
            because one of its loops crashed, or went over
            ``--max-memory-mb`` before running any job; RECYCLE_EXIT_CODE if it went over it later.
    """

    def __init__(self, settings: WorkerSettings, *, worker_id: str | None = None) -> None:
        self.settings = settings
        self.worker_id = worker_id or make_worker_id()
        self.state = Lifecycle.STARTING
        self.exit_code = 0
        self._force = Event()
        self._stopped = Event()
        self._shutdown_greenlet: gevent.Greenlet[..., None] | None = None
        self._max_time: gevent.Greenlet[..., None] | None = None
        self._started_at = time.monotonic()
        self._channel = open_channel(settings.broker_address, BrokerAccess.of(settings))
        stub = WorkerServiceStub(self._channel)
        self.metrics = WorkerMetrics(CollectorRegistry())
        self._executor = Executor(
            size=settings.greenlets,
            on_outcome=self._on_outcome,
            metrics=self.metrics,
            retry_policies=retry_policies(settings.tasks),
            tracer=Tracer(greenlets=settings.trace_greenlets, profile=settings.profile, memory=settings.trace_memory),
            allowed=TaskAllowList.of(settings.task_packages, registered=settings.tasks),
        )
        self._consumer = Consumer(
            stub=stub,
            lease=lease_request(settings, self.worker_id),
            executor=self._executor,
            report_interval_s=settings.report_interval_s,
            accepting=lambda: self.state is Lifecycle.RUNNING,
            burst=settings.dequeue_strategy == "burst",
            max_jobs=settings.max_jobs,
        )
        self._logs = LogShipper(
            stub=stub,
            worker_id=self.worker_id,
            interval_s=settings.log_ship_interval_s,
            max_bytes_per_job=settings.max_log_bytes_per_job,
            running=lambda: list(self._executor.running),
        )
        self._uninstall_logs: Callable[[], None] = lambda: None
        self._heartbeat = Heartbeat(
            stub=stub,
            worker_id=self.worker_id,
            queues=settings.queues,
            interval_s=settings.heartbeat_interval_s,
            hub=gevent.get_hub(),
            consumer=self._consumer,
            executor=self._executor,
            status=lambda: self.state.value,
            on_reply=self._on_heartbeat_reply,
            memory_limit_bytes=int(settings.max_memory_mb * 2**20),
            on_over_memory=self._on_over_memory,
        )
        self._watchdog = Watchdog(stub=stub, worker_id=self.worker_id, executor=self._executor, consumer=self._consumer)

    @property
    def done_jobs(self) -> int:
        """Jobs finished and acknowledged since start."""
        return self._consumer.done_jobs

    def start(self) -> None:
        """Starts the heartbeat thread, then leasing. Returns at once."""
        self._started_at = time.monotonic()
        self._uninstall_logs = install(self._logs, JOB_LOGGER_NAME)
        self._logs.start()
        self._heartbeat.start()
        self._watchdog.start()
        self._set_state(Lifecycle.RUNNING)
        self._consumer.start(on_crash=self._on_crash, on_exhausted=self._stop_at_limit)
        if self.settings.max_time_s:
            self._max_time = gevent.spawn_later(
                self.settings.max_time_s, self._stop_at_limit, f"max-time: {self.settings.max_time_s:g} s passed"
            )
        logger.info(
            "worker %s started: queues=%s (%s) greenlets=%d broker=%s",
            self.worker_id,
            ",".join(self.settings.queues),
            self.settings.dequeue_strategy,
            self.settings.greenlets,
            self.settings.broker_address,
        )

    def stop(self, *, force: bool = False) -> None:
        """Requests a stop and returns at once; :meth:`join` waits for it.

        The first call drains (running jobs finish, up to ``shutdown_timeout_s``). A call with
        ``force``, even after a graceful one, interrupts running jobs instead. Safe to call
        from a gevent signal handler or a hub callback: it only sets an event and spawns.
        """
        if force:
            self._force.set()
        if self._shutdown_greenlet is None:
            logger.info("worker %s stopping (%s)", self.worker_id, "forced" if force else "graceful")
            self._shutdown_greenlet = gevent.spawn(self._shutdown)
        elif force:
            logger.info("worker %s: forced stop requested", self.worker_id)

    def join(self, timeout_s: float | None = None) -> bool:
        """Waits until the worker has stopped; True if it has."""
        return bool(self._stopped.wait(timeout=timeout_s))

    def _set_state(self, new: Lifecycle) -> None:
        if not can_transition(self.state, new):
            raise RuntimeError(f"worker state can't go from {self.state.value} to {new.value}")
        logger.debug("worker %s: %s -> %s", self.worker_id, self.state.value, new.value)
        self.state = new

    def _shutdown(self) -> None:
        try:
            self._shutdown_in_order()
        except Exception:
            logger.exception("worker %s: shutdown failed", self.worker_id)
            self.exit_code = 1
        finally:
            # Whatever happened, let join() return: the process exits, and the broker requeues
            # anything still leased when the leases expire.
            self._stopped.set()

    def _shutdown_in_order(self) -> None:
        if self._max_time is not None:
            self._max_time.kill(block=False)
        if self.state is Lifecycle.RUNNING and not self._force.is_set():
            self._set_state(Lifecycle.QUIET)
            self._consumer.stop_leasing(timeout_s=self.settings.lease_wait_s + KILL_GRACE_S)
            self._drain()
        self._set_state(Lifecycle.STOPPING)
        # Before the kills: an INTERRUPT report requeues its job at once, and a LeaseJobs call
        # still in flight would take that job straight back, only to hand it back a second time.
        # Waiting for it costs at most lease_wait_s; the loop starts no job once STOPPING.
        self._consumer.stop_leasing(timeout_s=self.settings.lease_wait_s + KILL_GRACE_S)
        killed = self._executor.kill_all(lambda: WorkerInterrupted("worker shutting down"))
        if killed:
            logger.info("interrupting %d running jobs; they will be requeued", killed)
        if not self._executor.join(timeout_s=KILL_GRACE_S):
            logger.warning(
                "%d jobs did not stop (busy without yielding?); the broker will requeue them when their leases expire",
                len(self._executor.running),
            )
        self._logs.stop()
        self._uninstall_logs()
        if not self._consumer.flush(timeout_s=FLUSH_TIMEOUT_S):
            logger.warning(
                "%d outcomes could not be reported; the broker will requeue their jobs when their leases expire",
                self._consumer.unacknowledged_count,
            )
        # Last: the heartbeat renewed the leases of every job until its outcome was acknowledged.
        self._watchdog.stop()
        self._heartbeat.stop()
        call_in_thread(self._heartbeat.join, 5.0)
        self._channel.close()
        self._set_state(Lifecycle.STOPPED)
        logger.info(
            "worker %s done: %d jobs in %.1f s", self.worker_id, self.done_jobs, time.monotonic() - self._started_at
        )

    def _drain(self) -> None:
        """Lets running jobs finish until the pool is empty, the timeout passes or a force stop."""
        running = len(self._executor.running)
        if not running or self._force.is_set():
            return
        logger.info("waiting up to %g s for %d running jobs to finish", self.settings.shutdown_timeout_s, running)
        drained = gevent.spawn(self._executor.join)
        waited: list[gevent.Greenlet[..., bool] | Event] = [drained, self._force]  # not list[object]
        gevent.wait(waited, timeout=self.settings.shutdown_timeout_s, count=1)
        drained.kill(block=False)

    def _on_outcome(self, outcome: JobOutcome) -> None:
        # Runs in the job's greenlet, which the executor no longer lists as running, so no
        # kill can reach it while its last log lines are shipped, before its outcome.
        self._logs.finish(outcome.job_id)
        self._consumer.add_outcome(outcome)

    def _on_heartbeat_reply(self, response: HeartbeatResponse) -> None:
        """Acts on a heartbeat reply; runs in the hub (see Heartbeat), so it must not block."""
        if response.lost_job_ids:
            # Forget first, so that the next heartbeat no longer claims them. A job whose report
            # was acknowledged while this heartbeat was in flight is listed too: it's not running
            # any more and there is nothing to do for it.
            self._consumer.forget(response.lost_job_ids)
            stopped = sum(
                self._executor.kill(job_id, JobCancelled("lease lost"), lost=True) for job_id in response.lost_job_ids
            )
            if stopped:
                logger.warning("lost the lease of %d running jobs; stopping them without reporting them", stopped)
        for control in response.controls:
            if control.action == CONTROL_ACTION_CANCEL_JOB:
                if self._executor.kill(control.job_id, JobCancelled("job cancelled")):
                    logger.info("cancelling job %s", control.job_id)
            elif control.action == CONTROL_ACTION_SHUTDOWN:
                logger.info("broker asked worker %s to shut down", self.worker_id)
                self.stop()

    def _stop_at_limit(self, reason: str, exit_code: int = 0) -> None:
        """Stops as a first SIGINT does, because a limit was reached; ignored once stopping."""
        if self._shutdown_greenlet is not None:
            return
        logger.info("worker %s: %s, exiting", self.worker_id, reason)
        self.exit_code = exit_code
        self.stop()

    def _on_over_memory(self, rss_bytes: int) -> None:
        # The process is replaced rather than the leak hunted: the supervisor restarts it at
        # once. Running jobs finish or are handed back on the way out; none is lost.
        over = f"max-memory: {rss_bytes / 2**20:.0f} MB resident, over {self.settings.max_memory_mb:g} MB"
        if self._consumer.held or self.done_jobs:
            self._stop_at_limit(over, exit_code=RECYCLE_EXIT_CODE)
        else:
            # No job ran: a new process would be as big, and restarting it at once would spin.
            # Failing makes the supervisor back off, and says what to fix.
            self._stop_at_limit(f"{over} before running any job (raise --max-memory-mb)", exit_code=1)

    def _on_crash(self, greenlet: gevent.Greenlet[..., None]) -> None:
        if isinstance(greenlet.exception, LeaseRefused):
            logger.critical(
                "worker %s: the broker refuses %s: %s; exiting",
                self.worker_id,
                refused_setting(greenlet.exception),
                greenlet.exception,
            )
            self.exit_code = CONFIG_EXIT_CODE
        else:
            logger.critical("worker %s: a consumer loop crashed; stopping", self.worker_id, exc_info=greenlet.exc_info)
            self.exit_code = 1
        self.stop(force=True)
