"""QueueService's operations: listing queues with exact sizes, pause, empty, and rate limits."""

from __future__ import annotations

import builtins
import time
from dataclasses import dataclass

from google.protobuf.timestamp_pb2 import Timestamp

from mrq.v1 import job_service_pb2, queue_service_pb2
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.actions import JobActions
from mrq_broker.jobs.raw_jobs import RawJobs
from mrq_broker.jobs.validation import check_queue, check_seconds
from mrq_broker.queue_names import is_paused, is_raw, normalise_paused, queue_type
from mrq_broker.queueing.queues import RedisQueues

MAX_RATE_KEY = 500


@dataclass
class QueueAdmin:
    queues: RedisQueues
    raw: RawJobs
    actions: JobActions

    def list(self, prefix: str) -> list[queue_service_pb2.QueueInfo]:
        """Every known queue under ``prefix``, sorted, with its sizes read now."""
        known, paused = self.queues.queue_names()
        names = sorted(n for n in known if n.startswith(prefix))
        now_ms = int(time.time() * 1000)
        sizes = self.queues.sizes([(n, queue_type(n)) for n in names], now_ms)
        infos = []
        for name, size in zip(names, sizes, strict=True):
            info = queue_service_pb2.QueueInfo(
                name=name,
                type=queue_type(name),
                queued=size.queued,
                delayed=size.delayed,
                paused=is_paused(name, paused),
            )
            if size.oldest_enqueued_ms is not None:
                info.oldest_enqueued.CopyFrom(
                    Timestamp(
                        seconds=int(size.oldest_enqueued_ms // 1000),
                        nanos=int(size.oldest_enqueued_ms % 1000) * 1_000_000,
                    )
                )
            infos.append(info)
        return infos

    # builtins.list: in the class body, `list` is the method above.
    def pause(self, name: str, paused: bool) -> builtins.list[str]:
        return self.queues.set_paused(normalise_paused(check_queue(name)), paused)

    def empty(self, name: str, max_jobs: int = 0) -> tuple[int, int]:
        """Cancels the jobs waiting on a regular queue (at most ``max_jobs`` of them, unless 0),
        or drops a raw queue's entries; returns how many were removed, and how many still wait."""
        check_queue(name)
        if max_jobs < 0:
            raise InvalidField("max_jobs", "must be >= 0 (0: every job)")
        if is_raw(name):
            [size] = self.queues.sizes([(name, queue_type(name))], int(time.time() * 1000))
            self.queues.drop_raw(name)
            return size.queued + size.delayed, 0
        ids = self.queues.waiting_ids(name)
        batch = ids[:max_jobs] if max_jobs else ids
        removed = (
            self.actions.act_on_ids(job_service_pb2.JOB_ACTION_CANCEL, batch, dry_run=False).changed if batch else 0
        )
        return removed, len(ids) - len(batch)

    def check_rate(self, key: str, limit: int, per_s: float) -> tuple[bool, int]:
        if not key or len(key) > MAX_RATE_KEY or not key.isprintable():
            raise InvalidField("key", f"1-{MAX_RATE_KEY} printable characters")
        if limit < 1:
            raise InvalidField("limit", "must be >= 1")
        if not per_s > 0:
            raise InvalidField("per_s", "must be > 0")
        check_seconds(per_s, "per_s")
        return self.queues.check_rate(f"call:{key}", limit, int(per_s * 1000), int(time.time() * 1000))
