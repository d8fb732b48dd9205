"""Nothing listens beyond the machine by default: every host or address setting of every program
defaults to a loopback address. Compose and Kubernetes set 0.0.0.0 explicitly.

The settings classes are found as subclasses of mrq.config.Settings, so a program or option
added later is checked too.
"""

from __future__ import annotations

import importlib
import ipaddress

import pytest

from mrq.config import Settings

SETTINGS_MODULES = (
    "mrq_broker.settings",
    "mrq_worker.settings",
    "mrq_scheduler.settings",
    "mrq_dashboard.settings",
    "mrq_local.settings",
)
#: Field names that hold where something listens or connects.
ADDRESS_SUFFIXES = ("host", "address")


def _all_settings() -> list[type[Settings]]:
    for module in SETTINGS_MODULES:
        importlib.import_module(module)
    found: list[type[Settings]] = []
    pending = list(Settings.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def _address_defaults() -> list[tuple[str, str]]:
    return [
        (f"{cls.__name__}.{name}", str(field.default))
        for cls in _all_settings()
        for name, field in cls.model_fields.items()
        if name.endswith(ADDRESS_SUFFIXES)
    ]


def test_every_program_is_checked() -> None:
    names = {cls.__name__ for cls in _all_settings()}
    assert {"BrokerSettings", "WorkerSettings", "SchedulerSettings", "DashboardSettings", "LocalSettings"} <= names


@pytest.mark.parametrize(("setting", "default"), _address_defaults())
def test_listen_and_connect_defaults_are_loopback(setting: str, default: str) -> None:
    host = default.rpartition(":")[0] if default.count(":") == 1 else default
    assert host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback, (setting, default)
