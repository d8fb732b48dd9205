"""The broker's rules, tested on their own: no broker, worker or store runs. The Lua scripts run
against one throwaway ``redis-server`` for the whole suite (no persistence, on a free port), each
test under a key prefix of its own."""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from mrq_broker.queueing.keys import Keys
from mrq_broker.queueing.queues import RedisQueues
from mrq_local import wait_until
from mrq_local.ports import LOOPBACK, free_port


def _answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


@pytest.fixture(scope="session")
def redis_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[redis.Redis]:
    folder: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    argv = ["redis-server", "--bind", LOOPBACK, "--port", str(port), "--dir", str(folder)]
    argv += ["--save", "", "--appendonly", "no"]
    with (folder / "redis.log").open("wb") as log:
        server = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    client = redis.Redis(host=LOOPBACK, port=port, socket_timeout=5)
    try:
        wait_until(lambda: _answers(client), timeout_s=10, what="redis-server answers")
        yield client
    finally:
        client.close()
        server.terminate()
        server.wait(10)


@pytest.fixture
def keys() -> Keys:
    return Keys(f"unit-{secrets.token_hex(4)}")


@pytest.fixture
def queues(redis_client: redis.Redis, keys: Keys) -> RedisQueues:
    """The broker's Redis operations, loading its scripts as the broker does."""
    return RedisQueues(redis_client, keys)
