"""The `mrq` command against the real stack, as a user types it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from harness import StackUnderTest

from mrq import Client

MRQ = str(Path(sys.executable).parent / "mrq")


def mrq(stack: StackUnderTest, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Runs ``mrq ARGS...`` with MRQ_BROKER_ADDRESS pointing at the test's broker."""
    env = {**os.environ, "MRQ_BROKER_ADDRESS": stack.broker_address, **(env or {})}
    return subprocess.run([MRQ, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_enqueue_and_wait_prints_the_finished_job(stack: StackUnderTest) -> None:
    stack.start_worker("default", greenlets=2)

    done = mrq(stack, "enqueue", "mrq_test_tasks.add", '{"a":1,"b":2}', "--wait", "--wait-timeout", "30")

    assert done.returncode == 0, done.stderr
    job = json.loads(done.stdout)
    assert (job["task"], job["status"], job["result"], job["params"]) == (
        "mrq_test_tasks.add",
        "success",
        3,
        {"a": 1, "b": 2},
    )
    # The id it printed is the job's: `mrq job` reads the same record back
    again = mrq(stack, "job", job["id"])
    assert again.returncode == 0 and json.loads(again.stdout)["result"] == 3


def test_enqueue_prints_the_id_and_wait_reports_a_failed_job(stack: StackUnderTest) -> None:
    stack.start_worker("default", greenlets=2)

    enqueued = mrq(stack, "enqueue", "mrq_test_tasks.fail", '{"x": 1}')
    assert enqueued.returncode == 0, enqueued.stderr
    job_id = enqueued.stdout.strip()
    waited = mrq(stack, "wait", job_id, "--timeout", "30")

    assert waited.returncode == 1  # the job did not end success
    job = json.loads(waited.stdout)
    assert (job["id"], job["status"], job["exception_type"]) == (job_id, "failed", "builtins.ValueError")


def test_enqueue_of_an_invalid_task_path_is_a_usage_error_naming_the_field(stack: StackUnderTest) -> None:
    refused = mrq(stack, "enqueue", "not a task", "{}")

    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.startswith("mrq: error: task: ")


def test_queue_commands_list_pause_resume_and_empty(stack: StackUnderTest, client: Client) -> None:
    client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(3)], queue="reports/daily")

    assert json.loads(mrq(stack, "pause", "reports").stdout) == {"paused_queues": ["reports"]}
    listed = mrq(stack, "queues", "reports")
    assert listed.returncode == 0, listed.stderr
    [header, row] = listed.stdout.splitlines()
    assert header.split()[:4] == ["QUEUE", "TYPE", "QUEUED", "DELAYED"]
    assert row.split()[:4] == ["reports/daily", "regular", "3", "0"] and row.endswith("(paused)")
    assert json.loads(mrq(stack, "resume", "reports").stdout) == {"paused_queues": []}
    assert json.loads(mrq(stack, "empty", "reports/daily").stdout) == {"removed": 3}
    assert client.queues.list("reports/daily")[0]["queued"] == 0


def test_empty_on_a_queue_bigger_than_one_call_s_deadline_reports_success(
    stack: StackUnderTest, client: Client
) -> None:
    # Given 4,000 queued jobs, more than one 8 s call can cancel on a busy machine
    for start in range(0, 4000, 2000):
        client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(start, start + 2000)], queue="big")

    # When `mrq empty` empties the queue, each of its calls under an 8 s deadline
    emptied = mrq(stack, "empty", "big", "--progress", env={"MRQ_CLIENT_RPC_TIMEOUT_S": "8"})

    # Then it reports success, with the count and a progress bar, and the queue is empty
    assert emptied.returncode == 0, emptied.stderr
    assert json.loads(emptied.stdout) == {"removed": 4000}
    assert emptied.stderr.rstrip().splitlines()[-1].startswith("empty big [" + "#" * 30 + "] 100% 4000/4000")
    [big] = client.queues.list("big")
    assert (big["queued"], big["delayed"]) == (0, 0)
