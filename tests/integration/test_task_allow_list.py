"""A worker runs only the tasks it is allowed to: a gRPC client can't make it run anything else.

Every job below goes through the real gRPC API to a real worker; each refused one names a
function that would leave a marker file behind if it ran, or a module that would on import.
"""

from __future__ import annotations

import json
from pathlib import Path

from harness import StackUnderTest

from mrq import Client
from mrq_local import wait_until

#: Imported, this module leaves a file behind: the worker must refuse it before importing it.
SIDE_EFFECT_MODULE = """
from pathlib import Path
Path({marker!r}).touch()

def run(params):
    return "ran"
"""

REGISTERED_MODULE = """
def double(params):
    return params * 2
"""


def _write_modules(directory: Path) -> Path:
    """Writes mrq_test_tasks_evil.py and registered_tasks.py into ``directory``; returns
    mrq_test_tasks_evil's marker."""
    marker = directory / "imported-mrq_test_tasks_evil"
    (directory / "mrq_test_tasks_evil.py").write_text(SIDE_EFFECT_MODULE.format(marker=str(marker)))
    (directory / "registered_tasks.py").write_text(REGISTERED_MODULE)
    return marker


def test_jobs_outside_the_allowed_packages_fail_without_running_or_importing_anything(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker with the default allow-list (mrq_test_tasks.*), whose Python path also holds a
    # module that leaves a marker file when imported
    import_marker = _write_modules(tmp_path)
    worker = stack.start_worker("default", env={"PYTHONPATH": str(tmp_path)})

    # When a client enqueues jobs that would run shell commands, eval, or that module
    markers = {name: tmp_path / f"ran-{name}" for name in ("os", "posix", "subprocess", "eval")}
    refused = {
        "os.system": f"touch {markers['os']}",
        "posix.system": f"touch {markers['posix']}",
        "subprocess.call": ["touch", str(markers["subprocess"])],
        "builtins.eval": f"open({str(markers['eval'])!r}, 'w')",
        "mrq_test_tasks_evil.run": {},  # "mrq_test_tasks" is a prefix of its name, not of its package
        "mrq_test_tasks.get_current_job": {},  # in mrq_test_tasks' namespace, but defined in mrq.context
    }
    jobs = client.wait([client.enqueue(task, params) for task, params in refused.items()], timeout=30)

    # Then each fails at once with TaskNotAllowed naming the task and the allowed packages
    for task, job in zip(refused, jobs, strict=True):
        assert (job["status"], job["exception_type"], job["retry_count"]) == (
            "failed",
            "mrq.errors.TaskNotAllowed",
            0,
        ), job
        assert repr(task) in job["error"] and "allowed task packages (mrq_test_tasks)" in job["error"], job
    # And nothing ran, nor was the module imported
    assert not [path for path in [*markers.values(), import_marker] if path.exists()]
    # And the worker says so in its log, and goes on running allowed tasks
    wait_until(
        lambda: worker.log_tail(200).count("refused a job") >= len(refused),
        timeout_s=10,
        what="the worker to log each refused job",
    )
    done = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=30)
    assert (done["status"], done["result"]) == ("success", 3)


def test_the_allow_list_takes_packages_and_registered_tasks(
    stack: StackUnderTest, client: Client, tmp_path: Path
) -> None:
    # Given a worker allowed the package mrq_test_tasks_evil, and the task registered_tasks.double by
    # naming it in TASKS, but not the package mrq_test_tasks
    import_marker = _write_modules(tmp_path)
    stack.start_worker(
        "default",
        extra_args=("--task-packages=mrq_test_tasks_evil",),
        env={"PYTHONPATH": str(tmp_path), "MRQ_TASKS": json.dumps({"registered_tasks.double": {}})},
    )

    # When jobs of each, and of mrq_test_tasks.add, are enqueued
    evil, registered, not_allowed = client.wait(
        [
            client.enqueue("mrq_test_tasks_evil.run", {}),
            client.enqueue("registered_tasks.double", 21),
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}),
        ],
        timeout=30,
    )

    # Then the allowed package and the registered task run, and mrq_test_tasks.add is refused
    assert (evil["status"], evil["result"]) == ("success", "ran") and import_marker.exists()
    assert (registered["status"], registered["result"]) == ("success", 42)
    assert (not_allowed["status"], not_allowed["exception_type"]) == ("failed", "mrq.errors.TaskNotAllowed")
    assert "allowed task packages (mrq_test_tasks_evil)" in not_allowed["error"]
