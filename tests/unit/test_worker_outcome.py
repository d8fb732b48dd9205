"""The outcome classifier: one exception in, the right JobOutcome fields out."""

from __future__ import annotations

import pytest
from gevent import GreenletExit

from mrq.errors import TaskNotFound
from mrq.interrupts import AbortInterrupt, JobCancelled, JobTimeout, RetryInterrupt, WorkerInterrupted
from mrq.v1 import job_pb2
from mrq_worker.lifecycle import Lifecycle, can_transition
from mrq_worker.outcome import classify


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - the test wants it whatever it is
        return caught


@pytest.mark.parametrize(
    ("exc", "status", "exception_type"),
    [
        (ValueError("boom"), job_pb2.JOB_STATUS_FAILED, "builtins.ValueError"),
        (TaskNotFound("no such task"), job_pb2.JOB_STATUS_FAILED, "mrq.errors.TaskNotFound"),
        (SystemExit(3), job_pb2.JOB_STATUS_FAILED, "builtins.SystemExit"),
        (AbortInterrupt("stop"), job_pb2.JOB_STATUS_ABORT, "mrq.interrupts.AbortInterrupt"),
        (JobTimeout("late"), job_pb2.JOB_STATUS_TIMEOUT, "mrq.interrupts.JobTimeout"),
        (JobCancelled("bye"), job_pb2.JOB_STATUS_CANCEL, "mrq.interrupts.JobCancelled"),
        (WorkerInterrupted("stopping"), job_pb2.JOB_STATUS_INTERRUPT, "mrq.interrupts.WorkerInterrupted"),
        (GreenletExit(), job_pb2.JOB_STATUS_INTERRUPT, "greenlet.GreenletExit"),
    ],
)
def test_classify_status_and_type(exc: BaseException, status: int, exception_type: str) -> None:
    outcome = classify(_raised(exc))

    assert outcome.status == status
    assert outcome.exception_type == exception_type
    assert outcome.error == str(exc)
    assert type(exc).__name__ in outcome.traceback


def test_classify_retry_carries_options() -> None:
    outcome = classify(_raised(RetryInterrupt(delay_s=3, max_retries=7, queue="other")))

    assert outcome.status == job_pb2.JOB_STATUS_RETRY
    assert outcome.retry_delay_s == 3.0
    assert outcome.max_retries == 7
    assert outcome.retry_queue == "other"


def test_classify_retry_leaves_unset_options_unset() -> None:
    outcome = classify(_raised(RetryInterrupt()))

    assert not outcome.HasField("retry_delay_s")
    assert not outcome.HasField("max_retries")
    assert outcome.retry_queue == ""


def test_state_moves_forward_only() -> None:
    assert can_transition(Lifecycle.RUNNING, Lifecycle.QUIET)
    assert can_transition(Lifecycle.RUNNING, Lifecycle.STOPPING)
    assert not can_transition(Lifecycle.QUIET, Lifecycle.RUNNING)
    assert not can_transition(Lifecycle.STOPPED, Lifecycle.RUNNING)
