"""mrq_local.logs.LogFollower: echoes new complete lines, prefixed by process name."""

from __future__ import annotations

import io
from pathlib import Path

from mrq_local import ManagedProcess
from mrq_local.logs import LogFollower


def test_prints_only_new_complete_lines(tmp_path: Path) -> None:
    (tmp_path / "broker.log").write_text("from a previous run\n")
    broker = ManagedProcess("broker", ["true"], log_path=tmp_path / "broker.log")
    worker = ManagedProcess("worker-1", ["true"], log_path=tmp_path / "worker-1.log")
    out = io.StringIO()
    follower = LogFollower(tmp_path, out)

    with broker.log_path.open("a") as log:
        log.write("serving\nhalf a li")
    worker.log_path.write_text("started\n")
    follower.pump([broker, worker])
    with broker.log_path.open("a") as log:
        log.write("ne\n")
    follower.pump([broker, worker])

    assert out.getvalue().splitlines() == [
        "  broker | serving",
        "worker-1 | started",
        "  broker | half a line",
    ]
