"""The broker's settings: flags, MRQ_* env vars and the config file (see mrq.config)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from mrq.config import Settings


class BrokerSettings(Settings):
    broker_address: str = Field("127.0.0.1:50051", description="host:port the gRPC server listens on")
    redis_url: str = Field("redis://127.0.0.1:6379/0", description="Redis URL")
    mongodb_url: str = Field("mongodb://127.0.0.1:27017/mrq",
                             description="MongoDB URL; its path names the database")
    redis_prefix: str = Field("mrq", description="prefix of every Redis key")
    lease_ttl_s: float = Field(30.0, gt=0, description="seconds a leased job stays leased without a heartbeat")
    max_lease_wait_s: float = Field(5.0, ge=0, description="longest a LeaseJobs call blocks")
    max_wait_s: float = Field(300.0, gt=0, description="longest a WaitJobs call blocks")
    max_params_bytes: int = Field(1_000_000, gt=0, description="largest accepted params, JSON bytes")
    max_batch_size: int = Field(10_000, gt=0, description="most jobs per EnqueueMany or WaitJobs call")
    cleanup_interval_s: float = Field(60.0, gt=0, description="seconds between deletions of expired job records")
    maintenance_interval_s: float = Field(1.0, gt=0, description="seconds between lease-expiry sweeps")
    max_bulk_updates: int = Field(25, gt=0, description="statements per MongoDB update command (FerretDB "
                                  "deadlocks past ~100; real MongoDB is fine with thousands)")
    report_timeout_s: float = Field(30.0, gt=0, description="longest a ReportOutcomes call waits for its commit")
    grpc_threads: int = Field(64, gt=0, description="gRPC server threads (each blocked wait holds one)")
    default_queue: str = Field("default", description="queue of jobs that name none")
    default_timeout_s: float = Field(3600.0, ge=0,
                                     description="job timeout when neither job nor task sets one; 0 = none")
    default_max_retries: int = Field(3, ge=0, description="retries allowed when neither job nor task sets them")
    default_retry_delay_s: float = Field(3.0, ge=0, description="retry delay when neither job nor task sets one")
    default_result_ttl_s: float = Field(7 * 86400.0, ge=0, description="seconds a success record is kept")
    tasks: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description='per-task routing and defaults, e.g. {"tasks.add": {"queue": "math", "timeout": 10}}; keys: '
                    "queue, timeout, max_retries, retry_delay, result_ttl, abort_ttl, final_ttl",
    )
    log_level: str = Field("INFO", description="logging level")
    metrics_host: str = Field("127.0.0.1", description="address /metrics listens on (0.0.0.0 for every interface)")
    metrics_port: int = Field(9101, ge=0, le=65535, description="port of the Prometheus /metrics endpoint; 0 = off")
    abort_ttl_s: float = Field(86400.0, ge=0, description="seconds cancel and abort records are kept")
    final_ttl_s: float = Field(180 * 86400.0, ge=0,
                               description="seconds other final records (failed, timeout...) are kept")
