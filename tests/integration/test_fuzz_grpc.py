"""Property-based fuzzing of every public gRPC service (see fuzzing.py for the requests).

Against one real broker: no request, however malformed, gets INTERNAL, UNKNOWN or DATA_LOSS;
an INVALID_ARGUMENT names its field; the broker stays up; every job the fuzzer got accepted
is stored as asked; and jobs queued before the fuzzing still run to success afterwards.
The fuzzer runs destructive calls too (cancel by filter, empty queue, leases), so the seeded
jobs are requeued by id before the final run: what must survive is their data, not their state.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import orjson
import pytest
import queue_config
from fuzzing import SERVICES, calls, rpcs
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from google.protobuf.timestamp_pb2 import Timestamp
from harness import StackUnderTest
from hypothesis import HealthCheck, example, given, settings

from mrq import Client
from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import (
    job_pb2,
    job_service_pb2,
    monitor_service_pb2,
    queue_service_pb2,
    schedule_service_pb2,
    schedule_service_pb2_grpc,
)
from mrq_scheduler.ticks import latest_tick

CONFIG = Path(__file__).with_name("queue_config.py")
pytestmark = pytest.mark.broker_args(
    "--config",
    str(CONFIG),
    "--max-params-bytes",
    "2000",
    "--max-batch-size",
    "20",
    "--max-wait-s",
    "0.5",
    "--max-lease-wait-s",
    "0.2",
    "--lease-ttl-s",
    "2",
)
#: Examples per service: about 0.02 s each on a loaded 2-core box, 20 s in all. FUZZ_EXAMPLES=2000
#: runs a longer search, with a random seed instead of the fixed one `make test` uses.
EXAMPLES_PER_SERVICE = int(os.environ.get("FUZZ_EXAMPLES", "250"))
DERANDOMIZE = "FUZZ_EXAMPLES" not in os.environ
CALL_TIMEOUT_S = 10.0
#: Status codes that mean the broker broke, whatever the request.
BROKEN = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN, grpc.StatusCode.DATA_LOSS}
SEEDED = [("mrq_test_tasks.add", {"a": n, "b": 1}) for n in range(5)]
SEEDED_QUEUE = "seeded-kq7"
#: Tasks that queue_config.py makes unique: an enqueue may answer a queued twin's id.
UNIQUE_TASKS = {task for task, entry in queue_config.TASKS.items() if entry.get("unique")}

Caller = Callable[[MethodDescriptor, Message], list[Message]]


@pytest.fixture
def channel(stack: StackUnderTest) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(stack.broker_address) as plain:
        yield plain


@pytest.fixture
def call(channel: grpc.Channel) -> Caller:
    """Calls any method by its descriptor over a plain channel; returns the responses (a stream's, all)."""

    def invoke(method: MethodDescriptor, request: Message) -> list[Message]:
        path = f"/{method.containing_service.full_name}/{method.name}"
        response = GetMessageClass(method.output_type)
        if method.server_streaming:
            stream = channel.unary_stream(
                path, request_serializer=type(request).SerializeToString, response_deserializer=response.FromString
            )
            # A follow ends with its job; one that never does ends at the deadline.
            responses: list[Message] = []
            try:
                responses.extend(stream(request, timeout=1.0))
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
                    raise
            return responses
        unary = channel.unary_unary(
            path, request_serializer=type(request).SerializeToString, response_deserializer=response.FromString
        )
        return [unary(request, timeout=CALL_TIMEOUT_S)]

    return invoke


@dataclass(frozen=True)
class Accepted:
    """A job an enqueue call answered with: what it must hold, and the call, for the report."""

    task: str
    params: Any
    call: str


def accepted_jobs(method: MethodDescriptor, request: Any, response: Any) -> dict[str, Accepted | None]:
    """The jobs an enqueue accepted, each with the task and params it must keep; None when a
    dedupe or unique option may have answered another job's id (then it must only exist). A
    taskset's members are never deduplicated."""
    call = f"{method.name}({request})"
    if method.name not in ("Enqueue", "EnqueueMany", "CreateTaskset"):
        return {}
    deduped = request.options.dedupe_key or request.options.unique or request.task in UNIQUE_TASKS
    if deduped and method.name != "CreateTaskset":
        ids = [response.job_id] if method.name == "Enqueue" else list(response.job_ids)
        return dict.fromkeys(ids)
    if method.name == "Enqueue":
        return {response.job_id: Accepted(request.task, orjson.loads(request.params_json or b"{}"), call)}
    return {
        job_id: Accepted(request.task, orjson.loads(params or b"{}"), call)
        for job_id, params in zip(response.job_ids, request.params_json, strict=True)
    }


def method_named(service: str, name: str) -> MethodDescriptor:
    return next(s for s in SERVICES if s.name == service).methods_by_name[name]


#: What the fuzzer found (answered UNKNOWN, answered ids of jobs never stored, or accepted a
#: schedule the scheduler cannot tick),
#: replayed first on every run; test_bad_input.py checks each is now refused with its field.
FINDINGS: list[tuple[MethodDescriptor, Message]] = [
    (
        method_named("ScheduleService", "SyncSchedules"),
        schedule_service_pb2.SyncSchedulesRequest(now=Timestamp(nanos=-(2**31))),
    ),
    (
        method_named("ScheduleService", "CreateSchedule"),
        schedule_service_pb2.CreateScheduleRequest(
            definition=schedule_service_pb2.ScheduleDefinition(task="mrq_test_tasks.add", interval_s=float("inf"))
        ),
    ),
    (
        method_named("ScheduleService", "CreateSchedule"),
        schedule_service_pb2.CreateScheduleRequest(
            definition=schedule_service_pb2.ScheduleDefinition(task="mrq_test_tasks.add", interval_s=1e300)
        ),
    ),
    (
        method_named("ScheduleService", "FireSchedule"),
        schedule_service_pb2.FireScheduleRequest(schedule_id="0" * 32, tick=Timestamp(seconds=-1)),
    ),
    (method_named("MonitorService", "ListWorkers"), monitor_service_pb2.ListWorkersRequest(seen_within_s=63931416451)),
    (
        method_named("QueueService", "CheckRateLimit"),
        queue_service_pb2.CheckRateLimitRequest(key="..", limit=2, per_s=118575255401783),
    ),
    (
        method_named("JobService", "CreateTaskset"),
        job_service_pb2.CreateTasksetRequest(
            task="mrq_test_tasks.add", params_json=[b"{}", b"{}"], options=job_pb2.JobOptions(unique=True)
        ),
    ),
    (
        method_named("JobService", "CreateTaskset"),
        job_service_pb2.CreateTasksetRequest(task="mrq_test_tasks.echo", params_json=[b"{}", b"{}"]),
    ),
    (
        method_named("JobService", "Enqueue"),
        job_service_pb2.EnqueueRequest(
            task="mrq_test_tasks.add", options=job_pb2.JobOptions(eta=Timestamp(seconds=2**40))
        ),
    ),
]


def replaying_findings(test: Callable[..., None]) -> Callable[..., None]:
    for finding in FINDINGS:
        test = example(finding)(test)
    return test


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_no_request_breaks_the_broker(
    stack: StackUnderTest, channel: grpc.Channel, call: Caller, client: Client, service: Any
) -> None:
    # Given a few jobs queued before the fuzzing, and a schedule, whose ids the fuzzer may act on
    seeded = {client.enqueue(task, params, queue=SEEDED_QUEUE): (task, params) for task, params in SEEDED}
    schedule = schedule_service_pb2_grpc.ScheduleServiceStub(channel).CreateSchedule(
        schedule_service_pb2.CreateScheduleRequest(
            definition=schedule_service_pb2.ScheduleDefinition(
                task="mrq_test_tasks.add", params_json=b'{"a": 1, "b": 2}', interval_s=3600
            )
        ),
        timeout=CALL_TIMEOUT_S,
    )
    known = {
        "job_id": list(seeded),
        "job_ids": list(seeded),
        "taskset_id": list(seeded),
        "schedule_id": [schedule.schedule.id],
    }
    accepted: dict[str, Accepted | None] = {
        job_id: Accepted(task, params, "seeded") for job_id, (task, params) in seeded.items()
    }

    @settings(
        max_examples=EXAMPLES_PER_SERVICE,
        deadline=None,
        derandomize=DERANDOMIZE,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @replaying_findings
    @given(calls(known, rpcs([service])))
    def fuzz(method_and_request: tuple[MethodDescriptor, Message]) -> None:
        method, request = method_and_request
        try:
            responses = call(method, request)
        except grpc.RpcError as error:
            details = error.details() or ""
            assert error.code() not in BROKEN, f"{method.name}({request}) -> {error.code()}: {details}"
            if error.code() == grpc.StatusCode.INVALID_ARGUMENT:
                assert ": " in details, f"{method.name}: {details!r} names no field"
            return
        accepted.update(accepted_jobs(method, request, responses[0] if responses else None))

    # When every method of the service gets arbitrary requests
    fuzz()

    # Then the broker is up and answers
    assert stack.broker.is_alive()
    assert client.server_info().max_batch_size == 20
    # And every job accepted during the fuzzing is stored with the task and params it was sent
    for job_id, expected in accepted.items():
        job = client.get_job(job_id)
        assert expected is None or (job["task"], job["params"]) == (expected.task, expected.params), expected
    # And every job record, whatever the fuzzing did to it, still reads back
    for listed in stack.list_jobs():
        assert client.get_job(listed["id"])["status"]
    # And the scheduler can work out the ticks of every schedule the broker accepted
    schedules = (
        schedule_service_pb2_grpc.ScheduleServiceStub(channel)
        .ListSchedules(schedule_service_pb2.ListSchedulesRequest(), timeout=CALL_TIMEOUT_S)
        .schedules
    )
    for listed in schedules:
        spec = ScheduleSpec.from_proto(listed.definition)
        latest_tick(spec, listed.date_created.ToDatetime(tzinfo=UTC), datetime.now(UTC) + timedelta(days=3650))
    # And the seeded jobs, put back in their queue, run to success
    client.requeue(list(seeded))
    stack.start_worker(SEEDED_QUEUE, greenlets=4)
    jobs = client.wait(list(seeded), timeout=60)
    assert [(job["status"], job["result"]) for job in jobs] == [("success", p["a"] + 1) for _, p in SEEDED]
