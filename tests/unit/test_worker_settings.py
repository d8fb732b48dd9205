"""Worker settings from flags and env: list items comma-separated, and the strategy."""

from __future__ import annotations

import pytest

from mrq.config import parse_settings, settings_from
from mrq.errors import ConfigError
from mrq_worker.settings import WorkerSettings


def parse(*argv: str) -> WorkerSettings:
    return parse_settings(WorkerSettings, list(argv), prog="mrq-worker", description="", positional="queues")


def test_list_flags_take_one_comma_separated_value_and_leave_the_queues_positional() -> None:
    settings = parse(
        "--task-packages",
        "ecotasks",
        "high",
        "default",
        "--task-whitelist",
        "tasks.a,tasks.b",
        "g7",
        "--task-blacklist",
        "tasks.d",
    )

    assert settings.task_packages == ["ecotasks"]
    assert settings.task_whitelist == ["tasks.a", "tasks.b"]
    assert settings.task_blacklist == ["tasks.d"]
    assert settings.queues == ["high", "default", "g7"]


def test_positional_queues_may_be_comma_separated_too() -> None:
    assert parse("high,low", "default").queues == ["high", "low", "default"]


def test_a_list_flag_given_twice_is_a_usage_error_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse("--task-packages", "a", "--task-packages", "b", "default")

    assert exited.value.code == 2
    assert "--task-packages given twice" in capsys.readouterr().err


def test_help_says_how_list_flags_are_given(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse("--help")

    out = capsys.readouterr().out
    assert "--task-packages A,B" in out and "comma-separated" in out


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


def test_a_queue_name_the_broker_would_refuse_is_a_usage_error_naming_the_setting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv, env in ((["default q1"], {}), ([], {"MRQ_WORKER_QUEUES": "default q1"})):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        with pytest.raises(SystemExit) as exited:
            parse(*argv)

        assert exited.value.code == 2
        assert (
            "queues (MRQ_WORKER_QUEUES): Value error, queue 'default q1': use 1-200 of letters"
            in capsys.readouterr().err
        )
