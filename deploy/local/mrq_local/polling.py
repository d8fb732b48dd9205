"""Waiting for a condition by polling it until a deadline: the only way this package waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(predicate: Callable[[], T], timeout_s: float, interval_s: float = 0.02, *, what: str = "") -> T:
    """Calls ``predicate`` until it returns something truthy, and returns that.

    Exceptions raised by ``predicate`` propagate at once, so a check can give up early (for
    example when the process it waits for has exited).

    Args:
        predicate: The condition; polled at once, then every ``interval_s`` seconds.
        timeout_s: How long to keep polling.
        interval_s: Pause between two polls.
        what: Describes the condition in the timeout message.

    Raises:
        TimeoutError: ``predicate`` was still falsy after ``timeout_s`` seconds.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        result = predicate()
        if result:
            return result
        remaining_s = deadline - time.monotonic()
        if remaining_s <= 0:
            raise TimeoutError(f"timed out after {timeout_s:g}s waiting for {what or predicate!r}")
        time.sleep(min(interval_s, remaining_s))
