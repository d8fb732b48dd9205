"""The worker's settings: flags, MRQ_WORKER_* env vars and the config file (see mrq.config)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from mrq.config import BrokerAccessSettings, check_task_keys
from mrq.queues import check_queue_name
from mrq_worker.retries import retry_policies

#: --dequeue-strategy values, the default first.
DEQUEUE_STRATEGIES = ("sequential", "parallel", "burst")


class WorkerSettings(BrokerAccessSettings):
    env_prefix = "MRQ_WORKER_"

    queues: list[str] = Field(
        default_factory=lambda: ["default"], description="queues to take jobs from, in priority order"
    )
    broker_address: str = Field(
        "127.0.0.1:50051", description="host:port of the broker", json_schema_extra={"env": "MRQ_BROKER_ADDRESS"}
    )
    greenlets: int = Field(10, gt=0, description="jobs run at once by each process")
    processes: int = Field(0, ge=0, description="worker processes to start and supervise; 0 runs in this process")
    heartbeat_interval_s: float = Field(1.0, gt=0, description="seconds between heartbeats (they also carry progress)")
    dequeue_strategy: str = Field(
        "sequential",
        description="'sequential' takes jobs from the queues in the order "
        "given, a queue only once those before it have none ready; 'parallel' shares the "
        "free slots across the queues with jobs ready; 'burst' is sequential and exits "
        "(code 0, not restarted under --processes) once no job is left",
    )
    task_packages: list[str] = Field(
        default_factory=lambda: ["tasks"],
        description="module prefixes of the tasks "
        "this worker may run (comma-separated; 'tasks' allows 'tasks.add' and "
        "'tasks.sub.job', not 'tasks_x.job'); jobs of other tasks fail with "
        "mrq.errors.TaskNotAllowed before anything is imported. Tasks named in "
        "TASKS are allowed too",
    )
    task_whitelist: list[str] = Field(
        default_factory=list,
        description="run only jobs of these tasks (comma-separated); the others stay queued for other workers",
    )
    task_blacklist: list[str] = Field(
        default_factory=list,
        description="never run jobs of these tasks (comma-separated); they stay queued for other workers",
    )
    max_jobs: int = Field(
        0,
        ge=0,
        description="lease at most this many jobs, then stop as on the first SIGINT "
        "and exit (code 0; under --processes a fresh process takes over); 0 = no limit",
    )
    max_time_s: float = Field(
        0.0,
        ge=0,
        description="seconds after start to stop taking jobs, let running ones "
        "finish as on the first SIGINT and exit (code 0; under --processes a fresh process "
        "takes over); 0 = no limit",
    )
    max_memory_mb: float = Field(
        0.0,
        ge=0,
        description="resident memory (RSS, checked every heartbeat) past which "
        "the process stops taking jobs, drains as on the first SIGINT and exits with code "
        "75, for its supervisor (--processes) to restart it; 0 = no limit",
    )
    lease_wait_s: float = Field(
        1.0,
        gt=0,
        description="seconds a LeaseJobs call may block when idle; the broker "
        "wakes it the moment a job is enqueued, so this is the longest an idle worker "
        "takes to see a job only if that wake-up is missed (e.g. Redis restarted); "
        "never polled more often",
    )
    report_interval_s: float = Field(0.01, ge=0, description="longest an outcome waits to be batched")
    log_ship_interval_s: float = Field(0.5, gt=0, description="seconds between shipments of job logs to the broker")
    max_log_bytes_per_job: int = Field(
        1_000_000,
        gt=0,
        description="log bytes kept per job attempt; past it, "
        "lines are dropped and one '[log truncated: N bytes dropped]' line added",
    )
    shutdown_timeout_s: float = Field(30.0, ge=0, description="grace for running jobs on the first SIGINT")
    metrics_host: str = Field("127.0.0.1", description="address /metrics listens on (0.0.0.0 for every interface)")
    metrics_port: int = Field(
        9102,
        ge=0,
        le=65535,
        description="port of the Prometheus /metrics endpoint (served by the supervisor with --processes); 0 = off",
    )
    log_level: str = Field("INFO", description="logging level", json_schema_extra={"env": "MRQ_LOG_LEVEL"})
    trace_greenlets: bool = Field(
        False, description="measure each job's CPU time and greenlet switches, stored on the job as cpu_s and switches"
    )
    profile: bool = Field(
        False, description="store a cProfile summary of each job (top functions by cumulative time) on the job"
    )
    trace_memory: bool = Field(
        False,
        description="store on each job the memory it allocated and still held at "
        "the end (tracemalloc); needs --greenlets 1",
    )
    tasks: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        json_schema_extra={"env": "MRQ_TASKS"},
        description="per-task settings shared with the broker; the worker reads the automatic retries, e.g. "
        '{"tasks.fetch": {"retry_on": ["ConnectionError"], "retry_backoff": "exponential"}}',
    )

    @field_validator("tasks")
    @classmethod
    def _check_retry_policies(cls, tasks: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        check_task_keys(tasks)
        retry_policies(tasks)  # raises ValueError on a malformed retry_on or retry_backoff
        return tasks

    @field_validator("queues")
    @classmethod
    def _check_queue_names(cls, queues: list[str]) -> list[str]:
        for name in queues:
            check_queue_name(name)
        return queues

    @field_validator("dequeue_strategy")
    @classmethod
    def _check_dequeue_strategy(cls, strategy: str) -> str:
        if strategy not in DEQUEUE_STRATEGIES:
            raise ValueError(f"must be one of {', '.join(DEQUEUE_STRATEGIES)}, not {strategy!r}")
        return strategy

    @model_validator(mode="after")
    def _check_memory_tracing(self) -> WorkerSettings:
        if self.trace_memory and self.greenlets != 1:
            raise ValueError("--trace-memory needs --greenlets 1: tracemalloc can't tell concurrent jobs apart")
        return self
