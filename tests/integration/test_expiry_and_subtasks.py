"""Final jobs expire after their TTL; a job's sub-greenlets die with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import StackUnderTest, log_line

from mrq import Client, JobNotFound
from mrq_local import wait_until


def reads_as_gone(client: Client, job_id: str) -> bool:
    try:
        client.get_job(job_id)
    except JobNotFound:
        return True
    return False


def stored(stack: StackUnderTest) -> int:
    """How many job records the store holds, expired or not (the overview's counts)."""
    return sum(stack.overview().counts.values())


@pytest.mark.broker_args("--cleanup-interval-s", "0.5")
def test_a_success_with_result_ttl_1_is_deleted_a_few_seconds_later(stack: StackUnderTest, client: Client) -> None:
    # Given two jobs that succeed, one kept for 1 s and one kept for the default 7 days
    stack.start_worker("default")
    short = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, result_ttl=1)
    kept = client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 2})
    assert client.wait(short, timeout=30)["status"] == "success"
    assert client.wait(kept, timeout=30)["result"] == 4

    # Then the broker deletes the first on its own, and keeps the other
    wait_until(lambda: stored(stack) == 1, timeout_s=10, what="the job with result_ttl=1 to be deleted")
    assert reads_as_gone(client, short)
    assert client.get_job(kept)["status"] == "success"


def test_an_expired_result_is_gone_for_reads_before_any_cleanup(stack: StackUnderTest, client: Client) -> None:
    # Given a job kept for 1 s, and a broker whose cleanup runs once a minute (the default)
    stack.start_worker("default")
    short = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, result_ttl=1)
    assert client.wait(short, timeout=30)["status"] == "success"

    # Then reads treat it as gone as soon as it expires, while its record still waits for the cleanup
    wait_until(lambda: reads_as_gone(client, short), timeout_s=10, what="the job with result_ttl=1 to read as gone")
    assert short not in [job["id"] for job in stack.list_jobs()]
    assert stored(stack) == 1


def test_a_timeout_kills_the_jobs_sub_greenlets(stack, client: Client, tmp_path: Path) -> None:
    # Given a job that fans out into 5 sub-greenlets which sleep for an hour
    killed_log = tmp_path / "killed"
    stack.start_worker("default")
    job_id = client.enqueue("mrq_test_tasks.fan_out_sleeping", {"n": 5, "killed_log": str(killed_log)}, timeout=1)

    # When its timeout passes, the job ends `timeout`
    assert client.wait(job_id, timeout=30)["status"] == "timeout"

    # Then every sub-greenlet was killed with it, and the worker keeps serving
    wait_until(
        lambda: killed_log.exists() and sorted(killed_log.read_text().split()) == list("01234"),
        timeout_s=10,
        what="the 5 sub-greenlets to be killed",
    )
    assert client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}), timeout=30)["result"] == 2


@pytest.mark.parametrize("key", ["final_ttl_s", "final_ttl"])  # the old name is still read
def test_a_task_routing_entry_overrides_the_ttl_of_failures(stack, client: Client, tmp_path: Path, key: str) -> None:
    # Given a broker whose config keeps mrq_test_tasks.fail's final records for 1 s only
    config = tmp_path / "mrq-config.py"
    config.write_text(f'TASKS = {{"mrq_test_tasks.fail": {{"{key}": 1}}}}\n')
    stack.restart_broker(extra_args=["--config", str(config), "--cleanup-interval-s", "0.5"])
    if key != "final_ttl_s":
        log_line(stack.broker, f"'{key}' is deprecated, name it 'final_ttl_s'")
    stack.start_worker("default")
    short = client.enqueue("mrq_test_tasks.fail")
    kept = client.enqueue("mrq_test_tasks.unserialisable")  # fails too, but has no override
    assert client.wait(short, timeout=30)["status"] == "failed"
    assert client.wait(kept, timeout=30)["status"] == "failed"

    # Then only the overridden one is deleted
    def gone() -> bool:
        try:
            client.get_job(short)
        except JobNotFound:
            return True
        return False

    wait_until(gone, timeout_s=10, what="the failed mrq_test_tasks.fail job to expire")
    assert client.get_job(kept)["status"] == "failed"
