"""What the mesh refuses: strangers in the handshake, a peer sending garbage or forgeries,
oversized requests, a flood of connections — and the laptop goes on working after each.

A runs a mesh node in this process (loopback only); the "peers" are hand-made clients and
servers holding trusted or untrusted device keys.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.cli import main
from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.services.sync.shared import local_vector
from hisconsole.sync.canonical import b64, event_bytes_from_text
from hisconsole.sync.mesh import certs, node, wire
from tests.sync.conftest import Keys, device_id, load_plan, public_b64
from tests.sync.helpers import events, snapshot
from tests.sync.mesh_support import free_port, wait_for


def _raw(key: Ed25519PrivateKey) -> bytes:
    return certs.raw_public_key(key.public_key())


@pytest.fixture
def laptop_a(laptops: Callable[..., Console]) -> Iterator[tuple[Console, mesh_service.Mesh]]:
    a = laptops("A")
    load_plan(a)
    incident_service.declare(a, level="III", title="lab system slow")
    mesh = mesh_service.Mesh(a, port=free_port("127.0.0.1"), bind="127.0.0.1", discovery=False)
    mesh.start()
    yield a, mesh
    mesh.stop()


def _client(key: Ed25519PrivateKey, trusted: list[bytes]) -> ssl.SSLContext:
    return certs.context(key, trusted, server=False)


async def _post(
    port: int, context: ssl.SSLContext, path: str, body: bytes
) -> tuple[int, dict[str, Any]]:
    connector = aiohttp.TCPConnector(ssl=context)
    async with (
        aiohttp.ClientSession(connector=connector) as session,
        session.post(
            f"https://127.0.0.1:{port}{path}",
            data=body,
            headers={"Content-Type": "application/json"},
        ) as response,
    ):
        return response.status, json.loads(await response.read() or b"{}")


def _hello(key: Ed25519PrivateKey) -> bytes:
    return json.dumps(
        {
            "device": "aaaaaaaaaaaaaaaa",
            "name": "x",
            "hospital": "",
            "vector": {},
            "trust_serial": 0,
        }
    ).encode()


def test_a_stranger_is_refused_in_the_handshake_and_gets_no_byte(
    laptop_a: tuple[Console, mesh_service.Mesh], keys: Keys
) -> None:
    a, mesh = laptop_a
    rogue = keys.devices["R"]
    context = _client(rogue, [_raw(rogue), a.identity.public_key_bytes])
    request = b"POST /mesh/v1/events HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}"
    with (
        socket.create_connection(("127.0.0.1", mesh.port), timeout=5) as raw,
        context.wrap_socket(raw) as tls,
    ):
        tls.sendall(request)
        try:
            got = tls.recv(1024)
        except ssl.SSLError:  # the alert, when it arrives before the connection closes
            got = b""
    assert got == b""  # refused: not one byte of an answer


def test_garbage_and_oversized_requests_change_nothing_and_a_goes_on(
    laptop_a: tuple[Console, mesh_service.Mesh], keys: Keys
) -> None:
    a, mesh = laptop_a
    b = keys.devices["B"]
    trusted = [_raw(b), a.identity.public_key_bytes]
    before = events(a)

    async def scenario() -> list[int]:
        context = _client(b, trusted)
        statuses = []
        for body in (b"not json", b"[1, 2]", json.dumps({"since": {"x": -1}}).encode()):
            status, _doc = await _post(mesh.port, context, wire.PATH_EVENTS, body)
            statuses.append(status)
        status, doc = await _post(mesh.port, context, wire.PATH_WAIT, b"x" * (wire.MAX_BODY + 10))
        statuses.append(status)
        assert doc["error"] == "the request is too large"
        status, doc = await _post(mesh.port, context, wire.PATH_HELLO, _hello(b))
        statuses.append(status)
        assert doc["device"] == a.device_id
        return statuses

    assert asyncio.run(scenario()) == [400, 400, 400, 400, 200]
    assert events(a) == before


def test_a_peer_that_sends_forged_or_broken_pages_is_marked_and_nothing_is_applied(
    laptops: Callable[..., Console], keys: Keys
) -> None:
    """B's key is trusted, but what answers at B's address sends garbage, then a forgery."""
    a = laptops("A")
    b = keys.devices["B"]
    before = events(a)
    c_id = device_id(keys.devices["C"])
    fields = {
        "origin_id": c_id,
        "origin_seq": 1,
        "event_id": "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
        "hlc": "001764000000000.000000",
        "author": "mallory",
        "kind": "incident.logged",
        "entity": "incident:X",
    }
    signature = keys.devices["R"].sign(  # claims to be C's, signed by R
        event_bytes_from_text(
            **fields, payload_json='{"text":"x"}', parents_json="[]", schema_version=1
        )
    )
    forged = {
        **fields,
        "payload": {"text": "x"},
        "parents": [],
        "schema_version": 1,
        "signature": b64(signature),
    }
    forged_page = "\n".join(
        [
            wire.page_head({c_id: public_b64(keys.devices["C"])}, {}),
            json.dumps(forged),
            wire.page_tail(False),
        ]
    )
    answers = itertools.chain([b"{not json}\n"], itertools.repeat(forged_page.encode()))
    served: list[bytes] = []

    async def hello(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "device": certs.peer_device_id(
                    certs.device_certificate(b).public_bytes(certs.serialization.Encoding.DER)
                ),
                "name": "B",
                "hospital": "",
                "vector": {c_id: 5},
                "trust_serial": 0,
            }
        )

    async def page(request: web.Request) -> web.Response:
        body = next(answers, b"")
        served.append(body)
        return web.Response(body=body, content_type=wire.NDJSON)

    port = free_port("127.0.0.2")
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_post(wire.PATH_HELLO, hello)
    app.router.add_post(wire.PATH_EVENTS, page)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(
        runner,
        "127.0.0.2",
        port,
        ssl_context=certs.context(b, [_raw(b), a.identity.public_key_bytes], server=True),
    )
    loop.run_until_complete(site.start())
    import threading

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    mesh = mesh_service.Mesh(
        a,
        port=free_port("127.0.0.1"),
        bind="127.0.0.1",
        peers=(f"127.0.0.2:{port}",),
        discovery=False,
    )
    mesh.start()
    try:
        errors: set[str] = set()

        def saw(text: str) -> bool:
            errors.add(state().error)
            return any(text in error for error in errors)

        def state() -> node.PeerState:
            snapshot = mesh.snapshot()
            assert snapshot is not None
            return snapshot.peers[0]

        wait_for(lambda: saw("cut short"), 20)
        wait_for(lambda: saw("forged or damaged event"), 20)
        assert state().state == node.FAILED
    finally:
        mesh.stop()
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
    assert events(a) == before


def test_connections_beyond_the_cap_are_turned_away_and_a_still_answers(
    laptops: Callable[..., Console], keys: Keys
) -> None:
    a = laptops("A")
    b = keys.devices["B"]
    port = free_port("127.0.0.1")
    thread = node.MeshThread(
        lambda: node.MeshNode(
            mesh_service.ConsoleMeshStore(a), bind="127.0.0.1", port=port, max_connections=2
        )
    )
    thread.start()
    context = _client(b, [_raw(b), a.identity.public_key_bytes])

    async def scenario() -> tuple[int, int]:
        url = f"https://127.0.0.1:{port}"
        vector = json.dumps({"seen": local_vector(a)}).encode()
        sessions = [
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=context)) for _ in range(4)
        ]
        try:
            # Three long polls hold three connections (nothing changes on A meanwhile).
            polls = [
                asyncio.ensure_future(
                    s.post(url + wire.PATH_WAIT, data=vector, headers={"Content-Type": "x"})
                )
                for s in sessions[:3]
            ]
            await asyncio.sleep(1.0)
            async with sessions[3].post(url + wire.PATH_HELLO, data=_hello(b)) as response:
                crowded = response.status
            for poll in polls:
                poll.cancel()
            await asyncio.gather(*polls, return_exceptions=True)
        finally:
            for s in sessions:
                await s.close()
        await asyncio.sleep(0.5)
        status, _doc = await _post(port, context, wire.PATH_HELLO, _hello(b))
        return crowded, status

    try:
        assert asyncio.run(scenario()) == (503, 200)
    finally:
        thread.stop()


@pytest.mark.postgres
def test_mesh_bundle_and_hub_in_one_outage_apply_each_event_once(
    laptops: Callable[..., Console], hub_url: str, tmp_path: Path
) -> None:
    """A's events reach B by the mesh; then the same events arrive by USB bundle and from
    the hub: nothing is applied twice, and the hub receives every event once."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _changes = incident_service.declare(a, level="II", title="core switch down")
    incident_service.log(a, incident, "Wards on paper")
    mesh_b = mesh_service.Mesh(b, port=free_port("127.0.0.2"), bind="127.0.0.2", discovery=False)
    mesh_b.start()
    mesh_a = mesh_service.Mesh(
        a,
        port=free_port("127.0.0.1"),
        bind="127.0.0.1",
        peers=(f"127.0.0.2:{mesh_b.port}",),
        discovery=False,
    )
    mesh_b.add_peer(f"127.0.0.1:{mesh_a.port}")
    mesh_a.start()
    try:
        wait_for(lambda: local_vector(b) == local_vector(a), 20)
    finally:
        mesh_a.stop()
        mesh_b.stop()
    after_mesh = events(b)
    bundle = tmp_path / "a.bundle"
    bundles_service.export_bundle(a, bundle)
    by_bundle = bundles_service.import_bundle(b, bundle)
    assert by_bundle.report.applied == 0 and by_bundle.report.duplicates > 0
    hub_service.sync_hub(a, hub_url)
    by_hub = hub_service.sync_hub(b, hub_url)
    assert by_hub.report.applied == 0 and by_hub.sent == 0
    assert events(b) == after_mesh
    assert snapshot(a) == snapshot(b)
    engine = sa.create_engine(hub_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            on_hub = conn.execute(sa.text("SELECT count(*) FROM events")).scalar()
    finally:
        engine.dispose()
    assert on_hub == len(events(a))


@pytest.mark.parametrize(
    ("answer", "words", "english"),
    [
        ("untrusted device", "不受本机信任", "is not trusted here"),
        ("403", "对端不信任本笔记本", "does not trust this laptop"),
    ],
)
def test_a_refused_peer_is_said_in_the_readers_language(
    laptops: Callable[..., Console],
    keys: Keys,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    words: str,
    english: str,
) -> None:
    """B's key is trusted, but what answers at B's address names a device not trusted here
    in its hello, or says (403) it does not trust A: ``mesh peers`` says why in Chinese."""
    a = laptops("A")
    b = keys.devices["B"]
    stranger = device_id(Ed25519PrivateKey.generate())

    async def hello(request: web.Request) -> web.Response:
        if answer == "403":
            return web.json_response({"error": "not trusted"}, status=403)
        return web.json_response(
            {"device": stranger, "name": "B", "hospital": "", "vector": {}, "trust_serial": 0}
        )

    port = free_port("127.0.0.2")
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_post(wire.PATH_HELLO, hello)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    context = certs.context(b, [_raw(b), a.identity.public_key_bytes], server=True)
    site = web.TCPSite(runner, "127.0.0.2", port, ssl_context=context)
    loop.run_until_complete(site.start())
    import threading

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    mesh = mesh_service.Mesh(
        a,
        port=free_port("127.0.0.1"),
        bind="127.0.0.1",
        peers=(f"127.0.0.2:{port}",),
        discovery=False,
    )
    mesh.start()
    try:

        def refused() -> bool:
            snapshot = mesh.snapshot()
            return snapshot is not None and snapshot.peers[0].state == node.REFUSED

        wait_for(refused, 20)
    finally:
        mesh.stop()
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
    capsys.readouterr()
    assert main(["--lang", "zh", "--data-dir", str(a.data_dir), "mesh", "peers"]) == 0
    shown = capsys.readouterr().out
    assert words in shown and english not in shown, shown
    assert main(["--lang", "en", "--data-dir", str(a.data_dir), "mesh", "peers"]) == 0
    assert english in capsys.readouterr().out
