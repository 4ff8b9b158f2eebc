"""A laptop on the mesh: an HTTPS server for its peers and a puller per peer, on one asyncio
loop (in a worker thread, see :class:`MeshThread`).

Each laptop pulls from each peer what it lacks by version vector, a bounded page at a
time, and hands every page to the one intake (through :class:`MeshStore`), so an event
arrives here once however many paths it travels; pulling everything one lacks from every
peer makes the mesh gossip (A's events reach C through B). Between pulls a long poll on
each peer answers as soon as the peer's vector moves, which is what makes a change show on
the other laptops within a second or two. Peers are identified by their TLS certificate
(their device key): a laptop not trusted here never completes the handshake, and every
request is checked again against the trust in force now.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import functools
import random
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.errors import N_, KnownError
from hisconsole.i18n import stored_error
from hisconsole.sync import vectors
from hisconsole.sync.canonical import device_id_of
from hisconsole.sync.errors import SyncError
from hisconsole.sync.mesh import certs, wire
from hisconsole.sync.mesh.wire import Hello, Page, PeerError, join_address, split_address
from hisconsole.sync.vectors import Vector

# A peer's state (PeerState.state).
CONNECTING = "connecting"
CONNECTED = "connected"
UNREACHABLE = "unreachable"
#: The TLS handshake failed: one of the two laptops does not trust the other.
REFUSED = "refused"
#: The peer sent something this laptop cannot use; it is tried again later.
FAILED = "failed"
#: The address is this laptop's own.
SELF = "self"
STATES = (CONNECTING, CONNECTED, UNREACHABLE, REFUSED, FAILED, SELF)

SOURCE_STATIC = "static"
SOURCE_DISCOVERED = "discovered"
#: A trusted laptop that connected here (and said where it listens).
SOURCE_INCOMING = "incoming"

#: How often the local database is looked at for changes written by other programs.
POLL_SECONDS = 0.05
#: Retry delays after a failed exchange grow to this.
MAX_BACKOFF = 5.0
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
MAX_CONNECTIONS = 32


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Taken:
    """What a page (or a trust list) from a peer did here."""

    applied: int = 0
    #: The first parts of the kinds of the events applied (incident, forms, …).
    areas: frozenset[str] = frozenset()
    #: A newer trust list is in use (who may connect changes).
    trust_changed: bool = False


class MeshStore(Protocol):
    """The laptop's side of the mesh: its identity, its log and the one intake."""

    own_id: str
    own_name: str
    private_key: Ed25519PrivateKey

    def hospital(self) -> str:
        """A tag shared by the laptops of one hospital (its IT key), or ""."""
        ...

    def vector(self) -> Vector:
        """This laptop's version vector."""
        ...

    def state(self) -> tuple[Vector, frozenset[bytes], int]:
        """This laptop's vector, the device keys it trusts (its own too), its trust serial."""
        ...

    def page(self, since: Vector, limit: int, max_bytes: int) -> tuple[list[str], bool]:
        """The lines of a page of events beyond ``since`` (head and events), and whether
        there are more."""
        ...

    def trust_document(self) -> dict[str, Any] | None: ...

    def take(
        self, page: Page | None, *, peer: str, peer_name: str, trust_list: Any = None
    ) -> Taken:
        """Take a verified page (and/or a signed trust list) in through the intake."""
        ...

    def level_with(self, peer: str) -> None:
        """``peer`` (a laptop trusted here: the handshake proved its key) holds nothing this
        laptop lacks, as its vector says."""
        ...

    def data_version(self) -> int:
        """A number that changes whenever the database changed (any program)."""
        ...


@dataclass
class PeerState:
    """One peer address and what is known of the laptop behind it."""

    address: str
    source: str
    device: str | None = None
    name: str = ""
    state: str = CONNECTING
    last_contact: str | None = None
    #: Why the last attempt failed, in English ("" while it works) ...
    error: str = ""
    #: ... and kept to be said in the reader's language (``i18n.stored_error``; empty when
    #: it is the network's or the TLS library's own words, which ``error`` holds).
    error_said: dict[str, Any] = field(default_factory=dict)
    vector: Vector = field(default_factory=dict)
    #: Events applied here that came from this peer (since the mesh started).
    received: int = 0


@dataclass(frozen=True)
class MeshSnapshot:
    """The mesh as it is now: where it listens, since when it has been alone, its peers."""

    device: str
    listen: str
    started_at: str
    #: When the last connected peer went (or the mesh started); None while connected.
    alone_since: str | None
    peers: tuple[PeerState, ...]

    @property
    def connected(self) -> int:
        return len({p.device for p in self.peers if p.state == CONNECTED})


class _Refused(SyncError):
    """The TLS handshake with a peer failed, or one side does not trust the other."""

    code = "mesh.refused"


def _failed(exc: BaseException | str) -> dict[str, Any]:
    """A peer's ``error`` and ``error_said`` for ``exc`` (a refusal of the catalogue's, or
    the network's own words)."""
    if isinstance(exc, KnownError):
        return {"error": str(exc), "error_said": stored_error(exc)}
    return {"error": str(exc), "error_said": {}}


class MeshNode:
    """The server and the peer links of one laptop (all on the loop it was started on).

    ``on_change`` is called (on the loop thread) with what each page from a peer applied;
    ``on_state`` whenever a peer's state or the set of peers changed.
    """

    def __init__(
        self,
        store: MeshStore,
        *,
        bind: str,
        port: int,
        peers: tuple[str, ...] = (),
        discovery: bool = False,
        on_change: Callable[[Taken], None] | None = None,
        on_state: Callable[[], None] | None = None,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self.store = store
        self.bind = bind
        self.port = port
        self._static = peers
        self._discovery_wanted = discovery
        self._discovery: Any = None
        self.on_change = on_change
        self.on_state = on_state
        self.max_connections = max_connections
        self._lock = threading.Lock()
        self._peers: dict[str, PeerState] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._background: set[asyncio.Task[None]] = set()
        self._vector: Vector = {}
        self._trusted: frozenset[bytes] = frozenset()
        self._keys: dict[str, bytes] = {}
        self._pinned_contexts: dict[bytes, ssl.SSLContext] = {}
        self._trust_serial = 0
        self._changed = asyncio.Event()
        self._pull_lock = asyncio.Lock()
        self._stopping = False
        self._reader = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="mesh-read")
        self._writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="mesh-write")
        self._runner: web.AppRunner | None = None
        self._server: asyncio.Server | None = None
        self._server_ctx: ssl.SSLContext | None = None
        self._client_ctx: ssl.SSLContext | None = None
        self.started_at = utc_now()
        self._alone_since: str | None = self.started_at

    # -- life ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen (OSError if the address is taken), then reach out to the peers."""
        await self._refresh(force=True)
        base = self._tls(server=True)
        base.sni_callback = self._pick_context
        app = web.Application(client_max_size=wire.MAX_BODY, middlewares=[self._guard])
        app.router.add_post(wire.PATH_HELLO, self._hello)
        app.router.add_post(wire.PATH_EVENTS, self._events)
        app.router.add_post(wire.PATH_WAIT, self._wait)
        app.router.add_get(wire.PATH_TRUST, self._trust)
        self._runner = web.AppRunner(
            app, handle_signals=False, access_log=None, keepalive_timeout=30, shutdown_timeout=2
        )
        await self._runner.setup()
        loop = asyncio.get_running_loop()
        protocols = self._runner.server
        assert protocols is not None  # made by setup()
        self._server = await loop.create_server(
            protocols,
            self.bind,
            self.port,
            ssl=base,
            backlog=64,
            ssl_handshake_timeout=CONNECT_TIMEOUT,
            ssl_shutdown_timeout=1.0,
            reuse_address=True,
        )
        sockets = self._server.sockets
        if sockets and self.port == 0:
            self.port = int(sockets[0].getsockname()[1])
        self._spawn(self._watch())
        for address in self._static:
            self.add_peer(address, SOURCE_STATIC)
        if self._discovery_wanted:
            from hisconsole.sync.mesh.discovery import Discovery

            self._discovery = Discovery(
                own_id=self.store.own_id,
                hospital=self.store.hospital(),
                bind=self.bind,
                port=self.port,
                found=self._found,
            )
            await self._discovery.start()

    async def stop(self) -> None:
        self._stopping = True
        self._changed.set()  # long polls in hand answer now
        if self._discovery is not None:
            await self._discovery.stop()
        tasks = [*self._tasks.values(), *self._background]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            self._server.close()
        if self._runner is not None:
            protocols = self._runner.server
            for handler in protocols.connections if protocols is not None else ():
                if handler.transport is not None:
                    handler.transport.abort()  # a peer's long poll: no TLS goodbye needed
            await self._runner.cleanup()
        await asyncio.sleep(0.1)  # the aborted sockets close on the next turns of the loop
        self._reader.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True, cancel_futures=True)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    @property
    def listen(self) -> str:
        return join_address(self.bind, self.port)

    def snapshot(self) -> MeshSnapshot:
        """The mesh now (any thread)."""
        with self._lock:
            peers = tuple(replace(p, vector=dict(p.vector)) for p in self._peers.values())
            alone = self._alone_since
        return MeshSnapshot(self.store.own_id, self.listen, self.started_at, alone, peers)

    def _changed_state(self) -> None:
        with self._lock:
            connected = any(p.state == CONNECTED for p in self._peers.values())
            if connected:
                self._alone_since = None
            elif self._alone_since is None:
                self._alone_since = utc_now()
        if self.on_state is not None:
            self.on_state()

    def _set(self, peer: PeerState, **values: Any) -> None:
        with self._lock:
            for name, value in values.items():
                setattr(peer, name, value)
        self._changed_state()

    # -- trust and local changes --------------------------------------------------------------

    def _tls(self, *, server: bool) -> ssl.SSLContext:
        return certs.context(self.store.private_key, self._trusted, server=server)

    def _pick_context(self, sslobj: ssl.SSLObject, _name: str | None, _ctx: ssl.SSLContext) -> None:
        # Every handshake uses the context made from the trust in force now.
        if self._server_ctx is not None:
            sslobj.context = self._server_ctx

    async def _run(
        self, executor: concurrent.futures.Executor, fn: Callable[..., Any], *args: Any
    ) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)

    async def _refresh(self, *, force: bool = False) -> None:
        """Read this laptop's vector and trust again; wake the long polls if the vector moved."""
        vector, trusted, serial = await self._run(self._reader, self.store.state)
        self._trust_serial = serial
        if force or trusted != self._trusted:
            self._trusted = trusted
            self._keys = {device_id_of(key): key for key in trusted}
            self._pinned_contexts.clear()
            self._server_ctx = self._tls(server=True)
            self._client_ctx = self._tls(server=False)
        if vector != self._vector:
            self._vector = vector
            self._changed.set()
            self._changed = asyncio.Event()

    async def _watch(self) -> None:
        """Notice changes written here by anyone (this program, the CLI, the window)."""
        last = None
        while not self._stopping:
            version = self.store.data_version()
            if version != last:
                last = version
                await self._refresh()
            await asyncio.sleep(POLL_SECONDS)

    # -- the server -----------------------------------------------------------------------------

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        protocols = self._runner.server if self._runner is not None else None
        if protocols is not None and len(protocols.connections) > self.max_connections:
            return web.json_response({"error": "too many connections"}, status=503)
        transport = request.transport
        sslobj = transport.get_extra_info("ssl_object") if transport is not None else None
        key = certs.peer_public_key(sslobj.getpeercert(binary_form=True) if sslobj else None)
        if key is None or key not in self._trusted:
            # Trust withdrawn since the handshake (a revoked device): nothing is served.
            return web.json_response({"error": "not trusted"}, status=403)
        try:
            response: web.StreamResponse = await handler(request)
        except PeerError as exc:
            return web.json_response({"error": str(exc)}, status=400)
        return response

    def _own_hello(self) -> Hello:
        return Hello(
            device=self.store.own_id,
            name=self.store.own_name,
            hospital=self.store.hospital(),
            vector=self._vector,
            trust_serial=self._trust_serial,
            port=self.port,
        )

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            data = await request.read()
        except web.HTTPRequestEntityTooLarge as exc:
            raise PeerError(N_("the request is too large")) from exc
        return wire.parse_json(data, "the request")

    async def _hello(self, request: web.Request) -> web.Response:
        hello = wire.read_hello(await self._body(request))
        self._learn(request, hello)
        return web.json_response(self._own_hello().as_dict())

    def _learn(self, request: web.Request, hello: Hello) -> None:
        """A laptop that reached here becomes a peer this laptop pulls from too, so one
        side naming the other (a bare cable, a hotspot without mDNS) links both ways.

        Only what the handshake proved is believed: the guard let the certificate's key
        in, the hello must name that key's device, the same hospital, and a port; the
        host is the one the connection came from, never one the hello names."""
        if hello.port is None or hello.device == self.store.own_id:
            return
        transport = request.transport
        if transport is None:
            return
        sslobj = transport.get_extra_info("ssl_object")
        key = certs.peer_public_key(sslobj.getpeercert(binary_form=True) if sslobj else None)
        if key is None or device_id_of(key) != hello.device:
            return
        if hello.hospital != self.store.hospital():
            return
        peername = transport.get_extra_info("peername")
        if not peername:
            return
        with self._lock:
            known = any(p.device == hello.device for p in self._peers.values())
        if not known:
            self.add_peer(join_address(str(peername[0]), hello.port), SOURCE_INCOMING, hello.device)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        since = wire.read_vector(await self._body(request), "since")
        lines, more = await self._run(
            self._reader, self.store.page, since, wire.PAGE_EVENTS, wire.PAGE_BYTES
        )
        response = web.StreamResponse(headers={"Content-Type": wire.NDJSON})
        await response.prepare(request)
        chunk: list[str] = []
        size = 0
        for line in [*lines, wire.page_tail(more)]:
            chunk.append(line)
            size += len(line)
            if size > 64 * 1024:
                await response.write(("\n".join(chunk) + "\n").encode("utf-8"))
                chunk, size = [], 0
        if chunk:
            await response.write(("\n".join(chunk) + "\n").encode("utf-8"))
        await response.write_eof()
        return response

    async def _wait(self, request: web.Request) -> web.Response:
        seen = wire.read_vector(await self._body(request), "seen")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wire.WAIT_SECONDS
        while not self._stopping and self._vector == seen:
            left = deadline - loop.time()
            if left <= 0:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)
        return web.json_response(self._own_hello().as_dict())

    async def _trust(self, request: web.Request) -> web.Response:
        doc = await self._run(self._reader, self.store.trust_document)
        if doc is None:
            return web.json_response({"error": "no trust list"}, status=404)
        return web.json_response(doc)

    # -- peers ----------------------------------------------------------------------------------

    def add_peer(self, address: str, source: str, device: str | None = None) -> None:
        """Reach out to ``address`` (host:port) from now on (loop thread)."""
        if self._stopping or address in self._peers:
            return
        peer = PeerState(address=address, source=source, device=device)
        with self._lock:
            self._peers[address] = peer
        self._tasks[address] = asyncio.ensure_future(self._link(peer))
        self._changed_state()

    def _forget(self, address: str) -> None:
        """Stop reaching out to ``address`` (loop thread)."""
        with self._lock:
            self._peers.pop(address, None)
        task = self._tasks.pop(address, None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()
        self._changed_state()

    def _found(self, device: str, address: str) -> None:
        """Discovery saw a laptop of this hospital at ``address``."""
        if device == self.store.own_id:
            return
        with self._lock:
            known = any(p.device == device for p in self._peers.values())
        if not known:
            self.add_peer(address, SOURCE_DISCOVERED, device)

    async def _link(self, peer: PeerState) -> None:
        backoff = 0.25
        while not self._stopping:
            try:
                host, port = split_address(peer.address)
            except ValueError:
                self._set(
                    peer, state=FAILED, **_failed(SyncError(N_("not an address (HOST:PORT)")))
                )
                return
            try:
                await self._exchange(peer, host, port)
                if peer.state == SELF:
                    return
                failure: tuple[str, BaseException | str] = (UNREACHABLE, "")
            except asyncio.CancelledError:
                raise
            except _Refused as exc:
                failure = (REFUSED, exc)
            except PeerError as exc:
                failure = (FAILED, exc)
            except (aiohttp.ClientError, TimeoutError, OSError, ValueError) as exc:
                failure = (UNREACHABLE, _why(exc))
            if peer.source == SOURCE_INCOMING:
                # Learnt from a connection, not given: the laptop may listen where its
                # connections do not come from; it is learnt again when it next connects.
                self._forget(peer.address)
                return
            if peer.state == CONNECTED:
                backoff = 0.25  # a link that worked is tried again at once
            self._set(peer, state=failure[0], **_failed(failure[1]))
            await asyncio.sleep(backoff * (1 + random.random() / 4))
            backoff = min(backoff * 2, MAX_BACKOFF)

    def _session(self, base: str, context: ssl.SSLContext) -> aiohttp.ClientSession:
        timeout = aiohttp.ClientTimeout(sock_connect=CONNECT_TIMEOUT, sock_read=READ_TIMEOUT)
        connector = aiohttp.TCPConnector(limit=2, ssl=context, enable_cleanup_closed=True)
        return aiohttp.ClientSession(base, connector=connector, timeout=timeout)

    def _pinned(self, device: str) -> ssl.SSLContext:
        """A client context that accepts only ``device``'s certificate."""
        key = self._keys.get(device)
        if key is None:
            raise _Refused(N_("device {device} is not trusted here"), device=device)
        context = self._pinned_contexts.get(key)
        if context is None:
            context = self._pinned_contexts[key] = certs.context(
                self.store.private_key, [key], server=False
            )
        return context

    async def _exchange(self, peer: PeerState, host: str, port: int) -> None:
        """One connection's life: hello, then pull and wait until it breaks.

        The first hello (any trusted certificate) says which device answers; everything
        after goes over connections that accept only that device's certificate, so what
        is pulled is known to come from it.
        """
        base = f"https://{join_address(host, port)}"
        assert self._client_ctx is not None
        async with self._session(base, self._client_ctx) as probe:
            claimed = await self._post_hello(probe)
        async with self._session(base, self._pinned(claimed.device)) as session:
            hello = await self._post_hello(session)
            if hello.device != claimed.device:
                raise PeerError(N_("the peer's hello names another device than its certificate"))
            if hello.device == self.store.own_id:
                self._set(peer, state=SELF, device=hello.device, error="", error_said={})
                return
            self._set(
                peer,
                state=CONNECTED,
                device=hello.device,
                name=hello.name,
                vector=hello.vector,
                last_contact=utc_now(),
                error="",
                error_said={},
            )
            with self._lock:
                learnt = [
                    p.address
                    for p in self._peers.values()
                    if p is not peer and p.device == hello.device and p.source == SOURCE_INCOMING
                ]
            for address in learnt:  # the laptop given by address is the one kept
                self._forget(address)
            while not self._stopping:
                if hello.trust_serial > self._trust_serial:
                    await self._pull_trust(session, peer)
                await self._pull(session, peer)
                async with session.post(
                    wire.PATH_WAIT,
                    json={"seen": peer.vector},
                    timeout=aiohttp.ClientTimeout(
                        sock_connect=CONNECT_TIMEOUT, sock_read=wire.WAIT_SECONDS + 10
                    ),
                ) as response:
                    hello = wire.read_hello(await _json(response))
                self._set(peer, vector=hello.vector, last_contact=utc_now(), name=hello.name)

    async def _post_hello(self, session: aiohttp.ClientSession) -> Hello:
        try:
            async with session.post(wire.PATH_HELLO, json=self._own_hello().as_dict()) as response:
                return wire.read_hello(await _json(response))
        except aiohttp.ClientSSLError as exc:
            raise _Refused(_why(exc)) from exc
        except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
            # TLS 1.3: a server that refuses this laptop's certificate says so after the
            # client thinks the handshake is done, as an alert on the first read.
            if "alert" in str(exc).lower() or "certificate" in str(exc).lower():
                raise _Refused(_why(exc)) from exc
            raise

    async def _pull(self, session: aiohttp.ClientSession, peer: PeerState) -> None:
        """Fetch and take in, a page at a time, what the peer holds and this laptop lacks."""
        async with self._pull_lock:
            while not self._stopping:
                have = await self._run(self._reader, self.store.vector)
                if not vectors.missing(have, peer.vector):
                    await self._run(self._writer, self.store.level_with, peer.device or "")
                    return
                lines = await self._fetch(session, have)
                page = await self._run(self._reader, wire.read_page, lines)
                taken = await self._run(
                    self._writer,
                    functools.partial(
                        self.store.take, page, peer=peer.device or "", peer_name=peer.name
                    ),
                )
                self._took(peer, taken)
                await self._refresh()
                if not page.more:
                    return

    async def _pull_trust(self, session: aiohttp.ClientSession, peer: PeerState) -> None:
        async with session.get(wire.PATH_TRUST) as response:
            if response.status == 404:
                return
            doc = await _json(response)
        taken = await self._run(
            self._writer,
            lambda: self.store.take(
                None, peer=peer.device or "", peer_name=peer.name, trust_list=doc
            ),
        )
        self._took(peer, taken)
        await self._refresh()

    def _took(self, peer: PeerState, taken: Taken) -> None:
        if taken.applied:
            self._set(peer, received=peer.received + taken.applied, last_contact=utc_now())
        if (taken.applied or taken.trust_changed) and self.on_change is not None:
            self.on_change(taken)

    async def _fetch(self, session: aiohttp.ClientSession, have: Vector) -> list[bytes]:
        """A page's lines, read within the bounds (a line, the whole page)."""
        async with session.post(wire.PATH_EVENTS, json={"since": have}) as response:
            if response.status != 200:
                raise PeerError(
                    N_("the peer answered {status} to a request for events"), status=response.status
                )
            lines: list[bytes] = []
            buffer = b""
            total = 0
            async for chunk in response.content.iter_any():
                total += len(chunk)
                if total > wire.MAX_PAGE:
                    raise PeerError(N_("the peer sent a page of events larger than allowed"))
                buffer += chunk
                *complete, buffer = buffer.split(b"\n")
                lines.extend(line for line in complete if line)
                if len(buffer) > wire.MAX_LINE:
                    raise PeerError(N_("the peer sent a line longer than allowed"))
            if buffer:
                lines.append(buffer)
        return lines


async def _json(response: aiohttp.ClientResponse) -> dict[str, Any]:
    if response.status == 403:
        raise _Refused(N_("the peer does not trust this laptop"))
    if response.status != 200:
        raise PeerError(N_("the peer answered {status}"), status=response.status)
    data = await response.content.read(wire.MAX_BODY + 1)
    if len(data) > wire.MAX_BODY:
        raise PeerError(N_("the peer's answer is larger than allowed"))
    return wire.parse_json(data, "the peer's answer")


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:300]


class MeshThread:
    """Runs a :class:`MeshNode` on its own asyncio loop in a daemon thread."""

    def __init__(self, make: Callable[[], MeshNode]) -> None:
        self._make = make
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.node: MeshNode | None = None

    def start(self, timeout: float = 15.0) -> MeshNode:
        """Start the node and wait until it listens; raise what stopped it from starting."""
        self._thread = threading.Thread(target=self._main, name="hisconsole-mesh", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the mesh did not start in time")
        if self._error is not None:
            self._thread.join(timeout)
            raise self._error
        assert self.node is not None
        return self.node

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            node = self._make()
            self.node = node
            loop.run_until_complete(node.start())
        except BaseException as exc:  # handed to start()'s caller, who decides
            self._error = exc
            self._ready.set()
            # What failed is raised in start(); tidying up after it must not hide it.
            with contextlib.suppress(OSError, RuntimeError):
                if self.node is not None:
                    loop.run_until_complete(self.node.stop())
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(node.stop())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def call(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the mesh's loop (from any thread)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(fn)

    def stop(self, timeout: float = 15.0) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout)
