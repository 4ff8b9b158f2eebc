"""The drill commands: list, run (headless), runs, score (PDF), calendar (iCalendar)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli.entry import main

SHORT = """\
format: hisconsole-drill
format_version: 1
code: short
playbook: lis-down
name: {zh: 短演练, en: Short drill}
description: {zh: 测试用, en: for tests}
level: "III"
duration_minutes: 2
injects:
  - code: r1
    at_minutes: 0.5
    kind: report
    from: {zh: 检验科, en: Laboratory}
    department: {zh: 检验科, en: Laboratory}
    systems: [LIS]
    text: {zh: 结果无法回传, en: results stuck}
  - {code: s1, at_minutes: 1, kind: status, system: LIS, status: down,
     text: {zh: LIS停, en: LIS down}}
objectives:
  - {code: declare, kind: declared-within, minutes: 1}
"""


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_list_names_every_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    found = _json(capsys, "drill", "list")
    assert isinstance(found, list)
    codes = {s["code"] for s in found}
    assert {"his-down", "lis-down", "cyber-attack"} <= codes
    his = next(s for s in found if s["code"] == "his-down")
    assert his["name"] == {"zh": "HIS全院中断演练", "en": "Hospital-wide HIS outage drill"}
    assert his["objectives"][0]["name"]["en"] == "Declared within 5 min of the first report"


def test_run_until_end_then_score_and_calendar(
    ready_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "short.yaml"
    scenario.write_text(SHORT, encoding="utf-8")
    d = ["--data-dir", str(ready_data_dir)]
    state = _json(capsys, "drill", "run", str(scenario), "--speed", "60", "--until-end", *d)
    assert isinstance(state, dict)
    assert state["state"] == "ended"
    assert state["calendar"] == "2027-05-lis"
    assert [i["state"] for i in state["injects"]] == ["delivered", "waiting-incident"]
    # No one declared: the objective is not met, with no figure.
    assert state["score"]["objectives"][0]["result"] == "not-met"
    assert state["score"]["summary"] == {"met": 0, "partly": 0, "not_met": 1}

    pdf = tmp_path / "score.pdf"
    card = _json(capsys, "drill", "score", state["drill"], "--out", str(pdf), "--lang", "en", *d)
    assert card["summary"] == state["score"]["summary"]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Drill score card" in text and "EXERCISE" in text
    assert "Declared within 1 min of the first report" in text and "Not met" in text

    ics = tmp_path / "drills.ics"
    entries = _json(capsys, "drill", "calendar", "--ics", str(ics), *d)
    lis = next(e for e in entries if e["code"] == "2027-05-lis")
    assert [r["drill"] for r in lis["runs"]] == [state["drill"]]
    body = ics.read_bytes().decode()
    assert body.count("BEGIN:VEVENT") == len(entries)
    assert "UID:drill-2027-05-lis@hisconsole" in body
    assert state["drill"][:20] in body.replace("\r\n ", "")


def test_bad_input_changes_nothing(
    ready_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    assert main(["drill", "run", "his-down", "--speed", "61", *d]) == 1
    assert "speed 1 (real time) to 60" in capsys.readouterr().err
    assert main(["drill", "run", "no-such", *d]) == 1
    assert "No drill scenario 'no-such'" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text(SHORT.replace("kind: report", "kind: rumour"), encoding="utf-8")
    assert main(["drill", "run", str(bad), *d]) == 1
    assert "injects[0] (r1).kind: must be one of report" in capsys.readouterr().err
    assert main(["drill", "run", "his-down", "--calendar", "2027-05-lis", *d]) == 1
    assert "plans the playbook lis-down" in capsys.readouterr().err
    assert main(["drill", "score", "DRL-NOPE", *d]) == 1
    assert "No drill 'DRL-NOPE'" in capsys.readouterr().err
    assert _json(capsys, "drill", "runs", *d) == []


def test_a_drill_left_running_is_ended_from_the_command_line(
    ready_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "now.yaml"
    scenario.write_text(SHORT.replace("at_minutes: 0.5", "at_minutes: 0"), encoding="utf-8")
    d = ["--data-dir", str(ready_data_dir)]
    # Real time, without --until-end: it returns once only the team can move it on (the
    # status change waits for the incident they have not declared).
    state = _json(capsys, "drill", "run", str(scenario), *d)
    assert state["state"] == "running" and state["incident"] is None
    assert [i["state"] for i in state["injects"]] == ["delivered", "pending"]
    assert state["next"]["code"] == "s1"
    card = _json(capsys, "drill", "end", state["drill"], *d)
    assert card["ended_at"] is not None
    assert card["summary"] == {"met": 0, "partly": 0, "not_met": 1}
    assert main(["drill", "end", state["drill"], *d]) == 1
    assert "has ended" in capsys.readouterr().err
