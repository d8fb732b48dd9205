"""Job status names, as stored and shown ("queued", "success"...), and the proto enum they map to."""

from __future__ import annotations

from typing import cast

from mrq.v1 import job_pb2

_PREFIX = "JOB_STATUS_"

NAME_BY_VALUE: dict[int, str] = {
    value: name.removeprefix(_PREFIX).lower()
    for name, value in job_pb2.JobStatus.items()
    if value != job_pb2.JOB_STATUS_UNSPECIFIED
}
# The stubs type the enum's items() as plain ints: each is a JobStatus.
VALUE_BY_NAME: dict[str, job_pb2.JobStatus] = {
    name: cast(job_pb2.JobStatus, value) for value, name in NAME_BY_VALUE.items()
}

# Statuses after which the job will not run again unless a user requeues it.
FINAL = frozenset({"success", "failed", "cancel", "abort", "timeout", "maxretries", "maxconcurrency"})


def status_name(value: int) -> str:
    """ "queued" for JOB_STATUS_QUEUED; "" for UNSPECIFIED."""
    return NAME_BY_VALUE.get(value, "")


def status_value(name: str) -> job_pb2.JobStatus:
    """JOB_STATUS_QUEUED for "queued"; raises KeyError for an unknown name."""
    return VALUE_BY_NAME[name]
