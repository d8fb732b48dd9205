"""The worker's lifecycle: one enum and one transition function, instead of scattered booleans."""

from __future__ import annotations

import enum


class WorkerState(enum.Enum):
    """Where a worker process is in its life. The value is what heartbeats report."""

    STARTING = "starting"
    #: Leasing and running jobs.
    RUNNING = "running"
    #: Draining: no new leases, running jobs finish (first SIGINT, a SHUTDOWN control, or a limit:
    #: burst found no job left, --max-jobs, --max-time-s, --max-memory-mb).
    QUIET = "quiet"
    #: Running jobs are interrupted, outcomes flushed, heartbeats stop last.
    STOPPING = "stopping"
    STOPPED = "stopped"


# Forward-only. QUIET can be skipped (SIGTERM goes straight to STOPPING), and a worker that
# fails while starting goes straight to STOPPING too.
_ALLOWED: dict[WorkerState, frozenset[WorkerState]] = {
    WorkerState.STARTING: frozenset({WorkerState.RUNNING, WorkerState.STOPPING}),
    WorkerState.RUNNING: frozenset({WorkerState.QUIET, WorkerState.STOPPING}),
    WorkerState.QUIET: frozenset({WorkerState.STOPPING}),
    WorkerState.STOPPING: frozenset({WorkerState.STOPPED}),
    WorkerState.STOPPED: frozenset(),
}


def can_transition(current: WorkerState, new: WorkerState) -> bool:
    """Whether a worker in ``current`` may move to ``new``."""
    return new in _ALLOWED[current]
