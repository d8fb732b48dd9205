"""Submitting new jobs: the one place that owns the order of their two writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from mrq_broker.documents import Doc, queue_entry
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queues import RedisQueues
from mrq_broker.store import JobStore


def submit(store: JobStore, queues: RedisQueues, metrics: BrokerMetrics, docs: Sequence[Doc],
           run_at: datetime | None) -> list[str]:
    """Records new jobs of one task and queue in MongoDB first, then queues them in Redis: a job
    is never queued without its record. Returns their ids once both writes are done."""
    if not docs:
        return []
    store.insert(docs)
    queues.push([queue_entry(d, run_at) for d in docs])
    metrics.jobs_enqueued.labels(queue=docs[0]["queue"], task=docs[0]["task"]).inc(len(docs))
    return [str(d["_id"]) for d in docs]
