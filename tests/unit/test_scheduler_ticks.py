"""When schedules tick (mrq_scheduler.ticks), with an injected ``now``: interval, dailytime,
weekday, monthday, cron with a time zone, catch-up after downtime, and pause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mrq.schedule_spec import ScheduleSpec
from mrq_scheduler.ticks import Firing, firing, latest_tick

GRACE_S = 60.0
# 2026-06-01 is a Monday.
MONDAY = datetime(2026, 6, 1, tzinfo=UTC)


def spec(**timing: Any) -> ScheduleSpec:
    return ScheduleSpec.parse({"path": "tasks.add", **timing})


def at(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 6) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def test_an_interval_ticks_at_creation_then_every_interval() -> None:
    every_10s = spec(interval=10)
    created = at(1, 12, 0, 0) + timedelta(milliseconds=250)
    assert latest_tick(every_10s, created, created) == created  # a new interval entry fires at once
    assert latest_tick(every_10s, created, created + timedelta(seconds=9.9)) == created
    assert latest_tick(every_10s, created, created + timedelta(seconds=25)) == created + timedelta(seconds=20)
    assert latest_tick(every_10s, created, created - timedelta(seconds=1)) is None


def test_ticks_are_truncated_to_milliseconds() -> None:
    created = at(1, 12) + timedelta(microseconds=123_456)
    tick = latest_tick(spec(interval=1), created, created)
    assert tick is not None and tick.microsecond == 123_000


def test_a_dailytime_already_passed_today_waits_for_tomorrow() -> None:
    daily = spec(dailytime="09:00")
    created = at(1, 10)
    assert firing(daily, created, None, False, at(1, 23), GRACE_S) is None
    assert firing(daily, created, None, False, at(2, 8, 59, 59), GRACE_S) is None
    assert firing(daily, created, None, False, at(2, 9, 0, 1), GRACE_S) == Firing(at(2, 9), skip=False)
    # once fired, not again that day
    assert firing(daily, created, at(2, 9), False, at(2, 18), GRACE_S) is None


def test_a_dailytime_not_yet_passed_fires_today() -> None:
    assert firing(spec(dailytime="09:00"), at(1, 8), None, False, at(1, 9), GRACE_S) == Firing(at(1, 9), skip=False)


def test_dailytime_is_in_the_schedules_time_zone() -> None:
    # 09:00 in Paris is 07:00 UTC in summer (CEST) and 08:00 UTC in winter (CET)
    paris = spec(dailytime="09:00", timezone="Europe/Paris")
    assert latest_tick(paris, at(1, 0), at(1, 7, 30)) == at(1, 7)
    assert latest_tick(paris, at(1, 0, month=12), at(1, 8, 30, month=12)) == at(1, 8, month=12)


def test_weekday_fires_only_on_that_day_of_the_week() -> None:
    wednesdays = spec(dailytime="09:00", weekday=2)
    created = MONDAY
    assert latest_tick(wednesdays, created, at(2, 12)) is None  # Tuesday
    assert latest_tick(wednesdays, created, at(3, 12)) == at(3, 9)  # Wednesday
    assert latest_tick(wednesdays, created, at(9, 12)) == at(3, 9)  # next Tuesday: still last Wednesday's


def test_monthday_fires_only_on_that_day_of_the_month() -> None:
    the_15th = spec(dailytime="06:30", monthday=15)
    assert latest_tick(the_15th, MONDAY, at(14, 23)) is None
    assert latest_tick(the_15th, MONDAY, at(15, 6, 30)) == at(15, 6, 30)
    assert latest_tick(the_15th, MONDAY, at(10, 0, month=7)) == at(15, 6, 30)
    # the 31st skips the months that have none
    the_31st = spec(dailytime="00:00", monthday=31)
    assert latest_tick(the_31st, MONDAY, at(30, 12, month=6)) is None
    assert latest_tick(the_31st, MONDAY, at(31, 12, month=7)) == at(31, 0, month=7)


def test_cron_in_a_time_zone_follows_daylight_saving_time() -> None:
    # Weekdays at 09:30 in New York: 13:30 UTC in summer (EDT), 14:30 UTC in winter (EST).
    new_york = spec(cron="30 9 * * 1-5", timezone="America/New_York")
    assert latest_tick(new_york, MONDAY, at(1, 13, 29)) is None
    assert latest_tick(new_york, MONDAY, at(1, 13, 30)) == at(1, 13, 30)  # exactly on the tick
    assert latest_tick(new_york, MONDAY, at(7, 12)) == at(5, 13, 30)  # Sunday: Friday's
    assert latest_tick(new_york, at(1, 0, month=12), at(1, 15, month=12)) == at(1, 14, 30, month=12)


def test_cron_every_15_minutes_in_utc() -> None:
    quarter = spec(cron="*/15 * * * *")
    assert latest_tick(quarter, MONDAY, at(1, 10, 44, 59)) == at(1, 10, 30)
    assert firing(quarter, MONDAY, at(1, 10, 30), False, at(1, 10, 44), GRACE_S) is None
    assert firing(quarter, MONDAY, at(1, 10, 30), False, at(1, 10, 45, 1), GRACE_S) == Firing(at(1, 10, 45), False)


@pytest.mark.parametrize("catchup, skip", [(False, True), (True, False)])
def test_after_downtime_the_latest_missed_tick_runs_once_or_is_skipped(catchup: bool, skip: bool) -> None:
    hourly = spec(cron="0 * * * *", catchup=catchup)
    # last fired at 08:00, down until 11:40: 09:00, 10:00 and 11:00 were missed
    assert firing(hourly, MONDAY, at(1, 8), False, at(1, 11, 40), GRACE_S) == Firing(at(1, 11), skip=skip)


def test_a_tick_within_the_grace_is_on_time_even_without_catchup() -> None:
    hourly = spec(cron="0 * * * *")
    assert firing(hourly, MONDAY, at(1, 8), False, at(1, 9, 0, 59), GRACE_S) == Firing(at(1, 9), skip=False)


def test_a_paused_schedule_skips_its_ticks() -> None:
    assert firing(spec(interval=60), MONDAY, None, True, MONDAY, GRACE_S) == Firing(MONDAY, skip=True)
