"""Timeouts: a job that yields is stopped by gevent; a job that burns CPU without ever yielding
is stopped by recycling its worker process, whose other jobs are requeued, never lost."""

from __future__ import annotations

import pytest
from harness import StackUnderTest

from mrq import Client
from mrq_local import wait_until

WAIT_S = 30.0


def pid_of(job: dict) -> str:
    """The pid in a job's worker id ("host-pid-random")."""
    return str(job["worker_id"]).rsplit("-", 2)[1]


@pytest.mark.parametrize(
    ("task", "params", "how"),
    [
        ("spin", {}, "without yielding"),
        ("swallow_timeout", {"s": 30, "loop": True}, "and caught its timeout"),  # except BaseException, in a loop
    ],
    ids=["never yielding", "catching its timeout"],
)
def test_a_job_stuck_past_its_timeout_ends_timeout_and_the_next_job_runs(
    stack: StackUnderTest, client: Client, task: str, params: dict, how: str
) -> None:
    # Given a supervised worker with one greenlet, a job that won't stop, and a job behind it
    supervisor = stack.start_worker("default", greenlets=1, processes=1)
    stuck = client.enqueue(f"mrq_test_tasks.{task}", params, timeout=2)
    after = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2})

    # When the stuck job passes its timeout
    job = client.wait(stuck, timeout=WAIT_S)

    # Then it ends timeout within 5 s of starting, with an error that says what happened
    assert (job["status"], job["exception_type"]) == ("timeout", "mrq.interrupts.JobTimeout")
    assert how in job["error"] and "recycled" in job["error"]
    assert f", in {task}\n" in job["traceback"]
    assert (job["date_finished"] - job["date_started"]).total_seconds() < 5
    assert [attempt["status"] for attempt in job["traceback_history"]] == ["timeout"]
    # And the job queued behind it runs in the process that replaced it
    done = client.wait(after, timeout=WAIT_S)
    assert (done["status"], done["result"]) == ("success", 3)
    assert pid_of(done) != pid_of(job) and supervisor.is_alive()


def test_the_other_jobs_of_a_recycled_worker_are_requeued_and_succeed(stack: StackUnderTest, client: Client) -> None:
    # Given a job sleeping on a supervised worker with two greenlets
    stack.start_worker("default", greenlets=2, processes=1)
    sleeping = client.enqueue("mrq_test_tasks.sleep", {"s": 2})
    wait_until(
        lambda: client.get_job(sleeping)["status"] == "started", timeout_s=WAIT_S, what="the sleeping job to start"
    )

    # When a job that never yields runs past its timeout beside it
    spinning = client.wait(client.enqueue("mrq_test_tasks.spin", timeout=1), timeout=WAIT_S)

    # Then that job ends timeout, and the sleeping one is interrupted, requeued and succeeds
    assert spinning["status"] == "timeout"
    job = client.wait(sleeping, timeout=WAIT_S)
    assert (job["status"], job["result"]) == ("success", 2.0)
    assert [attempt["status"] for attempt in job["traceback_history"]] == ["interrupt"]
    assert pid_of(job) != pid_of(spinning)


def test_a_yielding_job_past_its_timeout_ends_timeout_without_a_recycle(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2, processes=1)

    job = client.wait(client.enqueue("mrq_test_tasks.sleep", {"s": 60}, timeout=1), timeout=WAIT_S)
    after = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 2}), timeout=WAIT_S)

    assert (job["status"], job["exception_type"]) == ("timeout", "mrq.interrupts.JobTimeout")
    assert "recycled" not in job["error"]
    assert (after["status"], after["result"]) == ("success", 4)
    assert pid_of(after) == pid_of(job)


def test_a_job_burning_cpu_within_its_timeout_is_left_alone(stack: StackUnderTest, client: Client) -> None:
    # Given a job that yields, with a short timeout, beside a CPU-bound job within a long one
    stack.start_worker("default", greenlets=2, processes=1)
    sleeping = client.enqueue("mrq_test_tasks.sleep", {"s": 60}, timeout=0.5)
    wait_until(
        lambda: client.get_job(sleeping)["status"] == "started", timeout_s=WAIT_S, what="the sleeping job to start"
    )

    # When the CPU-bound job holds the hub past the other's timeout
    burning = client.wait(client.enqueue("mrq_test_tasks.burn_cpu", {"s": 2.5}, timeout=30), timeout=WAIT_S)
    timed_out = client.wait(sleeping, timeout=WAIT_S)

    # Then both end as they would have without the stall, in the same process
    assert burning["status"] == "success"
    assert (timed_out["status"], timed_out["exception_type"]) == ("timeout", "mrq.interrupts.JobTimeout")
    assert "recycled" not in timed_out["error"] and pid_of(burning) == pid_of(timed_out)


def test_a_job_that_catches_its_timeout_ends_timeout_not_with_its_late_result(
    stack: StackUnderTest, client: Client
) -> None:
    # Given a task that catches BaseException around a long sleep, then returns
    stack.start_worker("default", greenlets=2, processes=1)

    # When its 1 s timeout interrupts the sleep
    job = client.wait(client.enqueue("mrq_test_tasks.swallow_timeout", {"s": 30}, timeout=1), timeout=WAIT_S)

    # Then the job ends timeout, with no result, and its process carries on
    assert (job["status"], job["exception_type"]) == ("timeout", "mrq.interrupts.JobTimeout")
    assert job["result"] is None and "caught the timeout" in job["error"]
    after = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}), timeout=WAIT_S)
    assert (after["status"], pid_of(after)) == ("success", pid_of(job))
