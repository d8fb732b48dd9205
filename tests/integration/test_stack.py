"""Smoke tests of the test stack itself: the servers, a broker per test, workers, isolation."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import redis
from harness import Servers, StackUnderTest

from mrq import Client
from mrq_local import is_serving


def test_servers_answer(servers: Servers) -> None:
    with redis.Redis.from_url(servers.redis.url) as redis_client:
        assert redis_client.ping()


def test_broker_serves_health_and_server_info(stack: StackUnderTest, client: Client) -> None:
    assert is_serving(stack.broker_address)
    assert client.server_info().version


def test_worker_runs_a_task_from_the_tasks_module(stack: StackUnderTest, client: Client) -> None:
    stack.start_worker("default", greenlets=2)

    job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=30)

    assert (job["status"], job["result"]) == ("success", 3)


def test_a_broker_on_the_mongodb_store_runs_jobs(mongodb_stack: StackUnderTest) -> None:
    mongodb_stack.start_worker("default", greenlets=2)
    with Client(mongodb_stack.broker_address) as client:
        job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=30)
        assert (job["status"], job["result"]) == ("success", 3)
    assert [j["id"] for j in mongodb_stack.list_jobs()] == [job["id"]]
    assert not (mongodb_stack.stack.config.data_dir / "mrq.sqlite3").exists()


def test_each_test_has_its_own_prefix_and_store(stack: StackUnderTest, client: Client) -> None:
    # Given no worker, the job stays queued where this test's broker put it.
    job_id = client.enqueue("mrq_test_tasks.echo", {"hello": "world"})

    assert [(j["id"], j["status"]) for j in stack.list_jobs()] == [(job_id, "queued")]
    assert (stack.stack.config.data_dir / "mrq.sqlite3").exists()
    assert stack.redis_keys(), "the broker wrote no key under the test's prefix"


@pytest.mark.broker_args("--lease-ttl-s", "7")
def test_broker_args_marker_reaches_the_broker(stack: StackUnderTest, client: Client) -> None:
    assert client.server_info().lease_ttl_s == 7


def test_restart_broker_serves_again_on_the_same_address(stack: StackUnderTest, client: Client) -> None:
    first_pid = stack.broker.pid

    stack.restart_broker(extra_args=["--lease-ttl-s", "9"])

    assert stack.broker.pid != first_pid
    assert client.server_info().lease_ttl_s == 9


def test_worker_handle_signals(stack: StackUnderTest) -> None:
    stopped = stack.start_worker("default")
    killed = stack.start_worker("default")

    killed.kill()
    stopped.send_signal(signal.SIGTERM)

    assert killed.returncode == -signal.SIGKILL and not killed.is_alive()
    stopped.wait_exit(timeout_s=15)
    assert not stopped.is_alive()


SHADOW = 'def add(params):\n    return "shadowed"\n'


def test_modules_in_the_folder_the_tests_run_from_do_not_change_what_workers_import(
    stack: StackUnderTest, client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the tests run from a folder holding a user's tasks.py, and even a mrq_test_tasks.py
    monkeypatch.chdir(tmp_path)
    for module in ("tasks.py", "mrq_test_tasks.py"):
        (tmp_path / module).write_text(SHADOW)

    # When a worker runs a test task
    stack.start_worker("default")
    job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=30)

    # Then it is the suite's own task that ran: the services run in their own folder
    assert (job["status"], job["result"]) == ("success", 3)
