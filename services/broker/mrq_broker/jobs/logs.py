"""Job logs: chunks of text shipped by workers, stored and read by exact id.

Each ShipLogs chunk becomes one stored LogChunk with id ``"<job id>-<n>"``, where ``n`` counts
the job's chunks from 1 in the Redis string ``mrq:logseq:<job id>`` (INCR). A reader gets N from
Redis and fetches chunks 1..N by exact id, the one lookup every store serves from an index.
``n`` is taken before the insert, so a reader can find ``n`` counted but its chunk not stored
yet: while the job runs, a read stops there (the chunk is on its way, and skipping it would lose
it). Once the job is final, a missing chunk is a failed insert (workers store a job's last chunks
before reporting its outcome), and readers skip it. Then the job id is published on ``mrq:logs``
to wake followers (see :class:`mrq_broker.queueing.events.Events`).

A job keeps at most ``max_bytes_per_job`` bytes of logs, whoever ships them (a worker truncates
its own, but WorkerService is open to any caller): ``mrq:logbytes:<job id>`` counts the bytes
shipped (INCRBY, so concurrent calls agree); the chunk that crosses the cap is cut there and ends
with one ``[log truncated by the broker: ...]`` line, and later chunks are dropped. ShipLogs
still succeeds, so a worker never retries them.

A job's logs outlive it by at most ``seq_ttl_s`` (the longest record TTL): each chunk carries a
``date_expires`` that far ahead, as does the chunk counter in Redis; :meth:`Store.delete_expired_log_chunks`
removes the chunks past it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import redis

from mrq_broker.queueing.keys import Keys
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import LogChunk


@dataclass
class LogPage:
    """Text from a cursor on, and the cursor after it."""

    text: str
    next_offset: int
    complete: bool


class JobLogs:
    """Appends and reads job log chunks (see the module docstring)."""

    def __init__(self, store: Store, client: redis.Redis, keys: Keys, seq_ttl_s: float, max_bytes_per_job: int) -> None:
        """``seq_ttl_s``: how long logs are kept after their last chunk (0: a year)."""
        self.store = store
        self.client = client
        self.keys = keys
        self.seq_ttl_s = seq_ttl_s if seq_ttl_s > 0 else 365 * 86400.0
        self.max_bytes_per_job = max_bytes_per_job

    def append(self, chunks: Sequence[tuple[str, str]]) -> int:
        """Stores ``(job id, text)`` chunks in order and wakes followers; returns how many."""
        chunks = self._within_cap([(job_id, text) for job_id, text in chunks if text])
        if not chunks:
            return 0
        pipe = self.client.pipeline(transaction=False)
        for job_id, _ in chunks:
            pipe.incr(self.keys.log_seq(job_id))
            pipe.expire(self.keys.log_seq(job_id), max(1, int(self.seq_ttl_s)))
        seqs = pipe.execute()[::2]
        now = datetime.now(UTC)
        expires = now + timedelta(seconds=self.seq_ttl_s)
        stored = [
            LogChunk(f"{job_id}-{n}", job_id, text, now, expires)
            for (job_id, text), n in zip(chunks, seqs, strict=True)
        ]
        self.store.insert_log_chunks(stored)
        self.client.publish(self.keys.logs_channel, " ".join({job_id for job_id, _ in chunks}))
        return len(stored)

    def _within_cap(self, chunks: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """The chunks, or the part of each, that fit under the per-job cap (see the module docstring)."""
        if not chunks:
            return []
        encoded = [text.encode() for _, text in chunks]
        pipe = self.client.pipeline(transaction=False)
        for (job_id, _), raw in zip(chunks, encoded, strict=True):
            pipe.incrby(self.keys.log_bytes(job_id), len(raw))
            pipe.expire(self.keys.log_bytes(job_id), max(1, int(self.seq_ttl_s)))
        totals = pipe.execute()[::2]
        kept = []
        for (job_id, text), raw, total in zip(chunks, encoded, totals, strict=True):
            before = total - len(raw)
            if total <= self.max_bytes_per_job:
                kept.append((job_id, text))
            elif before <= self.max_bytes_per_job:  # the first chunk past the cap: one marker, once
                head = raw[: self.max_bytes_per_job - before].decode(errors="ignore")
                if head and not head.endswith("\n"):
                    head += "\n"
                kept.append(
                    (
                        job_id,
                        f"{head}[log truncated by the broker: over {self.max_bytes_per_job} bytes "
                        "for this job; the rest is dropped]\n",
                    )
                )
        return kept

    def count(self, job_id: str) -> int:
        """How many chunks the job has been given so far."""
        raw = self.client.get(self.keys.log_seq(job_id))
        return int(raw) if raw is not None else 0

    def read(self, job_id: str, from_offset: int, max_chunks: int, final: bool) -> LogPage:
        """The text of chunks ``from_offset + 1`` on, at most ``max_chunks`` of them. ``final``:
        the job was final before this read, so a missing chunk is a gap to skip, not one to wait for."""
        total = self.count(job_id)
        start = max(0, from_offset)
        end = min(total, start + max_chunks)
        ids = [f"{job_id}-{n}" for n in range(start + 1, end + 1)]
        texts = self.store.log_texts(ids)
        if not final:
            stored = next((n for n, i in enumerate(ids) if i not in texts), len(ids))
            ids, end = ids[:stored], start + stored
        return LogPage("".join(texts.get(i, "") for i in ids), end, end >= total)
