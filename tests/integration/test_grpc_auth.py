"""The broker's gRPC authentication: a shared token, TLS, and TLS with client certificates.

With auth on, a call without the right credentials is refused, and services given them (a
worker here) work end to end. The health check stays open for probes.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import grpc
import pytest
from certificates import make_certificates
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from harness import StackUnderTest

from mrq import BrokerError, BrokerUnavailable, Client
from mrq.client import ClientSettings
from mrq.security import BrokerAccess
from mrq.v1 import job_service_pb2, job_service_pb2_grpc

TOKEN = "s3cret-token-for-tests"
MakeStack = Callable[..., StackUnderTest]


def _client(address: str, **access: str) -> Client:
    """A client with only the given credentials (the test process has no MRQ_* env)."""
    return Client(
        settings=ClientSettings(
            broker_address=address, rpc_timeout_s=5.0, read_retries=0, access=BrokerAccess(**access)
        )
    )


def _runs_a_job(client: Client) -> None:
    job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 3}), timeout=30)
    assert (job["status"], job["result"]) == ("success", 5), job


def test_with_a_token_calls_without_it_are_refused_and_services_with_it_work(
    make_stack: MakeStack, tmp_path: Path
) -> None:
    # Given a broker that requires a token, read from a file by it and by its services
    token_file = tmp_path / "token"
    token_file.write_text(f"{TOKEN}\n")
    stack = make_stack(access=BrokerAccess(auth_token_file=str(token_file)))

    # When a client calls it with no token, or a wrong one, the call is refused
    for access in ({}, {"auth_token": "wrong-token"}, {"auth_token": TOKEN + "x"}):
        with _client(stack.broker_address, **access) as client, pytest.raises(BrokerError) as refused:
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})
        assert refused.value.code == "UNAUTHENTICATED" and "auth token" in str(refused.value)
    # And so are raw calls, reflection included, while the health check answers
    with grpc.insecure_channel(stack.broker_address) as channel:
        with pytest.raises(grpc.RpcError) as raw:
            job_service_pb2_grpc.JobServiceStub(channel).GetServerInfo(
                job_service_pb2.GetServerInfoRequest(), timeout=5
            )
        assert raw.value.code() is grpc.StatusCode.UNAUTHENTICATED
        listing = reflection_pb2_grpc.ServerReflectionStub(channel).ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5
        )
        with pytest.raises(grpc.RpcError) as reflected:
            next(iter(listing))
        assert reflected.value.code() is grpc.StatusCode.UNAUTHENTICATED
        health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
        assert health.status == health_pb2.HealthCheckResponse.SERVING
    # Then a worker and a client with the token work end to end
    stack.start_worker("default")
    with _client(stack.broker_address, auth_token=TOKEN) as client:
        _runs_a_job(client)
    with _client(stack.broker_address, auth_token_file=str(token_file)) as client:
        assert client.server_info().version
    # And so does the mrq command given the token file, and not without it
    command = [
        str(Path(sys.executable).parent / "mrq"),
        "--broker-address",
        stack.broker_address,
        "enqueue",
        "mrq_test_tasks.add",
        '{"a": 1, "b": 1}',
        "--wait",
        "--wait-timeout",
        "30",
    ]
    refused_cli = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert refused_cli.returncode != 0 and "UNAUTHENTICATED" in refused_cli.stderr, refused_cli
    done = subprocess.run(
        [*command, "--auth-token-file", str(token_file)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and '"success"' in done.stdout, done


def test_with_tls_plaintext_clients_and_untrusted_ones_fail_and_tls_clients_work(
    make_stack: MakeStack, tmp_path: Path
) -> None:
    # Given a broker serving TLS, and its services trusting its CA
    certs = make_certificates(tmp_path / "certs")
    other_ca = make_certificates(tmp_path / "other", ca_name="another CA").ca
    stack = make_stack(
        broker_args=("--tls-cert-file", str(certs.server_cert), "--tls-key-file", str(certs.server_key)),
        access=BrokerAccess(broker_tls_ca_file=str(certs.ca)),
    )

    # When a plaintext client, or one trusting another CA, calls it, the call fails
    for access in ({}, {"broker_tls_ca_file": str(other_ca)}):
        with _client(stack.broker_address, **access) as client, pytest.raises(BrokerUnavailable):
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})
    # Then a worker and a client trusting its CA work end to end
    stack.start_worker("default")
    with _client(stack.broker_address, broker_tls_ca_file=str(certs.ca)) as client:
        _runs_a_job(client)


def test_with_mtls_clients_without_a_certificate_are_refused(make_stack: MakeStack, tmp_path: Path) -> None:
    # Given a broker that requires client certificates signed by its CA, and a token too
    certs = make_certificates(tmp_path / "certs")
    other = make_certificates(tmp_path / "other", ca_name="another CA")
    tls = {"broker_tls_ca_file": str(certs.ca), "auth_token": TOKEN}
    stack = make_stack(
        broker_args=(
            "--tls-cert-file",
            str(certs.server_cert),
            "--tls-key-file",
            str(certs.server_key),
            "--tls-client-ca-file",
            str(certs.ca),
        ),
        access=BrokerAccess(
            **tls, broker_tls_cert_file=str(certs.client_cert), broker_tls_key_file=str(certs.client_key)
        ),
    )

    # When a TLS client presents no certificate, or one another CA signed, it is refused
    for access in (
        tls,
        {**tls, "broker_tls_cert_file": str(other.client_cert), "broker_tls_key_file": str(other.client_key)},
    ):
        with _client(stack.broker_address, **access) as client, pytest.raises(BrokerUnavailable):
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1})
    # Then a worker and a client with a certificate from the CA work end to end
    stack.start_worker("default")
    with _client(
        stack.broker_address,
        **tls,
        broker_tls_cert_file=str(certs.client_cert),
        broker_tls_key_file=str(certs.client_key),
    ) as client:
        _runs_a_job(client)
