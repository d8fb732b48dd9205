"""MRQ (Mongo Redis Queue): the client, the task API and the errors.

Example:
    >>> from mrq import Client
    >>> with Client() as client:                       # MRQ_BROKER_ADDRESS, default 127.0.0.1:50051
    ...     job = client.wait(client.enqueue("tasks.add", {"a": 1, "b": 2}), timeout=30)

Task code imports from here too (``get_current_job``, ``retry_current_job``...). ``Client`` is
loaded on first use, so importing ``mrq`` from a task does not load gRPC.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mrq.context import (
    abort_current_job,
    get_current_job,
    get_logger,
    retry_current_job,
    set_current_job_progress,
    subpool_map,
)
from mrq.errors import (
    BrokerError,
    BrokerUnavailable,
    ConfigError,
    InvalidArgument,
    JobNotFound,
    MrqError,
    ScheduleNotFound,
    TaskNotAllowed,
    TaskNotFound,
    Unauthenticated,
    WaitTimeout,
)
from mrq.options import EnqueueOptions
from mrq.ratelimit import ratelimit
from mrq.task import Task, run_task

if TYPE_CHECKING:
    from mrq.client import Client

#: The version of the whole project: this package, the services (which pin this package at
#: exactly this version), and the Go and TypeScript clients. Every program's ``--version``
#: prints it; tests/unit/test_versions.py fails when a copy differs.
__version__ = "0.1.0"

__all__ = [
    "BrokerError",
    "BrokerUnavailable",
    "Client",
    "ConfigError",
    "EnqueueOptions",
    "InvalidArgument",
    "JobNotFound",
    "MrqError",
    "ScheduleNotFound",
    "Task",
    "TaskNotAllowed",
    "TaskNotFound",
    "Unauthenticated",
    "WaitTimeout",
    "abort_current_job",
    "get_current_job",
    "get_logger",
    "ratelimit",
    "retry_current_job",
    "run_task",
    "set_current_job_progress",
    "subpool_map",
]


def __getattr__(name: str) -> Any:
    if name == "Client":
        from mrq.client import Client

        return Client
    raise AttributeError(f"module 'mrq' has no attribute {name!r}")
