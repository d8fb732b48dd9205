"""The launcher's settings: flags, MRQ_* env vars and the config file (see mrq.config).

The broker and the workers read their own settings from the same environment and config file;
the launcher only tells them where the databases and the broker are.
"""

from __future__ import annotations

from pydantic import Field

from mrq.config import Settings


class LocalSettings(Settings):
    broker_address: str = Field("127.0.0.1:50051", description="host:port the broker listens on")
    redis_url: str | None = Field(None, description="URL of a running Redis to use instead of starting one")
    mongodb_url: str | None = Field(
        None,
        description="URL of a running MongoDB, database in the path, to keep the records in instead of "
        "the SQLite file in --data-dir",
    )
    redis_port: int = Field(0, ge=0, description="port of the Redis started here; 0 picks a free one")
    data_dir: str = Field(
        ".mrq-data",
        description="where Redis and the SQLite store keep their data, and where every process's log goes (logs/)",
    )
    workers: int = Field(
        1,
        ge=0,
        json_schema_extra={"env": "MRQ_LOCAL_WORKERS"},
        description="mrq-worker commands to start; each reads MRQ_WORKER_QUEUES, "
        "MRQ_WORKER_GREENLETS and MRQ_WORKER_PROCESSES itself",
    )
    schedulers: int = Field(
        1,
        ge=0,
        json_schema_extra={"env": "MRQ_LOCAL_SCHEDULERS"},
        description="mrq-scheduler replicas to start; each reads SCHEDULER_TASKS from the config file (MRQ_CONFIG)",
    )
    dashboard: bool = Field(
        True,
        json_schema_extra={"env": "MRQ_LOCAL_DASHBOARD"},
        description="also start mrq-dashboard (it reads its own MRQ_DASHBOARD_* settings, e.g. MRQ_DASHBOARD_AUTH)",
    )
    dashboard_port: int = Field(
        5555,
        ge=1,
        le=65535,
        json_schema_extra={"env": "MRQ_DASHBOARD_PORT"},
        description="port of the dashboard, on 127.0.0.1",
    )
    follow: bool = Field(
        True, json_schema_extra={"env": "MRQ_LOCAL_FOLLOW"}, description="also print the MRQ services' logs here"
    )
    ready_timeout_s: float = Field(
        60.0,
        gt=0,
        json_schema_extra={"env": "MRQ_LOCAL_READY_TIMEOUT_S"},
        description="seconds each process may take to become ready",
    )
    stop_grace_s: float = Field(
        40.0,
        ge=0,
        json_schema_extra={"env": "MRQ_LOCAL_STOP_GRACE_S"},
        description="seconds each process may take to exit after SIGTERM before it is killed",
    )
