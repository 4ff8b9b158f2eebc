"""An open console: the database, this laptop's identity and the operator on duty."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from hisconsole import __version__
from hisconsole.domain.glossary import ROLES
from hisconsole.domain.hlc import HybridClock, wall_clock_ms
from hisconsole.errors import N_
from hisconsole.services import restored
from hisconsole.services.changes import ChangeSet as ChangeSet
from hisconsole.services.errors import ServiceError as ServiceError
from hisconsole.services.operators import Operator as Operator
from hisconsole.services.operators import default_operator
from hisconsole.store.db import Database, open_database
from hisconsole.store.direct import DirectWriter
from hisconsole.store.eventlog import EventWriter, last_stamp
from hisconsole.store.models import Event, Meta
from hisconsole.sync import identity
from hisconsole.sync.identity import DeviceIdentity

if TYPE_CHECKING:
    from sqlalchemy.pool import PoolProxiedConnection

    from hisconsole.store.appending import Appender


def area_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def _own_identity(data_dir: Path, db: Database) -> DeviceIdentity:
    """This laptop's key, made only for a database that has no device yet; a missing or
    foreign key for a database that has one stops the console (never a silent new device)."""
    loaded = identity.load(data_dir)
    with db.read() as session:
        recorded = session.get(Meta, "device.id")
        device = recorded.value if recorded is not None else None
        wrote = device is not None and session.scalar(
            select(Event.origin_seq).where(Event.origin_id == device).limit(1)
        )
        # A database from before device keys (0.1.0) holds only unsigned events: there is
        # no signing identity to lose, so it gets its first key like a new database.
        signed = wrote and session.scalar(
            select(Event.origin_seq)
            .where(Event.origin_id == device, Event.signature.is_not(None))
            .limit(1)
        )
    if loaded is None and signed and device is not None:
        raise identity.missing(data_dir, device)
    if loaded is not None and device not in (None, loaded.device_id) and wrote:
        raise identity.foreign(data_dir, loaded.device_id, device)
    if loaded is not None and loaded.device_id == device:
        return loaded
    own = loaded or identity.create(data_dir)
    with db.write() as session:
        session.merge(Meta(key="device.id", value=own.device_id))
        for key, value in (("device.name", socket.gethostname()), ("created_by", __version__)):
            if session.get(Meta, key) is None:
                session.add(Meta(key=key, value=value))
    return own


class Console:
    """One laptop's console. Services take it as their first argument."""

    def __init__(
        self,
        data_dir: Path,
        db: Database,
        identity: DeviceIdentity,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> None:
        self.data_dir = data_dir
        self.db = db
        self.identity = identity
        self._now_ms = now_ms
        with db.read() as session:
            self.clock = HybridClock(last_stamp(session), now_ms)
            meta = {m.key: m.value for m in session.scalars(select(Meta))}
        self.device_name = meta.get("device.name", socket.gethostname())
        self.operator = default_operator(meta)
        #: Restored from a backup and not yet caught up: writes are refused (restored.py).
        self.catching_up = restored.KEY in meta
        #: Asks a person (named: the operator, or whoever is signed in to the commander's
        #: post) for their PIN when an act needs it (services/people.py, roster.py); set by
        #: the CLI and the GUI.
        self.pin_source: Callable[[str], str | None] | None = None

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        create: bool = False,
        verify: bool = True,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> Console:
        """``verify=False`` opens a damaged database too (for 'hisconsole check')."""
        db = open_database(data_dir, create=create, verify=verify)
        try:
            identity = _own_identity(data_dir, db)
            return cls(data_dir, db, identity, now_ms)
        except BaseException:
            db.close()
            raise

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    @property
    def database_path(self) -> Path:
        return self.db.path

    @property
    def key_file(self) -> Path:
        """This laptop's device key file: beside the database, not in its backups."""
        return identity.key_path(self.data_dir)

    @property
    def device_code(self) -> str:
        """Short code of this laptop printed in incident ids and form serials."""
        return self.device_id[:4].upper()

    def now(self) -> dt.datetime:
        """The time now (UTC), from the same source as the event clock (tests control it)."""
        return dt.datetime.fromtimestamp(self._now_ms() / 1000, tz=dt.UTC)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[EventWriter]:
        """One write transaction; its events are durable once the block exits."""
        writer: EventWriter | None = None
        try:
            with self.db.write() as session:
                writer = EventWriter(
                    session, device_id=self.device_id, author=self.operator.name, clock=self.clock
                )
                self._refuse_while_catching_up(writer)
                yield writer
                writer.keep_seq()  # before the commit: the pool may lend the connection next
        except BaseException:
            if writer is not None:
                writer.forget_seq()
            raise

    def entry_transaction(self) -> contextlib.AbstractContextManager[DirectWriter]:
        """A write transaction of activity-log entries alone (``Appender``: the kinds of
        ``store.entry_rows.ENTRY_MAKERS``): the same events and rows as :meth:`transaction`
        makes of them, on the database's DB-API connection without an ORM session, which
        costs an entry more than its durable commit. Durable once the block exits."""
        return self.db.write_directly(self._direct_writer)

    def _direct_writer(self, pooled: PoolProxiedConnection) -> DirectWriter:
        writer = DirectWriter(
            pooled.dbapi_connection,  # type: ignore[arg-type]  # SQLite's, checked out
            device_id=self.device_id,
            author=self.operator.name,
            clock=self.clock,
            kept=pooled.info,
        )
        self._refuse_while_catching_up(writer)
        return writer

    def _refuse_while_catching_up(self, writer: Appender) -> None:
        """Refuse every write while restored and not caught up (services/restored.py)."""
        if self.catching_up:
            restored.refuse_writes(writer)
            self.catching_up = False  # another process took the rest back meanwhile

    def sign_in(self, name: str, role: str) -> ChangeSet:
        """Put an operator on duty (and remember them as this laptop's default)."""
        name = " ".join(name.split())
        if not name:
            raise ServiceError(N_("Enter the operator's name."))
        if role not in ROLES:
            raise ServiceError(
                N_("Unknown role {role!r}; choose one of {roles}."),
                role=role,
                roles=", ".join(ROLES),
            )
        self.operator = Operator(name, role)
        with self.transaction() as tx:
            tx.emit("operator.signed_in", f"operator:{name}", {"name": name, "role": role})
            tx.session.merge(Meta(key="operator.name", value=name))
            tx.session.merge(Meta(key="operator.role", value=role))
        return ChangeSet({"operator"}, 1)

    def close(self) -> None:
        self.db.close()


def new_identity(data_dir: Path, *, replace: bool = False) -> dict[str, str | None]:
    """Give this laptop a new device key, on request only (the old one lost or compromised).

    A readable key is replaced only with ``replace``; the old key file is kept beside
    (renamed), never deleted. Events already written keep their old device id.
    """
    db = open_database(data_dir)
    try:
        with db.read() as session:
            recorded = session.get(Meta, "device.id")
            previous = recorded.value if recorded is not None else None
        path = identity.key_path(data_dir)
        kept: Path | None = None
        if path.exists():
            try:
                working = identity.load(data_dir)
            except identity.DeviceKeyError:
                working = None
            if working is not None and not replace:
                raise ServiceError(
                    N_(
                        "This laptop has a working device key ({device_id}). To replace it "
                        "anyway (other laptops will see a new device), give --replace. Nothing "
                        "was changed."
                    ),
                    device_id=working.device_id,
                )
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = path.with_name(f"{path.name}.replaced-{stamp}")
            os.replace(path, kept)
        own = identity.create(data_dir)
        with db.write() as session:
            session.merge(Meta(key="device.id", value=own.device_id))
    finally:
        db.close()
    return {
        "id": own.device_id,
        "previous": previous,
        "previous_key_file": str(kept) if kept else None,
        "public_key": own.public_key_b64,
    }
