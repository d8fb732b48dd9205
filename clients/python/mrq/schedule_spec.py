"""What a recurring job is: one ``SCHEDULER_TASKS`` entry, validated, with its identity.

The config format is the original MRQ's, plus cron, a time zone and catch-up::

    SCHEDULER_TASKS = [
        {"path": "tasks.cleanup", "params": {"days": 7}, "interval": 3600},
        {"path": "tasks.report", "dailytime": "09:00", "weekday": 0, "timezone": "Europe/Paris"},
        {"path": "tasks.bill", "dailytime": datetime.time(6, 30), "monthday": 1},
        {"path": "tasks.sync", "cron": "*/15 9-17 * * 1-5", "timezone": "America/New_York",
         "catchup": True},
    ]

The broker validates definitions sent through its API with the same model, and the scheduler
validates its config with it before it talks to the broker.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson
from croniter import croniter
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mrq.errors import ConfigError
from mrq.task import TASK_PATH_RE
from mrq.v1 import schedule_service_pb2

_DAILYTIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_TIMINGS = ("interval", "dailytime", "cron")


class InvalidSchedule(ConfigError):
    """A schedule definition is invalid; ``field`` names the bad key of its entry."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


MAX_INTERVAL_S = 10 * 365 * 86400.0


class ScheduleSpec(BaseModel):
    """One recurring job: what to run (path, params, queue) and when (one timing)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    params: dict[str, Any] = Field(default_factory=dict)
    queue: str = ""
    # Bounded (ten years, no infinity) so that every tick time stays a datetime.
    interval: float | None = Field(None, gt=0, le=MAX_INTERVAL_S, allow_inf_nan=False)
    dailytime: time | None = None
    weekday: int | None = Field(None, ge=0, le=6)
    monthday: int | None = Field(None, ge=1, le=31)
    cron: str | None = None
    timezone: str = "UTC"
    catchup: bool = False

    @field_validator("path")
    @classmethod
    def _dotted(cls, path: str) -> str:
        if not TASK_PATH_RE.match(path):
            raise ValueError(f"{path[:200]!r} is not a dotted path like 'tasks.add'")
        return path

    @field_validator("dailytime", mode="before")
    @classmethod
    def _time_of_day(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _DAILYTIME_RE.match(value)
            if not match:
                raise ValueError(f"{value[:50]!r} is not HH:MM or HH:MM:SS")
            hour, minute, second = (int(g or 0) for g in match.groups())
            return time(hour, minute, second)  # raises ValueError past 23:59:59
        return value

    @field_validator("dailytime")
    @classmethod
    def _naive(cls, value: time | None) -> time | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("give the time zone in 'timezone', not on the time")
        return value

    @field_validator("cron")
    @classmethod
    def _cron(cls, expression: str | None) -> str | None:
        if expression is not None and (len(expression.split()) != 5 or not croniter.is_valid(expression)):
            raise ValueError(f"{expression[:200]!r} is not a five-field cron expression")
        return expression

    @field_validator("timezone")
    @classmethod
    def _zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{name[:100]!r} is not an IANA time zone") from exc
        return name

    @classmethod
    def parse(cls, entry: Any) -> ScheduleSpec:
        """Validates one entry; raises InvalidSchedule naming its bad key."""
        if not isinstance(entry, dict):
            raise InvalidSchedule("entry", f"must be a dict, not {type(entry).__name__}")
        try:
            spec = cls.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else "entry"
            raise InvalidSchedule(field, first["msg"].removeprefix("Value error, ")) from exc
        spec._check_timing()
        return spec

    def _check_timing(self) -> None:
        given = [name for name in _TIMINGS if getattr(self, name) is not None]
        if not given:
            raise InvalidSchedule("interval", "no schedule: give one of interval, dailytime or cron")
        if len(given) > 1:
            raise InvalidSchedule(given[1], f"give only one of interval, dailytime or cron, not {given}")
        for day in ("weekday", "monthday"):
            if getattr(self, day) is not None and self.dailytime is None:
                raise InvalidSchedule(day, "needs dailytime")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def identity(self) -> str:
        """A hash of the whole definition: equal definitions, and only they, share it."""
        canonical = orjson.dumps(self.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
        return hashlib.sha256(canonical).hexdigest()[:32]

    def to_proto(self) -> schedule_service_pb2.ScheduleDefinition:
        definition = schedule_service_pb2.ScheduleDefinition(
            task=self.path,
            params_json=orjson.dumps(self.params, option=orjson.OPT_SORT_KEYS),
            queue=self.queue,
            interval_s=self.interval or 0.0,
            cron=self.cron or "",
            dailytime=self.dailytime.isoformat() if self.dailytime else "",
            timezone=self.timezone,
            catchup=self.catchup,
        )
        for day in ("weekday", "monthday"):
            if getattr(self, day) is not None:
                setattr(definition, day, getattr(self, day))
        return definition

    @classmethod
    def from_proto(cls, definition: schedule_service_pb2.ScheduleDefinition) -> ScheduleSpec:
        """Validates a definition received over gRPC; InvalidSchedule names the entry's key."""
        try:
            params = orjson.loads(definition.params_json or b"{}")
        except orjson.JSONDecodeError as exc:
            raise InvalidSchedule("params", f"not valid JSON: {exc}") from exc
        entry: dict[str, Any] = {
            "path": definition.task,
            "params": params,
            "queue": definition.queue,
            "timezone": definition.timezone or "UTC",
            "catchup": definition.catchup,
        }
        for name, value in (
            ("interval", definition.interval_s),
            ("dailytime", definition.dailytime),
            ("cron", definition.cron),
        ):
            if value:
                entry[name] = value
        for day in ("weekday", "monthday"):
            if definition.HasField(day):
                entry[day] = getattr(definition, day)
        return cls.parse(entry)


#: The proto field of each entry key, where they differ (for error messages naming the field).
PROTO_FIELDS = {"path": "task", "params": "params_json", "interval": "interval_s"}


def first_duplicate(specs: Sequence[ScheduleSpec]) -> tuple[int, int] | None:
    """Indexes (earlier, later) of the first two equal definitions, or None."""
    seen: dict[str, int] = {}
    for index, spec in enumerate(specs):
        earlier = seen.setdefault(spec.identity(), index)
        if earlier != index:
            return earlier, index
    return None


def parse_config(entries: Any) -> list[ScheduleSpec]:
    """Validates ``SCHEDULER_TASKS`` as a whole; ConfigError names the first bad entry."""
    if not isinstance(entries, list | tuple):
        raise ConfigError(f"SCHEDULER_TASKS must be a list of dicts, not {type(entries).__name__}")
    specs: list[ScheduleSpec] = []
    for index, entry in enumerate(entries):
        try:
            specs.append(ScheduleSpec.parse(entry))
        except InvalidSchedule as exc:
            raise ConfigError(f"{_entry_name(entries, index)}: {exc}") from exc
    duplicate = first_duplicate(specs)
    if duplicate is not None:
        earlier, later = duplicate
        raise ConfigError(f"{_entry_name(entries, later)}: duplicate of SCHEDULER_TASKS[{earlier}]")
    return specs


def _entry_name(entries: Sequence[Any], index: int) -> str:
    entry = entries[index]
    path = entry.get("path") if isinstance(entry, dict) else None
    return f"SCHEDULER_TASKS[{index}]" + (f" ({path[:200]})" if isinstance(path, str) else "")
