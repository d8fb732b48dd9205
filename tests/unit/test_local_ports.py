"""mrq_local.ports: free ports, listening checks, address parsing."""

from __future__ import annotations

import socket

import pytest

from mrq_local.ports import LOOPBACK, free_port, is_listening, split_address


def test_free_port_is_bindable_and_not_listening() -> None:
    port = free_port()

    assert not is_listening(LOOPBACK, port)
    with socket.socket() as server:
        server.bind((LOOPBACK, port))
        server.listen()
        assert is_listening(LOOPBACK, port)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1:50051", ("127.0.0.1", 50051)),
        ("localhost:1", ("localhost", 1)),
        ("[::1]:80", ("[::1]", 80)),
    ],
)
def test_split_address(address: str, expected: tuple[str, int]) -> None:
    assert split_address(address) == expected


@pytest.mark.parametrize("address", ["50051", ":50051", "host:", "host:port"])
def test_split_address_rejects_addresses_without_host_and_port(address: str) -> None:
    with pytest.raises(ValueError, match="host:port"):
        split_address(address)
