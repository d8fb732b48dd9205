"""The broker's domain errors, and the one place that maps them (and store failures) to gRPC codes."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import grpc
import redis.exceptions

from mrq_broker.storage import OUTAGES, QueryTimeout, StoreUnavailable

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


class RequestError(Exception):
    """Base class of the broker's domain errors."""

    code = grpc.StatusCode.INTERNAL


class InvalidField(RequestError):
    """A request field is invalid. The message starts with the field's name."""

    code = grpc.StatusCode.INVALID_ARGUMENT

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

    def within(self, parent: str) -> InvalidField:
        """The same problem, named from the request: ``outcomes[3]`` + ``job_id``. Checks of
        many items name their field only when one fails, not once per item."""
        return InvalidField(f"{parent}.{self.field}", self.problem)


class NoSuchJob(RequestError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, job_id: str) -> None:
        super().__init__(f"job_id: no job {job_id}")


class NoSuchTaskset(RequestError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, taskset_id: str) -> None:
        super().__init__(f"taskset_id: no taskset {taskset_id}")


class JobNotRunning(RequestError):
    code = grpc.StatusCode.FAILED_PRECONDITION

    def __init__(self, job_id: str, status: str) -> None:
        super().__init__(f"job_id: job {job_id} is not running (status {status})")


class NoSuchWorker(RequestError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, worker_id: str) -> None:
        super().__init__(f"worker_id: no worker {worker_id[:200]!r} ever sent a heartbeat")


class NoSuchSchedule(RequestError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, schedule_id: str) -> None:
        super().__init__(f"schedule_id: no schedule {schedule_id[:100]}")


class ScheduleExists(RequestError):
    code = grpc.StatusCode.ALREADY_EXISTS

    def __init__(self, schedule_id: str) -> None:
        super().__init__(f"definition: the same schedule exists, id {schedule_id}")


class ScheduleFromConfig(RequestError):
    code = grpc.StatusCode.FAILED_PRECONDITION

    def __init__(self, schedule_id: str) -> None:
        super().__init__(f"schedule_id: schedule {schedule_id} comes from SCHEDULER_TASKS; edit the config file")


class WorkerDidNotAnswer(RequestError):
    code = grpc.StatusCode.DEADLINE_EXCEEDED


# Store failures are transient from the caller's view: nothing was accepted, retry later.
STORE_OUTAGES: tuple[type[Exception], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.BusyLoadingError,
    *OUTAGES,
    TimeoutError,
)


def outage_message(exc: BaseException) -> str:
    """What a caller is told of an outage: the cause, which StoreUnavailable spells out."""
    cause = str(exc) if isinstance(exc, StoreUnavailable) else type(exc).__name__
    return f"store unavailable ({cause}); retry"


def grpc_errors(method: F) -> F:
    """Wraps a servicer method: domain errors become their status code, store outages UNAVAILABLE,
    and reads stopped by the store's time limit FAILED_PRECONDITION naming the filter."""

    @functools.wraps(method)
    def wrapper(self: Any, request: Any, context: grpc.ServicerContext) -> Any:
        try:
            return method(self, request, context)
        except RequestError as exc:
            context.abort(exc.code, str(exc))
        except QueryTimeout as exc:  # the request's filter is too broad for the stored jobs
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, f"filter: {exc}")
        except STORE_OUTAGES as exc:
            log.warning("%s: %s", method.__name__, outage_message(exc))
            context.abort(grpc.StatusCode.UNAVAILABLE, outage_message(exc))

    return wrapper  # type: ignore[return-value]  # same signature as method: functools.wraps can't say so
