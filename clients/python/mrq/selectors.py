"""Which jobs a management call (cancel, requeue, retry) acts on, and what it reports back.

Builds the ``ActOnJobsRequest`` of :meth:`mrq.Client.cancel` and friends: jobs chosen by id, or
by a filter whose criteria must all hold. See ``JobAction`` in proto/mrq/v1/job_service.proto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypedDict

from mrq import codec
from mrq.errors import InvalidArgument
from mrq.statuses import VALUE_BY_NAME
from mrq.v1 import job_service_pb2

ACTIONS = {
    "cancel": job_service_pb2.JOB_ACTION_CANCEL,
    "requeue": job_service_pb2.JOB_ACTION_REQUEUE,
    "retry": job_service_pb2.JOB_ACTION_RETRY,
}


class _Unset:
    """The default of ``params``: no params criterion (``None`` is the JSON value null)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True)
class ActionCounts:
    """What a cancel, requeue or retry call did (with ``dry_run``: would do).

    Attributes:
        matched: jobs selected by the ids or the filter.
        changed: jobs the action changed.
        skipped: matched jobs left as they were: the action does not apply to their status
            (requeue of a running job, cancel of a finished one), or it changed meanwhile.
    """

    matched: int
    changed: int
    skipped: int


class JobFilterArgs(TypedDict, total=False):
    """The filter arguments of :meth:`mrq.Client.cancel`, ``requeue`` and ``retry``; every one
    given must hold.

    Attributes:
        queue: exact queue name.
        status: status name, e.g. "failed".
        task: exact task path, e.g. "tasks.add".
        worker_id: the worker that runs or last ran the job.
        exception_type: qualified exception type of the last failure, e.g. "builtins.ValueError".
        params: params equal to this JSON value (key order does not matter).
        enqueued_after: enqueued at or after this instant (naive = UTC).
        enqueued_before: enqueued strictly before this instant (naive = UTC).
    """

    queue: str
    status: str
    task: str
    worker_id: str
    exception_type: str
    params: Any
    enqueued_after: datetime
    enqueued_before: datetime


def action_request(
    action: str,
    job_ids: str | Sequence[str] | None,
    *,
    queue: str | None = None,
    status: str | None = None,
    task: str | None = None,
    worker_id: str | None = None,
    exception_type: str | None = None,
    params: Any = UNSET,
    enqueued_after: datetime | None = None,
    enqueued_before: datetime | None = None,
    dry_run: bool = False,
) -> job_service_pb2.ActOnJobsRequest:
    """The request for ``action`` on ``job_ids``, or on the jobs matching the filter arguments.

    Raises:
        InvalidArgument: ``status`` is not a status name (``field`` is "status").
        TypeError: an argument has the wrong type, ``params`` is not JSON-serialisable, or both
            ids and filter arguments are given.
    """
    request = job_service_pb2.ActOnJobsRequest(action=ACTIONS[action], dry_run=dry_run)
    selector = job_service_pb2.JobFilter(
        queue=queue or "", task=task or "", worker_id=worker_id or "", exception_type=exception_type or ""
    )
    if status is not None:
        if status not in VALUE_BY_NAME:
            raise InvalidArgument(
                f"status: unknown status {status!r}; one of {', '.join(VALUE_BY_NAME)}", field="status"
            )
        selector.status = VALUE_BY_NAME[status]
    if params is not UNSET:
        try:
            selector.params_json = codec.encode_canonical(params)
        except TypeError as exc:
            raise TypeError(f"params: {exc}") from None
    if enqueued_after is not None:
        selector.enqueued_after.FromDatetime(_aware(enqueued_after))
    if enqueued_before is not None:
        selector.enqueued_before.FromDatetime(_aware(enqueued_before))
    if job_ids is None:
        request.filter.CopyFrom(selector)
    elif selector.ListFields():
        raise TypeError(f"{action}: give job ids or filter arguments, not both")
    else:
        request.job_ids.extend([job_ids] if isinstance(job_ids, str) else job_ids)
    return request


def _aware(value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"dates must be datetimes, not {type(value).__name__}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
