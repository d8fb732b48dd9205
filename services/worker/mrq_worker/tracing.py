"""Opt-in measurements of each job, stored with its outcome: CPU time and switches per greenlet
(``--trace-greenlets``), a cProfile summary (``--profile``) and the memory it kept
(``--trace-memory``).

Greenlets share one OS thread, so per-job CPU time can't be read from the OS: a
``greenlet.settrace`` callback charges the thread's CPU time between two switches to the job whose
greenlet was running. The same callback turns a job's profiler on when its greenlet is switched
in and off when it is switched out, so concurrent jobs don't profile each other. Only the job's
own greenlet is measured, not sub-greenlets it spawns. tracemalloc is process-wide, so memory
tracing needs ``--greenlets 1`` (checked by the settings).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
import tracemalloc
from typing import Any

import greenlet

from mrq.v1.worker_service_pb2 import JobOutcome

PROFILE_LINES = 30
MEMORY_TOP_LINES = 10


class JobTrace:
    """What is measured of one running job."""

    __slots__ = ("cpu_s", "memory_before", "profiler", "switches")

    def __init__(self) -> None:
        self.cpu_s = 0.0
        self.switches = 0
        self.profiler: cProfile.Profile | None = None
        self.memory_before: tracemalloc.Snapshot | None = None


class Tracer:
    """Measures jobs run in greenlets of the thread that created it (the worker's main thread)."""

    def __init__(self, *, greenlets: bool = False, profile: bool = False, memory: bool = False) -> None:
        self._greenlets = greenlets
        self._profile = profile
        self._memory = memory
        self._traces: dict[Any, JobTrace] = {}
        self._last_cpu_s = time.thread_time()
        if greenlets or profile:
            greenlet.settrace(self._on_switch)
        if memory and not tracemalloc.is_tracing():
            tracemalloc.start()

    @property
    def enabled(self) -> bool:
        """Whether anything is measured."""
        return self._greenlets or self._profile or self._memory

    def _on_switch(self, event: str, args: tuple[Any, Any]) -> None:
        if event not in ("switch", "throw"):
            return
        origin, target = args
        now = time.thread_time()
        left = self._traces.get(origin)
        if left is not None:
            left.cpu_s += now - self._last_cpu_s
            if left.profiler is not None:
                left.profiler.disable()
        entered = self._traces.get(target)
        if entered is not None:
            entered.switches += 1
            if entered.profiler is not None:
                entered.profiler.enable()
        self._last_cpu_s = now

    def begin(self) -> JobTrace:
        """Starts measuring the job running in the current greenlet."""
        trace = JobTrace()
        trace.switches = 1  # it is running: the switch into it came before it could be registered
        if self._memory:
            trace.memory_before = tracemalloc.take_snapshot()
        self._traces[greenlet.getcurrent()] = trace
        self._last_cpu_s = time.thread_time()
        if self._profile:
            trace.profiler = cProfile.Profile()
            trace.profiler.enable()
        return trace

    def end(self, trace: JobTrace, outcome: JobOutcome) -> None:
        """Stops measuring the current greenlet's job and writes what was measured to ``outcome``."""
        if trace.profiler is not None:
            trace.profiler.disable()
        now = time.thread_time()
        trace.cpu_s += now - self._last_cpu_s
        self._last_cpu_s = now
        self._traces.pop(greenlet.getcurrent(), None)
        if self._greenlets:
            outcome.cpu_s = trace.cpu_s
            outcome.switches = trace.switches
        if trace.profiler is not None:
            outcome.profile = profile_summary(trace.profiler)
        if trace.memory_before is not None:
            outcome.memory_diff_bytes, outcome.memory_top = memory_diff(trace.memory_before)


def profile_summary(profiler: cProfile.Profile, lines: int = PROFILE_LINES) -> str:
    """The top ``lines`` functions of a profile by cumulative time, as pstats prints them."""
    out = io.StringIO()
    try:
        pstats.Stats(profiler, stream=out).sort_stats(pstats.SortKey.CUMULATIVE).print_stats(lines)
    except TypeError:  # no calls were recorded
        return ""
    return out.getvalue().strip()


def memory_diff(before: tracemalloc.Snapshot, lines: int = MEMORY_TOP_LINES) -> tuple[int, str]:
    """Bytes allocated since ``before`` and still held, and the largest differences by line."""
    filters = (tracemalloc.Filter(False, tracemalloc.__file__),)
    after = tracemalloc.take_snapshot().filter_traces(filters)
    stats = after.compare_to(before.filter_traces(filters), "lineno")
    total = sum(stat.size_diff for stat in stats)
    top = "\n".join(str(stat) for stat in stats[:lines] if stat.size_diff)
    return total, top
