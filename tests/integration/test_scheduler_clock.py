"""The scheduler's loop in this process with an injected clock, against the real broker (real
gRPC, Redis and MongoDB): dailytime, weekday, monthday and cron, catch-up, pause; the
ScheduleService API; and one tick fired by many callers at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import pytest
from harness import StackUnderTest
from prometheus_client import CollectorRegistry

from mrq import Client, InvalidArgument, ScheduleNotFound
from mrq.rpc import open_channel
from mrq.schedule_spec import ScheduleSpec, parse_config
from mrq.v1 import schedule_service_pb2 as pb
from mrq.v1 import schedule_service_pb2_grpc
from mrq_scheduler.metrics import SchedulerMetrics
from mrq_scheduler.scheduler import Scheduler
from mrq_scheduler.settings import SchedulerSettings

# 2026-06-01 is a Monday.
MONDAY = datetime(2026, 6, 1, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, second, tzinfo=UTC)


@pytest.fixture
def channel(stack: StackUnderTest) -> Iterator[grpc.Channel]:
    with open_channel(stack.broker_address, max_message_bytes=4 * 1024 * 1024) as opened:
        yield opened


@pytest.fixture
def stub(channel: grpc.Channel) -> schedule_service_pb2_grpc.ScheduleServiceStub:
    return schedule_service_pb2_grpc.ScheduleServiceStub(channel)


def scheduler(stack: StackUnderTest, channel: grpc.Channel, entries: list[dict[str, Any]]) -> Scheduler:
    settings = SchedulerSettings(broker_address=stack.broker_address, metrics_port=0)
    return Scheduler(channel, parse_config(entries), settings, SchedulerMetrics(CollectorRegistry()))


def enqueued(replica: Scheduler, now: datetime, names: dict[str, str]) -> set[tuple[str, datetime]]:
    """(entry name, tick) of each job the loop at ``now`` enqueued."""
    return {(names[f.schedule_id], f.tick) for f in replica.loop(now) if f.outcome == "enqueued"}


def test_dailytime_weekday_monthday_and_cron_fire_on_their_days(stack: StackUnderTest, channel: grpc.Channel) -> None:
    entries = {
        "daily": {"path": "mrq_test_tasks.add", "dailytime": "09:00"},
        "wednesdays": {"path": "mrq_test_tasks.add", "dailytime": "09:00", "weekday": 2},
        "the 15th": {"path": "mrq_test_tasks.add", "dailytime": "09:00", "monthday": 15},
        "new york weekdays": {
            "path": "mrq_test_tasks.add",
            "cron": "30 9 * * 1-5",
            "timezone": "America/New_York",
            "catchup": True,
        },
    }
    names = {ScheduleSpec.parse(e).identity(): name for name, e in entries.items()}
    replica = scheduler(stack, channel, list(entries.values()))
    replica.sync(now=at(1, 10))  # Monday 10:00 UTC: today's 09:00 has passed

    assert enqueued(replica, at(1, 10), names) == set()
    assert enqueued(replica, at(1, 13, 30, 1), names) == {("new york weekdays", at(1, 13, 30))}  # 09:30 EDT
    assert enqueued(replica, at(2, 9, 0, 1), names) == {("daily", at(2, 9))}  # Tuesday
    # Wednesday; Tuesday's cron tick (13:30 UTC) was missed meanwhile and runs once (catchup)
    assert enqueued(replica, at(3, 9, 0, 1), names) == {
        ("daily", at(3, 9)),
        ("wednesdays", at(3, 9)),
        ("new york weekdays", at(2, 13, 30)),
    }
    assert enqueued(replica, at(3, 9, 0, 2), names) == set()  # each tick once
    # Monday the 15th; of the cron ticks missed since, the latest (Friday's) runs once
    assert enqueued(replica, at(15, 9, 0, 1), names) == {
        ("daily", at(15, 9)),
        ("the 15th", at(15, 9)),
        ("new york weekdays", at(12, 13, 30)),
    }
    assert len([j for j in stack.list_jobs() if j["schedule_id"]]) == 8


def test_missed_ticks_are_skipped_without_catchup_and_run_once_with_it(
    stack: StackUnderTest, channel: grpc.Channel
) -> None:
    entries = {
        "skips": {"path": "mrq_test_tasks.add", "cron": "0 * * * *"},
        "catches up": {"path": "mrq_test_tasks.add", "cron": "0 * * * *", "catchup": True},
    }
    names = {ScheduleSpec.parse(e).identity(): name for name, e in entries.items()}
    replica = scheduler(stack, channel, list(entries.values()))
    replica.sync(now=at(1, 8))
    assert enqueued(replica, at(1, 8, 0, 1), names) == {("skips", at(1, 8)), ("catches up", at(1, 8))}

    # Down from 08:00 to 11:40: 09:00, 10:00 and 11:00 were missed
    assert enqueued(replica, at(1, 11, 40), names) == {("catches up", at(1, 11))}
    assert enqueued(replica, at(1, 12, 0, 1), names) == {("skips", at(1, 12)), ("catches up", at(1, 12))}
    scheduled = [j["schedule_id"] for j in stack.list_jobs()]
    by_schedule = {name: scheduled.count(i) for i, name in names.items()}
    assert by_schedule == {"skips": 2, "catches up": 3}


def definition(**fields: Any) -> pb.ScheduleDefinition:
    return pb.ScheduleDefinition(task="mrq_test_tasks.add", **fields)


def test_schedules_are_managed_through_the_client_and_listed_by_the_cli(stack: StackUnderTest, client: Client) -> None:
    created = client.schedules.create({"path": "mrq_test_tasks.add", "params": {"a": 1}, "interval": 60})
    assert (created["source"], created["interval"], created["last_tick"]) == ("api", 60, None)
    assert client.schedules.get(created["id"]) == created

    updated = client.schedules.update(
        created["id"], {"path": "mrq_test_tasks.add", "cron": "0 9 * * *", "timezone": "Europe/Paris"}
    )
    assert updated["id"] != created["id"] and updated["cron"] == "0 9 * * *"
    assert [s["id"] for s in client.schedules.list()] == [updated["id"]]
    assert client.schedules.pause(updated["id"])["paused"]
    assert not client.schedules.resume(updated["id"])["paused"]

    listed = subprocess.run(
        [str(Path(sys.executable).parent / "mrq"), "schedules"],
        capture_output=True,
        text=True,
        env={**os.environ, "MRQ_BROKER_ADDRESS": stack.broker_address},
        timeout=60,
        check=True,
    )
    assert [(s["id"], s["timezone"], s["paused"]) for s in json.loads(listed.stdout)] == [
        (updated["id"], "Europe/Paris", False)
    ]

    client.schedules.delete(updated["id"])
    assert client.schedules.list() == []
    with pytest.raises(ScheduleNotFound):
        client.schedules.get(updated["id"])
    with pytest.raises(InvalidArgument) as raised:
        client.schedules.create({"path": "mrq_test_tasks.add", "weekday": 1, "interval": 60})
    assert raised.value.field == "weekday"


BAD_REQUESTS: list[tuple[Any, grpc.StatusCode, str]] = [
    (
        pb.CreateScheduleRequest(definition=definition(cron="0 25 * * *")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definition.cron",
    ),
    (
        pb.CreateScheduleRequest(definition=definition(interval_s=1, weekday=1)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definition.weekday",
    ),
    (
        pb.CreateScheduleRequest(definition=pb.ScheduleDefinition(task="add", interval_s=1)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definition.task",
    ),
    (pb.CreateScheduleRequest(definition=definition()), grpc.StatusCode.INVALID_ARGUMENT, "definition.interval_s"),
    (
        pb.CreateScheduleRequest(definition=definition(dailytime="9h")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definition.dailytime",
    ),
    (
        pb.CreateScheduleRequest(definition=definition(cron="0 9 * * *", timezone="Nowhere")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definition.timezone",
    ),
    (pb.GetScheduleRequest(schedule_id="nope"), grpc.StatusCode.INVALID_ARGUMENT, "schedule_id"),
    (pb.GetScheduleRequest(schedule_id="0" * 32), grpc.StatusCode.NOT_FOUND, "schedule_id"),
    (pb.DeleteScheduleRequest(schedule_id="0" * 32), grpc.StatusCode.NOT_FOUND, "schedule_id"),
    (pb.FireScheduleRequest(schedule_id="0" * 32), grpc.StatusCode.INVALID_ARGUMENT, "tick"),
    (
        pb.SyncSchedulesRequest(definitions=[definition(interval_s=1), definition(interval_s=1)]),
        grpc.StatusCode.INVALID_ARGUMENT,
        "definitions[1]",
    ),
]


def test_bad_requests_name_the_field(stub: schedule_service_pb2_grpc.ScheduleServiceStub) -> None:
    for request, code, field in BAD_REQUESTS:
        method = getattr(stub, type(request).__name__.removesuffix("Request"))
        with pytest.raises(grpc.RpcError) as raised:
            method(request, timeout=10)
        assert raised.value.code() == code, request
        assert raised.value.details().startswith(f"{field}: "), raised.value.details()
    created = stub.CreateSchedule(pb.CreateScheduleRequest(definition=definition(interval_s=1)), timeout=10)
    with pytest.raises(grpc.RpcError) as raised:
        stub.CreateSchedule(pb.CreateScheduleRequest(definition=definition(interval_s=1)), timeout=10)
    assert raised.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert created.schedule.id in raised.value.details()


def test_config_schedules_are_changed_in_the_config_only(
    stack: StackUnderTest, channel: grpc.Channel, stub: schedule_service_pb2_grpc.ScheduleServiceStub
) -> None:
    replica = scheduler(stack, channel, [{"path": "mrq_test_tasks.add", "interval": 60}])
    [schedule_id] = replica.sync().created
    for call, request in (
        (stub.DeleteSchedule, pb.DeleteScheduleRequest(schedule_id=schedule_id)),
        (stub.UpdateSchedule, pb.UpdateScheduleRequest(schedule_id=schedule_id, definition=definition(interval_s=5))),
    ):
        with pytest.raises(grpc.RpcError) as raised:
            call(request, timeout=10)
        assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    # but they can be paused: their ticks are then skipped, never run
    stub.PauseSchedule(pb.PauseScheduleRequest(schedule_id=schedule_id, paused=True), timeout=10)
    now = datetime.now(UTC)
    assert [f.outcome for f in replica.loop(now)] == ["skipped"]
    stub.PauseSchedule(pb.PauseScheduleRequest(schedule_id=schedule_id, paused=False), timeout=10)
    assert [f.outcome for f in replica.loop(now + timedelta(seconds=60))] == ["enqueued"]
    assert len(stack.list_jobs()) == 1


def test_a_tick_fired_by_many_callers_and_again_after_a_crash_is_enqueued_once(
    stack: StackUnderTest, stub: schedule_service_pb2_grpc.ScheduleServiceStub
) -> None:
    schedule = stub.CreateSchedule(pb.CreateScheduleRequest(definition=definition(interval_s=60)), timeout=10).schedule
    fire = pb.FireScheduleRequest(schedule_id=schedule.id, tick=schedule.date_created)

    # When eight replicas fire the same tick at once
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda _: stub.FireSchedule(fire, timeout=10), range(8)))

    # Then one enqueued it, and all agree on its job
    outcomes = sorted(pb.FireOutcome.Name(r.outcome) for r in responses)
    assert outcomes.count("FIRE_OUTCOME_ENQUEUED") == 1, outcomes
    assert {r.job_id for r in responses if r.job_id} == {next(r.job_id for r in responses if r.job_id)}
    assert len(stack.list_jobs()) == 1

    # When a broker had died after queuing the job but before moving the schedule's last tick,
    # the tick is fired again: its job is not queued twice
    store = stack.open_store()
    try:
        job_id = next(r.job_id for r in responses if r.job_id)
        assert store.advance_schedule(schedule.id, fire.tick.ToDatetime(tzinfo=UTC), None, job_id)
    finally:
        store.close()
    assert stub.FireSchedule(fire, timeout=10).outcome == pb.FIRE_OUTCOME_DUPLICATE
    assert len(stack.list_jobs()) == 1
    with Client(stack.broker_address) as client:
        assert [q["queued"] for q in client.queues.list("default") if q["name"] == "default"] == [1]
