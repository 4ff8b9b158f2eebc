"""The after-action review as a document, and improvement items tied to the plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli.entry import main
from hisconsole.services import incidents, review
from hisconsole.services.console import Console
from tests.support import Clock


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_improvement_names_a_real_plan_section_or_nothing_changes(console: Console) -> None:
    incident, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    with pytest.raises(review.PlanSectionUnknown, match="scenarios/warp-drive"):
        review.add_improvement(
            console,
            incident,
            "x",
            owner="IT",
            due="2027-01-31",
            plan_section="scenarios/warp-drive",
        )
    assert review.review(console, incident)["improvements"] == []
    sections = review.plan_sections(console)
    assert sections["scenarios/his-down"]["en"] == "HIS outage"
    assert sections["drills"] == {"zh": "演练计划", "en": "Drill calendar"}


def test_review_pdf_in_both_languages(
    timed: Console, clock: Clock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident, _ = incidents.declare(
        timed, level="II", title="HIS 中断演练", systems=["HIS"], exercise=True
    )
    clock.advance(14)
    incidents.record_report(timed, incident, recipient="卫健委", channel="phone")
    clock.advance(30)
    incidents.resolve(timed, incident)
    review.note(timed, incident, went_well="通知呼叫10分钟完成", went_badly="首报迟了4分钟")
    review.add_improvement(
        timed,
        incident,
        "首报模板预先填好医院名称",
        owner="信息管理部 孙立新",
        due="2027-01-31",
        plan_section="scenarios/his-down",
    )
    zh, en = tmp_path / "review-zh.pdf", tmp_path / "review-en.pdf"
    d = ["--data-dir", str(timed.data_dir)]
    assert main(["review", incident, "--out", str(zh), "--lang", "zh", "--json", *d]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["improvements"][0]["plan_section"] == "scenarios/his-down"
    assert main(["review", incident, "--out", str(en), "--lang", "en", *d]) == 0
    assert str(en) in capsys.readouterr().out

    text = _text(zh)
    for expected in (
        "总结评估报告",
        "演练 — 非真实事件",
        "首报",
        "迟报 +4 分钟",
        "整改项",
        "首报模板预先填好医院名称",
        "信息管理部 孙立新",
        "2027/1/31",
        "医院管理系统（HIS）中断",
        "通知呼叫10分钟完成",
    ):
        assert expected in text, expected
    text = _text(en)
    for expected in (
        "After-action review",
        "EXERCISE",
        "Initial",
        "late +4 min",
        "31/01/2027",
        "Improvement items",
        "HIS outage",
        "What went badly",
    ):
        assert expected in text, expected
