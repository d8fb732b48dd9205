"""Queue semantics, on the real stack: raw queues, priorities and delays, subqueues, pause,
queue listing and defaults (the broker's config is queue_config.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import grpc
import pytest
from harness import StackUnderTest, log_line

from mrq import Client, InvalidArgument
from mrq.v1 import worker_service_pb2, worker_service_pb2_grpc
from mrq_local import wait_until

WAIT_S = 30.0
CONFIG = Path(__file__).with_name("queue_config.py")
with_config = pytest.mark.broker_args("--config", str(CONFIG))


def recorded_runs(runs: Path) -> list[str]:
    """The job ids mrq_test_tasks.block_until_file wrote, one line per run; the file exists a moment before
    its line does, so a test waits for the line, not the file."""
    return runs.read_text().split() if runs.exists() else []


def recorded(path: Path) -> list[dict[str, Any]]:
    """The params each mrq_test_tasks.record_params run wrote, in run order."""
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def ns_run(path: Path, count: int) -> list[int]:
    """Waits for ``count`` runs of mrq_test_tasks.record_params; returns their params' "n", in run order."""
    wait_until(lambda: len(recorded(path)) >= count, timeout_s=WAIT_S, what=f"{count} runs in {path}")
    return [p["n"] for p in recorded(path)]


def sizes(client: Client, name: str) -> tuple[int, int]:
    [queue] = [q for q in client.queues.list(name) if q["name"] == name] or [{"queued": 0, "delayed": 0}]
    return queue["queued"], queue["delayed"]


@with_config
def test_raw_list_runs_in_order_with_duplicates(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    entries = [{"path": str(out), "n": n} for n in (1, 2, 2, 3)]
    assert client.queues.enqueue_raw("log_raw", entries) == 4
    assert sizes(client, "log_raw") == (4, 0)
    stack.start_worker("log_raw", greenlets=1)
    assert ns_run(out, 4) == [1, 2, 2, 3]
    wait_until(lambda: sizes(client, "log_raw") == (0, 0), timeout_s=WAIT_S, what="log_raw empty")


@with_config
def test_raw_set_collapses_duplicate_params(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    entries = [{"path": str(out), "n": n} for n in (1, 2, 2, 1, 3)]
    assert client.queues.enqueue_raw("log_set", entries) == 3
    assert client.queues.enqueue_raw("log_set", entries[:1]) == 0  # still there: collapses again
    stack.start_worker("log_set", greenlets=1)
    assert sorted(ns_run(out, 3)) == [1, 2, 3]
    client.queues.enqueue_raw("log_set", [{"path": str(out), "n": 4}])  # the canary, after the set drained
    assert sorted(ns_run(out, 4)) == [1, 2, 3, 4]


@with_config
def test_raw_sorted_set_runs_by_score_and_rescores(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    entries = [{"path": str(out), "n": n} for n in (1, 2, 3)]
    client.queues.enqueue_raw("log_sorted_set", entries, scores=[30, 10, 20])
    # Re-enqueuing an entry moves it: 3 now comes first.
    assert client.queues.enqueue_raw("log_sorted_set", entries[2:], scores=[5]) == 0
    stack.start_worker("log_sorted_set", greenlets=1)
    assert ns_run(out, 3) == [3, 2, 1]


@with_config
def test_raw_timed_set_runs_at_its_time(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    now = time.time()
    client.queues.enqueue_raw(
        "log_timed_set", [{"path": str(out), "n": 1}, {"path": str(out), "n": 2}], scores=[now + 2, now - 1]
    )
    assert sizes(client, "log_timed_set") == (1, 1)  # one due, one waiting
    stack.start_worker("log_timed_set", greenlets=1)
    assert ns_run(out, 1) == [2]
    assert ns_run(out, 2) == [2, 1]
    [first_line, second_line] = out.read_text().splitlines()
    assert first_line and second_line
    assert time.time() >= now + 2


@pytest.mark.broker_args("--config", str(CONFIG), "--lease-ttl-s", "2")
def test_raw_job_taken_but_never_started_is_not_lost(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # A worker pops the raw entry (LeaseJobs) and dies before it starts the job: it never
    # reports, never heartbeats.
    runs, marker = tmp_path / "runs", tmp_path / "go"
    marker.touch()
    client.queues.enqueue_raw("hold_raw", [{"runs": str(runs), "marker": str(marker), "result": "ok"}])
    with grpc.insecure_channel(stack.broker_address) as channel:
        stub = worker_service_pb2_grpc.WorkerServiceStub(channel)
        leased = stub.LeaseJobs(
            worker_service_pb2.LeaseJobsRequest(worker_id="doomed", queues=["hold_raw"], max_jobs=1, wait_s=5)
        )
    assert len(leased.jobs) == 1 and sizes(client, "hold_raw") == (0, 0)
    # Then, once its lease expires, the entry is back and a live worker runs it.
    stack.start_worker("hold_raw", greenlets=1)
    [job_id] = wait_until(lambda: recorded_runs(runs), timeout_s=WAIT_S, what="the raw job to run")
    assert client.wait(job_id, timeout=WAIT_S)["status"] == "success"


@pytest.mark.broker_args("--config", str(CONFIG), "--lease-ttl-s", "2")
def test_raw_job_of_a_sigkilled_worker_runs_again(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    runs, marker = tmp_path / "runs", tmp_path / "go"
    client.queues.enqueue_raw("hold_raw", [{"runs": str(runs), "marker": str(marker), "result": "ok"}])
    doomed = stack.start_worker("hold_raw", greenlets=1)
    wait_until(lambda: recorded_runs(runs), timeout_s=WAIT_S, what="the first run")
    doomed.kill()
    marker.touch()
    stack.start_worker("hold_raw", greenlets=1)
    wait_until(lambda: len(recorded_runs(runs)) == 2, timeout_s=WAIT_S, what="the second run")
    # The entry went back on its raw queue (its first job had no record yet), and ran again as
    # a new job, whose success is stored.
    [first, second] = runs.read_text().split()
    job = client.wait(second, timeout=WAIT_S)
    assert job["status"] == "success" and job["raw_queue"] == "hold_raw" and job["result"] == "ok"
    assert len(stack.list_jobs()) == 1 and first != second


@pytest.mark.broker_args("--config", str(CONFIG), "--lease-ttl-s", "2")
def test_a_stored_raw_job_whose_lease_expires_reaches_a_worker_of_its_raw_queue(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a raw job, recorded as started, whose worker is SIGKILLed: it is requeued from its
    # record, on the raw queue's retry queue
    runs, marker = tmp_path / "runs", tmp_path / "go"
    client.queues.enqueue_raw("held_raw", [{"runs": str(runs), "marker": str(marker), "result": "ok"}])
    doomed = stack.start_worker("held_raw", greenlets=1)
    wait_until(lambda: recorded_runs(runs), timeout_s=WAIT_S, what="the first run")
    doomed.kill()
    # When a worker that listens to the raw queue alone starts
    marker.touch()
    stack.start_worker("held_raw", greenlets=1)
    # Then it runs the job, from the retry queue
    [job_id] = recorded_runs(runs)
    job = client.wait(job_id, timeout=WAIT_S)
    assert (job["status"], job["queue"], job["requeue_count"]) == ("success", "held_retry", 1)


@with_config
def test_raw_fast_path_stores_nothing_but_failures(stack: StackUnderTest, client: Client) -> None:
    client.queues.enqueue_raw("fast_raw", [{"a": 1, "b": 2}, {"a": "x", "b": 1}])
    stack.start_worker("fast_raw", greenlets=2)
    wait_until(lambda: len(stack.list_jobs()) == 1, timeout_s=WAIT_S, what="the failure stored")
    [failed] = stack.list_jobs()
    assert failed["status"] == "failed" and failed["raw_queue"] == "fast_raw" and failed["queue"] == "default"
    wait_until(
        lambda: stack.redis.hlen(f"{stack.redis_prefix}:raw_claims") == 0,
        timeout_s=WAIT_S,
        what="both raw claims settled",
    )


@with_config
def test_raw_queue_refusals_name_the_field(stack: StackUnderTest, client: Client) -> None:
    with pytest.raises(InvalidArgument, match="queue"):
        client.queues.enqueue_raw("default", [{}])
    with pytest.raises(InvalidArgument, match="RAW_QUEUES"):
        client.queues.enqueue_raw("unknown_raw", [{}])
    with pytest.raises(InvalidArgument, match="scores"):
        client.queues.enqueue_raw("log_sorted_set", [{}])
    with pytest.raises(InvalidArgument, match="params_json"):
        client.queues.enqueue_raw("log_raw", [[1, 2]])  # its factory takes objects
    with pytest.raises(InvalidArgument, match=r"options\.queue"):
        client.enqueue("mrq_test_tasks.add", {}, queue="log_raw")


def test_priorities_then_fifo_and_reverse_queues(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    for n, priority in ((1, 0), (2, 5), (3, 0), (4, 5), (5, -1)):
        client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": n}, priority=priority)
    for n in (6, 7, 8):
        client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": n}, queue="late_reverse")
    stack.start_worker("default", "late_reverse", greenlets=1)
    assert ns_run(out, 8) == [2, 4, 1, 3, 5, 8, 7, 6]


def test_delayed_jobs_wait_for_their_time(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    log_line(stack.start_worker("default", greenlets=2), "started")  # ready, so only the delay holds job 1
    start = time.time()
    delayed = client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 1}, delay=3)
    client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 2})
    assert client.get_job(delayed)["status"] == "delayed"
    assert ns_run(out, 2) == [2, 1]
    job = client.wait(delayed, timeout=WAIT_S)
    assert job["date_started"].timestamp() >= start + 3


def test_subqueues_match_only_under_the_root(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    names = ["main/", "main/a", "main/b/c", "main", "main_", "/main"]
    for n, queue in enumerate(names):
        client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": n}, queue=queue)
    stack.start_worker("main/", greenlets=1)
    assert sorted(ns_run(out, 3)) == [0, 1, 2]
    # A queue created after the worker started is found too.
    client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 9}, queue="main/new")
    assert sorted(ns_run(out, 4)) == [0, 1, 2, 9]
    for queue in ("main", "main_", "/main"):
        assert sizes(client, queue) == (1, 0), queue


def test_pause_and_resume_cover_subqueues(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    assert client.queues.pause("main") == ["main"]
    client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 1}, queue="main")
    client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 2}, queue="main/sub")
    client.enqueue("mrq_test_tasks.record_params", {"path": str(out), "n": 3}, queue="main_other")
    stack.start_worker("main", "main/", "main_other", greenlets=1)
    # The unpaused queue's job runs; the paused ones stay queued, reported as paused.
    assert ns_run(out, 1) == [3]
    listed = {q["name"]: q for q in client.queues.list("main")}
    assert listed["main"]["paused"] and listed["main/sub"]["paused"] and not listed["main_other"]["paused"]
    assert (listed["main"]["queued"], listed["main/sub"]["queued"]) == (1, 1)
    assert client.queues.resume("main") == []
    assert sorted(ns_run(out, 3)) == [1, 2, 3]


def test_list_queues_gives_exact_sizes_and_empty_cancels(stack: StackUnderTest, client: Client) -> None:
    client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(7)], queue="sized")
    client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="sized", delay=60)
    [sized] = client.queues.list("sized")
    assert (sized["name"], sized["type"], sized["queued"], sized["delayed"]) == ("sized", "regular", 7, 1)
    assert sized["oldest_enqueued"] is not None and not sized["paused"]
    assert client.queues.empty("sized") == 8
    assert sizes(client, "sized") == (0, 0)
    assert client.cancel(None, queue="sized", status="cancel", dry_run=True).matched == 8


@with_config
def test_queue_defaults_apply_under_the_job_options(stack: StackUnderTest, client: Client) -> None:
    defaulted = client.get_job(client.enqueue("mrq_test_tasks.add", {}, queue="slow"))
    assert defaulted["options"]["timeout_s"] == 7200 and defaulted["options"]["max_retries"] == 0
    assert defaulted["options"]["priority"] == 5
    sub = client.get_job(client.enqueue("mrq_test_tasks.add", {}, queue="slow/sub", max_retries=2))
    assert sub["options"]["timeout_s"] == 7200 and sub["options"]["max_retries"] == 2
