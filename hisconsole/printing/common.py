"""Shared page furniture for the PDF renderers: the font, text fitting and wrapping, colours,
the A4 document set-up (margins, metadata, embedded font) and "page x of y"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hisconsole.i18n import PrintLanguage, Words
from hisconsole.printing.fonts import FONT, register_fonts

INK = HexColor("#111111")
GREY = HexColor("#555555")
LIGHT = HexColor("#B0B0B0")
FAINT = HexColor("#E4E4E4")
ALERT = HexColor("#B71C1C")

#: Who made the PDF (its Creator, and its Author unless the hospital is named).
CREATOR = "HIS Console"
#: The A4 reports' margins: wide enough for a hole punch and a printer's unprintable edge.
MARGIN = 18 * mm

# A run of characters that must stay together: a Latin word (with its trailing
# spaces), or a single CJK character / punctuation mark, which may break anywhere.
_TOKEN_RE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\S\s*|\s+")


def font() -> str:
    """Register the embedded CJK font (once) and return its name."""
    return register_fonts()


def width(text: str, size: float) -> float:
    return float(stringWidth(text, FONT, size))


def fit(text: str, size: float, room: float, smallest: float = 4.5) -> float:
    """The font size, at most ``size``, at which ``text`` fits ``room`` points."""
    w = width(text, size)
    if w <= room or w == 0:
        return size
    return max(smallest, size * room / w * 0.999)


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` (Latin at spaces, CJK anywhere)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN_RE.findall(paragraph):
            candidate = line + token
            if width(candidate.rstrip(), size) <= max_width:
                line = candidate
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = ""
            token = token.lstrip() if not line else token
            # A token wider than the line on its own is cut by characters.
            while width(token.rstrip(), size) > max_width and len(token) > 1:
                cut = len(token) - 1
                while cut > 1 and width(token[:cut], size) > max_width:
                    cut -= 1
                lines.append(token[:cut])
                token = token[cut:]
            line = token
        lines.append(line.rstrip())
    return lines


def ellipsize(text: str, size: float, max_width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``max_width``."""
    if width(text, size) <= max_width:
        return text
    while text and width(text + "…", size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def document_setup(
    title: str,
    *,
    author: str = CREATOR,
    subject: str = "",
    side: float = MARGIN,
    top: float = 16 * mm,
    bottom: float = 18 * mm,
) -> dict[str, Any]:
    """The keyword arguments of every A4 report's document template: page size, margins,
    metadata, and the embedded CJK font as the starting font."""
    return {
        "pagesize": A4,
        "leftMargin": side,
        "rightMargin": side,
        "topMargin": top,
        "bottomMargin": bottom,
        "title": title,
        "author": author,
        "creator": CREATOR,
        "subject": subject,
        "initialFontName": font(),
    }


def describe(canvas: Canvas, title: str, *, subject: str = "") -> None:
    """The metadata of a PDF drawn straight on a canvas (as ``document_setup`` gives a report)."""
    canvas.setTitle(title)
    canvas.setAuthor(CREATOR)
    canvas.setCreator(CREATOR)
    if subject:
        canvas.setSubject(subject)


def page_label(number: int, total: int, lang: PrintLanguage) -> str:
    return (
        Words(lang, sep=" · ")
        .gettext("Page {number} of {total}")
        .format(number=number, total=total)
    )


def numbered_canvas(footer: str, lang: PrintLanguage) -> type[Canvas]:
    """A canvas class that holds its pages back until the end, then writes ``footer`` at the
    bottom left and "page x of y" (in ``lang``) at the bottom right of each (y known only
    then)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font(), 7.5)
                self.setFillColor(GREY)
                if footer:
                    self.drawString(MARGIN, 10 * mm, footer)
                self.drawRightString(A4[0] - MARGIN, 10 * mm, page_label(number, total, lang))
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


#: The header row's tint and the grid's rule of the reports' tables.
TABLE_HEADER = HexColor("#ECEFF1")
TABLE_RULE = HexColor("#90A4AE")


def grid_table(
    rows: list[list[Any]], widths: Sequence[float], font: str, extra: Sequence[Any] = ()
) -> Any:
    """A report table: ruled, its header row tinted and repeated on every page, 8 pt text;
    ``extra``: more TableStyle commands."""
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER),
                ("GRID", (0, 0), (-1, -1), 0.4, TABLE_RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *extra,
            ]
        )
    )
    return table
