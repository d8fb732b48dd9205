"""A dependency-free progress bar on stderr, for long client work such as big ``enqueue_many``."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 30


class ProgressBar:
    """Counts work done out of ``total`` and draws it on one line.

    On a terminal the line is redrawn in place at most ``interval_s`` apart; on anything else
    (a log file, a CI console) only the final line is written, so logs stay clean.

    Example:
        >>> bar = ProgressBar(10_000, label="enqueue")
        >>> bar.advance(5_000)
        >>> bar.close()
    """

    def __init__(self, total: int, *, label: str = "", stream: TextIO | None = None, interval_s: float = 0.1) -> None:
        self.total = total
        self.done = 0
        self._label = label
        self._stream = stream if stream is not None else sys.stderr
        self._interactive = self._stream.isatty()
        self._interval_s = interval_s
        self._started = time.monotonic()
        self._drawn_at = 0.0

    def advance(self, count: int) -> None:
        """Records ``count`` more units done, redrawing if it is time to."""
        self.done += count
        now = time.monotonic()
        if self._interactive and now - self._drawn_at >= self._interval_s:
            self._drawn_at = now
            self._stream.write("\r" + self.render(now))
            self._stream.flush()

    def close(self) -> None:
        """Draws the final state and ends the line."""
        prefix = "\r" if self._interactive else ""
        self._stream.write(prefix + self.render(time.monotonic()) + "\n")
        self._stream.flush()

    def render(self, now: float) -> str:
        """The bar as text, e.g. ``enqueue [#######-------] 50% 5000/10000 2410/s``."""
        ratio = self.done / self.total if self.total else 1.0
        filled = round(ratio * _WIDTH)
        elapsed_s = max(now - self._started, 1e-9)
        label = f"{self._label} " if self._label else ""
        return (
            f"{label}[{'#' * filled}{'-' * (_WIDTH - filled)}] {ratio:4.0%} "
            f"{self.done}/{self.total} {self.done / elapsed_s:.0f}/s"
        )
