"""`mrq run`: a task runs inline, without a broker, with the same task API a worker gives it."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import orjson
import pytest

from mrq import Task, abort_current_job, get_current_job, get_logger, retry_current_job, set_current_job_progress
from mrq.cli import main
from mrq.context import current_job

# The tasks below are run by dotted path, like any task: "<this module>.add".
HERE = __name__


def add(params: dict[str, int]) -> int:
    set_current_job_progress(0.5)
    get_logger().info("adding %s", params)
    return params["a"] + params["b"]


def whoami(params: Any) -> dict[str, Any]:
    job = get_current_job()
    assert job is not None
    return {"id": job.id, "task": job.task, "params": job.params}


class Multiply(Task):
    def run(self, params: dict[str, int]) -> dict[str, int]:
        return {"product": params["a"] * params["b"]}


def explode(params: Any) -> None:
    raise ValueError("kaboom")


def ask_retry(params: Any) -> None:
    retry_current_job(delay=5)


def give_up(params: Any) -> None:
    abort_current_job()


def unserialisable(params: Any) -> set[int]:
    return {1, 2}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["run", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_function_task(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, f"{HERE}.add", '{"a": 1, "b": 2}')

    assert (code, out) == (0, "3\n")


def test_the_current_job_is_set_while_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, f"{HERE}.whoami", "[1, 2]")

    job = orjson.loads(out)
    assert code == 0
    assert len(job["id"]) == 24 and int(job["id"], 16) >= 0
    assert (job["task"], job["params"]) == (f"{HERE}.whoami", [1, 2])
    assert current_job.get() is None


def test_params_default_to_an_empty_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, f"{HERE}.whoami")

    assert code == 0 and orjson.loads(out)["params"] == {}


def test_task_class(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, f"{HERE}.Multiply", '{"a": 3, "b": 4}')

    assert code == 0
    assert orjson.loads(out) == {"product": 12}


def test_failing_task_prints_its_traceback_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, f"{HERE}.explode")

    assert (code, out) == (1, "")
    assert "Traceback (most recent call last)" in err
    assert 'raise ValueError("kaboom")' in err
    assert err.rstrip().endswith("failed: ValueError: kaboom")
    assert current_job.get() is None


@pytest.mark.parametrize(("task", "status"), [("ask_retry", "retry"), ("give_up", "abort")])
def test_interrupts_say_how_the_job_ended(capsys: pytest.CaptureFixture[str], task: str, status: str) -> None:
    code, out, err = run(capsys, f"{HERE}.{task}")

    assert (code, out) == (1, "")
    assert f"ended {status}" in err


def test_unserialisable_result(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, f"{HERE}.unserialisable")

    assert code == 1 and "not JSON-serialisable" in err


@pytest.mark.parametrize("task", [f"{HERE}.missing", "no_such_module_xyz.task", "nodots"])
def test_unknown_task_is_bad_input(capsys: pytest.CaptureFixture[str], task: str) -> None:
    code, out, err = run(capsys, task)

    assert (code, out) == (2, "")
    assert err.startswith("mrq: error: ") and err.count("\n") == 1


def test_invalid_json_params(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, f"{HERE}.add", "{a: 1}")

    assert code == 2 and "invalid JSON params" in err


def test_console_script_imports_tasks_from_the_working_directory_and_logs_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "mytasks.py").write_text(
        textwrap.dedent("""
        from mrq import get_logger

        def hello(params):
            get_logger().warning("hello %s", params["name"])
            return {"greeting": "hello " + params["name"]}
    """)
    )

    done = subprocess.run(
        # -P: like the `mrq` console script, Python does not put the working directory on sys.path.
        [
            sys.executable,
            "-P",
            "-c",
            "import sys; from mrq.cli import main; sys.exit(main())",
            "run",
            "mytasks.hello",
            '{"name": "ada"}',
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert orjson.loads(done.stdout) == {"greeting": "hello ada"}
    assert re.search(r"WARNING mrq\.job\.[0-9a-f]{24}: hello ada", done.stderr), done.stderr
