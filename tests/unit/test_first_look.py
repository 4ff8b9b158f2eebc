"""The window's first look (sqlite3, before the console opens) shows what the full read
shows: the open incidents, their levels and reporting clocks, the plan's levels and
version; and it changes nothing in the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hisconsole.domain import incidents as rules
from hisconsole.services import first_look, response
from hisconsole.services import incidents as incident_service
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from hisconsole.store.db import DB_FILENAME

from ..support import Clock


def full_read(console: Console) -> first_look.FirstLook:
    """What the window shows once the console is open (ui/context.load_plan and
    ui/situation.load_situation read the same services)."""
    versions = plan_service.versions(console)
    doc = plan_service.current_document(console)
    active = []
    if doc is not None:
        for summary in incident_service.list_incidents(console):
            if summary["status"] == rules.INCIDENT_OPEN:
                shown = incident_service.show(console, summary["id"], with_log=False)
                active.append({**summary, **{k: shown[k] for k in ("level_history", "clocks")}})
    return first_look.FirstLook(
        versions[-1]["version"] if versions else None, doc["levels"] if doc else [], active
    )


def test_the_first_look_is_the_full_reads_truth(timed: Console, clock: Clock) -> None:
    calm, _ = incident_service.declare(timed, level="IV", title="Printer queue slow")
    clock.advance(3)
    worst, _ = incident_service.declare(timed, level="III", title="HIS down, east wing")
    clock.advance(2)
    incident_service.change_level(timed, worst, "I", "Emergency department affected")
    clock.advance(1)
    incident_service.record_report(timed, calm, recipient="Medical office", channel="phone")
    done, _ = incident_service.declare(timed, level="II", title="LIS restarted")
    incident_service.resolve(timed, done)
    clock.advance(240)  # long enough for the level I clock to be overdue
    timed.close()
    console = Console.open(timed.data_dir, now_ms=clock)
    try:
        expected = full_read(console)
        look = first_look.read(timed.data_dir, now=console.now())
    finally:
        console.close()

    assert look == expected
    assert look is not None
    assert [i["id"] for i in look.active] == [worst, calm]  # the resolved one is not open
    assert [i["level"] for i in look.active] == ["I", "IV"]
    pending = [c for c in look.active[0]["clocks"] if not rules.is_settled(c["state"])]
    assert [(c["level"], c["state"]) for c in pending] == [("I", rules.STATE_RED)]
    assert look.plan_version == 1
    assert [lvl["code"] for lvl in look.levels] == ["I", "II", "III", "IV"]


@pytest.mark.parametrize("paused", [False, True], ids=["running", "paused"])
def test_a_drills_first_look_is_judged_on_drill_time(
    timed: Console, clock: Clock, paused: bool
) -> None:
    """At x10, 1.5 console minutes after the report are 15 drill minutes: the level II
    initial report (due in 10) is overdue on the drill's clock, not yet on the wall's."""
    drill = drills.start(timed, "his-down", speed=10)
    while not drills.tick(timed, drill):
        clock.advance(0.1)
    made = {i["refs"]["intake"] for i in drills.read(timed, drill).injects if i["refs"]}
    reports = [r["id"] for r in response.reports(timed, open_only=True) if r["id"] in made]
    incident = response.declare_with_reports(timed, reports, level="II", title="HIS 演练")
    clock.advance(1.5)
    if paused:
        drills.pause(timed, drill)
        clock.advance(30)  # the drill's clock stands still; the wall's says 31.5 minutes
    timed.close()
    console = Console.open(timed.data_dir, now_ms=clock)
    try:
        expected = full_read(console)
        look = first_look.read(timed.data_dir, now=console.now())
    finally:
        console.close()

    assert look == expected
    assert look is not None
    (shown,) = look.active
    initial = shown["clocks"][0]
    assert shown["id"] == incident
    assert (initial["state"], initial["drill_speed"], initial["drill_running"]) == (
        rules.STATE_RED,
        10,
        not paused,
    )
    assert initial["remaining_seconds"] == -300  # 15 drill minutes after, 10 allowed


def test_without_a_plan_the_first_look_shows_no_incident(data_dir: Path) -> None:
    Console.open(data_dir, create=True).close()
    console = Console.open(data_dir)
    try:
        expected = full_read(console)
    finally:
        console.close()
    look = first_look.read(data_dir)
    assert look == expected == first_look.FirstLook(None, [], [])


def test_no_first_look_without_a_console_database(data_dir: Path, tmp_path: Path) -> None:
    assert first_look.read(data_dir) is None  # not created yet: the first start
    data_dir.mkdir()
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database\x00" * 200)
    assert first_look.read(data_dir) is None  # opening the console explains it
    other = tmp_path / "other"
    other.mkdir()
    sqlite3.connect(other / DB_FILENAME).execute("CREATE TABLE t (x)").connection.commit()
    assert first_look.read(other) is None  # a SQLite file, not a console's


def test_the_first_look_changes_nothing(ready_data_dir: Path) -> None:
    database = ready_data_dir / DB_FILENAME
    before = database.read_bytes()
    look = first_look.read(ready_data_dir)
    assert look is not None and look.plan_version == 1
    # Read-only: SQLite may add its empty WAL side files for the read, never a change.
    assert database.read_bytes() == before
    wal = ready_data_dir / f"{DB_FILENAME}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
