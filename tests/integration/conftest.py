"""Fixtures that run MRQ as real processes, built on mrq_local (the launcher behind `make up`).

For speed, Redis starts once per session (and the MongoDB-compatible server too, the first time a
test asks for it). For isolation, each test gets its own broker on a free port, with a unique
Redis key prefix and its own SQLite store (or MongoDB database).

    def test_add(stack, client):
        stack.start_worker("default")
        job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=10)
        assert job["result"] == 3

Broker flags for one test: ``@pytest.mark.broker_args("--lease-ttl-s", "2")``.
Test tasks live in mrq_test_tasks.py beside this file (a name of their own, so that a user's
mrq_test_tasks.py in the repository cannot shadow them, and the services run in the test's own folder);
wait for effects with ``mrq_local.wait_until``.
When a test fails, the last lines of its brokers' and workers' logs are added to the report.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

import pymongo
import pytest
import redis
from harness import TASKS_DIR, TEST_TASKS_MODULE, IsolatedStack, MongoDB, Servers, StackUnderTest
from tcp_proxy import TcpProxy

from mrq import Client
from mrq.security import BrokerAccess
from mrq_local import MongoServer, RedisServer, Stack, StackConfig
from mrq_local.ports import LOOPBACK

READY_TIMEOUT_S = 30.0
STOP_GRACE_S = 10.0
#: The services' /metrics endpoints default to fixed ports; tests turn them off, and a test
#: that scrapes them passes a free port with --metrics-port.
NO_METRICS_ENV = {f"MRQ_{program}_METRICS_PORT": "0" for program in ("BROKER", "WORKER", "SCHEDULER")}
#: What every service under test gets: no metrics, and workers allowed the test tasks' module.
SERVICE_ENV = {**NO_METRICS_ENV, "MRQ_WORKER_TASK_PACKAGES": TEST_TASKS_MODULE}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mrq faults", "the fault-injection suite (tests marked `faults`)")
    group.addoption("--fault-jobs", type=int, default=5000, help="jobs run through the faults (default 5000)")
    group.addoption("--fault-rounds", type=int, default=1, help="times every fault is injected (default 1)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "broker_args(*args): extra command-line arguments for the test's broker")
    config.addinivalue_line("markers", "faults: kills and restarts MRQ's processes and servers while jobs run")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
    call: pytest.CallInfo[None],
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    funcargs = getattr(item, "funcargs", {})
    under_test = funcargs.get("stack", funcargs.get("module_stack"))
    if isinstance(isolated := funcargs.get("isolated_stack"), IsolatedStack):
        under_test = isolated.under_test
    if report.when == "call" and report.failed and isinstance(under_test, StackUnderTest):
        for process in under_test.stack.services:
            report.sections.append((f"{process.name} log: {process.log_path}", process.log_tail(60)))
    return report


@pytest.fixture(scope="session", autouse=True)
def hermetic_env() -> Iterator[None]:
    """Hides the developer's MRQ_* variables from the services the tests start."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [name for name in os.environ if name.startswith("MRQ_")]:
            patch.delenv(name)
        yield


@contextlib.contextmanager
def run_servers(root: Path) -> Iterator[Servers]:
    """Redis, with its data and log in ``root``."""
    redis_server = RedisServer(root / "redis", root / "logs" / "redis.log")
    try:
        redis_server.start(READY_TIMEOUT_S)
        yield Servers(redis_server)
    finally:
        redis_server.stop(STOP_GRACE_S)


@contextlib.contextmanager
def run_mongodb(root: Path) -> Iterator[MongoDB]:
    """A MongoDB-compatible server (FerretDB unless mongod is installed), with its data and log in ``root``."""
    server = MongoServer(root / "mongodb", root / "logs" / "mongodb.log")
    try:
        server.start(READY_TIMEOUT_S)
        client: pymongo.MongoClient[dict[str, Any]] = pymongo.MongoClient(server.url("admin"))
        with client:
            yield MongoDB(server, client)
    finally:
        server.stop(STOP_GRACE_S)


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """Redis, started once per session."""
    with run_servers(tmp_path_factory.mktemp("servers")) as started:
        yield started


@pytest.fixture(scope="session")
def mongodb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MongoDB]:
    """A MongoDB-compatible server, started once per session by the first test that asks for it."""
    with run_mongodb(tmp_path_factory.mktemp("mongodb")) as started:
        yield started


@pytest.fixture
def own_servers(tmp_path: Path) -> Iterator[Servers]:
    """Redis of this test alone, on a fresh data directory: for tests that restart it."""
    with run_servers(tmp_path / "servers") as started:
        yield started


@contextlib.contextmanager
def stack_under_test(
    servers: Servers,
    data_dir: Path,
    broker_args: Sequence[str] = (),
    broker_redis_url: str | None = None,
    access: BrokerAccess | None = None,
    mongodb: MongoDB | None = None,
) -> Iterator[StackUnderTest]:
    """A broker, ready, on ``servers``, with its own Redis prefix, which is deleted afterwards, and
    its own SQLite store in ``data_dir`` (or database on ``mongodb``, dropped afterwards).
    ``broker_redis_url`` is where the broker finds Redis, if not at its own URL (a proxy);
    ``access`` is how its services reach it (token, TLS files)."""
    name = f"t{secrets.token_hex(6)}"  # the Redis prefix and database name
    config = StackConfig(
        data_dir=data_dir,
        redis_url=broker_redis_url or servers.redis.url,
        mongodb_url=mongodb.server.url(name) if mongodb else None,
        redis_prefix=name,
        broker_args=tuple(broker_args),
        pythonpath=(TASKS_DIR,),
        workdir=data_dir,
        ready_timeout_s=READY_TIMEOUT_S,
        stop_grace_s=STOP_GRACE_S,
        env=SERVICE_ENV,
        access=access or BrokerAccess(),
    )
    redis_client = redis.Redis.from_url(servers.redis.url, decode_responses=True)
    try:
        with Stack(config) as running:
            yield StackUnderTest(running, redis_client, name)
    finally:
        for key in redis_client.scan_iter(match=f"{name}*", count=1000):
            redis_client.delete(key)
        if mongodb:
            mongodb.client.drop_database(name)
        redis_client.close()


@pytest.fixture
def stack(servers: Servers, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[StackUnderTest]:
    """This test's broker, ready, on the session's servers; its workers come from ``start_worker``."""
    marker = request.node.get_closest_marker("broker_args")
    with stack_under_test(servers, tmp_path / "stack", marker.args if marker else ()) as under_test:
        yield under_test


@pytest.fixture
def make_stack(servers: Servers, tmp_path: Path) -> Iterator[Callable[..., StackUnderTest]]:
    """Starts stacks like ``stack``'s with ``make_stack(broker_args=(...), access=BrokerAccess(...))``,
    e.g. a broker that requires a token or TLS; they are stopped at the end of the test."""
    numbers = itertools.count(1)
    with contextlib.ExitStack() as started:

        def make(*, broker_args: Sequence[str] = (), access: BrokerAccess | None = None) -> StackUnderTest:
            data_dir = tmp_path / f"stack-{next(numbers)}"
            return started.enter_context(stack_under_test(servers, data_dir, broker_args, access=access))

        yield make


@pytest.fixture(scope="module")
def module_stack(
    servers: Servers, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[StackUnderTest]:
    """One broker shared by a module's tests, for modules whose tests only read what they seed
    once, or act on jobs of their own (e.g. the dashboard's). Its flags: the module's
    ``pytestmark = pytest.mark.broker_args(...)``."""
    marker = request.node.get_closest_marker("broker_args")
    with stack_under_test(servers, tmp_path_factory.mktemp("stack"), marker.args if marker else ()) as under_test:
        yield under_test


@pytest.fixture
def client(stack: StackUnderTest) -> Iterator[Client]:
    """A client of the test's broker."""
    with Client(stack.broker_address) as mrq_client:
        yield mrq_client


@pytest.fixture
def mongodb_stack(servers: Servers, mongodb: MongoDB, tmp_path: Path) -> Iterator[StackUnderTest]:
    """Like ``stack``, but its broker keeps its records in MongoDB."""
    with stack_under_test(servers, tmp_path / "stack", mongodb=mongodb) as under_test:
        yield under_test


@pytest.fixture(params=["sqlite", "mongodb"])
def isolated_stack(own_servers: Servers, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[IsolatedStack]:
    """This test's broker on servers of its own, reaching Redis through a proxy that can cut it off;
    once with its records in SQLite, once in a MongoDB-compatible server of its own."""
    marker = request.node.get_closest_marker("broker_args")
    proxy = TcpProxy(own_servers.redis.port)
    with contextlib.ExitStack() as started:
        started.callback(proxy.close)
        mongodb = started.enter_context(run_mongodb(tmp_path / "mongodb")) if request.param == "mongodb" else None
        under_test = started.enter_context(
            stack_under_test(
                own_servers,
                tmp_path / "stack",
                marker.args if marker else (),
                broker_redis_url=f"redis://{LOOPBACK}:{proxy.port}/0",
                mongodb=mongodb,
            )
        )
        yield IsolatedStack(under_test, own_servers, proxy, mongodb)
