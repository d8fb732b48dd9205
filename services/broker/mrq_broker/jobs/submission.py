"""Submitting new jobs: the one place that owns the order of their writes."""

from __future__ import annotations

import time
from collections.abc import Sequence

from mrq_broker.jobs.payloads import queue_entry
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobRecord

# How long a dedupe key stays claimed by a job being recorded, before its payload exists. A
# broker that dies in between leaves the key free again after this.
DEDUPE_CLAIM_HOLD_MS = 30_000


def submit(store: Store, queues: RedisQueues, metrics: BrokerMetrics, jobs: Sequence[JobRecord]) -> list[str]:
    """Records new jobs of one task and queue in the store first, then queues them in Redis: a job
    is never queued without its record. Returns their ids once both writes are done.

    A job with a dedupe key first claims it (scripts/claim_dedupe.lua); while another job holds
    the key, that job's id is returned in its place and nothing is written for it.
    """
    if not jobs:
        return []
    ids = [j.id for j in jobs]
    keyed = [(n, j.dedupe_key) for n, j in enumerate(jobs) if j.dedupe_key]
    if keyed:
        holders = queues.claim_dedupe(
            [(key, ids[n]) for n, key in keyed], int(time.time() * 1000), DEDUPE_CLAIM_HOLD_MS
        )
        for (n, _), holder in zip(keyed, holders, strict=True):
            ids[n] = holder
        jobs = [j for j, job_id in zip(jobs, ids, strict=True) if j.id == job_id]
    if jobs:
        try:
            store.insert_jobs(jobs)
        except Exception:
            # Unclaim the keys at once, or a client retrying within the hold would be answered
            # the id of a job that was never recorded.
            queues.drop_dedupe_claims([j.id for j in jobs if j.dedupe_key])
            raise
        queues.push([queue_entry(j) for j in jobs])
        metrics.jobs_enqueued.labels(queue=jobs[0].queue, task=jobs[0].task).inc(len(jobs))
    return ids
