"""Bad requests over raw gRPC (the generated mrq.v1 stubs, no client library in between): each is
refused with the right status code and a message that starts with the offending field, and
refusing it changes nothing: jobs accepted before still run to the right result."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from harness import StackUnderTest

from mrq import Client, InvalidArgument, JobNotFound
from mrq.v1 import (
    job_pb2,
    job_service_pb2,
    job_service_pb2_grpc,
    monitor_service_pb2,
    monitor_service_pb2_grpc,
    queue_service_pb2,
    queue_service_pb2_grpc,
    schedule_service_pb2,
    schedule_service_pb2_grpc,
    worker_service_pb2,
    worker_service_pb2_grpc,
)

MAX_PARAMS_BYTES = 200
MAX_BATCH_SIZE = 5
MAX_LOG_BYTES = 1000
CONFIG = Path(__file__).with_name("queue_config.py")  # raw queues log_raw, log_sorted_set...
pytestmark = pytest.mark.broker_args(
    "--max-params-bytes",
    str(MAX_PARAMS_BYTES),
    "--max-batch-size",
    str(MAX_BATCH_SIZE),
    "--max-log-bytes-per-job",
    str(MAX_LOG_BYTES),
    "--config",
    str(CONFIG),
)

UNKNOWN_ID = "0123456789abcdef01234567"
BIG_PARAMS = b'{"a": "' + b"x" * MAX_PARAMS_BYTES + b'"}'
GOOD = b'{"a": 1, "b": 2}'
INVALID = grpc.StatusCode.INVALID_ARGUMENT


@dataclass(frozen=True)
class BadRequest:
    """A request the broker must refuse with ``code``, its message starting ``"<field>: "``."""

    rpc: str  # "Enqueue" (a JobService method) or "Service.Method"
    request: Any
    code: grpc.StatusCode
    field: str
    says: str = ""  # more text the message must contain


def enqueue(task: str = "mrq_test_tasks.add", params: bytes = GOOD, **options: Any) -> job_service_pb2.EnqueueRequest:
    return job_service_pb2.EnqueueRequest(task=task, params_json=params, options=job_pb2.JobOptions(**options))


def enqueue_many(
    params: list[bytes], task: str = "mrq_test_tasks.add", **options: Any
) -> job_service_pb2.EnqueueManyRequest:
    return job_service_pb2.EnqueueManyRequest(task=task, params_json=params, options=job_pb2.JobOptions(**options))


def stamp(seconds: int, nanos: int = 0) -> Timestamp:
    return Timestamp(seconds=seconds, nanos=nanos)


def schedule(**fields: Any) -> schedule_service_pb2.CreateScheduleRequest:
    definition = {"task": "mrq_test_tasks.add", "params_json": GOOD, "interval_s": 60.0, **fields}
    return schedule_service_pb2.CreateScheduleRequest(definition=schedule_service_pb2.ScheduleDefinition(**definition))


def lease(*queues: str) -> worker_service_pb2.LeaseJobsRequest:
    return worker_service_pb2.LeaseJobsRequest(worker_id="w", queues=queues, max_jobs=1)


LONG_QUEUE = "q" * 201
#: Each limit (docs/limits.md), at each entry point.
LIMITS: dict[str, BadRequest] = {
    "queue name too long": BadRequest("Enqueue", enqueue(queue=LONG_QUEUE), INVALID, "options.queue", "1-200"),
    "queue name with a NUL": BadRequest("Enqueue", enqueue(queue="a\x00b"), INVALID, "options.queue"),
    "raw queue name too long": BadRequest(
        "QueueService.EnqueueRaw",
        queue_service_pb2.EnqueueRawRequest(queue="log_raw/" + LONG_QUEUE, params_json=[GOOD]),
        INVALID,
        "queue",
        "1-200",
    ),
    "lease from a bad queue name": BadRequest("WorkerService.LeaseJobs", lease("ok", "no way"), INVALID, "queues[1]"),
    "lease with a bad task path": BadRequest(
        "WorkerService.LeaseJobs",
        worker_service_pb2.LeaseJobsRequest(
            worker_id="w", queues=["ok"], max_jobs=1, task_whitelist=["mrq_test_tasks.add", "not a path"]
        ),
        INVALID,
        "task_whitelist[1]",
    ),
    "pause a bad queue name": BadRequest(
        "QueueService.PauseQueue", queue_service_pb2.PauseQueueRequest(queue="a b", paused=True), INVALID, "queue"
    ),
    "empty a queue name too long": BadRequest(
        "QueueService.EmptyQueue", queue_service_pb2.EmptyQueueRequest(queue=LONG_QUEUE), INVALID, "queue"
    ),
    "schedule on a bad queue name": BadRequest(
        "ScheduleService.CreateSchedule", schedule(queue="a$b"), INVALID, "definition.queue"
    ),
    "filter on a bad queue name": BadRequest(
        "ActOnJobs",
        job_service_pb2.ActOnJobsRequest(
            action=job_service_pb2.JOB_ACTION_CANCEL, filter=job_service_pb2.JobFilter(queue="a b")
        ),
        INVALID,
        "filter.queue",
    ),
    "taskset callback on a bad queue name": BadRequest(
        "CreateTaskset",
        job_service_pb2.CreateTasksetRequest(
            task="mrq_test_tasks.add", params_json=[GOOD], callback_task="mrq_test_tasks.add", callback_queue="x y"
        ),
        INVALID,
        "callback_queue",
    ),
    "schedule every infinity": BadRequest(
        "ScheduleService.CreateSchedule", schedule(interval_s=float("inf")), INVALID, "definition.interval_s"
    ),
    "schedule every 1e300 s": BadRequest(
        "ScheduleService.CreateSchedule", schedule(interval_s=1e300), INVALID, "definition.interval_s"
    ),
    "schedule task path too long": BadRequest(
        "ScheduleService.CreateSchedule", schedule(task="tasks." + "a" * 300), INVALID, "definition.task"
    ),
    "schedule params over the size limit": BadRequest(
        "ScheduleService.CreateSchedule",
        schedule(params_json=BIG_PARAMS),
        INVALID,
        "definition.params_json",
        f"over the limit of {MAX_PARAMS_BYTES}",
    ),
    "taskset callback params over the size limit": BadRequest(
        "CreateTaskset",
        job_service_pb2.CreateTasksetRequest(
            task="mrq_test_tasks.add",
            params_json=[GOOD],
            callback_task="mrq_test_tasks.add",
            callback_params_json=BIG_PARAMS,
        ),
        INVALID,
        "callback_params_json",
        f"over the limit of {MAX_PARAMS_BYTES}",
    ),
    "raw params over the size limit": BadRequest(
        "QueueService.EnqueueRaw",
        queue_service_pb2.EnqueueRawRequest(queue="log_raw", params_json=[GOOD, BIG_PARAMS]),
        INVALID,
        "params_json[1]",
    ),
    "raw batch over the size limit": BadRequest(
        "QueueService.EnqueueRaw",
        queue_service_pb2.EnqueueRawRequest(queue="log_raw", params_json=[GOOD] * (MAX_BATCH_SIZE + 1)),
        INVALID,
        "params_json",
        "batch limit",
    ),
    "taskset over the batch limit": BadRequest(
        "CreateTaskset",
        job_service_pb2.CreateTasksetRequest(task="mrq_test_tasks.add", params_json=[GOOD] * (MAX_BATCH_SIZE + 1)),
        INVALID,
        "params_json",
        "batch limit",
    ),
    "act on too many ids": BadRequest(
        "ActOnJobs",
        job_service_pb2.ActOnJobsRequest(
            action=job_service_pb2.JOB_ACTION_CANCEL, job_ids=[UNKNOWN_ID] * (MAX_BATCH_SIZE + 1)
        ),
        INVALID,
        "job_ids",
    ),
}

#: What the fuzzers (test_fuzz_grpc.py) found answered INTERNAL or UNKNOWN, now refused.
FUZZER_FINDINGS: dict[str, BadRequest] = {
    "eta with nanos out of range": BadRequest("Enqueue", enqueue(eta=stamp(0, -1)), INVALID, "options.eta"),
    "eta past year 9999": BadRequest("Enqueue", enqueue(eta=stamp(2**40)), INVALID, "options.eta"),
    "filter date with nanos out of range": BadRequest(
        "ActOnJobs",
        job_service_pb2.ActOnJobsRequest(
            action=job_service_pb2.JOB_ACTION_CANCEL,
            filter=job_service_pb2.JobFilter(enqueued_after=stamp(0, -(2**31))),
        ),
        INVALID,
        "filter.enqueued_after",
    ),
    "NaN delay": BadRequest("Enqueue", enqueue(delay_s=float("nan")), INVALID, "options.delay_s"),
    "infinite timeout": BadRequest("Enqueue", enqueue(timeout_s=float("inf")), INVALID, "options.timeout_s"),
    "sync schedules at an invalid now": BadRequest(
        "ScheduleService.SyncSchedules",
        schedule_service_pb2.SyncSchedulesRequest(now=stamp(0, -(2**31))),
        INVALID,
        "now",
    ),
    "fire a tick before 1970": BadRequest(
        "ScheduleService.FireSchedule",
        schedule_service_pb2.FireScheduleRequest(schedule_id="0" * 32, tick=stamp(-1)),
        INVALID,
        "tick",
        "1970",
    ),
    "workers seen within ages": BadRequest(
        "MonitorService.ListWorkers",
        monitor_service_pb2.ListWorkersRequest(seen_within_s=63931416451),
        INVALID,
        "seen_within_s",
    ),
    "overview over a NaN window": BadRequest(
        "MonitorService.GetOverview", monitor_service_pb2.GetOverviewRequest(window_s=float("nan")), INVALID, "window_s"
    ),
    "rate limit over ages": BadRequest(
        "QueueService.CheckRateLimit",
        queue_service_pb2.CheckRateLimitRequest(key="k", limit=2, per_s=118575255401783),
        INVALID,
        "per_s",
    ),
    "raw score not a number": BadRequest(
        "QueueService.EnqueueRaw",
        queue_service_pb2.EnqueueRawRequest(
            queue="log_sorted_set", params_json=[b'{"path": "p", "n": 1}'], scores=[float("nan")]
        ),
        INVALID,
        "scores[0]",
    ),
    "report a result that is not JSON": BadRequest(
        "WorkerService.ReportOutcomes",
        worker_service_pb2.ReportOutcomesRequest(
            worker_id="w",
            outcomes=[
                worker_service_pb2.JobOutcome(job_id=UNKNOWN_ID, status=job_pb2.JOB_STATUS_SUCCESS, result_json=b"\xff")
            ],
        ),
        INVALID,
        "outcomes[0].result_json",
    ),
    "progress over 1": BadRequest(
        "WorkerService.Heartbeat",
        worker_service_pb2.HeartbeatRequest(
            worker_id="w", progress=[worker_service_pb2.JobProgress(job_id=UNKNOWN_ID, progress=2)]
        ),
        INVALID,
        "progress[0].progress",
    ),
}

BAD_REQUESTS: dict[str, BadRequest] = {
    "empty task path": BadRequest("Enqueue", enqueue(task=""), INVALID, "task", "required"),
    "task path with a space": BadRequest("Enqueue", enqueue(task="tasks add"), INVALID, "task", "dotted path"),
    "task path without a module": BadRequest("Enqueue", enqueue(task="add"), INVALID, "task", "dotted path"),
    "task path ending in a dot": BadRequest("Enqueue", enqueue(task="tasks."), INVALID, "task"),
    "task path too long": BadRequest("Enqueue", enqueue(task="tasks." + "a" * 300), INVALID, "task"),
    "params not JSON": BadRequest("Enqueue", enqueue(params=b"{'a': 1}"), INVALID, "params_json", "not valid JSON"),
    "params cut short": BadRequest("Enqueue", enqueue(params=b'{"a": 1'), INVALID, "params_json", "JSON"),
    "params not UTF-8": BadRequest("Enqueue", enqueue(params=b'"\xff"'), INVALID, "params_json"),
    "params over the size limit": BadRequest(
        "Enqueue", enqueue(params=BIG_PARAMS), INVALID, "params_json", f"over the limit of {MAX_PARAMS_BYTES}"
    ),
    "queue name with a space": BadRequest("Enqueue", enqueue(queue="my queue"), INVALID, "options.queue"),
    "priority out of range": BadRequest("Enqueue", enqueue(priority=1001), INVALID, "options.priority"),
    "negative timeout": BadRequest("Enqueue", enqueue(timeout_s=-1), INVALID, "options.timeout_s"),
    "batch over the size limit": BadRequest(
        "EnqueueMany",
        enqueue_many([GOOD] * (MAX_BATCH_SIZE + 1)),
        INVALID,
        "params_json",
        f"batch limit of {MAX_BATCH_SIZE}",
    ),
    "batch with one entry not JSON": BadRequest(
        "EnqueueMany", enqueue_many([GOOD, b"nope", GOOD]), INVALID, "params_json[1]", "not valid JSON"
    ),
    "batch with one entry too big": BadRequest(
        "EnqueueMany",
        enqueue_many([GOOD, GOOD, BIG_PARAMS]),
        INVALID,
        "params_json[2]",
        f"over the limit of {MAX_PARAMS_BYTES}",
    ),
    "batch with an empty task path": BadRequest("EnqueueMany", enqueue_many([GOOD], task=""), INVALID, "task"),
    "batch with a dedupe key": BadRequest(
        "EnqueueMany", enqueue_many([GOOD], dedupe_key="k"), INVALID, "options.dedupe_key"
    ),
    "unknown job id": BadRequest(
        "GetJob", job_service_pb2.GetJobRequest(job_id=UNKNOWN_ID), grpc.StatusCode.NOT_FOUND, "job_id", UNKNOWN_ID
    ),
    "malformed job id": BadRequest(
        "GetJob", job_service_pb2.GetJobRequest(job_id="not-a-job-id"), INVALID, "job_id", "24 hex"
    ),
    "empty job id": BadRequest("GetJob", job_service_pb2.GetJobRequest(job_id=""), INVALID, "job_id"),
    "wait for an unknown job id": BadRequest(
        "WaitJobs",
        job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID]),
        grpc.StatusCode.NOT_FOUND,
        "job_id",
        UNKNOWN_ID,
    ),
    "wait with a malformed job id": BadRequest(
        "WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID, "xyz"]), INVALID, "job_ids[1]"
    ),
    "wait for too many jobs": BadRequest(
        "WaitJobs",
        job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID] * (MAX_BATCH_SIZE + 1)),
        INVALID,
        "job_ids",
        f"at most {MAX_BATCH_SIZE}",
    ),
    "wait with a negative timeout": BadRequest(
        "WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID], timeout_s=-1), INVALID, "timeout_s"
    ),
    **LIMITS,
    **FUZZER_FINDINGS,
}


STUBS = {
    "JobService": job_service_pb2_grpc.JobServiceStub,
    "QueueService": queue_service_pb2_grpc.QueueServiceStub,
    "ScheduleService": schedule_service_pb2_grpc.ScheduleServiceStub,
    "MonitorService": monitor_service_pb2_grpc.MonitorServiceStub,
    "WorkerService": worker_service_pb2_grpc.WorkerServiceStub,
}


@pytest.fixture
def call(stack: StackUnderTest) -> Iterator[Callable[[str, Any], Any]]:
    """Calls a method by name ("Enqueue" or "QueueService.EnqueueRaw") over a plain gRPC channel,
    with a deadline."""
    with grpc.insecure_channel(stack.broker_address) as channel:
        stubs = {name: stub(channel) for name, stub in STUBS.items()}

        def invoke(rpc: str, request: Any) -> Any:
            service, _, method = rpc.rpartition(".")
            return getattr(stubs[service or "JobService"], method)(request, timeout=10)

        yield invoke


def refusal(call: Callable[[str, Any], Any], bad: BadRequest) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call(bad.rpc, bad.request)
    return caught.value


def test_each_bad_request_is_refused_with_its_code_and_field(call: Callable[[str, Any], Any]) -> None:
    # One broker for every case, and one report listing each case that went wrong
    wrong = {}
    for name, bad in BAD_REQUESTS.items():
        error = refusal(call, bad)
        details = error.details() or ""
        if error.code() != bad.code or not details.startswith(f"{bad.field}: ") or bad.says not in details:
            wrong[name] = f"{error.code()}: {details!r}; expected {bad.code} and {bad.field!r}: ...{bad.says}"

    assert not wrong, "\n".join(f"{name}: {problem}" for name, problem in wrong.items())


def test_refused_requests_leave_accepted_jobs_untouched(
    stack: StackUnderTest, call: Callable[[str, Any], Any], client: Client
) -> None:
    # Given jobs accepted one by one and in a batch, before any worker runs
    single = call("Enqueue", enqueue(params=b'{"a": 20, "b": 22}')).job_id
    batch = list(call("EnqueueMany", enqueue_many([b'{"a": %d, "b": 1}' % i for i in range(MAX_BATCH_SIZE)])).job_ids)

    # When every bad request is sent, and refused
    for name, bad in BAD_REQUESTS.items():
        assert refusal(call, bad).code() == bad.code, name

    # Then nothing of them was stored: not even the valid entries of a refused batch
    assert len(stack.list_jobs()) == 1 + MAX_BATCH_SIZE
    # And the accepted jobs run as if nothing had happened
    stack.start_worker("default", greenlets=4)
    jobs = client.wait([single, *batch], timeout=30)
    assert [(job["status"], job["result"]) for job in jobs] == [("success", 42)] + [
        ("success", i + 1) for i in range(MAX_BATCH_SIZE)
    ]


def test_the_python_client_raises_the_matching_errors(stack: StackUnderTest, client: Client) -> None:
    with pytest.raises(InvalidArgument) as invalid:
        client.enqueue("", {"a": 1})
    assert invalid.value.field == "task"
    with pytest.raises(InvalidArgument) as too_big:
        client.enqueue("mrq_test_tasks.echo", "x" * MAX_PARAMS_BYTES)
    assert too_big.value.field == "params_json"
    with pytest.raises(InvalidArgument) as malformed:
        client.get_job("nope")
    assert malformed.value.field == "job_id"
    with pytest.raises(JobNotFound, match=UNKNOWN_ID):
        client.get_job(UNKNOWN_ID)
    with pytest.raises(JobNotFound, match=UNKNOWN_ID):
        client.wait(UNKNOWN_ID, timeout=1)


def test_logs_shipped_past_the_per_job_cap_are_dropped_after_one_marker(
    call: Callable[[str, Any], Any], client: Client
) -> None:
    # Given a job, and a caller of WorkerService.ShipLogs that is no well-behaved worker
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2})
    line = "x" * 99 + "\n"

    # When it ships 30 chunks of 100 bytes, one per call, for a cap of 1000 bytes
    for _ in range(30):
        chunk = worker_service_pb2.LogChunk(job_id=job_id, text=line)
        call("WorkerService.ShipLogs", worker_service_pb2.ShipLogsRequest(worker_id="rogue", chunks=[chunk]))

    # Then every call succeeded, but the job kept the first 1000 bytes and one marker only
    logs = client.get_logs(job_id)
    kept, marker, rest = logs.partition("[log truncated by the broker: over 1000 bytes for this job")
    assert kept == line * (MAX_LOG_BYTES // len(line))
    assert marker and rest.count("\n") == 1 and "[log truncated" not in rest


def test_a_request_over_the_message_size_limit_is_refused_by_grpc(
    call: Callable[[str, Any], Any], stack: StackUnderTest
) -> None:
    with pytest.raises(grpc.RpcError) as caught:
        call("Enqueue", enqueue(params=b'"' + b"x" * 100_000_000 + b'"'))
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert stack.broker.is_alive()
    assert stack.list_jobs() == []


def test_a_taskset_never_answers_ids_of_jobs_it_did_not_store(call: Callable[[str, Any], Any], client: Client) -> None:
    # Found by the gRPC fuzzer: unique members deduplicated against each other (or against queued
    # jobs) were answered as members, with ids no job had, and the taskset could never complete.
    twin = b'{"a": 1, "b": 1}'
    for options, task in (
        (job_pb2.JobOptions(unique=True), "mrq_test_tasks.add"),
        (job_pb2.JobOptions(), "mrq_test_tasks.echo"),
    ):
        request = job_service_pb2.CreateTasksetRequest(task=task, params_json=[twin, twin], options=options)
        try:
            response = call("CreateTaskset", request)
        except grpc.RpcError as error:
            assert error.code() == INVALID, error
            assert (error.details() or "").startswith("options.unique: "), error.details()
            continue
        assert [client.get_job(job_id)["params"] for job_id in response.job_ids] == [{"a": 1, "b": 1}] * 2
