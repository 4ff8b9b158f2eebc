"""Label sheets of temporary patient numbers (临时住院号), one label per number.

A4 sheets of 21 labels (3 × 7, 63.5 × 38.1 mm: the common "21 per sheet" label
stock, and plain paper cut along the lines does as well). Each label carries the
number large and as a Code128 (scanned at the wristband printer or the HIS
afterwards), the ward, and lines for the patient's name, sex and date of birth:
the console itself never holds those. Every page says which range it holds and
"page x of y".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from hisconsole.i18n import N_, PrintLanguage, Words
from hisconsole.printing.common import describe, fit, page_label
from hisconsole.printing.common import width as width_of
from hisconsole.printing.fonts import FONT, register_fonts
from hisconsole.printing.forms_codes import bar_width, code128_runs, draw_runs, mm

COLUMNS, ROWS = 3, 7
LABEL_W, LABEL_H = 63.5 * mm, 38.1 * mm
LEFT = (A4[0] - COLUMNS * LABEL_W - (COLUMNS - 1) * 2.5 * mm) / 2
TOP = A4[1] - 15.15 * mm
GREY = 0.38

TITLE = N_("Temporary patient no.")
SHEET = N_("Temporary patient numbers")
#: The lines the ward writes on (the console never holds the patient's details).
LINES = (N_("Name"), N_("Sex / date of birth"))


def render_number_labels(
    labels: Sequence[dict[str, Any]],
    *,
    hospital: dict[str, str],
    printed_at: str,
    lang: PrintLanguage,
    out: BinaryIO,
) -> int:
    """Draw one label per ``{"number", "ward", "ward_name": {zh, en}}`` in ``lang`` (zh, en
    or both); returns the pages."""
    register_fonts()
    w = Words(lang, sep=" ")
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(labels) // per_page))
    canvas = Canvas(out, pagesize=A4)
    describe(canvas, w.with_sep(" / ").gettext(SHEET))
    for page in range(pages):
        chunk = labels[page * per_page : (page + 1) * per_page]
        for index, label in enumerate(chunk):
            column, row = index % COLUMNS, index // COLUMNS
            x = LEFT + column * (LABEL_W + 2.5 * mm)
            y = TOP - (row + 1) * LABEL_H
            _label(canvas, label, x, y, w.pick(hospital), w)
        _page_line(canvas, chunk, page + 1, pages, printed_at, w)
        canvas.showPage()
    canvas.save()
    return pages


def _label(
    canvas: Canvas, label: dict[str, Any], x: float, y: float, hospital: str, w: Words
) -> None:
    pad = 2.5 * mm
    room = LABEL_W - 2 * pad
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 2)
    canvas.rect(x, y, LABEL_W, LABEL_H)
    canvas.setDash()
    top = y + LABEL_H - pad
    canvas.setFillGray(GREY)
    canvas.setFont(FONT, fit(hospital, 6, room))
    canvas.drawString(x + pad, top - 2 * mm, hospital)
    heading = w.gettext(TITLE)
    canvas.setFont(FONT, fit(heading, 6.5, room))
    canvas.drawString(x + pad, top - 5 * mm, heading)
    number = str(label["number"])
    size = fit(number, 14, room)
    canvas.setFillGray(0)
    canvas.setFont(FONT, size)
    canvas.drawString(x + pad, top - 10.5 * mm, number)
    bars = code128_runs(number)
    # White on both sides of the bars, wider than Code128's quiet zone, inside the label.
    quiet = 3 * mm
    module = bar_width(bars, room - 2 * quiet, 0.3 * mm)
    draw_runs(canvas, bars, x + pad + quiet, top - 18 * mm, module, 6 * mm)
    ward = f"{w.pick(label['ward_name'])} ({label['ward']})"
    canvas.setFont(FONT, fit(ward, 7, room))
    canvas.drawString(x + pad, top - 21.5 * mm, ward)
    for i, line in enumerate(LINES):
        base = top - 26.5 * mm - i * 4.6 * mm
        text = w.gettext(line)
        canvas.setFillGray(GREY)
        canvas.setFont(FONT, 6)
        canvas.drawString(x + pad, base, text)
        start = x + pad + width_of(text, 6) + 1.5 * mm
        canvas.line(start, base - 0.6 * mm, x + LABEL_W - pad, base - 0.6 * mm)


def _page_line(
    canvas: Canvas,
    chunk: Sequence[dict[str, Any]],
    page: int,
    pages: int,
    printed_at: str,
    w: Words,
) -> None:
    span = f"{chunk[0]['number']} – {chunk[-1]['number']}" if chunk else "—"
    pages_text = page_label(page, pages, w.lang)
    line = f"{w.gettext(SHEET)} · {span} · {printed_at}"
    canvas.setFillGray(GREY)
    canvas.setFont(FONT, 7)
    canvas.drawString(LEFT, 8 * mm, line)
    canvas.drawRightString(A4[0] - LEFT, 8 * mm, pages_text)
