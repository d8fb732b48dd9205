"""Retries: automatic ones for the exceptions a task's TASKS entry names, explicit ones with
retry_current_job. Each attempt leaves an entry in the job's history; past max_retries the job
ends ``maxretries``."""

from __future__ import annotations

from pathlib import Path

from harness import StackUnderTest

from mrq import Client
from mrq_local import wait_until

WAIT_S = 30.0

CONFIG = """
TASKS = {"mrq_test_tasks.flaky": {"retry_on": ["ConnectionError"], "retry_backoff": "exponential"}}
"""


def worker_config(tmp_path: Path) -> list[str]:
    """The --config arguments of a worker that retries mrq_test_tasks.flaky on ConnectionError."""
    path = tmp_path / "mrq_config.py"
    path.write_text(CONFIG)
    return ["--config", str(path)]


def test_a_retryable_error_is_retried_with_backoff_until_maxretries(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker whose config retries mrq_test_tasks.flaky on ConnectionError, exponentially
    stack.start_worker("default", extra_args=worker_config(tmp_path))
    runs = tmp_path / "flaky.runs"

    # When the task raises ConnectionError on every run, with 2 retries 1 s apart at first
    job = client.wait(
        client.enqueue("mrq_test_tasks.flaky", {"runs": str(runs)}, max_retries=2, retry_delay=1), timeout=WAIT_S
    )

    # Then it runs exactly 3 times and ends maxretries, each attempt in its history
    assert len(runs.read_text().split()) == 3
    assert (job["status"], job["retry_count"]) == ("maxretries", 2)
    history = job["traceback_history"]
    assert [entry["status"] for entry in history] == ["retry", "retry", "maxretries"]
    assert [entry["error"] for entry in history] == [f"flaky attempt {n}" for n in range(3)]
    for entry in history:
        assert entry["exception_type"] == "builtins.ConnectionError"
        assert ", in flaky\n" in entry["traceback"] and "ConnectionError: flaky attempt" in entry["traceback"]
    # And the delays grew: 1 s then 2 s, each ±20 %
    first, second, third = (entry["date"] for entry in history)
    assert (second - first).total_seconds() >= 0.8 and (third - second).total_seconds() >= 1.6


def test_max_retries_0_ends_maxretries_on_the_first_retry(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    stack.start_worker("default", extra_args=worker_config(tmp_path))
    runs = tmp_path / "flaky.runs"

    job = client.wait(client.enqueue("mrq_test_tasks.flaky", {"runs": str(runs)}, max_retries=0), timeout=WAIT_S)

    assert len(runs.read_text().split()) == 1
    assert job["status"] == "maxretries"
    assert [entry["status"] for entry in job["traceback_history"]] == ["maxretries"]


def test_an_error_not_listed_in_retry_on_fails_at_once(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    stack.start_worker("default", extra_args=worker_config(tmp_path))

    job = client.wait(client.enqueue("mrq_test_tasks.fail", max_retries=2, retry_delay=0), timeout=WAIT_S)

    assert (job["status"], job["retry_count"]) == ("failed", 0)


def test_a_retry_can_move_the_job_to_another_queue(stack: StackUnderTest, client: Client) -> None:
    # Given one worker on "default" and another on "elsewhere"
    stack.start_worker("default")
    elsewhere = stack.start_worker("elsewhere")

    # When a job on "default" retries itself on "elsewhere"
    job = client.wait(client.enqueue("mrq_test_tasks.move_to_queue", {"queue": "elsewhere"}), timeout=WAIT_S)

    # Then the worker on "elsewhere" completes it
    assert (job["status"], job["result"], job["queue"]) == ("success", "elsewhere", "elsewhere")
    assert job["worker_id"].rsplit("-", 2)[1] == str(elsewhere.pid)
    assert [entry["status"] for entry in job["traceback_history"]] == ["retry"]


def test_a_retry_with_no_delay_is_queued_on_its_new_queue_at_once(stack: StackUnderTest, client: Client) -> None:
    # Given a worker on "default" only
    stack.start_worker("default")

    # When a job retries itself on "elsewhere" with no delay
    job_id = client.enqueue("mrq_test_tasks.move_to_queue", {"queue": "elsewhere"})

    # Then it waits there as queued (not "retry", as a delayed retry would), counted in that queue
    wait_until(lambda: client.get_job(job_id)["retry_count"] == 1, timeout_s=WAIT_S, what="the job's retry")
    job = client.get_job(job_id)
    assert (job["status"], job["queue"]) == ("queued", "elsewhere")
    sizes = {q["name"]: (q["queued"], q["delayed"]) for q in client.queues.list()}
    assert sizes["elsewhere"] == (1, 0)


def test_a_retry_inside_except_records_the_original_exception(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default")

    job = client.wait(client.enqueue("mrq_test_tasks.retry_after_error"), timeout=WAIT_S)

    assert (job["status"], job["result"]) == ("success", 1)
    [entry] = job["traceback_history"]
    assert (entry["status"], entry["exception_type"], entry["error"]) == ("retry", "builtins.KeyError", "'missing key'")
    assert "KeyError: 'missing key'" in entry["traceback"] and ", in retry_after_error\n" in entry["traceback"]
    assert "During handling of the above exception" in entry["traceback"]
