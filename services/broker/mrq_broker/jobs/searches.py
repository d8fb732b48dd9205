"""MonitorService's JobQuery as a JobSelection: the criteria it shares with ActOnJobs' JobFilter
go through validation.shared_criteria; queue patterns, status sets and groups, and the job id
are added here."""

from __future__ import annotations

from mrq.queues import QUEUE_NAME_RE
from mrq.statuses import NAME_BY_VALUE
from mrq.v1 import monitor_service_pb2
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.validation import check_job_id, shared_criteria
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import JobSelection

STATUS_GROUPS: dict[int, frozenset[str]] = {
    monitor_service_pb2.STATUS_GROUP_OK: frozenset({"queued", "started", "success"}),
    monitor_service_pb2.STATUS_GROUP_NOT_OK: frozenset(
        set(NAME_BY_VALUE.values()) - {"queued", "started", "success", "delayed"}
    ),
    monitor_service_pb2.STATUS_GROUP_ERROR: frozenset({"failed", "maxretries", "maxconcurrency", "timeout"}),
}


def search_selection(selector: monitor_service_pb2.JobQuery, settings: BrokerSettings) -> JobSelection:
    """The jobs a JobQuery selects; every job when it sets no criterion."""
    return JobSelection(
        job_id=check_job_id(selector.job_id, "filter.job_id") if selector.job_id else "",
        queue=check_queue_pattern(selector.queue) if selector.queue else "",
        statuses=frozenset(_statuses(selector)),
        **shared_criteria(selector, settings),
    )


def check_queue_pattern(pattern: str) -> str:
    """An exact name, "root/" (every subqueue) or a pattern with "*" wildcards."""
    if not QUEUE_NAME_RE.match(pattern.replace("*", "")) and pattern != "*":
        raise InvalidField("filter.queue", f"{pattern[:200]!r}: use letters, digits, _-.:/ and * wildcards")
    return pattern


def _statuses(selector: monitor_service_pb2.JobQuery) -> list[str]:
    names: set[str] = set()
    for n, value in enumerate(selector.statuses):
        if value not in NAME_BY_VALUE:
            raise InvalidField(f"filter.statuses[{n}]", f"{value} is not a JobStatus")
        names.add(NAME_BY_VALUE[value])
    if selector.status_group:
        if selector.status_group not in STATUS_GROUPS:
            raise InvalidField("filter.status_group", f"{selector.status_group} is not a StatusGroup")
        names |= STATUS_GROUPS[selector.status_group]
    return sorted(names)
