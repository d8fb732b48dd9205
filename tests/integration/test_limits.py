"""Limits and uniqueness, enforced by the broker across every worker: concurrency and rate limits
at lease time, ``mrq.ratelimit`` for task code, dedupe keys, task filters and lease order
(the broker's config is queue_config.py)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import grpc
import pytest
from harness import StackUnderTest

from mrq import Client
from mrq.v1 import job_pb2, job_service_pb2, job_service_pb2_grpc, worker_service_pb2, worker_service_pb2_grpc
from mrq_local import wait_until

WAIT_S = 60.0
CONFIG = Path(__file__).with_name("queue_config.py")
with_config = pytest.mark.broker_args("--config", str(CONFIG))


def intervals(path: Path) -> list[tuple[float, float]]:
    """The (start, end) of each mrq_test_tasks.record_interval run."""
    if not path.exists():
        return []
    return [(float(a), float(b)) for a, b in (line.split() for line in path.read_text().splitlines())]


def most_overlapping(runs: list[tuple[float, float]]) -> int:
    """The most runs that were running at the same instant."""
    events = sorted([(start, 1) for start, _ in runs] + [(end, -1) for _, end in runs])
    most = current = 0
    for _, step in events:
        current += step
        most = max(most, current)
    return most


@with_config
def test_concurrency_limit_of_2_holds_across_workers(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    jobs = 12
    client.enqueue_many("mrq_test_tasks.record_interval", [{"path": str(out), "hold_s": 0.3} for _ in range(jobs)])
    for _ in range(3):
        stack.start_worker("default", greenlets=10)
    wait_until(lambda: len(intervals(out)) == jobs, timeout_s=WAIT_S, what="every limited job to run")
    assert most_overlapping(intervals(out)) == 2  # never more, and the limit is used


@with_config
def test_concurrency_limit_per_key_keeps_one_per_user(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # mrq_test_tasks.record_run has max_concurrency 1 per "user": the two users' jobs run side by side.
    runs = {user: tmp_path / f"{user}.runs" for user in ("ann", "bob")}
    ids = [
        client.enqueue("mrq_test_tasks.record_run", {"runs": str(runs[user]), "user": user, "n": n})
        for n in range(3)
        for user in runs
    ]
    stack.start_worker("default", greenlets=10)
    done = client.wait(ids, timeout=WAIT_S)
    assert {j["status"] for j in done} == {"success"}
    for user in runs:
        mine = sorted((j for j in done if j["params"]["user"] == user), key=lambda j: j["date_started"])
        assert all(a["date_finished"] <= b["date_started"] for a, b in pairwise(mine))


@with_config
def test_concurrency_limit_can_fail_jobs_instead(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # mrq_test_tasks.gated_value has max_concurrency 1 and on_limit "fail": MRQ's maxconcurrency status.
    gate = tmp_path / "gate"
    running = client.enqueue("mrq_test_tasks.gated_value", {"gate": str(gate), "value": 1})
    stack.start_worker("default", greenlets=2)
    wait_until(lambda: client.get_job(running)["status"] == "started", timeout_s=WAIT_S, what="the first job")
    refused = client.wait(client.enqueue("mrq_test_tasks.gated_value", {"value": 2}), timeout=WAIT_S)
    assert refused["status"] == "maxconcurrency" and refused["exception_type"] == "mrq.MaxConcurrency"
    gate.touch()
    assert client.wait(running, timeout=WAIT_S)["status"] == "success"


@with_config
def test_rate_limit_of_5_per_second_holds_over_3_seconds(stack: StackUnderTest, client: Client) -> None:
    client.enqueue_many("mrq_test_tasks.sleep_briefly", [{"times": 1}] * 40)
    stack.start_worker("default", greenlets=10)
    stack.start_worker("default", greenlets=10)

    def started() -> list[float]:
        return sorted(j["date_started"].timestamp() for j in stack.list_jobs() if j["date_started"])

    wait_until(lambda: len(started()) >= 15, timeout_s=WAIT_S, what="15 rate-limited starts")
    starts = started()
    first = starts[0]
    window = [s for s in starts if s < first + 3.0]
    # Sliding windows of one second never hold more than 5 starts...
    assert max(sum(1 for s in window if t <= s < t + 1.0) for t in window) <= 5
    # ...and the limit is used, not starved: 3 s hold 15 starts, give or take a window's edge.
    assert 10 <= len(window) <= 15


@with_config
def test_ratelimit_helper_shares_a_window(stack: StackUnderTest, client: Client) -> None:
    params = {"key": "api.example.com", "limit": 3, "per": 60}
    stack.start_worker("default", greenlets=1)
    answers = [
        client.wait(client.enqueue("mrq_test_tasks.check_ratelimit", params), timeout=WAIT_S)["result"]
        for _ in range(4)
    ]
    assert answers == [3, 2, 1, 0]
    assert client.queues.check_rate_limit("api.example.com", 3, 60) == 0  # the same window


def test_dedupe_key_returns_the_pending_job(stack: StackUnderTest, client: Client) -> None:
    first = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, dedupe_key="nightly-report")
    assert client.enqueue("mrq_test_tasks.add", {"a": 9, "b": 9}, dedupe_key="nightly-report") == first
    # Over gRPC, the answer says which: a client in any language can tell a new job from the pending one.
    with grpc.insecure_channel(stack.broker_address) as channel:
        stub = job_service_pb2_grpc.JobServiceStub(channel)
        request = job_service_pb2.EnqueueRequest(
            task="mrq_test_tasks.add", params_json=b"{}", options=job_pb2.JobOptions(dedupe_key="nightly-report")
        )
        assert stub.Enqueue(request) == job_service_pb2.EnqueueResponse(job_id=first, deduplicated=True)
        request.options.dedupe_key = "another-report"
        assert not stub.Enqueue(request).deduplicated
    stack.start_worker("default")
    assert client.wait(first, timeout=WAIT_S)["result"] == 2
    again = client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 2}, dedupe_key="nightly-report")
    assert again != first
    assert client.wait(again, timeout=WAIT_S)["result"] == 4


@with_config
def test_unique_jobs_dedupe_on_task_and_params(stack: StackUnderTest, client: Client) -> None:
    # mrq_test_tasks.echo is unique in TASKS; mrq_test_tasks.add asks per job.
    assert client.enqueue("mrq_test_tasks.echo", {"x": 1}) == client.enqueue("mrq_test_tasks.echo", {"x": 1})
    assert client.enqueue("mrq_test_tasks.echo", {"x": 1}) != client.enqueue("mrq_test_tasks.echo", {"x": 2})
    one = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, unique=True)
    assert client.enqueue("mrq_test_tasks.add", {"b": 2, "a": 1}, unique=True) == one  # same params, any key order
    assert client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}) != one


def lease(address: str, **request: object) -> list[str]:
    """One LeaseJobs call, as a worker makes it; returns the tasks of the jobs it got, in order."""
    with grpc.insecure_channel(address) as channel:
        stub = worker_service_pb2_grpc.WorkerServiceStub(channel)
        response = stub.LeaseJobs(worker_service_pb2.LeaseJobsRequest(worker_id="w-1", wait_s=0, **request))
    return [json.loads(j.params_json)["n"] for j in response.jobs]


def test_lease_order_sequential_and_parallel(stack: StackUnderTest, client: Client) -> None:
    for queue, base in (("q1", 10), ("q2", 20)):
        client.enqueue_many("mrq_test_tasks.echo", [{"n": base + i} for i in range(3)], queue=queue)
    sequential = worker_service_pb2.DEQUEUE_STRATEGY_SEQUENTIAL
    parallel = worker_service_pb2.DEQUEUE_STRATEGY_PARALLEL
    assert lease(stack.broker_address, queues=["q1", "q2"], max_jobs=4, strategy=sequential) == [10, 11, 12, 20]
    assert lease(stack.broker_address, queues=["q1", "q2"], max_jobs=2, strategy=parallel) == [21, 22]
    client.enqueue_many("mrq_test_tasks.echo", [{"n": 30 + i} for i in range(4)], queue="q1")
    client.enqueue_many("mrq_test_tasks.echo", [{"n": 40 + i} for i in range(4)], queue="q2")
    # Parallel takes one from each in turn, and each call starts one queue further on.
    first = lease(stack.broker_address, queues=["q1", "q2"], max_jobs=3, strategy=parallel)
    second = lease(stack.broker_address, queues=["q1", "q2"], max_jobs=3, strategy=parallel)
    assert sorted([first, second]) == [[30, 40, 31], [41, 32, 42]]


def test_task_whitelist_and_blacklist_leave_other_jobs_in_place(stack: StackUnderTest, client: Client) -> None:
    client.enqueue("mrq_test_tasks.echo", {"n": 1})
    client.enqueue("mrq_test_tasks.add", {"n": 2})
    client.enqueue("mrq_test_tasks.echo", {"n": 3})
    assert lease(stack.broker_address, queues=["default"], max_jobs=5, task_whitelist=["mrq_test_tasks.add"]) == [2]
    assert lease(stack.broker_address, queues=["default"], max_jobs=1, task_blacklist=["mrq_test_tasks.echo"]) == []
    assert lease(stack.broker_address, queues=["default"], max_jobs=5) == [1, 3]
