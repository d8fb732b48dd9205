"""MonitorService's JobQuery as a MongoDB query: the exact criteria it shares with ActOnJobs'
JobFilter go through validation.job_query; queue patterns, status sets and groups, and the job
id are added here.

Every criterion maps onto an index of store.INDEXES on real MongoDB: a queue pattern becomes
an anchored regular expression, which MongoDB answers from the ``queue`` index as a range.
"""

from __future__ import annotations

import re
from typing import Any

from bson import ObjectId

from mrq.queues import QUEUE_NAME_RE
from mrq.statuses import NAME_BY_VALUE
from mrq.v1 import job_service_pb2, monitor_service_pb2
from mrq_broker.errors import InvalidArgument
from mrq_broker.settings import BrokerSettings
from mrq_broker.validation import check_job_id, job_query

STATUS_GROUPS: dict[int, frozenset[str]] = {
    monitor_service_pb2.STATUS_GROUP_OK: frozenset({"queued", "started", "success"}),
    monitor_service_pb2.STATUS_GROUP_NOT_OK: frozenset(
        set(NAME_BY_VALUE.values()) - {"queued", "started", "success", "delayed"}),
    monitor_service_pb2.STATUS_GROUP_ERROR: frozenset({"failed", "maxretries", "maxconcurrency", "timeout"}),
}


def search_query(selector: monitor_service_pb2.JobQuery, settings: BrokerSettings) -> dict[str, Any]:
    """The MongoDB query for a JobQuery; ``{}`` when it sets no criterion."""
    shared = job_service_pb2.JobFilter(task=selector.task, worker_id=selector.worker_id,
                                       exception_type=selector.exception_type)
    if selector.HasField("params_json"):
        shared.params_json = selector.params_json
    for field in ("enqueued_after", "enqueued_before"):
        if selector.HasField(field):
            getattr(shared, field).CopyFrom(getattr(selector, field))
    query = job_query(shared, settings) if shared.ByteSize() else {}
    if selector.job_id:
        query["_id"] = ObjectId(check_job_id(selector.job_id, "filter.job_id"))
    if selector.queue:
        query["queue"] = queue_condition(selector.queue)
    statuses = _statuses(selector)
    if statuses:
        query["status"] = statuses[0] if len(statuses) == 1 else {"$in": statuses}
    return query


def queue_condition(pattern: str) -> str | dict[str, str]:
    """An exact name, or a ``$regex`` for "root/" (every subqueue) and "*" wildcards."""
    if not QUEUE_NAME_RE.match(pattern.replace("*", "")) and pattern != "*":
        raise InvalidArgument("filter.queue", f"{pattern[:200]!r}: use letters, digits, _-.:/ and * wildcards")
    if "*" not in pattern and not pattern.endswith("/"):
        return pattern
    regex = "^" + ".*".join(re.escape(part) for part in pattern.split("*"))
    return {"$regex": regex if "*" in pattern else regex + "."}


def _statuses(selector: monitor_service_pb2.JobQuery) -> list[str]:
    names: set[str] = set()
    for n, value in enumerate(selector.statuses):
        if value not in NAME_BY_VALUE:
            raise InvalidArgument(f"filter.statuses[{n}]", f"{value} is not a JobStatus")
        names.add(NAME_BY_VALUE[value])
    if selector.status_group:
        if selector.status_group not in STATUS_GROUPS:
            raise InvalidArgument("filter.status_group", f"{selector.status_group} is not a StatusGroup")
        names |= STATUS_GROUPS[selector.status_group]
    return sorted(names)
