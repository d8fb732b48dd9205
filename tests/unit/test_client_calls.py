"""The Client's calls, against a fake channel: batching, server-side waits, errors, settings.

The fake stands in for the broker's JobService at the channel level (the generated stub asks the
channel for one callable per method), so these tests need no network.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import grpc
import pytest

import mrq
from mrq.client import Client, ClientSettings
from mrq.errors import BrokerUnavailable, ConfigError, InvalidArgument, JobNotFound, WaitTimeout
from mrq.progress import ProgressBar
from mrq.v1 import job_pb2, job_service_pb2

SUCCESS = job_pb2.JOB_STATUS_SUCCESS
QUEUED = job_pb2.JOB_STATUS_QUEUED


class FakeError(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code, self._details = code, details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


class FakeBroker:
    """An in-memory JobService: jobs are final once ``finish`` is called on them."""

    def __init__(self, *, max_batch_size: int = 3, max_wait_s: float = 10.0) -> None:
        self.info = job_service_pb2.GetServerInfoResponse(
            version="test", max_params_bytes=1000, max_batch_size=max_batch_size, max_wait_s=max_wait_s
        )
        self.jobs: dict[str, job_pb2.Job] = {}
        self.calls: list[tuple[str, Any, float]] = []
        self.fail_next: dict[str, FakeError] = {}
        # Called by WaitJobs instead of blocking: lets a test finish jobs "while" it waits.
        self.on_wait: Callable[[job_service_pb2.WaitJobsRequest], None] = lambda request: None

    def add(self, task: str, params_json: bytes, options: job_pb2.JobOptions) -> str:
        job_id = f"{len(self.jobs):024x}"
        self.jobs[job_id] = job_pb2.Job(id=job_id, task=task, params_json=params_json, status=QUEUED, options=options)
        return job_id

    def finish(self, job_id: str, result: bytes = b"null") -> None:
        self.jobs[job_id].status = SUCCESS
        self.jobs[job_id].result_json = result

    def handle(self, method: str, request: Any, timeout: float) -> Any:
        self.calls.append((method, request, timeout))
        if method in self.fail_next:
            raise self.fail_next.pop(method)
        return getattr(self, method)(request)

    def Enqueue(self, request: job_service_pb2.EnqueueRequest) -> Any:
        return job_service_pb2.EnqueueResponse(job_id=self.add(request.task, request.params_json, request.options))

    def EnqueueMany(self, request: job_service_pb2.EnqueueManyRequest) -> Any:
        assert len(request.params_json) <= self.info.max_batch_size
        ids = [self.add(request.task, params, request.options) for params in request.params_json]
        return job_service_pb2.EnqueueManyResponse(job_ids=ids)

    def GetJob(self, request: job_service_pb2.GetJobRequest) -> Any:
        if request.job_id not in self.jobs:
            raise FakeError(grpc.StatusCode.NOT_FOUND, f"job_id: no job {request.job_id}")
        return job_service_pb2.GetJobResponse(job=self.jobs[request.job_id])

    def WaitJobs(self, request: job_service_pb2.WaitJobsRequest) -> Any:
        assert len(request.job_ids) <= self.info.max_batch_size
        assert request.timeout_s <= self.info.max_wait_s
        self.on_wait(request)
        jobs = [self.GetJob(job_service_pb2.GetJobRequest(job_id=i)).job for i in request.job_ids]
        return job_service_pb2.WaitJobsResponse(jobs=jobs, all_final=all(j.status == SUCCESS for j in jobs))

    def GetServerInfo(self, request: job_service_pb2.GetServerInfoRequest) -> Any:
        return self.info

    def method_calls(self, method: str) -> list[Any]:
        return [request for name, request, _ in self.calls if name == method]


class FakeChannel:
    """Enough of grpc.Channel for the generated stub: one callable per method path."""

    def __init__(self, broker: FakeBroker) -> None:
        self.broker = broker
        self.closed = False

    def unary_unary(self, path: str, **_: Any) -> Callable[..., Any]:
        method = path.rsplit("/", 1)[1]
        return lambda request, timeout: self.broker.handle(method, request, timeout)

    def unary_stream(self, path: str, **_: Any) -> Callable[..., Any]:
        method = path.rsplit("/", 1)[1]
        return lambda request, timeout=None: self.broker.handle(method, request, timeout)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def broker() -> FakeBroker:
    return FakeBroker()


@pytest.fixture
def client(broker: FakeBroker) -> Iterator[Client]:
    settings = ClientSettings(broker_address="fake:1", retry_backoff_s=0, rpc_timeout_s=7)
    with Client(settings=settings, channel=FakeChannel(broker)) as client:  # type: ignore[arg-type]
        yield client


def test_enqueue_sends_params_and_options(client: Client, broker: FakeBroker) -> None:
    job_id = client.enqueue(
        "tasks.add", {"a": 1, "b": 2}, queue="math", timeout=timedelta(seconds=9), priority=3, dedupe_key="k"
    )

    [(_, request, deadline_s)] = broker.calls
    assert job_id == "0" * 24
    assert request.task == "tasks.add" and request.params_json == b'{"a":1,"b":2}'
    assert (request.options.queue, request.options.timeout_s, request.options.priority, request.options.dedupe_key) == (
        "math",
        9.0,
        3,
        "k",
    )
    assert deadline_s == 7


def test_enqueue_without_params_sends_an_empty_object(client: Client, broker: FakeBroker) -> None:
    client.enqueue("tasks.tick")

    assert broker.method_calls("Enqueue")[0].params_json == b"{}"


def test_unserialisable_params_fail_before_any_call(client: Client, broker: FakeBroker) -> None:
    with pytest.raises(TypeError, match=r"params for task 'tasks.add': not JSON-serialisable"):
        client.enqueue("tasks.add", {"a": {1, 2}})
    with pytest.raises(TypeError, match=r"params_list\[1\] for task 'tasks.add'"):
        client.enqueue_many("tasks.add", [{"a": 1}, {"a": object()}])
    assert broker.calls == []


def test_enqueue_is_not_retried(client: Client, broker: FakeBroker) -> None:
    broker.fail_next["Enqueue"] = FakeError(grpc.StatusCode.UNAVAILABLE, "down")

    with pytest.raises(BrokerUnavailable, match="fake:1"):
        client.enqueue("tasks.add", {})
    assert len(broker.method_calls("Enqueue")) == 1 and broker.jobs == {}


def test_invalid_argument_is_raised_with_its_field(client: Client, broker: FakeBroker) -> None:
    broker.fail_next["Enqueue"] = FakeError(grpc.StatusCode.INVALID_ARGUMENT, "task: not a dotted path")

    with pytest.raises(InvalidArgument) as caught:
        client.enqueue("nodots", {})
    assert caught.value.field == "task"


def test_enqueue_many_batches_by_max_batch_size_and_keeps_order(client: Client, broker: FakeBroker) -> None:
    job_ids = client.enqueue_many("tasks.add", [{"a": i} for i in range(8)], priority=2)

    batches = broker.method_calls("EnqueueMany")
    assert [len(b.params_json) for b in batches] == [3, 3, 2]
    assert all(b.options.priority == 2 for b in batches)
    assert [broker.jobs[i].params_json for i in job_ids] == [b'{"a":%d}' % i for i in range(8)]
    assert len(broker.method_calls("GetServerInfo")) == 1


def test_enqueue_many_batches_by_size(broker: FakeBroker) -> None:
    settings = ClientSettings(max_request_bytes=100)
    with Client(settings=settings, channel=FakeChannel(broker)) as client:  # type: ignore[arg-type]
        client.enqueue_many("tasks.echo", ["x" * 75, "y" * 10, "z" * 10, "w" * 200])

    assert [len(b.params_json) for b in broker.method_calls("EnqueueMany")] == [1, 2, 1]


def test_enqueue_many_of_nothing_makes_no_call(client: Client, broker: FakeBroker) -> None:
    assert client.enqueue_many("tasks.add", []) == []
    assert broker.calls == []


def test_enqueue_many_failure_says_what_was_enqueued(client: Client, broker: FakeBroker) -> None:
    accept_one_batch = broker.EnqueueMany

    def then_fail(request: job_service_pb2.EnqueueManyRequest) -> Any:
        if broker.jobs:
            raise FakeError(grpc.StatusCode.UNAVAILABLE, "down")
        return accept_one_batch(request)

    broker.EnqueueMany = then_fail  # type: ignore[method-assign]

    with pytest.raises(BrokerUnavailable) as caught:
        client.enqueue_many("tasks.add", [{}] * 5)
    assert caught.value.__notes__ == ["3 of 5 jobs were enqueued by earlier batches"]


def test_enqueue_many_progress_bar(client: Client, capsys: pytest.CaptureFixture[str]) -> None:
    client.enqueue_many("tasks.add", [{}] * 5, progress=True)

    assert "5/5" in capsys.readouterr().err


def test_server_info_is_fetched_once(client: Client, broker: FakeBroker) -> None:
    assert client.server_info().max_batch_size == 3
    client.server_info()
    assert len(broker.method_calls("GetServerInfo")) == 1


def test_get_job_retries_unavailable(client: Client, broker: FakeBroker) -> None:
    job_id = client.enqueue("tasks.add", {"a": 1})
    broker.fail_next["GetJob"] = FakeError(grpc.StatusCode.UNAVAILABLE, "down")

    job = client.get_job(job_id)

    assert job["id"] == job_id and job["params"] == {"a": 1} and job["status"] == "queued"
    assert len(broker.method_calls("GetJob")) == 2


def test_get_job_not_found(client: Client) -> None:
    with pytest.raises(JobNotFound):
        client.get_job("f" * 24)


def test_wait_one_id_returns_one_job(client: Client, broker: FakeBroker) -> None:
    job_id = client.enqueue("tasks.add", {"a": 1})
    broker.on_wait = lambda request: broker.finish(job_id, b"3")

    job = client.wait(job_id, timeout=30)

    assert job["status"] == "success" and job["result"] == 3
    [request] = broker.method_calls("WaitJobs")
    assert request.timeout_s == pytest.approx(10.0)  # capped at max_wait_s


def test_wait_many_ids_in_batches_and_in_order(client: Client, broker: FakeBroker) -> None:
    job_ids = client.enqueue_many("tasks.add", [{"a": i} for i in range(5)])
    for job_id in job_ids:
        broker.finish(job_id)
    asked = [*reversed(job_ids), job_ids[0]]  # any order, duplicates allowed

    jobs = client.wait(asked)

    assert [job["id"] for job in jobs] == asked
    assert [len(r.job_ids) for r in broker.method_calls("WaitJobs")] == [3, 2]


def test_wait_splits_long_waits_and_only_rewaits_pending_jobs(client: Client, broker: FakeBroker) -> None:
    job_ids = client.enqueue_many("tasks.add", [{}, {}])
    rounds: Iterator[Callable[[], None]] = iter(
        [lambda: broker.finish(job_ids[0]), lambda: None, lambda: broker.finish(job_ids[1])]
    )
    broker.on_wait = lambda request: next(rounds)()

    jobs = client.wait(job_ids)

    assert [job["status"] for job in jobs] == ["success", "success"]
    assert [list(r.job_ids) for r in broker.method_calls("WaitJobs")] == [job_ids, job_ids[1:], job_ids[1:]]


def test_wait_timeout_carries_the_jobs_as_they_stood(client: Client, broker: FakeBroker) -> None:
    job_ids = client.enqueue_many("tasks.add", [{}] * 4)
    broker.finish(job_ids[3])

    with pytest.raises(WaitTimeout) as caught:
        client.wait(job_ids, timeout=0)

    assert [job["status"] for job in caught.value.jobs] == ["queued"] * 3 + ["success"]
    # Every batch was looked at once, with no wait.
    assert [(len(r.job_ids), r.timeout_s) for r in broker.method_calls("WaitJobs")] == [(3, 0.0), (1, 0.0)]


def test_wait_timeout_of_one_job(client: Client) -> None:
    job_id = client.enqueue("tasks.add", {})

    with pytest.raises(WaitTimeout, match=f"job {job_id} is queued") as caught:
        client.wait(job_id, timeout=timedelta(0))
    assert [job["id"] for job in caught.value.jobs] == [job_id]


def test_wait_deadline_includes_the_wait(client: Client, broker: FakeBroker) -> None:
    job_id = client.enqueue("tasks.add", {})
    broker.finish(job_id)

    client.wait(job_id, timeout=4)

    [(_, request, deadline_s)] = [call for call in broker.calls if call[0] == "WaitJobs"]
    assert deadline_s == pytest.approx(7 + request.timeout_s)


def test_close_closes_only_its_own_channel(broker: FakeBroker) -> None:
    channel = FakeChannel(broker)
    Client(channel=channel).close()  # type: ignore[arg-type]
    assert not channel.closed


def test_address_argument_overrides_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MRQ_BROKER_ADDRESS", "from-env:1")
    with Client() as from_env, Client("explicit:2") as explicit:
        assert from_env.settings.broker_address == "from-env:1"
        assert explicit.settings.broker_address == "explicit:2"
        assert repr(explicit) == "Client('explicit:2')"


def test_settings_from_env() -> None:
    settings = ClientSettings.from_env(
        {
            "MRQ_BROKER_ADDRESS": "b:1",
            "MRQ_CLIENT_RPC_TIMEOUT_S": "2.5",
            "MRQ_CLIENT_READ_RETRIES": "0",
            "MRQ_CLIENT_MAX_MESSAGE_BYTES": "",
        }
    )

    assert settings == ClientSettings(broker_address="b:1", rpc_timeout_s=2.5, read_retries=0)
    assert ClientSettings.from_env({}) == ClientSettings()


def test_settings_from_env_names_a_bad_variable() -> None:
    with pytest.raises(ConfigError, match="MRQ_CLIENT_READ_RETRIES"):
        ClientSettings.from_env({"MRQ_CLIENT_READ_RETRIES": "many"})


def test_public_surface() -> None:
    assert mrq.Client is Client
    assert set(mrq.__all__) >= {
        "Client",
        "Task",
        "get_current_job",
        "set_current_job_progress",
        "retry_current_job",
        "abort_current_job",
        "get_logger",
        "run_task",
        "MrqError",
        "InvalidArgument",
        "JobNotFound",
        "BrokerUnavailable",
        "WaitTimeout",
    }
    assert all(hasattr(mrq, name) for name in mrq.__all__)


def test_progress_bar_off_a_terminal_writes_one_final_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar(10, label="enqueue", stream=stream)
    bar.advance(4)
    bar.advance(6)
    bar.close()

    [line] = stream.getvalue().splitlines()
    assert line.startswith("enqueue [" + "#" * 30 + "] 100% 10/10 ")
