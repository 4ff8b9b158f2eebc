"""The readiness report as PDF, for the hospital's monthly IT safety meeting.

Pure rendering: the caller gives the sections with their rows already in words (one
text per language shown), the headings and the summary; nothing here reads the
database. Every text is drawn with the embedded CJK font.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hisconsole.i18n import PrintLanguage
from hisconsole.printing.common import document_setup, numbered_canvas
from hisconsole.printing.fonts import register_fonts

#: The state column's colours: overdue red, due amber, in order green.
STATE_TINTS = {
    "overdue": colors.HexColor("#FDE0DC"),
    "due": colors.HexColor("#FFF3CD"),
    "ok": colors.HexColor("#E8F5E9"),
}
RULE = colors.HexColor("#90A4AE")
WIDTH = 174 * mm


@dataclass(frozen=True)
class Row:
    """One item: its state in words, and its sentence in each language shown."""

    state: str
    state_words: str
    texts: Sequence[str]


@dataclass(frozen=True)
class Section:
    heading: str
    rows: Sequence[Row]


def render(
    out: BinaryIO,
    *,
    title: str,
    subtitle: str,
    summary: str,
    sections: Sequence[Section],
    headers: Mapping[str, str],
    footer: str,
    lang: PrintLanguage = "both",
) -> int:
    """Write the report to ``out``; returns the number of pages."""
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    h1 = ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4)
    h2 = ParagraphStyle(
        "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4, keepWithNext=1
    )
    story: list[object] = [
        Paragraph(_esc(title), h1),
        Paragraph(_esc(subtitle), base),
        Spacer(1, 3 * mm),
        Paragraph(_esc(summary), base),
    ]
    for section in sections:
        story.append(Paragraph(_esc(section.heading), h2))
        data = [[Paragraph(_esc(headers["state"]), cell), Paragraph(_esc(headers["item"]), cell)]]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#ECEFF1")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for index, row in enumerate(section.rows, start=1):
            data.append(
                [
                    Paragraph(_esc(row.state_words), cell),
                    Paragraph("<br/>".join(_esc(t) for t in row.texts), cell),
                ]
            )
            style.append(("BACKGROUND", (0, index), (0, index), STATE_TINTS[row.state]))
        table = Table(data, colWidths=[28 * mm, WIDTH - 28 * mm], repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
    doc = SimpleDocTemplate(out, **document_setup(title))
    doc.build(story, canvasmaker=numbered_canvas(footer, lang))
    return int(doc.page)
