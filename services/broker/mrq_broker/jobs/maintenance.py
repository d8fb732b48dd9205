"""The broker's own housekeeping, run by every broker process (no scheduler needed).

Expired leases: a lease that was not renewed means its worker died or hung. The job goes back
on its queue, counted in ``requeue_count`` and noted in its history, so lost work is visible.
Brokers don't step on each other, nor on late reports: claiming a lease takes it over atomically.

Orphans: a job is recorded in the store before it is queued in Redis, so a record can outlive its
Redis entry: the broker died between the two writes, or Redis lost its last second of writes (the
append-only file is fsynced once a second). A job still pending (queued, delayed, retry) whose
payload Redis no longer holds, and whose record has not changed for a lease TTL, is queued again.

Expired records: final jobs carry ``date_expires``; the broker deletes them itself (reads already
treat them as gone), as neither SQLite nor MongoDB-compatible servers such as FerretDB have TTL
indexes.

Both of these read many records, so one broker per ``cleanup_interval_s`` runs them: the one
that takes a short Redis lock, so replicas don't all do it at once.

Queue sizes: once a minute, every broker samples them into the history (jobs/history.py).
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from datetime import UTC, datetime, timedelta

from mrq.statuses import FINAL
from mrq_broker.errors import STORE_OUTAGES
from mrq_broker.jobs.history import History
from mrq_broker.jobs.payloads import queue_entry
from mrq_broker.jobs.raw_jobs import RawJobs
from mrq_broker.metrics import LEASE_EXPIRED, ORPHANED, BrokerMetrics
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import HistoryEntry, JobChange, JobRecord

log = logging.getLogger(__name__)

CLAIM_BATCH = 1000
#: Statuses of jobs that must have an entry in Redis (on a queue, or delayed) until they run.
ORPHANABLE = frozenset({"queued", "delayed", "retry"})


class Maintenance:
    def __init__(
        self,
        store: Store,
        queues: RedisQueues,
        raw: RawJobs,
        settings: BrokerSettings,
        metrics: BrokerMetrics,
        history: History,
    ) -> None:
        self.store = store
        self.raw = raw
        self.queues = queues
        self.settings = settings
        self.metrics = metrics
        self.history = history
        self._owner = secrets.token_hex(8)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="maintenance", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join()

    def _run(self) -> None:
        next_cleanup = time.monotonic()
        while not self._stopping.wait(self.settings.maintenance_interval_s):
            try:
                while self.recover_expired_leases() == CLAIM_BATCH:
                    pass
                if time.monotonic() >= next_cleanup:
                    next_cleanup = time.monotonic() + self.settings.cleanup_interval_s
                    self.clean_up()
                self.history.sample_sizes(time.time())
            except STORE_OUTAGES as exc:
                log.warning("maintenance pass skipped, store unavailable: %s", exc)
            except Exception:
                log.exception("maintenance pass failed; will retry")

    def clean_up(self) -> None:
        """The slow, scanning pass: by one broker per ``cleanup_interval_s``, the lock's holder."""
        if not self.queues.try_lock("cleanup", self._owner, int(self.settings.cleanup_interval_s * 1000)):
            return
        self.requeue_orphans()
        self.delete_expired_jobs()

    def requeue_orphans(self) -> int:
        """Queues again the pending jobs whose Redis entry is gone; returns how many."""
        # Unchanged for a lease TTL: a job being submitted or requeued gets its Redis entry
        # milliseconds after its record, so it is never mistaken for an orphan.
        settled = datetime.now(UTC) - timedelta(seconds=self.settings.lease_ttl_s)
        pending = self.store.stale_pending_ids(ORPHANABLE, settled)
        requeued = 0
        for start in range(0, len(pending), CLAIM_BATCH):
            lost = self.queues.done_among(pending[start : start + CLAIM_BATCH])
            if not lost:
                continue
            # Read again: a job that finished after the scan lost its payload legitimately.
            docs = [d for d in self.store.get_jobs(lost).values() if d.status in ORPHANABLE]
            if docs:
                self.queues.push([queue_entry(d) for d in docs])
                log.warning(
                    "queued again %d job(s) recorded in the store but missing from Redis: %s",
                    len(docs),
                    " ".join(d.id for d in docs[:10]),
                )
                requeued += len(docs)
        self.metrics.requeued(ORPHANED, requeued)
        return requeued

    def delete_expired_jobs(self) -> int:
        """Deletes final jobs and log chunks past their ``dateexpires``."""
        now = datetime.now(UTC)
        deleted = self.store.delete_expired_jobs(now)
        chunks = self.store.delete_expired_log_chunks(now)
        if deleted or chunks:
            log.info("deleted %d expired job record(s) and %d log chunk(s)", deleted, chunks)
        return deleted

    def recover_expired_leases(self) -> int:
        """Requeues jobs whose lease expired; returns how many leases were claimed."""
        now_ms = int(time.time() * 1000)
        claim_until_ms = now_ms + int(self.settings.lease_ttl_s * 1000)
        ids = self.queues.claim_expired(now_ms, claim_until_ms, CLAIM_BATCH)
        if not ids:
            return 0
        docs = self.store.get_jobs(ids)
        # Raw jobs with no record yet go back on their raw queue (see raw_jobs.py).
        lost_raw = self.queues.raw_claims([i for i in ids if i not in docs])
        self.raw.give_back(lost_raw)
        started = [d for d in docs.values() if d.status == "started"]
        requeued = self._mark_requeued(started)
        # Jobs still pending (retry, queued...) were between a report and its Redis step:
        # finish that step. Final or vanished jobs just lose their lease.
        pending = [d for d in docs.values() if d.status not in FINAL and d.status != "started"]
        done = [i for i in ids if (i not in docs and i not in lost_raw) or (i in docs and docs[i].status in FINAL)]
        self.queues.release(done, [queue_entry(d) for d in [*requeued, *pending]])
        self.metrics.leases_expired.inc(len(ids))
        self.metrics.requeued(LEASE_EXPIRED, len(requeued) + len(lost_raw))
        if requeued or lost_raw:
            log.warning(
                "requeued %d job(s) and %d raw entries whose lease expired: %s",
                len(requeued),
                len(lost_raw),
                " ".join([*(d.id for d in requeued[:10]), *list(lost_raw)[:10]]),
            )
        return len(ids)

    def _mark_requeued(self, jobs: list[JobRecord]) -> list[JobRecord]:
        """Sets expired jobs back to queued. Their leases were claimed, so no late report interferes."""
        if not jobs:
            return []
        now = datetime.now(UTC)
        self.store.update_jobs(
            [
                JobChange(
                    j.id,
                    {"status": "queued", "date_updated": now},
                    {"requeue_count": 1},
                    HistoryEntry(
                        date=now,
                        status="interrupt",
                        exception_type="mrq.LeaseExpired",
                        error=f"lease expired on worker {j.worker_id or '?'}; job requeued",
                        worker_id=j.worker_id,
                    ),
                )
                for j in jobs
            ]
        )
        return jobs
