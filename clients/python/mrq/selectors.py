"""Which jobs a management call (cancel, requeue, retry, delete) acts on, and what it reports back.

Builds the ``ActOnJobsRequest`` of :meth:`mrq.Client.cancel` and friends: jobs chosen by id, or
by a ``JobQuery`` whose criteria must all hold. See ``JobAction`` in
proto/mrq/v1/job_service.proto and ``JobQuery`` in proto/mrq/v1/job_query.proto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypedDict

from mrq import codec
from mrq.errors import InvalidArgument
from mrq.statuses import VALUE_BY_NAME
from mrq.v1 import job_query_pb2, job_service_pb2

ACTIONS = {
    "cancel": job_service_pb2.JOB_ACTION_CANCEL,
    "requeue": job_service_pb2.JOB_ACTION_REQUEUE,
    "retry": job_service_pb2.JOB_ACTION_RETRY,
    "delete": job_service_pb2.JOB_ACTION_DELETE,
}


class _Unset:
    """The default of ``params``: no params criterion (``None`` is the JSON value null)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True)
class ActionCounts:
    """What a cancel, requeue, retry or delete call did (with ``dry_run``: would do).

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
    """The filter arguments of :meth:`mrq.Client.cancel`, ``requeue``, ``retry`` and ``delete``;
    every one given must hold.

    Attributes:
        queue: queue name; "root/" for every subqueue of root, "*" as a wildcard.
        status: status name, e.g. "failed".
        task: exact task path, e.g. "tasks.add".
        worker_id: the worker that runs or last ran the job.
        exception_type: qualified exception type of the last failure, e.g. "builtins.ValueError".
        params: params equal to this JSON value (key order does not matter).
        params_key: with ``params_value``: params whose top-level key holds that value.
        params_value: the value of ``params_key``, compared as JSON (42 is not "42").
        job_id_prefix: job ids starting with these hexadecimal characters.
        taskset_id: members of this taskset.
        schedule_id: jobs this schedule enqueued.
        enqueued_after: enqueued at or after this instant (naive = UTC).
        enqueued_before: enqueued strictly before this instant (naive = UTC).
    """

    queue: str
    status: str
    task: str
    worker_id: str
    exception_type: str
    params: Any
    params_key: str
    params_value: Any
    job_id_prefix: str
    taskset_id: str
    schedule_id: str
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
    params_key: str | None = None,
    params_value: Any = UNSET,
    job_id_prefix: str | None = None,
    taskset_id: str | None = None,
    schedule_id: str | None = None,
    enqueued_after: datetime | None = None,
    enqueued_before: datetime | None = None,
    dry_run: bool = False,
) -> job_service_pb2.ActOnJobsRequest:
    """The request for ``action`` on ``job_ids``, or on the jobs matching the filter arguments.

    Raises:
        InvalidArgument: ``status`` is not a status name (``field`` is "status").
        TypeError: an argument has the wrong type, ``params`` or ``params_value`` is not
            JSON-serialisable, or both ids and filter arguments are given.
    """
    request = job_service_pb2.ActOnJobsRequest(action=ACTIONS[action], dry_run=dry_run)
    query = job_query_pb2.JobQuery(
        queue=queue or "",
        task=task or "",
        worker_id=worker_id or "",
        exception_type=exception_type or "",
        params_key=params_key or "",
        job_id_prefix=job_id_prefix or "",
        taskset_id=taskset_id or "",
        schedule_id=schedule_id or "",
    )
    if status is not None:
        if status not in VALUE_BY_NAME:
            raise InvalidArgument(
                f"status: unknown status {status!r}; one of {', '.join(VALUE_BY_NAME)}", field="status"
            )
        query.statuses.append(VALUE_BY_NAME[status])
    if params is not UNSET:
        query.params_json = _json("params", params)
    if params_value is not UNSET:
        query.params_value_json = _json("params_value", params_value)
    if enqueued_after is not None:
        query.enqueued_after.FromDatetime(_aware(enqueued_after))
    if enqueued_before is not None:
        query.enqueued_before.FromDatetime(_aware(enqueued_before))
    if job_ids is None:
        request.query.CopyFrom(query)
    elif query.ListFields():
        raise TypeError(f"{action}: give job ids or filter arguments, not both")
    else:
        request.job_ids.extend([job_ids] if isinstance(job_ids, str) else job_ids)
    return request


def _json(name: str, value: Any) -> bytes:
    try:
        return codec.encode_canonical(value)
    except TypeError as exc:
        raise TypeError(f"{name}: {exc}") from None


def _aware(value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"dates must be datetimes, not {type(value).__name__}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
