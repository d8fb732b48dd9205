"""The jobs filter as the HTTP API takes it (query parameters, or ``filter`` in a bulk action's
body), and its translation into the broker's JobQuery. The broker validates every value; only
``status``, whose spelling is the dashboard's own, is checked here."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel, ConfigDict, Field

from mrq.statuses import VALUE_BY_NAME
from mrq.v1 import job_query_pb2
from mrq_dashboard.errors import ApiError

#: Status groups, as the original MRQ dashboard named them.
STATUS_GROUPS = {
    "ok": job_query_pb2.STATUS_GROUP_OK,
    "not_ok": job_query_pb2.STATUS_GROUP_NOT_OK,
    "error": job_query_pb2.STATUS_GROUP_ERROR,
}


class JobFilter(BaseModel):
    """Every criterion that is set must hold."""

    id: str | None = Field(None, description="exact job id")
    id_prefix: str | None = Field(None, description="job ids starting with these hexadecimal characters")
    queue: str | None = Field(None, description="queue name; 'root/' for every subqueue, '*' as a wildcard")
    task: str | None = Field(None, description="exact task path, e.g. tasks.add")
    status: str | None = Field(
        None, description="comma-separated statuses and groups (ok, not_ok, error), e.g. failed,timeout"
    )
    worker: str | None = Field(None, description="exact worker id")
    exception: str | None = Field(None, description="exact exception type, e.g. builtins.ValueError")
    params: str | None = Field(None, description="params equal to this JSON value (key order does not matter)")
    param: str | None = Field(
        None,
        description='one params key\'s value, "key=JSON value": user=42 matches the number, user="42" the string',
    )
    taskset: str | None = Field(None, description="exact taskset id")
    schedule: str | None = Field(None, description="exact schedule id")
    after: datetime | None = Field(None, description="enqueued at or after (ISO 8601; UTC if no offset)")
    before: datetime | None = Field(None, description="enqueued before (ISO 8601; UTC if no offset)")

    def is_empty(self) -> bool:
        return not any(value not in (None, "") for value in self.model_dump().values())

    def to_query(self) -> job_query_pb2.JobQuery:
        query = job_query_pb2.JobQuery(
            job_id=self.id or "",
            job_id_prefix=self.id_prefix or "",
            queue=self.queue or "",
            task=self.task or "",
            worker_id=self.worker or "",
            exception_type=self.exception or "",
            taskset_id=self.taskset or "",
            schedule_id=self.schedule or "",
        )
        if self.params:
            query.params_json = self.params.encode()
        if self.param:
            key, equals, value = self.param.partition("=")
            if not key.strip() or not equals:
                raise ApiError(400, "param", 'param: give "key=value", e.g. user=42 or user="42"')
            query.params_key, query.params_value_json = key.strip(), value.strip().encode()
        for moment, target in ((self.after, query.enqueued_after), (self.before, query.enqueued_before)):
            if moment is not None:
                target.CopyFrom(_timestamp(moment))
        for name in filter(None, (part.strip() for part in (self.status or "").split(","))):
            if name in STATUS_GROUPS:
                if query.status_group:
                    raise ApiError(400, "status", "at most one status group (ok, not_ok, error)")
                query.status_group = STATUS_GROUPS[name]
            elif name in VALUE_BY_NAME:
                query.statuses.append(VALUE_BY_NAME[name])
            else:
                raise ApiError(
                    400,
                    "status",
                    f"status: {name[:50]!r} is neither a status "
                    f"({', '.join(VALUE_BY_NAME)}) nor a group ({', '.join(STATUS_GROUPS)})",
                )
        return query


def _timestamp(moment: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return ts


class JobFilterBody(JobFilter):
    """The filter in a JSON body, where a misspelt criterion must not widen an action."""

    model_config = ConfigDict(extra="forbid")
