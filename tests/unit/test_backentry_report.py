"""The back-entry report PDF: what the record shows, in both languages, every font embedded."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.printing.backentry_report import serial_ranges
from hisconsole.services import forms, incidents
from hisconsole.services.console import Console, ServiceError


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def worked(console: Console) -> tuple[str, list[str]]:
    """An incident with 30 MAR and 10 lab sheets: 33 entered, 2 void, 1 returned, 4 issued."""
    console.sign_in("Li Wei", "commander")
    inc, _ = incidents.declare(console, level="II", title="HIS 停机", systems=["HIS"])
    pack = forms.prepare_pack(console, [("mar", 30), ("lab-request", 10)], incident=inc)
    serials = forms.record_pack(console, pack)
    forms.set_status(console, f"{serials[0]}..{serials[32]}", "entered", his_ref="ZY-2026-0042")
    forms.set_status(console, f"{serials[33]},{serials[34]}", "void", reason="撕坏 torn")
    forms.set_status(console, serials[35], "returned")
    return inc, serials


def test_report_shows_counts_serials_who_refs_reasons_and_pages(
    console: Console, worked: tuple[str, list[str]]
) -> None:
    inc, serials = worked
    pages = pages_of(forms.backentry_report_pdf(console, inc))
    text = "\n".join(pages)
    flat = squashed(text)
    for expected in (
        "纸质表单补录报告",
        "Back-entry report",
        inc,
        "HIS 停机",
        "示例医院",
        "医嘱执行单（给药）",
        "ZY-2026-0042",
        "撕坏 torn",
        "Li Wei",
        "5 of 40 sheets are not yet entered back into the HIS",
    ):
        assert squashed(expected) in flat, expected
    # Every serial is listed with its status.
    for serial in serials:
        assert serial in text
    # The outstanding ones (one returned, four issued) are named together, as a range.
    assert f"Outstanding serials: {serials[35]}..{serials[39]}" in text
    # Counts per status: 33 entered, 2 void, 1 returned, 4 issued; 5 outstanding in all.
    assert re.search(r"已补录\s*Entered\s+33", text)
    assert re.search(r"作废\s*Void\s+2", text)
    assert re.search(r"待补录\s*Outstanding\s+5", text)
    # Page x of y, and the print date, on every page.
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {len(pages)} 页 · Page {number} of {len(pages)}" in page
        assert re.search(r"打印时间 Printed \d{4}/\d{1,2}/\d{1,2} \d\d:\d\d", page)


def test_report_in_one_language_speaks_only_that_one(
    console: Console, worked: tuple[str, list[str]]
) -> None:
    inc, serials = worked
    chinese = "\n".join(pages_of(forms.backentry_report_pdf(console, inc, "zh")))
    assert "待补录 5 张（共 40 张）" in chinese and "按状态统计" in chinese
    assert f"待补录编号: {serials[35]}..{serials[39]}" in chinese
    assert "Back-entry report" not in chinese and "Outstanding" not in chinese
    english = "\n".join(pages_of(forms.backentry_report_pdf(console, inc, "en")))
    assert "5 of 40 sheets are not yet entered back into the HIS." in english
    assert re.search(r"Printed \d\d/\d\d/\d{4} \d\d:\d\d", english)
    assert "补录" not in english and "医嘱执行单" not in english


def test_report_for_every_sheet_and_an_unknown_incident(
    console: Console, worked: tuple[str, list[str]]
) -> None:
    _inc, serials = worked
    text = "\n".join(pages_of(forms.backentry_report_pdf(console, None)))
    assert "Every sheet on this console" in text
    assert serials[0] in text and serials[-1] in text
    with pytest.raises(ServiceError, match="No incident"):
        forms.backentry_report_pdf(console, "INC-NOPE")


def test_report_embeds_its_only_font(
    console: Console, worked: tuple[str, list[str]], tmp_path: Path
) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    inc, _ = worked
    path = tmp_path / "report.pdf"
    path.write_bytes(forms.backentry_report_pdf(console, inc))
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts at all"
    for line in listing:
        assert "WenQuanYiMicroHei" in line and " yes yes " in line, line


def test_serial_ranges_collapse_runs_only() -> None:
    assert serial_ranges(["A-000003", "A-000001", "A-000002", "A-000005", "B-000006"]) == [
        "A-000001..A-000003",
        "A-000005",
        "B-000006",
    ]
