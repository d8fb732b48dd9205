"""Job records and settings for the broker's unit tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from mrq_broker.jobs.payloads import new_job_id
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import JobRecord

NOW = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)


def job(**fields: Any) -> JobRecord:
    """A queued job of ``tasks.add`` with the broker's default options, changed by ``fields``."""
    record = JobRecord(
        id=new_job_id(),
        task="tasks.add",
        params_json='{"a":1}',
        queue="default",
        status="queued",
        priority=0,
        timeout_s=3600.0,
        max_retries=3,
        retry_delay_s=3.0,
        result_ttl_s=7 * 86400.0,
        date_enqueued=NOW,
        date_updated=NOW,
    )
    return replace(record, **fields)


def settings(**fields: Any) -> BrokerSettings:
    return BrokerSettings(**fields)
