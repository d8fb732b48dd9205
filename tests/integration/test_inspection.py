"""Live inspection of a running job: its current stack, elapsed time and CPU time, asked of its
worker, even while the job holds the CPU."""

from __future__ import annotations

from pathlib import Path

import pytest

from mrq import BrokerError, Client
from mrq_local import wait_until


def _started(client: Client, job_id: str) -> None:
    wait_until(lambda: client.get_job(job_id)["status"] == "started", timeout_s=30, what="the job to start")


def test_inspect_shows_where_a_waiting_job_is(stack, client: Client, tmp_path: Path) -> None:
    # Given a job waiting inside its task for a file
    marker, runs = tmp_path / "go", tmp_path / "runs"
    stack.start_worker("default")
    job_id = client.enqueue("mrq_test_tasks.block_until_file", {"runs": str(runs), "marker": str(marker)})
    # Its task has begun (not just its lease: the worker may still be importing the task module)
    wait_until(runs.exists, timeout_s=30, what="the task to begin")

    # When it is inspected, then its stack shows the task's line and its elapsed time counts
    state = client.inspect(job_id)
    assert ", in block_until_file\n" in state["stack"]
    assert state["elapsed_s"] > 0 and state["worker_id"]
    assert state["cpu_s"] is None  # this worker does not trace greenlets

    marker.touch()
    assert client.wait(job_id, timeout=30)["status"] == "success"


def test_inspect_answers_while_the_job_holds_the_cpu(stack, client: Client) -> None:
    # Given a job that burns CPU without yielding, on a worker tracing greenlets
    stack.start_worker("default", extra_args=["--trace-greenlets"])
    job_id = client.enqueue("mrq_test_tasks.burn_cpu", {"s": 4})
    _started(client, job_id)

    # When it is inspected, then the heartbeat thread answers with its stack in the busy loop
    state = client.inspect(job_id)
    assert ", in burn_cpu\n" in state["stack"]
    assert state["cpu_s"] is not None
    assert client.wait(job_id, timeout=30)["status"] == "success"


def test_inspecting_a_job_that_is_not_running_is_refused(stack, client: Client) -> None:
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="nobody-listens")
    with pytest.raises(BrokerError, match="not running") as raised:
        client.inspect(job_id)
    assert raised.value.code == "FAILED_PRECONDITION"
