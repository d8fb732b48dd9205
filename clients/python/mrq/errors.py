"""The errors the `mrq` package raises. Everything derives from :class:`MrqError`."""

from __future__ import annotations

from typing import Any


class MrqError(Exception):
    """Base class of every MRQ error."""


class ConfigError(MrqError):
    """A setting is missing or invalid; the message names it."""


class InvalidArgument(MrqError):
    """The broker refused a request; ``field`` names the bad field."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class JobNotFound(MrqError):
    """No job has that id (it never existed, or it expired)."""


class ScheduleNotFound(MrqError):
    """No schedule has that id (it was deleted, or its definition changed, which changes its id)."""


class BrokerUnavailable(MrqError):
    """The broker, or the databases behind it, could not be reached.

    Reads are safe to retry. An enqueue may or may not have been accepted when the connection
    dropped mid-call (see ``Client.enqueue``).
    """


class BrokerError(MrqError):
    """The broker answered with an unexpected gRPC status; ``code`` names it (e.g. "INTERNAL")."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class Unauthenticated(BrokerError):
    """The broker requires a token and got none, or a wrong one (UNAUTHENTICATED): set
    ``MRQ_AUTH_TOKEN`` or ``MRQ_AUTH_TOKEN_FILE``, or pass ``ClientSettings.access``."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="UNAUTHENTICATED")


class WaitTimeout(MrqError):
    """Jobs were still not final when the wait's timeout passed.

    ``jobs`` holds every job waited for, in the order asked, as it stood at the timeout.
    """

    def __init__(self, message: str, jobs: list[Any] | None = None) -> None:
        super().__init__(message)
        self.jobs: list[Any] = jobs if jobs is not None else []


class TaskNotFound(MrqError):
    """A task path does not resolve to a function or a Task class."""


class TaskNotAllowed(MrqError):
    """A worker refused a task path outside its allowed task packages (``--task-packages``).

    The check happens before anything is imported, so the refused module's code never runs.
    """
