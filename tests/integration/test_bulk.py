"""The headline: 10,000 jobs from one enqueue_many all end ``success`` with the right results, on a
single worker process, even when that worker is SIGKILLed part-way through."""

from __future__ import annotations

import pytest
from harness import StackUnderTest

from mrq import Client
from mrq_local import wait_until

JOBS = 10_000
GREENLETS = 50
# FerretDB on SQLite is the bottleneck: 300 to 1,000 jobs/s end to end on two busy cores, so each
# test takes 15 to 40 s. The timeout only bounds a hang; it is not the expected time.
RUN_TIMEOUT_S = 90.0
#: How long the job a SIGKILLed worker is sure to hold runs: longer than a third of the 10,000
#: jobs take on a busy machine (about 2 s).
HELD_JOB_S = 6.0


def enqueue_additions(client: Client) -> list[str]:
    """10,000 ``mrq_test_tasks.add`` jobs in one enqueue_many call; job i adds i and 1."""
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(JOBS)])
    assert len(job_ids) == len(set(job_ids)) == JOBS
    return job_ids


def queued(client: Client) -> int:
    """Jobs waiting on the default queue, not yet leased."""
    return sum(q["queued"] for q in client.queues.list("default") if q["name"] == "default")


def assert_all_added(client: Client, job_ids: list[str]) -> list[dict]:
    """Waits for the jobs of :func:`enqueue_additions`; each must be success with result i + 1."""
    jobs = client.wait(job_ids, timeout=RUN_TIMEOUT_S)
    not_success = [job for job in jobs if job["status"] != "success"]
    assert not not_success, f"{len(not_success)} jobs did not succeed, e.g. {not_success[0]}"
    wrong = [(i, job["result"]) for i, job in enumerate(jobs) if job["result"] != i + 1]
    assert not wrong, f"{len(wrong)} wrong results, e.g. job {wrong[0][0]} returned {wrong[0][1]}"
    return jobs


def test_ten_thousand_jobs_succeed_on_one_worker(stack: StackUnderTest, client: Client) -> None:
    # Given 10,000 jobs enqueued in bulk
    job_ids = enqueue_additions(client)

    # When a single worker process runs them
    worker = stack.start_worker("default", greenlets=GREENLETS)

    # Then every one ends success with its own result, all run by that worker, and says when it
    # started (also a job that ended before its started mark was written: one write has both)
    jobs = assert_all_added(client, job_ids)
    assert {job["worker_id"] for job in jobs} == {jobs[0]["worker_id"]}
    assert all(job["date_started"] and job["date_started"] <= job["date_finished"] for job in jobs)
    assert jobs[0]["worker_id"].rsplit("-", 2)[1] == str(worker.pid)
    assert all(job["requeue_count"] == 0 for job in jobs)


@pytest.mark.broker_args("--lease-ttl-s", "3")
def test_ten_thousand_jobs_survive_a_sigkilled_worker(stack: StackUnderTest, client: Client) -> None:
    # Given a job that runs for seconds, 10,000 jobs behind it, and a worker a third of the way
    # through them: it holds the long one for sure, and whatever it leased last
    sleeper = client.enqueue("mrq_test_tasks.sleep", {"s": HELD_JOB_S})
    job_ids = enqueue_additions(client)
    first = stack.start_worker("default", greenlets=GREENLETS)
    wait_until(lambda: queued(client) <= JOBS * 2 // 3, timeout_s=RUN_TIMEOUT_S, what="a third of the jobs to be taken")

    # When it is SIGKILLed, and a new worker starts
    first.kill()
    stack.start_worker("default", greenlets=GREENLETS)

    # Then every job still ends success with its own result; those the dead worker held came back
    # through lease expiry, and say so
    jobs = assert_all_added(client, job_ids)
    [held] = client.wait([sleeper], timeout=RUN_TIMEOUT_S)
    assert (held["status"], held["requeue_count"]) == ("success", 1)
    requeued = [held, *(job for job in jobs if job["requeue_count"] >= 1)]
    assert all(job["traceback_history"][-1]["exception_type"] == "mrq.LeaseExpired" for job in requeued)
