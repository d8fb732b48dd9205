"""``ratelimit``, for task code: rate limits shared by every worker, kept by the broker."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mrq.client import Client


_shared: Client | None = None
_shared_lock = threading.Lock()


def ratelimit(key: str, limit: int, per: float = 1.0) -> int:
    """For task code: one call under a rate limit shared by every worker, ``limit`` calls per
    ``per`` seconds for ``key``. Returns how many calls the window had left, this one included;
    0 means the limit is reached and the caller should wait (or retry the job later).

    Talks to the broker at MRQ_BROKER_ADDRESS (a worker sets it to its own broker) through one
    client shared by the process.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            from mrq.client import Client  # loaded on first use: importing mrq loads no gRPC

            _shared = Client()
    return _shared.queues.check_rate_limit(key, limit, per)
