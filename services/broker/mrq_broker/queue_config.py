"""Typed per-queue and per-task configuration: RAW_QUEUES, QUEUES_CONFIG and the limit keys
of TASKS. Invalid entries stop the broker at start, naming the entry."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator

from mrq_broker.errors import InvalidField


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RawQueueConfig(_Strict):
    """How a raw queue's entries become jobs when a worker takes them.

    The broker runs no user code, so the job factory is declarative: every entry becomes a job
    of ``task``; its params are the entry itself (a JSON object), or ``{params_key: entry}``.
    """

    task: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")
    params_key: str = ""
    retry_queue: str = "default"
    statuses_no_storage: frozenset[Literal["started", "success"]] = frozenset()
    pushback_s: float = Field(0.0, ge=0)

    def params(self, entry: str, field: str = "params_json") -> str:
        """The job params (canonical JSON) for a raw entry (canonical JSON)."""
        if self.params_key:
            return orjson.dumps({self.params_key: orjson.loads(entry)}, option=orjson.OPT_SORT_KEYS).decode()
        if not entry.startswith("{"):
            raise InvalidField(
                field, "this raw queue's entries must be JSON objects (its job factory has no params_key)"
            )
        return entry


class QueueDefaults(_Strict):
    """Defaults for jobs enqueued on a queue (QUEUES_CONFIG), below the job's own options and its
    task's TASKS entry."""

    timeout_s: float | None = Field(None, ge=0)
    max_retries: int | None = Field(None, ge=0)
    retry_delay_s: float | None = Field(None, ge=0)
    result_ttl_s: float | None = Field(None, ge=0)
    priority: int | None = Field(None, ge=-1000, le=1000)


class TaskLimit(_Strict):
    """Cluster-wide limits of one task (keys of its TASKS entry), checked when workers lease.

    ``limit_key`` names a param: the limits then apply per value of that param, not per task.
    A job over the concurrency limit waits in its queue, unless ``on_limit`` is "fail": it then
    ends ``maxconcurrency`` (MRQ's behaviour).
    """

    model_config = ConfigDict(extra="ignore", frozen=True)  # the other TASKS keys are routing

    max_concurrency: int | None = Field(None, ge=1)
    rate_limit: int | None = Field(None, ge=1)
    rate_limit_per_s: float = Field(1.0, gt=0)
    limit_key: str = ""
    on_limit: Literal["wait", "fail"] = "wait"
    unique: bool = False

    @model_validator(mode="after")
    def _fail_needs_concurrency(self) -> TaskLimit:
        if self.on_limit == "fail" and self.max_concurrency is None:
            raise ValueError("on_limit 'fail' needs max_concurrency")
        return self

    @property
    def limited(self) -> bool:
        return self.max_concurrency is not None or self.rate_limit is not None

    def key(self, task: str, params: str) -> str:
        """The key the job's limits count under: the task, or the task and its limit_key param."""
        if not self.limit_key:
            return task
        value: Any = orjson.loads(params)
        part = value.get(self.limit_key) if isinstance(value, dict) else None
        return f"{task}:{orjson.dumps(part).decode()}"

    def lua(self) -> dict[str, Any]:
        """The form lease_jobs.lua reads."""
        out: dict[str, Any] = {}
        if self.max_concurrency is not None:
            out["concurrency"] = self.max_concurrency
            out["fail"] = self.on_limit == "fail"
        if self.rate_limit is not None:
            out["rate"] = self.rate_limit
            out["per_ms"] = int(self.rate_limit_per_s * 1000)
        return out


def unique_key(task: str, params: str) -> str:
    """The dedupe key of a job made unique by its task and params."""
    return "unique:" + hashlib.sha256(f"{task}\n{params}".encode()).hexdigest()
