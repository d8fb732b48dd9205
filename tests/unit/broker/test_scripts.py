"""The Lua scripts (queueing/scripts/*.lua), each behaviour through the RedisQueues method that
calls it, against the suite's throwaway Redis."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from job_factory import NOW, TASK, job

from mrq.v1.job_pb2 import JobOptions
from mrq.v1.queue_service_pb2 import QUEUE_TYPE_REGULAR
from mrq_broker.jobs.payloads import (
    StartedBy,
    header_of,
    leased_job,
    new_jobs,
    parse_header,
    payload,
    queue_entry,
    raw_template,
    result_ttl_s,
    taskset_of,
)
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.queueing.queues import (
    ACTING,
    COMMITTING,
    KEPT_TICKS,
    RECOVERING,
    LeaseBatch,
    LeaseQuery,
    RedisQueues,
    lease_owner,
)
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import JobRecord, to_ms

T0 = to_ms(NOW)
LEASE_MS = 30_000
OWNER = lease_owner("w1", "token1")


def jobs(n: int, **fields: object) -> list[JobRecord]:
    """``n`` jobs enqueued one millisecond apart, oldest first."""
    return [job(date_enqueued=NOW + timedelta(milliseconds=i), **fields) for i in range(n)]  # type: ignore[arg-type]


def push(queues: RedisQueues, *records: JobRecord) -> list[str]:
    queues.push([queue_entry(r) for r in records])
    return [r.id for r in records]


def lease(
    queues: RedisQueues,
    names: list[str] | None = None,
    max_jobs: int = 10,
    now_ms: int = T0,
    worker_id: str = "w1",
    **query: object,
) -> LeaseBatch:
    kinds = [(name, "regular") for name in names or ["default"]]
    owner = lease_owner(worker_id, "token1")
    request = LeaseQuery(queues=kinds, max_jobs=max_jobs, owner=owner, worker_id=worker_id, **query)  # type: ignore[arg-type]
    return queues.lease(request, now_ms, now_ms + LEASE_MS, scan_window=50)


# lease_jobs.lua


def test_a_lease_takes_the_highest_priority_first_then_the_oldest(queues: RedisQueues) -> None:
    old, new = jobs(2)
    urgent = job(priority=5, date_enqueued=NOW + timedelta(seconds=1))
    push(queues, new, old, urgent)
    batch = lease(queues, max_jobs=2)
    assert batch.job_ids == [urgent.id, old.id]
    assert [leased_job(p).job_id for p in batch.payloads if p] == batch.job_ids
    assert queues.owners([urgent.id, old.id, new.id]) == {urgent.id: OWNER, old.id: OWNER}
    assert lease(queues).job_ids == [new.id]
    assert lease(queues).job_ids == []


def test_a_reverse_queue_gives_the_newest_first(queues: RedisQueues) -> None:
    old, new = jobs(2, queue="feed_reverse")
    push(queues, old, new)
    assert lease(queues, ["feed_reverse"]).job_ids == [new.id, old.id]


def test_a_delayed_job_waits_until_due_then_comes_before_the_queued_ones(queues: RedisQueues) -> None:
    delayed = job(eta=NOW + timedelta(seconds=10))
    [queued] = jobs(1)
    push(queues, delayed, queued)
    early = lease(queues, max_jobs=1)
    assert (early.job_ids, early.next_due_ms) == ([queued.id], T0 + 10_000)
    push(queues, *jobs(1))
    assert lease(queues, max_jobs=1, now_ms=T0 + 10_000).job_ids == [delayed.id]


def test_sequential_drains_queues_in_order_and_parallel_takes_from_each_in_turn(queues: RedisQueues) -> None:
    a, b = jobs(3, queue="a"), jobs(3, queue="b")
    push(queues, *a, *b)
    assert lease(queues, ["a", "b"], max_jobs=2).job_ids == [a[0].id, a[1].id]
    taken = lease(queues, ["a", "b"], max_jobs=3, parallel=True).job_ids
    assert sorted(taken) == sorted([a[2].id, b[0].id, b[1].id])
    assert {taken[0], taken[1]} == {a[2].id, b[0].id}, "one from each queue before a second from either"


def test_a_name_ending_in_slash_takes_its_subqueues_but_not_itself(queues: RedisQueues) -> None:
    sub, deeper, parent, sibling = (job(queue=q) for q in ("main/a", "main/a/b", "main", "mainly"))
    push(queues, sub, deeper, parent, sibling)
    assert sorted(lease(queues, ["main/"]).job_ids) == sorted([sub.id, deeper.id])


def test_a_paused_queue_and_its_subqueues_give_nothing_until_resumed(queues: RedisQueues) -> None:
    ids = push(queues, job(queue="p"), job(queue="p/x"), job(queue="px"))
    assert queues.set_paused("p", True) == ["p"]
    assert lease(queues, ["p", "p/x", "px"]).job_ids == [ids[2]]
    queues.set_paused("p", False)
    assert lease(queues, ["p", "p/x"]).job_ids == ids[:2]


def test_a_quieted_worker_gets_nothing(queues: RedisQueues) -> None:
    push(queues, job())
    queues.set_quiet("w1", True)
    assert lease(queues).job_ids == []
    queues.set_quiet("w1", False)
    assert len(lease(queues).job_ids) == 1


def test_tasks_filtered_out_are_skipped_and_keep_their_place(queues: RedisQueues) -> None:
    other, mine = job(task="tasks.other"), job(task="tasks.mine", date_enqueued=NOW + timedelta(seconds=1))
    push(queues, other, mine)
    assert lease(queues, allowed=["tasks.mine"]).job_ids == [mine.id]
    assert lease(queues, denied=["tasks.other"]).job_ids == []
    assert lease(queues).job_ids == [other.id]


def test_a_filtered_lease_looks_at_no_more_than_the_scan_window_per_queue(queues: RedisQueues) -> None:
    others = jobs(2, task="tasks.other")
    mine = job(date_enqueued=NOW + timedelta(seconds=1))
    push(queues, *others, mine)
    query = LeaseQuery(queues=[("default", "regular")], max_jobs=1, owner=OWNER, worker_id="w1", denied=["tasks.other"])
    assert queues.lease(query, T0, T0 + LEASE_MS, scan_window=2).job_ids == []
    assert queues.lease(query, T0, T0 + LEASE_MS, scan_window=3).job_ids == [mine.id]


def test_a_concurrency_limit_holds_back_jobs_while_its_slots_are_leased(queues: RedisQueues) -> None:
    first, second = jobs(2)
    push(queues, first, second)
    limits = {"tasks.add": {"concurrency": 1, "fail": False}}
    assert lease(queues, limits=limits).job_ids == [first.id]
    assert lease(queues, limits=limits).job_ids == []
    queues.release([first.id])
    assert lease(queues, limits=limits).job_ids == [second.id]


def test_a_concurrency_limit_with_on_limit_fail_refuses_the_job_under_a_lease(queues: RedisQueues) -> None:
    first, second = jobs(2)
    push(queues, first, second)
    limits = {"tasks.add": {"concurrency": 1, "fail": True}}
    batch = lease(queues, limits=limits)
    assert (batch.job_ids, batch.refused) == ([first.id], [second.id])
    assert queues.owners([second.id]) == {second.id: OWNER}, "held for the broker to end it"


def test_limits_count_per_limit_key_when_the_job_has_one(queues: RedisQueues) -> None:
    a1, b1, a2 = (
        job(limit_key=f"tasks.add:{k}", date_enqueued=NOW + timedelta(milliseconds=i)) for i, k in enumerate("aba")
    )
    push(queues, a1, b1, a2)
    assert lease(queues, limits={"tasks.add": {"concurrency": 1}}).job_ids == [a1.id, b1.id]


def test_a_rate_limit_lets_n_jobs_start_per_window_and_says_when_the_next_may(queues: RedisQueues) -> None:
    push(queues, *jobs(3))
    limits = {"tasks.add": {"rate": 2, "per_ms": 1000}}
    assert len(lease(queues, limits=limits).job_ids) == 2
    held = lease(queues, limits=limits, now_ms=T0 + 500)
    assert (held.job_ids, held.next_due_ms) == ([], T0 + 1000)
    assert len(lease(queues, limits=limits, now_ms=T0 + 1000).job_ids) == 1


def test_raw_queue_entries_become_claimed_jobs_with_fresh_ids(queues: RedisQueues) -> None:
    assert queues.push_raw("events_raw", "raw", ['{"n":1}', '{"n":2}'], []) == 2
    batch = queues.lease(
        LeaseQuery(queues=[("events_raw", "raw")], max_jobs=5, owner=OWNER, worker_id="w1"), T0, T0 + LEASE_MS, 50
    )
    assert len(batch.job_ids) == 2 and len(set(batch.job_ids)) == 2
    assert all(len(i) == 24 and int(i, 16) >= 0 for i in batch.job_ids)
    assert batch.payloads == [None, None]
    assert [batch.raw[i].entry for i in batch.job_ids] == ['{"n":1}', '{"n":2}']
    assert queues.raw_claims(batch.job_ids) == batch.raw
    queues.return_raw(batch.raw, {"events_raw": "raw"})
    again = queues.lease(
        LeaseQuery(queues=[("events_raw", "raw")], max_jobs=5, owner=OWNER, worker_id="w1"), T0, T0 + LEASE_MS, 50
    )
    assert [again.raw[i].entry for i in again.job_ids] == ['{"n":1}', '{"n":2}'], "given back, in order"
    assert not set(again.job_ids) & set(batch.job_ids), "as new jobs"


def test_a_raw_queue_with_a_template_gets_its_jobs_payloads_made_by_the_lease(queues: RedisQueues) -> None:
    options = resolve_options(TASK, JobOptions(queue="events_retry"), BrokerSettings(), NOW)
    long_entry = '{"text":"' + "x" * 300 + '"}'  # a params length over 127: a 2-byte varint
    queues.push_raw("events_raw/eu", "raw", ['{"n":1}', long_entry], [])
    query = LeaseQuery(
        queues=[("events_raw/eu", "raw")],
        max_jobs=5,
        owner=OWNER,
        worker_id="w1",
        templates={"events_raw": raw_template(TASK, options, "event", NOW)},
    )
    batch = queues.lease(query, T0, T0 + LEASE_MS, 50)
    assert batch.raw == dict.fromkeys(batch.job_ids), "no claim left for the broker to make"
    expected = new_jobs(
        TASK,
        ['{"event":{"n":1}}', '{"event":' + long_entry + "}"],
        options,
        NOW,
        started=StartedBy(batch.job_ids, "events_raw/eu", "w1"),
    )
    for made, record in zip(batch.payloads, expected, strict=True):
        assert made is not None
        wanted = payload(record, unstored=True)
        assert (header_of(made), leased_job(made)) == (header_of(wanted), leased_job(wanted))
        assert (result_ttl_s(made), taskset_of(made)) == (result_ttl_s(wanted), taskset_of(wanted))
    assert queues.done_among(batch.job_ids) == [], "their payloads are stored"


def test_a_sorted_set_gives_its_lowest_scores_first_and_a_set_each_entry_once(queues: RedisQueues) -> None:
    queues.push_raw("jobs_sorted_set", "sorted_set", ["late", "early"], [2.0, 1.0])
    queues.push_raw("jobs_set", "set", ["a", "a", "b"], [])

    def take(name: str, kind: str) -> list[tuple[str, float]]:
        batch = queues.lease(LeaseQuery(queues=[(name, kind)], max_jobs=5, owner=OWNER, worker_id="w1"), T0, T0, 50)
        return [(batch.raw[i].entry, batch.raw[i].score) for i in batch.job_ids]

    assert take("jobs_sorted_set", "sorted_set") == [("early", 1.0), ("late", 2.0)], "scores kept for a give-back"
    assert sorted(entry for entry, _ in take("jobs_set", "set")) == ["a", "b"]


def test_a_timed_set_gives_due_entries_and_with_a_pushback_keeps_them_for_later(queues: RedisQueues) -> None:
    queues.push_raw("ticks_timed_set", "timed_set", ["due", "later"], [T0 / 1000, T0 / 1000 + 60])

    def take(now_ms: int) -> LeaseBatch:
        query = LeaseQuery(queues=[("ticks_timed_set", "timed_set:5000")], max_jobs=5, owner=OWNER, worker_id="w1")
        return queues.lease(query, now_ms, now_ms + LEASE_MS, 50)

    first = take(T0)
    assert ([c.entry for c in first.raw.values()], first.next_due_ms) == (["due"], T0 + 5000)
    assert take(T0 + 1000).job_ids == []
    assert [c.entry for c in take(T0 + 5000).raw.values()] == ["due"]


# renew_leases.lua, take_leases.lua, claim_expired.lua


def test_renewing_keeps_a_workers_leases_and_names_those_it_lost(queues: RedisQueues) -> None:
    mine, taken, committing = (r.id for r in jobs(3))
    push(queues, *(job(id=i) for i in (mine, taken, committing)))
    lease(queues)
    queues.take({taken: OWNER}, ACTING, T0 + 2 * LEASE_MS)  # cancelled by a user
    queues.take({committing: OWNER}, COMMITTING, T0 + 2 * LEASE_MS)  # its outcome being written
    assert queues.renew("w1", [mine, taken, committing, "0" * 24], T0 + 2 * LEASE_MS) == [taken, "0" * 24]
    assert queues.claim_expired(T0 + LEASE_MS, T0 + 3 * LEASE_MS, 10) == [], "the renewed lease did not expire"
    assert queues.owners([mine]) == {mine: OWNER}


def test_a_lease_is_taken_only_from_its_expected_owner_with_its_payload(queues: RedisQueues) -> None:
    record = job()
    push(queues, record)
    lease(queues)
    assert queues.take({record.id: lease_owner("w1", "stale")}, COMMITTING, T0) == {}
    taken = queues.take({record.id: OWNER}, COMMITTING, T0)
    assert list(taken) == [record.id] and header_of(taken[record.id] or b"").task == record.task
    assert queues.take({record.id: OWNER}, COMMITTING, T0) == {}, "taken once"
    queues.give_back({record.id: OWNER}, COMMITTING, T0 + LEASE_MS)
    assert queues.owners([record.id]) == {record.id: OWNER}


def test_a_reported_success_that_stores_nothing_ends_in_the_take_and_the_others_are_taken(
    queues: RedisQueues,
) -> None:
    quiet, failed, stored_elsewhere, regular, stale = jobs(5)
    quiet = replace(quiet, raw_queue="events_raw/eu", dedupe_key="k")
    failed = replace(failed, raw_queue="events_raw")
    stored_elsewhere = replace(stored_elsewhere, raw_queue="audit_raw")
    stale = replace(stale, raw_queue="events_raw")
    queues.claim_dedupe([("k", quiet.id)], T0, 1)
    records = (quiet, failed, stored_elsewhere, regular, stale)
    queues.push([replace(queue_entry(r), payload=payload(r, unstored=bool(r.raw_queue))) for r in records])
    lease(queues)
    reported = {r.id: OWNER for r in records} | {stale.id: lease_owner("w1", "old")}
    successes = {quiet.id, stored_elsewhere.id, regular.id, stale.id}

    taken, ended = queues.take_reported(reported, successes, ["events_raw"], COMMITTING, T0 + LEASE_MS)

    assert list(ended) == [quiet.id] and parse_header(ended[quiet.id]).raw_queue == "events_raw/eu"
    assert set(taken) == {failed.id, stored_elsewhere.id, regular.id}, "not a success, stored, not raw"
    assert queues.done_among([r.id for r in records]) == [quiet.id]
    assert queues.owners([r.id for r in records]) == dict.fromkeys(taken, COMMITTING) | {stale.id: OWNER}
    assert queues.claim_dedupe([("k", "f" * 24)], T0 + 10, 1) == ["f" * 24], "its dedupe key is free"


# shared.lua, through lease_jobs.lua, take_leases.lua and forget_jobs.lua


def test_batches_past_one_redis_command_are_leased_taken_and_forgotten_whole(queues: RedisQueues) -> None:
    # More jobs than one command takes arguments (scripts/shared.lua: 1,000), regular and raw
    records = jobs(1_200)
    push(queues, *records)
    options = resolve_options(TASK, JobOptions(queue="events_retry"), BrokerSettings(), NOW)
    queues.push_raw("events_raw", "raw", [f'{{"n":{i}}}' for i in range(1_200)], [])

    regular = lease(queues, max_jobs=1_200)
    raw = queues.lease(
        LeaseQuery(
            queues=[("events_raw", "raw")],
            max_jobs=1_200,
            owner=OWNER,
            worker_id="w1",
            templates={"events_raw": raw_template(TASK, options, "event", NOW)},
        ),
        T0,
        T0 + LEASE_MS,
        50,
    )
    assert regular.job_ids == [r.id for r in records] and all(regular.payloads)
    assert len(raw.job_ids) == 1_200 and all(raw.payloads)
    every = [*regular.job_ids, *raw.job_ids]
    assert queues.owners(every) == dict.fromkeys(every, OWNER)

    taken, ended = queues.take_reported(
        dict.fromkeys(every, OWNER), set(every), ["events_raw"], COMMITTING, T0 + LEASE_MS
    )
    assert list(taken) == regular.job_ids and all(taken.values())
    assert sorted(ended) == sorted(raw.job_ids)
    assert queues.owners(every) == dict.fromkeys(regular.job_ids, COMMITTING)
    queues.release(regular.job_ids)
    assert queues.owners(every) == {}
    assert sorted(queues.done_among(every)) == sorted(every), "no payload left"


def test_expired_leases_are_claimed_for_recovery_once_and_a_limited_number_at_a_time(queues: RedisQueues) -> None:
    ids = push(queues, *jobs(3))
    lease(queues)
    assert queues.claim_expired(T0 + LEASE_MS - 1, T0 + 2 * LEASE_MS, 10) == []
    claimed = queues.claim_expired(T0 + LEASE_MS, T0 + 2 * LEASE_MS, 2)
    assert claimed == ids[:2]
    assert queues.owners(ids) == {ids[0]: RECOVERING, ids[1]: RECOVERING, ids[2]: OWNER}
    assert queues.claim_expired(T0 + LEASE_MS, T0 + 2 * LEASE_MS, 10) == [ids[2]]
    assert queues.renew("w1", ids, T0 + 3 * LEASE_MS) == ids, "the worker lost them all"


# take_pending.lua


def test_a_pending_job_is_taken_off_its_queue_or_delayed_set_for_an_action(queues: RedisQueues) -> None:
    queued, delayed = job(), job(eta=NOW + timedelta(hours=1))
    push(queues, queued, delayed)
    taken = queues.take_pending([(queued.id, "default", False), (delayed.id, "default", False)], ACTING, T0)
    assert taken == {queued.id, delayed.id}
    assert queues.waiting_ids("default") == []
    assert queues.owners([queued.id, delayed.id]) == {queued.id: ACTING, delayed.id: ACTING}


def test_a_leased_job_is_not_taken_as_pending_and_a_final_one_only_with_no_payload(queues: RedisQueues) -> None:
    leased, final = job(), job()
    push(queues, leased)
    lease(queues)
    assert queues.take_pending([(leased.id, "default", False), (leased.id, "default", True)], ACTING, T0) == set()
    assert queues.take_pending([(final.id, "default", True)], ACTING, T0) == {final.id}
    assert queues.take_pending([(final.id, "default", True)], ACTING, T0) == set(), "taken by one action only"


# release (forget_jobs.lua, count_final.lua)


def test_releasing_done_jobs_drops_their_payload_and_lease_and_requeues_the_others(queues: RedisQueues) -> None:
    done, again = jobs(2)
    push(queues, done, again)
    lease(queues)
    queues.release([done.id], [queue_entry(again)])
    assert queues.owners([done.id, again.id]) == {}
    assert queues.done_among([done.id, again.id]) == [done.id]
    assert queues.waiting_ids("default") == [again.id]


def test_a_taskset_completes_once_when_its_last_member_is_counted(queues: RedisQueues) -> None:
    taskset = "ab" * 12
    first, second = (job(taskset_id=taskset) for _ in range(2))
    queues.create_taskset(taskset, 2)
    push(queues, first, second)
    assert queues.release([first.id], counted=[(first.id, taskset, "success")]) == []
    assert queues.release([first.id], counted=[(first.id, taskset, "success")]) == [], "a member counts once"
    assert queues.release([second.id], counted=[(second.id, taskset, "failed")]) == [taskset]
    assert queues.release([second.id], counted=[(second.id, taskset, "failed")]) == []
    [counts] = queues.taskset_counts([taskset])
    assert (counts["total"], counts["final"], counts["success"], counts["failed"]) == ("2", "2", "1", "1")


def test_an_unknown_taskset_is_not_counted(queues: RedisQueues) -> None:
    record = job()
    push(queues, record)
    assert queues.release([record.id], counted=[(record.id, "cd" * 12, "success")]) == []
    assert queues.taskset_counts(["cd" * 12]) == [{}]


# claim_dedupe.lua (and forget_jobs.lua's part)


def test_a_dedupe_key_is_held_while_its_job_is_pending_and_freed_when_it_ends(queues: RedisQueues) -> None:
    first, second, third = (r.id for r in jobs(3))
    assert queues.claim_dedupe([("k", first)], T0, 5000) == [first]
    assert queues.claim_dedupe([("k", second)], T0 + 1, 5000) == [first], "claimed, being recorded"
    push(queues, job(id=first, dedupe_key="k"))
    queues.drop_dedupe_claims([first])
    assert queues.claim_dedupe([("k", second)], T0 + 10_000, 5000) == [first], "pending: its payload holds it"
    queues.release([first])
    assert queues.claim_dedupe([("k", third)], T0 + 10_000, 5000) == [third]


def test_a_dedupe_claim_lapses_after_its_hold_if_the_job_was_never_recorded(queues: RedisQueues) -> None:
    first, second = (r.id for r in jobs(2))
    queues.claim_dedupe([("k", first)], T0, 5000)
    assert queues.claim_dedupe([("k", second)], T0 + 5000, 5000) == [second]


def test_a_finished_job_frees_its_dedupe_key_only_if_it_still_holds_it(queues: RedisQueues) -> None:
    old, new = jobs(2)
    queues.claim_dedupe([("k", old.id)], T0, 1)
    push(queues, job(id=old.id, dedupe_key="k"))
    queues.release([old.id])
    queues.claim_dedupe([("k", new.id)], T0 + 10, 1)
    push(queues, job(id=new.id, dedupe_key="k"))
    queues.release([old.id])  # a late second release of the old job
    assert queues.claim_dedupe([("k", "f" * 24)], T0 + 20, 1) == [new.id]


# check_rate.lua, push_tick.lua


def test_a_rate_limit_allows_n_calls_per_sliding_window(queues: RedisQueues) -> None:
    assert [queues.check_rate("api", 2, 1000, T0 + i) for i in range(3)] == [(True, 1), (True, 0), (False, 0)]
    assert queues.check_rate("api", 2, 1000, T0 + 1000) == (True, 0)
    assert queues.check_rate("other", 2, 1000, T0) == (True, 1), "each key has its own window"


def test_a_schedule_tick_is_queued_once_and_only_the_latest_ticks_are_remembered(queues: RedisQueues) -> None:
    record = job(queue="sched")
    entry = queue_entry(record)
    assert queues.push_tick(entry, "s1", T0)
    assert not queues.push_tick(entry, "s1", T0), "the same tick from another replica"
    assert queues.push_tick(entry, "s2", T0), "ticks are per schedule"
    assert queues.waiting_ids("sched") == [record.id]
    assert queues.sizes([("sched", QUEUE_TYPE_REGULAR)], T0)[0].queued == 1
    for tick in range(1, KEPT_TICKS + 1):
        queues.push_tick(entry, "s1", T0 + tick)
    assert queues.push_tick(entry, "s1", T0), "the oldest tick was forgotten"
