"""A broker that finds Redis through Sentinel (--redis-sentinels): it asks the Sentinel for the
master, so its --redis-url only gives the database."""

from __future__ import annotations

from pathlib import Path

import redis
from harness import StackUnderTest

from mrq import Client
from mrq_local import ManagedProcess, free_port
from mrq_local.ports import LOOPBACK


def start_sentinel(directory: Path, master_port: int) -> tuple[ManagedProcess, int]:
    """A Sentinel (redis-server in sentinel mode) watching the master at ``master_port``."""
    port = free_port()
    config = directory / "sentinel.conf"  # Sentinel rewrites its config file: a private copy
    config.write_text(
        f"port {port}\nbind {LOOPBACK}\ndir {directory}\nsentinel monitor mymaster {LOOPBACK} {master_port} 1\n"
    )

    def answers() -> bool:
        try:
            return redis.Redis(host=LOOPBACK, port=port, socket_timeout=1).sentinel_master("mymaster") is not None
        except redis.RedisError:
            return False

    sentinel = ManagedProcess(
        "sentinel", ["redis-server", str(config), "--sentinel"], log_path=directory / "sentinel.log", ready=answers
    )
    sentinel.start()
    sentinel.wait_ready(30)
    return sentinel, port


def test_broker_reaches_redis_through_sentinel(stack: StackUnderTest, tmp_path: Path) -> None:
    master_port = int(stack.stack.redis_url.rsplit(":", 1)[1].split("/")[0])
    sentinel, sentinel_port = start_sentinel(tmp_path, master_port)
    try:
        # The URL's host names nothing that listens: only the Sentinel can lead the broker to Redis.
        stack.restart_broker(
            extra_args=["--redis-url", f"redis://{LOOPBACK}:1/0", "--redis-sentinels", f"{LOOPBACK}:{sentinel_port}"]
        )
        stack.start_worker("default")
        with Client(stack.broker_address) as client:
            job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 3}), timeout=30)
        assert (job["status"], job["result"]) == ("success", 5)
    finally:
        sentinel.stop()
