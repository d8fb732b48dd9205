"""``mrq-scheduler``: enqueue the recurring jobs of SCHEDULER_TASKS (and those made through the
API) until SIGINT or SIGTERM. An invalid SCHEDULER_TASKS exits 1 before anything is queued."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Sequence

from prometheus_client import CollectorRegistry

from mrq.config import parse_settings
from mrq.errors import MrqError
from mrq.rpc import open_channel
from mrq.schedule_spec import parse_config
from mrq.security import BrokerAccess
from mrq_scheduler.metrics import SchedulerMetrics, serve
from mrq_scheduler.scheduler import Scheduler
from mrq_scheduler.settings import SchedulerSettings

DESCRIPTION = """The MRQ scheduler: enqueues recurring jobs through the broker. SCHEDULER_TASKS in
the config file defines them (synced with the broker at start-up); schedules can also be made
through the broker's ScheduleService. Run as many replicas as you like: each tick is enqueued
once."""

# Schedule messages are small; the default 4 MiB is plenty even for thousands of schedules.
MAX_MESSAGE_BYTES = 4 * 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_settings(SchedulerSettings, argv, prog="mrq-scheduler", description=DESCRIPTION)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s mrq-scheduler %(name)s: %(message)s"
    )
    try:
        specs = parse_config(settings.tasks)
    except MrqError as exc:
        print(f"mrq-scheduler: invalid config: {exc}", file=sys.stderr)
        return 1
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    metrics = SchedulerMetrics(CollectorRegistry())
    serve(metrics.registry, settings.metrics_host, settings.metrics_port)
    try:
        with open_channel(
            settings.broker_address, max_message_bytes=MAX_MESSAGE_BYTES, access=BrokerAccess.of(settings)
        ) as channel:
            Scheduler(channel, specs, settings, metrics).run(stopping)
    except MrqError as exc:
        print(f"mrq-scheduler: the broker refused SCHEDULER_TASKS: {exc}", file=sys.stderr)
        return 1
    logging.getLogger("mrq_scheduler").info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
