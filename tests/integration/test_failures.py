"""Jobs that don't succeed: a task that raises, a task that doesn't exist, a task past its timeout.
Each ends with a final status that says why, and the worker carries on serving."""

from __future__ import annotations

from harness import StackUnderTest

from mrq import Client


def worker_pid(job: dict) -> str:
    """The pid in a worker id ("host-pid-random")."""
    return job["worker_id"].rsplit("-", 2)[1]


def test_a_raising_task_fails_with_its_exception_and_traceback(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2)

    job = client.wait(client.enqueue("mrq_test_tasks.fail", {"why": "testing"}), timeout=30)

    assert job["status"] == "failed"
    assert job["exception_type"] == "builtins.ValueError"
    assert job["error"] == "fail was asked to fail: {'why': 'testing'}"
    # The traceback starts at the task, not in the worker's machinery
    assert job["traceback"].startswith("Traceback (most recent call last):")
    assert 'mrq_test_tasks.py", line' in job["traceback"] and ", in fail\n" in job["traceback"]
    assert job["traceback"].rstrip().endswith("ValueError: fail was asked to fail: {'why': 'testing'}")
    assert "mrq_worker" not in job["traceback"]
    assert job["result"] is None and job["date_finished"] is not None
    [attempt] = job["traceback_history"]
    assert (attempt["status"], attempt["exception_type"], attempt["error"]) == (
        "failed",
        "builtins.ValueError",
        job["error"],
    )
    assert attempt["traceback"] == job["traceback"] and attempt["worker_id"] == job["worker_id"]


def test_a_result_json_cannot_hold_fails_the_job(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2)

    job = client.wait(client.enqueue("mrq_test_tasks.unserialisable"), timeout=30)

    assert (job["status"], job["exception_type"]) == ("failed", "builtins.TypeError")
    assert "mrq_test_tasks.unserialisable" in job["error"]


def test_an_unknown_task_fails_clearly_and_the_worker_keeps_serving(stack: StackUnderTest, client: Client) -> None:
    # Given a worker allowed to run no_such_module's tasks, if it existed
    worker = stack.start_worker("default", greenlets=2, extra_args=("--task-packages=mrq_test_tasks,no_such_module",))

    # When jobs name a function its module lacks, a module that doesn't exist, and a class that
    # is not a Task
    missing_function, missing_module, not_a_task = client.wait(
        [
            client.enqueue("mrq_test_tasks.does_not_exist", {"a": 1}),
            client.enqueue("no_such_module.add", {"a": 1}),
            client.enqueue("mrq_test_tasks.Path", {"a": 1}),
        ],
        timeout=30,
    )

    # Then each fails with TaskNotFound and a message that names what is missing
    for job in (missing_function, missing_module, not_a_task):
        assert (job["status"], job["exception_type"]) == ("failed", "mrq.errors.TaskNotFound"), job
    assert "'does_not_exist'" in missing_function["error"]
    assert "cannot import module 'no_such_module'" in missing_module["error"]
    assert "no function or Task class named 'Path'" in not_a_task["error"]
    # And the same worker process goes on running good jobs
    after = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 2}), timeout=30)
    assert (after["status"], after["result"]) == ("success", 4)
    assert worker.is_alive() and worker_pid(after) == worker_pid(missing_function) == str(worker.pid)


def test_a_job_past_its_timeout_is_stopped_with_status_timeout(stack: StackUnderTest, client: Client) -> None:
    worker = stack.start_worker("default", greenlets=2)

    # A 60 s sleep with a 0.5 s timeout: waiting 30 s at most proves it was cut short
    job = client.wait(client.enqueue("mrq_test_tasks.sleep", {"s": 60}, timeout=0.5), timeout=30)

    assert (job["status"], job["exception_type"]) == ("timeout", "mrq.interrupts.JobTimeout")
    assert "0.5" in job["error"] and job["result"] is None
    assert job["options"]["timeout_s"] == 0.5
    assert [attempt["status"] for attempt in job["traceback_history"]] == ["timeout"]
    # The timeout stopped that job only: the worker runs the next one
    after = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}), timeout=30)
    assert (after["status"], after["result"]) == ("success", 2)
    assert worker.is_alive()


def test_a_job_within_its_timeout_succeeds(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2)

    job = client.wait(client.enqueue("mrq_test_tasks.sleep", {"s": 0.1}, timeout=20), timeout=30)

    assert (job["status"], job["result"]) == ("success", 0.1)


def test_task_code_cannot_swallow_its_timeout(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2)

    # The task wraps its work in `except Exception`: the timeout gets through regardless
    job = client.wait(client.enqueue("mrq_test_tasks.swallow_errors", {"s": 60}, timeout=0.3), timeout=30)

    assert (job["status"], job["exception_type"], job["result"]) == ("timeout", "mrq.interrupts.JobTimeout", None)


def test_a_task_calling_sys_exit_fails_without_stopping_the_worker(stack: StackUnderTest, client: Client) -> None:
    worker = stack.start_worker("default", greenlets=2)

    exited = client.wait(client.enqueue("mrq_test_tasks.exit_process"), timeout=30)
    after = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 3, "b": 4}), timeout=30)

    assert (exited["status"], exited["exception_type"], exited["error"]) == ("failed", "builtins.SystemExit", "3")
    assert (after["status"], after["result"]) == ("success", 7)
    assert worker.is_alive() and worker_pid(after) == worker_pid(exited) == str(worker.pid)
