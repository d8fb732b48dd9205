"""Enqueueing jobs, one or many, and reading their results back: function and class-based tasks."""

from __future__ import annotations

import pytest
from harness import StackUnderTest
from tcp_proxy import TcpProxy

from mrq import Client


def test_one_job_runs_and_its_record_tells_the_story(stack: StackUnderTest, client: Client) -> None:
    worker = stack.start_worker("default", greenlets=2)

    job_id = client.enqueue("mrq_test_tasks.add", {"a": 40, "b": 2})
    job = client.wait(job_id, timeout=30)

    assert (job["id"], job["task"], job["queue"]) == (job_id, "mrq_test_tasks.add", "default")
    assert (job["status"], job["result"], job["params"]) == ("success", 42, {"a": 40, "b": 2})
    assert job["exception_type"] == job["error"] == job["traceback"] == ""
    assert job["traceback_history"] == [] and job["requeue_count"] == 0
    assert job["worker_id"].rsplit("-", 2)[1] == str(worker.pid)
    assert job["date_enqueued"] <= job["date_started"] <= job["date_finished"]
    assert client.get_job(job_id) == job


def test_a_client_whose_connection_is_slow_to_open_still_enqueues(stack: StackUnderTest) -> None:
    # Given a broker reached through a network that takes 0.5 s to open a connection
    proxy = TcpProxy(int(stack.broker_address.rsplit(":", 1)[1]), connect_delay_s=0.5)
    try:
        with Client(f"127.0.0.1:{proxy.port}") as slow:
            # When a fresh client's first call is a write (which is never retried)
            job_id = slow.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2})
            # Then it waits for the connection rather than failing UNAVAILABLE
            assert slow.get_job(job_id)["status"] == "queued"
    finally:
        proxy.close()


def test_results_keep_their_json_type(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=4)
    values = [None, True, 0, -7, 2.5, "text é ✓", [1, [2, 3]], {"nested": {"a.b": 1, "$c": [None]}}, []]

    jobs = client.wait([client.enqueue("mrq_test_tasks.echo", value) for value in values], timeout=30)

    # None as params means "{}" (the documented default); everything else comes back as sent
    assert [job["result"] for job in jobs] == [{}, *values[1:]]
    assert all(job["status"] == "success" for job in jobs)


def test_many_jobs_in_one_call_keep_their_order(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=10)

    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": i} for i in range(200)])
    jobs = client.wait(job_ids, timeout=30)

    assert len(set(job_ids)) == 200
    assert [job["id"] for job in jobs] == job_ids
    assert [(job["status"], job["result"]) for job in jobs] == [("success", 2 * i) for i in range(200)]
    assert [job["params"] for job in jobs] == [{"a": i, "b": i} for i in range(200)]


@pytest.mark.broker_args("--max-batch-size", "7")
def test_bulk_enqueue_larger_than_a_batch_is_split_and_complete(stack: StackUnderTest, client: Client) -> None:
    # Given a broker that takes at most 7 jobs per EnqueueMany and per WaitJobs
    stack.start_worker("default", greenlets=10)

    # When 50 jobs are enqueued and waited for in one call each
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(50)])
    jobs = client.wait(job_ids, timeout=30)

    # Then the client split both, and every job ran with its own result
    assert len(set(job_ids)) == 50
    assert [job["result"] for job in jobs] == [i + 1 for i in range(50)]


def test_function_and_class_based_tasks_run_side_by_side(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=4)

    function_job = client.enqueue("mrq_test_tasks.add", {"a": 6, "b": 7})
    class_jobs = client.enqueue_many("mrq_test_tasks.Multiply", [{"a": 6, "b": 7}, {"a": 3, "b": 5}, {"a": 0, "b": 9}])
    jobs = client.wait([function_job, *class_jobs], timeout=30)

    assert [job["status"] for job in jobs] == ["success"] * 4
    assert jobs[0]["result"] == 13
    # Each job of a Task class gets a fresh instance: per-instance state never leaks between jobs
    assert [job["result"] for job in jobs[1:]] == [
        {"product": 42, "calls": 1},
        {"product": 15, "calls": 1},
        {"product": 0, "calls": 1},
    ]


def test_jobs_enqueued_before_any_worker_wait_for_one(stack: StackUnderTest, client: Client) -> None:
    # Given jobs enqueued while no worker runs
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 0} for i in range(5)])
    assert {client.get_job(job_id)["status"] for job_id in job_ids} == {"queued"}

    # When a worker starts
    stack.start_worker("default", greenlets=2)

    # Then it picks them up
    assert [job["result"] for job in client.wait(job_ids, timeout=30)] == list(range(5))
