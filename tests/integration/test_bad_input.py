"""Bad requests over raw gRPC (the generated mrq.v1 stubs, no client library in between): each is
refused with the right status code and a message that starts with the offending field, and
refusing it changes nothing: jobs accepted before still run to the right result."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import grpc
import pytest
from harness import StackUnderTest

from mrq import Client, InvalidArgument, JobNotFound
from mrq.v1 import job_pb2, job_service_pb2, job_service_pb2_grpc

MAX_PARAMS_BYTES = 200
MAX_BATCH_SIZE = 5
pytestmark = pytest.mark.broker_args("--max-params-bytes", str(MAX_PARAMS_BYTES),
                                     "--max-batch-size", str(MAX_BATCH_SIZE))

UNKNOWN_ID = "0123456789abcdef01234567"
BIG_PARAMS = b'{"a": "' + b"x" * MAX_PARAMS_BYTES + b'"}'
GOOD = b'{"a": 1, "b": 2}'
INVALID = grpc.StatusCode.INVALID_ARGUMENT


@dataclass(frozen=True)
class BadRequest:
    """A request the broker must refuse with ``code``, its message starting ``"<field>: "``."""

    rpc: str
    request: Any
    code: grpc.StatusCode
    field: str
    says: str = ""  # more text the message must contain


def enqueue(task: str = "tasks.add", params: bytes = GOOD, **options: Any) -> job_service_pb2.EnqueueRequest:
    return job_service_pb2.EnqueueRequest(task=task, params_json=params, options=job_pb2.JobOptions(**options))


def enqueue_many(params: list[bytes], task: str = "tasks.add", **options: Any) -> job_service_pb2.EnqueueManyRequest:
    return job_service_pb2.EnqueueManyRequest(task=task, params_json=params, options=job_pb2.JobOptions(**options))


BAD_REQUESTS: dict[str, BadRequest] = {
    "empty task path": BadRequest("Enqueue", enqueue(task=""), INVALID, "task", "required"),
    "task path with a space": BadRequest("Enqueue", enqueue(task="tasks add"), INVALID, "task", "dotted path"),
    "task path without a module": BadRequest("Enqueue", enqueue(task="add"), INVALID, "task", "dotted path"),
    "task path ending in a dot": BadRequest("Enqueue", enqueue(task="tasks."), INVALID, "task"),
    "task path too long": BadRequest("Enqueue", enqueue(task="tasks." + "a" * 300), INVALID, "task"),
    "params not JSON": BadRequest("Enqueue", enqueue(params=b"{'a': 1}"), INVALID, "params_json", "not valid JSON"),
    "params cut short": BadRequest("Enqueue", enqueue(params=b'{"a": 1'), INVALID, "params_json", "JSON"),
    "params not UTF-8": BadRequest("Enqueue", enqueue(params=b'"\xff"'), INVALID, "params_json"),
    "params over the size limit": BadRequest("Enqueue", enqueue(params=BIG_PARAMS), INVALID, "params_json",
                                             f"over the limit of {MAX_PARAMS_BYTES}"),
    "queue name with a space": BadRequest("Enqueue", enqueue(queue="my queue"), INVALID, "options.queue"),
    "priority out of range": BadRequest("Enqueue", enqueue(priority=1001), INVALID, "options.priority"),
    "negative timeout": BadRequest("Enqueue", enqueue(timeout_s=-1), INVALID, "options.timeout_s"),
    "batch over the size limit": BadRequest("EnqueueMany", enqueue_many([GOOD] * (MAX_BATCH_SIZE + 1)), INVALID,
                                            "params_json", f"batch limit of {MAX_BATCH_SIZE}"),
    "batch with one entry not JSON": BadRequest("EnqueueMany", enqueue_many([GOOD, b"nope", GOOD]), INVALID,
                                                "params_json[1]", "not valid JSON"),
    "batch with one entry too big": BadRequest("EnqueueMany", enqueue_many([GOOD, GOOD, BIG_PARAMS]), INVALID,
                                               "params_json[2]", f"over the limit of {MAX_PARAMS_BYTES}"),
    "batch with an empty task path": BadRequest("EnqueueMany", enqueue_many([GOOD], task=""), INVALID, "task"),
    "batch with a dedupe key": BadRequest("EnqueueMany", enqueue_many([GOOD], dedupe_key="k"), INVALID,
                                          "options.dedupe_key"),
    "unknown job id": BadRequest("GetJob", job_service_pb2.GetJobRequest(job_id=UNKNOWN_ID),
                                 grpc.StatusCode.NOT_FOUND, "job_id", UNKNOWN_ID),
    "malformed job id": BadRequest("GetJob", job_service_pb2.GetJobRequest(job_id="not-a-job-id"), INVALID,
                                   "job_id", "24 hex"),
    "empty job id": BadRequest("GetJob", job_service_pb2.GetJobRequest(job_id=""), INVALID, "job_id"),
    "wait for an unknown job id": BadRequest("WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID]),
                                             grpc.StatusCode.NOT_FOUND, "job_id", UNKNOWN_ID),
    "wait with a malformed job id": BadRequest(
        "WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID, "xyz"]), INVALID, "job_ids[1]"),
    "wait for too many jobs": BadRequest(
        "WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID] * (MAX_BATCH_SIZE + 1)), INVALID,
        "job_ids", f"at most {MAX_BATCH_SIZE}"),
    "wait with a negative timeout": BadRequest(
        "WaitJobs", job_service_pb2.WaitJobsRequest(job_ids=[UNKNOWN_ID], timeout_s=-1), INVALID, "timeout_s"),
}


@pytest.fixture
def call(stack: StackUnderTest) -> Iterator[Callable[[str, Any], Any]]:
    """Calls a JobService method by name over a plain gRPC channel, with a deadline."""
    with grpc.insecure_channel(stack.broker_address) as channel:
        stub = job_service_pb2_grpc.JobServiceStub(channel)
        yield lambda rpc, request: getattr(stub, rpc)(request, timeout=10)


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


def test_refused_requests_leave_accepted_jobs_untouched(stack: StackUnderTest, call: Callable[[str, Any], Any],
                                                        client: Client) -> None:
    # Given jobs accepted one by one and in a batch, before any worker runs
    single = call("Enqueue", enqueue(params=b'{"a": 20, "b": 22}')).job_id
    batch = list(call("EnqueueMany", enqueue_many([b'{"a": %d, "b": 1}' % i for i in range(MAX_BATCH_SIZE)])).job_ids)

    # When every bad request is sent, and refused
    for name, bad in BAD_REQUESTS.items():
        assert refusal(call, bad).code() == bad.code, name

    # Then nothing of them was stored: not even the valid entries of a refused batch
    assert stack.db.jobs.count_documents({}) == 1 + MAX_BATCH_SIZE
    # And the accepted jobs run as if nothing had happened
    stack.start_worker("default", greenlets=4)
    jobs = client.wait([single, *batch], timeout=30)
    assert [(job["status"], job["result"]) for job in jobs] == [("success", 42)] + [
        ("success", i + 1) for i in range(MAX_BATCH_SIZE)]


def test_the_python_client_raises_the_matching_errors(stack: StackUnderTest, client: Client) -> None:
    with pytest.raises(InvalidArgument) as invalid:
        client.enqueue("", {"a": 1})
    assert invalid.value.field == "task"
    with pytest.raises(InvalidArgument) as too_big:
        client.enqueue("tasks.echo", "x" * MAX_PARAMS_BYTES)
    assert too_big.value.field == "params_json"
    with pytest.raises(InvalidArgument) as malformed:
        client.get_job("nope")
    assert malformed.value.field == "job_id"
    with pytest.raises(JobNotFound, match=UNKNOWN_ID):
        client.get_job(UNKNOWN_ID)
    with pytest.raises(JobNotFound, match=UNKNOWN_ID):
        client.wait(UNKNOWN_ID, timeout=1)
