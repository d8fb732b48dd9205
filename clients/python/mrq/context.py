"""The API task code uses while it runs: the current job, its logger, progress, retry, abort.

The worker (or ``mrq run``) sets :data:`current_job` around each job. It is a ContextVar, which
gevent keeps per greenlet, so concurrent jobs in one process each see their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from mrq.interrupts import AbortInterrupt, RetryInterrupt
from mrq.queues import check_queue_name


@dataclass
class JobContext:
    """A running job, as seen from inside its task."""

    id: str
    task: str
    params: Any
    queue: str
    retry_count: int = 0
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("mrq.job"))
    progress: float = 0.0

    def set_progress(self, ratio: float) -> None:
        """Records progress (0.0 to 1.0); the worker ships it with its next heartbeat."""
        self.progress = min(1.0, max(0.0, float(ratio)))


T = TypeVar("T")
R = TypeVar("R")

current_job: ContextVar[JobContext | None] = ContextVar("mrq_current_job", default=None)


def get_current_job() -> JobContext | None:
    """The job running in this greenlet, or None outside a job."""
    return current_job.get()


def _require_job() -> JobContext:
    job = current_job.get()
    if job is None:
        raise RuntimeError("no MRQ job is running in this context")
    return job


def set_current_job_progress(ratio: float) -> None:
    """Sets the current job's progress, 0.0 to 1.0."""
    _require_job().set_progress(ratio)


def get_logger() -> logging.Logger:
    """The current job's logger: what it logs is stored with the job."""
    return _require_job().logger


def retry_current_job(delay: float | None = None, max_retries: int | None = None, queue: str | None = None) -> None:
    """Stops the current job and queues it again after ``delay`` seconds.

    Past ``max_retries`` retries the job ends ``maxretries`` instead. A ``delay`` that is not a
    non-negative number, or a ``queue`` the broker would refuse, raises ValueError here, so the
    job fails with it rather than its report being refused.
    """
    _require_job()
    if delay is not None and not 0 <= delay < float("inf"):
        raise ValueError(f"retry delay must be a number of seconds >= 0, not {delay!r}")
    if queue:
        check_queue_name(queue)
    raise RetryInterrupt(delay_s=delay, max_retries=max_retries, queue=queue)


def abort_current_job() -> None:
    """Stops the current job for good, with status ``abort``."""
    _require_job()
    raise AbortInterrupt("job aborted by its task")


def subpool_map(pool_size: int, func: Callable[[T], R], iterable: Iterable[T]) -> list[R]:
    """Maps ``func`` over ``iterable`` with up to ``pool_size`` greenlets, returning results in order.

    For IO-bound fan-out inside a task. If the job stops (timeout, cancel, worker shutdown) or one
    call raises, every sub-greenlet is killed before the exception propagates, so none outlives
    its job. Outside a gevent worker (``mrq run``) the calls run one after the other.
    """
    items = list(iterable)
    try:
        from gevent.pool import Pool  # imported here: the client alone must not need gevent
    except ImportError:
        return [func(item) for item in items]
    pool = Pool(pool_size)
    try:
        return list(pool.imap(func, items))
    finally:
        pool.kill()
