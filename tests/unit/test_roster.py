"""The command roster: one person per post, handovers recorded, history in any arrival order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from hisconsole.cli.entry import main
from hisconsole.domain import roster as rules
from hisconsole.services import incidents, roster
from hisconsole.services.console import Console
from hisconsole.store import eventlog, projections
from hisconsole.store.events import EventRecord
from hisconsole.store.models import Event, IncidentEntry, RosterShift
from tests.support import Clock

T0 = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def _at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


@given(st.permutations(range(4)))
def test_history_does_not_depend_on_the_order_sign_ins_arrive(order: list[int]) -> None:
    sign_ins = [
        rules.SignIn("a", "commander", "Li", _at(0)),
        rules.SignIn("b", "commander", "Zhang", _at(12)),
        rules.SignIn("c", "scribe", "Wang", _at(1)),
        rules.SignIn("d", "commander", "Chen", _at(24)),
    ]
    outs = {"c": _at(5), "b": _at(30)}  # b signed out after Chen had relieved them
    history = rules.shifts([sign_ins[i] for i in order], outs)
    assert [(s.person, s.end, s.ended, s.relieved_by) for s in history] == [
        ("Li", _at(12), rules.RELIEVED, "Zhang"),
        ("Wang", _at(5), rules.SIGNED_OUT, None),
        ("Zhang", _at(24), rules.RELIEVED, "Chen"),
        ("Chen", None, None, None),
    ]
    assert {r: s.person for r, s in rules.on_duty(history).items()} == {"commander": "Chen"}


def test_signing_in_over_someone_relieves_them_and_the_log_says_so(
    timed: Console, clock: Clock
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    assert roster.sign_in(timed, inc, "commander", "Li Wei").relieved is None
    clock.advance(12 * 60)
    done = roster.sign_in(timed, inc, "commander", "Zhang Min", note="night shift")
    assert done.relieved == "Li Wei"
    roster.sign_in(timed, inc, "scribe")  # the operator on duty by default
    clock.advance(30)
    roster.sign_out(timed, inc, "scribe")

    data = roster.roster(timed, inc)
    posts = {p["role"]: p["person"] for p in data["posts"]}
    assert posts["commander"] == "Zhang Min" and posts["scribe"] is None
    # The org chart's order: HQ's posts first, then the technical and business leads.
    assert [p["role"] for p in data["posts"]] == [
        "commander",
        "deputy-commander",
        "scribe",
        "liaison",
        "tech-lead",
        "business-lead",
    ]
    assert [(h["person"], h["ended"], h["relieved_by"]) for h in data["history"]] == [
        ("Li Wei", "relieved", "Zhang Min"),
        ("Zhang Min", None, None),
        ("Wang Fang", "signed-out", None),
    ]
    log = [e for e in incidents.show(timed, inc)["log"] if e["kind"] == "roster"]
    assert [(e["data"]["action"], e["data"]["person"], e["data"]["relieves"]) for e in log[:2]] == [
        ("in", "Li Wei", ""),
        ("in", "Zhang Min", "Li Wei"),
    ]
    assert log[1]["text"] == "night shift"
    assert incidents.describe_entry(log[1]) == (
        "Zhang Min signed in as commander, relieving Li Wei: night shift"
    )


def test_refusals_change_nothing(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="III", title="LIS slow", systems=["LIS"])
    roster.sign_in(timed, inc, "commander", "Li Wei")
    with timed.db.read() as session:
        before = session.scalar(select(func.count()).select_from(Event))
        rows = projections.snapshot(session)
    with pytest.raises(roster.AlreadyOnDuty, match="Li Wei is already signed in as commander"):
        roster.sign_in(timed, inc, "commander", " Li  Wei ")
    with pytest.raises(roster.RoleUnknown, match="Unknown post 'boss'"):
        roster.sign_in(timed, inc, "boss", "X")
    with pytest.raises(roster.PostVacant):
        roster.sign_out(timed, inc, "scribe")
    with pytest.raises(roster.NameMissing):
        roster.sign_in(timed, inc, "scribe", "   ")
    with timed.db.read() as session:
        assert projections.snapshot(session) == rows
        assert session.scalar(select(func.count()).select_from(Event)) == before


def test_a_sign_out_that_arrives_before_its_sign_in_still_ends_the_shift(
    timed: Console,
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    roster.sign_in(timed, inc, "commander", "Li Wei")
    roster.sign_out(timed, inc, "commander")
    with timed.db.write() as session:
        incremental = projections.snapshot(session)
        eventlog.rebuild(session)
        assert projections.snapshot(session) == incremental
        # As another laptop may receive them: the sign-out first, then the sign-in.
        records = [
            EventRecord.from_row(row)
            for row in session.scalars(select(Event).where(Event.kind.like("roster.%")))
        ]
        session.execute(delete(RosterShift))
        session.execute(delete(IncidentEntry).where(IncidentEntry.kind == "roster"))
        for record in sorted(records, key=lambda r: r.kind != "roster.signed_out"):
            projections.apply(session, record)
        assert projections.snapshot(session) == incremental
    assert roster.roster(timed, inc)["history"][0]["ended"] == "signed-out"


def test_roster_cli_json(ready_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    assert main([*d, "--json", "incident", "declare", "--level", "II", "--title", "HIS"]) == 0
    inc = json.loads(capsys.readouterr().out)["id"]
    assert main([*d, "--json", "roster", "sign-in", "commander", "--person", "Li Wei"]) == 0
    signed = json.loads(capsys.readouterr().out)
    assert signed["person"] == "Li Wei" and signed["relieved"] is None
    assert main([*d, "--json", "roster", "sign-in", "commander", "--person", "Zhang"]) == 0
    assert json.loads(capsys.readouterr().out)["relieved"] == "Li Wei"
    assert main([*d, "--json", "roster", inc]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["incident"] == inc
    assert data["posts"][0] == {
        "role": "commander",
        "group": "hq",
        "person": "Zhang",
        "since": data["history"][1]["signed_in_at"],
        "shift": data["history"][1]["shift"],
    }
    assert main([*d, "roster", "sign-out", "tech-lead"]) == 1
    assert "Nobody is signed in as tech-lead" in capsys.readouterr().err
    assert main([*d, "roster", "sign-in"]) == 2


def test_the_reports_show_the_roster_and_the_final_one_every_shift(
    timed: Console, clock: Clock
) -> None:
    import io

    from pypdf import PdfReader

    from hisconsole.services import reports

    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    roster.sign_in(timed, inc, "commander", "Li Wei")
    clock.advance(60)
    roster.sign_in(timed, inc, "commander", "Zhang Min")

    def text(kind: str, lang: str) -> str:
        data = reports.report_pdf(timed, inc, kind, lang)  # type: ignore[arg-type]
        pages = PdfReader(io.BytesIO(data)).pages
        return " ".join(" ".join(p.extract_text().split()) for p in pages)

    initial = text("initial", "en")
    assert "Command roster" in initial and "Commander Zhang Min" in initial
    assert "Shifts" not in initial
    final = text("final", "zh")
    assert "指挥岗位" in final and "在岗记录" in final and "指挥长 Li Wei" in final
