"""mrq_local.ManagedProcess with real child processes: readiness, logs, stopping, process groups."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from mrq_local import LaunchError, ManagedProcess, NotReady, ProcessExited, wait_until


@pytest.fixture
def processes() -> Iterator[list[ManagedProcess]]:
    """Processes a test starts; stopped at the end whatever happens."""
    started: list[ManagedProcess] = []
    yield started
    for process in started:
        process.stop(grace_s=1)


def python(tmp_path: Path, name: str, code: str, ready: Callable[[], bool] | None = None) -> ManagedProcess:
    """A managed ``python -c code``."""
    return ManagedProcess(name, [sys.executable, "-u", "-c", code], log_path=tmp_path / f"{name}.log", ready=ready)


def test_waits_for_readiness_and_logs_output(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    flag = tmp_path / "ready"
    child = python(
        tmp_path, "child", f"import time; print('hello'); open({str(flag)!r}, 'w'); time.sleep(60)", ready=flag.exists
    )
    processes.append(child)

    child.start()
    child.wait_ready(timeout_s=10)

    assert child.is_alive()
    wait_until(lambda: "hello" in child.log_tail(), timeout_s=5)
    assert child.log_tail().startswith("--- ")  # the launcher's header with the command line


def test_exit_before_ready_raises_with_the_log(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    child = python(tmp_path, "child", "import sys; print('no config'); sys.exit(3)", ready=lambda: False)
    processes.append(child)
    child.start()

    with pytest.raises(ProcessExited, match="no config") as caught:
        child.wait_ready(timeout_s=10)

    assert caught.value.returncode == 3


def test_not_ready_in_time_raises(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    child = python(tmp_path, "child", "import time; time.sleep(60)", ready=lambda: False)
    processes.append(child)
    child.start()

    with pytest.raises(NotReady, match=r"not ready after 0\.2s"):
        child.wait_ready(timeout_s=0.2)


def test_unknown_command_is_a_launch_error(tmp_path: Path) -> None:
    child = ManagedProcess("ghost", ["mrq-no-such-command"], log_path=tmp_path / "ghost.log")

    with pytest.raises(LaunchError, match="command not found: mrq-no-such-command"):
        child.start()


def test_stop_kills_a_child_that_ignores_sigterm(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    flag = tmp_path / "ready"
    code = (
        f"import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); open({str(flag)!r}, 'w'); time.sleep(60)"
    )
    child = python(tmp_path, "stubborn", code, ready=flag.exists)
    processes.append(child)
    child.start()
    child.wait_ready(timeout_s=10)

    assert child.stop(grace_s=0.3) == -signal.SIGKILL
    assert "SIGKILL" in child.log_tail()


def test_stop_also_kills_what_the_child_left_in_its_group(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import subprocess, time; p = subprocess.Popen(['sleep', '60']);"
        f" open({str(pid_file)!r}, 'w').write(str(p.pid)); time.sleep(60)"
    )
    child = python(tmp_path, "parent", code, ready=pid_file.exists)
    processes.append(child)
    child.start()
    child.wait_ready(timeout_s=10)
    grandchild = psutil.Process(int(wait_until(pid_file.read_text, timeout_s=5)))

    child.stop(grace_s=5)

    wait_until(
        lambda: not grandchild.is_running() or grandchild.status() == psutil.STATUS_ZOMBIE,
        timeout_s=5,
        what="the grandchild to die",
    )


def test_restart_runs_a_new_process(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    child = python(tmp_path, "child", "import time; time.sleep(60)")
    processes.append(child)
    child.start()
    first_pid = child.pid

    child.restart(ready_timeout_s=10, grace_s=5)

    assert child.is_alive() and child.pid != first_pid
    assert not psutil.pid_exists(first_pid) or psutil.Process(first_pid).status() == psutil.STATUS_ZOMBIE


def test_children_run_in_their_own_process_group(tmp_path: Path, processes: list[ManagedProcess]) -> None:
    child = python(tmp_path, "child", "import time; time.sleep(60)")
    processes.append(child)
    child.start()

    assert os.getpgid(child.pid) == child.pid != os.getpgid(0)
