"""What a task is, and how a dotted path becomes one.

A task is either a plain function ``def add(params)`` or a subclass of :class:`Task` with
``run(self, params)``. Workers and ``mrq run`` resolve tasks with :func:`resolve_task`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any, cast

from mrq.errors import TaskNotFound

TASK_PATH_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")

TaskCallable = Callable[[Any], Any]


class Task:
    """Base class for class-based tasks: subclass it and implement :meth:`run`.

    A new instance runs each job, so instance attributes are per-job state.
    """

    def run(self, params: Any) -> Any:
        raise NotImplementedError


def resolve_task(path: str) -> TaskCallable:
    """Imports ``path`` ("package.module.name") and returns a callable taking the params.

    Raises:
        TaskNotFound: the path is malformed, the module can't be imported, or the name is
            neither a function nor a Task subclass.
    """
    if not TASK_PATH_RE.match(path):
        raise TaskNotFound(f"invalid task path {path!r}: expected a dotted name like 'tasks.add'")
    module_name, _, attr = path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise TaskNotFound(f"task {path!r}: cannot import module {module_name!r}: {exc}") from exc
    target = getattr(module, attr, None)
    if isinstance(target, type) and issubclass(target, Task):
        return lambda params: target().run(params)
    if callable(target) and not isinstance(target, type):
        return cast(TaskCallable, target)
    raise TaskNotFound(f"task {path!r}: {module_name} has no function or Task class named {attr!r}")


def run_task(path: str, params: Any) -> Any:
    """Runs another task inline, in the current job, and returns its result."""
    return resolve_task(path)(params)
