"""Job management (ActOnJobs): cancel, requeue and retry, by id or by filter, on the real stack.

A queued job that is cancelled never runs; a running one is stopped and its late outcome refused;
a requeued job runs again; bulk actions by filter report how many jobs matched, changed and were
skipped, and a dry run changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import grpc
import pytest
from harness import StackUnderTest

from mrq import Client, InvalidArgument, JobNotFound
from mrq.cli import main
from mrq.selectors import ActionCounts
from mrq.v1 import job_pb2, job_service_pb2, job_service_pb2_grpc
from mrq_local import wait_until


def status_of(client: Client, job_id: str) -> str:
    return client.get_job(job_id)["status"]


def queued_on(client: Client, queue: str) -> int:
    """The jobs waiting on ``queue`` now, as QueueService.ListQueues counts them."""
    return sum(q["queued"] for q in client.queues.list(queue) if q["name"] == queue)


def test_a_cancelled_queued_job_never_runs(stack: StackUnderTest, client: Client) -> None:
    # Given queued jobs and no worker yet
    doomed = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, queue="q")
    kept = client.enqueue("mrq_test_tasks.add", {"a": 5, "b": 5}, queue="q")

    # When one is cancelled by id
    assert client.cancel(doomed) == ActionCounts(matched=1, changed=1, skipped=0)

    # Then it is final at once, off its queue, and a worker started later runs only the other
    job = client.get_job(doomed)
    assert job["status"] == "cancel" and job["date_finished"] is not None and job["date_expires"] is not None
    assert queued_on(client, "q") == 1
    stack.start_worker("q", greenlets=2)
    assert client.wait(kept, timeout=20)["result"] == 10
    job = client.get_job(doomed)
    assert (job["status"], job["date_started"]) == ("cancel", None)
    # Cancelling it again changes nothing
    assert client.cancel(doomed) == ActionCounts(matched=1, changed=0, skipped=1)


def test_a_cancelled_running_job_stops_and_the_worker_keeps_serving(stack: StackUnderTest, client: Client) -> None:
    # Given a worker with one greenlet, busy with a 60 s job
    stack.start_worker("default", greenlets=1)
    sleeper = client.enqueue("mrq_test_tasks.sleep", {"s": 60})
    wait_until(lambda: status_of(client, sleeper) == "started", 15, what="the job to start")

    # When it is cancelled
    assert client.cancel([sleeper]) == ActionCounts(matched=1, changed=1, skipped=0)

    # Then it ends cancel within 2 s, and its greenlet is freed: the next job runs and succeeds
    assert client.wait(sleeper, timeout=2)["status"] == "cancel"
    assert client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 3}), timeout=20)["result"] == 5
    # and whatever the worker reported for the killed job was refused
    assert status_of(client, sleeper) == "cancel"


def test_requeue_and_retry_skip_a_running_job(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=1)
    sleeper = client.enqueue("mrq_test_tasks.sleep", {"s": 60})
    wait_until(lambda: status_of(client, sleeper) == "started", 15, what="the job to start")

    assert client.requeue(sleeper) == ActionCounts(matched=1, changed=0, skipped=1)
    assert client.retry(sleeper, dry_run=True) == ActionCounts(matched=1, changed=0, skipped=1)
    assert client.retry(sleeper) == ActionCounts(matched=1, changed=0, skipped=1)
    assert status_of(client, sleeper) == "started"
    assert client.cancel(sleeper).changed == 1


def test_a_requeued_failed_job_runs_again_and_succeeds(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # Given a job that failed because its marker file did not exist
    stack.start_worker("default", greenlets=2)
    marker = tmp_path / "marker"
    job_id = client.enqueue("mrq_test_tasks.fail_until_file", {"marker": str(marker), "result": "ok"}, max_retries=0)
    failed = client.wait(job_id, timeout=20)
    assert (failed["status"], failed["exception_type"]) == ("failed", "builtins.ValueError")

    # When the file now exists and the job is requeued
    marker.touch()
    assert client.requeue(job_id) == ActionCounts(matched=1, changed=1, skipped=0)

    # Then it runs again and succeeds, its earlier failure still in its history
    job = client.wait(job_id, timeout=20)
    assert (job["status"], job["result"], job["retry_count"]) == ("success", "ok", 0)
    assert [a["status"] for a in job["traceback_history"]] == ["failed"]
    assert job["date_enqueued"] == failed["date_enqueued"]


def test_a_requeued_queued_job_goes_behind_the_jobs_waiting(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given three jobs queued in order, and no worker yet
    runs = tmp_path / "runs"
    first, second, third = (client.enqueue("mrq_test_tasks.record_run", {"runs": str(runs), "n": n}) for n in range(3))

    # When the first is requeued, then a worker with one greenlet runs them one at a time
    assert client.requeue(first).changed == 1
    stack.start_worker("default", greenlets=1)
    client.wait([first, second, third], timeout=30)

    # Then the requeued job ran last, as a new enqueue would
    assert runs.read_text().split() == [second, third, first]


def test_retry_by_id_runs_a_failed_job_again(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    stack.start_worker("default", greenlets=2)
    marker = tmp_path / "marker"
    job_id = client.enqueue("mrq_test_tasks.fail_until_file", {"marker": str(marker), "result": 7}, max_retries=0)
    assert client.wait(job_id, timeout=20)["status"] == "failed"

    marker.touch()
    assert client.retry(job_id) == ActionCounts(matched=1, changed=1, skipped=0)

    assert client.wait(job_id, timeout=20)["result"] == 7


def test_bulk_requeue_by_filter_counts_and_dry_run_changes_nothing(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given failures of two tasks, and successes
    stack.start_worker("default", greenlets=4)
    marker = tmp_path / "marker"
    flaky = [
        client.enqueue("mrq_test_tasks.fail_until_file", {"marker": str(marker), "result": n}, max_retries=0)
        for n in range(5)
    ]
    broken = [client.enqueue("mrq_test_tasks.fail", {"n": n}, max_retries=0) for n in range(3)]
    fine = [client.enqueue("mrq_test_tasks.add", {"a": n, "b": 1}) for n in range(2)]
    client.wait([*flaky, *broken, *fine], timeout=30)

    # When a dry run previews a requeue of every failed job
    preview = client.requeue(status="failed", dry_run=True)

    # Then it counts them, and changes nothing
    assert preview == ActionCounts(matched=8, changed=8, skipped=0)
    assert {status_of(client, i) for i in [*flaky, *broken]} == {"failed"}

    # When the failures of one task are requeued, by status and task
    marker.touch()
    counts = client.requeue(status="failed", task="mrq_test_tasks.fail_until_file")

    # Then exactly those run again and succeed; the others are untouched
    assert counts == ActionCounts(matched=5, changed=5, skipped=0)
    assert [job["result"] for job in client.wait(flaky, timeout=30)] == list(range(5))
    assert {status_of(client, i) for i in broken} == {"failed"}
    assert client.requeue(status="failed", task="mrq_test_tasks.fail_until_file") == ActionCounts(0, 0, 0)


def test_bulk_cancel_by_queue_params_and_dates(stack: StackUnderTest, client: Client) -> None:
    # Given queued jobs and no worker
    ids = [client.enqueue("mrq_test_tasks.echo", {"n": n, "tag": "x"}, queue="bulk") for n in range(4)]
    other = client.enqueue("mrq_test_tasks.echo", {"n": 0, "tag": "x"}, queue="elsewhere")
    first = client.get_job(ids[0])["date_enqueued"]
    assert first is not None

    # Params equality ignores key order; the queue narrows it down
    assert client.cancel(queue="bulk", params={"tag": "x", "n": 1}) == ActionCounts(1, 1, 0)
    assert status_of(client, ids[1]) == "cancel" and status_of(client, other) == "queued"

    # A date range (enqueued before the first job: none) and a dry run
    assert client.cancel(queue="bulk", enqueued_before=first).matched == 0
    assert client.cancel(queue="bulk", enqueued_after=first, dry_run=True) == ActionCounts(4, 3, 1)
    assert client.cancel(queue="bulk") == ActionCounts(matched=4, changed=3, skipped=1)
    assert {status_of(client, i) for i in ids} == {"cancel"}
    assert queued_on(client, "bulk") == 0

    # Cancelled jobs can be requeued, retry_count reset, and they run
    assert client.requeue(queue="bulk", status="cancel") == ActionCounts(4, 4, 0)
    stack.start_worker("bulk", greenlets=2)
    assert [job["result"]["n"] for job in client.wait(ids, timeout=30)] == list(range(4))


def test_the_cli_acts_by_id_and_by_filter(
    stack: StackUnderTest, client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="cli")
    address = ["--broker-address", stack.broker_address]

    assert main(["requeue", "--queue", "cli", "--status", "queued", "--dry-run", *address]) == 0
    assert json.loads(capsys.readouterr().out) == {"matched": 1, "changed": 1, "skipped": 0, "dry_run": True}
    assert main(["cancel", job_id, *address]) == 0
    assert json.loads(capsys.readouterr().out)["changed"] == 1
    assert status_of(client, job_id) == "cancel"
    assert main(["retry", "--status", "nonsense", *address]) == 2
    assert "status" in capsys.readouterr().err
    assert main(["requeue", *address]) == 2
    capsys.readouterr()

    # delete, by one params key's value and the job id's prefix
    other = client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 1}, queue="cli")
    assert main(["delete", "--param", "a=2", "--id-prefix", other[:12], "--dry-run", *address]) == 0
    assert json.loads(capsys.readouterr().out)["changed"] == 1
    assert main(["delete", "--queue", "cli", "--param", "a=2", *address]) == 0
    assert json.loads(capsys.readouterr().out)["changed"] == 1
    with pytest.raises(JobNotFound):
        client.get_job(other)
    assert main(["delete", "--param", "a", *address]) == 2
    assert "--param" in capsys.readouterr().err


def test_bad_requests_name_the_field(stack: StackUnderTest, client: Client) -> None:
    with pytest.raises(InvalidArgument) as malformed:
        client.cancel("not-an-id")
    assert malformed.value.field == "job_ids[0]"
    with pytest.raises(InvalidArgument) as unknown_status:
        client.requeue(status="finished")
    assert unknown_status.value.field == "status"
    with pytest.raises(InvalidArgument) as no_criterion:
        client.requeue()
    assert no_criterion.value.field == "query"
    with pytest.raises(JobNotFound):
        client.cancel("0123456789abcdef01234567")

    with grpc.insecure_channel(stack.broker_address) as channel:
        stub = job_service_pb2_grpc.JobServiceStub(channel)  # type: ignore[no-untyped-call]
        for request, field in [
            (job_service_pb2.ActOnJobsRequest(job_ids=["0123456789abcdef01234567"]), "action"),
            (job_service_pb2.ActOnJobsRequest(action=99, job_ids=["0123456789abcdef01234567"]), "action"),  # type: ignore[arg-type]
            (
                job_service_pb2.ActOnJobsRequest(
                    action=job_service_pb2.JOB_ACTION_CANCEL, filter=job_service_pb2.JobFilter(status=99)
                ),
                "filter.status",
            ),  # type: ignore[arg-type]
            (
                job_service_pb2.ActOnJobsRequest(
                    action=job_service_pb2.JOB_ACTION_CANCEL, filter=job_service_pb2.JobFilter(queue="bad queue")
                ),
                "filter.queue",
            ),
            (
                job_service_pb2.ActOnJobsRequest(
                    action=job_service_pb2.JOB_ACTION_RETRY,
                    filter=job_service_pb2.JobFilter(status=job_pb2.JOB_STATUS_FAILED, params_json=b"{nope"),
                ),
                "filter.params_json",
            ),
        ]:
            with pytest.raises(grpc.RpcError) as error:
                stub.ActOnJobs(request, timeout=10)
            assert error.value.code() is grpc.StatusCode.INVALID_ARGUMENT  # type: ignore[attr-defined]
            assert error.value.details().startswith(f"{field}: ")  # type: ignore[attr-defined]
