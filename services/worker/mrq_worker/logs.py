"""Job logs: what tasks log (through any logger) and print, shipped to the broker in batches.

* :class:`JobLogHandler` sits on the root logger. A record of a per-job logger
  ``mrq.job.<job id>`` (see :mod:`mrq_worker.executor`) goes to that job's log; any other
  record emitted in a greenlet running a job (``mrq.context.current_job`` set), by the task's
  own ``logging.getLogger(__name__)`` or by a library it calls, goes to that job's log too.
  Records pass the loggers' levels first, as for every other handler.
* :class:`JobStdout` replaces ``sys.stdout`` in the worker: a write from a greenlet running a
  job (``mrq.context.current_job`` set) goes to that job's log, whole lines at a time; anything
  else goes to the real stdout.
* :class:`LogShipper` buffers each job's text and sends every job's new text in one
  ``ShipLogs`` call every ``interval_s``, from a greenlet. It keeps at most ``max_bytes_per_job``
  of each job's text; past that it counts what it drops and, when the job ends, adds one
  ``[log truncated: N bytes dropped]`` line. :meth:`LogShipper.finish` ships a job's last text
  *before* its outcome is reported, so a follower that sees the job final has all of it.

One ``ShipLogs`` call at a time (a lock): the broker appends chunks in the order it receives
them. A failed call is retried on the next tick; shipping logs never blocks a job's outcome for
longer than ``SHIP_TIMEOUT_S``.

Limits: a task that burns CPU without yielding ships nothing until it yields (the loop is a
greenlet); a job stopped by the watchdog or whose lease was lost loses its unshipped lines.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import gevent
import grpc
from gevent.lock import Semaphore

from mrq.context import current_job
from mrq.v1.worker_service_pb2 import LogChunk, ShipLogsRequest
from mrq.v1.worker_service_pb2_grpc import WorkerServiceStub
from mrq_worker.connection import call_in_thread

logger = logging.getLogger(__name__)

SHIP_TIMEOUT_S = 5.0
LOG_FORMAT = "%(asctime)s %(levelname)s %(message)s"


class LogShipper:
    """Buffers job log text per job and ships it in batches (see the module docstring)."""

    def __init__(
        self,
        *,
        stub: WorkerServiceStub,
        worker_id: str,
        interval_s: float,
        max_bytes_per_job: int,
        running: Callable[[], Iterable[str]],
    ) -> None:
        self._stub = stub
        self._worker_id = worker_id
        self._interval_s = interval_s
        self._max_bytes = max_bytes_per_job
        self._running = running
        self._pending: dict[str, list[str]] = {}
        self._kept_bytes: dict[str, int] = {}
        self._dropped_bytes: dict[str, int] = {}
        self._partial: dict[str, str] = {}
        self._ship_lock = Semaphore()
        self._greenlet: gevent.Greenlet[..., None] | None = None

    def start(self) -> None:
        self._greenlet = gevent.spawn(self._loop)

    def stop(self) -> None:
        """Ships what is left (best effort) and stops the loop."""
        if self._greenlet is not None:
            # Under the lock, so the loop is killed between shipments, never mid-call with a
            # batch in hand.
            with self._ship_lock:
                self._greenlet.kill(block=True)
            self._greenlet = None
        self.ship()

    def write(self, job_id: str, text: str) -> None:
        """Adds whole lines of text to the job's log, within its byte cap."""
        size = len(text.encode("utf-8", "replace"))
        kept = self._kept_bytes.get(job_id, 0)
        if kept + size > self._max_bytes or self._dropped_bytes.get(job_id):
            # Once anything is dropped, everything after it is too: the log stays a prefix.
            self._dropped_bytes[job_id] = self._dropped_bytes.get(job_id, 0) + size
            return
        self._kept_bytes[job_id] = kept + size
        self._pending.setdefault(job_id, []).append(text)

    def write_partial(self, job_id: str, text: str) -> None:
        """Adds text that may end mid-line (stdout): whole lines are written, the rest kept."""
        text = self._partial.pop(job_id, "") + text
        head, newline, tail = text.rpartition("\n")
        if newline:
            self.write(job_id, head + newline)
        if tail:
            self._partial[job_id] = tail

    def finish(self, job_id: str) -> None:
        """The job ended: adds its truncation marker if any, then ships its last text now."""
        partial = self._partial.pop(job_id, "")
        if partial:
            self.write(job_id, partial + "\n")
        dropped = self._dropped_bytes.pop(job_id, 0)
        self._kept_bytes.pop(job_id, None)
        if dropped:
            self._pending.setdefault(job_id, []).append(f"[log truncated: {dropped} bytes dropped]\n")
        # Even with nothing pending: the periodic ship may be sending this job's text right now,
        # and ship() waits for it (or takes it back on failure) before the outcome is reported.
        self.ship()

    def ship(self) -> None:
        """Sends every job's pending text in one call; on failure keeps it for the next try."""
        with self._ship_lock:
            batch, self._pending = self._pending, {}
            if not batch:
                return
            request = ShipLogsRequest(
                worker_id=self._worker_id,
                chunks=[LogChunk(job_id=job_id, text="".join(texts)) for job_id, texts in batch.items()],
            )
            try:
                call_in_thread(self._stub.ShipLogs, request, timeout=SHIP_TIMEOUT_S)
            except grpc.RpcError as exc:
                logger.warning("could not ship the logs of %d jobs (will retry): %s", len(batch), exc)
                for job_id, texts in batch.items():
                    self._pending[job_id] = texts + self._pending.get(job_id, [])

    def _loop(self) -> None:
        while True:
            gevent.sleep(self._interval_s)
            try:
                self.ship()
            except Exception:  # the loop must outlive a bug in one tick
                logger.exception("log shipping failed unexpectedly")
            self._prune()

    def _prune(self) -> None:
        """Forgets the counters of jobs that stopped without :meth:`finish` (lost leases)."""
        running = set(self._running())
        for counters in (self._kept_bytes, self._dropped_bytes, self._partial):
            for job_id in [i for i in counters if i not in running]:
                del counters[job_id]


class JobLogHandler(logging.Handler):
    """Sends the records of the per-job loggers ``<prefix>.<job id>``, and every record emitted
    while a job runs in the current greenlet, to the shipper under that job's id."""

    def __init__(self, shipper: LogShipper, prefix: str) -> None:
        super().__init__()
        self._shipper = shipper
        self._prefix = prefix + "."
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(self._prefix):
            job_id = record.name[len(self._prefix) :].split(".", 1)[0]
        else:
            job = current_job.get()
            if job is None:
                return
            job_id = job.id
        try:
            self._shipper.write(job_id, self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - logging must never fail the task
            self.handleError(record)


class JobStdout:
    """A ``sys.stdout`` that sends what a job prints to the job's log (see the module docstring)."""

    def __init__(self, shipper: LogShipper, real: TextIO) -> None:
        self._shipper = shipper
        self.real = real

    def write(self, text: str) -> int:
        job = current_job.get()
        if job is None:
            return self.real.write(text)
        self._shipper.write_partial(job.id, text)
        return len(text)

    def flush(self) -> None:
        if current_job.get() is None:
            self.real.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def install(shipper: LogShipper, job_logger_name: str) -> Callable[[], None]:
    """Attaches the handler and the stdout proxy; returns the function that removes them."""
    handler = JobLogHandler(shipper, job_logger_name)
    # On the root, where the per-job loggers' records arrive too (they propagate), so each
    # record is shipped once.
    root = logging.getLogger()
    root.addHandler(handler)
    stdout = JobStdout(shipper, sys.stdout)
    sys.stdout = stdout

    def uninstall() -> None:
        root.removeHandler(handler)
        if sys.stdout is stdout:
            sys.stdout = stdout.real

    return uninstall
