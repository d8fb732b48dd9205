"""The dashboard's settings: flags, MRQ_DASHBOARD_* env vars and the config file (see mrq.config)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from mrq.config import BrokerAccessSettings


class DashboardSettings(BrokerAccessSettings):
    env_prefix: ClassVar[str] = "MRQ_DASHBOARD_"

    host: str = Field("127.0.0.1", description="address to listen on (0.0.0.0 for every interface)")
    port: int = Field(5555, ge=0, le=65535, description="port to listen on")
    auth: str = Field(
        "",
        description="'user:password' for HTTP Basic, or a token for 'Authorization: Bearer' "
        "(also accepted as the Basic password); empty = no auth",
    )
    allow_unauthenticated: bool = Field(
        False, description="serve without auth on a non-loopback address (refused by default)"
    )
    broker_address: str = Field(
        "127.0.0.1:50051", json_schema_extra={"env": "MRQ_BROKER_ADDRESS"}, description="host:port of a broker"
    )
    rpc_timeout_s: float = Field(30.0, gt=0, description="deadline of each call to the broker")
    ui_dir: str = Field(
        "",
        description="the UI's static build to serve at /; empty = the build beside "
        "this package's source (services/dashboard-ui/dist), if any",
    )
    log_level: str = Field("INFO", json_schema_extra={"env": "MRQ_LOG_LEVEL"}, description="logging level")
