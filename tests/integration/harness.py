"""What the integration fixtures hand to tests: the session's servers and one test's MRQ stack."""

from __future__ import annotations

import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pymongo
import redis
from prometheus_client.parser import text_string_to_metric_families
from tcp_proxy import TcpProxy

from mrq.jobs import JobDict, job_to_dict
from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import (
    job_query_pb2,
    monitor_service_pb2,
    monitor_service_pb2_grpc,
    schedule_service_pb2,
    schedule_service_pb2_grpc,
)
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage import Store, open_store
from mrq_local import Broker, ManagedProcess, MongoServer, RedisServer, Stack, wait_until

TASKS_DIR = Path(__file__).resolve().parent
#: The test tasks' module, in TASKS_DIR: its tasks are enqueued as ``mrq_test_tasks.<name>``.
TEST_TASKS_MODULE = "mrq_test_tasks"
#: How long the helpers below wait for what a test expects.
HELPER_WAIT_S = 30.0


@dataclass(frozen=True)
class Servers:
    """Redis, shared by every test of a session."""

    redis: RedisServer


@dataclass(frozen=True)
class MongoDB:
    """The MongoDB-compatible server, shared by the tests of a session that ask for it."""

    server: MongoServer
    client: pymongo.MongoClient[dict[str, Any]]


def write_config(path: Path, scheduler_tasks: Sequence[Mapping[str, Any]]) -> Path:
    """Writes a config file holding SCHEDULER_TASKS (values must have a Python repr); returns it."""
    path.write_text(f"SCHEDULER_TASKS = {list(scheduler_tasks)!r}\n")
    return path


class StackUnderTest:
    """One test's MRQ: its own broker, with its own Redis key prefix on the session's Redis and its
    own store, so tests never see each other's jobs.

    Tests drive MRQ and check its state through its public API (gRPC, HTTP, the clients);
    ``redis`` is for the few that must look behind it: the fault suite, which breaks Redis's
    state on purpose, and what no API shows (a raw job's claim, settled once its success is not
    stored).

    Attributes:
        stack: The underlying stack: every process, their logs, more brokers.
        redis: A Redis client returning str.
        redis_prefix: The prefix of every Redis key this test's brokers write.
    """

    def __init__(self, stack: Stack, redis_client: redis.Redis, redis_prefix: str) -> None:
        self.stack = stack
        self.redis = redis_client
        self.redis_prefix = redis_prefix

    @property
    def broker_address(self) -> str:
        """host:port of the test's (first) broker."""
        return self.stack.broker_address

    @property
    def broker(self) -> ManagedProcess:
        """The first broker's process, for signals."""
        return self.stack.broker.process

    def start_worker(
        self,
        *queues: str,
        greenlets: int | None = None,
        processes: int | None = None,
        extra_args: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        broker: Broker | None = None,
    ) -> ManagedProcess:
        """Starts an ``mrq-worker`` that can import ``mrq_test_tasks.*``; see :meth:`Stack.start_worker`.

        The handle has ``pid``, ``send_signal(sig)``, ``kill()``, ``wait_exit(timeout_s)``,
        ``is_alive()``, ``stop(grace_s)`` and ``log_tail()``. It is stopped at the end of the test.
        """
        return self.stack.start_worker(
            *queues, greenlets=greenlets, processes=processes, extra_args=extra_args, env=env, broker=broker
        )

    def start_scheduler(
        self, config: Path | None = None, *, extra_args: Sequence[str] = (), broker: Broker | None = None
    ) -> ManagedProcess:
        """Starts an ``mrq-scheduler`` reading SCHEDULER_TASKS from ``config`` (write it with
        :func:`write_config`); see :meth:`Stack.start_scheduler`. Stopped at the end of the test."""
        config_args = ["--config", str(config)] if config is not None else []
        return self.stack.start_scheduler(extra_args=[*config_args, *extra_args], broker=broker)

    def start_broker(self, *, extra_args: Sequence[str] = ()) -> Broker:
        """Starts one more broker on the same Redis prefix and database, on a free port."""
        return self.stack.start_broker(extra_args=extra_args)

    def restart_broker(self, *, extra_args: Sequence[str] | None = None) -> None:
        """Restarts the first broker on the same address; ``extra_args`` replaces its extra arguments."""
        self.stack.restart_broker(extra_args=extra_args)

    def list_jobs(self, **criteria: Any) -> list[JobDict]:
        """Every stored job matching a JobQuery's ``criteria``, oldest first, read page by page
        through MonitorService.ListJobs (without their heavy fields: results, tracebacks)."""
        with grpc.insecure_channel(self.broker_address) as channel:
            stub = monitor_service_pb2_grpc.MonitorServiceStub(channel)
            jobs: list[JobDict] = []
            cursor = ""
            while True:
                page = stub.ListJobs(
                    monitor_service_pb2.ListJobsRequest(
                        filter=job_query_pb2.JobQuery(**criteria),
                        order=monitor_service_pb2.JOB_ORDER_OLDEST,
                        limit=500,
                        cursor=cursor,
                    ),
                    timeout=HELPER_WAIT_S,
                )
                jobs += [job_to_dict(j) for j in page.jobs]
                cursor = page.next_cursor
                if not cursor:
                    return jobs

    def overview(self) -> monitor_service_pb2.GetOverviewResponse:
        """MonitorService.GetOverview: the stored jobs' counts by status, workers, rates."""
        with grpc.insecure_channel(self.broker_address) as channel:
            return monitor_service_pb2_grpc.MonitorServiceStub(channel).GetOverview(
                monitor_service_pb2.GetOverviewRequest(), timeout=HELPER_WAIT_S
            )

    def open_store(self) -> Store:
        """The store this test's brokers use, for tests that stage a state no API call makes
        (e.g. a broker that died between two writes). Close it after use."""
        return open_store(BrokerSettings(data_dir=str(self.stack.config.data_dir), mongodb_url=self.stack.mongodb_url))

    def redis_keys(self) -> list[str]:
        """Every Redis key written under this test's prefix, sorted."""
        return sorted(self.redis.scan_iter(match=f"{self.redis_prefix}*", count=1000))


@dataclass(frozen=True)
class IsolatedStack:
    """A test's MRQ on a Redis server of its own, which the test may restart; its broker reaches
    Redis through ``redis_proxy``, which can cut it off. ``mongodb``: the MongoDB-compatible
    server of its own that it keeps its records in, if not in SQLite."""

    under_test: StackUnderTest
    servers: Servers
    redis_proxy: TcpProxy
    mongodb: MongoDB | None = None


Samples = list[tuple[str, dict[str, str], float]]


def scrape(port_or_url: int | str) -> Samples:
    """The samples a /metrics endpoint serves, given its port on 127.0.0.1 or its base URL."""
    base = port_or_url if isinstance(port_or_url, str) else f"http://127.0.0.1:{port_or_url}"
    with urllib.request.urlopen(f"{base}/metrics", timeout=5) as response:
        text = response.read().decode()
    return [(s.name, s.labels, s.value) for family in text_string_to_metric_families(text) for s in family.samples]


def value(samples: Samples, name: str, **labels: str) -> float:
    """The sum of the samples called ``name`` whose labels include ``labels``; 0 if none."""
    return sum(v for n, ls, v in samples if n == name and labels.items() <= ls.items())


class BlockingJob:
    """Params for ``mrq_test_tasks.block_until_file``, and the files that observe and release its runs."""

    def __init__(self, directory: Path, name: str, result: Any = None) -> None:
        self.runs_path = directory / f"{name}.runs"
        self.marker_path = directory / f"{name}.go"
        self.params = {"runs": str(self.runs_path), "marker": str(self.marker_path), "result": result}

    def runs(self) -> list[str]:
        """The job id of each run that started, in order."""
        return self.runs_path.read_text().split() if self.runs_path.exists() else []

    def wait_running(self, times: int = 1) -> None:
        """Waits until the job has started ``times`` runs."""
        wait_until(lambda: len(self.runs()) >= times, timeout_s=HELPER_WAIT_S, what=f"run {times} of {self.runs_path}")

    def release(self) -> None:
        """Lets every run, current and future, finish."""
        self.marker_path.touch()


def pid_of(worker_id: str) -> int:
    """The pid in a worker id ("host-pid-random")."""
    return int(worker_id.rsplit("-", 2)[1])


def log_line(worker: ManagedProcess, text: str) -> None:
    """Waits until the worker has logged ``text``."""
    wait_until(lambda: text in worker.log_tail(200), timeout_s=HELPER_WAIT_S, what=f"{text!r} in {worker.name}'s log")


class ScheduleDriver:
    """Does to a broker's schedules what mrq-scheduler does, without its clock: syncs
    SCHEDULER_TASKS and fires a tick now. For tests about what is shown of schedules."""

    def __init__(self, broker_address: str) -> None:
        self.channel = grpc.insecure_channel(broker_address)
        self.stub = schedule_service_pb2_grpc.ScheduleServiceStub(self.channel)

    def sync_config(self, entries: Sequence[Mapping[str, Any]]) -> list[str]:
        """Makes ``entries`` the config schedules (none removes them); returns the ids created."""
        definitions = [ScheduleSpec.parse(dict(entry)).to_proto() for entry in entries]
        request = schedule_service_pb2.SyncSchedulesRequest(definitions=definitions)
        return list(self.stub.SyncSchedules(request, timeout=HELPER_WAIT_S).created)

    def fire_now(self, schedule_id: str) -> str:
        """Fires the schedule's first tick, at the current time; returns its job's id."""
        request = schedule_service_pb2.FireScheduleRequest(schedule_id=schedule_id)
        request.tick.GetCurrentTime()
        job_id: str = self.stub.FireSchedule(request, timeout=HELPER_WAIT_S).job_id
        return job_id

    def close(self) -> None:
        self.channel.close()
