"""mrq-dashboard: serve the dashboard's HTTP API and UI until SIGINT or SIGTERM."""

from __future__ import annotations

import ipaddress
import logging
import signal
import sys
from collections.abc import Sequence

import uvicorn

from mrq.config import parse_settings
from mrq_dashboard.app import create_app, ui_dir
from mrq_dashboard.settings import DashboardSettings

DESCRIPTION = """The MRQ dashboard: a JSON API over the broker's gRPC services (OpenAPI at
/openapi.json, interactive docs at /docs) and the web UI at /. Set MRQ_DASHBOARD_AUTH to
'user:password' (HTTP Basic) or a token (Bearer); it is required to listen on a non-loopback
address unless --allow-unauthenticated is given."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: Sequence[str] | None = None) -> None:
    settings = parse_settings(DashboardSettings, argv, prog="mrq-dashboard", description=DESCRIPTION)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s mrq-dashboard %(name)s: %(message)s"
    )
    log = logging.getLogger("mrq_dashboard")
    if not settings.auth and not is_loopback(settings.host) and not settings.allow_unauthenticated:
        sys.exit(
            f"mrq-dashboard: refusing to listen on {settings.host} without auth: set MRQ_DASHBOARD_AUTH "
            "('user:password' or a token), or pass --allow-unauthenticated"
        )
    static = ui_dir(settings)
    log.info(
        "dashboard on http://%s:%d/ (broker %s, auth %s, UI %s)",
        settings.host,
        settings.port,
        settings.broker_address,
        "on" if settings.auth else "off",
        static or "not built: API only",
    )
    # uvicorn shuts down gracefully on SIGTERM, then raises the signal again: exit normally on
    # it, so that atexit handlers (coverage's among them) run.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        access_log=False,
    )


if __name__ == "__main__":
    main()
