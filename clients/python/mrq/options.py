"""Per-job options, from the client's keyword arguments to the wire's ``JobOptions``.

The client accepts durations as seconds or ``timedelta`` and instants as ``datetime``; this is
the one place they become the proto's units (``timeout_s``, ``delay_s``, ``eta``). Options left
as ``None`` stay unset, so the broker applies the task's routing entry, then its defaults.
Ranges (priority bounds, queue name syntax...) are checked by the broker, which names the field.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack

from mrq.v1 import job_pb2

Seconds = float | timedelta


class EnqueueOptions(TypedDict, total=False):
    """The job options of :meth:`mrq.Client.enqueue`, ``enqueue_many`` and ``enqueue_taskset``,
    and of the ``mrq enqueue`` flags: the one place they are declared. An option left out stays
    unset, so the broker applies the task's ``TASKS`` entry, then its queue's ``QUEUES_CONFIG``
    entry, then its own defaults.

    Attributes:
        queue: queue name; default: the task's routed queue, else "default".
        timeout: how long the job may run, in seconds or as a timedelta; 0 = no limit.
        max_retries: retries allowed before the job ends ``maxretries``.
        retry_delay: wait before a retry is queued again, in seconds or as a timedelta.
        result_ttl: how long a ``success`` record (and its result) is kept.
        delay: run no sooner than this long from now. Exclusive with ``eta``.
        eta: run no sooner than this instant; a naive datetime is taken as UTC.
        priority: higher runs first (-1000..1000); FIFO within one priority.
        dedupe_key: while a queued or started job has this key, enqueueing another with it
            returns the existing job's id. ``enqueue`` only: the broker refuses one key shared
            by the jobs of ``enqueue_many`` or a taskset (InvalidArgument naming it).
        unique: dedupe as with ``dedupe_key``, on a key made from the task and params.
    """

    queue: str
    timeout: Seconds
    max_retries: int
    retry_delay: Seconds
    result_ttl: Seconds
    delay: Seconds
    eta: datetime
    priority: int
    dedupe_key: str
    unique: bool


#: Every option's name, as :class:`EnqueueOptions` declares them.
OPTION_NAMES: frozenset[str] = EnqueueOptions.__optional_keys__


def job_options(**options: Unpack[EnqueueOptions]) -> job_pb2.JobOptions:
    """Builds the ``JobOptions`` message for one enqueue call; an option given as ``None`` is
    left unset, as if not given.

    Raises:
        TypeError: an option is unknown, or has the wrong type.
        ValueError: both ``delay`` and ``eta`` are given.
    """
    unknown = sorted(set(options) - OPTION_NAMES)
    if unknown:
        raise TypeError(f"unknown option {unknown[0]!r}; the options are {', '.join(sorted(OPTION_NAMES))}")
    given: dict[str, object] = {k: v for k, v in options.items() if v is not None}
    if "delay" in given and "eta" in given:
        raise ValueError("delay and eta are exclusive: give one of them")
    message = job_pb2.JobOptions(
        queue=_text("queue", given.get("queue")),
        priority=_integer("priority", given["priority"]) if "priority" in given else 0,
        dedupe_key=_text("dedupe_key", given.get("dedupe_key")),
        unique=bool(given.get("unique", False)),
        delay_s=to_seconds("delay", given["delay"]) if "delay" in given else 0.0,
    )
    # The optional fields: a value given, 0 included, overrides the task's and broker's defaults.
    if "timeout" in given:
        message.timeout_s = to_seconds("timeout", given["timeout"])
    if "max_retries" in given:
        message.max_retries = _integer("max_retries", given["max_retries"])
    if "retry_delay" in given:
        message.retry_delay_s = to_seconds("retry_delay", given["retry_delay"])
    if "result_ttl" in given:
        message.result_ttl_s = to_seconds("result_ttl", given["result_ttl"])
    if "eta" in given:
        message.eta.FromDatetime(_aware(given["eta"]))
    return message


def to_seconds(name: str, value: object) -> float:
    """``value`` in seconds: a number as is, a timedelta converted.

    Raises:
        TypeError: ``value`` is neither (booleans are refused too); the message names ``name``.
    """
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"{name} must be a number of seconds or a timedelta, not {type(value).__name__}")


def _integer(name: str, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"{name} must be an int, not {type(value).__name__}")


def _text(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a str, not {type(value).__name__}")


def _aware(value: object) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"eta must be a datetime, not {type(value).__name__}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
