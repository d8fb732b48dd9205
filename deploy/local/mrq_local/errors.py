"""The errors mrq_local raises. Everything derives from :class:`LaunchError`."""

from __future__ import annotations


class LaunchError(Exception):
    """A server or service could not be found, started or stopped."""


class ProcessExited(LaunchError):
    """A managed process exited while it was expected to run; the message ends with its log."""

    def __init__(self, message: str, returncode: int | None) -> None:
        super().__init__(message)
        self.returncode = returncode


class NotReady(LaunchError, TimeoutError):
    """A managed process was still not ready at its deadline; the message ends with its log."""


class DataDirBusy(LaunchError):
    """Another launcher is using the same data directory."""
