"""The command-centre network (指挥中心局域网): this laptop on the mesh of its hospital's
laptops, serving and pulling events live; and the peers file other programs read.

The mesh itself (TLS, HTTP, peers, discovery) lives in :mod:`hisconsole.sync.mesh`; this
module gives it this laptop's log and the one intake, keeps ``mesh.json`` in the data
folder up to date (so ``hisconsole mesh peers`` works from another program), and starts
and stops it for the command line and the window.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from hisconsole.errors import KnownError
from hisconsole.services import restored
from hisconsole.services.console import ChangeSet, Console
from hisconsole.services.files import write_atomically
from hisconsole.services.sync.shared import (
    ImportResult,
    device_keys,
    observe,
    receiver,
    record_history,
    record_notes,
    screen_areas,
    trust_document,
)
from hisconsole.store.db import connect_read_only
from hisconsole.store.sync_models import SyncDevice
from hisconsole.sync import intake, vectors
from hisconsole.sync.canonical import device_id_of
from hisconsole.sync.outgoing import outgoing
from hisconsole.sync.vectors import Vector

if TYPE_CHECKING:
    from hisconsole.sync.mesh.node import MeshNode, MeshSnapshot, MeshThread, Taken
    from hisconsole.sync.mesh.wire import Page

MESH_FILE = "mesh.json"
MESH_FORMAT = "hisconsole-mesh"
ACTION_MESH = "mesh"
#: mesh.json is written at least this often while the mesh runs (a heartbeat) ...
HEARTBEAT_SECONDS = 5.0
#: ... so a file older than this means the program that ran the mesh has stopped.
STALE_SECONDS = 15.0
DEFAULT_BIND = "0.0.0.0"


class MeshAddressInUse(KnownError):
    code = "mesh.cannot-listen"
    template = (
        "Cannot listen on {address}: {reason}. Another program (or another 'mesh serve') "
        "may be using it; give another --port or --bind. Nothing was changed."
    )


class MeshPeerAddress(KnownError):
    code = "mesh.peer-address"
    template = "{address!r} is not a peer address; give HOST:PORT (e.g. 192.168.8.12:47811)."


class MeshFileUnreadable(KnownError):
    code = "mesh.file-unreadable"
    template = "{path} cannot be read ({reason}); start the mesh again to rewrite it."


# --- this laptop's side of the mesh ---------------------------------------------------------


class ConsoleMeshStore:
    """This laptop's log, trust and intake as the mesh node needs them (see MeshStore)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.own_id = console.device_id
        self.own_name = console.device_name
        self.private_key = console.identity.private_key
        self._probe: sqlite3.Connection | None = None
        self._hospital = ""

    def hospital(self) -> str:
        return self._hospital

    def vector(self) -> Vector:
        with self.console.db.read() as session:
            return vectors.local_vector(session, self.console.device_id)

    def state(self) -> tuple[Vector, frozenset[bytes], int]:
        console = self.console
        today = console.now().date()
        trusted = {console.identity.public_key_bytes}
        with console.db.read() as session:
            vector = vectors.local_vector(session, console.device_id)
            pinned = intake.pinned_it_key(session)
            current = intake.current_trust(session)
            revoked = set()
            for entry in current.devices.values() if current else ():
                if entry.revoked is not None and entry.revoked <= today:
                    revoked.add(entry.device_id)
                elif entry.expires is None or entry.expires >= today:
                    trusted.add(entry.public_key)
            for device, key in session.execute(
                select(SyncDevice.device_id, SyncDevice.public_key).where(
                    SyncDevice.accepted_at.is_not(None)
                )
            ):
                if device not in revoked:
                    trusted.add(base64.b64decode(key))
        # The laptops of one hospital share its IT key: its fingerprint tells them apart
        # from another hospital's on the same network (discovery).
        self._hospital = device_id_of(pinned) if pinned else ""
        return vector, frozenset(trusted), current.serial if current else 0

    def page(self, since: Vector, limit: int, max_bytes: int) -> tuple[list[str], bool]:
        console = self.console
        with console.db.read() as session:
            have = vectors.local_vector(session, console.device_id)
            keys, names = device_keys(session, console)
            rows = outgoing(
                session,
                have={o: n for o, n in have.items() if o in keys},
                since=since,
                own_id=console.device_id,
                sign_own=console.identity.private_key.sign,
            )
            lines: list[str] = []
            origins: set[str] = set()
            size = 0
            more = False
            for row in rows:
                if len(lines) >= limit or size >= max_bytes:
                    more = True
                    break
                line = row.as_line()
                lines.append(line)
                origins.add(row.origin_id)
                size += len(line)
        from hisconsole.sync.mesh.wire import page_head

        head = page_head(
            {o: keys[o] for o in sorted(origins)}, {o: names[o] for o in origins if o in names}
        )
        return [head, *lines], more

    def trust_document(self) -> dict[str, Any] | None:
        with self.console.db.read() as session:
            return trust_document(session)

    def take(
        self, page: Page | None, *, peer: str, peer_name: str, trust_list: Any = None
    ) -> Taken:
        from hisconsole.sync.mesh.node import Taken

        console = self.console
        result = ImportResult(source=peer, source_name=peer_name)
        with console.db.write() as session:
            if intake.pinned_it_key(session) is None:
                trust_list = None  # nothing to check it with
            result.report = intake.receive(
                session,
                page.records if page else (),
                here=receiver(console),
                source=f"mesh from {peer}",
                keys=page.keys if page else None,
                names=page.names if page else None,
                trust_list=trust_list,
            )
            report = result.report
            if (
                report.quarantined
                or report.rejected
                or report.pending
                or report.conflicting
                or report.trust_serial is not None
                or report.trust_refused
            ):
                # What needs someone's eyes goes in the history; plain arrivals do not
                # (a live mesh brings one page per change).
                record_history(
                    session,
                    console,
                    peer=peer,
                    action=ACTION_MESH,
                    report=report,
                    notes=record_notes(result),
                )
        observe(console, result.report)
        if page is not None and not page.more:
            # The peer has now sent everything it holds beyond what this laptop has.
            self.level_with(peer)
        return Taken(
            applied=result.report.applied,
            areas=frozenset(result.report.areas),
            trust_changed=result.report.trust_serial is not None,
        )

    def level_with(self, peer: str) -> None:
        # This laptop holds all the peer holds: if it was restored from a backup, its own
        # entries since then that the peer had are back (the peer is a trusted laptop:
        # the mesh's handshake accepts no other), as after a bundle import or a hub sync.
        if self.console.catching_up:
            restored.caught_up(self.console.db)

    def data_version(self) -> int:
        # One connection of its own: PRAGMA data_version moves when any other connection
        # (this program's or another's) committed.
        if self._probe is None:
            self._probe = connect_read_only(self.console.db.path, any_thread=True)
        return int(self._probe.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None


def changes_of(taken: Taken) -> ChangeSet:
    """What a page from a peer changed, as screens refresh from it."""
    return ChangeSet(screen_areas(taken.areas) | {"sync"}, taken.applied)


# --- running it ---------------------------------------------------------------------------


def peer_address(text: str) -> str:
    """A peer address as given (HOST:PORT), checked; MeshPeerAddress if unusable."""
    from hisconsole.sync.mesh.wire import join_address, split_address

    try:
        host, port = split_address(text)
    except ValueError as exc:
        raise MeshPeerAddress(address=text) from exc
    return join_address(host, port)


class Mesh:
    """This laptop on the mesh: started, running on its own thread, stopped.

    ``on_change`` gets a ChangeSet (on the mesh's thread) whenever events from a peer were
    applied; ``on_state`` is called when a peer's state changed. mesh.json follows both.
    """

    def __init__(
        self,
        console: Console,
        *,
        port: int | None = None,
        bind: str = DEFAULT_BIND,
        peers: tuple[str, ...] = (),
        discovery: bool = True,
        on_change: Callable[[ChangeSet], None] | None = None,
        on_state: Callable[[], None] | None = None,
    ) -> None:
        from hisconsole.sync.mesh import wire

        self.console = console
        self.port = wire.DEFAULT_PORT if port is None else port
        self.bind = bind
        self.peers = tuple(peer_address(p) for p in peers)
        self.discovery = discovery
        self._on_change = on_change
        self._on_state = on_state
        self._store = ConsoleMeshStore(console)
        self._thread: MeshThread | None = None
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._recorder: threading.Thread | None = None

    @property
    def node(self) -> MeshNode | None:
        return self._thread.node if self._thread else None

    def start(self) -> MeshSnapshot:
        """Listen and reach out to the peers; MeshAddressInUse if the address is taken."""
        from hisconsole.sync.mesh.node import MeshNode, MeshThread
        from hisconsole.sync.mesh.wire import join_address

        def make() -> MeshNode:
            return MeshNode(
                self._store,
                bind=self.bind,
                port=self.port,
                peers=self.peers,
                discovery=self.discovery,
                on_change=self._changed,
                on_state=self._state_changed,
            )

        self._thread = MeshThread(make)
        try:
            node = self._thread.start()
        except OSError as exc:
            self._thread = None
            raise MeshAddressInUse(
                address=join_address(self.bind, self.port), reason=exc.strerror or str(exc)
            ) from exc
        snapshot = node.snapshot()
        write_mesh_file(self.console, snapshot, running=True)  # `mesh peers` sees it at once
        self._recorder = threading.Thread(target=self._record, name="mesh-record", daemon=True)
        self._recorder.start()
        return snapshot

    def add_peer(self, address: str) -> None:
        from hisconsole.sync.mesh.node import SOURCE_STATIC

        checked = peer_address(address)
        node = self.node
        if self._thread is not None and node is not None:
            self._thread.call(lambda: node.add_peer(checked, SOURCE_STATIC))

    def snapshot(self) -> MeshSnapshot | None:
        node = self.node
        return node.snapshot() if node is not None else None

    def stop(self) -> None:
        """Stop serving and pulling; mesh.json then says the mesh is not running."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        final = thread.node.snapshot() if thread.node else None
        thread.stop()
        self._stop.set()
        self._dirty.set()  # wakes the recorder at once
        if self._recorder is not None:
            self._recorder.join(10)
        if final is not None:
            write_mesh_file(self.console, final, running=False)
        self._store.close()

    def _changed(self, taken: Taken) -> None:
        if self._on_change is not None:
            self._on_change(changes_of(taken))

    def _state_changed(self) -> None:
        self._dirty.set()
        if self._on_state is not None:
            self._on_state()

    def _record(self) -> None:
        """Keep mesh.json current: soon after a change, and as a heartbeat."""
        while not self._stop.is_set():
            self._dirty.wait(HEARTBEAT_SECONDS)
            if self._stop.is_set():
                return
            self._dirty.clear()
            snapshot = self.snapshot()
            if snapshot is not None:
                write_mesh_file(self.console, snapshot, running=True)
            self._stop.wait(0.5)  # at most two writes a second


# --- mesh.json and `mesh peers` -----------------------------------------------------------


def write_mesh_file(console: Console, snapshot: MeshSnapshot, *, running: bool) -> None:
    doc = {
        "format": MESH_FORMAT,
        "device": snapshot.device,
        "running": running,
        "pid": os.getpid(),
        "listen": snapshot.listen,
        "started_at": snapshot.started_at,
        "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "alone_since": snapshot.alone_since,
        "peers": [dataclasses.asdict(p) for p in snapshot.peers],
    }
    write_atomically(
        console.data_dir / MESH_FILE,
        (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    )


@dataclass(frozen=True)
class PeerInfo:
    """A peer as ``mesh peers`` lists it."""

    device: str | None
    name: str
    address: str
    source: str
    #: connecting, connected, unreachable, refused, failed or self.
    state: str
    last_contact: str | None
    #: Events held here that the peer lacks (as of its last known vector).
    behind: int
    #: Events the peer holds that have not arrived here yet.
    ahead: int
    #: Why the last attempt failed, in English ("" while it works), and kept to be said
    #: in the reader's language (``i18n.stored_error``; empty for the network's own words).
    error: str
    error_said: dict[str, Any]


@dataclass(frozen=True)
class MeshStatus:
    """The mesh as the last program that ran it left it (mesh.json), and its peers."""

    running: bool
    listen: str | None
    started_at: str | None
    updated_at: str | None
    alone_since: str | None
    peers: list[PeerInfo]

    @property
    def connected(self) -> int:
        return len({p.device for p in self.peers if p.state == "connected"})

    def as_dict(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in dataclasses.asdict(self).items() if k != "peers"},
            "connected": self.connected if self.running else 0,
            "peers": [dataclasses.asdict(p) for p in self.peers],
        }


def peers_from(console: Console, snapshot: dict[str, Any] | None, *, running: bool) -> MeshStatus:
    """The status from a mesh.json document (or a live snapshot's dict form)."""
    if snapshot is None:
        return MeshStatus(False, None, None, None, None, [])
    with console.db.read() as session:
        here = vectors.local_vector(session, console.device_id)
    names = _names(console)
    infos = []
    for raw in snapshot.get("peers", []):
        theirs = vectors.validate(raw.get("vector") or {}, "mesh.json")
        device = raw.get("device")
        infos.append(
            PeerInfo(
                device=device,
                name=names.get(device or "", "") or str(raw.get("name") or ""),
                address=str(raw.get("address")),
                source=str(raw.get("source")),
                state=str(raw.get("state")) if running else "stopped",
                last_contact=raw.get("last_contact"),
                behind=_lacking(theirs, here) if theirs else 0,
                ahead=_lacking(here, theirs),
                error=str(raw.get("error") or ""),
                error_said=dict(raw.get("error_said") or {}),
            )
        )
    return MeshStatus(
        running=running,
        listen=snapshot.get("listen"),
        started_at=snapshot.get("started_at"),
        updated_at=snapshot.get("updated_at"),
        alone_since=snapshot.get("alone_since"),
        peers=infos,
    )


def _lacking(have: Vector, other: Vector) -> int:
    """How many of the events ``other`` holds ``have`` lacks."""
    return sum(upto - after for after, upto in vectors.missing(have, other).values())


def _names(console: Console) -> dict[str, str]:
    from hisconsole.services.sync.devices import device_names

    return device_names(console)


def mesh_peers(console: Console, *, now: dt.datetime | None = None) -> MeshStatus:
    """The peers as the program running the mesh last wrote them (it may be another one)."""
    path = console.data_dir / MESH_FILE
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return peers_from(console, None, running=False)
    except (OSError, ValueError) as exc:
        raise MeshFileUnreadable(path=path, reason=str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != MESH_FORMAT:
        raise MeshFileUnreadable(path=path, reason="not a mesh file")
    running = bool(doc.get("running"))
    with contextlib.suppress(TypeError, ValueError):
        updated = dt.datetime.fromisoformat(str(doc.get("updated_at")))
        age = ((now or dt.datetime.now(dt.UTC)) - updated).total_seconds()
        running = running and age < STALE_SECONDS
    try:
        return peers_from(console, doc, running=running)
    except vectors.VectorError as exc:
        raise MeshFileUnreadable(path=path, reason=str(exc)) from exc


def live_status(console: Console, mesh: Mesh) -> MeshStatus:
    """The status of a mesh running in this program (the window's)."""
    snapshot = mesh.snapshot()
    if snapshot is None:
        return peers_from(console, None, running=False)
    doc = {
        "listen": snapshot.listen,
        "started_at": snapshot.started_at,
        "updated_at": None,
        "alone_since": snapshot.alone_since,
        "peers": [dataclasses.asdict(p) for p in snapshot.peers],
    }
    return peers_from(console, doc, running=True)
