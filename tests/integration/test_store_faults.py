"""A SQLite store that can't serve, seen from outside: real broker processes.

At start-up, the broker exits non-zero with one log line naming the cause and the file. While it
serves, calls that need the store fail with UNAVAILABLE naming the cause, and every job accepted
before or after the fault runs once it clears. (The store's own errors, call by call, are in
test_store_contract.py.)
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from harness import Servers, StackUnderTest, log_line
from small_disk import MountRefused, SmallDisk, small_disk

from mrq import Client
from mrq.errors import BrokerUnavailable
from mrq_broker.storage import SQLITE_FILE
from mrq_local import free_port

BROKER = str(Path(sys.executable).with_name("mrq-broker"))
#: How long a broker that can't open its store may take to say so and exit.
EXIT_TIMEOUT_S = 30.0
BUSY_TIMEOUT_S = 0.5
WAIT_S = 30.0


def start_broker(servers: Servers, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs a broker on ``data_dir`` that is expected to exit at start-up; returns how it ended."""
    argv = [
        BROKER,
        "--broker-address",
        f"127.0.0.1:{free_port()}",
        "--redis-url",
        servers.redis.url,
        "--metrics-port",
        "0",
        "--data-dir",
        str(data_dir),
        *args,
    ]
    return subprocess.run(argv, capture_output=True, text=True, timeout=EXIT_TIMEOUT_S, check=False)


def assert_refused(ended: subprocess.CompletedProcess[str], cause: str, path: Path) -> None:
    """Exited non-zero, with one line naming the cause and the file, and no traceback."""
    lines = (ended.stdout + ended.stderr).splitlines()
    assert ended.returncode != 0, lines
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    assert "can't start" in lines[0] and cause in lines[0] and str(path) in lines[0], lines[0]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    try:
        with small_disk(tmp_path / "disk") as mounted:
            yield mounted
    except MountRefused as exc:
        pytest.skip(str(exc))


def test_a_missing_store_file_is_created(
    servers: Servers, tmp_path: Path, make_stack: Callable[..., StackUnderTest]
) -> None:
    data_dir = tmp_path / "new" / "data"
    stack = make_stack(broker_args=("--data-dir", str(data_dir)))
    with Client(stack.broker_address) as client:
        assert client.get_job(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}))["status"] == "queued"
    assert (data_dir / SQLITE_FILE).stat().st_size > 0


def test_a_folder_that_cant_be_created_stops_the_broker(servers: Servers, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    ended = start_broker(servers, blocker / "data")
    assert_refused(ended, "can't create its folder", blocker / "data" / SQLITE_FILE)


def test_a_read_only_mount_stops_the_broker(servers: Servers, disk: SmallDisk) -> None:
    disk.make_read_only()
    ended = start_broker(servers, disk.path)
    assert_refused(ended, "unable to open database file", disk.path / SQLITE_FILE)


def test_a_corrupt_file_stops_the_broker(servers: Servers, tmp_path: Path) -> None:
    (tmp_path / SQLITE_FILE).write_bytes(b"this is not a database, " * 200)
    ended = start_broker(servers, tmp_path)
    assert_refused(ended, "file is not a database", tmp_path / SQLITE_FILE)


def test_a_file_locked_too_long_stops_the_broker(servers: Servers, tmp_path: Path) -> None:
    # Another process (this one) holds the write lock past the broker's busy timeout
    with sqlite3.connect(tmp_path / SQLITE_FILE, isolation_level=None) as other:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("BEGIN IMMEDIATE")
        ended = start_broker(servers, tmp_path, "--sqlite-busy-timeout-s", str(BUSY_TIMEOUT_S))
        other.execute("ROLLBACK")
    other.close()
    assert_refused(ended, "database is locked", tmp_path / SQLITE_FILE)


def test_a_full_disk_stops_the_broker(servers: Servers, disk: SmallDisk) -> None:
    disk.fill()
    ended = start_broker(servers, disk.path)
    assert_refused(ended, "disk is full", disk.path / SQLITE_FILE)


def jobs_run_through(
    stack: StackUnderTest, path: Path, store_fails: Callable[[], None], cause: str, store_serves: Callable[[], None]
) -> None:
    """While the store (at ``path``) fails, enqueues fail UNAVAILABLE naming ``cause`` and the file,
    and a worker's outcomes wait; once it serves, jobs accepted before and after the fault all run."""
    with Client(stack.broker_address) as client:
        before = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})
        store_fails()
        with pytest.raises(BrokerUnavailable) as refused:
            client.enqueue("mrq_test_tasks.add", {"a": 0, "b": 0})
        assert cause in str(refused.value) and str(path) in str(refused.value), refused.value
        # The worker leases the job (from Redis) and runs it, but can't have its outcome committed
        worker = stack.start_worker("default")
        log_line(worker, "broker unreachable: ReportOutcomes failed (StatusCode.UNAVAILABLE")
        store_serves()
        after = client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 2})
        done = client.wait([before, after], timeout=WAIT_S)
    assert [(job["status"], job["result"]) for job in done] == [("success", 2), ("success", 4)]


@pytest.mark.broker_args("--sqlite-busy-timeout-s", str(BUSY_TIMEOUT_S))
def test_a_store_locked_too_long_answers_unavailable_and_loses_no_job(stack: StackUnderTest) -> None:
    path = stack.stack.config.data_dir / SQLITE_FILE
    other = sqlite3.connect(path, isolation_level=None)
    try:
        jobs_run_through(
            stack,
            path,
            lambda: other.execute("BEGIN IMMEDIATE"),
            "database is locked",
            lambda: other.execute("ROLLBACK"),
        )
    finally:
        other.close()


def test_a_full_disk_answers_unavailable_and_loses_no_job(
    disk: SmallDisk, make_stack: Callable[..., StackUnderTest]
) -> None:
    stack = make_stack(broker_args=("--data-dir", str(disk.path)))
    jobs_run_through(stack, disk.path / SQLITE_FILE, disk.fill, "database or disk is full", disk.free)
