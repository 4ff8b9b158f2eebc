"""Plan binder: the printed plan a command centre keeps on the shelf."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from hisconsole.i18n.formats import format_date
from hisconsole.printing.plan_binder import render_plan

ROOT = Path(__file__).parents[2]
PLAN = ROOT / "resources" / "plan" / "default-plan.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini-plan.yaml"


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(PLAN.read_text("utf-8"))
    return doc


@pytest.fixture(scope="module")
def binder(plan: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    pages = render_plan(plan, version=4, printed_at="2026-11-25 09:30", out=out)
    data = out.getvalue()
    assert len(PdfReader(io.BytesIO(data)).pages) == pages
    return data


def _pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def _assert_embedded_fonts_only(data: bytes, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "WenQuanYiMicroHei" in line and " yes yes " in line, line


def test_every_page_has_its_number_the_total_the_version_and_the_print_date(
    binder: bytes,
) -> None:
    pages = _pages(binder)
    total = len(pages)
    assert total > 10
    for n, page in enumerate(pages, 1):
        assert f"第{n}页，共{total}页·Page{n}of{total}" in page, n
        assert "预案版本4·Planversion4" in page, n
        assert "Printed2026-11-2509:30" in page, n


def test_the_binder_holds_the_whole_plan_in_both_languages(
    binder: bytes, plan: dict[str, Any]
) -> None:
    pages = _pages(binder)
    text = "".join(pages)
    assert "医院信息系统应急预案" in pages[0] and "示例医院" in pages[0]
    assert "目录" in pages[1] and "Contents" in pages[1]
    # Warning levels: names, colours and the level I reporting deadline.
    assert "特别严重Especiallysevere" in text
    level_one = next(p for p in pages if "特别严重Especiallysevere" in p)
    assert "首报时限：10分钟" in level_one
    assert "Initialreportwithin10minutes" in level_one
    for level in plan["levels"]:
        assert level["name"]["zh"] + level["name"]["en"].replace(" ", "") in text
    # Every section heading, Chinese then English.
    for heading in (
        "总则Overview",
        "预警分级Warninglevels",
        "组织机构与职责Organisationandduties",
        "信息报告Reporting",
        "信息系统Systems",
        "风险Risks",
        "处置流程Scenarioplaybooks",
        "应急资源Resources",
        "演练计划Drillcalendar",
        "总结评估Review",
    ):
        assert heading in pages[1], heading  # the table of contents
    # Every scenario's playbook with its steps, and the rest of the plan.
    for scenario in plan["scenarios"]:
        assert scenario["name"]["zh"] in text
        for step in scenario["steps"]:
            assert re.sub(r"\s+", "", step["text"]["zh"]) in text
    first_step = plan["scenarios"][0]["steps"][0]["text"]["en"]
    assert re.sub(r"\s+", "", first_step) in text
    for section in ("systems", "risks", "resources", "groups"):
        for item in plan[section]:
            assert re.sub(r"\s+", "", item["name"]["en"]) in text, item["code"]
    for drill in plan["drills"]:
        assert format_date(drill["date"], "zh") in text  # the year first


def test_playbook_steps_show_their_group_and_levels(binder: bytes) -> None:
    reader = PdfReader(io.BytesIO(binder))
    texts = [p.extract_text() for p in reader.pages]
    his = next(t for t in texts if "7.1 医院管理系统（HIS）中断" in t and "序号" in t)
    assert "技术支持组\nTechnical support\ngroup" in his
    # The step that applies to levels I and II only: its level badges, then its text.
    assert re.search(r"应急指挥部\s+Emergency\s+command HQ\s+I\s+II\s+指挥长或副指挥长到应急", his)


def test_the_table_of_contents_gives_the_right_pages(binder: bytes) -> None:
    pages = _pages(binder)
    toc = PdfReader(io.BytesIO(binder)).pages[1].extract_text()
    for heading in ("2 预警分级 Warning levels", "8 应急资源 Resources", "7.9 数据泄露或篡改"):
        found = re.search(r"(\d+)\s*\n" + re.escape(heading), toc)
        assert found, heading
        title = heading.split(" ", 1)[1].replace(" ", "")
        assert title in pages[int(found.group(1)) - 1], heading


def test_the_binder_embeds_its_only_font(binder: bytes, tmp_path: Path) -> None:
    _assert_embedded_fonts_only(binder, tmp_path)


def test_one_scenario_prints_only_that_playbook(plan: dict[str, Any], tmp_path: Path) -> None:
    out = io.BytesIO()
    pages = render_plan(
        plan, version=4, printed_at="2026-11-25 09:30", out=out, scenario="cyber-attack"
    )
    data = out.getvalue()
    texts = _pages(data)
    assert len(texts) == pages
    text = "".join(texts)
    assert "处置流程：网络攻击（勒索病毒等）" in texts[0]
    cyber = next(s for s in plan["scenarios"] if s["code"] == "cyber-attack")
    for step in cyber["steps"]:
        assert re.sub(r"\s+", "", step["text"]["zh"]) in text
    for other in plan["scenarios"]:
        if other["code"] != "cyber-attack":
            assert other["name"]["zh"] not in text, other["code"]
            assert re.sub(r"\s+", "", other["steps"][0]["text"]["zh"]) not in text
    # The deadlines the steps refer to, and page furniture on every page.
    assert "特别严重（红色）首报10分钟内" in text
    for n, page in enumerate(texts, 1):
        assert f"Page{n}of{pages}" in page and "Planversion4" in page
    _assert_embedded_fonts_only(data, tmp_path)


def test_an_unknown_scenario_is_refused(plan: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="no scenario 'nope'"):
        render_plan(plan, version=1, printed_at="now", out=io.BytesIO(), scenario="nope")


def test_markup_in_plan_text_prints_literally() -> None:
    doc: dict[str, Any] = yaml.safe_load(MINI.read_text("utf-8"))
    doc = copy.deepcopy(doc)
    doc["overview"]["purpose"] = {"zh": "保障<b>诊疗</b>&连续", "en": "Keep <care> & going"}
    out = io.BytesIO()
    render_plan(doc, version=1, printed_at="2026-11-25", out=out)
    text = "".join(_pages(out.getvalue()))
    assert "保障<b>诊疗</b>&连续" in text and "Keep<care>&going" in text
