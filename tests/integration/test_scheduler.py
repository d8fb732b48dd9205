"""The scheduler on the real stack: replicas as processes, each tick enqueued once, config sync on
restart, invalid configs refused. The time semantics with an injected clock are in
test_scheduler_clock.py; the pure tick arithmetic in tests/unit/test_scheduler_ticks.py."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import pytest
from harness import StackUnderTest, write_config

from mrq import Client
from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import schedule_service_pb2, schedule_service_pb2_grpc
from mrq_local import wait_until

EVERY_SECOND = {"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 2}, "interval": 1}


def scheduled_ticks(stack: StackUnderTest) -> list[datetime]:
    """The tick of every scheduled job of the test's broker (in UTC), sorted."""
    return sorted(j["schedule_tick"] for j in stack.list_jobs() if j["schedule_tick"])


def ticks_after(stack: StackUnderTest, moment: datetime) -> list[datetime]:
    return [t for t in scheduled_ticks(stack) if t > moment]


def schedules(stack: StackUnderTest) -> dict[str, schedule_service_pb2.Schedule]:
    with grpc.insecure_channel(stack.broker_address) as channel:
        listed = schedule_service_pb2_grpc.ScheduleServiceStub(channel).ListSchedules(
            schedule_service_pb2.ListSchedulesRequest(), timeout=10
        )
    return {s.id: s for s in listed.schedules}


def test_two_replicas_enqueue_each_tick_of_30_seconds_once(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given two replicas of a scheduler with one schedule ticking every second
    config = write_config(tmp_path / "config.py", [EVERY_SECOND])
    stack.start_scheduler(config)
    stack.start_scheduler(config)
    first = wait_until(lambda: scheduled_ticks(stack), 20, 0.1, what="a first scheduled job")[0]

    # When they run for 30 s of ticks
    end = first + timedelta(seconds=30)
    wait_until(lambda: ticks_after(stack, end), 45, 0.2, what="a tick 30 s after the first")

    # Then each tick of those 30 s has exactly one job
    ticks = [t for t in scheduled_ticks(stack) if first <= t < end]
    assert 29 <= len(ticks) <= 31, ticks
    assert not [t for t, n in Counter(ticks).items() if n > 1]
    # and a job shows the schedule and tick that produced it
    [job] = [j for j in stack.list_jobs() if j["schedule_tick"] == first]
    [schedule_id] = schedules(stack)
    tick_ms = int(first.timestamp() * 1000)
    shown = client.get_job(job["id"])
    assert (shown["schedule_id"], shown["schedule_tick"]) == (schedule_id, first)
    assert shown["options"]["dedupe_key"] == f"schedule:{schedule_id}:{tick_ms}"


def test_a_killed_replica_is_replaced_within_5_seconds(stack: StackUnderTest, tmp_path: Path) -> None:
    config = write_config(tmp_path / "config.py", [EVERY_SECOND])
    first, second = stack.start_scheduler(config), stack.start_scheduler(config)
    wait_until(lambda: scheduled_ticks(stack), 20, 0.1, what="a first scheduled job")

    # When one replica dies, the other goes on
    first.kill()
    killed_at = datetime.now(UTC)
    wait_until(lambda: ticks_after(stack, killed_at), 5, 0.1, what="a tick after the kill")

    # When the last replica dies and a new one starts, it takes over
    second.kill()
    stack.start_scheduler(config)
    restarted_at = datetime.now(UTC)
    wait_until(lambda: ticks_after(stack, restarted_at), 5, 0.1, what="a tick after the restart")
    ticks = scheduled_ticks(stack)
    assert len(ticks) == len(set(ticks))


def test_config_sync_on_restart(stack: StackUnderTest, tmp_path: Path) -> None:
    hourly = {"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 1}, "interval": 3600}
    removed = {"path": "mrq_test_tasks.add", "params": {"a": 2, "b": 2}, "interval": 3600}
    changed = {"path": "mrq_test_tasks.add", "params": {"a": 3, "b": 3}, "interval": 3600}
    passed_today = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")
    # Given a scheduler that fired its two interval schedules once, at once, then stopped
    first = stack.start_scheduler(write_config(tmp_path / "first.py", [hourly, removed, changed]))
    wait_until(lambda: len(scheduled_ticks(stack)) == 3, 20, 0.1, what="three first ticks")
    first.stop()
    before = schedules(stack)
    ids = {
        name: ScheduleSpec.parse(entry).identity()
        for name, entry in (("hourly", hourly), ("removed", removed), ("changed", changed))
    }

    # When it restarts with one entry kept, one removed, one changed, and two new ones
    new_interval = {"path": "mrq_test_tasks.add", "params": {"a": 4, "b": 4}, "interval": 3600}
    new_daily = {"path": "mrq_test_tasks.add", "dailytime": passed_today}
    now_changed = {**changed, "params": {"a": 5, "b": 5}}
    stack.start_scheduler(write_config(tmp_path / "second.py", [hourly, now_changed, new_interval, new_daily]))
    ids.update(
        {
            name: ScheduleSpec.parse(entry).identity()
            for name, entry in (("now_changed", now_changed), ("new_interval", new_interval), ("new_daily", new_daily))
        }
    )

    # Then the new interval entry and the changed one fire at once (as new schedules)
    wait_until(lambda: len(scheduled_ticks(stack)) == 5, 20, 0.1, what="two more ticks")
    after = schedules(stack)
    assert set(after) == {ids["hourly"], ids["now_changed"], ids["new_interval"], ids["new_daily"]}
    # the unchanged one keeps its last tick and does not fire again
    assert after[ids["hourly"]].last_tick == before[ids["hourly"]].last_tick
    assert [j["schedule_id"] for j in stack.list_jobs()].count(ids["hourly"]) == 1
    # and the daily time already passed today waits for tomorrow
    assert not after[ids["new_daily"]].HasField("last_tick")
    assert ids["new_daily"] not in [j["schedule_id"] for j in stack.list_jobs()]


INVALID_CONFIGS: dict[str, tuple[dict[str, Any], str]] = {
    "weekday without dailytime": (
        {"path": "mrq_test_tasks.add", "interval": 60, "weekday": 1},
        "weekday: needs dailytime",
    ),
    "monthday without dailytime": (
        {"path": "mrq_test_tasks.add", "cron": "0 9 * * *", "monthday": 1},
        "monthday: needs dailytime",
    ),
    "no schedule key": ({"path": "mrq_test_tasks.add", "params": {"a": 1}}, "no schedule"),
    "duplicate entry": (EVERY_SECOND, "duplicate of SCHEDULER_TASKS[0]"),
    "bad cron": ({"path": "mrq_test_tasks.add", "cron": "61 * * * *"}, "cron: '61 * * * *' is not a five-field cron"),
    "bad task path": ({"path": "add", "interval": 60}, "path: 'add' is not a dotted path"),
    "bad queue (refused by the broker)": (
        {"path": "mrq_test_tasks.add", "interval": 60, "queue": "no spaces"},
        "definitions[1].queue",
    ),
    "raw queue (refused by the broker)": (
        {"path": "mrq_test_tasks.add", "interval": 60, "queue": "events_raw"},
        "definitions[1].queue: 'events_raw' is a raw queue",
    ),
}


@pytest.mark.parametrize("entry, message", INVALID_CONFIGS.values(), ids=INVALID_CONFIGS.keys())
def test_an_invalid_config_exits_non_zero_and_queues_nothing(
    stack: StackUnderTest, tmp_path: Path, entry: dict[str, Any], message: str
) -> None:
    scheduler = stack.start_scheduler(write_config(tmp_path / "config.py", [EVERY_SECOND, entry]))
    assert scheduler.wait_exit(30) == 1
    log = scheduler.log_tail()
    assert "SCHEDULER_TASKS[1]" in log or "definitions[1]" in log, log
    assert message in log, log
    assert stack.list_jobs() == []
    assert schedules(stack) == {}
    with Client(stack.broker_address) as client:
        assert client.queues.list() == []
