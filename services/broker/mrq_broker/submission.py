"""Submitting new jobs: the one place that owns the order of their writes."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime

from mrq_broker.documents import Doc, queue_entry
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queues import RedisQueues
from mrq_broker.store import JobStore

# How long a dedupe key stays claimed by a job being recorded, before its payload exists. A
# broker that dies in between leaves the key free again after this.
DEDUPE_CLAIM_HOLD_MS = 30_000


def submit(store: JobStore, queues: RedisQueues, metrics: BrokerMetrics, docs: Sequence[Doc],
           run_at: datetime | None) -> list[str]:
    """Records new jobs of one task and queue in MongoDB first, then queues them in Redis: a job
    is never queued without its record. Returns their ids once both writes are done.

    A job with a dedupe key first claims it (scripts/claim_dedupe.lua); while another job holds
    the key, that job's id is returned in its place and nothing is written for it.
    """
    if not docs:
        return []
    ids = [str(d["_id"]) for d in docs]
    keyed = [(n, d["dedupe_key"]) for n, d in enumerate(docs) if d.get("dedupe_key")]
    if keyed:
        holders = queues.claim_dedupe([(key, ids[n]) for n, key in keyed], int(time.time() * 1000),
                                      DEDUPE_CLAIM_HOLD_MS)
        for (n, _), holder in zip(keyed, holders, strict=True):
            ids[n] = holder
        docs = [d for d, job_id in zip(docs, ids, strict=True) if str(d["_id"]) == job_id]
    if docs:
        try:
            store.insert(docs)
        except Exception:
            # Unclaim the keys at once, or a client retrying within the hold would be answered
            # the id of a job that was never recorded.
            queues.drop_dedupe_claims([str(d["_id"]) for d in docs if d.get("dedupe_key")])
            raise
        queues.push([queue_entry(d, run_at) for d in docs])
        metrics.jobs_enqueued.labels(queue=docs[0]["queue"], task=docs[0]["task"]).inc(len(docs))
    return ids
