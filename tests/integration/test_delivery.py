"""Delivery when processes die or stop: no job is lost, and a job's record says what happened.

A worker SIGKILLed mid-job: the lease expires, the job is re-delivered and succeeds. SIGTERM: the
running job is interrupted and requeued at once, for another worker. First SIGINT: the running
job finishes, then the worker exits without taking more; a second SIGINT interrupts it. A broker
restart mid-run loses nothing.
"""

from __future__ import annotations

import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from harness import BlockingJob, StackUnderTest, log_line, pid_of

from mrq import Client
from mrq_local import ManagedProcess, wait_until

WAIT_S = 30.0


@pytest.mark.broker_args("--lease-ttl-s", "2")
def test_job_of_a_sigkilled_worker_is_redelivered_and_succeeds(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a job running on a worker
    blocking = BlockingJob(tmp_path, "job", result="done")
    job_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    first = stack.start_worker("default", greenlets=2)
    blocking.wait_running()
    # (its record names its worker once its started mark is written, up to 0.25 s after its lease)
    wait_until(lambda: client.get_job(job_id)["worker_id"], timeout_s=10, what="the job's started mark")
    assert pid_of(client.get_job(job_id)["worker_id"]) == first.pid

    # When the worker is SIGKILLed, so it never reports, and another worker is there
    first.kill()
    blocking.release()
    second = stack.start_worker("default", greenlets=2)

    # Then the lease expires, and the job runs again and succeeds on the other worker
    job = client.wait(job_id, timeout=WAIT_S)
    assert (job["status"], job["result"]) == ("success", "done")
    # (at least twice: with a 2 s lease, a heartbeat late on a loaded machine may add a run)
    assert len(blocking.runs()) >= 2 and set(blocking.runs()) == {job_id}
    assert job["requeue_count"] >= 1
    assert pid_of(job["worker_id"]) == second.pid
    # And its history tells why it ran twice
    lost = job["traceback_history"][0]
    assert (lost["status"], lost["exception_type"]) == ("interrupt", "mrq.LeaseExpired")
    assert "lease expired" in lost["error"] and pid_of(lost["worker_id"]) == first.pid


def interrupt_with_sigterm(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> tuple[dict, ManagedProcess, ManagedProcess]:
    """Runs a job on a first worker, SIGTERMs it while a second worker is idle, lets the second
    finish the job; returns the job and both workers."""
    # Given a job running on a first worker, and a second worker idle beside it
    blocking = BlockingJob(tmp_path, "job", result=7)
    job_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    first = stack.start_worker("default", greenlets=2)
    blocking.wait_running()
    second = stack.start_worker("default", greenlets=2)

    # When the first worker gets SIGTERM
    first.send_signal(signal.SIGTERM)

    # Then it interrupts the job and exits cleanly
    assert first.wait_exit(timeout_s=WAIT_S) == 0
    # And the second worker takes the job over (its second run), which completes once released
    blocking.wait_running(times=2)
    blocking.release()
    job = client.wait(job_id, timeout=WAIT_S)
    assert blocking.runs() == [job_id, job_id]
    return job, first, second


def test_sigterm_interrupts_the_running_job_and_another_worker_completes_it(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    job, first, second = interrupt_with_sigterm(stack, client, tmp_path)

    assert (job["status"], job["result"]) == ("success", 7)
    assert pid_of(job["worker_id"]) == second.pid
    [interrupted] = job["traceback_history"]
    assert (interrupted["status"], interrupted["exception_type"]) == ("interrupt", "mrq.interrupts.WorkerInterrupted")
    assert interrupted["error"] == "worker shutting down"
    assert ", in block_until_file\n" in interrupted["traceback"]
    assert pid_of(interrupted["worker_id"]) == first.pid
    # Handed back at once by the worker, not recovered by lease expiry
    assert job["requeue_count"] == 0


def test_a_worker_stopping_on_sigterm_does_not_lease_the_job_it_handed_back(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a job running on the only worker, which has a free slot (so a LeaseJobs call waits
    # for work at the broker)
    blocking = BlockingJob(tmp_path, "job")
    job_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    worker = stack.start_worker("default", greenlets=2)
    blocking.wait_running()

    # When it gets SIGTERM and exits
    worker.send_signal(signal.SIGTERM)
    assert worker.wait_exit(timeout_s=WAIT_S) == 0

    # Then the job was interrupted once and is queued for the next worker: the stopping worker's
    # LeaseJobs call, in flight when the job was requeued, must not take it again (only to hand
    # it back unstarted, adding a second "interrupt" to its history)
    job = client.get_job(job_id)
    assert job["status"] == "queued"
    assert [(entry["status"], entry["error"]) for entry in job["traceback_history"]] == [
        ("interrupt", "worker shutting down")
    ]


def test_first_sigint_lets_the_running_job_finish_and_takes_no_new_job(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker with one slot, running a job, with another job queued behind it
    running = BlockingJob(tmp_path, "running", result="finished")
    queued = BlockingJob(tmp_path, "queued")
    running_id = client.enqueue("mrq_test_tasks.block_until_file", running.params)
    worker = stack.start_worker("default", greenlets=1)
    running.wait_running()
    queued_id = client.enqueue("mrq_test_tasks.block_until_file", queued.params)

    # When it gets a first SIGINT, and stops leasing (it says it is draining)
    worker.send_signal(signal.SIGINT)
    log_line(worker, "running jobs to finish")
    running.release()

    # Then the running job finishes normally, and the worker exits 0
    job = client.wait(running_id, timeout=WAIT_S)
    assert (job["status"], job["result"]) == ("success", "finished")
    assert job["traceback_history"] == []
    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    # And the queued job was never started: still queued, for the next worker
    assert queued.runs() == []
    assert client.get_job(queued_id)["status"] == "queued"


def test_second_sigint_interrupts_the_draining_job_and_requeues_it(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker draining a running job after a first SIGINT
    blocking = BlockingJob(tmp_path, "job", result="later")
    job_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    worker = stack.start_worker("default", greenlets=2)
    blocking.wait_running()
    worker.send_signal(signal.SIGINT)
    log_line(worker, "running jobs to finish")

    # When a second SIGINT comes (Ctrl-C twice)
    worker.send_signal(signal.SIGINT)

    # Then the worker interrupts the job, requeues it and exits 0
    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    job = client.get_job(job_id)
    assert job["status"] == "queued"
    assert [(entry["status"], entry["exception_type"]) for entry in job["traceback_history"]] == [
        ("interrupt", "mrq.interrupts.WorkerInterrupted")
    ]
    # And the next worker runs it to the end
    blocking.release()
    stack.start_worker("default", greenlets=2)
    assert client.wait(job_id, timeout=WAIT_S)["result"] == "later"
    assert len(blocking.runs()) == 2


@pytest.mark.broker_args("--lease-ttl-s", "5")
def test_broker_restart_mid_run_loses_nothing(stack: StackUnderTest, client: Client) -> None:
    # Given 400 jobs of 100 ms each being worked through, 10 at a time
    job_ids = client.enqueue_many("mrq_test_tasks.sleep", [{"s": 0.1}] * 400)
    stack.start_worker("default", greenlets=10)
    client.wait(job_ids[:30], timeout=WAIT_S)

    # When the broker restarts while jobs are leased, running and being reported
    stack.restart_broker()
    restarted_at = datetime.now(UTC)
    more_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(100)])

    # Then every job, from before and after the restart, ends success with its result
    jobs = client.wait(job_ids + more_ids, timeout=60)
    before, after = jobs[:400], jobs[400:]
    assert [(job["status"], job["result"]) for job in before] == [("success", 0.1)] * 400
    assert [(job["status"], job["result"]) for job in after] == [("success", i + 1) for i in range(100)]
    # And the restart really came mid-run: jobs enqueued before it finished after it
    assert any(job["date_finished"] > restarted_at for job in before)
