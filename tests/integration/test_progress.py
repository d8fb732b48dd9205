"""Progress reported by a running task is visible through the API while the job runs."""

from __future__ import annotations

import time
from pathlib import Path

from mrq import Client
from mrq_local import wait_until


def test_progress_is_visible_within_about_a_second_while_the_job_runs(stack, client: Client, tmp_path: Path) -> None:
    # Given a running job that has just reported 42% and is still working
    marker = tmp_path / "release"
    stack.start_worker("default")
    job_id = client.enqueue("mrq_test_tasks.progress_then_block", {"progress": 0.42, "marker": str(marker)})
    wait_until(lambda: client.get_job(job_id)["status"] == "started", timeout_s=30, what="the job to start")

    # When we read the job, then within about a second it shows the progress, still started
    started = time.monotonic()
    job = wait_until(lambda: (j := client.get_job(job_id))["progress"] == 0.42 and j, timeout_s=5, what="progress 0.42")
    assert job["status"] == "started"
    assert time.monotonic() - started < 2.0

    # And once it finishes, it shows success and full progress
    marker.touch()
    assert client.wait(job_id, timeout=30)["progress"] == 1.0
