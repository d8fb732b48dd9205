"""The scheduler's settings: flags, MRQ_SCHEDULER_* env vars and the config file (see mrq.config).

``SCHEDULER_TASKS`` comes from the same config file as every other setting (or, as JSON, from
``MRQ_SCHEDULER_TASKS``); it is validated by :func:`mrq.schedule_spec.parse_config` at start-up.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from mrq.config import BrokerAccessSettings


class SchedulerSettings(BrokerAccessSettings):
    env_prefix = "MRQ_SCHEDULER_"

    broker_address: str = Field(
        "127.0.0.1:50051", description="host:port of the broker", json_schema_extra={"env": "MRQ_BROKER_ADDRESS"}
    )
    tasks: list[dict[str, Any]] = Field(
        default_factory=list,
        description='recurring jobs, e.g. [{"path": "tasks.cleanup", "interval": 3600}]; keys: path, params, '
        "queue, and one of interval (s), dailytime (with weekday or monthday), cron; timezone, catchup",
    )
    poll_interval_s: float = Field(0.5, gt=0, description="seconds between two looks at the schedules")
    misfire_grace_s: float = Field(
        60.0, ge=0, description="a tick later than this is missed: run once if its schedule has catchup, else skipped"
    )
    rpc_timeout_s: float = Field(10.0, gt=0, description="longest a call to the broker may take")
    metrics_host: str = Field("127.0.0.1", description="address /metrics listens on (0.0.0.0 for every interface)")
    metrics_port: int = Field(9103, ge=0, le=65535, description="port of the Prometheus /metrics endpoint; 0 = off")
    log_level: str = Field("INFO", description="logging level", json_schema_extra={"env": "MRQ_LOG_LEVEL"})
