"""Checks client requests and resolves job options (request > TASKS routing > broker defaults)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from google.protobuf.timestamp_pb2 import Timestamp

from mrq.queues import MAX_QUEUE_NAME, QUEUE_NAME_RE
from mrq.task import TASK_PATH_RE
from mrq.v1 import job_pb2
from mrq_broker.errors import InvalidField
from mrq_broker.queue_config import TaskLimit
from mrq_broker.queue_names import is_raw
from mrq_broker.settings import BrokerSettings

JOB_ID_RE = re.compile(r"^[0-9a-f]{24}$")
MAX_TASK_PATH = 200
MAX_PRIORITY = 1000
MAX_DEDUPE_KEY = 500
#: The longest duration a request may give (delays, timeouts, TTLs, windows): ten years.
MAX_SECONDS = 10 * 365 * 86400.0
#: The Timestamps a request may give: years 1 to 9999, as datetime and the protobuf spec allow.
MIN_TIMESTAMP_S = -62_135_596_800
MAX_TIMESTAMP_S = 253_402_300_799


@dataclass(frozen=True)
class ResolvedOptions:
    """The options a job runs with, every default applied."""

    queue: str
    timeout_s: float
    max_retries: int
    retry_delay_s: float
    result_ttl_s: float
    priority: int
    run_at: datetime | None
    dedupe_key: str
    unique: bool
    limit: TaskLimit | None


def check_task(task: str, field: str = "task") -> str:
    if not task:
        raise InvalidField(field, "required, e.g. 'tasks.add'")
    if len(task) > MAX_TASK_PATH or not TASK_PATH_RE.match(task):
        raise InvalidField(field, f"{task[:MAX_TASK_PATH]!r} is not a dotted path like 'tasks.add'")
    return task


def check_queue(name: str, field: str = "queue") -> str:
    if not QUEUE_NAME_RE.match(name):
        raise InvalidField(field, f"{name[:MAX_QUEUE_NAME]!r}: use 1-{MAX_QUEUE_NAME} of letters, digits and _-.:/")
    return name


def check_job_id(job_id: str, field: str = "job_id") -> str:
    if not JOB_ID_RE.match(job_id):
        raise InvalidField(field, f"{job_id[:50]!r} is not a job id (24 hex characters)")
    return job_id


def check_seconds(value: float, field: str, max_s: float = MAX_SECONDS) -> float:
    """A duration from a request: a number between 0 and ``max_s`` (NaN fails both comparisons)."""
    if not 0 <= value <= max_s:
        raise InvalidField(field, f"must be between 0 and {max_s:g} seconds")
    return value


def check_timestamp(stamp: Timestamp, field: str) -> datetime:
    """A request's Timestamp as a UTC datetime, refused when protobuf or datetime cannot hold it."""
    if not (MIN_TIMESTAMP_S <= stamp.seconds <= MAX_TIMESTAMP_S and 0 <= stamp.nanos <= 999_999_999):
        raise InvalidField(field, "not a valid timestamp (years 1 to 9999, nanos 0 to 999999999)")
    return stamp.ToDatetime(tzinfo=UTC)


def canonical_params(raw: bytes, max_bytes: int, field: str = "params_json") -> str:
    """Parses params JSON and returns it canonicalised (sorted keys), as stored."""
    if not raw:
        return "{}"
    if len(raw) > max_bytes:
        raise InvalidField(field, f"{len(raw)} bytes, over the limit of {max_bytes}")
    return orjson.dumps(check_json(raw, field), option=orjson.OPT_SORT_KEYS).decode()


def check_json(raw: bytes, field: str) -> Any:
    """The value JSON bytes hold (UTF-8, as orjson requires)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InvalidField(field, f"not valid JSON: {exc}") from exc


def check_params_list(raws: Sequence[bytes], settings: BrokerSettings) -> list[str]:
    if len(raws) > settings.max_batch_size:
        raise InvalidField("params_json", f"{len(raws)} jobs, over the batch limit of {settings.max_batch_size}")
    return [canonical_params(raw, settings.max_params_bytes, f"params_json[{i}]") for i, raw in enumerate(raws)]


def _routed(task: str, settings: BrokerSettings, key: str, default: Any) -> Any:
    return settings.tasks.get(task, {}).get(key, default)


def _default(task: str, queue: str, settings: BrokerSettings, key: str, default: Any) -> Any:
    """A job option the request left unset: its task's TASKS entry, else its queue's
    QUEUES_CONFIG entry (or its nearest parent's: "a" applies to "a/b"), else ``default``."""
    parts = queue.split("/")
    for n in range(len(parts), 0, -1):
        defaults = settings.queues_config.get("/".join(parts[:n]))
        if defaults is not None and getattr(defaults, key) is not None:
            default = getattr(defaults, key)
            break
    return _routed(task, settings, key, default)


def resolve_options(task: str, options: job_pb2.JobOptions, settings: BrokerSettings, now: datetime) -> ResolvedOptions:
    """Validates ``options`` and fills in what they leave unset."""
    queue = options.queue or _routed(task, settings, "queue", settings.default_queue)
    check_queue(queue, "options.queue")
    if is_raw(queue):
        raise InvalidField("options.queue", f"{queue!r} is a raw queue: use QueueService.EnqueueRaw")
    for field in ("timeout_s", "retry_delay_s", "result_ttl_s", "delay_s"):
        check_seconds(getattr(options, field), f"options.{field}")
    if options.max_retries < 0:
        raise InvalidField("options.max_retries", "must be >= 0")
    if options.delay_s and options.HasField("eta"):
        raise InvalidField("options.eta", "give delay_s or eta, not both")
    if abs(options.priority) > MAX_PRIORITY:
        raise InvalidField("options.priority", f"must be between -{MAX_PRIORITY} and {MAX_PRIORITY}")
    if len(options.dedupe_key) > MAX_DEDUPE_KEY:
        raise InvalidField("options.dedupe_key", f"at most {MAX_DEDUPE_KEY} characters")
    if not options.dedupe_key.isprintable():
        raise InvalidField("options.dedupe_key", "printable characters only")
    run_at = None
    if options.delay_s:
        run_at = now + timedelta(seconds=options.delay_s)
    elif options.HasField("eta"):
        run_at = check_timestamp(options.eta, "options.eta")
    limit = settings.task_limits.get(task)
    return ResolvedOptions(
        queue=queue,
        timeout_s=options.timeout_s
        if options.HasField("timeout_s")
        else float(_default(task, queue, settings, "timeout_s", settings.default_timeout_s)),
        max_retries=options.max_retries
        if options.HasField("max_retries")
        else int(_default(task, queue, settings, "max_retries", settings.default_max_retries)),
        retry_delay_s=options.retry_delay_s
        if options.HasField("retry_delay_s")
        else float(_default(task, queue, settings, "retry_delay_s", settings.default_retry_delay_s)),
        result_ttl_s=options.result_ttl_s
        if options.HasField("result_ttl_s")
        else float(_default(task, queue, settings, "result_ttl_s", settings.default_result_ttl_s)),
        priority=options.priority or int(_default(task, queue, settings, "priority", 0)),
        run_at=run_at if run_at and run_at > now else None,
        dedupe_key=options.dedupe_key,
        unique=options.unique or (limit is not None and limit.unique),
        limit=limit if limit is not None and limit.limited else None,
    )
