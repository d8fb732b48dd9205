"""Automatic retries: which exceptions a task retries on, and how long it waits (``TASKS``).

    TASKS = {"tasks.fetch": {"retry_on": ["ConnectionError", "myapp.errors.Transient"],
                             "retry_backoff": "exponential", "max_retries": 5, "retry_delay_s": 2}}

The numbers live with the broker: it applies ``max_retries`` and ``retry_delay_s`` from the same
entry to each job at enqueue (the job's own options win), and ends a job ``maxretries`` once its
retries are spent. The decision lives here, in the worker, which sees the exception: a task that
raises one of its ``retry_on`` exceptions (or a subclass) reports RETRY instead of FAILED, after
the job's retry delay (``fixed``, the default) or that delay times ``2 ** retry_count``, ±20 %
jitter (``exponential``). A bare name (``ConnectionError``) means a builtin; others are
``module.QualifiedName``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mrq.v1.worker_service_pb2 import LeasedJob

BACKOFFS = ("fixed", "exponential")
#: Exponential delays vary by up to this fraction either way, so retries of a burst of jobs
#: that failed together spread out.
JITTER = 0.2
MAX_RETRY_DELAY_S = 86400.0


@dataclass(frozen=True)
class RetryPolicy:
    """A task's automatic retries: the exception names that trigger one, and the backoff."""

    retry_on: frozenset[str]
    backoff: str = "fixed"

    def matches(self, exc: BaseException) -> bool:
        """Whether ``exc`` is an instance of one of the ``retry_on`` classes."""
        return any(name in self.retry_on for cls in type(exc).__mro__ for name in _names(cls))

    def delay_s(self, job: LeasedJob, rng: random.Random | None = None) -> float:
        """Seconds before the next attempt of ``job``, which has been retried ``retry_count`` times."""
        if self.backoff == "fixed":
            return job.retry_delay_s
        delay_s = job.retry_delay_s * 2.0 ** min(job.retry_count, 32)
        return min(MAX_RETRY_DELAY_S, delay_s * (rng or random).uniform(1 - JITTER, 1 + JITTER))


def _names(cls: type) -> tuple[str, ...]:
    qualified = f"{cls.__module__}.{cls.__qualname__}"
    return (qualified, cls.__qualname__) if cls.__module__ == "builtins" else (qualified,)


def retry_policies(tasks: Mapping[str, Mapping[str, Any]]) -> dict[str, RetryPolicy]:
    """The policies of the tasks in a ``TASKS`` table that set ``retry_on``.

    Raises:
        ValueError: an entry's ``retry_on`` or ``retry_backoff`` is malformed; the message names it.
    """
    policies = {}
    for task, entry in tasks.items():
        retry_on = entry.get("retry_on")
        backoff = entry.get("retry_backoff", "fixed")
        if backoff not in BACKOFFS:
            raise ValueError(f"TASKS[{task!r}].retry_backoff: {backoff!r} is not one of {', '.join(BACKOFFS)}")
        if retry_on is None:
            continue
        if isinstance(retry_on, str) or not all(isinstance(name, str) and name for name in retry_on):
            raise ValueError(
                f"TASKS[{task!r}].retry_on: expected a list of exception names, e.g. "
                f"['ConnectionError', 'myapp.errors.Transient'], not {retry_on!r}"
            )
        policies[task] = RetryPolicy(frozenset(retry_on), backoff)
    return policies
