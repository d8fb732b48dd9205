"""Every Redis key the broker uses, built in one place (see docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    """Key names under one prefix, so several MRQ deployments (or tests) can share a Redis."""

    prefix: str = "mrq"

    @property
    def payloads(self) -> str:
        """hash: job id -> serialised LeasedJob (without lease token)."""
        return f"{self.prefix}:payloads"

    @property
    def leases(self) -> str:
        """zset: leased job id -> lease expiry (ms)."""
        return f"{self.prefix}:leases"

    @property
    def lease_owners(self) -> str:
        """hash: leased job id -> worker id."""
        return f"{self.prefix}:lease_owners"

    @property
    def known_queues(self) -> str:
        """set: every queue name ever used."""
        return f"{self.prefix}:queues"

    @property
    def workers(self) -> str:
        """zset: worker id -> last heartbeat (ms)."""
        return f"{self.prefix}:workers"

    @property
    def quiet_workers(self) -> str:
        """set: ids of workers an operator quieted; LeaseJobs hands them no job."""
        return f"{self.prefix}:quiet_workers"

    @property
    def enqueued_channel(self) -> str:
        """pub/sub: queue names that just received jobs."""
        return f"{self.prefix}:enqueued"

    @property
    def finished_channel(self) -> str:
        """pub/sub: space-separated ids of jobs that just became final."""
        return f"{self.prefix}:finished"

    @property
    def logs_channel(self) -> str:
        """pub/sub: space-separated ids of jobs that just got log chunks."""
        return f"{self.prefix}:logs"

    def log_seq(self, job_id: str) -> str:
        """string: how many log chunks the job has (chunk n is the document ``<job id>-<n>``)."""
        return f"{self.prefix}:logseq:{job_id}"

    def log_bytes(self, job_id: str) -> str:
        """string: how many log bytes were shipped for the job, kept or dropped (INCRBY)."""
        return f"{self.prefix}:logbytes:{job_id}"

    def controls(self, worker_id: str) -> str:
        """list: serialised ControlMessages for one worker, drained by its next heartbeat."""
        return f"{self.prefix}:controls:{worker_id}"

    def queue(self, name: str) -> str:
        """zset: queued job ids, scored by priority then enqueue time."""
        return self.queue_prefix + name

    def delayed(self, name: str) -> str:
        """zset: delayed job ids of a queue, scored by due time (ms)."""
        return self.delayed_prefix + name

    def raw(self, name: str) -> str:
        """list, set or zset (by the queue's type): a raw queue's entries, canonical JSON."""
        return self.raw_prefix + name

    # lease_jobs.lua builds these three from the queue names it expands itself.
    @property
    def queue_prefix(self) -> str:
        return f"{self.prefix}:queue:"

    @property
    def delayed_prefix(self) -> str:
        return f"{self.prefix}:delayed:"

    @property
    def raw_prefix(self) -> str:
        return f"{self.prefix}:raw:"

    @property
    def raw_claims(self) -> str:
        """hash: leased raw job id -> its raw queue, score and entry (lines), kept until its outcome is
        committed, so a raw job lost with its worker (or its record never written) goes back."""
        return f"{self.prefix}:raw_claims"

    @property
    def raw_ids(self) -> str:
        """string: a counter, the last 8 hex digits of every raw job id (see lease_jobs.lua)."""
        return f"{self.prefix}:raw_ids"

    @property
    def paused(self) -> str:
        """set: paused queue names (each also pauses its "name/..." subqueues)."""
        return f"{self.prefix}:paused"

    @property
    def dedupe(self) -> str:
        """hash: dedupe key -> id of the job holding it while pending."""
        return f"{self.prefix}:dedupe"

    @property
    def dedupe_claims(self) -> str:
        """zset: job id -> when (ms) it claimed its dedupe key, before its payload exists."""
        return f"{self.prefix}:dedupe_claims"

    @property
    def running_prefix(self) -> str:
        """Prefix of the sets "<prefix><limit key>": ids of leased jobs under a concurrency limit."""
        return f"{self.prefix}:running:"

    @property
    def rate_prefix(self) -> str:
        """Prefix of the zsets "<prefix><limit key>": recent starts (ms) under a rate limit."""
        return f"{self.prefix}:rate:"

    def rate(self, key: str) -> str:
        return self.rate_prefix + key

    def rotation(self, worker_id: str) -> str:
        """string: a counter turning the first queue a worker's parallel leases start from."""
        return f"{self.prefix}:rotation:{worker_id}"

    def taskset(self, taskset_id: str) -> str:
        """hash: a taskset's total, final count, count per final status, and callback job id."""
        return f"{self.prefix}:taskset:{taskset_id}"

    def taskset_counted(self, taskset_id: str) -> str:
        """set: ids of the taskset's members already counted final (each counts once)."""
        return f"{self.prefix}:taskset_counted:{taskset_id}"

    def lock(self, name: str) -> str:
        """string: owner token of a broker-wide lock, with a TTL."""
        return f"{self.prefix}:lock:{name}"

    def inspection(self, job_id: str) -> str:
        """list: a worker's answers (serialised JobInspection) to an InspectJob of the job."""
        return f"{self.prefix}:inspection:{job_id}"

    def schedule_ticks(self, schedule_id: str) -> str:
        """zset: the latest ticks (ms) whose job a schedule has queued, each scored by itself."""
        return f"{self.prefix}:schedule_ticks:{schedule_id}"

    # record_history.lua builds the series keys from these two prefixes and the names it folds.
    @property
    def history_prefix(self) -> str:
        """Prefix of the hashes "<prefix><kind>:<name>:<minute>": one series' counts in one minute
        (see queueing/history.py), with a TTL."""
        return f"{self.prefix}:history:"

    @property
    def history_names_prefix(self) -> str:
        """Prefix of the zsets "<prefix><kind>": names with a history series -> last minute seen."""
        return f"{self.prefix}:history_names:"

    def history(self, kind: str, name: str, minute: int) -> str:
        return f"{self.history_prefix}{kind}:{name}:{minute}"
