"""Printed forms: what a user gets in the PDF (text, fonts, scannable codes, marks, stamps)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import FormTemplate, Sheet, UnknownTemplate
from hisconsole.printing.fonts import FONT
from hisconsole.printing.forms import PrintCancelled, load_templates, render_pack, stamp_pdf
from hisconsole.printing.forms_codes import qr_runs

INCIDENT = "INC-20261125-0007"
HOSPITAL = "市第一人民医院"


@pytest.fixture(scope="module")
def templates() -> dict[str, FormTemplate]:
    loaded, problems = load_templates()
    assert problems == []
    return loaded


def _sheets(
    code: str,
    count: int = 3,
    *,
    incident: str | None = INCIDENT,
    exercise: bool = False,
    first: int = 120,
) -> list[Sheet]:
    return [
        Sheet(
            template=code,
            serial=f"K7QF-{first + i:06d}",
            incident_id=incident,
            exercise=exercise,
            hospital=HOSPITAL,
            printed_at="2026-11-25 03:12",
            page_no=i + 1,
            page_count=count,
        )
        for i in range(count)
    ]


def _render(sheets: list[Sheet], templates: dict[str, FormTemplate], lang: str = "zh") -> bytes:
    out = io.BytesIO()
    pages = render_pack(sheets, templates, lang=lang, out=out)
    assert pages == len(sheets)
    return out.getvalue()


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils / zbar-tools): cannot check this")
    return path


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
@pytest.mark.parametrize(
    "code",
    sorted(
        [
            "registration",
            "orders",
            "orders-temp",
            "mar",
            "temperature-chart",
            "nursing-record",
            "transfusion-request",
            "outpatient-receipt",
            "lab-request",
            "imaging-request",
            "prescription",
            "nursing-obs",
            "hics-214",
            "hics-213",
            "hics-251",
            "backentry-cover",
        ]
    ),
)
def test_every_form_prints_its_labels_serials_incident_and_pages(
    code: str, lang: str, templates: dict[str, FormTemplate]
) -> None:
    template = templates[code]
    sheets = _sheets(code)
    texts = _texts(_render(sheets, templates, lang))
    assert len(texts) == 3
    shown = ("zh", "en") if lang == "both" else (lang,)
    hidden = {"zh", "en"} - set(shown)
    for sheet, text in zip(sheets, texts, strict=True):
        assert sheet.serial in text
        assert INCIDENT in text
        assert HOSPITAL in text
        # The languages asked for (both: Chinese first), and only those.
        assert text.index(template.title.get(shown[0])) <= text.index(template.title.get(shown[-1]))
        assert all(template.title.get(other) not in text for other in hidden)
        assert (f"第 {sheet.page_no} 页，共 3 页" in text) is ("zh" in shown)
        assert (f"Page {sheet.page_no} of 3" in text) is ("en" in shown)
        assert f"{code} v{template.version}" in text
        assert "2026-11-25 03:12" in text
        for table in template.tables:
            for column in table.columns:
                assert all(column.heading.get(one) in text for one in shown)
        for signature in template.signatures:
            assert all(signature.label.get(one) in text for one in shown)
        assert ("补录 HIS" in text) is (template.back_entry and "zh" in shown)
        assert ("Back-entry into HIS" in text) is (template.back_entry and "en" in shown)
        assert "EXERCISE" not in text and "演练" not in text
        if lang == "en":  # nothing Chinese but the hospital's name as given
            assert not re.search(r"[\u3400-\u9fff]", text.replace(HOSPITAL, "")), text
    # Another sheet's serial is not on this page.
    assert sheets[1].serial not in texts[0]


def test_mar_in_chinese_reads_as_a_medication_record(templates: dict[str, FormTemplate]) -> None:
    text = _texts(_render(_sheets("mar", 1), templates, "zh"))[0]
    labels = ("医嘱执行单（给药）", "药品名称及规格", "实际给药时间", "过敏史", "责任护士")
    for label in (*labels, "三查七对"):
        assert label in text


def test_standing_and_one_off_orders_are_two_sheets(templates: dict[str, FormTemplate]) -> None:
    standing = _texts(_render(_sheets("orders", 1), templates, "zh"))[0]
    once = _texts(_render(_sheets("orders-temp", 1), templates, "zh"))[0]
    assert standing.splitlines()[1] == "长期医嘱单（停机应急）" and "停止时间" in standing
    assert once.splitlines()[1] == "临时医嘱单（停机应急）" and "执行时间" in once
    assert "停止时间" not in once


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_temperature_chart_has_its_grid_by_day_and_time(
    lang: str, templates: dict[str, FormTemplate]
) -> None:
    chart = templates["temperature-chart"].chart
    assert chart is not None
    text = _texts(_render(_sheets("temperature-chart", 1), templates, lang))[0]
    # Seven days of the six charting hours, in one row.
    assert " ".join(["2 6 10 14 18 22"] * 7) in " ".join(text.split())
    for value in ("180", "160", "42", "41", "36", "35"):
        assert value in text
    if lang != "en":
        for label in ("体温 °C", "脉搏 次/分", "呼吸 次/分", "住院天数", "手术后天数", "大便次数"):
            assert label in text
    labels = [s.label for s in chart.scales] + [*chart.rows_per_time, *chart.rows_per_day]
    for label in labels:
        assert (label.en in text) is (lang != "zh"), label
    assert chart.scales[1].mark == 37


def test_transfusion_request_asks_for_blood_type_component_volume_consent_and_signatures(
    templates: dict[str, FormTemplate],
) -> None:
    text = _texts(_render(_sheets("transfusion-request", 1), templates, "zh"))[0]
    for label in (
        "ABO 血型",
        "RhD 血型",
        "悬浮红细胞",
        "新鲜冰冻血浆",
        "申请量",
        "输血治疗知情同意书已签署",
        "申请医生",
        "上级医师审核",
    ):
        assert label in text


def test_pre_printed_stock_says_so_instead_of_an_incident(
    templates: dict[str, FormTemplate],
) -> None:
    for lang, words in (
        ("zh", "预印（未关联事件）"),
        ("en", "pre-printed"),
        ("both", "预印（未关联事件） / pre-printed"),
    ):
        texts = _texts(_render(_sheets("orders", 2, incident=None), templates, lang))
        for text in texts:
            assert words in text
            assert INCIDENT not in text


def test_exercise_mark_is_on_every_exercise_page_and_only_there(
    templates: dict[str, FormTemplate],
) -> None:
    mixed = _sheets("mar", 2, exercise=True) + _sheets("hics-213", 1, first=500)
    texts = _texts(_render(mixed, templates, "both"))
    for text in texts[:2]:
        assert "EXERCISE — not a real incident" in text
        assert "演练 — 非真实事件" in text
    english = _texts(_render(mixed, templates, "en"))[0]
    assert "EXERCISE — not a real incident" in english and "演练" not in english
    assert "EXERCISE" not in texts[2] and "演练" not in texts[2]


def test_every_font_is_embedded(templates: dict[str, FormTemplate], tmp_path: Path) -> None:
    pdffonts = _tool("pdffonts")
    sheets = _sheets("registration", 1, exercise=True) + _sheets("mar", 1, first=7)
    path = tmp_path / "pack.pdf"
    path.write_bytes(_render(sheets, templates, "en"))
    listing = subprocess.run(
        [pdffonts, str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "WenQuanYi" in name, listing
        assert emb == "yes", listing
    assert "Helvetica" not in listing


def _scan(pdf: bytes, tmp_path: Path, symbology: str, page: int = 1) -> list[str]:
    pdftoppm, zbarimg = _tool("pdftoppm"), _tool("zbarimg")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        [pdftoppm, "-r", "200", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob(f"page{page}*.png"))
    result = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", f"-S{symbology}.enable", str(image)],
        capture_output=True,
        text=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize(("code", "lang"), [("mar", "zh"), ("registration", "en")])
def test_qr_code_scans_to_the_serial(
    code: str, lang: str, templates: dict[str, FormTemplate], tmp_path: Path
) -> None:
    sheets = _sheets(code, 2, exercise=True, first=987654)
    pdf = _render(sheets, templates, lang)
    assert _scan(pdf, tmp_path, "qrcode", page=2) == [sheets[1].serial]


def test_code128_scans_to_the_serial(templates: dict[str, FormTemplate], tmp_path: Path) -> None:
    sheets = _sheets("lab-request", 1, first=42)
    pdf = _render(sheets, templates)
    assert _scan(pdf, tmp_path, "code128") == [sheets[0].serial]


def test_static_part_is_drawn_once_so_extra_pages_stay_small(
    templates: dict[str, FormTemplate],
) -> None:
    one = len(_render(_sheets("mar", 1), templates))
    many = len(_render(_sheets("mar", 41), templates))
    assert (many - one) / 40 < 3 * 1024
    reader = PdfReader(io.BytesIO(_render(_sheets("mar", 3), templates)))
    # Every page shows the one form XObject holding the static part.
    resources: list[Any] = [page["/Resources"] for page in reader.pages]
    forms = {ref.idnum for res in resources for ref in res["/XObject"].values()}
    assert len(forms) == 1
    assert all(ref.get_object()["/Subtype"] == "/Form" for ref in resources[0]["/XObject"].values())


def test_a_pack_names_its_forms_serials_and_maker(templates: dict[str, FormTemplate]) -> None:
    sheets = _sheets("mar", 3)
    metadata = PdfReader(io.BytesIO(_render(sheets, templates))).metadata
    assert metadata is not None
    assert metadata.title.endswith(f" — {sheets[0].serial} … {sheets[-1].serial}")
    assert metadata.creator == "HIS Console"
    assert metadata.author == "HIS Console"


def test_progress_reports_each_page_and_false_cancels_with_nothing_written(
    templates: dict[str, FormTemplate],
) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    out = io.BytesIO()
    with pytest.raises(PrintCancelled):
        render_pack(_sheets("mar", 5), templates, lang="zh", out=out, progress=progress)
    assert calls == [(1, 5), (2, 5)]
    assert out.getvalue() == b""

    seen: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    out = io.BytesIO()
    pages = render_pack(_sheets("mar", 3), templates, lang="en", out=out, progress=keep_going)
    assert pages == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    assert out.getvalue().startswith(b"%PDF")


def test_bad_requests_are_refused(templates: dict[str, FormTemplate]) -> None:
    with pytest.raises(UnknownTemplate, match=r"No form template 'nope'; the templates are .*mar"):
        render_pack(_sheets("nope", 1), templates, lang="zh", out=io.BytesIO())
    with pytest.raises(ValueError, match="lang must be zh, en or both"):
        render_pack(_sheets("mar", 1), templates, lang="fr", out=io.BytesIO())
    with pytest.raises(ValueError, match="at least one sheet"):
        render_pack([], templates, lang="zh", out=io.BytesIO())


def _hospital_pdf(pages: int = 2, *, rotate: int = 0) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=FONT)
    for n in range(1, pages + 1):
        canvas.setFont(FONT, 14)
        canvas.drawString(72, 400, f"本院输血记录单 Blood transfusion record, part {n}")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page in writer.pages:
        page.rotate(rotate)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


def test_stamp_pdf_puts_each_serial_on_a_copy_of_the_form(tmp_path: Path) -> None:
    sheets = _sheets("transfusion", 3, exercise=True)
    out = io.BytesIO()
    assert stamp_pdf(_hospital_pdf(), sheets, out=out) == 3
    texts = _texts(out.getvalue())
    assert len(texts) == 3
    for sheet, text in zip(sheets, texts, strict=True):
        assert "Blood transfusion record, part 1" in text
        assert "part 2" not in text
        assert sheet.serial in text and INCIDENT in text
        assert f"第 {sheet.page_no} 页，共 3 页 · Page {sheet.page_no} of 3" in text
        assert "EXERCISE" in text
    assert sheets[0].serial not in texts[1]
    assert _scan(out.getvalue(), tmp_path, "qrcode", page=3) == [sheets[2].serial]


def test_stamp_pdf_all_pages_and_a_rotated_form(tmp_path: Path) -> None:
    sheets = _sheets("transfusion", 2)
    out = io.BytesIO()
    pages = stamp_pdf(
        _hospital_pdf(2, rotate=90), sheets, out=out, pages="all", position="bottom-left"
    )
    assert pages == 4
    reader = PdfReader(io.BytesIO(out.getvalue()))
    texts = [p.extract_text() for p in reader.pages]
    assert ["part 1" in t for t in texts] == [True, False, True, False]
    assert [sheets[0].serial in t for t in texts] == [True, True, False, False]
    # The rotated form is stamped upright: the page is landscape with no /Rotate left.
    width, height = landscape(A4)
    for page in reader.pages:
        assert (page.rotation or 0) == 0
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            round(width),
            round(height),
        )
    assert _scan(out.getvalue(), tmp_path, "qrcode", page=2) == [sheets[0].serial]


def test_render_pack_stamps_a_pdf_based_template(
    templates: dict[str, FormTemplate], tmp_path: Path
) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "transfusion.pdf").write_bytes(_hospital_pdf(1))
    (folder / "transfusion.yaml").write_text(
        "format: hisconsole-form\nformat_version: 1\ncode: transfusion\nversion: 1\n"
        "title: {zh: 输血记录单, en: Transfusion record}\nrate_per_ward_per_8h: 2\n"
        "pdf: {file: transfusion.pdf}\n",
        encoding="utf-8",
    )
    loaded, problems = load_templates([folder])
    assert problems == []
    texts = _texts(_render(_sheets("transfusion", 2, incident=None), loaded, "en"))
    assert all("Blood transfusion record" in t and "pre-printed" in t for t in texts)
    with pytest.raises(ValueError, match="only that form"):
        render_pack(
            _sheets("transfusion", 1) + _sheets("mar", 1), loaded, lang="zh", out=io.BytesIO()
        )


def test_unreadable_pdf_is_refused() -> None:
    with pytest.raises(ValueError, match="not a readable PDF"):
        stamp_pdf(b"%PDF-1.4 but nothing else", _sheets("x", 1), out=io.BytesIO())


def test_serial_text_is_searchable_in_the_whole_pack(templates: dict[str, FormTemplate]) -> None:
    sheets = _sheets("hics-214", 4)
    joined = "\n".join(_texts(_render(sheets, templates, "en")))
    assert re.findall(r"K7QF-\d{6}", joined).count("K7QF-000123") >= 2


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"[A-Z0-9]{4}-[0-9]{6}", fullmatch=True) | st.text(min_size=1, max_size=40))
def test_qr_rectangles_paint_exactly_the_dark_modules(serial: str) -> None:
    import segno

    matrix = segno.make(serial, error="m", micro=False).matrix
    runs = qr_runs(serial)
    n = len(matrix)
    painted = [[0] * n for _ in range(n)]
    for x, y, w, h in runs.rects:
        for row in range(n - y - h, n - y):  # rectangles count y upwards from the bottom
            for col in range(x, x + w):
                painted[row][col] += 1
    assert painted == [[1 if dark else 0 for dark in row] for row in matrix]
