"""When a schedule's ticks fall, in UTC. Pure functions of the definition and a given ``now``.

Ticks are deterministic, so every replica computes the same ones: an interval schedule ticks at
its creation time plus whole intervals; dailytime and cron ticks are wall-clock times in the
schedule's time zone (a daily time that does not exist on a DST change day falls an hour
later, as zoneinfo places it). All ticks are truncated to milliseconds, the precision MongoDB
keeps, so a tick computed again compares equal to the one stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from croniter import croniter

from mrq.schedule_spec import ScheduleSpec

# A monthday that exists rarely (the 31st) is at most this many days back.
_MAX_DAYS_BACK = 400


@dataclass(frozen=True)
class Firing:
    """A tick to fire now; ``skip`` moves the schedule past it without enqueuing a job."""

    tick: datetime
    skip: bool


def _to_ms(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _daily_matches(spec: ScheduleSpec, day: date) -> bool:
    return (spec.weekday is None or day.weekday() == spec.weekday) and (
        spec.monthday is None or day.day == spec.monthday
    )


def _latest_daily(spec: ScheduleSpec, at: time, now: datetime) -> datetime | None:
    day = now.astimezone(spec.zone).date()
    for _ in range(_MAX_DAYS_BACK):
        if _daily_matches(spec, day):
            tick = datetime.combine(day, at, tzinfo=spec.zone).astimezone(UTC)
            if tick <= now:
                return tick
        day -= timedelta(days=1)
    return None


def latest_tick(spec: ScheduleSpec, created: datetime, now: datetime) -> datetime | None:
    """The schedule's latest tick at or before ``now``, or None if it has none since ``created``."""
    created = _to_ms(created)
    tick: datetime | None = None
    if spec.interval is not None and now >= created:
        intervals = (now - created) // timedelta(seconds=spec.interval)
        tick = created + intervals * timedelta(seconds=spec.interval)
    elif spec.cron is not None:
        # get_prev is strictly before its start: start a microsecond later to include ``now``.
        start = now.astimezone(spec.zone) + timedelta(microseconds=1)
        tick = croniter(spec.cron, start).get_prev(datetime).astimezone(UTC)
    elif spec.dailytime is not None:
        tick = _latest_daily(spec, spec.dailytime, now)
    if tick is None:
        return None
    tick = _to_ms(tick)
    return tick if tick >= created else None


def firing(
    spec: ScheduleSpec,
    created: datetime,
    last_tick: datetime | None,
    paused: bool,
    now: datetime,
    misfire_grace_s: float,
) -> Firing | None:
    """What to do about the schedule at ``now``: nothing (None), fire a tick, or skip it.

    Only the latest due tick is ever fired: after downtime, the ticks missed before it are
    never run one by one. The latest is skipped when the schedule is paused, or when it is
    later than ``misfire_grace_s`` and the schedule has no ``catchup``.
    """
    tick = latest_tick(spec, created, now)
    if tick is None or (last_tick is not None and tick <= last_tick):
        return None
    missed = (now - tick).total_seconds() > misfire_grace_s
    return Firing(tick, skip=paused or (missed and not spec.catchup))
