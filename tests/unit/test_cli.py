"""The command line as outside checks use it: exit codes, --json shapes, stderr on errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hisconsole import __version__
from hisconsole.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_from_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hisconsole", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"hisconsole {__version__}"


def test_init_demo_then_check(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--json", "init", "--demo")
    assert code == 0
    result = json.loads(out)
    assert result["plan_version"] == 1 and result["plan_loaded"] is True
    assert result["contacts_added"] >= 40 and result["call_trees_added"] >= 2
    # Options may also follow the command.
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["problems"] == []
    # init again is harmless: nothing duplicated.
    code, out, _ = run(capsys, "init", "--demo", "--json", "--data-dir", str(data_dir))
    assert json.loads(out)["contacts_added"] == 0 and json.loads(out)["plan_loaded"] is False


def test_data_dir_from_the_environment(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HISCONSOLE_DATA_DIR", str(data_dir))
    assert run(capsys, "init")[0] == 0
    assert (data_dir / "hisconsole.sqlite3").exists()


def test_plan_export_import_round_trip(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "plan.yaml"
    d = str(ready_data_dir)
    assert run(capsys, "--data-dir", d, "plan", "export", str(out_file))[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "--json", "plan", "import", str(out_file))
    assert code == 0
    assert json.loads(out) == {"version": None, "added": [], "changed": [], "removed": []}
    text = out_file.read_text("utf-8").replace("report_minutes: 30", "report_minutes: 25", 1)
    out_file.write_text(text, "utf-8")
    code, out, _ = run(capsys, "--data-dir", d, "--json", "plan", "import", str(out_file))
    assert json.loads(out)["version"] == 2 and json.loads(out)["changed"] == ["levels/III"]


def test_bad_plan_import_fails_on_stderr_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: hisconsole-plan\nformat_version: 1\nlevels: []\n", "utf-8")
    db = ready_data_dir / "hisconsole.sqlite3"
    before = db.read_bytes()
    code, out, err = run(capsys, "--data-dir", str(ready_data_dir), "plan", "import", str(bad))
    assert code != 0 and out == ""
    assert "levels: is missing or empty" in err and "meta: is missing" in err
    assert db.read_bytes() == before


def test_commands_on_a_missing_database_say_run_init(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1 and out == ""
    assert "hisconsole init" in err
    assert not data_dir.exists()


def test_backup_and_restore(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    d = str(ready_data_dir)
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--data-dir", d, "--json", "backup", "--out", str(copy))
    assert code == 0 and json.loads(out)["bytes"] == copy.stat().st_size
    code, out, _ = run(capsys, "--data-dir", d, "--json", "restore", str(copy))
    assert code == 0 and Path(json.loads(out)["previous_database"]).exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello", "utf-8")
    code, _, err = run(capsys, "--data-dir", d, "restore", str(junk))
    assert code == 1 and "nothing was restored" in err


def test_check_exits_non_zero_on_a_damaged_log(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    import sqlite3

    con = sqlite3.connect(ready_data_dir / "hisconsole.sqlite3")
    con.execute("DELETE FROM plan_versions")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--data-dir", str(ready_data_dir), "--json", "check")
    assert code == 3
    assert any("plan_versions" in p for p in json.loads(out)["problems"])


def test_operator_option_attributes_events(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    import sqlite3

    out_file = tmp_path / "p.yaml"
    d = str(ready_data_dir)
    run(capsys, "--data-dir", d, "plan", "export", str(out_file))
    out_file.write_text(
        out_file.read_text("utf-8").replace("report_minutes: 10", "report_minutes: 12", 1), "utf-8"
    )
    assert (
        run(capsys, "--data-dir", d, "--operator", "Sun Li", "plan", "import", str(out_file))[0]
        == 0
    )
    con = sqlite3.connect(ready_data_dir / "hisconsole.sqlite3")
    authors = {a for (a,) in con.execute("SELECT author FROM events WHERE kind='plan.published'")}
    con.close()
    assert "Sun Li" in authors


def test_incident_show_judges_each_report_against_the_plan(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    import datetime as dt

    base = ("--data-dir", str(ready_data_dir))
    reported = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    code, out, _ = run(
        capsys,
        *base,
        "--json",
        "incident",
        "declare",
        "--level",
        "II",
        "--title",
        "HIS down",
        "--reported-at",
        reported.isoformat(timespec="seconds"),
    )
    inc = json.loads(out)["id"]
    made = reported + dt.timedelta(minutes=15, seconds=10)
    run(
        capsys,
        *base,
        "incident",
        "record-report",
        inc,
        "--to",
        "HQ",
        "--channel",
        "phone",
        "--at",
        made.isoformat(timespec="seconds"),
    )
    code, out, _ = run(capsys, *base, "--json", "incident", "show", inc)
    initial = json.loads(out)["clocks"][0]
    assert (initial["state"], initial["late_seconds"]) == ("late", 5 * 60 + 10)
    code, out, _ = run(capsys, *base, "incident", "show", inc)
    assert code == 0 and ", 5 min late" in out
    assert "followup report (level II) due" in out and "(in 55 min)" in out
    run(capsys, *base, "incident", "resolve", inc)
    code, out, _ = run(capsys, *base, "incident", "show", inc)
    assert ", 5 min late" in out and "not owed (replaced or ended" in out


def test_alerts_list_and_acknowledge(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    import datetime as dt

    base = ("--data-dir", str(ready_data_dir))
    assert run(capsys, *base, "alerts")[1].strip() == "No alerts."
    reported = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)
    code, out, _ = run(
        capsys,
        *base,
        "--json",
        "incident",
        "declare",
        "--level",
        "I",
        "--title",
        "Power",
        "--reported-at",
        reported.isoformat(timespec="seconds"),
    )
    inc = json.loads(out)["id"]
    code, out, _ = run(capsys, *base, "--json", "alerts", "list")
    (overdue,) = json.loads(out)
    assert (overdue["kind"], overdue["incident"]) == ("report-overdue", inc)
    code, out, _ = run(capsys, *base, "alerts")
    assert f"URGENT   {inc}: initial report (level I) OVERDUE since" in out
    assert overdue["key"] in out
    code, out, _ = run(capsys, *base, "--operator", "Li Na", "alerts", "ack", overdue["key"])
    assert code == 0 and out.strip() == "Acknowledged."
    code, out, err = run(capsys, *base, "alerts", "ack", overdue["key"])
    assert code != 0 and "already acknowledged by Li Na" in err and out == ""
    code, out, _ = run(capsys, *base, "--json", "alerts")
    assert json.loads(out)[0]["acknowledged_by"] == "Li Na"


def test_incident_show_streams_a_long_log_page_by_page(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hisconsole.services import incident_log

    monkeypatch.setattr(incident_log, "PAGE", 2)  # several pages for a few entries
    base = ("--data-dir", str(ready_data_dir), "--operator", "Li Na", "--role", "scribe")
    _code, out, _ = run(
        capsys, *base, "--json", "incident", "declare", "--level", "II", "--title", "HIS down"
    )
    inc = json.loads(out)["id"]
    for n in range(5):
        run(capsys, *base, "incident", "log", inc, f"runner {n} 病房")
    code, out, _ = run(capsys, *base, "--json", "incident", "show", inc)
    shown = json.loads(out)  # one JSON document, indented as every --json output
    assert code == 0 and out.startswith('{\n  "id": ') and out.endswith("\n}\n")
    assert [e["text"] for e in shown["log"] if e["kind"] == "note"] == [
        f"runner {n} 病房" for n in range(5)
    ]
    keys = list(shown)  # the streamed log stands where show() puts it, before the clocks
    assert keys.index("clocks") == keys.index("log") + 1 and shown["clocks"]
    code, out, _ = run(capsys, *base, "incident", "show", inc)
    lines = out.splitlines()
    log_at = lines.index("  log:")
    notes = lines[log_at + 2 :]  # after the declaration, one line per entry
    assert len(notes) == 5
    assert all(f"  Li Na  runner {n} 病房  [entry " in line for n, line in enumerate(notes))
