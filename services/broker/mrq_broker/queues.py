"""The Redis side of the broker: queues, delayed jobs, payloads and leases.

Every multi-key change that must be atomic is a Lua script in ``scripts/``; each is called
through one named method here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import redis

from mrq_broker.keys import Keys

# Queue scores: higher priority first, then FIFO by enqueue time in ms. 2**42 ms is ~140 years,
# and |priority| <= 1000 keeps every score below 2**53, exactly representable as a double.
_PRIORITY_STEP = 2**42

# Queued ticks remembered per schedule (see scripts/push_tick.lua). A tick is fired again only
# while the schedule's last tick in MongoDB is older, and that moves on with every tick fired.
KEPT_TICKS = 100


# Lease owners, the state of a lease: "<worker id> <token>" while a worker holds it, then one of
# these while the broker writes the job's next status (see scripts/take_leases.lua).
COMMITTING = "-committing"
RECOVERING = "-recovering"
ACTING = "-acting"  # a user's action (cancel, requeue) on the job, see actions.py


def lease_owner(worker_id: str, lease_token: str) -> str:
    return f"{worker_id} {lease_token}"


def queue_score(priority: int, enqueued_ms: int) -> float:
    return float(-priority * _PRIORITY_STEP + enqueued_ms)


@dataclass(frozen=True)
class QueueEntry:
    """A job to place on a queue (or its delayed set)."""

    job_id: str
    queue: str
    payload: bytes
    score: float
    delayed_until_ms: int | None = None


@dataclass(frozen=True)
class LeaseBatch:
    job_ids: list[str]
    payloads: list[bytes | None]
    next_due_ms: int | None


def _script(client: redis.Redis, name: str) -> redis.commands.core.Script:
    source = resources.files("mrq_broker").joinpath("scripts", f"{name}.lua").read_text()
    return client.register_script(source)


class RedisQueues:
    """Typed operations on the broker's Redis keys."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._lease_jobs = _script(client, "lease_jobs")
        self._renew_leases = _script(client, "renew_leases")
        self._claim_expired = _script(client, "claim_expired")
        self._take_leases = _script(client, "take_leases")
        self._take_pending = _script(client, "take_pending")
        self._count_final = _script(client, "count_final")
        self._push_tick = _script(client, "push_tick")

    def push(self, entries: Sequence[QueueEntry]) -> None:
        """Stores payloads and queues the jobs in one round trip, then wakes idle lease calls."""
        pipe = self.client.pipeline(transaction=False)
        self._add_entries(pipe, entries)
        pipe.execute()

    def _add_entries(self, pipe: redis.client.Pipeline, entries: Sequence[QueueEntry]) -> None:
        pipe.hset(self.keys.payloads, mapping={e.job_id: e.payload for e in entries})
        by_key: dict[str, dict[str, float]] = {}
        for e in entries:
            if e.delayed_until_ms is None:
                by_key.setdefault(self.keys.queue(e.queue), {})[e.job_id] = e.score
            else:
                by_key.setdefault(self.keys.delayed(e.queue), {})[e.job_id] = e.delayed_until_ms
        for key, members in by_key.items():
            pipe.zadd(key, members)
        queues = sorted({e.queue for e in entries})
        pipe.sadd(self.keys.known_queues, *queues)
        pipe.publish(self.keys.enqueued_channel, " ".join(queues))

    def push_tick(self, entry: QueueEntry, schedule_id: str, tick_ms: int) -> bool:
        """Queues a schedule's job for one tick unless that tick was queued before; True if queued."""
        keys = [self.keys.schedule_ticks(schedule_id), self.keys.payloads, self.keys.queue(entry.queue),
                self.keys.known_queues]
        return bool(self._push_tick(keys=keys, args=[tick_ms, KEPT_TICKS, entry.job_id, entry.payload,
                                                    entry.score, entry.queue, self.keys.enqueued_channel]))

    def forget_ticks(self, schedule_id: str) -> None:
        """Drops a deleted schedule's record of queued ticks."""
        self.client.delete(self.keys.schedule_ticks(schedule_id))

    def lease(self, queues: Sequence[str], max_jobs: int, now_ms: int, expiry_ms: int,
              owner: str) -> LeaseBatch:
        """Atomically pops up to ``max_jobs`` jobs and leases them to ``owner`` (see lease_owner)."""
        keys = [self.keys.leases, self.keys.lease_owners, self.keys.payloads]
        for name in queues:
            keys += [self.keys.queue(name), self.keys.delayed(name)]
        ids, payloads, next_due = self._lease_jobs(keys=keys, args=[now_ms, expiry_ms, max_jobs, owner])
        return LeaseBatch([i.decode() for i in ids], list(payloads),
                          None if int(next_due) < 0 else int(next_due))

    def renew(self, worker_id: str, job_ids: Sequence[str], expiry_ms: int) -> list[str]:
        """Extends the worker's leases; returns the ids it no longer holds."""
        if not job_ids:
            return []
        lost = self._renew_leases(keys=[self.keys.leases, self.keys.lease_owners],
                                  args=[expiry_ms, worker_id, *job_ids])
        return [i.decode() for i in lost]

    def take(self, expected_owners: dict[str, str], new_owner: str, expiry_ms: int) -> set[str]:
        """Takes the leases still held by their expected owner; returns the ids taken."""
        if not expected_owners:
            return set()
        args: list[str | int] = [expiry_ms, new_owner]
        for job_id, owner in expected_owners.items():
            args += [job_id, owner]
        taken = self._take_leases(keys=[self.keys.leases, self.keys.lease_owners], args=args)
        return {i.decode() for i in taken}

    def take_pending(self, jobs: Sequence[tuple[str, str, bool]], new_owner: str, expiry_ms: int) -> set[str]:
        """Takes jobs no worker runs, given as (job id, queue, record was final); returns the ids
        taken. See scripts/take_pending.lua."""
        if not jobs:
            return set()
        keys = [self.keys.leases, self.keys.lease_owners, self.keys.payloads]
        args: list[str | int] = [expiry_ms, new_owner]
        for job_id, queue, final in jobs:
            keys += [self.keys.queue(queue), self.keys.delayed(queue)]
            args += [job_id, "1" if final else "0"]
        taken = self._take_pending(keys=keys, args=args)
        return {i.decode() for i in taken}

    def owners(self, job_ids: Sequence[str]) -> dict[str, str]:
        """The current lease owner of each leased job among ``job_ids``."""
        if not job_ids:
            return {}
        found = self.client.hmget(self.keys.lease_owners, list(job_ids))
        return {i: o.decode() for i, o in zip(job_ids, found, strict=True) if o is not None}

    def push_controls(self, messages: dict[str, list[bytes]], ttl_s: float) -> None:
        """Queues control messages per worker id, for their next heartbeats. A list that no
        heartbeat drains (its worker died) expires after ``ttl_s``."""
        if not messages:
            return
        pipe = self.client.pipeline(transaction=False)
        for worker_id, items in messages.items():
            pipe.rpush(self.keys.controls(worker_id), *items)
            pipe.expire(self.keys.controls(worker_id), max(1, int(ttl_s)))
        pipe.execute()

    def put_inspections(self, inspections: dict[str, bytes], ttl_s: float) -> None:
        """Hands workers' answers to the InspectJob calls waiting for them."""
        pipe = self.client.pipeline(transaction=False)
        for job_id, raw in inspections.items():
            pipe.rpush(self.keys.inspection(job_id), raw)
            pipe.expire(self.keys.inspection(job_id), max(1, int(ttl_s)))
        pipe.execute()

    def clear_inspection(self, job_id: str) -> None:
        self.client.delete(self.keys.inspection(job_id))

    def wait_inspection(self, job_id: str, timeout_s: float) -> bytes | None:
        """Blocks until a worker answers about the job, or ``timeout_s`` passes."""
        answer = self.client.blpop([self.keys.inspection(job_id)], timeout=timeout_s)
        return None if answer is None else bytes(answer[1])

    def drain_controls(self, worker_id: str) -> list[bytes]:
        """Pops every control message queued for the worker, oldest first."""
        pipe = self.client.pipeline(transaction=True)
        pipe.lrange(self.keys.controls(worker_id), 0, -1)
        pipe.delete(self.keys.controls(worker_id))
        items, _ = pipe.execute()
        return list(items)

    def claim_expired(self, now_ms: int, claim_until_ms: int, limit: int) -> list[str]:
        """Claims expired leases for recovery (see scripts/claim_expired.lua)."""
        ids = self._claim_expired(keys=[self.keys.leases, self.keys.lease_owners],
                                  args=[now_ms, claim_until_ms, limit, RECOVERING])
        return [i.decode() for i in ids]

    def release(self, done: Sequence[str], requeue: Sequence[QueueEntry] = (),
                finished: Sequence[str] = (), counted: Sequence[tuple[str, str, str]] = ()) -> list[str]:
        """Ends leases: ``done`` jobs lose their payload, ``requeue`` jobs go back on a queue.

        One MULTI/EXEC, so a requeued job can't be leased again before its old lease is gone
        (which would then drop the new lease). ``finished`` ids are announced to waiters.
        ``counted`` (job id, taskset id, final status) are counted in their tasksets in the same
        transaction (scripts/count_final.lua); returns the tasksets this made complete.
        """
        ids = [*done, *(e.job_id for e in requeue)]
        if not ids:
            return []
        pipe = self.client.pipeline(transaction=True)
        pipe.zrem(self.keys.leases, *ids)
        pipe.hdel(self.keys.lease_owners, *ids)
        if done:
            pipe.hdel(self.keys.payloads, *done)
        if requeue:
            self._add_entries(pipe, requeue)
        if finished:
            pipe.publish(self.keys.finished_channel, " ".join(finished))
        if counted:
            keys = [key for _, taskset, _ in counted
                    for key in (self.keys.taskset(taskset), self.keys.taskset_counted(taskset))]
            self._count_final(keys=keys, args=[x for c in counted for x in c], client=pipe)
        results = pipe.execute()
        return [i.decode() for i in results[-1]] if counted else []

    def create_taskset(self, taskset_id: str, total: int) -> None:
        """Starts a taskset's counts; done before its members are queued, so none is missed."""
        self.client.hset(self.keys.taskset(taskset_id), mapping={"total": total, "final": 0})

    def set_taskset_callback(self, taskset_id: str, job_id: str) -> None:
        self.client.hset(self.keys.taskset(taskset_id), "callback", job_id)

    def taskset_counts(self, taskset_id: str) -> dict[str, str]:
        """A taskset's hash (total, final, per-status counts, callback); empty if unknown."""
        raw = self.client.hgetall(self.keys.taskset(taskset_id))
        return {k.decode(): v.decode() for k, v in raw.items()}

    def payloads(self, job_ids: Sequence[str]) -> list[bytes | None]:
        return list(self.client.hmget(self.keys.payloads, list(job_ids))) if job_ids else []

    def done_among(self, job_ids: Sequence[str]) -> list[str]:
        """The ids with no payload: final jobs (or unknown ones). Pending jobs always have one."""
        present = self.client.hmget(self.keys.payloads, list(job_ids)) if job_ids else []
        return [i for i, p in zip(job_ids, present, strict=True) if p is None]

    def try_lock(self, name: str, owner: str, ttl_ms: int) -> bool:
        """Takes the named lock for ``ttl_ms`` unless another owner holds it. It is never released
        early: it spaces out work that any broker may do (see Maintenance)."""
        return bool(self.client.set(self.keys.lock(name), owner, nx=True, px=ttl_ms))

    def record_worker(self, worker_id: str, now_ms: int) -> None:
        self.client.zadd(self.keys.workers, {worker_id: now_ms})
