"""One JobQuery for reads and bulk actions, on the real stack: ListJobs' total and its searches
(id prefix, one params key's value, taskset), DELETE by id and by query, and the deprecated
JobFilter and ActOnMatchingJobs answering as ActOnJobs does."""

from __future__ import annotations

from collections.abc import Iterator

import grpc
import pytest
from harness import StackUnderTest

from mrq import Client, JobNotFound
from mrq.selectors import ActionCounts
from mrq.v1 import (
    job_pb2,
    job_query_pb2,
    job_service_pb2,
    job_service_pb2_grpc,
    monitor_service_pb2,
    monitor_service_pb2_grpc,
)
from mrq_local import wait_until

WAIT_S = 20


@pytest.fixture
def monitor(stack: StackUnderTest) -> Iterator[monitor_service_pb2_grpc.MonitorServiceStub]:
    with grpc.insecure_channel(stack.broker_address) as channel:
        yield monitor_service_pb2_grpc.MonitorServiceStub(channel)  # type: ignore[no-untyped-call]


def listed(
    monitor: monitor_service_pb2_grpc.MonitorServiceStub, limit: int = 0, **criteria: object
) -> monitor_service_pb2.ListJobsResponse:
    request = monitor_service_pb2.ListJobsRequest(filter=job_query_pb2.JobQuery(**criteria), limit=limit)  # type: ignore[arg-type]
    response: monitor_service_pb2.ListJobsResponse = monitor.ListJobs(request, timeout=10)
    return response


def job_ids(response: monitor_service_pb2.ListJobsResponse) -> list[str]:
    return [job.id for job in response.jobs]


def test_list_jobs_searches_by_params_key_id_prefix_and_taskset_with_a_total(
    stack: StackUnderTest, client: Client, monitor: monitor_service_pb2_grpc.MonitorServiceStub
) -> None:
    # Given queued jobs whose params differ by one key's value and type, and a taskset
    number = client.enqueue("mrq_test_tasks.echo", {"user": 42, "n": 1}, queue="search")
    string = client.enqueue("mrq_test_tasks.echo", {"user": "42"}, queue="search")
    nested = client.enqueue("mrq_test_tasks.echo", {"n": {"user": 42}}, queue="search")
    taskset_id, members = client.enqueue_taskset("mrq_test_tasks.echo", [{"m": 1}, {"m": 2}], queue="search")

    # The value compares as JSON: 42 is the number, "42" the string; a nested key is no match
    assert job_ids(listed(monitor, params_key="user", params_value_json=b"42")) == [number]
    assert job_ids(listed(monitor, params_key="user", params_value_json=b' "42" ')) == [string]
    # It combines with the indexed criteria
    assert job_ids(listed(monitor, queue="elsewhere", params_key="user", params_value_json=b"42")) == []
    assert job_ids(listed(monitor, job_id_prefix=nested.upper(), queue="search")) == [nested]
    assert nested in job_ids(listed(monitor, job_id_prefix=nested[:12]))
    assert job_ids(listed(monitor, taskset_id=taskset_id)) == members[::-1]

    # The total counts every match, not only the page's
    page = listed(monitor, limit=2, queue="search")
    assert (len(page.jobs), page.total, page.total_is_lower_bound) == (2, 5, False)
    assert page.next_cursor
    assert listed(monitor, statuses=[job_pb2.JOB_STATUS_QUEUED]).total == 5
    assert listed(monitor, task="mrq_test_tasks.none").total == 0


def test_list_jobs_total_is_a_lower_bound_past_ten_thousand(
    stack: StackUnderTest, client: Client, monitor: monitor_service_pb2_grpc.MonitorServiceStub
) -> None:
    client.enqueue_many("mrq_test_tasks.echo", [{"n": n} for n in range(10_001)], queue="many")

    page = listed(monitor, limit=1, queue="many")
    assert (page.total, page.total_is_lower_bound) == (10_000, True)
    exact = listed(monitor, limit=1, queue="many", enqueued_after=page.jobs[0].date_enqueued)
    assert not exact.total_is_lower_bound and exact.total >= 1


@pytest.mark.parametrize(
    ("criteria", "field"),
    [
        ({"params_key": "user"}, "filter.params_value_json"),
        ({"params_value_json": b"42"}, "filter.params_key"),
        ({"params_key": "user", "params_value_json": b"{nope"}, "filter.params_value_json"),
        ({"job_id_prefix": "xyz"}, "filter.job_id_prefix"),
        ({"job_id_prefix": "0" * 25}, "filter.job_id_prefix"),
        ({"taskset_id": "not-a-taskset"}, "filter.taskset_id"),
        ({"statuses": [99]}, "filter.statuses[0]"),
    ],
    ids=["key without value", "value without key", "malformed value", "not hex", "too long", "taskset", "status"],
)
def test_bad_queries_name_the_field(
    monitor: monitor_service_pb2_grpc.MonitorServiceStub, criteria: dict[str, object], field: str
) -> None:
    with pytest.raises(grpc.RpcError) as error:
        listed(monitor, **criteria)
    assert error.value.code() is grpc.StatusCode.INVALID_ARGUMENT  # type: ignore[attr-defined]
    assert error.value.details().startswith(f"{field}: ")  # type: ignore[attr-defined]


def test_a_deleted_job_never_runs_and_is_gone_with_its_logs(stack: StackUnderTest, client: Client) -> None:
    # Given a finished job that logged, and two jobs queued where no worker listens yet
    stack.start_worker("done", greenlets=1)
    logged = client.enqueue("mrq_test_tasks.log_lines", {"lines": ["one", "two"]}, queue="done")
    client.wait(logged, timeout=WAIT_S)
    assert "two" in client.get_logs(logged)
    doomed = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, queue="later")
    kept = client.enqueue("mrq_test_tasks.add", {"a": 5, "b": 5}, queue="later")

    # When the finished job and one queued job are deleted by id (after a dry run)
    assert client.delete([logged, doomed], dry_run=True) == ActionCounts(matched=2, changed=2, skipped=0)
    assert client.get_job(doomed)["status"] == "queued"
    assert client.delete([logged, doomed]) == ActionCounts(matched=2, changed=2, skipped=0)

    # Then both are gone, logs included, and a worker started later runs only the other job
    for job_id in (logged, doomed):
        with pytest.raises(JobNotFound):
            client.get_job(job_id)
        with pytest.raises(JobNotFound):
            client.get_logs(job_id)
    stack.start_worker("later", greenlets=2)
    assert client.wait(kept, timeout=WAIT_S)["result"] == 10
    with pytest.raises(JobNotFound):
        client.get_job(doomed)


def test_delete_skips_a_running_job(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=1)
    sleeper = client.enqueue("mrq_test_tasks.sleep", {"s": 60})
    wait_until(lambda: client.get_job(sleeper)["status"] == "started", WAIT_S, what="the job to start")

    assert client.delete(sleeper) == ActionCounts(matched=1, changed=0, skipped=1)
    assert client.get_job(sleeper)["status"] == "started"


def test_delete_by_query_completes_the_taskset_of_its_members(stack: StackUnderTest, client: Client) -> None:
    # Given a taskset whose members wait on a queue no worker listens to
    taskset_id, members = client.enqueue_taskset("mrq_test_tasks.add", [{"a": n, "b": 1} for n in range(3)], queue="ts")
    other = client.enqueue("mrq_test_tasks.add", {"a": 0, "b": 0}, queue="ts")

    # When its members are deleted, by taskset
    assert client.delete(taskset_id=taskset_id, dry_run=True) == ActionCounts(3, 3, 0)
    assert client.delete(taskset_id=taskset_id) == ActionCounts(3, 3, 0)

    # Then they are gone, the other job is not, and the taskset is complete
    with pytest.raises(JobNotFound):
        client.get_job(members[0])
    assert client.get_job(other)["status"] == "queued"
    done = client.get_taskset(taskset_id)
    assert (done["final"], done["counts"], done["progress"]) == (3, {"deleted": 3}, 1.0)


def test_the_deprecated_filter_and_act_on_matching_jobs_act_as_act_on_jobs_with_a_query(
    stack: StackUnderTest, client: Client, monitor: monitor_service_pb2_grpc.MonitorServiceStub
) -> None:
    ids = [client.enqueue("mrq_test_tasks.echo", {"n": n}, queue="old") for n in range(3)]
    client.cancel(ids[0])
    cancel = job_service_pb2.JOB_ACTION_CANCEL
    query = job_query_pb2.JobQuery(queue="old")

    with grpc.insecure_channel(stack.broker_address) as channel:
        jobs = job_service_pb2_grpc.JobServiceStub(channel)  # type: ignore[no-untyped-call]
        by_query = jobs.ActOnJobs(job_service_pb2.ActOnJobsRequest(action=cancel, query=query, dry_run=True))
        by_filter = jobs.ActOnJobs(
            job_service_pb2.ActOnJobsRequest(action=cancel, filter=job_service_pb2.JobFilter(queue="old"), dry_run=True)
        )
        matching = monitor.ActOnMatchingJobs(
            monitor_service_pb2.ActOnMatchingJobsRequest(action=cancel, filter=query, dry_run=True)
        )
        for response in (by_query, by_filter, matching):
            assert (response.matched, response.changed, response.skipped) == (3, 2, 1)
        with pytest.raises(grpc.RpcError) as both:
            jobs.ActOnJobs(
                job_service_pb2.ActOnJobsRequest(
                    action=cancel, query=query, filter=job_service_pb2.JobFilter(queue="old")
                )
            )
        assert both.value.details().startswith("query: ")  # type: ignore[attr-defined]
        done = monitor.ActOnMatchingJobs(monitor_service_pb2.ActOnMatchingJobsRequest(action=cancel, filter=query))
        assert (done.matched, done.changed) == (3, 2)
    assert {client.get_job(i)["status"] for i in ids} == {"cancel"}
