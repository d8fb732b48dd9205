"""The broker is stateless: two brokers on the same Redis and MongoDB, each with its own worker
and client, run every job exactly once, whichever broker enqueued it and whichever leased it;
and so do the processes of one ``mrq-broker --processes`` on one address."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import psutil
from harness import StackUnderTest, scrape, value

from mrq import Client
from mrq_local import free_port, wait_until

JOBS = 2_000
GREENLETS = 20
RUN_TIMEOUT_S = 45.0
#: Jobs through a broker of several processes: enough for every worker process to lease some.
PROCESSES_JOBS = 400


def test_two_brokers_run_every_job_exactly_once(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # Given a second broker on the same stores, and one worker on each broker
    second = stack.start_broker()
    stack.start_worker("default", greenlets=GREENLETS)
    stack.start_worker("default", greenlets=GREENLETS, broker=second)
    runs = tmp_path / "runs.txt"

    # When half the jobs are enqueued through each broker
    half = JOBS // 2
    with Client(second.address) as second_client:
        first_ids = client.enqueue_many(
            "mrq_test_tasks.record_run", [{"runs": str(runs), "result": i} for i in range(half)]
        )
        second_ids = second_client.enqueue_many(
            "mrq_test_tasks.record_run", [{"runs": str(runs), "result": i} for i in range(half, JOBS)]
        )
        job_ids = [*first_ids, *second_ids]

        # Then waiting through either broker sees every job succeed with its own result
        jobs = [*client.wait(second_ids, timeout=RUN_TIMEOUT_S), *second_client.wait(first_ids, timeout=RUN_TIMEOUT_S)]
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


def _listening_sockets(address: str) -> int:
    """How many sockets listen on ``address`` (127.0.0.1:port), from /proc/net: gRPC's are IPv6
    sockets bound to the IPv4-mapped address, which ends as an IPv4 socket's does."""
    port = int(address.rpartition(":")[2])
    wanted = f"0100007F:{port:04X}"  # 127.0.0.1, as /proc/net writes it
    lines = [
        line.split() for name in ("tcp", "tcp6") for line in (Path("/proc/net") / name).read_text().splitlines()[1:]
    ]
    return sum(1 for fields in lines if fields[1].endswith(wanted) and fields[3] == "0A")  # 0A: LISTEN


def test_broker_processes_share_one_address_and_run_every_job_once(
    make_stack: Callable[..., StackUnderTest], tmp_path: Path
) -> None:
    # Given a broker of two processes, each listening on the same address
    metrics_port = free_port()
    stack = make_stack(broker_args=("--processes", "2", "--metrics-port", str(metrics_port)))
    wait_until(
        lambda: _listening_sockets(stack.broker_address) == 2,
        RUN_TIMEOUT_S,
        what="two broker processes listening on one address",
    )
    runs = tmp_path / "runs.txt"

    # When several worker processes, each with its own connection, run the jobs
    stack.start_worker("default", greenlets=GREENLETS, processes=4)
    with Client(stack.broker_address) as client:
        job_ids = client.enqueue_many(
            "mrq_test_tasks.record_run", [{"runs": str(runs), "result": i} for i in range(PROCESSES_JOBS)]
        )
        jobs = client.wait(job_ids, timeout=RUN_TIMEOUT_S)

    # Then every job succeeds with its own result, and ran exactly once
    assert [job["status"] for job in jobs] == ["success"] * PROCESSES_JOBS
    assert [job["result"] for job in jobs] == list(range(PROCESSES_JOBS))
    counts = Counter(runs.read_text().split())
    assert set(counts) == set(job_ids)
    assert [job_id for job_id, n in counts.items() if n != 1] == []

    # And the broker's one /metrics counts the successes of both processes (each counts its
    # own just after releasing them, so a moment after the wait may see them done)
    wait_until(
        lambda: value(scrape(metrics_port), "mrq_jobs_finished_total", status="success") == PROCESSES_JOBS,
        RUN_TIMEOUT_S,
        what=f"/metrics counting {PROCESSES_JOBS} successes",
    )


def test_a_broker_process_that_dies_is_replaced(make_stack: Callable[..., StackUnderTest]) -> None:
    # Given a broker of two processes
    stack = make_stack(broker_args=("--processes", "2"))
    supervisor = psutil.Process(stack.broker.pid)
    first = wait_until(
        lambda: supervisor.children() if len(supervisor.children()) == 2 else None,
        RUN_TIMEOUT_S,
        what="two broker processes",
    )

    # When one of them is SIGKILLed
    first[0].kill()

    # Then the supervisor starts another, which listens on the same address, and jobs still run
    wait_until(
        lambda: len(supervisor.children()) == 2 and first[0] not in supervisor.children(),
        RUN_TIMEOUT_S,
        what="a new broker process",
    )
    wait_until(
        lambda: _listening_sockets(stack.broker_address) == 2,
        RUN_TIMEOUT_S,
        what="two broker processes listening again",
    )
    stack.start_worker("default", greenlets=GREENLETS)
    with Client(stack.broker_address) as client:
        job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=RUN_TIMEOUT_S)
    assert (job["status"], job["result"]) == ("success", 3)
