"""Readiness between outages: what is due, judged against the plan's intervals, and the acts
that settle it (resource checks, contact answers, a backup)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from hisconsole.domain import readiness as rules
from hisconsole.services import readiness, review
from hisconsole.services.console import Console
from hisconsole.services.maintenance import backup, check
from hisconsole.store.models import Event
from tests.support import Clock

DAY = 24 * 60


def _item(console: Console, code: str, subject: str | None = None) -> rules.Item:
    found = [
        i
        for i in readiness.readiness(console).items
        if i.code == code and (subject is None or i.subject == subject)
    ]
    assert len(found) == 1, found
    return found[0]


def _events(console: Console) -> int:
    with console.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


def test_a_resource_is_due_until_checked_then_overdue_after_its_interval(
    timed: Console, clock: Clock
) -> None:
    ups = _item(timed, "resource", "ups")
    assert (ups.state, ups.figures["last"], ups.figures["interval_days"]) == ("due", None, 30)
    assert readiness.describe(ups).endswith("never checked (to be checked every 30 days).")

    readiness.check_resource(timed, "ups", "ok", "  battery test 30 min  ")
    ups = _item(timed, "resource", "ups")
    assert ups.state == "ok"
    assert ups.figures["last"]["by"] == "Wang Fang"
    assert ups.figures["last"]["note"] == "battery test 30 min"

    clock.advance(31 * DAY)
    ups = _item(timed, "resource", "ups")
    assert (ups.state, ups.figures["days"]) == ("overdue", 31)
    assert "last checked 31 days ago (every 30 days)" in readiness.describe(ups)


def test_a_fault_stays_overdue_until_a_later_check_finds_it_in_order(
    timed: Console, clock: Clock
) -> None:
    readiness.check_resource(timed, "satellite-phone", "fault", "battery dead")
    phone = _item(timed, "resource", "satellite-phone")
    assert phone.state == "overdue"
    assert readiness.describe(phone).endswith("by Wang Fang: battery dead")
    clock.advance(60)
    readiness.check_resource(timed, "satellite-phone", "ok", "new battery")
    assert _item(timed, "resource", "satellite-phone").state == "ok"
    listed = {r["code"]: r for r in readiness.resources(timed)}
    assert listed["satellite-phone"]["last_check"]["note"] == "new battery"
    assert check(timed).ok


def test_unknown_resources_results_and_contacts_are_refused_and_change_nothing(
    timed: Console,
) -> None:
    before = _events(timed)
    with pytest.raises(readiness.ResourceUnknown) as error:
        readiness.check_resource(timed, "nope", "ok")
    assert error.value.code == "readiness.resource-unknown" and "ups" in str(error.value)
    with pytest.raises(readiness.ResultUnknown):
        readiness.check_resource(timed, "ups", "fine")
    with pytest.raises(readiness.ContactUnknown):
        readiness.verify_contact(timed, "nobody", "verified")
    with pytest.raises(readiness.ResultUnknown):
        readiness.verify_contact(timed, "c01", "maybe")
    assert _events(timed) == before


def test_contact_round_stale_unreachable_and_verified(timed: Console, clock: Clock) -> None:
    item = _item(timed, "contacts")
    people = item.figures["people"]
    assert item.state == "due" and len(item.figures["stale"]) == people

    round_ = readiness.verification_round(timed)
    assert len(round_) == people and all(r["due"] for r in round_)
    for row in round_:
        readiness.verify_contact(timed, row["key"], "verified")
    assert _item(timed, "contacts").state == "ok"

    readiness.verify_contact(timed, "c01", "unreachable", "no answer twice")
    item = _item(timed, "contacts")
    assert item.state == "overdue" and item.figures["unreachable"] == ["王建国"]
    assert readiness.describe(item).startswith("1 contacts could not be reached: 王建国.")

    clock.advance(91 * DAY)
    item = _item(timed, "contacts")
    assert len(item.figures["stale"]) == people - 1


def test_a_call_trees_round_lists_its_people_in_calling_order(timed: Console) -> None:
    from hisconsole.services import calltrees

    tree = calltrees.list_trees(timed)[0]["code"]
    members = calltrees.members(timed, tree)
    assert [r["key"] for r in readiness.verification_round(timed, tree)] == members
    assert len(members) == calltrees.list_trees(timed)[0]["people"]


def test_backup_age_and_the_never_synced_laptop(
    timed: Console, clock: Clock, tmp_path: Path
) -> None:
    assert _item(timed, "backup").state == "due"
    assert _item(timed, "sync", "none").state == "due"
    backup(timed, tmp_path / "copy.sqlite3")
    assert _item(timed, "backup").state == "ok"
    clock.advance(8 * DAY)
    stale = _item(timed, "backup")
    assert (stale.state, stale.figures["days"]) == ("overdue", 8)


def test_drills_next_planned_last_run_and_planned_but_not_run(timed: Console, clock: Clock) -> None:
    from hisconsole.services.drills import run as drill_run

    drills = _item(timed, "drills")
    assert drills.state == "ok" and drills.figures["next"]["code"] == "2027-03-his"
    assert (drills.figures["last_run"], drills.figures["not_run"]) == (None, [])

    # The first planned date passes with no drill held: overdue, named.
    clock.advance(114 * DAY)  # 2027-03-19
    drills = _item(timed, "drills")
    assert drills.state == "overdue"
    assert [d["code"] for d in drills.figures["not_run"]] == ["2027-03-his"]
    assert "Planned but not run: Tabletop exercise, hospital-wide HIS outage (2027-03-18)." in (
        readiness.describe(drills)
    )

    # Running it (late) for its calendar entry settles that, and shows the run.
    started = drill_run.start(timed, "his-down", calendar="2027-03-his")
    drills = _item(timed, "drills")
    assert drills.figures["not_run"] == []
    assert drills.figures["last_run"]["drill"] == started
    assert "Drill under way:" in readiness.describe(drills)

    clock.advance(3 * 365 * DAY)
    drills = _item(timed, "drills")
    assert drills.figures["next"] is None and drills.state == "overdue"
    assert readiness.describe(drills).startswith("No drill is planned in the calendar.")


def test_plan_age_and_open_improvement_items(timed: Console, clock: Clock) -> None:
    from hisconsole.services import incidents

    assert _item(timed, "plan-age").state == "ok"
    inc, _ = incidents.declare(timed, level="III", title="Printer fleet", systems=["HIS"])
    item = review.add_improvement(timed, inc, "Buy toner", owner="Li Na", due="2026-11-20")
    assert _item(timed, "improvement", item).state == "overdue"
    review.complete(timed, item)
    assert not [i for i in readiness.readiness(timed).items if i.code == "improvement"]
    clock.advance(400 * DAY)
    assert _item(timed, "plan-age").state == "overdue"


def test_the_whole_is_as_bad_as_its_worst_item_and_worst_come_first(timed: Console) -> None:
    data = readiness.readiness(timed)
    assert data.state == "due"
    readiness.check_resource(timed, "ups", "fault", "")
    data = readiness.readiness(timed)
    assert data.state == "overdue" and data.items[0].subject == "ups"
    states = [i.state for i in data.items]
    assert states == sorted(states, key=["overdue", "due", "ok"].index)


def _cli(data_dir: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), "--lang", lang, *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_readiness_json_text_and_the_bilingual_pdf(
    ready_data_dir: Path, tmp_path: Path
) -> None:
    done = _cli(
        ready_data_dir, "resources", "check", "radios", "--result", "fault", "--note", "没电"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Check of radios recorded: fault."
    verified = _cli(ready_data_dir, "contacts", "verify", "王建国", "--result", "verified")
    assert verified.returncode == 0, verified.stderr

    shown = _cli(ready_data_dir, "--json", "readiness")
    data = json.loads(shown.stdout)
    assert data["state"] == "overdue"
    first = data["items"][0]
    assert (first["code"], first["subject"], first["fix"]) == ("resource", "radios", "resource")
    assert first["figures"]["last"]["note"] == "没电"

    zh = _cli(ready_data_dir, "readiness", lang="zh")
    assert zh.stdout.splitlines()[0].startswith("应急准备：逾期（1 项逾期")
    assert "对讲机（含备用电池）：" in zh.stdout and "检查发现故障：没电" in zh.stdout

    out = tmp_path / "readiness.pdf"
    written = _cli(ready_data_dir, "readiness", "--out", str(out))
    assert written.returncode == 0, written.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for words in ("应急资源", "Emergency resources", "逾期", "overdue", "没电"):
        assert words in text, words
    assert "39 of 40 contacts not verified" in text.replace("\n", " ")

    refused = _cli(ready_data_dir, "resources", "check", "nope", "--result", "ok", lang="zh")
    assert refused.returncode == 1 and "预案中没有应急资源 'nope'" in refused.stderr


def test_cli_verify_needs_an_answer_and_lists_the_round(ready_data_dir: Path) -> None:
    asked = _cli(ready_data_dir, "contacts", "verify", "c01")
    assert asked.returncode == 1 and "--result verified" in asked.stderr
    listed = _cli(ready_data_dir, "--json", "contacts", "verify")
    rows = json.loads(listed.stdout)
    assert len(rows) == 40 and rows[0]["last"] is None and rows[0]["due"] is True
