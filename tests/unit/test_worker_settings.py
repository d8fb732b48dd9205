"""Worker settings from flags and env: list items comma-separated or as words, and the strategy."""

from __future__ import annotations

import pytest

from mrq.config import parse_settings, settings_from
from mrq.errors import ConfigError
from mrq_worker.settings import WorkerSettings


def parse(*argv: str) -> WorkerSettings:
    return parse_settings(WorkerSettings, list(argv), prog="mrq-worker", description="", positional="queues")


def test_list_flags_take_comma_separated_items_and_words() -> None:
    settings = parse("high,low", "--task-whitelist", "tasks.a,tasks.b", "tasks.c", "--task-blacklist", "tasks.d")

    assert settings.task_whitelist == ["tasks.a", "tasks.b", "tasks.c"]
    assert settings.task_blacklist == ["tasks.d"]
    assert settings.queues == ["high", "low"]


def test_list_env_vars_are_comma_separated() -> None:
    settings = settings_from(WorkerSettings, environ={"MRQ_WORKER_TASK_BLACKLIST": "tasks.a, tasks.b"})

    assert settings.task_blacklist == ["tasks.a", "tasks.b"]


def test_an_unknown_dequeue_strategy_is_rejected_with_the_choices() -> None:
    with pytest.raises(ConfigError, match="must be one of sequential, parallel, burst, not 'fifo'"):
        settings_from(WorkerSettings, flags={"dequeue_strategy": "fifo"})


def test_task_packages_default_to_tasks_and_come_from_flags_and_env() -> None:
    assert parse("default").task_packages == ["tasks"]
    assert parse("--task-packages=tasks,myapp.jobs", "default").task_packages == ["tasks", "myapp.jobs"]
    from_env = settings_from(WorkerSettings, environ={"MRQ_WORKER_TASK_PACKAGES": "bench_tasks"})
    assert from_env.task_packages == ["bench_tasks"]
