"""``--processes P``: P broker processes serving one address, so that the broker uses every core.

One broker process peaks at about one core (the GIL), and every worker process beyond that
queues up behind it. Brokers are stateless: Redis holds the queues and the leases, taken
compare-and-set, and MongoDB the records, so broker processes need nothing from each other, and
two of them never deliver one job twice outside a lease expiry (docs/architecture.md).

Each child is a fresh ``python -m mrq_broker`` with the same arguments, binding the same
host:port: gRPC servers set SO_REUSEPORT, so the kernel spreads new connections over the
children. A connection stays with its child: each worker process (or client) talks to one
broker process, so P broker processes need at least P worker processes to be busy.

The supervisor restarts a child that dies (after a growing delay while it keeps dying at
start-up), forwards SIGINT and SIGTERM to the children, and exits once they have all stopped.
It serves ``/metrics`` for them all: the children write their counters to files in a directory
it creates (prometheus-client's multiprocess mode, ``PROMETHEUS_MULTIPROC_DIR``), and it serves
their sums, with the queue gauges read from Redis, so one address shows one broker.
Children stay in its process group, so a launcher that kills the group stops them too; a child
whose supervisor is gone (SIGKILL) stops by itself (see :func:`watch_supervisor`). Signal
handlers only record the signal; the supervision loop acts on it.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType

from prometheus_client import CollectorRegistry, multiprocess

from mrq_broker.metrics import QueueCollector, serve
from mrq_broker.queueing.keys import Keys
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.server import connect_redis
from mrq_broker.settings import BrokerSettings

log = logging.getLogger(__name__)

SUPERVISOR_PID_ENV = "MRQ_BROKER_SUPERVISOR_PID"
MULTIPROC_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
#: Seconds between checks of the children (and, in a child, of its supervisor).
POLL_S = 0.2
#: A child that dies sooner than this after starting counts as crashing: restarts back off.
MIN_UPTIME_S = 10.0
MAX_RESTART_DELAY_S = 30.0


def process_count(settings: BrokerSettings) -> int:
    """The broker processes to run: ``--processes``, or one per core for 0."""
    return settings.processes or os.cpu_count() or 1


def supervisor_pid() -> int | None:
    """In a supervised child, the supervisor's pid; None when running on our own."""
    value = os.environ.get(SUPERVISOR_PID_ENV)
    return int(value) if value else None


def watch_supervisor(pid: int, on_gone: threading.Event) -> None:
    """Sets ``on_gone`` (from a daemon thread) once our parent is no longer ``pid``."""

    def watch() -> None:
        while os.getppid() == pid:
            time.sleep(POLL_S)
        log.warning("supervisor %d is gone; stopping", pid)
        on_gone.set()

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()


@dataclass
class _Child:
    """One supervised broker process slot."""

    index: int
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restart_at: float = 0.0
    crashes: int = 0

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


class Supervisor:
    """Runs :func:`process_count` broker processes until a signal stops them all."""

    def __init__(self, settings: BrokerSettings, argv: Sequence[str]) -> None:
        self._settings = settings
        self._count = process_count(settings)
        # The last --processes and --metrics-port given win: each child is one process, and
        # serves no metrics of its own.
        self._command = [sys.executable, "-m", "mrq_broker", *argv, "--processes", "1", "--metrics-port", "0"]
        self._received: list[int] = []

    def run(self) -> int:
        """Supervises until every child has exited after a stop signal; returns the exit code."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)
        children = [_Child(index) for index in range(self._count)]
        log.info("supervisor %d: running %d broker processes", os.getpid(), self._count)
        stop_metrics = self._serve_metrics()  # before the first child, which inherits its directory
        try:
            self._supervise(children)
        finally:
            stop_metrics()
        codes = [child.process.returncode for child in children if child.process is not None]
        log.info("supervisor %d done: broker exit codes %s", os.getpid(), codes)
        return 0 if all(code == 0 for code in codes) else 1

    def _serve_metrics(self) -> Callable[[], None]:
        """Serves the children's summed metrics and the queue gauges (unless --metrics-port is 0);
        returns the function that stops it."""
        if not self._settings.metrics_port:
            return lambda: None
        metrics_dir = tempfile.mkdtemp(prefix="mrq-broker-metrics-")
        os.environ[MULTIPROC_DIR_ENV] = metrics_dir
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=metrics_dir)
        registry.register(QueueCollector(RedisQueues(connect_redis(self._settings), Keys(self._settings.redis_prefix))))
        stop_server = serve(registry, self._settings.metrics_host, self._settings.metrics_port)

        def stop() -> None:
            if stop_server is not None:
                stop_server()
            shutil.rmtree(metrics_dir, ignore_errors=True)

        return stop

    def _supervise(self, children: list[_Child]) -> None:
        """Keeps the children running until a signal, then waits until they have all exited."""
        stopping = False
        while not stopping or any(child.alive() for child in children):
            while self._received:
                signum = self._received.pop(0)
                stopping = True
                for child in children:
                    if child.alive() and child.process is not None:
                        child.process.send_signal(signum)
            if not stopping:
                for child in children:
                    self._check(child)
            time.sleep(POLL_S)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._received.append(signum)

    def _check(self, child: _Child) -> None:
        """Starts the child if it is due, or schedules a restart if it just died."""
        now = time.monotonic()
        if child.alive():
            return
        if child.process is not None:
            uptime_s = now - child.started_at
            child.crashes = child.crashes + 1 if uptime_s < MIN_UPTIME_S else 0
            delay_s = min(MAX_RESTART_DELAY_S, 0.5 * 2**child.crashes) if child.crashes else 0.0
            log.warning(
                "broker process %d (slot %d) exited with code %s after %.1f s; restarting in %.1f s",
                child.process.pid,
                child.index,
                child.process.returncode,
                uptime_s,
                delay_s,
            )
            child.process = None
            child.restart_at = now + delay_s
        if now >= child.restart_at:
            child.process = subprocess.Popen(self._command, env={**os.environ, SUPERVISOR_PID_ENV: str(os.getpid())})
            child.started_at = now
            log.info("started broker process %d (slot %d)", child.process.pid, child.index)
