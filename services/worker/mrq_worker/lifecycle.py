"""The worker's lifecycle: one enum and one transition function, instead of scattered booleans."""

from __future__ import annotations

import enum


class Lifecycle(enum.Enum):
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
_ALLOWED: dict[Lifecycle, frozenset[Lifecycle]] = {
    Lifecycle.STARTING: frozenset({Lifecycle.RUNNING, Lifecycle.STOPPING}),
    Lifecycle.RUNNING: frozenset({Lifecycle.QUIET, Lifecycle.STOPPING}),
    Lifecycle.QUIET: frozenset({Lifecycle.STOPPING}),
    Lifecycle.STOPPING: frozenset({Lifecycle.STOPPED}),
    Lifecycle.STOPPED: frozenset(),
}


def can_transition(current: Lifecycle, new: Lifecycle) -> bool:
    """Whether a worker in ``current`` may move to ``new``."""
    return new in _ALLOWED[current]
