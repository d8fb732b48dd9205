"""The history's Redis side: per-minute counts of each series, written and read back.

A series is a kind ("queue", "task" or "all") and a name. Each series has one small hash per
minute with a TTL (``retention_s``), holding counters (e.g. ``finished``, ``failed``, one field per
duration bucket that occurred) and the sampled queue ``size``. One key per series and minute,
rather than one hash per minute for all series: a chart reads its own series (at most 1,440
small hashes for a day, in one round trip), never the others'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Literal

import redis

from mrq_broker.queueing.keys import Keys

#: The series that receives the counts of names past the cap. Not a valid queue or task name.
OTHER = "(other)"
#: One series: (kind, name).
Series = tuple[str, str]


class RedisHistory:
    """Typed operations on the history's keys (see record_history.lua for the cap)."""

    def __init__(self, client: redis.Redis, keys: Keys, retention_s: int, max_series: int) -> None:
        self.client = client
        self.keys = keys
        self.retention_s = retention_s
        self.max_series = max_series
        source = resources.files("mrq_broker.queueing").joinpath("scripts", "record_history.lua").read_text()
        self._record = client.register_script(source)

    def add(self, minute: int, counts: Mapping[Series, Mapping[str, int]], op: Literal["incr", "set"]) -> None:
        """Adds (``incr``) or sets (``set``) the fields of each series in one minute, in one call."""
        args: list[str | int] = [
            self.keys.history_prefix,
            self.keys.history_names_prefix,
            minute,
            self.retention_s,
            self.max_series,
            OTHER,
            op,
        ]
        for (kind, name), fields in counts.items():
            args += [kind, name, len(fields)]
            for field, value in fields.items():
                args += [field, value]
        self._record(args=args)

    def read(self, series: Series, minutes: Sequence[int]) -> list[dict[str, int]]:
        """The fields of one series in each of ``minutes`` ({} for a minute without any)."""
        pipe = self.client.pipeline(transaction=False)
        for minute in minutes:
            pipe.hgetall(self.keys.history(*series, minute))
        return [{k.decode(): int(v) for k, v in fields.items()} for fields in pipe.execute()]
