"""Tasks: owner, group, due time, status; made from the log, a message or a step; alerts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.cli.entry import main
from hisconsole.domain import tasks as rules
from hisconsole.i18n.formats import format_datetime
from hisconsole.services import alerts, incidents, response, tasks
from hisconsole.services.console import Console
from tests.support import Clock

NOW = dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)


def test_due_times_as_typed() -> None:
    assert rules.parse_due("+90m", NOW) == NOW + dt.timedelta(minutes=90)
    assert rules.parse_due("+2h", NOW) == NOW + dt.timedelta(hours=2)
    assert rules.parse_due("2026-11-25T14:00+08:00", NOW) == dt.datetime(
        2026, 11, 25, 6, 0, tzinfo=dt.UTC
    )
    for bad in ("soon", "25:00", "+", "14:60", ""):
        with pytest.raises(rules.DueUnreadable):
            rules.parse_due(bad, NOW)


@given(st.integers(0, 23), st.integers(0, 59))
def test_a_time_of_day_is_the_next_one_to_come(hour: int, minute: int) -> None:
    due = rules.parse_due(f"{hour:02d}:{minute:02d}", NOW)
    assert NOW < due <= NOW + dt.timedelta(days=1)
    local = due.astimezone()
    assert (local.hour, local.minute) == (hour, minute)


def _alerts(console: Console) -> list[alerts.Alert]:
    return [a for a in alerts.current(console).alerts if a.kind == "task-overdue"]


def test_an_overdue_task_is_an_alert_until_it_is_done(timed: Console, clock: Clock) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    added = tasks.add(timed, inc, "Restore the HIS database", owner="Wang", due="+2h", group="tech")
    assert not _alerts(timed)
    clock.advance(121)
    (overdue,) = _alerts(timed)
    assert overdue.params == {
        "incident": inc,
        "task": added.task,
        "text": "Restore the HIS database",
        "owner": "Wang",
        "due_at": "2026-11-25T04:00:00+00:00",
    }
    # Said in local time as the reader writes it (the params keep the moment).
    since = format_datetime("2026-11-25T04:00:00+00:00", "en")
    assert alerts.describe(overdue) == (
        f"{inc}: task {added.task} OVERDUE since {since}: Restore the HIS database (owner Wang)"
    )
    tasks.set_status(timed, added.task)
    assert not _alerts(timed)
    (row,) = tasks.tasks(timed, inc)
    assert (row["status"], row["overdue"], row["done_by"]) == ("done", False, "Wang Fang")


def test_tasks_made_from_the_log_a_message_and_a_step(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    entry = incidents.log(timed, inc, "Pharmacy asks for paper MAR").entry
    message = response.send_message(
        timed, inc, sender="Ward 5", recipient="HQ", text="Need more forms"
    )
    step = response.add_step(timed, inc, "tech", "Check the backup")
    for source, ref in (("log", entry), ("message", message), ("checklist", step)):
        tasks.add(timed, inc, f"from {source}", owner="Li", due="+1h", source=source, ref=ref)
    assert [(t["source"], t["ref"]) for t in tasks.tasks(timed, inc)] == [
        ("log", entry),
        ("message", message),
        ("checklist", step),
    ]
    other, _ = incidents.declare(timed, level="IV", title="Printer", systems=["LIS"])
    with pytest.raises(tasks.SourceUnknown):
        tasks.add(timed, other, "x", owner="Li", due="+1h", source="log", ref=entry)


def test_refusals(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    for kwargs, error in (
        ({"text": " ", "owner": "Li", "due": "+1h"}, tasks.TaskEmpty),
        ({"text": "x", "owner": "", "due": "+1h"}, tasks.OwnerMissing),
        ({"text": "x", "owner": "Li", "due": "2026-11-24T00:00Z"}, tasks.DueInPast),
        ({"text": "x", "owner": "Li", "due": "later"}, rules.DueUnreadable),
        ({"text": "x", "owner": "Li", "due": "+1h", "group": "it"}, tasks.GroupUnknown),
    ):
        text = kwargs.pop("text")
        with pytest.raises(error):
            tasks.add(timed, inc, text, **kwargs)  # type: ignore[arg-type]
    assert tasks.tasks(timed, inc) == []
    with pytest.raises(tasks.TaskUnknown):
        tasks.set_status(timed, "T-NOPE-1")


def test_tasks_cli(ready_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    assert main([*d, "--json", "incident", "declare", "--level", "II", "--title", "HIS"]) == 0
    inc = json.loads(capsys.readouterr().out)["id"]
    assert (
        main([*d, "--json", "tasks", "add", inc, "Call vendor", "--owner", "Wang", "--due", "+1h"])
        == 0
    )
    added = json.loads(capsys.readouterr().out)
    assert (added["text"], added["owner"], added["status"], added["overdue"]) == (
        "Call vendor",
        "Wang",
        "open",
        False,
    )
    assert main([*d, "--json", "tasks", "done", added["task"]]) == 0
    assert json.loads(capsys.readouterr().out) == {"task": added["task"], "status": "done"}
    assert main([*d, "--json", "tasks", inc]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["task"] == added["task"] and row["status"] == "done"
    assert main([*d, "tasks", "done", added["task"]]) == 1
    assert f"Task {added['task']} is already done." in capsys.readouterr().err
    assert main([*d, "tasks", "add", inc, "x", "--owner", "W"]) == 2  # no --due
