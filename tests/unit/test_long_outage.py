"""A three-day outage under a controllable clock: 12-hour periods, the command roster changing
shifts, tasks falling overdue, and two handovers whose sheets (PDF text) say what is open."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli.entry import main
from hisconsole.services import alerts, forms, handover, incidents, periods, response, roster, tasks
from hisconsole.services.console import Console
from tests.support import Clock


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


def _kinds(console: Console) -> set[str]:
    return {a.kind for a in alerts.current(console).alerts}


def test_a_three_day_outage_runs_in_periods_with_two_handovers(
    timed: Console, clock: Clock, tmp_path: Path
) -> None:
    # Day 1, 10:00 local (02:00 UTC): ransomware takes HIS and EMR down.
    inc, _ = incidents.declare(
        timed, level="I", title="Ransomware: HIS and EMR encrypted", systems=["HIS", "EMR"]
    )
    incidents.record_report(timed, inc, recipient="卫健委", channel="phone")
    roster.sign_in(timed, inc, "commander", "Li Wei")
    roster.sign_in(timed, inc, "tech-lead", "Wang Fang")
    roster.sign_in(timed, inc, "scribe", "Chen Jing")
    periods.start(
        timed,
        inc,
        ["Keep every ward on paper", "Assess the encrypted servers"],
        groups=["tech", "business"],
        briefing="HIS and EMR encrypted; wards on paper",
    )
    vendor = tasks.add(
        timed, inc, "Vendor to assess decryption", owner="Wang Fang", due="+6h", group="tech"
    ).task
    mar = tasks.add(timed, inc, "Print MAR for ward 5", owner="Nurse Zhao", due="+1h").task
    incidents.set_system_status(timed, inc, "HIS", "down", estimate="72 h (rebuild from backup)")
    message = response.send_message(
        timed,
        inc,
        sender="Ward 5",
        recipient="HQ",
        text="Need 200 more MAR sheets",
        reply_required=True,
    )
    forms.count_stock(timed, "mar", 120)
    clock.advance(1)
    forms.print_to_file(timed, "mar", 50, tmp_path / "mar.pdf", incident=inc, department="5病区")

    # An hour later the MAR task is overdue: an alert until it is done.
    clock.advance(60)
    # Ward 5 used 50 MAR sheets in that hour: at that rate the 70 left last 1.4 hours.
    (mar_stock,) = [row for row in forms.stock(timed) if row["template"] == "mar"]
    assert mar_stock["on_hand"] == 70 and mar_stock["running_out"]
    assert round(mar_stock["hours_left"], 1) == 1.4
    assert "paper-running-out" in _kinds(timed)
    overdue = [a for a in alerts.current(timed).alerts if a.kind == "task-overdue"]
    assert [a.params["task"] for a in overdue] == [mar]
    tasks.set_status(timed, mar)
    assert "task-overdue" not in _kinds(timed)

    # Day 1, 21:00: six hours past its due time, the vendor task is overdue too.
    clock.advance(10 * 60)
    assert [a.params["task"] for a in alerts.current(timed).alerts if a.kind == "task-overdue"] == [
        vendor
    ]

    # Day 1, 22:00: the 12-hour period ends; Li Wei hands over to Zhang Min.
    clock.advance(59)
    assert "period-ended" in _kinds(timed)
    first = handover.prepare(
        timed, inc, incoming="Zhang Min", out=tmp_path / "handover-1.pdf", lang="en"
    )
    text = pdf_text((tmp_path / "handover-1.pdf").read_bytes())
    for said in (
        "Shift handover",
        inc,
        "Outgoing commander Li Wei",
        "Incoming commander (on duty next) Zhang Min",
        "Previous handover none (this is the first handover)",
        f"task {vendor} OVERDUE",  # the open alert
        "operational period 1 ended",
        "Vendor to assess decryption Wang Fang",
        "OVERDUE",
        "72 h (rebuild from backup)",
        "Need 200 more MAR sheets",
        "Keep every ward on paper",
        "Assess the encrypted servers",
        "Technical support lead Wang Fang",
        "Scribe Chen Jing",
        "Paper stock",
        "Medication administration record",
    ):
        assert said in text, said
    assert "Print MAR for ward 5" not in text  # done: not handed over
    assert first.sheet["counts"]["overdue_tasks"] == 1
    assert first.sheet["counts"]["messages"] == 1

    # Zhang Min takes command: only the commander on duty acknowledges.
    with pytest.raises(handover.NotTheCommander):
        handover.acknowledge(timed, inc, "Zhang Min")
    assert roster.sign_in(timed, inc, "commander", "Zhang Min").relieved == "Li Wei"
    with pytest.raises(handover.OwnHandover):
        # Had Li Wei stayed on, he could not acknowledge his own sheet.
        roster.sign_in(timed, inc, "commander", "Li Wei")
        handover.acknowledge(timed, inc, "Li Wei")
    roster.sign_in(timed, inc, "commander", "Zhang Min", note="back in command")
    handover.acknowledge(timed, inc, "Zhang Min")
    with pytest.raises(handover.NothingToAcknowledge):
        handover.acknowledge(timed, inc, "Zhang Min")

    # Period 2: the open objective and the vendor task carry over.
    objectives = periods.current(timed, inc)["objectives"]  # type: ignore[index]
    periods.set_objective(timed, objectives[0]["objective"])
    second = periods.start(timed, inc, ["Restore HIS from backup"])
    assert (second.number, second.carried_tasks) == (2, [vendor])
    assert len(second.carried_objectives) == 1
    tasks.set_status(timed, vendor)
    response.reply_message(timed, message, "200 sheets sent")

    # Days 2 and 3: 12-hour periods; roster shifts change.
    clock.advance(12 * 60)
    periods.start(timed, inc, ["Restore EMR"])
    roster.sign_in(timed, inc, "scribe", "Liu Yang")
    clock.advance(12 * 60)
    periods.start(timed, inc, ["Back-entry of the paper records"])
    incidents.set_system_status(timed, inc, "HIS", "up")
    clock.advance(12 * 60)
    assert periods.current(timed, inc)["number"] == 4  # type: ignore[index]
    assert "period-ended" in _kinds(timed)
    periods.start(timed, inc, ["Verify the back-entry"])

    # Day 3: Zhang Min hands over to Li Wei, in Chinese; the sheet names the first handover.
    second_sheet = handover.prepare(
        timed, inc, incoming="Li Wei", out=tmp_path / "handover-2.pdf", lang="zh"
    )
    text = pdf_text((tmp_path / "handover-2.pdf").read_bytes())
    for said in (
        "交接班记录",
        "交班指挥长 Zhang Min",
        "接班指挥长",
        "Li Wei",
        f"{first.handover}",
        "已由 Zhang Min",  # the first sheet's acknowledgement
        "第 5",  # the current period
        "Verify the back-entry",
        "EMR",
        "停机",
    ):
        assert said in text, said
    assert "第 1 页，共" in text and "Page" not in text  # the footer in Chinese only
    assert "Vendor to assess decryption" not in text  # done since
    assert "Need 200 more MAR sheets" not in text  # replied since
    assert second_sheet.sheet["previous"]["acknowledged_by"] == "Zhang Min"

    # The roster's history holds every shift, with the handovers between commanders.
    history = roster.roster(timed, inc)["history"]
    commanders = [(h["person"], h["ended"]) for h in history if h["role"] == "commander"]
    assert commanders == [
        ("Li Wei", "relieved"),
        ("Zhang Min", "relieved"),
        ("Li Wei", "relieved"),
        ("Zhang Min", None),
    ]
    assert [(h["person"], h["relieved_by"]) for h in history if h["role"] == "scribe"] == [
        ("Chen Jing", "Liu Yang"),
        ("Liu Yang", None),
    ]
    # The log says who handed over and who acknowledged.
    lines = [
        incidents.describe_entry(e)
        for e in incidents.show(timed, inc)["log"]
        if e["kind"] == "handover"
    ]
    assert lines == [
        f"Handover sheet {first.handover} made: Li Wei hands over to Zhang Min",
        f"Handover {first.handover} acknowledged by Zhang Min",
        f"Handover sheet {second_sheet.handover} made: Zhang Min hands over to Li Wei",
    ]


def test_a_sheet_that_cannot_be_written_records_nothing(timed: Console, tmp_path: Path) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    with pytest.raises(Exception, match="does not exist"):
        handover.prepare(timed, inc, out=tmp_path / "no" / "such" / "sheet.pdf")
    assert handover.handovers(timed, inc) == []


def test_handover_cli(
    ready_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    assert main([*d, "--json", "incident", "declare", "--level", "II", "--title", "HIS"]) == 0
    inc = json.loads(capsys.readouterr().out)["id"]
    assert main([*d, "roster", "sign-in", "commander", "--person", "Li Wei"]) == 0
    capsys.readouterr()
    out = tmp_path / "sheet.pdf"
    assert (
        main([*d, "--json", "incident", "handover", inc, "--out", str(out), "--incoming", "Zhang"])
        == 0
    )
    made = json.loads(capsys.readouterr().out)
    assert (made["outgoing"], made["incoming"], made["out"]) == ("Li Wei", "Zhang", str(out))
    assert set(made["counts"]) == {
        "alerts",
        "tasks",
        "overdue_tasks",
        "checklist",
        "messages",
        "forms_outstanding",
    }
    assert "Shift handover" in pdf_text(out.read_bytes())
    assert main([*d, "incident", "handover", inc, "--acknowledge", "--person", "Zhang"]) == 1
    assert "Only the commander on duty (Li Wei)" in capsys.readouterr().err
    assert main([*d, "roster", "sign-in", "commander", "--person", "Zhang"]) == 0
    capsys.readouterr()
    assert (
        main([*d, "--json", "incident", "handover", inc, "--acknowledge", "--person", "Zhang"]) == 0
    )
    acknowledged = json.loads(capsys.readouterr().out)
    assert (acknowledged["handover"], acknowledged["acknowledged_by"]) == (
        made["handover"],
        "Zhang",
    )
