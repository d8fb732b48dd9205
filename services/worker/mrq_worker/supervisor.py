"""``--processes P``: start P worker processes, restart any that die, forward signals to them.

Each child is a fresh ``python -m mrq_worker`` with the same arguments, started in its own
process group so that a Ctrl-C in the terminal reaches the supervisor only (and is forwarded
once, rather than hitting every child as well and counting as a second, forcing SIGINT). The
env var :data:`SUPERVISOR_PID_ENV` tells a child to run one worker in-process, and which
process to watch: a child whose supervisor disappears (e.g. SIGKILL) stops gracefully.

A child that exits on its own is restarted: at once after a clean exit (0, e.g. ``--max-jobs``
or ``--max-time-s`` reached, so the limit recycles processes) or a recycle
(:data:`RECYCLE_EXIT_CODE`), with a growing delay after a crash; never after its settings were
refused (:data:`CONFIG_EXIT_CODE`): then every child is stopped, and the supervisor exits with it.
In burst mode a clean exit means no job is left: that child is finished, and the supervisor exits
once every child is.

Signal handlers only record the signal; the supervision loop acts on it.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType

import gevent

from mrq_worker.metrics import SupervisorMetrics
from mrq_worker.settings import WorkerSettings

logger = logging.getLogger(__name__)

SUPERVISOR_PID_ENV = "MRQ_WORKER_SUPERVISOR_PID"
#: Seconds between checks of the children.
POLL_S = 0.2
#: A child that dies sooner than this after starting counts as crashing: restarts back off.
MIN_UPTIME_S = 10.0
MAX_RESTART_DELAY_S = 30.0
#: A worker process's exit code when it ends itself to be replaced: to stop a job stuck past its
#: timeout (see mrq_worker.watchdog), or above --max-memory-mb. It is restarted at once, without
#: counting as a crash.
RECYCLE_EXIT_CODE = 75
#: A worker process's exit code when the broker refuses its settings (sysexits' EX_CONFIG): a
#: fresh process would be refused too, so the supervisor stops every process and exits with it.
CONFIG_EXIT_CODE = 78


@dataclass
class Child:
    """One supervised worker process slot."""

    index: int
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restart_at: float = 0.0
    crashes: int = 0
    #: Exited cleanly in burst mode: not restarted.
    finished: bool = False

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


class Supervisor:
    """Runs ``settings.processes`` children until a signal stops them all."""

    def __init__(self, settings: WorkerSettings, argv: Sequence[str]) -> None:
        self._processes = settings.processes
        self._command = [sys.executable, "-m", "mrq_worker", *argv]
        self._burst = settings.dequeue_strategy == "burst"
        self._received: list[int] = []
        self._stop_signal: int | None = None
        self._refused = False
        self._metrics = SupervisorMetrics(settings.metrics_host, settings.metrics_port)

    def run(self) -> int:
        """Supervises until every child has exited after a stop signal; returns the exit code."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)
        children = [Child(index) for index in range(self._processes)]
        logger.info("supervisor %d: running %d worker processes", os.getpid(), self._processes)
        self._metrics.start()  # before the children, which inherit its directory
        try:
            while (self._stop_signal is None and not all(child.finished for child in children)) or any(
                child.alive() for child in children
            ):
                self._forward_signals(children)
                if self._stop_signal is None:
                    for child in children:
                        self._check(child)
                time.sleep(POLL_S)
        finally:
            self._metrics.stop()
        codes = [child.process.returncode for child in children if child.process is not None]
        logger.info("supervisor %d done: worker exit codes %s", os.getpid(), codes)
        if self._refused:
            return CONFIG_EXIT_CODE
        return 0 if all(code == 0 for code in codes) else 1

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._received.append(signum)

    def _forward_signals(self, children: list[Child]) -> None:
        while self._received:
            signum = self._received.pop(0)
            if self._stop_signal is None:
                self._stop_signal = signum
            logger.info("supervisor: got %s, forwarding to workers", signal.Signals(signum).name)
            for child in children:
                if child.alive():
                    assert child.process is not None
                    child.process.send_signal(signum)

    def _check(self, child: Child) -> None:
        """Starts the child if it is due, or schedules a restart if it just died."""
        now = time.monotonic()
        if child.alive() or child.finished:
            return
        if child.process is not None:
            uptime_s = now - child.started_at
            if child.process.returncode == CONFIG_EXIT_CODE:
                logger.critical(
                    "worker process %d (slot %d): the broker refuses its settings; stopping every worker process",
                    child.process.pid,
                    child.index,
                )
                child.finished = True
                self._refused = True
                self._received.append(signal.SIGTERM)
                return
            if self._burst and child.process.returncode == 0:
                logger.info("worker process %d (slot %d) found no job left", child.process.pid, child.index)
                self._metrics.process_dead(child.process.pid)
                child.finished = True
                return
            planned = child.process.returncode in (0, RECYCLE_EXIT_CODE)
            child.crashes = child.crashes + 1 if uptime_s < MIN_UPTIME_S and not planned else 0
            delay_s = min(MAX_RESTART_DELAY_S, 0.5 * 2**child.crashes) if child.crashes else 0.0
            logger.warning(
                "worker process %d (slot %d) exited with code %s after %.1f s; restarting in %.1f s",
                child.process.pid,
                child.index,
                child.process.returncode,
                uptime_s,
                delay_s,
            )
            self._metrics.process_dead(child.process.pid)
            child.process = None
            child.restart_at = now + delay_s
        if now >= child.restart_at:
            env = {**os.environ, SUPERVISOR_PID_ENV: str(os.getpid())}
            child.process = subprocess.Popen(self._command, env=env, process_group=0)
            child.started_at = now
            logger.info("started worker process %d (slot %d)", child.process.pid, child.index)


def supervisor_pid() -> int | None:
    """In a supervised child, the supervisor's pid; None when running on our own."""
    value = os.environ.get(SUPERVISOR_PID_ENV)
    return int(value) if value else None


def watch_supervisor(pid: int, on_gone: Callable[[], None]) -> gevent.Greenlet[..., None]:
    """Spawns a greenlet calling ``on_gone()`` once our parent is no longer ``pid``."""

    def watch() -> None:
        while os.getppid() == pid:
            gevent.sleep(1.0)
        logger.warning("supervisor %d is gone; stopping", pid)
        on_gone()

    return gevent.spawn(watch)
