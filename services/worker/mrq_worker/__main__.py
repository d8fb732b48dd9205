"""``mrq-worker [options] QUEUE...``: the entry point.

gevent must patch the standard library before anything else imports it, so this module does
that first, and nothing may be imported above the patch. ``thread=False`` keeps ``threading``
native: grpc's internals, gevent's threadpool (which makes our gRPC calls) and the heartbeat
thread must be real OS threads.

While patching, gevent looks its plugins up about 20 times, and each lookup reads the metadata of
every installed distribution (0.15 s of a 0.55 s start-up, measured in the dev virtualenv): the patch
runs with one reading, shared. gevent imports ``importlib.metadata`` before it patches anything,
so importing it first changes nothing that the patch sees.
"""

from importlib import metadata

from gevent import monkey

_read_every_time = metadata.entry_points
_installed = _read_every_time()
metadata.entry_points = lambda **select: _installed.select(**select)  # type: ignore[assignment]  # same results, read once
try:
    monkey.patch_all(thread=False)
finally:
    metadata.entry_points = _read_every_time

# ruff: noqa: E402 - everything below must be imported after patching
import logging
import os
import signal
import sys
from collections.abc import Sequence

import gevent

from mrq.config import parse_settings
from mrq.security import BrokerAccess
from mrq_worker import metrics
from mrq_worker.settings import WorkerSettings
from mrq_worker.supervisor import Supervisor, supervisor_pid, watch_supervisor

DESCRIPTION = """Runs MRQ jobs from the given queues (in priority order) in gevent greenlets.

Signals: the first SIGINT stops taking jobs and lets running ones finish (up to
--shutdown-timeout-s); a second SIGINT, or SIGTERM, interrupts them and the broker requeues them.
"""

LOG_FORMAT = "%(asctime)s %(levelname)-7s [%(process)d] %(name)s: %(message)s"


def ensure_patched() -> None:
    """Fails loudly if gevent's patching did not take (e.g. socket imported too early)."""
    if not monkey.is_module_patched("socket"):
        raise SystemExit(
            "mrq-worker: gevent did not patch 'socket'; something imported it before "
            "mrq_worker.__main__ could patch. Start the worker with mrq-worker or "
            "python -m mrq_worker."
        )
    if monkey.is_module_patched("threading"):
        raise SystemExit(
            "mrq-worker: 'threading' is patched by gevent; the heartbeat and gRPC need "
            "native threads (patch with thread=False)"
        )


def run_worker(settings: WorkerSettings) -> int:
    """Runs one worker in this process until it stops; returns the exit code."""
    from mrq_worker.worker import Worker  # grpc is imported here, not in a supervisor

    worker = Worker(settings)
    sigints = 0

    # gevent runs these in the hub, between greenlets, not in a signal context; they only
    # ask the worker to stop, which sets an event and spawns the shutdown greenlet.
    def on_sigint() -> None:
        nonlocal sigints
        sigints += 1
        worker.stop(force=sigints > 1)

    gevent.signal_handler(signal.SIGINT, on_sigint)
    gevent.signal_handler(signal.SIGTERM, lambda: worker.stop(force=True))
    parent = supervisor_pid()
    if parent is not None:
        watch_supervisor(parent, worker.stop)
    # A supervised worker's metrics are served by its supervisor (see mrq_worker.metrics).
    server = (
        metrics.serve(worker.metrics.registry, settings.metrics_host, settings.metrics_port) if parent is None else None
    )
    worker.start()
    worker.join()
    if server is not None:
        server.stop()
    return worker.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """Parses the settings and runs one worker, or a supervisor of ``--processes`` workers."""
    ensure_patched()
    args = list(sys.argv[1:] if argv is None else argv)
    settings = parse_settings(WorkerSettings, args, prog="mrq-worker", description=DESCRIPTION, positional="queues")
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT)
    # Tasks are found on the worker's Python path: PYTHONPATH and the current directory (which
    # the mrq-worker console script would otherwise leave out).
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    # A Client made in task code (and mrq.ratelimit) talks to this worker's broker, with its
    # credentials.
    os.environ["MRQ_BROKER_ADDRESS"] = settings.broker_address
    os.environ.update(BrokerAccess.of(settings).env())
    if settings.processes > 0 and supervisor_pid() is None:
        return Supervisor(settings, args).run()
    return run_worker(settings)


if __name__ == "__main__":
    sys.exit(main())
