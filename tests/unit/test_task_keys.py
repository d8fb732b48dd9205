"""TASKS entries are checked the same way by the broker and the worker: an unknown key (a typo)
stops either at start, naming the entry and the key it probably meant."""

from __future__ import annotations

import pytest

from mrq.config import Settings, settings_from
from mrq.errors import ConfigError
from mrq_broker.settings import BrokerSettings
from mrq_worker.settings import WorkerSettings

EVERY_KIND_OF_KEY = (
    '{"tasks.fetch": {"queue": "io", "timeout_s": 30, "max_retries": 5, "retry_delay_s": 2, '
    '"max_concurrency": 4, "on_limit": "wait", "retry_on": ["ConnectionError"], '
    '"retry_backoff": "exponential"}}'
)


@pytest.mark.parametrize("model", [BrokerSettings, WorkerSettings])
def test_an_unknown_key_in_a_tasks_entry_is_an_error_naming_it(model: type[Settings]) -> None:
    with pytest.raises(
        ConfigError,
        match=r"tasks \(MRQ_TASKS\): .*TASKS\['tasks.add'\]: unknown key "
        r"'max_retires' \(did you mean 'max_retries'\?\)",
    ):
        settings_from(model, environ={"MRQ_TASKS": '{"tasks.add": {"max_retires": 3}}'})


@pytest.mark.parametrize("model", [BrokerSettings, WorkerSettings])
def test_an_entry_with_the_broker_s_and_the_worker_s_keys_is_accepted_by_both(model: type[Settings]) -> None:
    settings = settings_from(model, environ={"MRQ_TASKS": EVERY_KIND_OF_KEY})

    assert settings.tasks["tasks.fetch"]["max_retries"] == 5  # type: ignore[attr-defined]


OLD_NAMES = '{"tasks.fetch": {"timeout": 30, "retry_delay": 2, "result_ttl": 9, "abort_ttl": 1, "final_ttl": 5}}'


@pytest.mark.parametrize("model", [BrokerSettings, WorkerSettings])
def test_the_old_key_names_are_still_accepted(model: type[Settings]) -> None:
    settings_from(model, environ={"MRQ_TASKS": OLD_NAMES})


def test_the_broker_reads_old_key_names_as_the_new_ones_and_notes_each_for_its_log() -> None:
    settings = settings_from(
        BrokerSettings, environ={"MRQ_TASKS": OLD_NAMES, "MRQ_QUEUES_CONFIG": '{"slow": {"timeout": 60}}'}
    )
    assert settings.tasks["tasks.fetch"] == {
        "timeout_s": 30,
        "retry_delay_s": 2,
        "result_ttl_s": 9,
        "abort_ttl_s": 1,
        "final_ttl_s": 5,
    }
    assert settings.queues_config["slow"].timeout_s == 60
    assert len(settings.deprecated_keys) == 6
    assert "QUEUES_CONFIG['slow']: 'timeout' is deprecated, name it 'timeout_s'" in settings.deprecated_keys
    assert settings_from(BrokerSettings, environ={"MRQ_TASKS": EVERY_KIND_OF_KEY}).deprecated_keys == []


def test_an_entry_giving_both_names_of_a_key_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"TASKS\['t.x'\]: give 'timeout_s' only \('timeout' is its old name\)"):
        settings_from(BrokerSettings, environ={"MRQ_TASKS": '{"t.x": {"timeout": 1, "timeout_s": 2}}'})
