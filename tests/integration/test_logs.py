"""Per-job logs: what a task logs (and prints) is stored with its job, readable while it runs,
followable until it ends, capped per job, and never mixed between jobs."""

from __future__ import annotations

import os
import queue
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import grpc
import pytest
from harness import StackUnderTest

from mrq import Client, JobNotFound
from mrq.v1 import job_service_pb2, job_service_pb2_grpc, worker_service_pb2, worker_service_pb2_grpc
from mrq_broker.storage import SQLITE_FILE
from mrq_local import wait_until

MRQ = str(Path(sys.executable).parent / "mrq")
#: Lines are shipped every 0.5 s; allow for a slow machine, but not for a missing wake-up.
VISIBLE_WITHIN_S = 5.0


def log_of(client: Client, job_id: str) -> list[str]:
    """The job's log lines, without their timestamp and level."""
    return [line.split(" INFO ", 1)[-1] for line in client.get_logs(job_id).splitlines()]


def test_lines_are_visible_while_the_job_is_still_running(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a job that logs a line, then waits for a gate file before each next line
    stack.start_worker("default")
    gate = tmp_path / "gate"
    job_id = client.enqueue(
        "mrq_test_tasks.log_lines", {"lines": ["first", "second", "third"], "gate": str(gate), "print": "printed"}
    )
    # Then its first line (and what it printed) can be read while it is still started
    wait_until(lambda: "first" in log_of(client, job_id), VISIBLE_WITHIN_S, interval_s=0.05, what="first line")
    assert client.get_job(job_id)["status"] == "started"
    lines = log_of(client, job_id)
    assert "printed" in lines
    assert "second" not in lines
    # When it goes on, the next line shows up while it still runs
    Path(f"{gate}.0").touch()
    wait_until(lambda: "second" in log_of(client, job_id), VISIBLE_WITHIN_S, interval_s=0.05, what="second line")
    assert client.get_job(job_id)["status"] == "started"
    # And once it ends, the whole log is there, in order, each line once
    Path(f"{gate}.1").touch()
    assert client.wait(job_id, timeout=10)["status"] == "success"
    lines = log_of(client, job_id)
    assert [line for line in lines if line in ("first", "second", "third")] == ["first", "second", "third"]
    assert lines.count("printed") == 1


def test_mrq_logs_follow_prints_lines_as_they_come_and_exits_when_the_job_ends(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    stack.start_worker("default")
    gate = tmp_path / "gate"
    job_id = client.enqueue("mrq_test_tasks.log_lines", {"lines": ["one", "two", "three"], "gate": str(gate)})
    # Given `mrq logs ID --follow` running while the job runs
    env = {**os.environ, "MRQ_BROKER_ADDRESS": stack.broker_address}
    follower = subprocess.Popen(
        [MRQ, "logs", job_id, "--follow"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    printed: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [printed.put(line) for line in follower.stdout or ()], daemon=True)
    reader.start()
    seen: list[str] = []

    def saw(word: str) -> bool:
        while not printed.empty():
            seen.append(printed.get_nowait().rstrip("\n"))
        return any(line.endswith(f" {word}") for line in seen)

    try:
        # Then each line is printed as soon as it is shipped, before the next one exists
        wait_until(lambda: saw("one"), VISIBLE_WITHIN_S, interval_s=0.05, what="line one")
        assert not saw("two")
        Path(f"{gate}.0").touch()
        wait_until(lambda: saw("two"), VISIBLE_WITHIN_S, interval_s=0.05, what="line two")
        assert follower.poll() is None
        # And when the job ends, the follower prints the last line and exits 0
        Path(f"{gate}.1").touch()
        assert follower.wait(timeout=10) == 0, follower.stderr.read() if follower.stderr else ""
        reader.join(timeout=5)
        assert saw("three")
        assert [line.rsplit(" ", 1)[-1] for line in seen] == ["one", "two", "three"]
    finally:
        if follower.poll() is None:
            follower.kill()
            follower.wait()


@pytest.mark.parametrize("logger", [{}, {"logger": "some_library"}], ids=["job logger", "library logger"])
def test_a_job_over_its_log_cap_keeps_a_prefix_and_one_truncation_marker(
    stack: StackUnderTest, client: Client, logger: dict[str, str]
) -> None:
    stack.start_worker("default", extra_args=["--max-log-bytes-per-job", "2000"])
    lines = [f"{n:03d}-" + "x" * 95 for n in range(100)]
    job_id = client.enqueue("mrq_test_tasks.log_lines", {"lines": lines, **logger})
    assert client.wait(job_id, timeout=10)["status"] == "success"
    text = client.get_logs(job_id)
    kept, _, marker = text.rstrip("\n").rpartition("\n")
    match = re.fullmatch(r"\[log truncated: (\d+) bytes dropped\]", marker)
    assert match, marker
    assert text.count("[log truncated") == 1
    assert len(kept.encode()) + 1 <= 2000
    kept_lines = kept.splitlines()
    # The kept lines are the first ones, whole, and the dropped bytes are the rest
    assert [line.rsplit(" ", 1)[-1] for line in kept_lines] == lines[: len(kept_lines)]
    line_bytes = len(kept_lines[0]) + 1
    assert int(match.group(1)) == line_bytes * (len(lines) - len(kept_lines))


def test_logs_of_two_concurrent_jobs_do_not_mix(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    stack.start_worker("default", greenlets=2)
    jobs = {
        name: client.enqueue(
            "mrq_test_tasks.log_lines", {"lines": [f"{name}-{n}" for n in range(3)], "gate": str(tmp_path / name)}
        )
        for name in ("a", "b")
    }
    # Both run at once; let them log in turns: a-0 b-0 a-1 b-1 a-2 b-2
    for n in range(2):
        for name, job_id in jobs.items():
            wait_until(
                lambda job_id=job_id, want=f"{name}-{n}": want in log_of(client, job_id),
                VISIBLE_WITHIN_S,
                interval_s=0.05,
                what=f"{name}-{n}",
            )
            Path(f"{tmp_path / name}.{n}").touch()
    for job in client.wait(list(jobs.values()), timeout=10):
        assert job["status"] == "success"
    for name, job_id in jobs.items():
        assert log_of(client, job_id) == [f"{name}-{n}" for n in range(3)]


def test_what_concurrent_jobs_log_through_one_module_logger_goes_to_each_job_s_log(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given two jobs running at once, both logging through logging.getLogger("mrq_test_tasks.shared")
    stack.start_worker("default", greenlets=2)
    jobs = {
        name: client.enqueue(
            "mrq_test_tasks.log_lines",
            {
                "lines": [f"{name}-{n}" for n in range(2)],
                "gate": str(tmp_path / name),
                "logger": "mrq_test_tasks.shared",
            },
        )
        for name in ("a", "b")
    }
    # When both have logged their first line
    for name, job_id in jobs.items():
        wait_until(
            lambda job_id=job_id, want=f"{name}-0": want in log_of(client, job_id),
            VISIBLE_WITHIN_S,
            interval_s=0.05,
            what=f"{name}-0",
        )
    for name in jobs:
        Path(f"{tmp_path / name}.0").touch()
    # Then each job's log holds its own lines only
    for job in client.wait(list(jobs.values()), timeout=10):
        assert job["status"] == "success"
    for name, job_id in jobs.items():
        assert log_of(client, job_id) == [f"{name}-{n}" for n in range(2)]


def test_logs_of_a_job_that_logged_nothing_are_empty_and_of_an_unknown_job_not_found(
    stack: StackUnderTest, client: Client
) -> None:
    stack.start_worker("default")
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2})
    client.wait(job_id, timeout=10)
    assert client.get_logs(job_id) == ""
    assert list(client.follow_logs(job_id)) == []
    with pytest.raises(JobNotFound):
        client.get_logs("65f0c0ffee0123456789abcd")
    with pytest.raises(JobNotFound):
        list(client.follow_logs("65f0c0ffee0123456789abcd"))


def test_a_reader_waits_for_a_chunk_counted_but_not_yet_stored(
    stack: StackUnderTest, client: Client, request: pytest.FixtureRequest
) -> None:
    # Given a pending job's chunk caught between its number and its insert: another writer holds
    # the SQLite file, so the broker's insert waits while the chunk's number is already counted
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})
    channel = grpc.insecure_channel(stack.broker_address)
    request.addfinalizer(channel.close)
    jobs = job_service_pb2_grpc.JobServiceStub(channel)
    workers = worker_service_pb2_grpc.WorkerServiceStub(channel)
    shipped: queue.Queue[object] = queue.Queue()
    other = sqlite3.connect(stack.stack.config.data_dir / SQLITE_FILE, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        chunk = worker_service_pb2.LogChunk(job_id=job_id, text="in flight\n")
        ship = worker_service_pb2.ShipLogsRequest(worker_id="w-1", chunks=[chunk])
        threading.Thread(target=lambda: shipped.put(workers.ShipLogs(ship, timeout=30)), daemon=True).start()
        # When a reader looks meanwhile, it is told more is coming, from where it stands
        read = job_service_pb2.GetJobLogsRequest(job_id=job_id)

        def counted() -> job_service_pb2.GetJobLogsResponse | None:
            page = jobs.GetJobLogs(read)
            return page if page.next_offset or not page.complete else None

        page = wait_until(counted, 10, what="the chunk counted")
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert (page.text, page.next_offset, page.complete) == ("", 0, False)
    # Then, once the insert is done, its next read from there gets the chunk: nothing was skipped
    assert shipped.get(timeout=30) == worker_service_pb2.ShipLogsResponse(stored=1)
    read.from_offset = page.next_offset
    assert jobs.GetJobLogs(read).text == "in flight\n"
