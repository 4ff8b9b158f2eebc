"""The SQLite store: creation, privacy, migrations, refusals and immutability."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from hisconsole.services.console import Console, new_identity
from hisconsole.store import db as store_db
from hisconsole.store import errors

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_new_database_is_private_and_in_wal_mode(data_dir: Path) -> None:
    Console.open(data_dir, create=True).close()
    path = store_db.database_path(data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA application_id").fetchone()[0] == store_db.APPLICATION_ID
    con.close()


def test_opening_without_init_says_what_to_do(data_dir: Path) -> None:
    with pytest.raises(errors.DatabaseMissing, match="hisconsole init"):
        Console.open(data_dir)
    assert not data_dir.exists()


def test_schema_head_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(store_db.__file__).parent / "migrations"))
    script = ScriptDirectory.from_config(config)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == store_db.SCHEMA_REVISIONS
    assert script.get_current_head() == store_db.SCHEMA_HEAD


def test_old_database_is_backed_up_then_migrated_keeping_every_event(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURES / "db-schema-0001.sqlite3", store_db.database_path(data_dir))
    con = sqlite3.connect(store_db.database_path(data_dir))
    before = con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()
    con.close()

    new_identity(data_dir)  # the fixture was kept without its laptop's device key
    console = Console.open(data_dir)
    console.close()

    backups = list((data_dir / "backups").glob("before-migration-0001-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    old.close()
    con = sqlite3.connect(store_db.database_path(data_dir))
    assert (
        con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == store_db.SCHEMA_HEAD
    )
    assert con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall() == before
    assert con.execute("SELECT count(*) FROM plan_items").fetchone()[0] > 0
    con.close()


def test_database_from_a_newer_program_is_refused_and_untouched(ready_data_dir: Path) -> None:
    path = store_db.database_path(ready_data_dir)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(errors.DatabaseTooNew, match="newer version"):
        Console.open(ready_data_dir)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_console_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    other = sqlite3.connect(store_db.database_path(data_dir))
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    with pytest.raises(errors.NotAConsoleDatabase):
        Console.open(data_dir)


def test_garbage_file_is_reported_as_damaged(data_dir: Path) -> None:
    data_dir.mkdir()
    store_db.database_path(data_dir).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(errors.DatabaseCorrupt, match=r"damaged|cannot be read"):
        Console.open(data_dir)


def test_events_cannot_be_changed_or_deleted(console: Console) -> None:
    con = sqlite3.connect(console.db.path)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        con.execute("UPDATE events SET author = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        con.execute("DELETE FROM events")
    con.close()


def test_locked_database_gives_a_calm_message_and_loses_nothing(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.05)
    console = Console.open(ready_data_dir)
    holder = sqlite3.connect(console.db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(errors.DatabaseLocked, match="busy"):
            console.sign_in("Chen Jing", "scribe")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    console.sign_in("Chen Jing", "scribe")  # works once the other writer is gone
    console.close()


def test_full_disk_gives_a_calm_message_and_changes_nothing(console: Console) -> None:
    from sqlalchemy import event, text

    from hisconsole.services import incidents

    incident, _ = incidents.declare(console, level="II", title="HIS down")
    with console.db.read() as session:
        events_before = session.scalar(text("SELECT count(*) FROM events"))
        pages = session.scalar(text("PRAGMA page_count"))

    @event.listens_for(console.db.engine, "connect")
    def _cap(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    console.db.engine.dispose()
    with pytest.raises(errors.DiskFull, match="full"):
        incidents.log(console, incident, "x" * 20_000)  # needs pages the disk lacks
    event.remove(console.db.engine, "connect", _cap)
    console.db.engine.dispose()
    with console.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM events")) == events_before
