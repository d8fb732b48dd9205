"""TaskAllowList: which dotted paths a worker may import and run."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator

import pytest

from mrq.errors import TaskNotAllowed, TaskNotFound
from mrq.task import TaskAllowList, resolve_task

ALLOWED = TaskAllowList.of(["tasks", "myapp.jobs"], registered=["other.registered"])


@pytest.mark.parametrize("path", ["tasks.add", "tasks.sub.job", "myapp.jobs.send", "other.registered"])
def test_paths_in_the_packages_or_registered_pass(path: str) -> None:
    ALLOWED.check_path(path)


@pytest.mark.parametrize(
    "path", ["tasks_evil.add", "os.system", "myapp.send", "myapp.jobsx.send", "other.unregistered", "builtins.eval"]
)
def test_other_paths_are_refused_naming_the_packages(path: str) -> None:
    with pytest.raises(TaskNotAllowed, match=r"allowed task packages \(tasks, myapp.jobs\)"):
        ALLOWED.check_path(path)


@pytest.fixture
def side_effect_module() -> Iterator[list[str]]:
    """A module ``evil_mod`` whose import is recorded, as a finder on sys.meta_path sees it."""
    imported: list[str] = []

    class Recorder:
        @staticmethod
        def find_spec(name: str, *args: object) -> None:
            imported.append(name)

    sys.meta_path.insert(0, Recorder)  # type: ignore[arg-type]
    yield imported
    sys.meta_path.remove(Recorder)  # type: ignore[arg-type]


def test_a_refused_path_is_never_imported(side_effect_module: list[str]) -> None:
    with pytest.raises(TaskNotAllowed):
        resolve_task("evil_mod.run", TaskAllowList.of(["tasks"]))
    assert "evil_mod" not in side_effect_module


def test_a_function_imported_into_an_allowed_module_is_refused() -> None:
    module = types.ModuleType("tasks_unit_reexport")
    exec("from os import system\ndef own(params):\n    return params", module.__dict__)
    sys.modules[module.__name__] = module
    try:
        allowed = TaskAllowList.of([module.__name__])
        assert resolve_task(f"{module.__name__}.own", allowed)(7) == 7
        with pytest.raises(TaskNotAllowed, match="defined in module 'posix'"):
            resolve_task(f"{module.__name__}.system", allowed)
    finally:
        del sys.modules[module.__name__]


def test_without_an_allow_list_any_importable_task_resolves() -> None:
    assert resolve_task("os.getcwd") is __import__("os").getcwd
    with pytest.raises(TaskNotFound):
        resolve_task("nodots")
