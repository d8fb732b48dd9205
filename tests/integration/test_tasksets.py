"""Tasksets: a group of jobs with aggregate counts, and a callback once every member is final."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mrq import Client, InvalidArgument
from mrq_local import wait_until

WAIT_S = 30.0


def _callback_runs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_a_taskset_reports_its_progress_and_runs_its_callback_once(stack, client: Client, tmp_path: Path) -> None:
    # Given: 100 members, of which the last 50 wait for a gate file.
    stack.start_worker("default", greenlets=60)
    gate, record = tmp_path / "gate", tmp_path / "callback.jsonl"
    params = [{"value": i, "gate": str(gate) if i >= 50 else ""} for i in range(100)]
    taskset_id, job_ids = client.enqueue_taskset(
        "mrq_test_tasks.gated_value",
        params,
        callback="mrq_test_tasks.record_params",
        callback_params={"path": str(record)},
    )
    assert len(taskset_id) == 24 and len(job_ids) == 100

    # When the ungated half is done, the taskset says so while the rest still runs.
    wait_until(lambda: client.get_taskset(taskset_id)["final"] >= 50, timeout_s=WAIT_S)
    halfway = client.get_taskset(taskset_id)
    assert halfway["final"] == 50 and halfway["counts"] == {"success": 50} and halfway["progress"] == 0.5
    assert halfway["callback_job_id"] == ""

    # Then, once the gate opens, every member counts and the callback runs once with 100 results.
    gate.touch()
    done = client.wait_taskset(taskset_id, timeout=WAIT_S)
    assert done["total"] == 100 and done["final"] == 100 and done["progress"] == 1.0
    assert done["counts"] == {"success": 100} and done["job_ids"] == job_ids
    callback = client.wait(done["callback_job_id"], timeout=WAIT_S)
    assert callback["status"] == "success" and callback["result"] == 100
    [run] = _callback_runs(record)
    assert run["taskset_id"] == taskset_id and run["results"] == list(range(100))


def test_failing_members_are_counted_and_the_callback_still_fires_once(stack, client: Client, tmp_path: Path) -> None:
    stack.start_worker("default")
    record = tmp_path / "callback.jsonl"
    params = [{"value": i, "fail": i % 4 == 0} for i in range(20)]
    taskset_id, job_ids = client.enqueue_taskset(
        "mrq_test_tasks.gated_value",
        params,
        callback="mrq_test_tasks.record_params",
        callback_params={"path": str(record), "tag": "x"},
    )
    done = client.wait_taskset(taskset_id, timeout=WAIT_S)
    assert done["counts"] == {"success": 15, "failed": 5} and done["final"] == 20
    client.wait(done["callback_job_id"], timeout=WAIT_S)
    # Requeuing a member after the fact runs it again but does not count it twice.
    client.requeue(job_ids[1])
    client.wait(job_ids[1], timeout=WAIT_S)
    assert client.get_taskset(taskset_id)["counts"] == {"success": 15, "failed": 5}
    [run] = _callback_runs(record)
    assert run["tag"] == "x"
    assert run["results"] == [None if i % 4 == 0 else i for i in range(20)]


def test_a_taskset_without_callback_can_be_waited_for(stack, client: Client) -> None:
    stack.start_worker("default")
    taskset_id, _ = client.enqueue_taskset("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)])
    done = client.wait_taskset(taskset_id, timeout=WAIT_S)
    assert done["counts"] == {"success": 5} and done["callback_job_id"] == "" and done["callback_task"] == ""


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.enqueue_taskset("mrq_test_tasks.add", []), "params_json"),
        (lambda c: c.enqueue_taskset("mrq_test_tasks.add", [{}], callback="not a path"), "callback_task"),
        (
            lambda c: c.enqueue_taskset("mrq_test_tasks.add", [{}], callback="mrq_test_tasks.add", callback_params=[1]),
            "callback_params_json",
        ),
        (
            lambda c: c.enqueue_taskset(
                "mrq_test_tasks.add", [{}], callback="mrq_test_tasks.add", callback_queue="bad queue"
            ),
            "callback_queue",
        ),
        (lambda c: c.get_taskset("nope"), "taskset_id"),
        (lambda c: c.list_tasksets(limit=101), "limit"),
        (lambda c: c.list_tasksets(cursor="nope"), "cursor"),
    ],
)
def test_bad_taskset_input_is_refused_naming_the_field(stack, client: Client, call, field: str) -> None:
    with pytest.raises(InvalidArgument) as raised:
        call(client)
    assert raised.value.field == field


def test_cancelled_members_count_as_final(stack, client: Client, tmp_path: Path) -> None:
    # No worker runs yet: the members are queued when they are cancelled.
    record = tmp_path / "callback.jsonl"
    taskset_id, job_ids = client.enqueue_taskset(
        "mrq_test_tasks.add",
        [{"a": i, "b": 0} for i in range(4)],
        callback="mrq_test_tasks.record_params",
        callback_params={"path": str(record)},
    )
    client.cancel(job_ids[:2])
    assert client.get_taskset(taskset_id)["counts"] == {"cancel": 2}
    stack.start_worker("default")
    done = client.wait_taskset(taskset_id, timeout=WAIT_S)
    assert done["counts"] == {"cancel": 2, "success": 2}
    client.wait(done["callback_job_id"], timeout=WAIT_S)
    [run] = _callback_runs(record)
    assert run["results"] == [None, None, 2, 3]


def test_tasksets_are_listed_newest_first_by_page_with_their_counts(stack, client: Client) -> None:
    # Given three tasksets, the newest with a callback and two of its three members cancelled
    ids = [client.enqueue_taskset("mrq_test_tasks.add", [{"a": i, "b": 0}] * (i + 1))[0] for i in range(2)]
    newest, members = client.enqueue_taskset("mrq_test_tasks.echo", [{}] * 3, callback="mrq_test_tasks.add")
    client.cancel(members[:2])

    # When they are listed two by two
    first, cursor = client.list_tasksets(limit=2)
    second, last_cursor = client.list_tasksets(limit=2, cursor=cursor)

    # Then the newest come first, each with its task, counts, progress and callback, no members
    assert [t["id"] for t in first] == [newest, ids[1]] and [t["id"] for t in second] == [ids[0]]
    assert last_cursor == ""
    assert first[0]["task"] == "mrq_test_tasks.echo" and first[0]["callback_task"] == "mrq_test_tasks.add"
    assert (first[0]["total"], first[0]["final"], first[0]["counts"]) == (3, 2, {"cancel": 2})
    assert first[0]["progress"] == pytest.approx(2 / 3) and first[0]["job_ids"] == []
    assert (second[0]["total"], second[0]["progress"], second[0]["task"]) == (1, 0.0, "mrq_test_tasks.add")
    assert first[0]["date_created"] >= first[1]["date_created"] >= second[0]["date_created"]
    # And a member's record names its taskset
    assert client.get_job(members[0])["taskset_id"] == newest
