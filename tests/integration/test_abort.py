"""A task can abort itself: the job ends `abort`, for good, with the reason in its history."""

from __future__ import annotations

from mrq import Client


def test_abort_inside_except_ends_abort_and_records_the_original_exception(stack, client: Client) -> None:
    stack.start_worker("default")

    job = client.wait(client.enqueue("mrq_test_tasks.abort_after_error"), timeout=30)

    assert job["status"] == "abort"
    [entry] = job["traceback_history"]
    assert (entry["status"], entry["exception_type"]) == ("abort", "builtins.ValueError")
    assert "invalid literal for int()" in entry["error"]
    assert "During handling of the above exception" in entry["traceback"]
