"""The heartbeat: a real OS thread that renews leases and brings back control messages.

It must keep running while a task burns CPU without ever yielding to the gevent hub, so it can't
be a greenlet. It is a native thread (gevent's unpatched ``_thread``) making its gRPC calls
directly. The GIL still switches threads every few milliseconds, so a CPU-bound job slows it
down but can't stop it.

It only *reads* the greenlet world (copies of the held ids and running jobs, taken under the GIL)
and never touches it: replies are handed to the hub with ``loop.run_callback_threadsafe``, and
acted on there by the orchestrator.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable

import grpc
import psutil
from gevent.hub import Hub
from gevent.monkey import get_original

from mrq.v1.worker_service_pb2 import (
    CONTROL_ACTION_DUMP_STACK,
    HeartbeatRequest,
    HeartbeatResponse,
    JobInspection,
    JobProgress,
    WorkerState,
)
from mrq.v1.worker_service_pb2_grpc import WorkerServiceStub
from mrq_worker.connection import Backoff
from mrq_worker.consumer import Consumer
from mrq_worker.executor import Executor
from mrq_worker.lifecycle import Lifecycle

logger = logging.getLogger(__name__)

_start_new_thread = get_original("_thread", "start_new_thread")
_allocate_lock = get_original("_thread", "allocate_lock")

#: The last beat's deadline; the orchestrator waits 5 s for the thread to exit.
GOODBYE_TIMEOUT_S = 2.0
#: Beat at least this often relative to the lease duration, whatever the configured interval.
_BEATS_PER_LEASE = 3


class Heartbeat:
    """Sends a Heartbeat every ``interval_s`` from a native thread until :meth:`stop`, then a
    last one reporting the status "stopped", so that the dashboard tells a clean exit from a
    lost heartbeat."""

    def __init__(
        self,
        *,
        stub: WorkerServiceStub,
        worker_id: str,
        queues: list[str],
        interval_s: float,
        hub: Hub,
        consumer: Consumer,
        executor: Executor,
        status: Callable[[], str],
        on_reply: Callable[[HeartbeatResponse], None],
        memory_limit_bytes: int = 0,
        on_over_memory: Callable[[int], None] = lambda rss: None,
    ) -> None:
        """``on_reply`` and ``on_over_memory`` run in the hub: with each reply that carries
        controls or lost jobs, and with the RSS of each beat that measures more than
        ``memory_limit_bytes`` (0: never)."""
        self._stub = stub
        self._worker_id = worker_id
        self._interval_s = interval_s
        self._hub = hub
        self._consumer = consumer
        self._executor = executor
        self._status = status
        self._on_reply = on_reply
        self._memory_limit_bytes = memory_limit_bytes
        self._on_over_memory = on_over_memory
        self._state = WorkerState(
            hostname=socket.gethostname(), pid=os.getpid(), queues=queues, concurrency=executor.size
        )
        self._process = psutil.Process()
        self._main_thread_id = threading.get_ident()  # built in the thread the hub runs in
        self._sent_progress: dict[str, float] = {}
        # Native locks, so that waiting on them parks this OS thread, not a greenlet.
        self._stop_requested = _allocate_lock()
        self._stop_requested.acquire()
        self._exited = _allocate_lock()
        self._exited.acquire()

    def start(self) -> None:
        """Starts the thread; the first heartbeat goes out at once."""
        _start_new_thread(self._run, ())

    def stop(self) -> None:
        """Asks the thread to exit after its current beat (call :meth:`join` to wait)."""
        self._stop_requested.release()

    def join(self, timeout_s: float) -> bool:
        """Blocks the *calling OS thread* until the heartbeat thread exits; True if it did.

        From a greenlet, run it through the hub's threadpool so the hub keeps turning.
        """
        return bool(self._exited.acquire(timeout=timeout_s))

    def _run(self) -> None:
        backoff = Backoff(initial_s=0.2, max_s=self._interval_s)
        try:
            while True:
                try:
                    self._beat()
                    backoff.succeeded(logger, "Heartbeat")
                    wait_s = self._next_interval_s()
                except grpc.RpcError as exc:
                    wait_s = backoff.failed(logger, "Heartbeat", exc)
                except Exception:  # the heartbeat must outlive a bug in one beat
                    logger.exception("heartbeat failed unexpectedly")
                    wait_s = self._interval_s
                if self._stop_requested.acquire(timeout=wait_s):
                    break
            self._say_goodbye()
        finally:
            self._exited.release()

    def _say_goodbye(self) -> None:
        # One short try, within Worker's join of this thread: a broker that can't be reached
        # sees a lost heartbeat instead.
        state = self._snapshot()
        state.status = Lifecycle.STOPPED.value
        request = HeartbeatRequest(worker_id=self._worker_id, job_ids=list(self._consumer.held), state=state)
        try:
            self._stub.Heartbeat(request, timeout=GOODBYE_TIMEOUT_S)
        except grpc.RpcError as exc:
            logger.info("last heartbeat failed: %s", exc.code())

    def _next_interval_s(self) -> float:
        lease_ttl_s = self._consumer.lease_ttl_s
        if lease_ttl_s > 0:
            return min(self._interval_s, lease_ttl_s / _BEATS_PER_LEASE)
        return self._interval_s

    def _beat(self) -> None:
        # list() of a set or of dict values runs in C without releasing the GIL, so these are
        # consistent snapshots even while greenlets in the main thread add and remove jobs.
        job_ids = list(self._consumer.held)
        running = list(self._executor.running.values())
        progress = {}
        for job in running:
            context = job.context
            if context is not None and context.progress != self._sent_progress.get(context.id, 0.0):
                progress[context.id] = context.progress
        state = self._snapshot()
        if 0 < self._memory_limit_bytes < state.memory_bytes:
            # Measured here because the heartbeat already does, once a beat: cheap and regular.
            # Before the call, so that a broker down does not delay it.
            self._hub.loop.run_callback_threadsafe(self._on_over_memory, state.memory_bytes)
        request = HeartbeatRequest(
            worker_id=self._worker_id,
            job_ids=job_ids,
            state=state,
            progress=[JobProgress(job_id=k, progress=v) for k, v in progress.items()],
        )
        response = self._stub.Heartbeat(request, timeout=max(self._interval_s, 5.0))
        asked = {c.job_id for c in response.controls if c.action == CONTROL_ACTION_DUMP_STACK}
        if asked:  # someone waits for these: answer at once, with a beat of its own
            request.ClearField("progress")
            request.inspections.extend(self._inspect(asked))
            extra = self._stub.Heartbeat(request, timeout=max(self._interval_s, 5.0))
            response.controls.extend(extra.controls)
            response.lost_job_ids.extend(extra.lost_job_ids)
        # Only now is the progress known to the broker; forget jobs that are gone.
        running_ids = {job.job.job_id for job in running}
        self._sent_progress = {k: v for k, v in self._sent_progress.items() if k in running_ids}
        self._sent_progress.update(progress)
        if response.lease_ttl_s:
            self._consumer.lease_ttl_s = response.lease_ttl_s
        if response.controls or response.lost_job_ids:
            # Run the reply's handling in the hub, between greenlets, never from this thread.
            self._hub.loop.run_callback_threadsafe(self._on_reply, response)

    def _inspect(self, job_ids: set[str]) -> list[JobInspection]:
        """The live state of the listed running jobs, read from this thread even while a job
        holds the CPU: a suspended greenlet keeps its top frame in ``gr_frame``; the greenlet on
        the CPU has none, and its stack is the main thread's current one."""
        on_cpu = sys._current_frames().get(self._main_thread_id)
        now = time.monotonic()
        inspections = []
        for running in list(self._executor.running.values()):
            if running.job.job_id not in job_ids or not running.began:
                continue
            greenlet = running.greenlet
            frame = greenlet.gr_frame if greenlet is not None and greenlet.gr_frame is not None else on_cpu
            inspection = JobInspection(
                job_id=running.job.job_id,
                elapsed_s=now - running.started_at,
                stack="".join(traceback.format_stack(frame)) if frame else "",
            )
            if running.trace is not None:
                inspection.cpu_s = running.trace.cpu_s
            inspections.append(inspection)
        return inspections

    def _snapshot(self) -> WorkerState:
        state = WorkerState()
        state.CopyFrom(self._state)
        state.status = self._status()
        state.done_jobs = self._consumer.done_jobs
        state.memory_bytes = self._process.memory_info().rss
        cpu = self._process.cpu_times()
        state.cpu_s = cpu.user + cpu.system
        return state
