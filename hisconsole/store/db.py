"""Opening the local database: file creation, pragmas, migrations, backups, transactions."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from hisconsole.store import errors
from hisconsole.store.location import APPLICATION_ID as APPLICATION_ID
from hisconsole.store.location import DB_FILENAME as DB_FILENAME
from hisconsole.store.location import database_path as database_path

if TYPE_CHECKING:
    # SQLAlchemy is imported when an engine is made, not with this module: the file
    # checks below serve the command line's direct append too, which runs without it.
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import PoolProxiedConnection

#: Alembic revisions this program knows, oldest first; the last is the head.
SCHEMA_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
    "0019",
    "0020",
    "0021",
    "0022",
    "0023",
    "0024",
    "0025",
    "0026",
    "0027",
    "0028",
)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
BUSY_TIMEOUT_S = 5.0


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def frozen(path: Path) -> bool:
    """True if the database's folder cannot be written (a read-only mount or USB stick):
    SQLite can then read it only as an immutable file."""
    return path.exists() and not os.access(path.parent, os.W_OK)


def connect_read_only(path: Path, *, any_thread: bool = False) -> sqlite3.Connection:
    """A read-only connection (writers go on meanwhile), also in a read-only folder.
    ``any_thread``: it may be used (one thread at a time) from threads other than this one."""
    mode = "immutable=1" if frozen(path) else "mode=ro"
    return sqlite3.connect(
        f"file:{path}?{mode}", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=not any_thread
    )


def _inspect(path: Path) -> tuple[int, str | None]:
    """(application_id, alembic revision or None) read without SQLAlchemy or Alembic."""
    try:
        con = connect_read_only(path)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            has_version = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = None
            if has_version:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return int(app_id), revision
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.damaged(
            path, f"it cannot be read as a database: {exc}"
        ) from exc


#: Databases up to this size are quick-checked at every start (about 1 ms per MB);
#: larger ones once a day, and fully by 'hisconsole check'.
QUICK_CHECK_ALWAYS_BYTES = 64 * 2**20
QUICK_CHECK_STAMP = ".quick-check"


def quick_check(path: Path) -> None:
    """Raise DatabaseCorrupt if SQLite's quick check finds damage (pages, b-trees)."""
    stamp = path.parent / QUICK_CHECK_STAMP
    large = path.stat().st_size > QUICK_CHECK_ALWAYS_BYTES
    if large and stamp.exists() and dt.datetime.now().timestamp() - stamp.stat().st_mtime < 86400:
        return
    try:
        con = connect_read_only(path)
        try:
            first = con.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise errors.translate(exc, path) or errors.damaged(path, str(exc)) from exc
    if first != "ok":
        raise errors.damaged(path, f"SQLite: {first}")
    if large:
        with contextlib.suppress(OSError):  # a read-only folder: check again next time
            stamp.touch()


def backup_file(source: Path, target: Path) -> None:
    """Consistent copy of a live database through SQLite's online backup API."""
    src = connect_read_only(source)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as exc:
            # Damaged pages on the way: no half copy is left that looks like a backup.
            dst.close()
            target.unlink(missing_ok=True)
            if "full" in str(exc).lower():
                # SQLite's words for ENOSPC: the copy's disk is full (the source is only read).
                raise OSError(errno.ENOSPC, str(exc)) from exc
            raise errors.translate(exc, source) or errors.damaged(source, str(exc)) from exc
        finally:
            dst.close()
    finally:
        src.close()


class KeepsSeq(Protocol):
    def keep_seq(self) -> None:
        """Remember the next sequence number for the connection's next transaction."""


Writer = TypeVar("Writer", bound=KeepsSeq)


class Database:
    """One open console database. ``write()`` and ``read()`` give transactional sessions.

    Writes take SQLite's write lock at BEGIN (BEGIN IMMEDIATE), so the per-device
    event counter is allocated without a race, and commit with synchronous=FULL
    in WAL mode: a write reported as done survives a crash or power cut.
    """

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        #: The folder is read-only: everything can be read, nothing written.
        self.read_only = read_only
        self._direct: PoolProxiedConnection | None = None  # see write_directly
        self._direct_lock = threading.Lock()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        if self.read_only:
            raise errors.FolderReadOnly(folder=self.path.parent)
        with (
            self._errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def write_directly(self, make: Callable[[PoolProxiedConnection], Writer]) -> Iterator[Writer]:
        """A write transaction without an ORM session, for a writer of plain rows
        (store/direct.py) that ``make`` makes of a pooled connection (its
        ``dbapi_connection``, and its ``info``, which lives as long as it) in BEGIN
        IMMEDIATE, as :meth:`write` begins. Committed when the block exits, then the
        writer's next sequence number is kept (the connection is still its alone); nothing
        of it is written, and nothing kept, if ``make``, the block or the commit fails.

        A session costs an activity-log entry more than its durable commit, and taking a
        connection from the pool and giving it back a tenth of it: these transactions
        keep one connection (one at a time, whichever thread) until :meth:`close`, and
        give it back after any failure so the next one starts on a fresh one.
        """
        if self.read_only:
            raise errors.FolderReadOnly(folder=self.path.parent)
        with self._direct_lock:
            pooled = self._direct
            try:
                if pooled is None:
                    pooled = self._direct = self.engine.raw_connection()
                raw: Any = pooled.dbapi_connection
                raw.execute("BEGIN IMMEDIATE")
                writer = make(pooled)
                yield writer
                raw.commit()
                writer.keep_seq()
            except BaseException as exc:
                # What failed (the block, the commit: a full disk) is what is reported; a
                # rollback that fails too is left to the pool, which resets the connection
                # as it takes it back (or drops it).
                self._direct = None
                if pooled is not None:
                    with contextlib.suppress(sqlite3.Error):
                        pooled.dbapi_connection.rollback()  # type: ignore[union-attr]
                    pooled.close()
                known = errors.translate(exc, self.path)
                if known is None:
                    raise
                raise known from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        conn_opts: dict[str, Any] = {"hisconsole_readonly": True}
        with (
            self._errors(),
            self.engine.connect().execution_options(**conn_opts) as conn,
            Session(bind=conn, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except Exception as exc:  # the driver's, OSError, or SQLAlchemy's wrapper of one
            known = errors.translate(exc, self.path)
            if known is None:
                raise
            raise known from exc

    def close(self) -> None:
        with self._direct_lock:
            if self._direct is not None:
                self._direct.close()
                self._direct = None
        self.engine.dispose()


def _pragmas(*, read_only: bool) -> list[str]:
    """What every connection to the database sets first. A writer's: WAL with
    synchronous=FULL, so that a commit reported done survives a crash or power cut."""
    pragmas = ["PRAGMA foreign_keys=ON", f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}"]
    if not read_only:
        pragmas[:0] = ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"]
    return pragmas


def connect_for_writing(path: Path) -> sqlite3.Connection:
    """A write connection without SQLAlchemy, set up as the engine's are (``_pragmas``);
    its caller begins each transaction with BEGIN IMMEDIATE (for the command line's
    direct append, store/direct.py)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        for pragma in _pragmas(read_only=False):
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def _make_engine(path: Path, *, read_only: bool = False) -> Engine:
    from sqlalchemy import create_engine, event

    url = f"sqlite:///file:{path}?immutable=1&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S}
    )
    pragmas = _pragmas(read_only=read_only)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (see _on_begin), so the driver must not.
        dbapi_conn.isolation_level = None
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        readonly = conn.get_execution_options().get("hisconsole_readonly")
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def _migrate(engine: Engine, path: Path, current: str | None) -> None:
    """Run Alembic up to the head (imported only when a migration is due)."""
    from alembic import command
    from alembic.config import Config

    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        _private_dir(path.parent / "backups")
        backup_file(path, path.parent / "backups" / f"before-migration-{current}-{stamp}.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def check_file(
    data_dir: Path, *, create: bool = False, verify: bool = True
) -> tuple[Path, str | None, bool]:
    """The database file of ``data_dir`` checked before anything opens it: (its path, its
    schema revision (None: a new, empty file), whether it can only be read).

    Refuses (StoreError) a missing file (made when ``create``), a file of another program,
    a damaged one (``verify``: SQLite's quick check) and one of a newer schema.
    """
    path = database_path(data_dir)
    if not path.exists():
        if not create:
            raise errors.DatabaseMissing(data_dir=data_dir)
        try:
            _private_dir(data_dir)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise errors.translate(exc, path) or errors.DatabaseUnopenable(
                path=path, reason=exc.strerror
            ) from exc
    empty = path.stat().st_size == 0
    app_id, revision = (0, None) if empty else _inspect(path)
    if not empty and app_id != APPLICATION_ID:
        raise errors.NotAConsoleDatabase(path=path)
    if not empty and verify:
        quick_check(path)
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise errors.DatabaseTooNew(path=path, revision=revision, head=SCHEMA_HEAD)
    read_only = not empty and frozen(path)
    if read_only:
        wal = path.with_name(path.name + "-wal")
        if (wal.exists() and wal.stat().st_size > 0) or revision != SCHEMA_HEAD:
            # Changes not yet folded into the file, or an upgrade due: neither can be
            # read without writing.
            raise errors.FolderReadOnly(folder=path.parent)
    return path, revision, read_only


def open_database(data_dir: Path, *, create: bool = False, verify: bool = True) -> Database:
    """Open (and if needed create or migrate) the console database in ``data_dir``.

    ``verify``: refuse a damaged file (quick check) before anything reads or writes it;
    'hisconsole check' opens without it to report the damage in full.
    """
    path, revision, read_only = check_file(data_dir, create=create, verify=verify)
    engine = _make_engine(path, read_only=read_only)
    db = Database(path, engine, read_only=read_only)
    if revision != SCHEMA_HEAD:
        try:
            with db._errors():
                _migrate(engine, path, revision)
            if revision is not None:
                # A newer program may apply event kinds the older one only stored.
                from hisconsole.store.eventlog import rebuild

                with db.write() as session:
                    rebuild(session)
        except BaseException:
            engine.dispose()
            raise
    return db
