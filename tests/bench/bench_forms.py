"""A 1,000-sheet MAR pack through render_pack, next to the same page drawn by bare reportlab.

The bare baseline is what a straightforward implementation does: every page
redraws the whole form (same drawing calls as the static part here) and draws
the serial with reportlab's own ``QrCodeWidget`` and ``Code128``. Targets (the
printing issue): at least 3x the bare rate, at most 3 KB per additional page,
measured as (size(1000) - size(1)) / 999.

Run: ``.venv/bin/python tests/bench/bench_forms.py`` (BENCH_SHEETS to change 1000).
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import FormTemplate, Sheet
from hisconsole.printing.fonts import FONT
from hisconsole.printing.forms import load_templates, render_pack
from hisconsole.printing.forms_codes import mm
from hisconsole.printing.forms_layout import CODES_W, QR_DARK, FormPainter, page_text

SHEETS = int(os.environ.get("BENCH_SHEETS", "1000"))


def _sheets(n: int) -> list[Sheet]:
    return [
        Sheet(
            template="mar",
            serial=f"K7QF-{i:06d}",
            incident_id="INC-20261125-0001",
            exercise=False,
            hospital="市第一人民医院 City No.1 People's Hospital",
            printed_at="2026-11-25 03:12",
            page_no=i,
            page_count=n,
        )
        for i in range(1, n + 1)
    ]


def bare_reportlab(sheets: Sequence[Sheet], template: FormTemplate) -> bytes:
    """The same page, the naive way: everything redrawn per page, reportlab's own widgets."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1, initialFontName=FONT)
    painter = FormPainter(template, "zh", sheets[0].hospital)
    canvas.setPageSize((painter.width, painter.height))
    for sheet in sheets:
        painter.draw_static(canvas)
        qr = QrCodeWidget(sheet.serial, barLevel="M", barBorder=0)
        qr.barWidth = qr.barHeight = QR_DARK
        drawing = Drawing(QR_DARK, QR_DARK)
        drawing.add(qr)
        renderPDF.draw(drawing, canvas, painter.right - QR_DARK, painter.top - QR_DARK)
        Code128(sheet.serial, barWidth=0.33 * mm, barHeight=10 * mm, quiet=0).drawOn(
            canvas, painter.right - CODES_W, painter.top - 10 * mm
        )
        canvas.setFont(FONT, 12)
        canvas.drawString(painter.right - CODES_W, painter.top - 15 * mm, sheet.serial)
        canvas.setFont(FONT, 6.5)
        canvas.drawString(painter.left, 8 * mm, f"编号 Serial {sheet.serial}")
        canvas.drawRightString(painter.right, 8 * mm, page_text(sheet, "zh"))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def ours(sheets: Sequence[Sheet], templates: dict[str, FormTemplate]) -> bytes:
    buffer = io.BytesIO()
    render_pack(sheets, templates, lang="zh", out=buffer)
    return buffer.getvalue()


Render = Callable[[Sequence[Sheet]], bytes]


def _measure(make: Render, sheets: Sequence[Sheet]) -> tuple[float, int]:
    start = time.perf_counter()
    data = make(sheets)
    return time.perf_counter() - start, len(data)


def main() -> None:
    templates, problems = load_templates()
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    template = templates["mar"]
    one, many = _sheets(1), _sheets(SHEETS)
    ours(one, templates)  # warm up: font subsetting tables, imports
    bare_reportlab(one, template)

    def bare(sheets: Sequence[Sheet]) -> bytes:
        return bare_reportlab(sheets, template)

    def ours_(sheets: Sequence[Sheet]) -> bytes:
        return ours(sheets, templates)

    results: dict[str, tuple[float, int, int]] = {}
    for name, make in (("bare reportlab", bare), ("render_pack", ours_)):
        _, size_one = _measure(make, one)
        seconds, size_many = _measure(make, many)
        results[name] = (seconds, size_one, size_many)

    print(f"MAR pack of {SHEETS} sheets (A4, zh):")
    rates = {}
    per_page = {}
    for name, (seconds, size_one, size_many) in results.items():
        rates[name] = SHEETS / seconds
        per_page[name] = (size_many - size_one) / (SHEETS - 1)
        print(
            f"  {name:15} {rates[name]:7.0f} pages/s  {seconds:6.2f} s  "
            f"{size_many / SHEETS / 1024:5.2f} KB/page overall  "
            f"{per_page[name] / 1024:5.2f} KB per additional page  (1 sheet: {size_one} B)"
        )
    speed = rates["render_pack"] / rates["bare reportlab"]
    smaller = per_page["bare reportlab"] / per_page["render_pack"]
    print(f"  speed: render_pack is {speed:.1f}x bare reportlab (target >= 3x)")
    print(f"  size: {smaller:.1f}x smaller per additional page (target <= 3 KB per page)")
    ok = speed >= 3 and per_page["render_pack"] <= 3 * 1024
    print("  targets met" if ok else "  TARGETS MISSED")


if __name__ == "__main__":
    main()
