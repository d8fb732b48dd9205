"""Task code can use the client: enqueue a job from inside a task, and even wait for it."""

from __future__ import annotations

from mrq import Client


def test_a_task_enqueues_a_child_and_waits_for_it_on_the_same_worker(stack, client: Client) -> None:
    # Given one worker process with two greenlets: the child can only run there while the
    # parent waits if the parent's client calls don't block the whole process
    stack.start_worker("default", greenlets=2)
    # When a task enqueues a child job and waits for its result
    parent = client.enqueue("mrq_test_tasks.enqueue_and_wait_child", {"broker": stack.broker_address, "a": 41})
    # Then both finish, and the parent returns the child's result
    job = client.wait(parent, timeout=30)
    assert (job["status"], job["result"]) == ("success", 42)
