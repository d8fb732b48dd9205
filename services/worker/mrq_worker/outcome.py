"""Turns how a job ended into the fields of its ``JobOutcome``: the one place that decides status.

Persisting the outcome (the consumer's report batches) and scheduling retries (the broker) live
elsewhere; this module only classifies.
"""

from __future__ import annotations

import traceback
from types import TracebackType

from gevent import GreenletExit

from mrq.interrupts import AbortInterrupt, JobCancelled, JobTimeout, RetryInterrupt, WorkerInterrupted
from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import JobOutcome, LeasedJob
from mrq_worker.retries import RetryPolicy

# First match wins. GreenletExit is what a plain ``greenlet.kill()`` raises: treat it like a
# worker interrupt so the broker requeues the job rather than failing it.
_STATUS_BY_EXCEPTION: tuple[tuple[type[BaseException], job_pb2.JobStatus], ...] = (
    (RetryInterrupt, job_pb2.JOB_STATUS_RETRY),
    (AbortInterrupt, job_pb2.JOB_STATUS_ABORT),
    (JobTimeout, job_pb2.JOB_STATUS_TIMEOUT),
    (JobCancelled, job_pb2.JOB_STATUS_CANCEL),
    (WorkerInterrupted, job_pb2.JOB_STATUS_INTERRUPT),
    (GreenletExit, job_pb2.JOB_STATUS_INTERRUPT),
)


def qualified_name(exc_type: type[BaseException]) -> str:
    """``builtins.ValueError``, ``mrq.errors.TaskNotFound``..."""
    return f"{exc_type.__module__}.{exc_type.__qualname__}"


def _user_frames(tb: TracebackType | None) -> TracebackType | None:
    """Skips the worker's own frames at the top of a traceback, so it starts at the task."""
    while (
        tb is not None
        and tb.tb_next is not None
        and tb.tb_frame.f_globals.get("__name__", "").startswith("mrq_worker.")
    ):
        tb = tb.tb_next
    return tb


def _original(exc: BaseException) -> BaseException | None:
    """For a retry or abort raised while handling another exception, that exception."""
    if not isinstance(exc, RetryInterrupt | AbortInterrupt):
        return None
    return exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def classify(exc: BaseException, job: LeasedJob | None = None, policy: RetryPolicy | None = None) -> JobOutcome:
    """The outcome of a job that raised ``exc``: status, exception fields and retry options.

    Anything that is not one of the control-flow interrupts in :mod:`mrq.interrupts` is a
    ``FAILED`` job, unless the task's retry ``policy`` matches it: then it is a ``RETRY`` after
    the policy's delay for ``job``. A retry or abort raised inside an ``except`` reports the
    exception it was handling (type, message, and the whole chain in the traceback). The caller
    fills in ``job_id``, ``lease_token`` and ``duration_s``.

    Args:
        exc: the exception the task raised (or that was thrown into its greenlet).
        job: the job that raised it, for its retry count and delay.
        policy: the task's automatic retries (see :mod:`mrq_worker.retries`), if any.

    Returns:
        A ``JobOutcome`` with ``status``, ``exception_type``, ``error``, ``traceback`` and, for
        ``RETRY``, the retry options the task asked for.
    """
    status = next((s for cls, s in _STATUS_BY_EXCEPTION if isinstance(exc, cls)), job_pb2.JOB_STATUS_FAILED)
    shown = _original(exc) or exc
    outcome = JobOutcome(
        status=status,
        exception_type=qualified_name(type(shown)),
        error=str(shown),
        traceback="".join(traceback.format_exception(type(exc), exc, _user_frames(exc.__traceback__))),
    )
    if status == job_pb2.JOB_STATUS_FAILED and policy is not None and job is not None and policy.matches(exc):
        outcome.status = job_pb2.JOB_STATUS_RETRY
        outcome.retry_delay_s = policy.delay_s(job)
    if isinstance(exc, RetryInterrupt):
        if exc.delay_s is not None:
            outcome.retry_delay_s = float(exc.delay_s)
        if exc.max_retries is not None:
            outcome.max_retries = int(exc.max_retries)
        outcome.retry_queue = exc.queue or ""
    return outcome
