"""The errors the `mrq` package raises. Everything derives from :class:`MrqError`."""

from __future__ import annotations


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


class BrokerUnavailable(MrqError):
    """The broker, or the databases behind it, could not be reached. Safe to retry."""


class WaitTimeout(MrqError):
    """Jobs were still not final when the wait's timeout passed."""


class TaskNotFound(MrqError):
    """A task path does not resolve to a function or a Task class."""
