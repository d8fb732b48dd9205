"""History charts kept on the server: per queue, per task and overall, per minute, for a day.

What is kept, per series and minute (see queueing/history.py for the Redis layout):

- ``finished``: jobs whose worker reported a final outcome (committer.py); ``failed``: those of
  them in the ERROR group;
- their durations, as counts in fixed log-scale buckets (a quarter octave each, so a percentile
  read back is within ±9% of the true one), only the buckets that occurred;
- ``size``: the queue's ready jobs, sampled once a minute (``history_sample_interval_s``) by every
  broker's maintenance loop: samples overwrite, never add, so brokers sampling the same minute
  agree, and the last sample of a minute is its size.

The committer's thread tallies each committed report group in memory (a few dict updates per
group), and adds the tally to Redis at most once a second (FLUSH_INTERVAL_S), in one call per
minute it spans: the outcome path pays no round trip for the history, and a broker that dies
loses at most its last second of counts. Subqueues ("root/x") count under their root queue.

Memory is bounded twice: every hash expires after ``RETENTION_S``, and each kind holds at most
``history_max_series`` names (seen within the retention); the counts of names past that go to the
series ``(other)``, which has no size.
"""

from __future__ import annotations

import logging
import math
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

import redis

from mrq.v1 import job_query_pb2
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.searches import STATUS_GROUPS
from mrq_broker.jobs.validation import check_queue, check_seconds, check_task
from mrq_broker.queue_names import queue_type, root
from mrq_broker.queueing.history import OTHER, RedisHistory, Series
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings

log = logging.getLogger(__name__)

MINUTE_S = 60
#: A day, plus an hour so that a 24-hour chart's first minute is still there.
RETENTION_S = 25 * 3600
#: Longest that counts wait in a broker's memory before they are added to Redis.
FLUSH_INTERVAL_S = 1.0
MAX_WINDOW_S = 24 * 3600.0
DEFAULT_WINDOW_S = 3600.0
#: Duration buckets per doubling: bucket b > 0 holds [2**((b-1)/4), 2**(b/4)) milliseconds.
BUCKETS_PER_OCTAVE = 4
FAILED = STATUS_GROUPS[job_query_pb2.STATUS_GROUP_ERROR]
QUEUE, TASK, ALL = "queue", "task", "all"


@dataclass(frozen=True)
class Finished:
    """One job that reached a final status, as the history counts it."""

    queue: str
    task: str
    status: str
    duration_s: float


@dataclass(frozen=True)
class Point:
    """One step of a series: its first minute (epoch minutes) and what happened in it."""

    minute: int
    finished: int
    failed: int
    #: The last size sampled within the step; None for a task, or when none was sampled.
    queue_size: int | None
    #: None when no job finished in the step.
    p50_duration_s: float | None
    p95_duration_s: float | None


def duration_bucket(duration_s: float) -> int:
    """The bucket of a duration: 0 under a millisecond, then a quarter octave each."""
    ms = duration_s * 1000
    return 0 if ms < 1 else int(math.log2(ms) * BUCKETS_PER_OCTAVE) + 1


def bucket_duration_s(bucket: int) -> float:
    """A bucket's representative duration: the geometric middle of its bounds."""
    return 0.0005 if bucket == 0 else 2 ** ((bucket - 0.5) / BUCKETS_PER_OCTAVE) / 1000


def percentile(histogram: Mapping[int, int], fraction: float) -> float | None:
    """The duration below which ``fraction`` of the histogram's jobs lie, or None when empty."""
    total = sum(histogram.values())
    if not total:
        return None
    buckets = sorted(histogram)
    cumulative = list(accumulate(histogram[b] for b in buckets))
    return bucket_duration_s(buckets[bisect_left(cumulative, fraction * total)])


def check_series(queue: str, task: str) -> Series:
    """The series a request names: a root queue, a task, or (neither) every job."""
    if queue and task:
        raise InvalidField("task", "give a queue or a task, not both")
    if queue:
        if queue != OTHER and root(check_queue(queue)) != queue:
            raise InvalidField("queue", f"history is kept per root queue: ask for {root(queue)!r}")
        return QUEUE, queue
    if task:
        return TASK, task if task == OTHER else check_task(task)
    return ALL, ""


def check_step(window_s: float, step_s: float) -> tuple[int, int]:
    """(window, step) in whole minutes: the window up to a day (0: an hour), the step a whole
    number of minutes within it (0: one)."""
    window_min = math.ceil((check_seconds(window_s, "window_s", MAX_WINDOW_S) or DEFAULT_WINDOW_S) / MINUTE_S)
    step = check_seconds(step_s, "step_s", MAX_WINDOW_S) or MINUTE_S
    if step % MINUTE_S or step > window_min * MINUTE_S:
        raise InvalidField(
            "step_s",
            f"must be a whole number of minutes (60, 300, 3600...) up to the window ({window_min * MINUTE_S} s)",
        )
    return window_min, int(step) // MINUTE_S


class History:
    """Records outcomes and queue sizes per minute, and reads them back by steps."""

    def __init__(self, queues: RedisQueues, settings: BrokerSettings) -> None:
        self.queues = queues
        self.settings = settings
        self.redis = RedisHistory(queues.client, queues.keys, RETENTION_S, settings.history_max_series)
        self._next_sample = 0.0
        # minute -> series -> field -> count, not yet in Redis; only the committer's thread uses it.
        self._tally: dict[int, dict[Series, Counter[str]]] = {}
        self._next_flush = 0.0

    def record(self, jobs: Sequence[Finished], now_s: float) -> None:
        """Tallies one committed group's final jobs in memory (see :meth:`flush`)."""
        if not jobs:
            return
        # Jobs alike counted together first: a group holds thousands of jobs, but few kinds.
        kinds = Counter((j.queue, j.task, j.status in FAILED, duration_bucket(j.duration_s)) for j in jobs)
        counts = self._tally.setdefault(int(now_s // MINUTE_S), defaultdict(Counter))
        for (queue, task, failed, bucket), n in kinds.items():
            for series in ((QUEUE, root(queue)), (TASK, task), (ALL, "")):
                fields = counts[series]
                fields["finished"] += n
                fields[f"d{bucket}"] += n
                if failed:
                    fields["failed"] += n

    def flush_if_due(self) -> None:
        """Flushes the tally if FLUSH_INTERVAL_S passed since the last flush."""
        if self._tally and time.monotonic() >= self._next_flush:
            self.flush()

    def flush(self) -> None:
        """Adds the tally to Redis, one call per minute it spans. A Redis failure loses these
        counts only: the outcomes themselves are committed."""
        tally, self._tally = self._tally, {}
        self._next_flush = time.monotonic() + FLUSH_INTERVAL_S
        try:
            for minute, counts in tally.items():
                self.redis.add(minute, counts, "incr")
        except redis.RedisError as exc:
            log.warning("history of %d minute(s) not recorded: %s", len(tally), exc)

    def sample_sizes(self, now_s: float) -> None:
        """Records every root queue's ready jobs, once per ``history_sample_interval_s`` per broker."""
        if time.monotonic() < self._next_sample:
            return
        self._next_sample = time.monotonic() + self.settings.history_sample_interval_s
        names = sorted(self.queues.queue_names()[0])
        sizes = self.queues.sizes([(n, queue_type(n)) for n in names], int(now_s * 1000))
        by_root: Counter[str] = Counter()
        for name, size in zip(names, sizes, strict=True):
            by_root[root(name)] += size.queued
        samples: dict[Series, dict[str, int]] = {(QUEUE, q): {"size": n} for q, n in by_root.items()}
        samples[ALL, ""] = {"size": by_root.total()}
        self.redis.add(int(now_s // MINUTE_S), samples, "set")

    def read(self, series: Series, window_min: int, step_min: int) -> list[Point]:
        """The series' points over the last ``window_min`` minutes, oldest first, each ``step_min``
        minutes long and aligned on multiples of it (so hourly steps start on the hour); the
        last one is still filling."""
        current = int(time.time() // MINUTE_S)
        last = current - current % step_min
        first = last - (math.ceil(window_min / step_min) - 1) * step_min
        minutes = list(range(first, current + 1))
        per_minute = self.redis.read(series, minutes)
        return [
            _point(start, per_minute[start - first : start - first + step_min])
            for start in range(first, last + 1, step_min)
        ]


def _point(start: int, minutes: Sequence[Mapping[str, int]]) -> Point:
    histogram: Counter[int] = Counter()
    sizes = [m["size"] for m in minutes if "size" in m]
    for fields in minutes:
        histogram.update({int(f[1:]): n for f, n in fields.items() if f.startswith("d")})
    return Point(
        minute=start,
        finished=sum(m.get("finished", 0) for m in minutes),
        failed=sum(m.get("failed", 0) for m in minutes),
        queue_size=sizes[-1] if sizes else None,
        p50_duration_s=percentile(histogram, 0.5),
        p95_duration_s=percentile(histogram, 0.95),
    )
