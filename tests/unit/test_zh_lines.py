"""Lines an audit found still English under a Chinese locale: each shown in Chinese, with
no English sentence left in it (system codes, ids, paths and SQLite's own words aside)."""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.errors import Term
from hisconsole.i18n import render
from hisconsole.services import roster
from hisconsole.services.sync.shared import Note, count_notes, notes_from_json, notes_json
from hisconsole.store.location import database_path
from hisconsole.sync import reasons
from hisconsole.sync.intake import IntakeReport
from hisconsole.sync.reasons import Reason
from hisconsole.sync.trust import DEVICE_ROLES

#: Three or more English words in a row: a sentence that bypassed the catalogue.
_SENTENCE = re.compile(r"(?<![\w-])[A-Za-z]*[a-z][A-Za-z]*(?: [A-Za-z]+){2,}(?![\w-])")
_PATH = re.compile(r"\S*/\S*")


def english(text: str) -> list[str]:
    return _SENTENCE.findall(_PATH.sub(" ", text.replace("hisconsole", " ")))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _poke(data_dir: Path, *statements: str) -> None:
    """Edit the database behind the console's back (the update trigger dropped and kept so)."""
    con = sqlite3.connect(database_path(data_dir))
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def test_check_problems_and_notes_are_chinese(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    # A device whose clock said 1970 wrote its first event (a note), then someone dropped a
    # protection trigger, deleted an event (a gap) and a projection row (a drift).
    _poke(
        ready_data_dir,
        "DROP TRIGGER events_immutable_update",
        "DROP TRIGGER events_immutable_delete",
        "UPDATE events SET hlc = '000000000001000.000000' WHERE origin_seq = 1",
        "DELETE FROM events WHERE origin_seq = 3",
        "DELETE FROM plan_items WHERE key = 'levels/I'",
    )
    d = str(ready_data_dir)
    code, out = run(capsys, "--data-dir", d, "--lang", "zh", "check")
    assert code == 3, out
    for words in ("保护触发器", "序号缺口", "签名", "投影", "时钟", "1970"):
        assert words in out, (words, out)
    assert english(out) == [], out
    # --json keeps its shape, the lines in English as before.
    code, out = run(capsys, "--data-dir", d, "--lang", "zh", "--json", "check")
    report = json.loads(out)
    assert any("sequence gap after #2" in p for p in report["problems"]), report
    assert any("more than a year from now" in n for n in report["notes"]), report
    assert report["first_bad"]["problem"] in ("signature", "sequence gap")


def test_roster_refusals_name_the_post_as_the_ui_does(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    d = ["--data-dir", str(ready_data_dir)]
    code, out = run(
        capsys,
        *d,
        "incident",
        "declare",
        "--level",
        "III",
        "--system",
        "lis",
        "--title",
        "检验停机",
    )
    assert code == 0, out
    code, out = run(capsys, *d, "roster", "sign-in", "commander", "--person", "李伟")
    assert code == 0, out
    code, out = run(
        capsys, *d, "--lang", "zh", "roster", "sign-in", "commander", "--person", "李伟"
    )
    assert code == 1 and "指挥长" in out and "commander" not in out, out
    code, out = run(capsys, *d, "--lang", "zh", "roster", "sign-out", "tech-lead")
    assert code == 1 and "技术支持组组长" in out and "tech-lead" not in out, out
    # English speaks the code as before; the refusal's data keeps the code.
    code, out = run(capsys, *d, "--lang", "en", "roster", "sign-out", "tech-lead")
    assert "Nobody is signed in as tech-lead" in out, out
    error = roster.PostVacant(role=Term("roster role", "tech-lead"), incident="X")
    assert error.as_dict()["params"]["role"] == "tech-lead"
    assert render(error, "zh") == "X 的技术支持组组长岗位无人在岗。"


def test_a_csv_that_cannot_be_decoded_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    # UTF-16 with its byte-order mark, and a lone surrogate in the third row.
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        codecs.BOM_UTF16_LE
        + "姓名,电话\n张三,13800138000\n".encode("utf-16-le")
        + b"\x00\xd8"
        + "x\n".encode("utf-16-le")
    )
    d = ["--data-dir", str(ready_data_dir)]
    code, out = run(capsys, *d, "--lang", "zh", "contacts", "import", str(bad))
    assert code == 1, out
    assert "第 3 行" in out and "UTF-16" in out and "0x00 D8" in out, out
    assert english(out) == [], out
    code, out = run(capsys, *d, "--lang", "en", "contacts", "import", str(bad))
    assert "row 3: byte 44 (0x00 D8) is not valid UTF-16" in out, out


def test_the_reasons_of_rejected_events_in_a_sync_note_are_said_in_the_readers_language() -> None:
    report = IntakeReport(rejected=3)
    report.reasons[
        Reason(reasons.LACKS_ROLE, device="dev1", kind="plan.published", role="plan-editor")
    ] = 2
    report.reasons[
        Reason(reasons.MISSING, device="dev1", kind="task.done", thing="task", key="T-1")
    ] = 1
    # As the sync history keeps it and reads it back.
    (note,) = notes_from_json(notes_json(count_notes(report)))
    zh = note.text("zh")
    # The role by its name, and the code that 'trust add --roles' takes after it.
    assert "“plan.published”需要预案编辑（plan-editor）角色，设备 dev1 没有该角色 (2)" in zh, zh
    assert "指向任务 T-1" in zh and english(zh) == [], zh
    assert (
        "'plan.published' needs the plan editor (plan-editor) role, which device dev1 lacks (2)"
        in note.text("en")
    )
    # Every role a device may be given has its words.
    assert set(reasons.ROLES) == set(DEVICE_ROLES)
    # A record from before keeps its English reasons, shown as they are.
    old = Note("rejected", {"count": 1, "reasons": "device x was revoked by IT on 2026-01-01 (1)"})
    assert "device x was revoked" in old.text("zh")


def test_every_problem_of_a_contact_file_is_said_in_chinese(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    """A row's or a card's problems, what a row's number needs, a skipped person's and a file
    without a readable contact: all in Chinese, the file's own words aside."""
    from tests.unit.test_pseudo_locale import CONTACT_FILES

    d = ["--data-dir", str(ready_data_dir), "--lang", "zh"]
    said: dict[str, str] = {}
    for name, data, expected in CONTACT_FILES:
        (tmp_path / name).write_bytes(data)
        code, out = run(capsys, *d, "contacts", "import", str(tmp_path / name), "--dry-run")
        assert code == expected, out
        said[name] = out
        assert english(out) == [], out
    rows = said["rows.csv"]
    assert "第 2 行：" in rows and "row" not in rows, rows
    assert "分组“后勤”不是" in rows and "“fax”不是电话类型" in rows, rows
    assert "第 5 行：有 7 个单元格，但只有 6 列" in rows, rows
    assert "位数太少" in rows and "分机须为 2 至 6 位数字" in rows, rows
    cards = said["cards.vcf"]
    assert "第 1 张名片：" in cards and "card" not in cards, cards
    assert "没有姓名" in cards and "传真号码" in cards and "没有 END" in cards, cards
    assert "未保留：ADR（地址）" in cards, cards
