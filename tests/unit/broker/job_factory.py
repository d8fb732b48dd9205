"""Job records and settings for the broker's unit tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from mrq.v1.job_pb2 import JobOptions
from mrq_broker.jobs.payloads import new_jobs
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import JobRecord

NOW = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
TASK = "tasks.add"


def job(**fields: Any) -> JobRecord:
    """A job of ``tasks.add`` as the broker records it when enqueued with no option at ``NOW``,
    changed by ``fields``."""
    [record] = new_jobs(TASK, ['{"a":1}'], resolve_options(TASK, JobOptions(), BrokerSettings(), NOW), NOW)
    return replace(record, **fields)


def settings(**fields: Any) -> BrokerSettings:
    return BrokerSettings(**fields)
