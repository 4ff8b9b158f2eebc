"""Incident report PDFs: what a reader sees, in both languages, fonts embedded."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli import main
from hisconsole.services import incidents, reports
from hisconsole.services.console import Console, ServiceError
from tests.support import Clock


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_final_report_holds_the_timeline_reports_and_log(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS 与 LIS 中断", systems=["HIS", "LIS"])
    incidents.log(console, inc, "已通知 HIS 厂商工程师", kind="action")
    incidents.change_level(console, inc, "I", "EMR 也受影响")
    incidents.record_report(console, inc, recipient="卫健委值班室", channel="phone")
    incidents.set_system_status(console, inc, "LIS", "up")
    incidents.resolve(console, inc)
    text = text_of(reports.report_pdf(console, inc, "final"))
    for expected in (
        "终报",
        "Final report",
        inc,
        "HIS 与 LIS 中断",
        "已通知 HIS 厂商工程师",
        "Reported to 卫健委值班室 by phone",
        "System downtime over time",
        "Reporting compliance",
        "按时 on time",
        "特别严重",
    ):
        assert expected in text, expected


def test_every_report_page_says_x_of_y_and_the_pdf_names_its_maker(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS 中断", systems=["HIS"])
    for number in range(80):
        incidents.log(console, inc, f"第 {number} 条记录 entry {number}", kind="note")
    reader = PdfReader(io.BytesIO(reports.report_pdf(console, inc, "final")))
    total = len(reader.pages)
    assert total > 1
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页，共 {total} 页 · Page {number} of {total}" in text
        assert f"{inc} · 终报 Final report · 打印 printed" in text
    assert reader.metadata is not None
    assert reader.metadata.title == f"{inc} 终报 Final report"
    assert reader.metadata.creator == "HIS Console"


def test_initial_report_is_a_short_summary_with_needs(console: Console) -> None:
    from hisconsole.services import response

    inc, _ = incidents.declare(console, level="III", title="PACS 影像调阅慢", systems=["PACS"])
    response.send_message(
        console, inc, sender="HQ", recipient="放射科", text="请确认胶片库存", reply_required=True
    )
    text = text_of(reports.report_pdf(console, inc, "initial"))
    assert "首报" in text and "Initial report" in text
    assert "Reporting compliance" in text and "未到时限 not yet due" in text
    assert "请确认胶片库存" in text and "Needs" in text
    assert "Activity log" not in text


def test_exercise_reports_carry_the_mark_and_embed_every_font(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inc, _ = incidents.declare(console, level="IV", title="Drill", exercise=True)
    out = tmp_path / "r.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(console.data_dir),
                "report",
                inc,
                "--kind",
                "followup",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert "演练 EXERCISE" in text_of(out.read_bytes())
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows and all(" yes yes " in row for row in rows), listing.stdout


def test_unknown_kind_or_incident_is_refused(console: Console) -> None:
    with pytest.raises(ServiceError, match="No incident"):
        reports.report_pdf(console, "INC-00000000-XXXX-01", "final")
    inc, _ = incidents.declare(console, level="IV", title="x")
    with pytest.raises(ServiceError, match="Unknown report kind"):
        reports.report_pdf(console, inc, "weekly")


def test_every_report_judges_each_upward_report(timed: Console, clock: Clock) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    clock.advance(15)
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    text = text_of(reports.report_pdf(timed, inc, "followup"))
    assert "首报 Initial report" in text and "迟报（迟 5 分钟） late by 5 min" in text
    clock.advance(70)  # the follow-up (60 min at level II) is overdue
    text = text_of(reports.report_pdf(timed, inc, "followup"))
    assert "未报，已超时 10 分钟 not made, 10 min overdue" in text
    incidents.resolve(timed, inc)
    text = text_of(reports.report_pdf(timed, inc, "final"))
    assert "迟报（迟 5 分钟） late by 5 min" in text and "漏报 missed" in text


def test_a_report_speaks_the_language_asked_for(console: Console) -> None:
    """--lang zh: Chinese throughout, log lines, states and kinds included; en: English;
    both: each label in both."""
    inc, _ = incidents.declare(console, level="II", title="HIS 中断", systems=["HIS"])
    incidents.record_report(console, inc, recipient="卫健委", channel="phone")
    incidents.resolve(console, inc)
    zh = text_of(reports.report_pdf(console, inc, "final", "zh"))
    words = ("终报", "已解除", "启动应急响应", "[解除]", "按时", "首报", "工作日志", "第 1 页")
    for expected in words:
        assert expected in zh, expected
    for english in ("Final report", "resolved", "Declared", "on time", "Initial", "Page"):
        assert english not in zh, english
    en = text_of(reports.report_pdf(console, inc, "final", "en"))
    assert "Final report" in en and "[resolved]" in en and "Declared at level II" in en
    assert not any(word in en for word in ("终报", "首报", "工作日志", "按时", "页"))
    both = text_of(reports.report_pdf(console, inc, "final", "both"))
    assert "终报 / Final report" in both and "按时 on time" in both


def test_a_follow_up_report_lists_the_last_twelve_actions_taken(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS 中断", systems=["HIS"])
    incidents.log(console, inc, "早先 an early note", kind="note")
    for number in range(20):
        incidents.log(console, inc, f"第 {number} 步 step {number}", kind="action")
    incidents.log(console, inc, "注意 a note", kind="note")
    text = text_of(reports.report_pdf(console, inc, "followup"))
    shown = [n for n in range(20) if re.search(rf"step {n}\b", text)]
    assert shown == list(range(9, 20)) and "a note" in text  # the last twelve, in log order
    assert "an early note" not in text  # older than those twelve
    assert text.index("step 9") < text.index("step 19") < text.index("a note")
