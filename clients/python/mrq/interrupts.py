"""Control-flow interrupts raised inside a running job.

They derive from BaseException, not Exception, so that a task's ``except Exception:`` cannot
swallow a timeout, a cancel or a retry request.
"""

from __future__ import annotations


class JobInterrupt(BaseException):
    """Base class: the job stops now, with the status the subclass names."""


class RetryInterrupt(JobInterrupt):
    """Raised by ``retry_current_job``: requeue the job after ``delay_s``."""

    def __init__(self, delay_s: float | None = None, max_retries: int | None = None, queue: str | None = None) -> None:
        super().__init__(f"retry requested (delay_s={delay_s}, queue={queue})")
        self.delay_s = delay_s
        self.max_retries = max_retries
        self.queue = queue


class AbortInterrupt(JobInterrupt):
    """Raised by ``abort_current_job``: the job ends with status ``abort``."""


class JobTimeout(JobInterrupt):
    """The job ran past its timeout."""


class JobCancelled(JobInterrupt):
    """A user cancelled the job while it ran."""


class WorkerInterrupted(JobInterrupt):
    """The worker is shutting down hard; the job is requeued (status ``interrupt``)."""
