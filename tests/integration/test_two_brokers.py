"""The broker is stateless: two brokers on the same Redis and MongoDB, each with its own worker
and client, run every job exactly once, whichever broker enqueued it and whichever leased it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from harness import StackUnderTest

from mrq import Client

JOBS = 2_000
GREENLETS = 20
RUN_TIMEOUT_S = 45.0


def test_two_brokers_run_every_job_exactly_once(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # Given a second broker on the same stores, and one worker on each broker
    second = stack.start_broker()
    stack.start_worker("default", greenlets=GREENLETS)
    stack.start_worker("default", greenlets=GREENLETS, broker=second)
    runs = tmp_path / "runs.txt"

    # When half the jobs are enqueued through each broker
    half = JOBS // 2
    with Client(second.address) as second_client:
        first_ids = client.enqueue_many("mrq_test_tasks.record_run",
                                        [{"runs": str(runs), "result": i} for i in range(half)])
        second_ids = second_client.enqueue_many("mrq_test_tasks.record_run",
                                                [{"runs": str(runs), "result": i} for i in range(half, JOBS)])
        job_ids = [*first_ids, *second_ids]

        # Then waiting through either broker sees every job succeed with its own result
        jobs = [*client.wait(second_ids, timeout=RUN_TIMEOUT_S),
                *second_client.wait(first_ids, timeout=RUN_TIMEOUT_S)]
    jobs = [*jobs[half:], *jobs[:half]]  # back in enqueue order
    not_success = [job for job in jobs if job["status"] != "success"]
    assert not not_success, f"{len(not_success)} jobs did not succeed, e.g. {not_success[0]}"
    assert [job["result"] for job in jobs] == list(range(JOBS))

    # And each job ran exactly once
    counts = Counter(runs.read_text().split())
    assert set(counts) == set(job_ids)
    assert [job_id for job_id, n in counts.items() if n != 1] == []

    # And both workers, each leasing through its own broker, did part of the work
    assert len({job["worker_id"] for job in jobs}) == 2
