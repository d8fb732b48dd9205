"""The `mrq` commands that talk to a broker: parsing, output, exit codes, one-line errors."""

from __future__ import annotations

import argparse
import io
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from test_client_calls import FakeBroker, FakeChannel

import mrq.client
from mrq.cli import build_parser, main
from mrq.options import OPTION_NAMES
from mrq.v1 import job_pb2


@pytest.fixture
def broker(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBroker]:
    """Every Client the CLI opens talks to this fake broker; it records the address asked for."""
    fake = FakeBroker()
    fake.addresses = []  # type: ignore[attr-defined]
    real_client = mrq.client.Client

    def client(address: str | None = None, **_: Any) -> mrq.client.Client:
        fake.addresses.append(address)  # type: ignore[attr-defined]
        return real_client(address, channel=FakeChannel(fake))  # type: ignore[arg-type]

    monkeypatch.setattr(mrq.client, "Client", client)
    yield fake


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_enqueue_options_are_parsed() -> None:
    args = build_parser().parse_args(
        [
            "enqueue",
            "tasks.add",
            '{"a": 1}',
            "--queue",
            "math",
            "--timeout",
            "5",
            "--priority",
            "-3",
            "--delay",
            "10",
            "--max-retries",
            "2",
            "--retry-delay",
            "1.5",
            "--result-ttl",
            "60",
            "--dedupe-key",
            "k",
            "--wait",
            "--wait-timeout",
            "9",
        ]
    )

    assert (
        args.task,
        args.params,
        args.queue,
        args.timeout,
        args.priority,
        args.delay,
        args.max_retries,
        args.retry_delay,
        args.result_ttl,
        args.dedupe_key,
        args.wait,
        args.wait_timeout,
    ) == ("tasks.add", '{"a": 1}', "math", 5.0, -3, 10.0, 2, 1.5, 60.0, "k", True, 9.0)


def test_eta_is_parsed_as_iso_8601() -> None:
    args = build_parser().parse_args(["enqueue", "tasks.add", "--eta", "2030-01-01T09:00:00Z"])

    assert args.eta == datetime(2030, 1, 1, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["enqueue"],
        ["enqueue", "tasks.add", "--delay", "1", "--eta", "2030-01-01T00:00:00"],
        ["enqueue", "tasks.add", "--eta", "tomorrow"],
        ["enqueue", "tasks.add", "--priority", "high"],
        ["wait"],
        ["run", "tasks.add", "--log-level", "LOUD"],
    ],
)
def test_bad_command_lines_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: mrq" in capsys.readouterr().err


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "mrq run tasks.add" in out and "exit codes:" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["--broker-address", "b:1", "job", "x"],
        ["job", "x", "--broker-address", "b:1"],
    ],
)
def test_broker_address_before_or_after_the_command(
    argv: list[str], broker: FakeBroker, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, *argv)

    assert broker.addresses == ["b:1"]  # type: ignore[attr-defined]


def test_enqueue_prints_the_job_id(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "enqueue", "tasks.add", '{"a": 1}', "--queue", "math", "--delay", "30")

    [request] = broker.method_calls("Enqueue")
    assert (code, out) == (0, "0" * 24 + "\n")
    assert (request.params_json, request.options.queue, request.options.delay_s) == (b'{"a":1}', "math", 30.0)
    assert broker.addresses == [None]  # type: ignore[attr-defined]  # Client() then reads MRQ_BROKER_ADDRESS


def test_enqueue_with_invalid_json_params_exits_2(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "enqueue", "tasks.add", "{'a': 1}")

    assert (code, out) == (2, "")
    assert err.startswith("mrq: error: invalid JSON params") and err.count("\n") == 1
    assert broker.calls == []


def test_enqueue_wait_prints_the_job_with_iso_dates(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    def finish(request: Any) -> None:
        broker.finish(request.job_ids[0], b"3")
        broker.jobs[request.job_ids[0]].date_finished.FromDatetime(datetime(2030, 1, 1, 12, tzinfo=UTC))

    broker.on_wait = finish

    code, out, _ = cli(capsys, "enqueue", "tasks.add", '{"a": 1, "b": 2}', "--wait", "--wait-timeout", "5")

    job = orjson.loads(out)
    assert code == 0
    assert (job["status"], job["result"], job["params"]) == ("success", 3, {"a": 1, "b": 2})
    assert job["date_finished"] == "2030-01-01T12:00:00+00:00"
    assert job["date_started"] is None


def test_enqueue_wait_exits_1_when_the_job_failed(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    def fail(request: Any) -> None:
        broker.jobs[request.job_ids[0]].status = job_pb2.JOB_STATUS_FAILED

    broker.on_wait = fail

    code, out, _ = cli(capsys, "enqueue", "tasks.boom", "--wait")

    assert code == 1 and orjson.loads(out)["status"] == "failed"


def test_wait_timeout_prints_the_jobs_as_they_stood(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = (broker.add("tasks.add", b"{}", job_pb2.JobOptions()) for _ in range(2))
    broker.finish(first)

    code, out, err = cli(capsys, "wait", first, second, "--timeout", "0")

    assert code == 1
    assert [job["status"] for job in orjson.loads(out)] == ["success", "queued"]
    assert err == f"mrq: error: 1 of 2 jobs not final after 0.0s (job {second} is queued)\n"


def test_wait_exits_0_when_all_succeeded(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    job_id = broker.add("tasks.add", b"{}", job_pb2.JobOptions())
    broker.finish(job_id, b'"done"')

    code, out, _ = cli(capsys, "wait", job_id)

    assert code == 0 and orjson.loads(out)["result"] == "done"


def test_job_prints_the_job(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    job_id = broker.add("tasks.add", b'{"a": 1}', job_pb2.JobOptions(queue="math"))

    code, out, _ = cli(capsys, "job", job_id)

    job = orjson.loads(out)
    assert code == 0
    assert (job["id"], job["status"], job["options"]) == (job_id, "queued", {"queue": "math"})


def test_unknown_job_exits_1(broker: FakeBroker, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "job", "f" * 24)

    assert (code, out, err) == (1, "", f"mrq: error: job_id: no job {'f' * 24}\n")


def test_enqueue_many_reads_json_lines(
    broker: FakeBroker, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"a": 1}\n\n[2]\n3\n{"a": 4}\n'))

    code, out, _ = cli(capsys, "enqueue-many", "tasks.add", "--priority", "1", "--no-progress")

    assert code == 0
    assert out.splitlines() == [f"{i:024x}" for i in range(4)]
    assert [broker.jobs[i].params_json for i in out.split()] == [b'{"a":1}', b"[2]", b"3", b'{"a":4}']


def test_enqueue_many_bad_line(
    broker: FakeBroker, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"a": 1}\nnope\n'))

    code, _, err = cli(capsys, "enqueue-many", "tasks.add")

    assert code == 2 and "line 2" in err and broker.calls == []


def test_unreachable_broker_says_where_it_tried(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{sock.getsockname()[1]}"
    monkeypatch.setenv("MRQ_CLIENT_READ_RETRIES", "0")

    code, out, err = cli(capsys, "--broker-address", address, "job", "f" * 24)

    assert (code, out) == (3, "")
    assert err.startswith(f"mrq: error: broker at {address} is unavailable") and err.count("\n") == 1


def _option_dests(command: str) -> set[str]:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {a.dest for a in subparsers.choices[command]._actions}


def test_every_enqueue_option_has_a_flag() -> None:
    # A new EnqueueOptions key fails here until the commands take it as a flag.
    assert _option_dests("enqueue") >= OPTION_NAMES
    # The broker refuses one dedupe key shared by several jobs.
    assert OPTION_NAMES - {"dedupe_key"} <= _option_dests("enqueue-many")


def test_enqueue_flags_reach_the_broker_and_unset_ones_stay_unset(
    broker: FakeBroker, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = cli(capsys, "enqueue", "tasks.add", "--timeout", "0", "--unique", "--dedupe-key", "k")
    [request] = broker.method_calls("Enqueue")
    options = request.options
    assert code == 0
    assert (options.HasField("timeout_s"), options.timeout_s, options.unique, options.dedupe_key) == (
        True,
        0,
        True,
        "k",
    )
    assert not options.HasField("max_retries") and not options.HasField("retry_delay_s")
