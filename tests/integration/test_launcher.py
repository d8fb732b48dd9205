"""`mrq-local up` end to end: it runs a working MRQ, and a signal stops all of it."""

from __future__ import annotations

import os
import re
import secrets
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import grpc
import psutil
import pytest
from harness import TASKS_DIR, TEST_TASKS_MODULE, MongoDB, Servers, StackUnderTest, write_config

from mrq import Client
from mrq.v1 import schedule_service_pb2_grpc
from mrq.v1.schedule_service_pb2 import ListSchedulesRequest
from mrq_local import DataDirBusy, ManagedProcess, Stack, free_port, is_serving, wait_until
from mrq_local.health import is_http_ok

MRQ_LOCAL = str(Path(sys.executable).parent / "mrq-local")
#: How long each service may take to stop before the launcher SIGKILLs it.
STOP_GRACE_S = 10


def make_launcher(directory: Path) -> ManagedProcess:
    """An `mrq-local up` process, run from the tasks' directory, on a free broker address and
    dashboard port, leaving the metrics ports to the launcher; the test completes its env."""
    address = f"127.0.0.1:{free_port()}"
    return ManagedProcess(
        "launcher",
        [MRQ_LOCAL, "up"],
        log_path=directory / "launcher.log",
        cwd=TASKS_DIR,
        env={
            "MRQ_BROKER_ADDRESS": address,
            "MRQ_DATA_DIR": str(directory / "data"),
            "MRQ_WORKER_QUEUES": "default",
            "MRQ_WORKER_TASK_PACKAGES": TEST_TASKS_MODULE,
            "MRQ_LOCAL_STOP_GRACE_S": str(STOP_GRACE_S),
            "MRQ_DASHBOARD_PORT": str(free_port()),
        },
        ready=lambda: is_serving(address),
    )


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[ManagedProcess]:
    """An `mrq-local up` process (see make_launcher); the test sets its env and starts it."""
    process = make_launcher(tmp_path)
    yield process
    process.stop(grace_s=20)


def run_a_job(address: str) -> None:
    with Client(address) as client:
        job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 3}), timeout=30)
    assert (job["status"], job["result"]) == ("success", 5)


def stop_and_check_nothing_lingers(launcher: ManagedProcess, sig: int, expected: set[str]) -> None:
    children = psutil.Process(launcher.pid).children(recursive=True)
    assert expected <= {child.name() for child in children}

    launcher.send_signal(sig)

    # The launcher stops its services one after another, each within its grace
    try:
        code = launcher.wait_exit(timeout_s=STOP_GRACE_S * len(expected))
    except TimeoutError:
        pytest.fail(f"the launcher did not exit; its log ends:\n{launcher.log_tail()}")
    assert code == 0, launcher.log_tail()
    wait_until(
        lambda: all(not child.is_running() or child.status() == psutil.STATUS_ZOMBIE for child in children),
        timeout_s=5,
        what="every child to exit",
    )


def run_a_scheduled_job(address: str) -> None:
    """The job of the one schedule in SCHEDULER_TASKS, run by the worker."""
    with grpc.insecure_channel(address) as channel:
        stub = schedule_service_pb2_grpc.ScheduleServiceStub(channel)
        listed = wait_until(
            lambda: [s for s in stub.ListSchedules(ListSchedulesRequest(), timeout=10).schedules if s.last_job_id],
            timeout_s=30,
            what="the schedule's first job",
        )
    with Client(address) as client:
        job = client.wait(listed[0].last_job_id, timeout=30)
    assert (job["status"], job["result"]) == ("success", 7)


def test_up_starts_everything_and_ctrl_c_stops_it(launcher: ManagedProcess, tmp_path: Path) -> None:
    launcher.env["MRQ_CONFIG"] = str(
        write_config(
            tmp_path / "config.py", [{"path": "mrq_test_tasks.add", "params": {"a": 3, "b": 4}, "interval": 3600}]
        )
    )
    launcher.start()
    launcher.wait_ready(timeout_s=60)

    run_a_job(launcher.env["MRQ_BROKER_ADDRESS"])
    dashboard = f"http://127.0.0.1:{launcher.env['MRQ_DASHBOARD_PORT']}"
    wait_until(lambda: is_http_ok(f"{dashboard}/api/overview"), timeout_s=30, what="the dashboard's API")
    run_a_scheduled_job(launcher.env["MRQ_BROKER_ADDRESS"])
    # The broker runs one process per core, under its supervisor
    broker = next(child for child in psutil.Process(launcher.pid).children() if child.name() == "mrq-broker")
    wait_until(
        lambda: len(broker.children()) == (os.cpu_count() or 1), timeout_s=30, what="one broker process per core"
    )

    stop_and_check_nothing_lingers(
        launcher, signal.SIGINT, {"redis-server", "mrq-broker", "mrq-worker", "mrq-scheduler", "mrq-dashboard"}
    )
    log = launcher.log_tail(200)
    assert "MRQ is up" in log
    assert f"dashboard  {dashboard}" in log
    assert f"store      SQLite, {tmp_path / 'data' / 'mrq.sqlite3'}" in log
    assert "stopped redis" in log


def test_up_uses_running_servers_and_sigterm_stops_it(
    launcher: ManagedProcess, servers: Servers, mongodb: MongoDB
) -> None:
    name = f"t{secrets.token_hex(6)}"
    launcher.env |= {
        "MRQ_REDIS_URL": servers.redis.url,
        "MRQ_MONGODB_URL": mongodb.server.url(name),
        "MRQ_REDIS_PREFIX": name,
    }  # the broker reads its own settings from the env
    try:
        launcher.start()
        launcher.wait_ready(timeout_s=60)

        run_a_job(launcher.env["MRQ_BROKER_ADDRESS"])

        assert mongodb.client[name].jobs.count_documents({}) == 1
        wait_until(lambda: "MRQ is up" in launcher.log_path.read_text(), timeout_s=60, what="the launcher's summary")
        stop_and_check_nothing_lingers(launcher, signal.SIGTERM, {"mrq-broker", "mrq-worker", "mrq-scheduler"})
        log = launcher.log_path.read_text()
        assert "started redis" not in log
        assert f"store      MongoDB at {mongodb.server.url(name)}" in log
    finally:
        mongodb.client.drop_database(name)


def test_a_data_dir_serves_one_stack_at_a_time(stack: StackUnderTest) -> None:
    with pytest.raises(DataDirBusy):
        Stack(stack.stack.config).start()

    assert stack.broker.is_alive(), "the failed start stopped nothing of the running stack"


def test_two_launchers_on_one_machine_give_their_services_their_own_metrics_ports(
    tmp_path: Path, servers: Servers
) -> None:
    # Given two `mrq-local up` on one machine, neither setting a metrics port, on running servers
    launchers = [make_launcher(tmp_path / f"stack-{n}") for n in range(2)]
    names = [f"t{secrets.token_hex(6)}" for _ in launchers]
    for launcher, name in zip(launchers, names, strict=True):
        launcher.env |= {"MRQ_REDIS_URL": servers.redis.url, "MRQ_REDIS_PREFIX": name, "MRQ_LOCAL_DASHBOARD": "0"}
    try:
        # When both start
        for launcher in launchers:
            launcher.start()
        for launcher in launchers:
            launcher.wait_ready(timeout_s=60)
            run_a_job(launcher.env["MRQ_BROKER_ADDRESS"])

        # Then each summary lists a metrics endpoint per service, each its own, and each serves
        endpoints = [
            wait_until(
                lambda launcher=launcher: re.findall(
                    r"(broker|worker-1|scheduler-1) (http://127\.0\.0\.1:\d+/metrics)", launcher.log_path.read_text()
                ),
                timeout_s=10,
                what="the summary's metrics endpoints",
            )
            for launcher in launchers
        ]
        assert [sorted(name for name, _ in found) for found in endpoints] == [["broker", "scheduler-1", "worker-1"]] * 2
        urls = {url for found in endpoints for _, url in found}
        assert len(urls) == 6
        for url in urls:
            wait_until(lambda url=url: is_http_ok(url), timeout_s=20, what=url)
        assert all(launcher.is_alive() for launcher in launchers)
    finally:
        for launcher in launchers:
            launcher.stop(grace_s=20)
