"""Worker controls: how a worker takes jobs and when it stops on its own.

The dequeue strategies order jobs across queues; task filters leave other tasks queued. Burst
mode drains the queues and exits; --max-jobs leases exactly that many; --max-time stops taking
jobs and lets running ones finish; --max-memory recycles the process without losing a job.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import BlockingJob, StackUnderTest, log_line, pid_of

from mrq import Client

WAIT_S = 30.0
#: An idle worker process holds far less than this; three jobs of mrq_test_tasks.leak_memory with
#: LEAK_STRINGS each (about 70 MB a job) go over it.
MEMORY_LIMIT_MB = 200
LEAK_STRINGS = 1_000_000


def statuses(client: Client, job_ids: list[str]) -> list[str]:
    """Each job's status, in the order given."""
    return [client.get_job(job_id)["status"] for job_id in job_ids]


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        # The queues in the order given: "low" only once "high" has no job left
        ("sequential", [["high0", "high1", "low0", "low1"]]),
        # One from each queue in turn; the broker rotates the queue it starts from
        ("parallel", [["high0", "low0", "high1", "low1"], ["low0", "high0", "low1", "high1"]]),
    ],
)
def test_dequeue_strategy_orders_jobs_across_queues(
    stack: StackUnderTest, client: Client, tmp_path: Path, strategy: str, expected: list[list[str]]
) -> None:
    # Given two jobs queued on "high" and four on "low"
    runs = tmp_path / "runs"
    ids = {
        f"{queue}{i}": client.enqueue("mrq_test_tasks.record_run", {"runs": str(runs)}, queue=queue)
        for queue, count in (("high", 2), ("low", 4))
        for i in range(count)
    }

    # When a worker with four slots takes one batch of four jobs from both queues
    worker = stack.start_worker(
        "high", "low", greenlets=4, extra_args=["--dequeue-strategy", strategy, "--max-jobs", "4"]
    )
    assert worker.wait_exit(timeout_s=WAIT_S) == 0

    # Then they ran in the strategy's order (the batch's), and the rest of "low" is still queued
    names = {job_id: name for name, job_id in ids.items()}
    assert [names[job_id] for job_id in runs.read_text().split()] in expected
    assert statuses(client, [ids["low2"], ids["low3"]]) == ["queued", "queued"]


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("--task-whitelist", ["queued", "success", "queued", "success"]),
        ("--task-blacklist", ["success", "queued", "success", "queued"]),
    ],
)
def test_task_filters_leave_other_tasks_queued(
    stack: StackUnderTest, client: Client, flag: str, expected: list[str]
) -> None:
    job_ids = [
        client.enqueue("mrq_test_tasks.echo", 1),
        client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}),
        client.enqueue("mrq_test_tasks.echo", 2),
        client.enqueue("mrq_test_tasks.Multiply", {"a": 2, "b": 3}),
    ]

    worker = stack.start_worker(
        "default",
        greenlets=2,
        extra_args=[flag, "mrq_test_tasks.add,mrq_test_tasks.Multiply", "--dequeue-strategy", "burst"],
    )

    # Burst: the worker exits once no job it may run is left
    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    assert statuses(client, job_ids) == expected


def test_burst_runs_every_queued_job_then_exits(stack: StackUnderTest, client: Client) -> None:
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)])

    worker = stack.start_worker("default", greenlets=2, extra_args=["--dequeue-strategy", "burst"])

    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    assert [(job["status"], job["result"]) for job in client.wait(job_ids, timeout=1)] == [
        ("success", i + 1) for i in range(5)
    ]
    assert "burst: no job left, 5 done, exiting" in worker.log_tail(200)


def test_burst_supervised_processes_exit_once_no_job_is_left(stack: StackUnderTest, client: Client) -> None:
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(6)])

    supervisor = stack.start_worker("default", processes=2, extra_args=["--dequeue-strategy", "burst"])

    # Not restarted: the supervisor exits with its children
    assert supervisor.wait_exit(timeout_s=WAIT_S) == 0
    assert statuses(client, job_ids) == ["success"] * 6


def test_max_jobs_runs_that_many_and_leaves_the_rest_queued(stack: StackUnderTest, client: Client) -> None:
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)])

    worker = stack.start_worker("default", greenlets=2, extra_args=["--max-jobs", "3"])

    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    # Queues are FIFO: the first three ran (leased 2 + 1, never more), the others wait
    assert statuses(client, job_ids) == ["success"] * 3 + ["queued"] * 2
    assert "max-jobs: leased 3 jobs, exiting" in worker.log_tail(200)


def test_max_jobs_under_a_supervisor_recycles_the_process(stack: StackUnderTest, client: Client) -> None:
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)])

    supervisor = stack.start_worker("default", greenlets=1, processes=1, extra_args=["--max-jobs", "2"])

    # Three processes in turn share the jobs
    jobs = client.wait(job_ids, timeout=WAIT_S)
    assert [job["status"] for job in jobs] == ["success"] * 5
    pids = [pid_of(job["worker_id"]) for job in jobs]
    assert [pids.count(pid) for pid in dict.fromkeys(pids)] == [2, 2, 1]
    # Each clean exit was restarted at once, not backed off as a crash
    restarts = [line for line in supervisor.log_tail(200).splitlines() if "exited with code" in line]
    assert len(restarts) == 2 and all("with code 0 " in line and "restarting in 0.0 s" in line for line in restarts)


def test_max_time_stops_taking_jobs_and_lets_the_running_one_finish(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker with one slot, running a job, with another job queued behind it
    blocking = BlockingJob(tmp_path, "running", result="finished")
    running_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    worker = stack.start_worker("default", greenlets=1, extra_args=["--max-time-s", "1"])
    blocking.wait_running()
    queued_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})

    # When its time is up
    log_line(worker, "max-time: 1 s passed, exiting")
    assert worker.is_alive()  # still waiting for the running job

    # Then the running job finishes, the worker exits cleanly, and the queued job was not taken
    blocking.release()
    assert worker.wait_exit(timeout_s=WAIT_S) == 0
    assert client.get_job(running_id)["result"] == "finished"
    assert statuses(client, [running_id, queued_id]) == ["success", "queued"]


def test_max_memory_recycles_the_process_and_loses_no_job(stack: StackUnderTest, client: Client) -> None:
    # Given a supervised worker whose memory limit three leaking jobs go over, and more of them
    supervisor = stack.start_worker(
        "default",
        greenlets=1,
        processes=1,
        extra_args=["--max-memory-mb", str(MEMORY_LIMIT_MB), "--heartbeat-interval-s", "0.2"],
    )
    leaks = client.enqueue_many("mrq_test_tasks.leak_memory", [{"n": LEAK_STRINGS}] * 5)

    # Then every one of them succeeds, on whichever process took it
    leaked = client.wait(leaks, timeout=WAIT_S)
    assert [job["status"] for job in leaked] == ["success"] * 5

    # And the process that went over drained and exited for the supervisor to start a new one
    log_line(supervisor, f"over {MEMORY_LIMIT_MB} MB, exiting")
    log_line(supervisor, "exited with code 75")

    # Which runs the next jobs
    later = client.wait(client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(3)]), timeout=WAIT_S)
    assert [job["status"] for job in later] == ["success"] * 3
    assert pid_of(leaked[0]["worker_id"]) not in {pid_of(job["worker_id"]) for job in later}


def test_max_memory_below_the_footprint_of_an_idle_worker_is_an_error(stack: StackUnderTest) -> None:
    worker = stack.start_worker("default", extra_args=["--max-memory-mb", "1", "--heartbeat-interval-s", "0.2"])

    # Not a recycle (75), which a supervisor would repeat at once, forever
    assert worker.wait_exit(timeout_s=WAIT_S) == 1
    assert "before running any job (raise --max-memory-mb), exiting" in worker.log_tail(200)
