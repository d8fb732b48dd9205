"""Example MRQ tasks, baked into a worker image by examples/worker-image/Dockerfile.

The image copies this file to /app/tasks.py, so the tasks are enqueued as ``tasks.<name>``::

    mrq enqueue tasks.word_count '{"text": "to be or not to be"}' --wait
    mrq enqueue tasks.countdown '{"n": 5}'

A task is a function taking the job's params (any JSON value) or a ``Task`` subclass with
``run(self, params)``; what it returns, as JSON, is the job's result.
"""

from __future__ import annotations

import collections
import time
import urllib.request
from typing import Any

from mrq import Task, get_logger, set_current_job_progress


def word_count(params: dict[str, Any]) -> dict[str, int]:
    """Counts the words of ``params["text"]``; returns the ``top`` (default 3) most frequent."""
    counts = collections.Counter(params["text"].lower().split())
    return dict(counts.most_common(int(params.get("top", 3))))


def fetch_size(params: dict[str, Any]) -> int:
    """Downloads ``params["url"]`` and returns its size in bytes.

    The worker patches sockets with gevent, so the download yields to the other jobs of the
    process while it waits on the network.
    """
    timeout_s = float(params.get("timeout_s", 10))
    with urllib.request.urlopen(params["url"], timeout=timeout_s) as response:
        size = len(response.read())
    get_logger().info("fetched %s: %d bytes", params["url"], size)
    return size


class Countdown(Task):
    """Counts down from ``params["n"]``, one step per ``params["step_s"]`` seconds, reporting
    progress as it goes (the dashboard and ``mrq job`` show it)."""

    def run(self, params: dict[str, Any]) -> int:
        steps = int(params.get("n", 10))
        for done in range(1, steps + 1):
            time.sleep(float(params.get("step_s", 0.5)))
            set_current_job_progress(done / steps)
        return steps


#: A lowercase alias: ``tasks.countdown`` and ``tasks.Countdown`` are the same task.
countdown = Countdown
