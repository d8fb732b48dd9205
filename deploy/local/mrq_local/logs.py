"""Echoing the new lines of processes' log files to a terminal, each prefixed by its process."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from mrq_local.process import ManagedProcess


class LogFollower:
    """Prints what managed processes append to their logs, like ``tail -f`` on all of them.

    Log files are appended to across runs, so lines already there when the follower is created
    are skipped.

    Args:
        logs_dir: Directory of the log files that exist already.
        out: Where the lines go.
    """

    def __init__(self, logs_dir: Path, out: TextIO) -> None:
        self._out = out
        self._offsets = {path: path.stat().st_size for path in logs_dir.glob("*.log")}

    def pump(self, processes: Iterable[ManagedProcess]) -> None:
        """Prints every complete line the processes logged since the previous call."""
        processes = list(processes)
        width = max((len(process.name) for process in processes), default=0)
        for process in processes:
            for line in self._new_lines(process.log_path):
                self._out.write(f"{process.name:>{width}} | {line}\n")
        self._out.flush()

    def _new_lines(self, path: Path) -> list[str]:
        offset = self._offsets.get(path, 0)
        try:
            with path.open("rb") as log:
                log.seek(offset)
                chunk = log.read()
        except FileNotFoundError:
            return []
        complete = chunk[: chunk.rfind(b"\n") + 1]  # a partial last line waits for its end
        self._offsets[path] = offset + len(complete)
        return complete.decode(errors="replace").splitlines()
