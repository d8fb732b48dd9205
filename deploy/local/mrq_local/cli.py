"""``mrq-local``: runs MRQ on this machine.

``mrq-local up`` starts Redis (unless MRQ_REDIS_URL points at a running one), the broker, which
keeps its records in SQLite (or in MongoDB at MRQ_MONGODB_URL), and the workers, in the foreground. Ctrl-C or
SIGTERM stops all of it, workers first.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from mrq.config import parse_settings, program_version
from mrq.security import BrokerAccess, redact_url
from mrq_local.errors import LaunchError
from mrq_local.logs import LogFollower
from mrq_local.ports import free_port
from mrq_local.settings import LocalSettings
from mrq_local.stack import Stack, StackConfig

logger = logging.getLogger("mrq-local")

_UP_DESCRIPTION = """\
Runs Redis, the MRQ broker (its records in DATA_DIR/mrq.sqlite3, or in the MongoDB at
MRQ_MONGODB_URL), the workers, the scheduler and the dashboard (http://127.0.0.1:5555) as local
processes, in the foreground, until Ctrl-C or SIGTERM.

Workers import task modules from the current directory and PYTHONPATH. They read their own
settings from the environment: MRQ_WORKER_QUEUES (default: default), MRQ_WORKER_GREENLETS,
MRQ_WORKER_PROCESSES; the broker reads its own MRQ_* settings (e.g. MRQ_LEASE_TTL_S) too, and
the scheduler its SCHEDULER_TASKS from the config file (MRQ_CONFIG), like every other service.
The broker runs one process per core (MRQ_BROKER_PROCESSES, default 0) on one address.
Every process logs to DATA_DIR/logs/<name>.log.
"""

_USAGE = """\
usage: mrq-local COMMAND [options]

commands:
  up    run the whole MRQ stack in the foreground (see `mrq-local up --help`)

options:
  --version  print the version and exit
"""

# Seconds between two looks at the children (and at their new log lines) while running.
_WATCH_INTERVAL_S = 0.2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mrq-local`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(_USAGE, end="")
        return 0 if args else 2
    if args[0] == "--version":
        print(program_version("mrq-local"))
        return 0
    if args[0] != "up":
        print(f"mrq-local: unknown command {args[0]!r}\n{_USAGE}", end="", file=sys.stderr)
        return 2
    settings = parse_settings(LocalSettings, args[1:], prog="mrq-local up", description=_UP_DESCRIPTION)
    return up(settings)


def up(settings: LocalSettings) -> int:
    """Runs the stack until a signal or until one of its processes exits; returns the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s mrq-local: %(message)s", datefmt="%H:%M:%S")
    # SIGTERM unwinds like Ctrl-C, so `with Stack` stops everything in order either way.
    signal.signal(signal.SIGTERM, _interrupt)
    metrics = _metrics_ports(settings)
    config = StackConfig(
        data_dir=Path(settings.data_dir).resolve(),
        redis_url=settings.redis_url,
        mongodb_url=settings.mongodb_url,
        redis_port=settings.redis_port,
        broker_address=settings.broker_address,
        pythonpath=(Path.cwd(),),
        # One broker process per core by default: one process is bound to about one core.
        broker_args=(
            *(() if "MRQ_BROKER_PROCESSES" in os.environ else ("--processes", "0")),
            *_metrics_args(metrics, "broker"),
        ),
        # The services read MRQ_AUTH_TOKEN_FILE and the TLS files from the environment themselves;
        # the launcher's health checks need the TLS files too.
        access=BrokerAccess.from_env(os.environ),
        ready_timeout_s=settings.ready_timeout_s,
        stop_grace_s=settings.stop_grace_s,
    )
    config.data_dir.mkdir(parents=True, exist_ok=True)
    follower = LogFollower(config.data_dir / "logs", sys.stdout) if settings.follow else None
    stack = Stack(config)
    try:
        with stack:
            # A worker recycles its process to stop a job that burns CPU past its timeout, so
            # by default each runs under its supervisor (--processes 1), which restarts it.
            processes = None if "MRQ_WORKER_PROCESSES" in os.environ else 1
            for n in range(1, settings.workers + 1):
                stack.start_worker(processes=processes, extra_args=_metrics_args(metrics, f"worker-{n}"))
            for n in range(1, settings.schedulers + 1):
                stack.start_scheduler(extra_args=_metrics_args(metrics, f"scheduler-{n}"))
            if settings.dashboard:
                stack.start_dashboard(address=f"127.0.0.1:{settings.dashboard_port}")
            _print_summary(stack, settings, metrics)
            return _watch(stack, follower)
    except KeyboardInterrupt:
        if follower is not None:
            follower.pump(stack.services)  # what they logged while stopping
        logger.info("stopped")
        return 0
    except LaunchError as exc:
        logger.error("%s", exc)
        return 1


#: Each program's own metrics port variable: set, the launcher leaves that program's port to it.
_METRICS_PORT_ENV = {
    "broker": "MRQ_BROKER_METRICS_PORT",
    "worker": "MRQ_WORKER_METRICS_PORT",
    "scheduler": "MRQ_SCHEDULER_METRICS_PORT",
}


def _metrics_ports(settings: LocalSettings) -> dict[str, int]:
    """A free metrics port for each service to start ("broker", "worker-1", "scheduler-1"...),
    so that two stacks on one machine don't fight over the programs' fixed defaults; none for
    the programs whose variable the user set."""
    names = [
        "broker",
        *(f"worker-{n}" for n in range(1, settings.workers + 1)),
        *(f"scheduler-{n}" for n in range(1, settings.schedulers + 1)),
    ]
    return {name: free_port() for name in names if _METRICS_PORT_ENV[name.split("-")[0]] not in os.environ}


def _metrics_args(metrics: dict[str, int], name: str) -> tuple[str, ...]:
    return ("--metrics-port", str(metrics[name])) if name in metrics else ()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _watch(stack: Stack, follower: LogFollower | None) -> int:
    """Waits for a signal, echoing the services' logs; returns 1 if a process exits by itself."""
    while True:
        if follower is not None:
            follower.pump(stack.services)
        for process in stack.processes:
            if not process.is_alive():
                logger.error(
                    "%s exited with code %s; stopping everything. Last lines of %s:\n%s",
                    process.name,
                    process.returncode,
                    process.log_path,
                    process.log_tail(),
                )
                return 1
        time.sleep(_WATCH_INTERVAL_S)


def _print_summary(stack: Stack, settings: LocalSettings, metrics: dict[str, int]) -> None:
    endpoints = ", ".join(f"{name} http://127.0.0.1:{port}/metrics" for name, port in metrics.items())
    rows = [
        ("dashboard", stack.dashboards[0].url if stack.dashboards else "off (MRQ_LOCAL_DASHBOARD=0)"),
        ("broker", stack.broker_address),
        ("redis", redact_url(stack.redis_url)),
        ("store", stack.store),
        ("workers", f"{settings.workers} (queues from MRQ_WORKER_QUEUES, default: default)"),
        ("schedulers", f"{settings.schedulers} (SCHEDULER_TASKS from MRQ_CONFIG)"),
        ("metrics", endpoints or "as MRQ_*_METRICS_PORT say"),
        ("tasks from", f"{Path.cwd()} and PYTHONPATH"),
        ("logs", str(stack.logs_dir)),
    ]
    lines = "\n".join(f"  {name:<11}{value}" for name, value in rows)
    logger.info("MRQ is up; Ctrl-C stops it. Clients use MRQ_BROKER_ADDRESS=%s\n%s", stack.broker_address, lines)
