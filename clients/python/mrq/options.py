"""Per-job options, from the client's keyword arguments to the wire's ``JobOptions``.

The client accepts durations as seconds or ``timedelta`` and instants as ``datetime``; this is
the one place they become the proto's units (``timeout_s``, ``delay_s``, ``eta``). Options left
as ``None`` stay unset, so the broker applies the task's routing entry, then its defaults.
Ranges (priority bounds, queue name syntax...) are checked by the broker, which names the field.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mrq.v1 import job_pb2

Seconds = float | timedelta


def job_options(
    *,
    queue: str | None = None,
    timeout: Seconds | None = None,
    max_retries: int | None = None,
    retry_delay: Seconds | None = None,
    result_ttl: Seconds | None = None,
    delay: Seconds | None = None,
    eta: datetime | None = None,
    priority: int | None = None,
    dedupe_key: str | None = None,
    unique: bool = False,
) -> job_pb2.JobOptions:
    """Builds the ``JobOptions`` message for one enqueue call.

    Args:
        queue: queue name; default: the task's routed queue, else "default".
        timeout: how long the job may run, in seconds or as a timedelta; 0 = no timeout.
        max_retries: retries allowed before the job ends ``maxretries``.
        retry_delay: wait before a retry is queued again, in seconds or as a timedelta.
        result_ttl: how long a ``success`` record (and its result) is kept.
        delay: run no sooner than this long from now. Exclusive with ``eta``.
        eta: run no sooner than this instant; a naive datetime is taken as UTC.
        priority: higher runs first (-1000..1000); FIFO within one priority.
        dedupe_key: while a queued or started job has this key, enqueueing another with it
            returns the existing job's id.
        unique: dedupe as with ``dedupe_key``, on a key made from the task and params.

    Raises:
        TypeError: an option has the wrong type.
        ValueError: both ``delay`` and ``eta`` are given.
    """
    if delay is not None and eta is not None:
        raise ValueError("delay and eta are exclusive: give one of them")
    options = job_pb2.JobOptions(
        queue=_text("queue", queue),
        priority=_integer("priority", priority) if priority is not None else 0,
        dedupe_key=_text("dedupe_key", dedupe_key),
        unique=bool(unique),
        delay_s=to_seconds("delay", delay) if delay is not None else 0.0,
    )
    if timeout is not None:
        options.timeout_s = to_seconds("timeout", timeout)
    if max_retries is not None:
        options.max_retries = _integer("max_retries", max_retries)
    if retry_delay is not None:
        options.retry_delay_s = to_seconds("retry_delay", retry_delay)
    if result_ttl is not None:
        options.result_ttl_s = to_seconds("result_ttl", result_ttl)
    if eta is not None:
        options.eta.FromDatetime(_aware(eta))
    return options


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
