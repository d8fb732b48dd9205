"""TASKS entries are checked the same way by the broker and the worker: an unknown key (a typo)
stops either at start, naming the entry and the key it probably meant."""

from __future__ import annotations

import pytest

from mrq.config import Settings, settings_from
from mrq.errors import ConfigError
from mrq_broker.settings import BrokerSettings
from mrq_worker.settings import WorkerSettings

EVERY_KIND_OF_KEY = (
    '{"tasks.fetch": {"queue": "io", "timeout": 30, "max_retries": 5, "retry_delay": 2, '
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
