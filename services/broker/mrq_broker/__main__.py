"""mrq-broker: serve the MRQ gRPC API until SIGINT or SIGTERM."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Sequence

from mrq.config import parse_settings
from mrq_broker.server import start
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage import StoreUnavailable
from mrq_broker.supervisor import Supervisor, supervisor_pid, watch_supervisor

DESCRIPTION = """The MRQ broker: the only service that touches Redis (queues, leases) and MongoDB
(job records). Clients and workers talk to it over gRPC (proto/mrq/v1). Stateless: run as
many as you like against the same Redis and MongoDB."""


def main(argv: Sequence[str] | None = None) -> int:
    """Serves in this process, or supervises ``--processes`` broker processes."""
    args = list(sys.argv[1:] if argv is None else argv)
    settings = parse_settings(BrokerSettings, args, prog="mrq-broker", description=DESCRIPTION)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s mrq-broker %(name)s: %(message)s"
    )
    for note in settings.deprecated_keys:
        logging.getLogger("mrq_broker").warning("config: %s", note)
    if settings.processes != 1:
        return Supervisor(settings, args).run()
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    parent = supervisor_pid()
    if parent is not None:
        watch_supervisor(parent, stopping)
    try:
        server = start(settings)
    except StoreUnavailable as exc:
        # A store that can't serve is the operator's to fix (folder, permissions, disk, another
        # process's lock): one line naming the cause and the file says all, a traceback nothing.
        logging.getLogger("mrq_broker").critical("can't start: %s", exc)
        sys.exit(2)
    stopping.wait()
    logging.getLogger("mrq_broker").info("stopping")
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
