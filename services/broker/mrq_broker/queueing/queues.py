"""The Redis side of the broker: queues, delayed jobs, payloads and leases.

Every multi-key change that must be atomic is a Lua script in ``scripts/``; each is called
through one named method here.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, cast

import orjson
import redis
from redis.typing import EncodableT

from mrq.v1.queue_service_pb2 import (
    QUEUE_TYPE_RAW,
    QUEUE_TYPE_REGULAR,
    QUEUE_TYPE_REVERSE,
    QUEUE_TYPE_SET,
    QUEUE_TYPE_SORTED_SET,
    QUEUE_TYPE_TIMED_SET,
)
from mrq_broker.queueing.keys import Keys

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

# redis-py types every reply as `bytes | str`, as it can't know whether a client decodes them. The
# broker's client never does (no decode_responses): its replies are bytes, as the casts below say.
ACTING = "-acting"  # a user's action (cancel, requeue) on the job, see actions.py


def lease_owner(worker_id: str, lease_token: str) -> str:
    return f"{worker_id} {lease_token}"


def holding_worker(owner: str) -> str | None:
    """The worker a lease's owner names, or None while a broker holds the lease (its owner is
    then COMMITTING, RECOVERING or ACTING)."""
    return None if owner.startswith("-") else owner.rsplit(" ", 1)[0]


def queue_score(priority: int, enqueued_ms: int, newest_first: bool = False) -> float:
    """Lowest score is leased first: higher priority first, then oldest (or newest) first."""
    return float(-priority * _PRIORITY_STEP + (-enqueued_ms if newest_first else enqueued_ms))


def enqueued_ms(score: float, newest_first: bool = False) -> float:
    """The enqueue time (ms) in a queue score."""
    return (-score if newest_first else score) % _PRIORITY_STEP


@dataclass(frozen=True)
class QueueEntry:
    """A job to place on a queue (or its delayed set)."""

    job_id: str
    queue: str
    payload: bytes
    score: float
    delayed_until_ms: int | None = None


@dataclass(frozen=True)
class RawTemplate:
    """How lease_jobs.lua makes the payloads of a raw queue's jobs itself (see payloads.py):
    ``head`` + the raw queue's name + ``tail``, then the job id and its params, ``params_pre``
    + the entry + ``params_post``, as the LeasedJob's fields 1 and 3."""

    head: bytes
    tail: bytes
    params_pre: str
    params_post: str


@dataclass(frozen=True)
class LeaseQuery:
    """What one LeaseJobs call asks of lease_jobs.lua.

    ``queues`` are the worker's (name, lua type) pairs, as requested: the script expands the
    names ending in "/" and leaves out paused queues (and everything for a quieted worker);
    ``limits`` maps each limited task to TaskLimit.lua(); ``templates`` the raw queues (root
    names) whose jobs the script makes whole, payloads included.
    """

    queues: Sequence[tuple[str, str]]
    max_jobs: int
    owner: str
    worker_id: str
    parallel: bool = False
    allowed: Sequence[str] = ()
    denied: Sequence[str] = ()
    limits: dict[str, dict[str, Any]] = field(default_factory=dict)
    templates: dict[str, RawTemplate] = field(default_factory=dict)


@dataclass(frozen=True)
class RawClaim:
    """A raw queue's entry taken by a lease, until its job's outcome is committed."""

    queue: str
    score: float
    entry: str

    def encode(self) -> str:
        return f"{self.queue}\n{self.score!r}\n{self.entry}"

    @classmethod
    def decode(cls, raw: bytes) -> RawClaim:
        queue, score, entry = raw.decode().split("\n", 2)
        return cls(queue, float(score), entry)


@dataclass(frozen=True)
class QueueSize:
    """A queue's exact size at one instant (see QueueInfo)."""

    queued: int
    delayed: int
    oldest_enqueued_ms: float | None


@dataclass(frozen=True)
class LeaseBatch:
    """A lease's jobs. ``raw``: those made from raw entries, each with its claim when the broker
    must still make its payload (None when the script made it from a RawTemplate)."""

    job_ids: list[str]
    payloads: list[bytes | None]
    next_due_ms: int | None
    refused: list[str]
    raw: dict[str, RawClaim | None]


@functools.cache
def _source(name: str) -> str:
    return resources.files("mrq_broker.queueing").joinpath("scripts", f"{name}.lua").read_text()


def _script(client: redis.Redis, name: str) -> redis.commands.core.Script:
    """scripts/<name>.lua, after scripts/shared.lua (what several scripts do alike)."""
    return client.register_script(_source("shared") + _source(name))


def _queue_script(
    pipe: redis.client.Pipeline, script: redis.commands.core.Script, keys: Sequence[str], args: Sequence[EncodableT]
) -> None:
    """Queues a script in a pipeline by its source (EVAL), where ``script(client=pipe)`` would
    cost a SCRIPT EXISTS round trip per execute. Redis still compiles it once (its script cache
    is keyed by the source's SHA1), and a restarted Redis can't fail it halfway through a
    transaction with NOSCRIPT."""
    pipe.eval(cast(str, script.script), len(keys), *keys, *args)  # _script registers the .lua's text


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
        self._forget_jobs = _script(client, "forget_jobs")
        self._claim_dedupe = _script(client, "claim_dedupe")
        self._check_rate = _script(client, "check_rate")

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
        keys = [
            self.keys.schedule_ticks(schedule_id),
            self.keys.payloads,
            self.keys.queue(entry.queue),
            self.keys.known_queues,
        ]
        return bool(
            self._push_tick(
                keys=keys,
                args=[
                    tick_ms,
                    KEPT_TICKS,
                    entry.job_id,
                    entry.payload,
                    entry.score,
                    entry.queue,
                    self.keys.enqueued_channel,
                ],
            )
        )

    def forget_ticks(self, schedule_id: str) -> None:
        """Drops a deleted schedule's record of queued ticks."""
        self.client.delete(self.keys.schedule_ticks(schedule_id))

    def lease(self, query: LeaseQuery, now_ms: int, expiry_ms: int, scan_window: int) -> LeaseBatch:
        """Atomically takes and leases up to ``query.max_jobs`` jobs (see scripts/lease_jobs.lua)."""
        keys = [
            self.keys.leases,
            self.keys.lease_owners,
            self.keys.payloads,
            self.keys.raw_claims,
            self.keys.rotation(query.worker_id),
            self.keys.known_queues,
            self.keys.paused,
            self.keys.quiet_workers,
            self.keys.raw_ids,
        ]
        args: list[Any] = [
            now_ms,
            expiry_ms,
            query.max_jobs,
            query.owner,
            "parallel" if query.parallel else "sequential",
            orjson.dumps(dict.fromkeys(query.allowed, True)),
            orjson.dumps(dict.fromkeys(query.denied, True)),
            orjson.dumps(query.limits),
            self.keys.running_prefix,
            self.keys.rate_prefix,
            scan_window,
            self.keys.queue_prefix,
            self.keys.delayed_prefix,
            self.keys.raw_prefix,
            query.worker_id,
            secrets.token_hex(4),
            len(query.queues),
        ]
        for name, kind in query.queues:
            args += [kind, name]
        args.append(len(query.templates))
        for name, t in query.templates.items():
            args += [name, t.head, t.tail, t.params_pre, t.params_post]
        ids, payloads, next_due, refused, raw_ids, claims = self._lease_jobs(keys=keys, args=args)
        return LeaseBatch(
            [i.decode() for i in ids],
            [p or None for p in payloads],
            None if int(next_due) < 0 else int(next_due),
            [i.decode() for i in refused],
            {i.decode(): RawClaim.decode(c) if c else None for i, c in zip(raw_ids, claims, strict=True)},
        )

    def sizes(self, queues: Sequence[tuple[str, int]], now_ms: int) -> list[QueueSize]:
        """The sizes of queues given as (name, QueueType), in one round trip."""
        pipe = self.client.pipeline(transaction=False)
        for name, kind in queues:
            if kind in (QUEUE_TYPE_REGULAR, QUEUE_TYPE_REVERSE):
                pipe.zcard(self.keys.queue(name))
                pipe.zcard(self.keys.delayed(name))
                end = -1 if kind == QUEUE_TYPE_REVERSE else 0  # the oldest of the top priority
                pipe.zrange(self.keys.queue(name), end, end, withscores=True)
            elif kind == QUEUE_TYPE_RAW:
                pipe.llen(self.keys.raw(name))
            elif kind == QUEUE_TYPE_SET:
                pipe.scard(self.keys.raw(name))
            elif kind == QUEUE_TYPE_SORTED_SET:
                pipe.zcard(self.keys.raw(name))
            else:  # timed set: the entries due, and the others
                pipe.zcount(self.keys.raw(name), "-inf", now_ms / 1000)
                pipe.zcount(self.keys.raw(name), f"({now_ms / 1000}", "+inf")
        replies = iter(pipe.execute())
        out = []
        for _, kind in queues:
            if kind in (QUEUE_TYPE_REGULAR, QUEUE_TYPE_REVERSE):
                queued, delayed, first = next(replies), next(replies), next(replies)
                oldest = enqueued_ms(first[0][1], kind == QUEUE_TYPE_REVERSE) if first else None
                out.append(QueueSize(queued, delayed, oldest))
            elif kind == QUEUE_TYPE_TIMED_SET:
                out.append(QueueSize(next(replies), next(replies), None))
            else:
                out.append(QueueSize(next(replies), 0, None))
        return out

    def waiting_ids(self, name: str) -> list[str]:
        """The ids of every job waiting on a regular queue, queued or delayed."""
        pipe = self.client.pipeline(transaction=False)
        pipe.zrange(self.keys.queue(name), 0, -1)
        pipe.zrange(self.keys.delayed(name), 0, -1)
        return [i.decode() for ids in pipe.execute() for i in ids]

    def drop_raw(self, name: str) -> None:
        self.client.delete(self.keys.raw(name))

    def queue_names(self) -> tuple[set[str], set[str]]:
        """(every known queue, the paused ones), in one round trip."""
        pipe = self.client.pipeline(transaction=False)
        pipe.smembers(self.keys.known_queues)
        pipe.smembers(self.keys.paused)
        known, paused = pipe.execute()
        return {k.decode() for k in known}, {p.decode() for p in paused}

    def set_paused(self, name: str, paused: bool) -> list[str]:
        """Pauses or resumes one queue name; returns every paused name, sorted."""
        pipe = self.client.pipeline(transaction=True)
        (pipe.sadd if paused else pipe.srem)(self.keys.paused, name)
        pipe.smembers(self.keys.paused)
        return sorted(p.decode() for p in pipe.execute()[1])

    def store_payloads(self, payloads: dict[str, bytes]) -> None:
        """Stores the payloads of raw jobs just leased; their claims stay until their outcome."""
        if payloads:
            # redis-py's Mapping is invariant in its keys: it refuses a dict[str, bytes] it would take.
            self.client.hset(self.keys.payloads, mapping=payloads)  # type: ignore[arg-type]

    def push_raw(self, name: str, kind: str, entries: Sequence[str], scores: Sequence[float]) -> int:
        """Adds entries to a raw queue (see QueueService); returns how many were added."""
        key = self.keys.raw(name)
        pipe = self.client.pipeline(transaction=True)
        if kind == "raw":
            pipe.rpush(key, *entries)
        elif kind == "set":
            pipe.sadd(key, *entries)
        else:
            pipe.zadd(key, dict(zip(entries, scores, strict=True)))
        pipe.sadd(self.keys.known_queues, name)
        pipe.publish(self.keys.enqueued_channel, name)
        added = pipe.execute()[0]
        # RPUSH answers the list's new length; every entry was added.
        return len(entries) if kind == "raw" else int(added)

    def return_raw(self, claims: dict[str, RawClaim], kinds: dict[str, str]) -> None:
        """Puts raw entries back where a lost lease took them from (a list's at its head, as the
        oldest), and ends those leases, in one transaction."""
        pipe = self.client.pipeline(transaction=True)
        # Newest first: each LPUSH goes before the last, so a list gets its entries back in order.
        for claim in reversed(claims.values()):
            key, kind = self.keys.raw(claim.queue), kinds[claim.queue]
            if kind == "raw":
                pipe.lpush(key, claim.entry)
            elif kind == "set":
                pipe.sadd(key, claim.entry)
            else:
                pipe.zadd(key, {claim.entry: claim.score}, nx=True)
        ids = list(claims)
        pipe.zrem(self.keys.leases, *ids)
        pipe.hdel(self.keys.lease_owners, *ids)
        pipe.hdel(self.keys.payloads, *ids)
        pipe.hdel(self.keys.raw_claims, *ids)
        pipe.execute()

    def raw_claims(self, job_ids: Sequence[str]) -> dict[str, RawClaim]:
        """The raw claims among ``job_ids``."""
        found = cast(list[bytes | None], self.client.hmget(self.keys.raw_claims, list(job_ids)) if job_ids else [])
        return {i: RawClaim.decode(c) for i, c in zip(job_ids, found, strict=True) if c is not None}

    def claim_dedupe(self, pairs: Sequence[tuple[str, str]], now_ms: int, hold_ms: int) -> list[str]:
        """Claims dedupe keys for new job ids; returns, per pair, the id holding its key (the new
        id, or a pending job's). See scripts/claim_dedupe.lua."""
        if not pairs:
            return []
        held = self._claim_dedupe(
            keys=[self.keys.dedupe, self.keys.payloads, self.keys.dedupe_claims],
            args=[now_ms, hold_ms, *(x for pair in pairs for x in pair)],
        )
        return [i.decode() for i in held]

    def drop_dedupe_claims(self, job_ids: Sequence[str]) -> None:
        """Ends the dedupe claims of jobs that were not recorded: their keys are free again."""
        if job_ids:
            self.client.zrem(self.keys.dedupe_claims, *job_ids)

    def check_rate(self, key: str, limit: int, per_ms: int, now_ms: int) -> tuple[bool, int]:
        """Counts one call under a rate limit if it allows it; returns (allowed, remaining)."""
        allowed, remaining = self._check_rate(
            keys=[self.keys.rate(key)], args=[now_ms, per_ms, limit, secrets.token_hex(8)]
        )
        return bool(allowed), int(remaining)

    def renew(self, worker_id: str, job_ids: Sequence[str], expiry_ms: int) -> list[str]:
        """Extends the worker's leases; returns the ids it no longer holds."""
        if not job_ids:
            return []
        lost = self._renew_leases(
            keys=[self.keys.leases, self.keys.lease_owners], args=[expiry_ms, worker_id, COMMITTING, *job_ids]
        )
        return [i.decode() for i in lost]

    def take(self, expected_owners: dict[str, str], new_owner: str, expiry_ms: int) -> dict[str, bytes | None]:
        """Takes the leases still held by their expected owner; returns the ids taken, each with
        its payload (None if it has none)."""
        return self.take_reported(expected_owners, set(), (), new_owner, expiry_ms)[0]

    def take_reported(
        self,
        expected_owners: dict[str, str],
        successes: set[str],
        quiet_roots: Sequence[str],
        new_owner: str,
        expiry_ms: int,
    ) -> tuple[dict[str, bytes | None], dict[str, bytes]]:
        """Takes the leases still held by their expected owner, as :meth:`take`, but ends those of
        ``successes`` that store nothing: raw jobs with no record, of the raw queues (root names)
        ``quiet_roots``. Returns (the ids taken with their payloads, the ids ended with their
        payload's header line), in one round trip (scripts/take_leases.lua)."""
        if not expected_owners:
            return {}, {}
        taken, payloads, ended, headers = self._take_leases(
            keys=self._take_keys(),
            args=self._take_args(expected_owners, new_owner, expiry_ms, successes, quiet_roots),
        )
        return (
            {i.decode(): p or None for i, p in zip(taken, payloads, strict=True)},
            {i.decode(): h for i, h in zip(ended, headers, strict=True)},
        )

    def _take_keys(self) -> list[str]:
        return [self.keys.leases, self.keys.lease_owners, self.keys.payloads, self.keys.raw_claims, self.keys.dedupe]

    def _take_args(
        self,
        expected_owners: dict[str, str],
        new_owner: str,
        expiry_ms: int,
        successes: set[str] | frozenset[str] = frozenset(),
        quiet_roots: Sequence[str] = (),
    ) -> list[str | int]:
        args: list[str | int] = [expiry_ms, new_owner, self.keys.finished_channel, len(quiet_roots), *quiet_roots]
        for job_id, owner in expected_owners.items():
            args += [job_id, owner, "1" if job_id in successes else ""]
        return args

    def give_back(self, owners: dict[str, str], taker: str, expiry_ms: int) -> None:
        """Returns leases taken by ``taker`` to their previous owners (job id -> owner), in one
        round trip: take_leases.lua once per owner."""
        by_owner: dict[str, dict[str, str]] = {}
        for job_id, owner in owners.items():
            by_owner.setdefault(owner, {})[job_id] = taker
        pipe = self.client.pipeline(transaction=False)
        for owner, taken in by_owner.items():
            _queue_script(pipe, self._take_leases, self._take_keys(), self._take_args(taken, owner, expiry_ms))
        pipe.execute()

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
        found = cast(list[bytes | None], self.client.hmget(self.keys.lease_owners, list(job_ids)))
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
        return None if answer is None else bytes(cast(bytes, answer[1]))

    def drain_controls(self, worker_id: str) -> list[bytes]:
        """Pops every control message queued for the worker, oldest first."""
        pipe = self.client.pipeline(transaction=True)
        pipe.lrange(self.keys.controls(worker_id), 0, -1)
        pipe.delete(self.keys.controls(worker_id))
        items, _ = pipe.execute()
        return list(items)

    def claim_expired(self, now_ms: int, claim_until_ms: int, limit: int) -> list[str]:
        """Claims expired leases for recovery (see scripts/claim_expired.lua)."""
        ids = self._claim_expired(
            keys=[self.keys.leases, self.keys.lease_owners], args=[now_ms, claim_until_ms, limit, RECOVERING]
        )
        return [i.decode() for i in ids]

    def release(
        self,
        done: Sequence[str],
        requeue: Sequence[QueueEntry] = (),
        finished: Sequence[str] = (),
        counted: Sequence[tuple[str, str, str]] = (),
    ) -> list[str]:
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
        if done:  # before the leases go: forget_jobs reads their payloads
            _queue_script(pipe, self._forget_jobs, [self.keys.payloads, self.keys.dedupe, self.keys.raw_claims], done)
        pipe.zrem(self.keys.leases, *ids)
        pipe.hdel(self.keys.lease_owners, *ids)
        if requeue:
            pipe.hdel(self.keys.raw_claims, *(e.job_id for e in requeue))
            self._add_entries(pipe, requeue)
        if finished:
            pipe.publish(self.keys.finished_channel, " ".join(finished))
        if counted:
            keys = [
                key
                for _, taskset, _ in counted
                for key in (self.keys.taskset(taskset), self.keys.taskset_counted(taskset))
            ]
            _queue_script(pipe, self._count_final, keys, [x for c in counted for x in c])
        results = pipe.execute()
        return [i.decode() for i in results[-1]] if counted else []

    def create_taskset(self, taskset_id: str, total: int) -> None:
        """Starts a taskset's counts; done before its members are queued, so none is missed."""
        self.client.hset(self.keys.taskset(taskset_id), mapping={"total": total, "final": 0})

    def set_taskset_callback(self, taskset_id: str, job_id: str) -> None:
        self.client.hset(self.keys.taskset(taskset_id), "callback", job_id)

    def taskset_counts(self, taskset_ids: Sequence[str]) -> list[dict[str, str]]:
        """Each taskset's hash (total, final, per-status counts, callback), empty if unknown; in
        one round trip."""
        pipe = self.client.pipeline(transaction=False)
        for taskset_id in taskset_ids:
            pipe.hgetall(self.keys.taskset(taskset_id))
        return [{k.decode(): v.decode() for k, v in raw.items()} for raw in pipe.execute()]

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

    def set_quiet(self, worker_id: str, quiet: bool) -> None:
        if quiet:
            self.client.sadd(self.keys.quiet_workers, worker_id)
        else:
            self.client.srem(self.keys.quiet_workers, worker_id)

    def quiet_workers(self) -> set[str]:
        return {i.decode() for i in cast(set[bytes], self.client.smembers(self.keys.quiet_workers))}
