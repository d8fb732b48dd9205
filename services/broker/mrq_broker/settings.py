"""The broker's settings: flags, MRQ_* env vars and the config file (see mrq.config)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pydantic import Field, ModelWrapValidatorHandler, PrivateAttr, SecretStr, field_validator, model_validator

from mrq.config import Settings, check_task_keys, rename_keys
from mrq_broker.queue_config import QueueDefaults, RawQueueConfig, TaskLimit
from mrq_broker.queue_names import is_raw


class BrokerSettings(Settings):
    broker_address: str = Field("127.0.0.1:50051", description="host:port the gRPC server listens on")
    redis_url: str = Field("redis://127.0.0.1:6379/0", description="Redis URL")
    redis_sentinels: list[str] = Field(
        default_factory=list,
        description="host:port of Redis Sentinels (comma-separated); when set, the broker asks them for the "
        "master named by --redis-sentinel-master and follows its failovers; --redis-url then gives "
        "only the database number and password",
    )
    redis_sentinel_master: str = Field("mymaster", description="the master's name in the Sentinels' config")
    data_dir: str = Field(
        ".mrq-data",
        description="folder of the SQLite store (mrq.sqlite3), used unless "
        "--mongodb-url is set; brokers on one machine may share it",
    )
    sqlite_busy_timeout_s: float = Field(
        5.0,
        gt=0,
        description="seconds a SQLite write waits for another "
        "broker's before it fails with UNAVAILABLE (and the caller retries)",
    )
    mongodb_url: str = Field(
        "",
        description="MongoDB URL, its path naming the database, e.g. "
        "mongodb://mongo:27017/mrq: store records there instead of in SQLite",
    )
    mongodb_timeout_s: float = Field(
        10.0,
        gt=0,
        description="seconds a call waits for a reachable MongoDB "
        "before it fails with UNAVAILABLE (and the caller retries)",
    )
    store_query_timeout_s: float = Field(
        5.0,
        gt=0,
        description="longest a store read (a page of jobs, counts) "
        "runs; past it, it is stopped and the caller told which filter to add "
        "(FAILED_PRECONDITION)",
    )
    redis_prefix: str = Field("mrq", description="prefix of every Redis key")
    lease_ttl_s: float = Field(30.0, gt=0, description="seconds a leased job stays leased without a heartbeat")
    lease_scan_window: int = Field(
        200, gt=0, description="queued jobs a lease looks at per queue, past those skipped by task filters or limits"
    )
    max_lease_wait_s: float = Field(5.0, ge=0, description="longest a LeaseJobs call blocks")
    max_wait_s: float = Field(300.0, gt=0, description="longest a WaitJobs call blocks")
    max_params_bytes: int = Field(1_000_000, gt=0, description="largest accepted params, JSON bytes")
    max_batch_size: int = Field(
        10_000,
        gt=0,
        description="most jobs or ids per client call: EnqueueMany, EnqueueRaw, "
        "CreateTaskset, WaitJobs, ActOnJobs by ids",
    )
    max_log_bytes_per_job: int = Field(
        10_000_000,
        gt=0,
        description="log bytes kept per job, over all its attempts and whoever ships them; past "
        "it, one '[log truncated by the broker: ...]' line and the rest is dropped",
    )
    cleanup_interval_s: float = Field(60.0, gt=0, description="seconds between deletions of expired job records")
    maintenance_interval_s: float = Field(1.0, gt=0, description="seconds between lease-expiry sweeps")
    history_max_series: int = Field(
        100,
        gt=0,
        description="queues, and separately task paths, with their own history charts (GetHistory); "
        "past it, the counts of new names go to the series '(other)'",
    )
    history_sample_interval_s: float = Field(
        60.0,
        gt=0,
        description="seconds between samples of the queue sizes kept in the history (the last of a minute counts)",
    )
    max_bulk_updates: int = Field(
        25,
        gt=0,
        description="statements per MongoDB update command (FerretDB "
        "deadlocks past ~100; real MongoDB is fine with thousands)",
    )
    report_timeout_s: float = Field(30.0, gt=0, description="longest a ReportOutcomes call waits for its commit")
    grpc_threads: int = Field(64, gt=0, description="gRPC server threads (each blocked wait holds one)")
    processes: int = Field(
        1,
        ge=0,
        json_schema_extra={"env": "MRQ_BROKER_PROCESSES"},
        description="broker processes serving --broker-address together (SO_REUSEPORT), "
        "under a supervisor that restarts them; 0 = one per core; 1 = this process "
        "alone",
    )
    default_queue: str = Field("default", description="queue of jobs that name none")
    default_timeout_s: float = Field(
        3600.0, ge=0, description="job timeout when neither job nor task sets one; 0 = none"
    )
    default_max_retries: int = Field(3, ge=0, description="retries allowed when neither job nor task sets them")
    default_retry_delay_s: float = Field(3.0, ge=0, description="retry delay when neither job nor task sets one")
    default_result_ttl_s: float = Field(7 * 86400.0, ge=0, description="seconds a success record is kept")
    tasks: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description='per-task routing and defaults, e.g. {"tasks.add": {"queue": "math", "timeout_s": 10}}; keys: '
        "queue, timeout_s, max_retries, retry_delay_s, result_ttl_s, abort_ttl_s, final_ttl_s; limits: "
        "max_concurrency, rate_limit (per rate_limit_per_s), limit_key (a param), on_limit "
        "(wait|fail), unique (dedupe on task and params)",
    )
    raw_queues: dict[str, RawQueueConfig] = Field(
        default_factory=dict,
        description='raw queues (names ending _raw, _set, _sorted_set, _timed_set), e.g. {"events_raw": {"task": '
        '"tasks.handle", "params_key": "event", "retry_queue": "events", "statuses_no_storage": '
        '["started", "success"], "pushback_s": 0}}',
    )
    queues_config: dict[str, QueueDefaults] = Field(
        default_factory=dict,
        description="per-queue job defaults, under the job's options and its task's entry, e.g. {\"slow\": "
        '{"timeout_s": 7200, "max_retries": 0, "retry_delay_s": 60, "result_ttl_s": 3600, "priority": -5}}; '
        '"x" also applies to "x/..."',
    )
    log_level: str = Field("INFO", description="logging level")
    metrics_host: str = Field(
        "127.0.0.1",
        description="address /metrics listens on (0.0.0.0 for every interface)",
        json_schema_extra={"env": "MRQ_BROKER_METRICS_HOST"},
    )
    metrics_port: int = Field(
        9101,
        ge=0,
        le=65535,
        description="port of the Prometheus /metrics endpoint; 0 = off",
        json_schema_extra={"env": "MRQ_BROKER_METRICS_PORT"},
    )
    auth_token: SecretStr = Field(
        SecretStr(""),
        description="shared token every call must carry as "
        "'authorization: Bearer <token>' (the health check stays open for probes); "
        "prefer --auth-token-file, which keeps it out of ps and env dumps; empty = no auth",
    )
    auth_token_file: str = Field("", description="file holding the shared token (its first line)")
    tls_cert_file: str = Field("", description="PEM certificate to serve TLS with; empty = plaintext")
    tls_key_file: str = Field("", description="PEM key of --tls-cert-file")
    tls_client_ca_file: str = Field(
        "",
        description="PEM CA that signs client certificates: set, every client "
        "must present one (mTLS); needs --tls-cert-file",
    )
    abort_ttl_s: float = Field(86400.0, ge=0, description="seconds cancel and abort records are kept")
    final_ttl_s: float = Field(
        180 * 86400.0, ge=0, description="seconds other final records (failed, timeout...) are kept"
    )

    _renamed_keys: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _rename_old_keys(cls, data: Any, handler: ModelWrapValidatorHandler[BrokerSettings]) -> BrokerSettings:
        """Reads the old names of TASKS and QUEUES_CONFIG keys (mrq.config.RENAMED_KEYS) as the
        new ones, noting each for :attr:`deprecated_keys`."""
        notes: list[str] = []
        if isinstance(data, Mapping):
            data = dict(data)
            for field, name in (("tasks", "TASKS"), ("queues_config", "QUEUES_CONFIG")):
                if isinstance(data.get(field), Mapping):
                    data[field], found = rename_keys(data[field], name)
                    notes += found
        settings = handler(data)
        settings._renamed_keys = notes
        return settings

    @property
    def deprecated_keys(self) -> list[str]:
        """One line per old key name the config used, for the log."""
        return list(self._renamed_keys)

    @field_validator("tasks")
    @classmethod
    def _check_task_keys(cls, tasks: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        check_task_keys(tasks)
        return tasks

    @model_validator(mode="after")
    def _check_config(self) -> BrokerSettings:
        if self.processes != 1 and self.broker_address.endswith(":0"):
            raise ValueError("broker_address: several --processes serve one address: give a port, not 0")
        if bool(self.tls_cert_file) != bool(self.tls_key_file) or (self.tls_client_ca_file and not self.tls_cert_file):
            raise ValueError("TLS needs both --tls-cert-file and --tls-key-file (and them for --tls-client-ca-file)")
        for task in self.tasks:
            try:
                TaskLimit.model_validate(self.tasks[task])
            except ValueError as exc:
                raise ValueError(f"tasks[{task!r}]: {exc}") from exc
        for name in self.raw_queues:
            if not is_raw(name) or "/" in name:
                raise ValueError(
                    f"raw_queues[{name!r}]: a raw queue's root name ends in _raw, _set, _sorted_set or _timed_set"
                )
        return self

    @cached_property
    def task_limits(self) -> dict[str, TaskLimit]:
        """The tasks with limits or uniqueness set in TASKS."""
        parsed = {task: TaskLimit.model_validate(entry) for task, entry in self.tasks.items()}
        return {task: limit for task, limit in parsed.items() if limit.limited or limit.unique}

    @cached_property
    def lease_limits(self) -> dict[str, dict[str, Any]]:
        """The limited tasks' limits, as lease_jobs.lua reads them (built once, sent on every lease)."""
        return {task: limit.lua() for task, limit in self.task_limits.items() if limit.limited}
