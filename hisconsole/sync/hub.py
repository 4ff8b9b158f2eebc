"""The hub: a PostgreSQL database holding the same signed event log as the laptops.

No server of our own: laptops reach PostgreSQL through SQLAlchemy and psycopg.
The console creates the hub's tables with its own small Alembic script
directory on first use (version table ``hisconsole_hub_version``, under an
advisory lock so two laptops arriving together do not race). Pushing is
``INSERT ... ON CONFLICT DO NOTHING``; pulling asks, per device, for the events
numbered above what the laptop holds, using the primary key (origin_id,
origin_seq), so a sync costs in proportion to what is new. The hub is not
trusted: every event pulled is verified like one from a bundle.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    Identity,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from hisconsole.errors import N_
from hisconsole.store.events import COLUMNS
from hisconsole.sync.errors import HubError
from hisconsole.sync.vectors import Vector

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert

VERSION_TABLE = "hisconsole_hub_version"
HUB_REVISIONS = ("h0001",)
HUB_HEAD = HUB_REVISIONS[-1]
CONNECT_TIMEOUT_S = 10
log = logging.getLogger(__name__)
#: pg_advisory_xact_lock key held while the hub schema is created or upgraded ("HISC").
_SCHEMA_LOCK = 0x48495343

metadata = MetaData()
events = Table(
    "events",
    metadata,
    Column("origin_id", String(32), primary_key=True),
    Column("origin_seq", BigInteger, primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("hlc", String(24), nullable=False),
    Column("author", Text, nullable=False),
    Column("kind", String(64), nullable=False),
    Column("entity", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("parents", Text, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("received_at", DateTime(timezone=True), server_default=func.now()),
    Column("hub_seq", BigInteger, Identity(always=True)),
)
devices = Table(
    "devices",
    metadata,
    Column("device_id", String(32), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), server_default=func.now()),
)
trust_lists = Table(
    "trust_lists",
    metadata,
    Column("serial", BigInteger, primary_key=True),
    Column("signer", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), server_default=func.now()),
)


def parse_url(url: str) -> URL:
    """The hub address as SQLAlchemy URL (postgresql:// is taken as postgresql+psycopg://)."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise HubError(
            N_(
                "{url!r} is not a hub address; expected postgresql+psycopg://USER:PASSWORD@HOST/DB."
            ),
            url=url,
        ) from exc
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    raise HubError(
        N_("The hub must be a PostgreSQL database (postgresql+psycopg://...), not {drivername!r}."),
        drivername=parsed.drivername,
    )


def describe(url: URL) -> str:
    """How the hub is named in messages and the sync history (never with the password)."""
    where = url.host or url.query.get("host") or "localhost"
    if isinstance(where, tuple):
        where = where[0]
    port = f":{url.port}" if url.port else ""
    return f"hub:{where}{port}/{url.database or ''}"


def connect(url: URL) -> Engine:
    try:
        # One connection, reused by a sync's steps and closed by its dispose() at the end.
        return create_engine(
            url,
            pool_size=1,
            max_overflow=2,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
        )
    except (NoSuchModuleError, ImportError) as exc:
        raise HubError(
            N_("The PostgreSQL driver (psycopg) is not installed, so the hub cannot be used.")
        ) from exc


#: A hub that PostgreSQL or its driver refused; ``reason`` is one of :data:`DIAGNOSES`.
CANNOT_BE_USED = N_(
    "The hub {describe} cannot be used right now ({reason}). Work continues offline; try "
    "again later."
)
#: What the driver's diagnostic (libpq's words, English) means, in the reader's words:
#: the first whose pattern it matches. A connection lost mid-way may say "SSL SYSCALL":
#: lost comes before SSL.
DIAGNOSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), said)
    for pattern, said in (
        (r"timeout expired|timed out", N_("the hub did not answer within {seconds} seconds")),
        (
            r"password authentication failed|no password supplied|authentication failed"
            r"|role \".*\" does not exist|no pg_hba\.conf entry",
            N_("the hub did not accept the user name or password in the address"),
        ),
        (r"database \".*\" does not exist", N_("the hub has no database {database}")),
        (
            r"server closed the connection|terminating connection|SSL SYSCALL error"
            r"|connection (?:is )?lost",
            N_("the connection to the hub was lost"),
        ),
        (
            r"\bSSL\b|certificate",
            N_(
                "the secure connection (SSL) to the hub failed: check the sslmode in the "
                "address and the hub's certificate"
            ),
        ),
        (
            r"resolve host|translate host name|name or service not known|nodename nor servname",
            N_("the hub's host name cannot be found; is the network up?"),
        ),
        (
            r"connection refused|no such file or directory|is the server running",
            N_(
                "no PostgreSQL server answers at that address; is it running, and reachable "
                "from this laptop?"
            ),
        ),
    )
)
#: A diagnostic not known here: shown as the database said it.
UNKNOWN_DIAGNOSIS = N_("the database server said: {detail}")
#: A failure of this laptop's own database layer (SQLAlchemy: its pool exhausted, a
#: connection closed under it), not PostgreSQL's: its English goes to the log file.
NOT_THE_SERVER = N_(
    "this laptop's database software failed while using the hub; the program's log file "
    "has the details"
)


def diagnosis(said: str, url: URL) -> tuple[str, dict[str, Any]]:
    """What the driver ``said`` means (a catalogue text for :data:`CANNOT_BE_USED`'s
    ``reason``) and its facts; a diagnostic not known here keeps its first line."""
    facts: dict[str, Any] = {"seconds": CONNECT_TIMEOUT_S, "database": url.database or ""}
    for pattern, reason in DIAGNOSES:
        if pattern.search(said):
            return reason, facts
    first = said.strip().splitlines()[0] if said.strip() else "?"
    return UNKNOWN_DIAGNOSIS, {**facts, "detail": first}


@contextlib.contextmanager
def errors(url: URL) -> Iterator[None]:
    """Turn driver failures into a calm HubError naming the hub (without its password),
    in the reader's words; the driver's own text goes to the log file."""
    try:
        yield
    except HubError:
        raise
    except DBAPIError as exc:
        said = str(exc.orig) if exc.orig else str(exc)
        where = describe(url)[4:]
        log.warning("the hub %s cannot be used: %s", where, said.strip())
        reason, facts = diagnosis(said, url)
        raise HubError(CANNOT_BE_USED, describe=where, reason=reason, **facts) from exc
    except SQLAlchemyError as exc:
        where = describe(url)[4:]
        log.warning("the hub %s cannot be used: %s", where, exc)
        raise HubError(CANNOT_BE_USED, describe=where, reason=NOT_THE_SERVER) from exc


def ensure_schema(engine: Engine) -> None:
    """Create or upgrade the hub's tables (first use), refusing a hub newer than this program."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        current = _hub_revision(conn)
        if current == HUB_HEAD:
            return
        if current is not None and current not in HUB_REVISIONS:
            raise HubError(
                N_(
                    "The hub was set up by a newer HIS Console (hub schema {current}); "
                    "update this laptop before syncing with it."
                ),
                current=current,
            )
        if current is None and conn.execute(text("SELECT to_regclass('events')")).scalar():
            raise HubError(
                N_(
                    "The hub database already holds a table named 'events' that HIS Console "
                    "did not create; give the console a database (or user schema) of its "
                    "own."
                )
            )
        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "hub_migrations"))
        config.attributes["connection"] = conn
        config.attributes["version_table"] = VERSION_TABLE
        command.upgrade(config, "head")


def _hub_revision(conn: Connection) -> str | None:
    if not conn.execute(text("SELECT to_regclass(:name)"), {"name": VERSION_TABLE}).scalar():
        return None
    value = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return str(value) if value is not None else None


def hub_vector(conn: Connection) -> Vector:
    """Per device, the highest event number on the hub (one index look-up per device)."""
    top = (
        select(func.max(events.c.origin_seq))
        .where(events.c.origin_id == devices.c.device_id)
        .scalar_subquery()
    )
    rows = conn.execute(select(devices.c.device_id, top))
    return {str(device): int(seq) for device, seq in rows if seq}


def device_keys(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """device id -> (public key, name) for the devices asked for."""
    result: dict[str, tuple[str, str]] = {}
    if not ids:
        return result
    rows = conn.execute(
        select(devices.c.device_id, devices.c.public_key, devices.c.name).where(
            devices.c.device_id.in_(list(ids))
        )
    )
    for device_id, key, name in rows:
        result[str(device_id)] = (str(key), str(name))
    return result


def pg_insert(table: Table) -> Insert:
    """PostgreSQL's INSERT (for ON CONFLICT); the dialect is imported when a hub is used."""
    from sqlalchemy.dialects.postgresql import insert

    return insert(table)


def push_devices(conn: Connection, rows: Sequence[Mapping[str, str]]) -> None:
    if rows:
        conn.execute(pg_insert(devices).on_conflict_do_nothing(), [dict(r) for r in rows])


#: The staging table a push copies into when the hub holds some of the events already.
_STAGE = "hisconsole_push"


def push_events(conn: Connection, rows: Iterable[Sequence[Any]]) -> int:
    """Insert events the hub may lack (those it has are left alone), in the caller's
    transaction; ``rows`` are column values in :data:`COLUMNS` order. Returns how many
    were sent.

    The rows are COPYed (PostgreSQL's bulk path, one stream) straight into the log as
    they are read, so the hub stores the first rows while the next are being read here;
    it numbers them (hub_seq) in the order given: cause before effect. If the hub holds
    one of them already (another laptop relayed it meanwhile), that COPY is undone and
    the rows go through a temporary table and one ``INSERT ... SELECT ... ORDER BY ...
    ON CONFLICT DO NOTHING`` instead.
    """
    from psycopg import errors as pg_errors

    rows = iter(rows)
    taken: list[Sequence[Any]] = []

    def keep() -> Iterator[Sequence[Any]]:
        for row in rows:
            taken.append(row)
            yield row

    columns = ", ".join(COLUMNS)
    try:
        with conn.begin_nested():
            _copy(conn, f"COPY events ({columns}) FROM STDIN", keep())
    except pg_errors.UniqueViolation:
        taken.extend(rows)  # those not read yet when the hub refused the COPY
        conn.execute(
            text(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE} (pos bigint, origin_id text, "
                "origin_seq bigint, event_id text, hlc text, author text, kind text, "
                "entity text, payload text, parents text, schema_version integer, "
                "signature bytea) ON COMMIT DELETE ROWS"
            )
        )
        _copy(
            conn,
            f"COPY {_STAGE} (pos, {columns}) FROM STDIN",
            [(pos, *row) for pos, row in enumerate(taken)],
        )
        conn.execute(
            text(
                f"INSERT INTO events ({columns}) SELECT {columns} FROM {_STAGE} ORDER BY pos "
                "ON CONFLICT DO NOTHING"
            )
        )
    return len(taken)


def _copy(conn: Connection, statement: str, rows: Iterable[Sequence[Any]]) -> None:
    raw = conn.connection.dbapi_connection
    assert raw is not None  # checked out for this transaction
    cursor: Any = raw.cursor()  # psycopg 3's, whose copy() the DB-API types do not know
    with cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def push_trust_list(conn: Connection, serial: int, signer: str, document: str) -> None:
    conn.execute(
        pg_insert(trust_lists)
        .values(serial=serial, signer=signer, document=document)
        .on_conflict_do_nothing()
    )


def trust_documents(conn: Connection, above: int) -> list[str]:
    """Signed trust lists on the hub newer than serial ``above``, newest first."""
    rows = conn.execute(
        select(trust_lists.c.document)
        .where(trust_lists.c.serial > above)
        .order_by(trust_lists.c.serial.desc())
        .limit(20)
    )
    return [str(doc) for (doc,) in rows]


#: A pull's read of one device's events, in the order they reached the hub.
_FETCH = (
    f"SELECT hub_seq, {', '.join(COLUMNS)} FROM events WHERE origin_id = %(origin)s"
    " AND origin_seq > %(after)s AND origin_seq <= %(upto)s ORDER BY hub_seq"
)


def fetch_events(
    conn: Connection, origin: str, after: int, upto: int
) -> Generator[tuple[Any, ...], None, None]:
    """Events of ``origin`` numbered (after, upto] in the order they reached the hub,
    streamed (a server-side cursor, 5,000 rows at a time), as (hub_seq, then the values
    of :data:`COLUMNS`). Plain SQL, plain tuples: a pull reads every event once, and
    building SQLAlchemy's mapped rows costs more than the reading."""
    result = conn.execution_options(yield_per=5000).exec_driver_sql(
        _FETCH, {"origin": origin, "after": after, "upto": upto}
    )
    try:
        for row in result:
            yield tuple(row)
    finally:
        result.close()
