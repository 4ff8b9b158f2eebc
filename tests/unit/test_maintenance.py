"""check, backup and restore: what the IT department relies on when things go wrong."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hisconsole.cli import main
from hisconsole.cli.output import EXIT_CHECK_FAILED
from hisconsole.services import incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.files import FileWriteError
from hisconsole.services.maintenance import backup, check, restore
from hisconsole.store.models import Event


def test_a_fresh_console_checks_clean(console: Console) -> None:
    report = check(console)
    assert report.ok, report.problems
    assert report.events > 50 and report.origins == 1


def test_check_changes_nothing(console: Console) -> None:
    path = console.db.path
    con = sqlite3.connect(path)
    before = con.execute("SELECT count(*), max(hlc) FROM events").fetchone()
    con.close()
    check(console)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*), max(hlc) FROM events").fetchone() == before
    con.close()


def test_check_finds_a_projection_that_drifted_from_the_log(console: Console) -> None:
    con = sqlite3.connect(console.db.path)
    con.execute("DELETE FROM plan_items WHERE key = 'levels/I'")
    con.commit()
    con.close()
    report = check(console)
    assert not report.ok
    assert any("plan_items" in p and "1 row(s) missing" in p for p in report.problems)


def test_check_finds_a_tampered_log(console: Console) -> None:
    con = sqlite3.connect(console.db.path)
    con.execute("DROP TRIGGER events_immutable_delete")
    con.execute("DELETE FROM events WHERE origin_seq = 3")
    con.commit()
    con.close()
    problems = check(console).problems
    assert any("events_immutable_delete is missing" in p for p in problems)
    assert any("sequence gap after #2" in p for p in problems)


def _tamper(
    console: Console, *statements: str, triggers: tuple[str, ...] = ("events_immutable_update",)
) -> None:
    """Edit the database behind the console's back: the protection triggers dropped and
    restored."""
    con = sqlite3.connect(console.db.path)
    marks = ", ".join("?" for _ in triggers)
    kept = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", triggers
    ).fetchall()
    assert len(kept) == len(triggers)
    for name, _sql in kept:
        con.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        con.execute(statement)
    for _name, sql in kept:
        con.execute(sql)
    con.commit()
    con.close()


def test_check_names_an_event_altered_together_with_its_projection(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    incident, _ = incidents.declare(console, level="II", title="PACS down", systems=["PACS"])
    incidents.log(console, incident, "Radiology on film")
    with console.db.read() as session:
        seq = session.scalar(
            select(Event.origin_seq).where(
                Event.kind == "incident.declared", Event.entity == f"incident:{incident}"
            )
        )
    # The payload and every row built from it say the same thing: only the
    # signature can tell.
    _tamper(
        console,
        "UPDATE events SET payload = replace(payload, 'PACS down', 'All fine')",
        "UPDATE incidents SET title = 'All fine'",
        "UPDATE incident_entries SET text = 'All fine' WHERE text = 'PACS down'",
    )

    report = check(console)

    assert report.problems == [
        f"event {console.device_id}#{seq} (incident.declared): the signature does not match "
        "its device's key (altered after it was written?)"
    ]
    assert report.first_bad == {
        "device": console.device_id,
        "seq": seq,
        "kind": "incident.declared",
        "problem": "signature",
    }
    d = str(console.data_dir)
    assert main(["--data-dir", d, "check"]) == EXIT_CHECK_FAILED
    text = capsys.readouterr().out
    assert (
        f"First bad event: device {console.device_id}, #{seq}, incident.declared" in text
        and "signature" in text
    )
    assert main(["--data-dir", d, "--json", "check"]) == EXIT_CHECK_FAILED
    assert json.loads(capsys.readouterr().out)["first_bad"]["seq"] == seq


def test_check_refuses_an_unsigned_event_after_signed_ones(console: Console) -> None:
    # Events written before signing existed are a device's first ones; clearing the
    # signature of a later event is tampering, not history.
    incidents.declare(console, level="IV", title="Phones down")
    with console.db.read() as session:
        last = session.scalar(select(func.max(Event.origin_seq)))
    _tamper(console, f"UPDATE events SET signature = NULL WHERE origin_seq = {last}")

    report = check(console)

    assert report.first_bad is not None and report.first_bad["seq"] == last
    assert report.first_bad["problem"] == "not signed"


def test_backup_and_restore_bring_back_the_old_state(console: Console, tmp_path: Path) -> None:
    out = tmp_path / "backup.sqlite3"
    assert backup(console, out) > 0
    console.sign_in("Liu Yang", "commander")
    console.close()
    safety = restore(console.data_dir, out)
    assert safety.exists()
    restored = Console.open(console.data_dir)
    from sqlalchemy import select

    from hisconsole.store.models import Operator

    with restored.db.read() as session:
        names = set(session.scalars(select(Operator.name)))
    assert "Liu Yang" not in names
    assert check(restored).ok
    assert plan_service.current_document(restored) is not None
    restored.close()


@pytest.mark.parametrize("content", [b"", b"not a database" * 50])
def test_restore_refuses_files_that_are_not_console_databases(
    console: Console, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = console.db.path.read_bytes()
    with pytest.raises(ServiceError, match="nothing was restored"):
        restore(console.data_dir, bad)
    assert console.db.path.read_bytes() == before


def test_restore_refuses_another_sqlite_database(console: Console, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(ServiceError, match="not a HIS Console database"):
        restore(console.data_dir, other)


def test_backup_to_a_missing_folder_says_so(console: Console, tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match=r"folder .* does not exist"):
        backup(console, tmp_path / "gone" / "b.sqlite3")


def test_check_finds_one_row_changed_far_into_a_big_log(console: Console) -> None:
    """More entries than the comparison reads at once (5,000): one activity-log row near the
    end, changed in the projection only, is still found and its table named."""
    incident, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    with console.transaction() as tx:
        for n in range(6_000):
            payload = {"id": incident, "text": f"runner {n} back", "kind": "note"}
            tx.emit("incident.logged", f"incident:{incident}", payload)
    con = sqlite3.connect(console.db.path)
    with con:
        changed = con.execute(
            "UPDATE incident_entries SET text = 'runner 5990 lost' WHERE text = 'runner 5990 back'"
        ).rowcount
    con.close()
    assert changed == 1

    report = check(console)

    assert report.problems == [
        "projection incident_entries differs from a rebuild of the log (1 row(s) missing, 1 extra)"
    ]
    assert report.events > 6_000 and report.first_bad is None


def test_check_verifies_an_event_missing_from_the_order_of_the_log(console: Console) -> None:
    """An event the log's order (event_order) has lost is not replayed by a rebuild, but
    its signature is still checked: altered, it is named."""
    incident, _ = incidents.declare(console, level="II", title="PACS down", systems=["PACS"])
    with console.db.read() as session:
        seq = session.scalar(
            select(Event.origin_seq).where(
                Event.kind == "incident.declared", Event.entity == f"incident:{incident}"
            )
        )
    _tamper(
        console,
        f"UPDATE events SET payload = replace(payload, 'PACS down', 'All fine') "
        f"WHERE origin_seq = {seq}",
        f"DELETE FROM event_order WHERE origin_seq = {seq}",
        triggers=("events_immutable_update", "event_order_immutable_delete"),
    )

    report = check(console)

    assert report.first_bad == {
        "device": console.device_id,
        "seq": seq,
        "kind": "incident.declared",
        "problem": "signature",
    }
    assert (
        f"event {console.device_id}#{seq} (incident.declared): the signature does not "
        in (report.problems[0])
    )
    # Not replayed, the incident's rows are more than a rebuild makes.
    assert any(p.startswith("projection incidents differs") for p in report.problems)
