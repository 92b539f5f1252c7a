"""The suite runs offline: a test that reaches for the network fails; loopback still works
(for local servers and kernels)."""

from __future__ import annotations

import socket
import urllib.request

import pytest
from pytest_socket import SocketConnectBlockedError

TEST_NET = "192.0.2.1"  # TEST-NET-1 (RFC 5737): never routed, so never a real call
blocked = pytest.mark.filterwarnings("ignore:A test tried to use socket")


@blocked
def test_a_connection_to_a_network_address_fails():
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection((TEST_NET, 80), timeout=1)


@blocked
def test_an_http_request_fails():
    with pytest.raises(SocketConnectBlockedError):
        urllib.request.urlopen(f"http://{TEST_NET}/", timeout=1)


def test_loopback_connections_are_allowed():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            peer, _ = server.accept()
            with peer:
                client.sendall(b"ping")
                assert peer.recv(4) == b"ping"


def test_unix_socket_pairs_are_allowed():
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
