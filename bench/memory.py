"""Resident memory of a worker, read from /proc: all the processes of its process group.

Every service the launcher starts leads a process group of its own, so a worker's group holds
its supervisor and the processes it forks (MRQ's --processes, Celery's prefork pool,
Dramatiq's worker process), and nothing else.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
SAMPLE_INTERVAL_S = 0.1


def group_rss_mb(pgid: int) -> float:
    """Summed VmRSS of the live processes in process group ``pgid``, in MiB."""
    total_kb = 0
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            # The command name, in parentheses, may hold spaces: fields are counted after it.
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) != pgid:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):  # exited while we read it
            continue
        total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total_kb / 1024


class PeakRss:
    """Samples a process group's RSS on a thread while in the ``with`` block; ``peak_mb`` after."""

    def __init__(self, pgid: int) -> None:
        self.pgid = pgid
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-rss", daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, group_rss_mb(self.pgid))
            self._stop.wait(SAMPLE_INTERVAL_S)
