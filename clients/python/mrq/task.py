"""What a task is, which tasks a worker may run, and how a dotted path becomes one.

A task is either a plain function ``def add(params)`` or a subclass of :class:`Task` with
``run(self, params)``. Workers and ``mrq run`` resolve tasks with :func:`resolve_task`; a worker
passes its :class:`TaskAllowList`, so a job can't make it import or call anything else.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, cast

from mrq.errors import TaskNotAllowed, TaskNotFound

TASK_PATH_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")

TaskCallable = Callable[[Any], Any]


class Task:
    """Base class for class-based tasks: subclass it and implement :meth:`run`.

    A new instance runs each job, so instance attributes are per-job state.
    """

    def run(self, params: Any) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class TaskAllowList:
    """The tasks a worker runs: those in ``packages`` (module prefixes), plus ``registered`` paths.

    A prefix matches whole dotted components: ``tasks`` allows ``tasks.add`` and
    ``tasks.sub.job``, not ``tasks_evil.job``.
    """

    packages: tuple[str, ...]
    registered: frozenset[str] = frozenset()

    @classmethod
    def of(cls, packages: Collection[str], registered: Collection[str] = ()) -> TaskAllowList:
        return cls(tuple(packages), frozenset(registered))

    def in_packages(self, module: str) -> bool:
        """Whether the dotted ``module`` name is one of the packages or inside one."""
        return any(module == package or module.startswith(package + ".") for package in self.packages)

    def check_path(self, path: str) -> None:
        """Raises TaskNotAllowed unless ``path``'s module may be imported."""
        if path not in self.registered and not self.in_packages(path.rpartition(".")[0]):
            raise TaskNotAllowed(f"task {path!r} is not in the worker's allowed task packages ({self._described()})")

    def check_target(self, path: str, target: object) -> None:
        """Raises TaskNotAllowed if ``target`` was defined outside the packages: a module may
        import ``os.system`` or ``subprocess.call``, and ``tasks.system`` must not reach them."""
        defined_in = getattr(target, "__module__", None)
        if path not in self.registered and not (isinstance(defined_in, str) and self.in_packages(defined_in)):
            raise TaskNotAllowed(
                f"task {path!r} is defined in module {defined_in!r}, outside the worker's "
                f"allowed task packages ({self._described()})"
            )

    def _described(self) -> str:
        return ", ".join(self.packages) or "none: only registered tasks"


def resolve_task(path: str, allowed: TaskAllowList | None = None) -> TaskCallable:
    """Imports ``path`` ("package.module.name") and returns a callable taking the params.

    Args:
        path: The task's dotted path.
        allowed: What may run; checked before anything is imported (importing runs the module's
            code). None allows every importable task, for code run by its own author (``mrq run``).

    Raises:
        TaskNotAllowed: ``allowed`` does not allow the path, or the function it names.
        TaskNotFound: the path is malformed, the module can't be imported, or the name is
            neither a function nor a Task subclass.
    """
    if not TASK_PATH_RE.match(path):
        raise TaskNotFound(f"invalid task path {path!r}: expected a dotted name like 'tasks.add'")
    if allowed is not None:
        allowed.check_path(path)
    module_name, _, attr = path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise TaskNotFound(f"task {path!r}: cannot import module {module_name!r}: {exc}") from exc
    target = getattr(module, attr, None)
    is_task_class = isinstance(target, type) and issubclass(target, Task)
    if not is_task_class and not (callable(target) and not isinstance(target, type)):
        raise TaskNotFound(f"task {path!r}: {module_name} has no function or Task class named {attr!r}")
    if allowed is not None:
        allowed.check_target(path, target)
    if is_task_class:
        task_class = cast(type[Task], target)
        return lambda params: task_class().run(params)
    return cast(TaskCallable, target)


def run_task(path: str, params: Any) -> Any:
    """Runs another task inline, in the current job, and returns its result."""
    return resolve_task(path)(params)
