"""A laptop learns its peers from the laptops that connect to it: one side naming the other
(a bare cable, a hotspot without mDNS) links both ways. Only a connector the handshake
proved trusted, whose hello names its own certificate's device and hospital, is learnt.

Every laptop here listens on loopback only (127.0.0.1).
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
from collections.abc import Callable, Iterator
from typing import Any

import aiohttp
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.sync.mesh import certs, node, wire
from tests.sync.conftest import Keys, device_id, load_plan
from tests.sync.mesh_support import free_port, wait_for


def _raw(key: Ed25519PrivateKey) -> bytes:
    return certs.raw_public_key(key.public_key())


@pytest.fixture
def laptop_a(laptops: Callable[..., Console]) -> Iterator[tuple[Console, mesh_service.Mesh]]:
    """A serves on 127.0.0.1 and names no peer."""
    a = laptops("A")
    load_plan(a)
    mesh = mesh_service.Mesh(a, port=free_port("127.0.0.1"), bind="127.0.0.1", discovery=False)
    mesh.start()
    yield a, mesh
    mesh.stop()


def _peers(mesh: mesh_service.Mesh) -> tuple[node.PeerState, ...]:
    snapshot = mesh.snapshot()
    assert snapshot is not None
    return snapshot.peers


def test_a_laptop_that_connects_becomes_a_peer_pulled_from_too(
    laptop_a: tuple[Console, mesh_service.Mesh], laptops: Callable[..., Console], keys: Keys
) -> None:
    a, mesh_a = laptop_a
    b = laptops("B")
    load_plan(b)
    # B listens where its connections come from (127.0.0.1): A reaches back to the host
    # the connection came from, never to one a hello names.
    port_b = free_port("127.0.0.1")
    mesh_b = mesh_service.Mesh(
        b, port=port_b, bind="127.0.0.1", peers=(f"127.0.0.1:{mesh_a.port}",), discovery=False
    )
    mesh_b.start()
    try:
        b_id = device_id(keys.devices["B"])
        wait_for(
            lambda: (
                [(p.device, p.source, p.state) for p in _peers(mesh_a)]
                == [(b_id, "incoming", "connected")]
            ),
            20,
        )
        # B reaches out to A only; A's learnt link is what brings B's incident here.
        incident, _ = incident_service.declare(b, level="II", title="Ward network down")
        wait_for(lambda: incident in {i["id"] for i in incident_service.list_incidents(a)}, 20)
        status = mesh_service.live_status(a, mesh_a)
        assert [(p.name, p.address, p.source) for p in status.peers] == [
            ("Laptop B", f"127.0.0.1:{port_b}", "incoming")
        ]
    finally:
        mesh_b.stop()


async def _hello_as(
    key: Ed25519PrivateKey, trusted: list[bytes], port: int, hello: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    context = certs.context(key, trusted, server=False)
    connector = aiohttp.TCPConnector(ssl=context)
    async with (
        aiohttp.ClientSession(connector=connector) as session,
        session.post(f"https://127.0.0.1:{port}{wire.PATH_HELLO}", json=hello) as response,
    ):
        return response.status, json.loads(await response.read() or b"{}")


def test_a_connector_is_learnt_only_when_its_hello_is_its_own(
    laptop_a: tuple[Console, mesh_service.Mesh], laptops: Callable[..., Console], keys: Keys
) -> None:
    """B's key is trusted, but what connects with it lies in its hello: another device,
    this laptop's own id, another hospital, no port. Each names the port where the real B
    listens, so a lie believed would show as a peer at once; none does. The honest hello
    from the same key is learnt (the test's check that the lies were told to a listening A)."""
    a, mesh_a = laptop_a
    b = keys.devices["B"]
    mesh_b = mesh_service.Mesh(
        laptops("B"), port=free_port("127.0.0.1"), bind="127.0.0.1", discovery=False
    )
    mesh_b.start()
    trusted = [_raw(b), a.identity.public_key_bytes]
    honest = {
        "device": device_id(b),
        "name": "Laptop B",
        "hospital": mesh_a._store.hospital(),
        "vector": {},
        "trust_serial": 0,
        "port": mesh_b.port,
    }
    lies = [
        {**honest, "device": device_id(keys.devices["C"])},
        {**honest, "device": a.device_id},
        {**honest, "hospital": "another hospital"},
        {**honest, "port": 0},
        {key: value for key, value in honest.items() if key != "port"},
    ]

    async def scenario() -> list[int]:
        return [(await _hello_as(b, trusted, mesh_a.port, lie))[0] for lie in lies]

    try:
        assert asyncio.run(scenario()) == [200] * len(lies)
        assert _peers(mesh_a) == ()
        status, answer = asyncio.run(_hello_as(b, trusted, mesh_a.port, honest))
        assert (status, answer["port"]) == (200, mesh_a.port)
        wait_for(
            lambda: [(p.device, p.state) for p in _peers(mesh_a)] == [(device_id(b), "connected")],
            20,
        )
        assert _peers(mesh_a)[0].address == f"127.0.0.1:{mesh_b.port}"
    finally:
        mesh_b.stop()


def test_an_untrusted_connector_is_refused_and_not_learnt(
    laptop_a: tuple[Console, mesh_service.Mesh], keys: Keys
) -> None:
    a, mesh_a = laptop_a
    rogue = keys.devices["R"]
    context = certs.context(rogue, [_raw(rogue), a.identity.public_key_bytes], server=False)
    body = json.dumps(
        {
            "device": device_id(rogue),
            "name": "R",
            "hospital": mesh_a._store.hospital(),
            "vector": {},
            "trust_serial": 0,
            "port": free_port("127.0.0.1"),
        }
    ).encode()
    request = (
        f"POST {wire.PATH_HELLO} HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    with (
        socket.create_connection(("127.0.0.1", mesh_a.port), timeout=5) as raw,
        context.wrap_socket(raw) as tls,
    ):
        tls.sendall(request)
        try:
            got = tls.recv(1024)
        except ssl.SSLError:  # the alert, when it arrives before the connection closes
            got = b""
    assert got == b""
    assert _peers(mesh_a) == ()
