"""The one way a request selects jobs: a JobQuery, checked and turned into the store's
JobSelection by :func:`query_selection`. ListJobs and ActOnJobs use it, and so do the deprecated
JobFilter (through :func:`filter_query`) and ActOnMatchingJobs."""

from __future__ import annotations

import re

import orjson

from mrq.queues import QUEUE_NAME_RE
from mrq.statuses import NAME_BY_VALUE
from mrq.v1 import job_query_pb2, job_service_pb2
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.validation import canonical_params, check_job_id, check_json, check_task, check_timestamp
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import JobSelection

STATUS_GROUPS: dict[int, frozenset[str]] = {
    job_query_pb2.STATUS_GROUP_OK: frozenset({"queued", "started", "success"}),
    job_query_pb2.STATUS_GROUP_NOT_OK: frozenset(
        set(NAME_BY_VALUE.values()) - {"queued", "started", "success", "delayed"}
    ),
    job_query_pb2.STATUS_GROUP_ERROR: frozenset({"failed", "maxretries", "maxconcurrency", "timeout"}),
}
MAX_FILTER_STRING = 500
MAX_PARAMS_KEY = 200
JOB_ID_PREFIX_RE = re.compile(r"^[0-9a-f]{1,24}$")


def query_selection(query: job_query_pb2.JobQuery, settings: BrokerSettings, field: str = "filter") -> JobSelection:
    """The jobs ``query`` selects; every job when it sets no criterion. ``field`` is the
    request's name for the query, which errors name ("filter.queue: ...")."""
    params_key, params_value_json = _params_value(query, settings, field)
    return JobSelection(
        job_id=check_job_id(query.job_id, f"{field}.job_id") if query.job_id else "",
        job_id_prefix=_job_id_prefix(query.job_id_prefix, f"{field}.job_id_prefix"),
        queue=check_queue_pattern(query.queue, f"{field}.queue") if query.queue else "",
        statuses=frozenset(_statuses(query, field)),
        task=check_task(query.task, f"{field}.task") if query.task else "",
        worker_id=_short(query.worker_id, f"{field}.worker_id"),
        exception_type=_short(query.exception_type, f"{field}.exception_type"),
        taskset_id=check_job_id(query.taskset_id, f"{field}.taskset_id") if query.taskset_id else "",
        schedule_id=_short(query.schedule_id, f"{field}.schedule_id"),
        params_json=canonical_params(query.params_json, settings.max_params_bytes, f"{field}.params_json")
        if query.HasField("params_json")
        else "",
        params_key=params_key,
        params_value_json=params_value_json,
        enqueued_after=check_timestamp(query.enqueued_after, f"{field}.enqueued_after")
        if query.HasField("enqueued_after")
        else None,
        enqueued_before=check_timestamp(query.enqueued_before, f"{field}.enqueued_before")
        if query.HasField("enqueued_before")
        else None,
    )


def require_criterion(selection: JobSelection, field: str) -> JobSelection:
    """``selection``, refused when it would select every job (for actions)."""
    if selection.is_empty():
        raise InvalidField(field, "no criterion set; give at least one (acting on every job is refused)")
    return selection


def filter_query(selector: job_service_pb2.JobFilter) -> job_query_pb2.JobQuery:
    """The JobQuery a deprecated JobFilter means: its one status becomes a set of one."""
    if selector.status and selector.status not in NAME_BY_VALUE:
        raise InvalidField("filter.status", f"{selector.status} is not a JobStatus")
    query = job_query_pb2.JobQuery(
        queue=selector.queue,
        task=selector.task,
        worker_id=selector.worker_id,
        exception_type=selector.exception_type,
        statuses=[selector.status] if selector.status else [],
    )
    if selector.HasField("params_json"):
        query.params_json = selector.params_json
    for name in ("enqueued_after", "enqueued_before"):
        if selector.HasField(name):
            getattr(query, name).CopyFrom(getattr(selector, name))
    return query


def check_queue_pattern(pattern: str, field: str) -> str:
    """An exact name, "root/" (every subqueue) or a pattern with "*" wildcards."""
    if not QUEUE_NAME_RE.match(pattern.replace("*", "")) and pattern != "*":
        raise InvalidField(field, f"{pattern[:200]!r}: use letters, digits, _-.:/ and * wildcards")
    return pattern


def _short(value: str, field: str) -> str:
    if len(value) > MAX_FILTER_STRING:
        raise InvalidField(field, f"at most {MAX_FILTER_STRING} characters")
    return value


def _job_id_prefix(prefix: str, field: str) -> str:
    lowered = prefix.lower()
    if prefix and not JOB_ID_PREFIX_RE.match(lowered):
        raise InvalidField(field, f"{prefix[:50]!r}: give 1 to 24 hexadecimal characters, the start of a job id")
    return lowered


def _params_value(query: job_query_pb2.JobQuery, settings: BrokerSettings, field: str) -> tuple[str, str]:
    """The params key and its value as canonical JSON, both or neither."""
    key, raw = query.params_key, query.params_value_json
    if not key and not raw:
        return "", ""
    if not key:
        raise InvalidField(f"{field}.params_key", "required with params_value_json, e.g. 'user'")
    if len(key) > MAX_PARAMS_KEY:
        raise InvalidField(f"{field}.params_key", f"at most {MAX_PARAMS_KEY} characters")
    if not raw:
        raise InvalidField(f"{field}.params_value_json", 'required with params_key: a JSON value, e.g. 42 or "42"')
    if len(raw) > settings.max_params_bytes:
        raise InvalidField(f"{field}.params_value_json", f"over the limit of {settings.max_params_bytes} bytes")
    value = check_json(raw, f"{field}.params_value_json")
    return key, orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _statuses(query: job_query_pb2.JobQuery, field: str) -> list[str]:
    names: set[str] = set()
    for n, value in enumerate(query.statuses):
        if value not in NAME_BY_VALUE:
            raise InvalidField(f"{field}.statuses[{n}]", f"{value} is not a JobStatus")
        names.add(NAME_BY_VALUE[value])
    if query.status_group:
        if query.status_group not in STATUS_GROUPS:
            raise InvalidField(f"{field}.status_group", f"{query.status_group} is not a StatusGroup")
        names |= STATUS_GROUPS[query.status_group]
    return sorted(names)
