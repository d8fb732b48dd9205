"""A worker whose settings the broker refuses exits at once, non-zero, naming the setting, rather
than retrying forever as if the broker were unreachable; under --processes no child restarts."""

from __future__ import annotations

import pytest
from harness import StackUnderTest

#: sysexits' EX_CONFIG, mrq_worker.supervisor.CONFIG_EXIT_CODE.
CONFIG_EXIT_CODE = 78


@pytest.mark.parametrize("processes", [None, 1], ids=["alone", "supervised"])
def test_a_worker_whose_task_whitelist_the_broker_refuses_exits_naming_it(
    stack: StackUnderTest, processes: int | None
) -> None:
    # Given a task whitelist that the broker refuses (not a dotted path)
    worker = stack.start_worker(
        "default", processes=processes, extra_args=["--task-whitelist", "mrq_test_tasks.add,not a path"]
    )

    # Then the worker exits with EX_CONFIG, saying which setting to fix
    assert worker.wait_exit(timeout_s=20) == CONFIG_EXIT_CODE
    log = worker.log_tail(60)
    assert "refuses setting task_whitelist (MRQ_WORKER_TASK_WHITELIST, --task-whitelist)" in log
    assert "'not a path' is not a dotted path" in log
    assert "broker unreachable" not in log
