"""The dashboard's HTTP API on the real stack: mrq-dashboard over HTTP, the broker over gRPC,
Redis and FerretDB.

One stack and one dashboard serve the module. A set of jobs is seeded once, in bulk, and only
read; tests that act on jobs enqueue their own, on queues of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from harness import ScheduleDriver, StackUnderTest

from mrq import Client
from mrq_local import wait_until

ACTION_HEADERS = {"X-Requested-With": "mrq-dashboard"}
GREENLETS = 5
RUN_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Seeded:
    """What the module seeded: 20 successes and 5 failures of the worker on dash/fast, 40 jobs
    queued on dash/idle (no worker), 3 echo jobs queued on other/q."""

    http: httpx.Client
    client: Client
    stack: StackUnderTest
    succeeded: list[str]
    failed: list[str]
    idle: list[str]
    echoes: list[str]
    worker_id: str


@pytest.fixture(scope="module")
def seeded(module_stack: StackUnderTest) -> Iterator[Seeded]:
    dashboard = module_stack.stack.start_dashboard()
    with Client(module_stack.broker_address) as client, httpx.Client(base_url=dashboard.url, timeout=30) as http:
        succeeded = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(20)], queue="dash/fast")
        failed = client.enqueue_many("mrq_test_tasks.fail", [{"n": i} for i in range(5)], queue="dash/fast")
        idle = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 2} for i in range(40)], queue="dash/idle")
        echoes = client.enqueue_many("mrq_test_tasks.echo", [{"k": i} for i in range(3)], queue="other/q")
        module_stack.start_worker("dash/fast", "dash/mine", greenlets=GREENLETS)
        jobs = client.wait([*succeeded, *failed], timeout=RUN_TIMEOUT_S)
        yield Seeded(http, client, module_stack, succeeded, failed, idle, echoes, jobs[0]["worker_id"])


def all_ids(http: httpx.Client, **params: Any) -> list[str]:
    """Every job the filter matches, page after page, in the order served."""
    ids: list[str] = []
    cursor = ""
    while True:
        reply = http.get("/api/jobs", params={**params, "limit": 7, "cursor": cursor})
        assert reply.status_code == 200, reply.text
        page = reply.json()
        ids += [job["id"] for job in page["jobs"]]
        if not page["next_cursor"]:
            return ids
        cursor = page["next_cursor"]


def act(http: httpx.Client, **body: Any) -> dict[str, Any]:
    reply = http.post("/api/jobs/actions", json=body, headers=ACTION_HEADERS)
    assert reply.status_code == 200, reply.text
    result: dict[str, Any] = reply.json()
    return result


def test_overview_counts_jobs_by_status_and_sizes_the_pool(seeded: Seeded) -> None:
    overview = seeded.http.get("/api/overview").json()

    assert overview["counts"]["success"] >= 20
    assert overview["counts"]["failed"] == 5
    assert overview["counts"]["queued"] >= 43
    assert overview["workers_alive"] >= 1
    assert overview["pool_size"] >= GREENLETS
    assert overview["finished_per_s"] > 0
    assert overview["enqueued_per_s"] > 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"queue": "dash/idle"}, "idle"),
        ({"queue": "dash/"}, "dash"),
        ({"queue": "da*"}, "dash"),
        ({"queue": "*/q"}, "echoes"),
        ({"task": "mrq_test_tasks.fail"}, "failed"),
        ({"status": "failed"}, "failed"),
        ({"status": "error"}, "failed"),
        ({"status": "not_ok", "queue": "dash/"}, "failed"),
        ({"status": "success,failed", "queue": "dash/fast"}, "ran"),
        ({"exception": "builtins.ValueError"}, "failed"),
        ({"params": '{"k": 1}'}, "echo 1"),
        ({"params": '{"n":3}', "task": "mrq_test_tasks.fail"}, "fail 3"),
        ({"param": "k=1"}, "echo 1"),
        ({"param": 'k="1"'}, "none"),
        ({"param": "b = 2", "queue": "dash/"}, "idle"),
        ({"queue": "dash/idle", "after": "2000-01-01T00:00:00"}, "idle"),
        ({"queue": "dash/idle", "before": "2000-01-01T00:00:00Z"}, "none"),
    ],
)
def test_jobs_filter_on_the_server(seeded: Seeded, params: dict[str, str], expected: str) -> None:
    expected_ids = {
        "idle": seeded.idle,
        "dash": [*seeded.succeeded, *seeded.failed, *seeded.idle],
        "echoes": seeded.echoes,
        "failed": seeded.failed,
        "ran": [*seeded.succeeded, *seeded.failed],
        "echo 1": [seeded.echoes[1]],
        "fail 3": [seeded.failed[3]],
        "none": [],
    }[expected]

    assert sorted(all_ids(seeded.http, **params)) == sorted(expected_ids)


def test_jobs_filter_by_id_worker_and_ok_group(seeded: Seeded) -> None:
    assert all_ids(seeded.http, id=seeded.failed[0]) == [seeded.failed[0]]
    assert set(all_ids(seeded.http, worker=seeded.worker_id)) >= {*seeded.succeeded, *seeded.failed}
    ok = set(all_ids(seeded.http, status="ok", queue="dash/"))
    assert ok == {*seeded.succeeded, *seeded.idle}


def test_jobs_search_by_id_prefix_and_taskset_with_a_total(seeded: Seeded) -> None:
    assert all_ids(seeded.http, id_prefix=seeded.failed[0].upper()) == [seeded.failed[0]]
    taskset_id, members = seeded.client.enqueue_taskset("mrq_test_tasks.echo", [{"t": 1}, {"t": 2}], queue="ts/q")
    assert sorted(all_ids(seeded.http, taskset=taskset_id)) == sorted(members)

    page = seeded.http.get("/api/jobs", params={"queue": "dash/idle", "limit": 7}).json()
    assert (len(page["jobs"]), page["total"], page["total_is_lower_bound"]) == (7, 40, False)


def test_pages_are_sorted_newest_or_oldest_first_without_overlap(seeded: Seeded) -> None:
    newest = all_ids(seeded.http, queue="dash/idle")
    oldest = all_ids(seeded.http, queue="dash/idle", sort="oldest")

    assert newest == sorted(seeded.idle, reverse=True)
    assert oldest == sorted(seeded.idle)


def test_a_job_reads_with_its_params_result_and_traceback(seeded: Seeded) -> None:
    done = seeded.http.get(f"/api/jobs/{seeded.succeeded[4]}").json()
    failed = seeded.http.get(f"/api/jobs/{seeded.failed[0]}").json()

    assert (done["status"], done["params"], done["result"]) == ("success", {"a": 4, "b": 1}, 5)
    assert failed["status"] == "failed"
    assert failed["exception_type"] == "builtins.ValueError"
    assert "fail was asked to fail" in failed["traceback"]
    assert failed["traceback_history"][-1]["exception_type"] == "builtins.ValueError"


def test_logs_read_and_follow_as_server_sent_events(seeded: Seeded, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    job_id = seeded.client.enqueue(
        "mrq_test_tasks.log_lines", {"lines": ["one", "two"], "gate": str(gate)}, queue="dash/mine"
    )
    wait_until(
        lambda: "one" in seeded.http.get(f"/api/jobs/{job_id}/logs").json()["text"],
        RUN_TIMEOUT_S,
        interval_s=0.1,
        what="the first log line",
    )

    # Following while the job runs gets the next line as it is shipped, then the end.
    with seeded.http.stream("GET", f"/api/jobs/{job_id}/logs/follow") as events:
        assert events.headers["content-type"].startswith("text/event-stream")
        lines = events.iter_lines()
        first = json.loads(next(line for line in lines if line.startswith("data: "))[6:])
        assert "one" in first["text"]
        Path(f"{gate}.0").touch()
        rest = list(lines)
    texts = [json.loads(line[6:]).get("text", "") for line in rest if line.startswith("data: ")]
    assert "two" in "".join(texts)
    assert "event: end" in rest


def test_live_stack_then_cancel_of_a_running_job(seeded: Seeded, tmp_path: Path) -> None:
    runs, marker = tmp_path / "runs", tmp_path / "marker"
    job_id = seeded.client.enqueue(
        "mrq_test_tasks.block_until_file", {"runs": str(runs), "marker": str(marker)}, queue="dash/mine"
    )
    wait_until(runs.exists, RUN_TIMEOUT_S, what="the job to start")

    stack = seeded.http.get(f"/api/jobs/{job_id}/stack").json()
    assert "block_until_file" in stack["stack"]
    assert stack["worker_id"] == seeded.worker_id

    assert act(seeded.http, action="cancel", ids=[job_id]) == {
        "matched": 1,
        "changed": 1,
        "skipped": 0,
        "dry_run": False,
    }
    assert seeded.client.get_job(job_id)["status"] == "cancel"
    assert seeded.http.get(f"/api/jobs/{job_id}/stack").status_code == 409  # no longer running


def test_bulk_actions_preview_a_count_then_act_on_the_filter(seeded: Seeded) -> None:
    ids = seeded.client.enqueue_many("mrq_test_tasks.echo", [{"bulk": i} for i in range(6)], queue="bulk/a")
    selector = {"queue": "bulk/", "status": "queued"}

    preview = act(seeded.http, action="cancel", filter=selector, dry_run=True)
    assert (preview["matched"], preview["changed"]) == (6, 6)
    assert all(seeded.client.get_job(i)["status"] == "queued" for i in ids)

    done = act(seeded.http, action="cancel", filter=selector)
    assert (done["matched"], done["changed"]) == (6, 6)
    assert sorted(all_ids(seeded.http, queue="bulk/a", status="cancel")) == sorted(ids)

    requeued = act(seeded.http, action="requeue", filter={"queue": "bulk/a", "status": "cancel"})
    assert requeued["changed"] == 6
    assert sorted(all_ids(seeded.http, queue="bulk/a", status="queued")) == sorted(ids)


def test_delete_by_filter_after_a_preview_and_by_id(seeded: Seeded) -> None:
    ids = seeded.client.enqueue_many("mrq_test_tasks.echo", [{"del": i} for i in range(4)], queue="del/q")

    preview = act(seeded.http, action="delete", filter={"queue": "del/q", "param": "del=1"}, dry_run=True)
    assert (preview["matched"], preview["changed"], preview["dry_run"]) == (1, 1, True)
    assert seeded.http.get(f"/api/jobs/{ids[1]}").status_code == 200

    assert act(seeded.http, action="delete", filter={"queue": "del/q", "param": "del=1"})["changed"] == 1
    assert seeded.http.get(f"/api/jobs/{ids[1]}").status_code == 404
    assert act(seeded.http, action="delete", ids=[ids[0], ids[2]])["changed"] == 2
    assert all_ids(seeded.http, queue="del/q") == [ids[3]]


def test_requeue_a_failed_job_by_id_runs_it_again(seeded: Seeded) -> None:
    job_id = seeded.client.enqueue("mrq_test_tasks.fail", {"again": True}, queue="dash/mine")
    assert seeded.client.wait(job_id, timeout=RUN_TIMEOUT_S)["status"] == "failed"

    assert act(seeded.http, action="requeue", ids=[job_id])["changed"] == 1

    job = seeded.client.wait(job_id, timeout=RUN_TIMEOUT_S)
    assert job["status"] == "failed"
    assert len(job["traceback_history"]) == 2


def test_task_paths_and_exception_groups(seeded: Seeded) -> None:
    tasks = {t["task"]: t for t in seeded.http.get("/api/tasks").json()}
    groups = seeded.http.get("/api/exceptions").json()

    assert tasks["mrq_test_tasks.add"]["counts"]["success"] == 20
    assert tasks["mrq_test_tasks.add"]["counts"]["queued"] == 40
    assert tasks["mrq_test_tasks.fail"]["counts"]["failed"] >= 5
    fail_group = next(g for g in groups if g["task"] == "mrq_test_tasks.fail")
    assert fail_group["exception_type"] == "builtins.ValueError"
    assert fail_group["count"] >= 5
    assert "fail was asked to fail" in fail_group["example_error"]


def test_workers_list_quiet_resume_and_stop(seeded: Seeded) -> None:
    worker = seeded.stack.start_worker("wq", greenlets=2)
    rows = wait_until(
        lambda: [w for w in seeded.http.get("/api/workers").json() if w["pid"] == worker.pid],
        RUN_TIMEOUT_S,
        what="the worker's first heartbeat",
    )
    worker_id = rows[0]["id"]
    assert (rows[0]["alive"], rows[0]["queues"], rows[0]["greenlets"]) == (True, ["wq"], 2)

    def control(action: str) -> None:
        reply = seeded.http.post(f"/api/workers/{action}", json={"worker_id": worker_id}, headers=ACTION_HEADERS)
        assert reply.status_code == 200, reply.text

    def state() -> dict[str, Any]:
        return next(w for w in seeded.http.get("/api/workers").json() if w["id"] == worker_id)

    # Quiet: it stays up, and a job for it waits, until resumed
    control("quiet")
    assert state()["status"] == "quiet"
    job_id = seeded.client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="wq")
    beat = state()["last_heartbeat"]
    wait_until(lambda: state()["last_heartbeat"] > beat, RUN_TIMEOUT_S, what="a heartbeat while quiet")
    assert seeded.client.get_job(job_id)["status"] == "queued"
    control("resume")
    assert seeded.client.wait(job_id, timeout=RUN_TIMEOUT_S)["status"] == "success"

    # Stop: it exits by itself, cleanly
    control("stop")
    assert worker.wait_exit(timeout_s=RUN_TIMEOUT_S) == 0


def test_queues_show_sizes_lag_and_pause_resume_empty(seeded: Seeded) -> None:
    queues = {q["name"]: q for q in seeded.http.get("/api/queues").json()}
    idle = queues["dash/idle"]
    assert (idle["queued"], idle["paused"]) == (40, False)
    assert idle["counts"] == {"queued": 40}
    assert idle["lag_s"] > 0
    assert queues["dash/fast"]["finished_per_s"] > 0

    seeded.client.enqueue_many("mrq_test_tasks.echo", [{"e": i} for i in range(4)], queue="emptied")
    for action, paused in (("pause", True), ("resume", False)):
        reply = seeded.http.post(f"/api/queues/{action}", json={"queue": "emptied"}, headers=ACTION_HEADERS)
        assert reply.status_code == 200, reply.text
        assert {q["name"]: q for q in seeded.http.get("/api/queues").json()}["emptied"]["paused"] is paused
    reply = seeded.http.post("/api/queues/empty", json={"queue": "emptied"}, headers=ACTION_HEADERS)
    assert reply.json() == {"removed": 4}
    emptied = {q["name"]: q for q in seeded.http.get("/api/queues").json()}["emptied"]
    assert emptied["queued"] == 0
    assert emptied["counts"] == {"cancel": 4}


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "field"),
    [
        ("GET", "/api/jobs?status=bogus", None, 400, "status"),
        ("GET", "/api/jobs?status=ok,error", None, 400, "status"),
        ("GET", "/api/jobs?task=not%20a%20path", None, 400, "task"),
        ("GET", "/api/jobs?queue=bad%20queue", None, 400, "queue"),
        ("GET", "/api/jobs?id=xyz", None, 400, "id"),
        ("GET", "/api/jobs?params=%7Bnot-json", None, 400, "params"),
        ("GET", "/api/jobs?param=user", None, 400, "param"),
        ("GET", "/api/jobs?param=%3D42", None, 400, "param"),
        ("GET", "/api/jobs?param=user%3D%7Bnope", None, 400, "param"),
        ("GET", "/api/jobs?id_prefix=xyz", None, 400, "id_prefix"),
        ("GET", "/api/jobs?taskset=nope", None, 400, "taskset"),
        ("POST", "/api/jobs/actions", {"action": "delete", "filter": {"param": "k={"}}, 400, "param"),
        ("GET", "/api/jobs?after=yesterday", None, 422, "after"),
        ("GET", "/api/jobs?limit=0", None, 422, "limit"),
        ("GET", "/api/jobs?limit=many", None, 422, "limit"),
        ("GET", "/api/jobs?sort=sideways", None, 422, "sort"),
        ("GET", "/api/jobs?cursor=nonsense", None, 400, "cursor"),
        ("GET", "/api/jobs/xyz", None, 400, "job_id"),
        ("GET", "/api/overview?window_s=-1", None, 422, "window_s"),
        ("POST", "/api/jobs/actions", {"action": "explode", "ids": []}, 422, "action"),
        ("POST", "/api/jobs/actions", {"action": "cancel"}, 400, "filter"),
        ("POST", "/api/jobs/actions", {"action": "cancel", "filter": {}}, 400, "filter"),
        ("POST", "/api/jobs/actions", {"action": "cancel", "filter": {"qeue": "x"}}, 422, "filter.qeue"),
        ("POST", "/api/jobs/actions", {"action": "cancel", "ids": ["nope"]}, 400, "job_ids[0]"),
        ("POST", "/api/workers/stop", {"worker_id": ""}, 400, "worker_id"),
        ("POST", "/api/workers/dance", {"worker_id": "w"}, 422, "action"),
    ],
)
def test_bad_parameters_get_a_4xx_naming_the_field(
    seeded: Seeded, method: str, path: str, body: dict[str, Any] | None, status: int, field: str
) -> None:
    reply = seeded.http.request(method, path, json=body, headers=ACTION_HEADERS)

    assert reply.status_code == status, reply.text
    assert reply.json()["field"] == field
    assert field.split(".")[-1].split("[")[0] in reply.json()["detail"]


def test_unknown_jobs_and_workers_are_404(seeded: Seeded) -> None:
    assert seeded.http.get("/api/jobs/" + "0" * 24).status_code == 404
    reply = seeded.http.post("/api/workers/quiet", json={"worker_id": "nobody"}, headers=ACTION_HEADERS)
    assert reply.status_code == 404


def test_actions_need_the_csrf_header(seeded: Seeded) -> None:
    reply = seeded.http.post("/api/jobs/actions", json={"action": "cancel", "ids": seeded.idle[:1]})

    assert reply.status_code == 403
    assert reply.json()["field"] == "X-Requested-With"
    assert seeded.client.get_job(seeded.idle[0])["status"] == "queued"


def test_openapi_and_docs_are_served(seeded: Seeded) -> None:
    spec = seeded.http.get("/openapi.json").json()

    assert {"/api/jobs", "/api/jobs/actions", "/api/queues", "/api/workers", "/api/overview", "/api/schedules"} <= set(
        spec["paths"]
    )
    assert "swagger" in seeded.http.get("/docs").text.lower()


@pytest.mark.parametrize("auth", ["admin:s3cret", "a-token"])
def test_with_auth_configured_nothing_answers_without_credentials(seeded: Seeded, auth: str) -> None:
    dashboard = seeded.stack.stack.start_dashboard(auth=auth)
    user, _, password = auth.rpartition(":")
    good = httpx.BasicAuth(user or "anyone", password)
    with httpx.Client(base_url=dashboard.url, timeout=30) as http:
        for path in ("/api/overview", "/api/jobs", "/", "/openapi.json"):
            reply = http.get(path)
            assert reply.status_code == 401, path
            assert reply.headers["www-authenticate"].startswith("Basic")
        assert http.get("/api/overview", auth=httpx.BasicAuth("admin", "wrong")).status_code == 401
        assert http.get("/api/overview", auth=good).status_code == 200
        if ":" not in auth:
            assert http.get("/api/overview", headers={"Authorization": f"Bearer {auth}"}).status_code == 200
        assert http.get("/healthz").status_code == 200
    dashboard.process.stop()


def test_dates_in_the_future_match_nothing(seeded: Seeded) -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert all_ids(seeded.http, queue="dash/", after=tomorrow) == []


def test_schedules_list_with_their_timing_and_last_tick(seeded: Seeded) -> None:
    every = seeded.client.schedules.create(
        {"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 1}, "interval": 900, "queue": "sched/a"}
    )
    weekly = seeded.client.schedules.create(
        {"path": "mrq_test_tasks.echo", "dailytime": "09:30", "weekday": 0, "timezone": "Europe/Paris", "catchup": True}
    )
    cron = seeded.client.schedules.create({"path": "mrq_test_tasks.echo", "cron": "*/15 9-17 * * 1-5"})
    driver = ScheduleDriver(seeded.stack.broker_address)
    job_id = driver.fire_now(every["id"])
    driver.close()

    listed = {s["id"]: s for s in seeded.http.get("/api/schedules").json()}

    assert listed[every["id"]] | {"last_tick": None, "date_created": None} == {
        "id": every["id"],
        "task": "mrq_test_tasks.add",
        "queue": "sched/a",
        "params": {"a": 1, "b": 1},
        "kind": "interval",
        "interval_s": 900.0,
        "dailytime": None,
        "weekday": None,
        "monthday": None,
        "cron": None,
        "timezone": "UTC",
        "catchup": False,
        "paused": False,
        "source": "api",
        "date_created": None,
        "last_tick": None,
        "last_job_id": job_id,
    }
    assert listed[every["id"]]["last_tick"] is not None
    assert seeded.client.get_job(job_id)["task"] == "mrq_test_tasks.add"
    assert all_ids(seeded.http, schedule=every["id"]) == [job_id]
    assert {k: listed[weekly["id"]][k] for k in ("kind", "dailytime", "weekday", "timezone", "catchup")} == {
        "kind": "daily",
        "dailytime": "09:30:00",
        "weekday": 0,
        "timezone": "Europe/Paris",
        "catchup": True,
    }
    assert (listed[cron["id"]]["kind"], listed[cron["id"]]["cron"]) == ("cron", "*/15 9-17 * * 1-5")
    assert listed[cron["id"]]["last_tick"] is None
    for schedule in (every, weekly, cron):
        seeded.client.schedules.delete(schedule["id"])


def test_pause_resume_and_delete_a_schedule(seeded: Seeded) -> None:
    schedule_id = seeded.client.schedules.create({"path": "mrq_test_tasks.echo", "interval": 3600})["id"]

    def post(action: str) -> dict[str, Any]:
        reply = seeded.http.post(f"/api/schedules/{schedule_id}/{action}", headers=ACTION_HEADERS)
        assert reply.status_code == 200, reply.text
        result: dict[str, Any] = reply.json()
        return result

    assert post("pause")["paused"] is True
    assert seeded.client.schedules.get(schedule_id)["paused"] is True
    assert post("resume")["paused"] is False
    assert seeded.client.schedules.get(schedule_id)["paused"] is False

    refused = seeded.http.delete(f"/api/schedules/{schedule_id}")  # no CSRF header
    assert refused.status_code == 403
    assert refused.json()["field"] == "X-Requested-With"
    assert seeded.http.delete(f"/api/schedules/{schedule_id}", headers=ACTION_HEADERS).json() == {"ok": True}
    assert schedule_id not in {s["id"] for s in seeded.http.get("/api/schedules").json()}

    gone = seeded.http.post(f"/api/schedules/{schedule_id}/pause", headers=ACTION_HEADERS)
    assert (gone.status_code, gone.json()["field"]) == (404, "schedule_id")
    gone = seeded.http.delete(f"/api/schedules/{schedule_id}", headers=ACTION_HEADERS)
    assert (gone.status_code, gone.json()["field"]) == (404, "schedule_id")


@pytest.mark.parametrize(
    ("method", "path", "status", "field"),
    [
        ("POST", "/api/schedules/xyz/pause", 400, "schedule_id"),
        ("DELETE", "/api/schedules/xyz", 400, "schedule_id"),
        ("POST", "/api/schedules/" + "0" * 32 + "/nap", 422, "action"),
    ],
)
def test_bad_schedule_requests_name_the_field(seeded: Seeded, method: str, path: str, status: int, field: str) -> None:
    reply = seeded.http.request(method, path, headers=ACTION_HEADERS)

    assert reply.status_code == status, reply.text
    assert reply.json()["field"] == field


def test_a_config_schedule_cannot_be_deleted_here_but_can_be_paused(seeded: Seeded) -> None:
    # Given a schedule from SCHEDULER_TASKS, as mrq-scheduler syncs it
    driver = ScheduleDriver(seeded.stack.broker_address)
    [schedule_id] = driver.sync_config([{"path": "mrq_test_tasks.echo", "params": {"from": "config"}, "interval": 60}])
    try:
        # When the dashboard is asked to delete it
        reply = seeded.http.delete(f"/api/schedules/{schedule_id}", headers=ACTION_HEADERS)

        # Then it refuses, pointing at the config file, and the schedule stays
        assert reply.status_code == 409
        assert reply.json()["field"] == "schedule_id"
        assert "comes from SCHEDULER_TASKS; edit the config file" in reply.json()["detail"]
        listed = {s["id"]: s for s in seeded.http.get("/api/schedules").json()}
        assert listed[schedule_id]["source"] == "config"
        paused = seeded.http.post(f"/api/schedules/{schedule_id}/pause", headers=ACTION_HEADERS)
        assert paused.json()["paused"] is True
    finally:
        driver.sync_config([])
        driver.close()


def test_a_broker_down_is_a_503_whose_detail_is_a_sentence(seeded: Seeded) -> None:
    # Given a dashboard whose broker stopped
    broker = seeded.stack.start_broker()
    dashboard = seeded.stack.stack.start_dashboard(broker=broker)
    broker.process.stop()

    reply = httpx.get(f"{dashboard.url}/api/overview", timeout=30)

    # Then the detail names the broker in words an operator reads; gRPC's own text is the cause
    assert reply.status_code == 503
    body = reply.json()
    assert body["detail"] == f"The broker at {broker.address} is unreachable."
    assert body["cause"] and body["cause"] != body["detail"]
    assert body["field"] is None
    dashboard.process.stop()
