"""A whole MRQ deployment as local processes: Redis, brokers, workers and schedulers.

The stack starts what its config asks for, in dependency order, and :meth:`Stack.close` stops
everything in the reverse order (workers before brokers before databases), also when starting
failed half-way. Adding a service is one method that builds its command line and calls
:meth:`Stack.start_service`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from mrq.security import BrokerAccess, redact_url
from mrq_local.errors import DataDirBusy, LaunchError
from mrq_local.health import is_http_ok, is_serving
from mrq_local.ports import LOOPBACK, free_port, is_listening, split_address
from mrq_local.process import ManagedProcess, ReadyCheck
from mrq_local.servers import RedisServer

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StackConfig:
    """What a :class:`Stack` runs, and where.

    Attributes:
        data_dir: Holds Redis's data (``redis/``), the brokers' SQLite store (``mrq.sqlite3``)
            and ``logs/``.
        redis_url: A running Redis to use; None starts one.
        mongodb_url: A MongoDB to store records in, with the database in its path; None keeps
            them in the SQLite store in ``data_dir``.
        redis_port: Port of the Redis started here; 0 picks a free one.
        broker_address: host:port of the first broker; None picks a free port on 127.0.0.1.
        redis_prefix: The brokers' Redis key prefix; None keeps the broker's default.
        broker_args: Extra command-line arguments for every broker.
        env: Variables added to every service's environment.
        access: How the services, and the stack's own health checks, reach the brokers (token,
            TLS files); passed to the services as env vars, so MRQ_AUTH_TOKEN(_FILE) also sets
            the brokers' token. The brokers' own TLS files go in ``broker_args``.
        pythonpath: Directories prepended to the workers' PYTHONPATH, where task modules live.
        workdir: The services' working directory (a worker imports tasks from it too); None: ours.
        ready_timeout_s: How long a process may take to become ready.
        stop_grace_s: How long a process may take to exit after SIGTERM before it is SIGKILLed.
    """

    data_dir: Path
    redis_url: str | None = None
    mongodb_url: str | None = None
    redis_port: int = 0
    broker_address: str | None = None
    redis_prefix: str | None = None
    broker_args: Sequence[str] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    access: BrokerAccess = field(default_factory=BrokerAccess)
    pythonpath: Sequence[Path] = ()
    workdir: Path | None = None
    ready_timeout_s: float = 60.0
    stop_grace_s: float = 10.0


@dataclass
class Broker:
    """A broker process, the address it serves on, and the extra arguments it was given."""

    address: str
    process: ManagedProcess
    extra_args: Sequence[str] = ()


@dataclass
class Dashboard:
    """A dashboard process and its base URL (e.g. "http://127.0.0.1:5555")."""

    url: str
    process: ManagedProcess


class Stack:
    """Runs an MRQ deployment; use as a context manager, or call :meth:`start` and :meth:`close`.

    Attributes:
        config: What it runs.
        redis_url: The Redis the brokers use (set by :meth:`start`).
        mongodb_url: The MongoDB database the brokers use, or "" for the SQLite store.
        brokers: Running brokers, the first one started by :meth:`start`.
        workers: Workers started by :meth:`start_worker`, stopped or not.
        schedulers: Schedulers started by :meth:`start_scheduler`, stopped or not.
        dashboards: Dashboards started by :meth:`start_dashboard`.
    """

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.redis_url = config.redis_url or ""
        self.mongodb_url = config.mongodb_url or ""
        self.brokers: list[Broker] = []
        self.workers: list[ManagedProcess] = []
        self.schedulers: list[ManagedProcess] = []
        self.dashboards: list[Dashboard] = []
        self._processes: list[ManagedProcess] = []  # in start order: stopped in reverse
        self._services: list[ManagedProcess] = []
        self._lock: IO[str] | None = None

    @property
    def logs_dir(self) -> Path:
        """Where every process's log file goes, named after the process."""
        return self.config.data_dir / "logs"

    @property
    def broker(self) -> Broker:
        """The first broker."""
        if not self.brokers:
            raise LaunchError("the stack is not started")
        return self.brokers[0]

    @property
    def broker_address(self) -> str:
        """host:port of the first broker."""
        return self.broker.address

    @property
    def store(self) -> str:
        """Where the brokers keep their records, for people (no secrets)."""
        if self.mongodb_url:
            return f"MongoDB at {redact_url(self.mongodb_url)}"
        return f"SQLite, {self.config.data_dir / 'mrq.sqlite3'}"

    @property
    def processes(self) -> list[ManagedProcess]:
        """Every process running or to be stopped, databases included, in start order."""
        return list(self._processes)

    @property
    def services(self) -> list[ManagedProcess]:
        """The MRQ services started (brokers, workers...), in start order."""
        return list(self._services)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def start(self) -> Stack:
        """Starts Redis unless the config points at one, then the first broker.

        Raises:
            DataDirBusy: another stack uses ``config.data_dir``.
            LaunchError: something failed to start; whatever did start is stopped again.
        """
        try:
            self._lock_data_dir()
            if self.config.broker_address:
                _ensure_free(self.config.broker_address)  # before the databases: fail fast
            if not self.redis_url:
                redis = RedisServer(self.config.data_dir / "redis", self._log_path("redis"), self.config.redis_port)
                self._run(redis.process)
                self.redis_url = redis.url
            self.start_broker(address=self.config.broker_address)
        except BaseException:
            self.close()
            raise
        return self

    def start_broker(self, *, address: str | None = None, extra_args: Sequence[str] = ()) -> Broker:
        """Starts a broker on the stack's Redis and store and waits for its health check.

        Args:
            address: host:port to serve on; None picks a free port on 127.0.0.1.
            extra_args: Command-line arguments after ``config.broker_args``.

        Raises:
            LaunchError: the address is taken, or the broker did not become ready.
        """
        address = address or f"{LOOPBACK}:{free_port()}"
        _ensure_free(address)
        name = "broker" if not self.brokers else f"broker-{len(self.brokers) + 1}"
        # The databases' URLs go by env, not argv: they may hold passwords, and argv is public
        # (ps, the log's header line).
        process = self.start_service(
            name,
            self._broker_argv(address, extra_args),
            env={
                "MRQ_REDIS_URL": self.redis_url,
                "MRQ_MONGODB_URL": self.mongodb_url,
                "MRQ_DATA_DIR": str(self.config.data_dir),
            },
            ready=lambda: is_serving(address, access=self.config.access),
        )
        broker = Broker(address, process, tuple(extra_args))
        self.brokers.append(broker)
        return broker

    def restart_broker(
        self, broker: Broker | None = None, *, extra_args: Sequence[str] | None = None, crash: bool = False
    ) -> None:
        """Stops a broker (the first by default) and starts it again on the same address.

        Args:
            broker: Which broker.
            extra_args: New extra arguments, replacing those it was started with; None keeps them.
            crash: SIGKILL it instead of a graceful stop.
        """
        broker = broker or self.broker
        if extra_args is not None:
            broker.extra_args = tuple(extra_args)
            broker.process.argv = self._broker_argv(broker.address, broker.extra_args)
        broker.process.restart(self.config.ready_timeout_s, self.config.stop_grace_s, crash=crash)
        logger.info("restarted %s, pid %d", broker.process.name, broker.process.pid)

    def start_worker(
        self,
        *queues: str,
        greenlets: int | None = None,
        processes: int | None = None,
        extra_args: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        broker: Broker | None = None,
    ) -> ManagedProcess:
        """Starts an ``mrq-worker`` on a broker of the stack (the first by default).

        Workers expose no readiness signal, so this returns once the process is started: wait
        for the effects you expect (jobs done) rather than for the worker.

        Args:
            queues: Queues in priority order; none lets the worker read ``MRQ_WORKER_QUEUES``.
            greenlets: Jobs run at once per process; None lets the worker decide.
            processes: Processes the worker supervises (0 = run in its own); None lets it decide.
            extra_args: More command-line arguments.
            env: Variables added to the worker's environment.
            broker: The broker it talks to.
        """
        argv = ["mrq-worker", "--broker-address", (broker or self.broker).address]
        if greenlets is not None:
            argv += ["--greenlets", str(greenlets)]
        if processes is not None:
            argv += ["--processes", str(processes)]
        argv += [*extra_args, *queues]
        inherited = (env or {}).get("PYTHONPATH", os.environ.get("PYTHONPATH", ""))
        pythonpath = [*map(str, self.config.pythonpath), *filter(None, inherited.split(os.pathsep))]
        worker_env = {**(env or {}), "PYTHONPATH": os.pathsep.join(pythonpath)}
        worker = self.start_service(f"worker-{len(self.workers) + 1}", argv, env=worker_env)
        self.workers.append(worker)
        return worker

    def start_scheduler(
        self, *, extra_args: Sequence[str] = (), env: Mapping[str, str] | None = None, broker: Broker | None = None
    ) -> ManagedProcess:
        """Starts an ``mrq-scheduler`` on a broker of the stack (the first by default).

        It reads SCHEDULER_TASKS from the config file (``--config`` in ``extra_args``, or
        ``MRQ_CONFIG``). Like workers, it has no readiness signal: wait for the jobs it enqueues.

        Args:
            extra_args: More command-line arguments.
            env: Variables added to its environment.
            broker: The broker it talks to.
        """
        argv = ["mrq-scheduler", "--broker-address", (broker or self.broker).address, *extra_args]
        scheduler = self.start_service(f"scheduler-{len(self.schedulers) + 1}", argv, env=env)
        self.schedulers.append(scheduler)
        return scheduler

    def start_dashboard(
        self,
        *,
        address: str | None = None,
        auth: str | None = None,
        broker: Broker | None = None,
        extra_args: Sequence[str] = (),
    ) -> Dashboard:
        """Starts ``mrq-dashboard`` on a broker of the stack (the first by default), and waits
        until it answers ``/healthz``.

        Args:
            address: host:port to serve on; None picks a free port on 127.0.0.1.
            auth: "user:password" (HTTP Basic) or a token; "" for none; None leaves it to
                ``MRQ_DASHBOARD_AUTH`` in the environment.
            broker: The broker it talks to.
            extra_args: More command-line arguments.
        """
        host, port = split_address(address or f"{LOOPBACK}:{free_port()}")
        _ensure_free(f"{host}:{port}")
        url = f"http://{LOOPBACK if host == '0.0.0.0' else host}:{port}"
        argv = [
            "mrq-dashboard",
            "--host",
            host,
            "--port",
            str(port),
            "--broker-address",
            (broker or self.broker).address,
            *extra_args,
        ]
        name = "dashboard" if not self.dashboards else f"dashboard-{len(self.dashboards) + 1}"
        process = self.start_service(
            name,
            argv,
            env={} if auth is None else {"MRQ_DASHBOARD_AUTH": auth},
            ready=lambda: is_http_ok(f"{url}/healthz"),
        )
        dashboard = Dashboard(url, process)
        self.dashboards.append(dashboard)
        return dashboard

    def start_service(
        self, name: str, argv: Sequence[str], *, ready: ReadyCheck | None = None, env: Mapping[str, str] | None = None
    ) -> ManagedProcess:
        """Starts an MRQ service, logging to ``logs/<name>.log``, and waits until it is ready.

        The service is stopped by :meth:`close`, in reverse start order.
        """
        # The services' commands are installed beside the Python running this launcher (the
        # virtualenv's bin), which need not be on the PATH, e.g. under `make up`.
        path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
        service_env = {
            "PATH": path,
            "PYTHONUNBUFFERED": "1",
            **self.config.access.env(),
            **self.config.env,
            **(env or {}),
        }
        process = ManagedProcess(
            name, argv, log_path=self._log_path(name), env=service_env, ready=ready, cwd=self.config.workdir
        )
        self._services.append(process)
        self._run(process)
        return process

    def close(self) -> None:
        """Stops every process, newest first, then releases the data directory.

        Each process gets ``config.stop_grace_s`` to exit after SIGTERM. Safe to call twice.
        """
        try:
            while self._processes:
                process = self._processes.pop()
                code = process.stop(self.config.stop_grace_s)
                if code is not None:
                    logger.info("stopped %s (exit code %s)", process.name, code)
        finally:
            if self._lock is not None:
                self._lock.close()
                self._lock = None

    def _broker_argv(self, address: str, extra_args: Sequence[str]) -> list[str]:
        argv = ["mrq-broker", "--broker-address", address]
        if self.config.redis_prefix is not None:
            argv += ["--redis-prefix", self.config.redis_prefix]
        return [*argv, *self.config.broker_args, *extra_args]

    def _run(self, process: ManagedProcess) -> None:
        # Registered before starting, so close() stops it even if it never becomes ready.
        self._processes.append(process)
        process.start()
        process.wait_ready(self.config.ready_timeout_s)
        logger.info("started %s, pid %d, log %s", process.name, process.pid, process.log_path)

    def _log_path(self, name: str) -> Path:
        return self.logs_dir / f"{name}.log"

    def _lock_data_dir(self) -> None:
        """Takes an exclusive lock, so two stacks never share one Redis append-only file."""
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        lock = (self.config.data_dir / "lock").open("w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            lock.close()
            raise DataDirBusy(f"{self.config.data_dir} is in use by another mrq-local") from exc
        self._lock = lock


def _ensure_free(address: str) -> None:
    """Raises LaunchError if something already listens on ``address``."""
    host, port = split_address(address)
    if is_listening(LOOPBACK if host == "0.0.0.0" else host, port):
        raise LaunchError(
            f"{address} is already in use (another `mrq-local up`?); pick another address with MRQ_BROKER_ADDRESS"
        )
