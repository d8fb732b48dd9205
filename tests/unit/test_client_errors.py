"""gRPC failures become the mrq.errors hierarchy in one place; only reads are retried."""

from __future__ import annotations

from typing import Any

import grpc
import pytest

from mrq import rpc
from mrq.errors import BrokerError, BrokerUnavailable, InvalidArgument, JobNotFound, MrqError

ADDRESS = "broker.example:50051"


class FakeRpcError(grpc.RpcError):
    """What a failed call raises: a grpc.RpcError with the grpc.Call accessors."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code = code
        self._details = details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


def test_invalid_argument_names_the_field() -> None:
    error = rpc.translate_error(
        FakeRpcError(grpc.StatusCode.INVALID_ARGUMENT, "options.queue: must match [A-Za-z0-9_-.:/]+"), address=ADDRESS
    )

    assert isinstance(error, InvalidArgument)
    assert error.field == "options.queue"
    assert str(error) == "options.queue: must match [A-Za-z0-9_-.:/]+"


def test_invalid_argument_with_an_indexed_field() -> None:
    error = rpc.translate_error(
        FakeRpcError(grpc.StatusCode.INVALID_ARGUMENT, "job_ids[3]: not a job id"), address=ADDRESS
    )

    assert isinstance(error, InvalidArgument) and error.field == "job_ids[3]"


def test_invalid_argument_without_a_field_prefix() -> None:
    error = rpc.translate_error(FakeRpcError(grpc.StatusCode.INVALID_ARGUMENT, "bad request"), address=ADDRESS)

    assert isinstance(error, InvalidArgument) and error.field == ""


def test_not_found() -> None:
    error = rpc.translate_error(FakeRpcError(grpc.StatusCode.NOT_FOUND, "job_id: no job abc"), address=ADDRESS)

    assert isinstance(error, JobNotFound)
    assert str(error) == "job_id: no job abc"


@pytest.mark.parametrize("code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED])
def test_unavailable_names_the_address(code: grpc.StatusCode) -> None:
    error = rpc.translate_error(FakeRpcError(code, "connection refused"), address=ADDRESS)

    assert isinstance(error, BrokerUnavailable)
    assert ADDRESS in str(error) and "connection refused" in str(error)


def test_other_codes_carry_the_code() -> None:
    error = rpc.translate_error(FakeRpcError(grpc.StatusCode.INTERNAL, "oops"), address=ADDRESS)

    assert isinstance(error, BrokerError) and isinstance(error, MrqError)
    assert error.code == "INTERNAL"
    assert "INTERNAL" in str(error) and "oops" in str(error)


def test_an_rpc_error_without_status() -> None:
    error = rpc.translate_error(grpc.RpcError("weird"), address=ADDRESS)

    assert isinstance(error, BrokerError) and error.code == "UNKNOWN"


class Flaky:
    """A fake RPC method that fails with ``errors`` in turn, then answers "ok"."""

    def __init__(self, *errors: FakeRpcError) -> None:
        self.errors = list(errors)
        self.calls: list[tuple[Any, float]] = []

    def __call__(self, request: Any, timeout: float) -> str:
        self.calls.append((request, timeout))
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def test_reads_retry_unavailable() -> None:
    method = Flaky(FakeRpcError(grpc.StatusCode.UNAVAILABLE, "down"), FakeRpcError(grpc.StatusCode.UNAVAILABLE, "down"))

    result = rpc.call_with_retry(method, "req", timeout_s=5, address=ADDRESS, retries=3, backoff_s=0)

    assert result == "ok"
    assert method.calls == [("req", 5)] * 3


def test_reads_give_up_after_the_retries() -> None:
    method = Flaky(*[FakeRpcError(grpc.StatusCode.UNAVAILABLE, "down")] * 3)

    with pytest.raises(BrokerUnavailable, match=ADDRESS):
        rpc.call_with_retry(method, "req", timeout_s=5, address=ADDRESS, retries=2, backoff_s=0)
    assert len(method.calls) == 3


def test_reads_do_not_retry_other_codes() -> None:
    method = Flaky(FakeRpcError(grpc.StatusCode.NOT_FOUND, "job_id: no job x"))

    with pytest.raises(JobNotFound):
        rpc.call_with_retry(method, "req", timeout_s=5, address=ADDRESS, retries=3, backoff_s=0)
    assert len(method.calls) == 1


def test_writes_are_called_once() -> None:
    method = Flaky(FakeRpcError(grpc.StatusCode.UNAVAILABLE, "down"))

    with pytest.raises(BrokerUnavailable):
        rpc.call(method, "req", timeout_s=5, address=ADDRESS)
    assert len(method.calls) == 1
