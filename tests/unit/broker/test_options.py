"""Option resolution (resolve_options): a job's own options, then its task's TASKS entry, then its
queue's QUEUES_CONFIG entry (or its nearest parent's), then the broker's defaults; and every bad
option refused with the field named."""

from __future__ import annotations

from datetime import timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from job_factory import NOW, settings

from mrq.v1.job_pb2 import JobOptions
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.settings import BrokerSettings

TASK = "tasks.add"
# (option, TASKS/QUEUES_CONFIG key, broker default flag, JobOptions field)
DURATIONS = [
    ("timeout_s", "timeout_s", "default_timeout_s"),
    ("retry_delay_s", "retry_delay_s", "default_retry_delay_s"),
    ("result_ttl_s", "result_ttl_s", "default_result_ttl_s"),
]


def layered(key: str, flag: str, *, task: float | None, queue: float | None, parent: float | None) -> BrokerSettings:
    """Settings where the broker default is 1, the parent queue "q" says ``parent``, the queue
    "q/sub" says ``queue`` and the task says ``task`` (None: that layer leaves the key unset)."""
    tasks = {TASK: {key: task}} if task is not None else {}
    queues_config = {name: {key: value} for name, value in (("q", parent), ("q/sub", queue)) if value is not None}
    return settings(**{flag: 1.0}, tasks=tasks, queues_config=queues_config)


@pytest.mark.parametrize(("option", "key", "flag"), DURATIONS)
def test_each_layer_wins_over_the_ones_below(option: str, key: str, flag: str) -> None:
    options = JobOptions(queue="q/sub")
    cases = [
        (dict(task=None, queue=None, parent=None), 1.0),
        (dict(task=None, queue=None, parent=4.0), 4.0),
        (dict(task=None, queue=3.0, parent=4.0), 3.0),
        (dict(task=2.0, queue=3.0, parent=4.0), 2.0),
    ]
    for layers, expected in cases:
        resolved = resolve_options(TASK, options, layered(key, flag, **layers), NOW)  # type: ignore[arg-type]
        assert getattr(resolved, option) == expected, layers
    own = JobOptions(queue="q/sub", **{option: 9.0})
    assert getattr(resolve_options(TASK, own, layered(key, flag, task=2.0, queue=3.0, parent=4.0), NOW), option) == 9


def test_an_explicit_zero_is_the_jobs_own_choice_not_unset() -> None:
    config = settings(default_timeout_s=10.0, default_max_retries=5, tasks={TASK: {"timeout_s": 20, "max_retries": 6}})
    resolved = resolve_options(TASK, JobOptions(timeout_s=0, max_retries=0), config, NOW)
    assert (resolved.timeout_s, resolved.max_retries) == (0, 0)
    unset = resolve_options(TASK, JobOptions(), config, NOW)
    assert (unset.timeout_s, unset.max_retries) == (20, 6)


@pytest.mark.parametrize(("option", "key", "flag"), DURATIONS)
def test_the_old_key_names_still_set_the_same_option(option: str, key: str, flag: str) -> None:
    old = key.removesuffix("_s")
    config = settings(tasks={TASK: {old: 2.0}}, queues_config={"q": {old: 3.0}})
    assert getattr(resolve_options(TASK, JobOptions(), config, NOW), option) == 2.0
    assert getattr(resolve_options("tasks.other", JobOptions(queue="q"), config, NOW), option) == 3.0


def test_max_retries_and_priority_follow_the_same_layers() -> None:
    config = settings(default_max_retries=1, queues_config={"q": {"max_retries": 2, "priority": -5}})
    resolved = resolve_options(TASK, JobOptions(queue="q"), config, NOW)
    assert (resolved.max_retries, resolved.priority) == (2, -5)
    assert resolve_options(TASK, JobOptions(queue="q", priority=7), config, NOW).priority == 7
    assert resolve_options(TASK, JobOptions(queue="other"), config, NOW).max_retries == 1


def test_a_parent_queue_config_does_not_apply_to_a_sibling_with_the_same_prefix() -> None:
    config = settings(default_timeout_s=1.0, queues_config={"q": {"timeout_s": 5}})
    assert resolve_options(TASK, JobOptions(queue="q/a/b"), config, NOW).timeout_s == 5
    assert resolve_options(TASK, JobOptions(queue="qq"), config, NOW).timeout_s == 1


def test_the_queue_comes_from_the_job_then_the_task_then_the_default() -> None:
    config = settings(default_queue="fallback", tasks={TASK: {"queue": "math"}})
    assert resolve_options(TASK, JobOptions(queue="mine"), config, NOW).queue == "mine"
    assert resolve_options(TASK, JobOptions(), config, NOW).queue == "math"
    assert resolve_options("tasks.other", JobOptions(), config, NOW).queue == "fallback"


def test_a_delay_or_a_future_eta_makes_the_job_wait_and_a_past_eta_runs_it_now() -> None:
    assert resolve_options(TASK, JobOptions(delay_s=30), settings(), NOW).run_at == NOW + timedelta(seconds=30)
    future, past = Timestamp(), Timestamp()
    future.FromDatetime(NOW + timedelta(hours=1))
    past.FromDatetime(NOW - timedelta(hours=1))
    assert resolve_options(TASK, JobOptions(eta=future), settings(), NOW).run_at == NOW + timedelta(hours=1)
    assert resolve_options(TASK, JobOptions(eta=past), settings(), NOW).run_at is None


def test_a_task_marked_unique_makes_its_jobs_unique_and_limits_are_carried() -> None:
    config = settings(tasks={TASK: {"unique": True, "max_concurrency": 2}})
    resolved = resolve_options(TASK, JobOptions(), config, NOW)
    assert resolved.unique
    assert resolved.limit is not None and resolved.limit.max_concurrency == 2
    plain = resolve_options("tasks.other", JobOptions(), config, NOW)
    assert (plain.unique, plain.limit) == (False, None)
    assert resolve_options("tasks.other", JobOptions(unique=True), config, NOW).unique


def _eta(seconds: int, nanos: int = 0) -> Timestamp:
    return Timestamp(seconds=seconds, nanos=nanos)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        (JobOptions(queue="bad queue"), "options.queue"),
        (JobOptions(queue="x" * 201), "options.queue"),
        (JobOptions(queue="events_raw"), "options.queue"),
        (JobOptions(timeout_s=-1), "options.timeout_s"),
        (JobOptions(timeout_s=float("nan")), "options.timeout_s"),
        (JobOptions(retry_delay_s=-0.5), "options.retry_delay_s"),
        (JobOptions(result_ttl_s=float("inf")), "options.result_ttl_s"),
        (JobOptions(delay_s=11 * 365 * 86400.0), "options.delay_s"),
        (JobOptions(max_retries=-1), "options.max_retries"),
        (JobOptions(delay_s=5, eta=_eta(2_000_000_000)), "options.eta"),
        (JobOptions(eta=_eta(253_402_300_800)), "options.eta"),
        (JobOptions(eta=_eta(0, nanos=-1)), "options.eta"),
        (JobOptions(priority=1001), "options.priority"),
        (JobOptions(priority=-1001), "options.priority"),
        (JobOptions(dedupe_key="k" * 501), "options.dedupe_key"),
        (JobOptions(dedupe_key="tab\there"), "options.dedupe_key"),
    ],
)
def test_a_bad_option_is_refused_naming_its_field(options: JobOptions, field: str) -> None:
    with pytest.raises(InvalidField) as refused:
        resolve_options(TASK, options, settings(), NOW)
    assert refused.value.field == field


def test_the_limits_themselves_are_accepted() -> None:
    limits = JobOptions(priority=-1000, dedupe_key="k" * 500, timeout_s=10 * 365 * 86400.0, queue="q" * 200)
    resolved = resolve_options(TASK, limits, settings(), NOW)
    assert (resolved.priority, resolved.queue) == (-1000, "q" * 200)
