"""An outage walked minute by minute under the test clock: what the clocks, the alert list,
the banner and the final report say at every step (issue 13's done-when scenario).

Report received 02:00 · declared 02:15 at level II (initial report was due 02:10) ·
reported 02:20 (10 min late) · escalated to level I 02:25 · reported 02:33 (on time) ·
the follow-up due 03:03 is not made · resolved 03:10 (the follow-up is missed).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from hisconsole.cli import main
from hisconsole.services import alerts, incidents, reports, response
from hisconsole.services.console import Console
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.situation import clock_time, touching
from tests.support import Clock

from .conftest import settle

CALM = "No active incident — normal operations"


def at(hhmm: str) -> str:
    """A moment of the scenario's day (UTC), as the JSON gives it."""
    return f"2026-11-25T{hhmm}:00+00:00"


def local(hhmm: str) -> str:
    """The same moment as the reports print it (local time)."""
    return dt.datetime.fromisoformat(at(hhmm)).astimezone().strftime("%H:%M")


def clocks_json(console: Console, incident: str) -> list[tuple[str, str, str, int]]:
    """(kind, level, state, late_seconds) of each clock, as ``incident show --json`` prints."""
    shown = json.loads(json.dumps(incidents.show(console, incident)))
    return [(c["kind"], c["level"], c["state"], c["late_seconds"]) for c in shown["clocks"]]


def act(qtbot: QtBot, window: MainWindow, fn: Any) -> Any:
    """A service call made through the window's runner, as its dialogs make them."""
    result: list[Any] = []
    window.ctx.runner.op(touching(fn), on_done=lambda done: result.append(done.value))
    settle(qtbot, window)
    return result[0]


def wait(qtbot: QtBot, window: MainWindow, clock: Clock, minutes: float) -> None:
    """Let time pass: the window's one-second check notices what fell due."""
    clock.advance(minutes)
    window.ctx.situation.check_time()
    settle(qtbot, window)


def screen(window: MainWindow) -> tuple[str, list[str]]:
    return window.banner.status_text(), window.alert_panel.texts()


def test_an_outage_from_the_first_report_to_the_final_report(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, clock: Clock, tmp_path: Path
) -> None:
    window = timed_window
    raised: list[str] = []
    window.ctx.notifier.raised.connect(lambda _title, message: raised.append(message))

    # 02:00 a ward reports the HIS down: logged, nothing declared yet.
    report = act(
        qtbot,
        window,
        lambda: response.receive_report(
            timed, reporter="Nurse Li", department="Ward 5", what="HIS down", systems=["HIS"]
        ),
    )
    assert screen(window) == (CALM, [])

    # 02:15 declared at level II from that report: the initial report was due at 02:10.
    wait(qtbot, window, clock, 15)
    inc = act(
        qtbot,
        window,
        lambda: response.declare_from_report(timed, report, level="II", title="HIS down"),
    )
    assert clocks_json(timed, inc) == [("initial", "II", "red", 0)]
    overdue = f"{inc}: Initial report (level II) OVERDUE — was due at {clock_time(at('02:10'))}"
    qtbot.waitUntil(lambda: screen(window) == ("Level II: Severe", [overdue]))
    assert raised == [overdue]

    # 02:20 the initial report is made, 10 minutes late; the follow-up is due at 03:20.
    wait(qtbot, window, clock, 5)
    act(qtbot, window, lambda: incidents.record_report(timed, inc, recipient="HQ", channel="phone"))
    assert clocks_json(timed, inc) == [
        ("initial", "II", "late", 600),
        ("followup", "II", "ok", 0),
    ]
    qtbot.waitUntil(lambda: screen(window) == ("Level II: Severe", []))

    # 02:25 escalated to level I: a new report is due by 02:35; the follow-up owed nothing.
    wait(qtbot, window, clock, 5)
    act(qtbot, window, lambda: incidents.change_level(timed, inc, "I", "EMR failing too"))
    assert clocks_json(timed, inc) == [
        ("initial", "II", "late", 600),
        ("followup", "II", "cancelled", 0),
        ("level-change", "I", "ok", 0),
    ]
    qtbot.waitUntil(lambda: screen(window) == ("Level I: Especially severe", []))

    # 02:33 two minutes left: due soon. Then made, on time; the next follow-up is due 03:03.
    wait(qtbot, window, clock, 8)
    soon = f"{inc}: Report on level change (level I) due at {clock_time(at('02:35'))}"
    assert screen(window) == ("Level I: Especially severe", [soon])
    act(qtbot, window, lambda: incidents.record_report(timed, inc, recipient="HQ", channel="sms"))
    assert clocks_json(timed, inc)[2:] == [
        ("level-change", "I", "on-time", 0),
        ("followup", "I", "ok", 0),
    ]
    qtbot.waitUntil(lambda: screen(window) == ("Level I: Especially severe", []))

    # 03:04 the follow-up was not made: overdue, and someone acknowledges the alert.
    wait(qtbot, window, clock, 31)
    assert clocks_json(timed, inc)[-1] == ("followup", "I", "red", 0)
    late = f"{inc}: Follow-up report (level I) OVERDUE — was due at {clock_time(at('03:03'))}"
    assert screen(window) == ("Level I: Especially severe", [late])
    (alert,) = alerts.current(timed).alerts
    act(qtbot, window, lambda: alerts.acknowledge(timed, alert.key))
    seen = f"{late}   (seen by Wang Fang at {clock_time(at('03:04'))})"
    qtbot.waitUntil(lambda: screen(window) == ("Level I: Especially severe", [seen]))

    # 03:10 resolved: the follow-up is missed; the banner and the list agree all is calm.
    wait(qtbot, window, clock, 6)
    act(qtbot, window, lambda: incidents.resolve(timed, inc))
    assert clocks_json(timed, inc) == [
        ("initial", "II", "late", 600),
        ("followup", "II", "cancelled", 0),
        ("level-change", "I", "on-time", 0),
        ("followup", "I", "missed", 0),
    ]
    qtbot.waitUntil(lambda: screen(window) == (CALM, []))
    # One notice per alert, not one per refresh.
    assert raised == [overdue, soon, late]

    # The final report's compliance table: each report owed, due, made, and the verdict.
    pdf = reports.report_pdf(timed, inc, "final")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    table = text[text.index("Reporting compliance") :]
    rows = [
        f"首报 Initial report II {day(local('02:10'))} {day(local('02:20'))} 迟报（迟 10 分钟） "
        "late by 10 min",
        f"级别变更报告 Level change report I {day(local('02:35'))} {day(local('02:33'))} "
        "按时 on time",
        f"续报 Follow-up report I {day(local('03:03'))} 未报 not made 漏报 missed",
    ]
    flat = " ".join(table.split())
    for row in rows:
        assert row in flat, row
    assert flat.index(rows[0]) < flat.index(rows[1]) < flat.index(rows[2])

    # Settled clocks no longer depend on the time: the real command prints the same states.
    timed.close()
    out = tmp_path / "show.json"
    code = main_json(timed.data_dir, ["incident", "show", inc], out)
    assert code == 0
    states = [c["state"] for c in json.loads(out.read_text("utf-8"))["clocks"]]
    assert states == ["late", "cancelled", "on-time", "missed"]


def day(hhmm: str) -> str:
    """A time as a bilingual report prints it: with the date, the year first."""
    return f"2026/11/25 {hhmm}"


def main_json(data_dir: Path, args: list[str], out: Path) -> int:
    """Run the command line with ``--json`` and keep what it printed."""
    capture = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", capture)
        code = main(["--data-dir", str(data_dir), "--json", *args])
    out.write_text(capture.getvalue(), "utf-8")
    return code
