"""Automatic retries: which exceptions match a task's policy, the delays, and config errors."""

from __future__ import annotations

import json
import random

import pytest

from mrq.config import settings_from
from mrq.errors import ConfigError
from mrq.interrupts import JobTimeout, RetryInterrupt
from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import LeasedJob
from mrq_worker.outcome import classify
from mrq_worker.retries import RetryPolicy, retry_policies
from mrq_worker.settings import WorkerSettings


class TransientError(Exception):
    pass


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - the test wants it whatever it is
        return caught


def _retry() -> None:
    raise RetryInterrupt(delay_s=1)


def test_policy_matches_builtin_and_qualified_names_and_subclasses() -> None:
    policy = RetryPolicy(frozenset({"ConnectionError", f"{__name__}.TransientError"}))

    assert policy.matches(ConnectionRefusedError())  # a subclass of ConnectionError
    assert policy.matches(TransientError())
    assert not policy.matches(ValueError())


def test_delays_fixed_and_exponential_with_jitter() -> None:
    job = LeasedJob(retry_count=3, retry_delay_s=2)
    rng = random.Random(1)

    assert RetryPolicy(frozenset(), "fixed").delay_s(job) == 2
    delays = [RetryPolicy(frozenset(), "exponential").delay_s(job, rng) for _ in range(200)]
    assert all(16 * 0.8 <= delay <= 16 * 1.2 for delay in delays) and len(set(delays)) > 1


def test_classify_turns_a_matching_failure_into_a_retry() -> None:
    policy = RetryPolicy(frozenset({"ConnectionError"}), "fixed")
    job = LeasedJob(retry_count=0, retry_delay_s=5)

    retried = classify(_raised(ConnectionError("down")), job, policy)
    failed = classify(_raised(ValueError("bad")), job, policy)
    timed_out = classify(_raised(JobTimeout("late")), job, RetryPolicy(frozenset({"BaseException"})))

    assert (retried.status, retried.retry_delay_s, retried.exception_type) == (
        job_pb2.JOB_STATUS_RETRY,
        5,
        "builtins.ConnectionError",
    )
    assert failed.status == job_pb2.JOB_STATUS_FAILED
    assert timed_out.status == job_pb2.JOB_STATUS_TIMEOUT


def test_classify_a_retry_inside_except_reports_the_original() -> None:
    try:
        try:
            raise KeyError("k")
        except KeyError:
            _retry()  # as retry_current_job does: the KeyError becomes the retry's context
    except RetryInterrupt as exc:
        outcome = classify(exc)

    assert (outcome.status, outcome.exception_type, outcome.error) == (
        job_pb2.JOB_STATUS_RETRY,
        "builtins.KeyError",
        "'k'",
    )
    assert "KeyError: 'k'" in outcome.traceback and "RetryInterrupt" in outcome.traceback


@pytest.mark.parametrize(
    "entry",
    [{"retry_on": "ConnectionError"}, {"retry_on": [1]}, {"retry_on": ["ConnectionError"], "retry_backoff": "linear"}],
)
def test_malformed_retry_settings_are_config_errors(entry: dict) -> None:
    with pytest.raises(ConfigError, match="tasks"):
        settings_from(WorkerSettings, environ={"MRQ_TASKS": json.dumps({"tasks.x": entry})})


def test_tasks_come_from_the_shared_config_name() -> None:
    settings = settings_from(WorkerSettings, environ={"MRQ_TASKS": '{"tasks.x": {"retry_on": ["OSError"]}}'})

    assert retry_policies(settings.tasks) == {"tasks.x": RetryPolicy(frozenset({"OSError"}))}
    assert WorkerSettings.file_name("tasks") == "TASKS"
