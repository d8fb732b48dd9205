"""Raw queues: entries that hold only raw params until a worker takes them (see QueueService).

The step from Redis entry to job is guarded like any lease: lease_jobs.lua moves each entry
into a raw claim and leases it under a fresh job id, in one script. A job with no record
(RAW_QUEUES says "started" is not stored) gets its payload there too, from the queue's
template, unless its header depends on its params (a limit_key, unique): the broker then makes
its payload, and its record when "started" is stored. The claim stays until the job's outcome
is committed, so an entry whose broker or worker dies at any point goes back on its raw queue
when the lease expires (Maintenance), or is requeued from its record.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from datetime import UTC, datetime

from mrq.v1 import job_pb2
from mrq.v1.queue_service_pb2 import (
    QUEUE_TYPE_RAW,
    QUEUE_TYPE_SET,
    QUEUE_TYPE_SORTED_SET,
    QUEUE_TYPE_TIMED_SET,
)
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.payloads import StartedBy, new_jobs, payload, raw_template
from mrq_broker.jobs.validation import ResolvedOptions, canonical_params, check_queue, resolve_options
from mrq_broker.queue_config import RawQueueConfig
from mrq_broker.queue_names import is_raw, queue_type, root
from mrq_broker.queueing.queues import RawClaim, RawTemplate, RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobRecord

_LUA_TYPES = {
    QUEUE_TYPE_RAW: "raw",
    QUEUE_TYPE_SET: "set",
    QUEUE_TYPE_SORTED_SET: "sorted_set",
    QUEUE_TYPE_TIMED_SET: "timed_set",
}


class RawJobs:
    def __init__(self, store: Store, queues: RedisQueues, settings: BrokerSettings) -> None:
        self.store = store
        self.queues = queues
        self.settings = settings
        self._templates: dict[str, RawTemplate | None] = {}

    def config(self, name: str, field: str = "queue") -> RawQueueConfig:
        """The RAW_QUEUES entry of a raw queue (by its root name)."""
        check_queue(name, field)
        if not is_raw(name):
            raise InvalidField(
                field,
                f"{name!r} is not a raw queue (its root name must end in _raw, _set, "
                "_sorted_set or _timed_set); use JobService.Enqueue",
            )
        config = self.settings.raw_queues.get(root(name))
        if config is None:
            raise InvalidField(field, f"raw queue {root(name)!r} is not configured in RAW_QUEUES")
        return config

    def lua_type(self, name: str) -> str:
        """The type lease_jobs.lua takes a raw queue as ("timed_set:<ms>" with a pushback)."""
        kind = _LUA_TYPES[queue_type(name)]
        pushback_s = self.settings.raw_queues[root(name)].pushback_s if root(name) in self.settings.raw_queues else 0
        return f"{kind}:{int(pushback_s * 1000)}" if kind == "timed_set" and pushback_s else kind

    def template(self, name: str) -> RawTemplate | None:
        """The template lease_jobs.lua makes a raw queue's payloads from (by its root name), or
        None when the broker must make them (see the module's docstring). Made once: settings
        don't change while the broker runs."""
        if name not in self._templates:
            config, now = self.settings.raw_queues[name], datetime.now(UTC)
            options = self._options(config, now)
            templated = "started" in config.statuses_no_storage and not options.unique
            if templated and (options.limit is None or not options.limit.limit_key):
                self._templates[name] = raw_template(config.task, options, config.params_key, now)
            else:
                self._templates[name] = None
        return self._templates[name]

    def _options(self, config: RawQueueConfig, now: datetime) -> ResolvedOptions:
        """The options a raw queue's jobs run with: the same for all of them."""
        return resolve_options(config.task, job_pb2.JobOptions(queue=config.retry_queue), self.settings, now)

    def enqueue(self, name: str, params: Sequence[bytes], scores: Sequence[float]) -> int:
        """Validates and adds raw entries; returns how many were added."""
        config = self.config(name)
        entries = [
            canonical_params(p, self.settings.max_params_bytes, f"params_json[{i}]") for i, p in enumerate(params)
        ]
        for i, entry in enumerate(entries):
            config.params(entry, f"params_json[{i}]")  # refused now rather than when leased
        kind = queue_type(name)
        if kind in (QUEUE_TYPE_RAW, QUEUE_TYPE_SET) and scores:
            raise InvalidField("scores", "only _sorted_set and _timed_set queues take scores")
        if kind == QUEUE_TYPE_TIMED_SET and not scores:
            scores = [time.time()] * len(entries)
        if kind in (QUEUE_TYPE_SORTED_SET, QUEUE_TYPE_TIMED_SET) and len(scores) != len(entries):
            raise InvalidField("scores", f"{len(scores)} scores for {len(entries)} params; give one each")
        for i, score in enumerate(scores):
            if not math.isfinite(score):
                raise InvalidField(f"scores[{i}]", "must be a finite number")
        if not entries:
            return 0
        return self.queues.push_raw(name, _LUA_TYPES[kind], entries, scores)

    def materialise(self, claims: dict[str, RawClaim], worker_id: str, now: datetime) -> dict[str, bytes]:
        """Turns freshly leased raw entries with no template into jobs: records them as started
        (unless the queue does not store "started") and stores their payloads; returns the
        payloads by job id."""
        by_queue: dict[str, dict[str, RawClaim]] = {}
        for job_id, claim in claims.items():
            by_queue.setdefault(claim.queue, {})[job_id] = claim
        jobs: list[tuple[JobRecord, bool]] = []
        for queue, members in by_queue.items():  # a queue's jobs share their options: resolved once
            config = self.settings.raw_queues[root(queue)]
            options = self._options(config, now)
            params = [config.params(claim.entry) for claim in members.values()]
            unstored = "started" in config.statuses_no_storage
            started = StartedBy(list(members), queue, worker_id)
            jobs += [(job, unstored) for job in new_jobs(config.task, params, options, now, started=started)]
        stored = [job for job, unstored in jobs if not unstored]
        if stored:
            self.store.insert_jobs(stored)
        payloads = {job.id: payload(job, unstored) for job, unstored in jobs}
        self.queues.store_payloads(payloads)
        return payloads

    def give_back(self, claims: dict[str, RawClaim]) -> None:
        """Puts back the entries of raw jobs lost before they had a record."""
        if claims:
            self.queues.return_raw(claims, {c.queue: _LUA_TYPES[queue_type(c.queue)] for c in claims.values()})
