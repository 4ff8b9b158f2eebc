"""Checklists on paper: each group's steps with tick boxes, for when the laptops are gone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hisconsole.i18n import N_, PrintLanguage, Words
from hisconsole.printing.common import ALERT, GREY, INK, describe, font, wrap

GROUP_NAMES = {
    "hq": N_("Emergency command HQ"),
    "tech": N_("Technical support group"),
    "business": N_("Business recovery group"),
}


def render_checklists(
    items: Sequence[Mapping[str, Any]],
    *,
    title: Mapping[str, str],
    subtitle: str,
    printed_at: str,
    exercise: bool,
    out: BinaryIO,
    lang: PrintLanguage = "both",
) -> int:
    """Write the checklist PDF in ``lang`` (zh, en, or both: each step in Chinese with the
    English beneath): ``items`` as ``services.response.checklist`` gives them (group,
    text{zh,en}, done, assignee); returns the page count."""
    w, spaced = Words(lang), Words(lang, sep=" ")
    name = font()
    canvas = Canvas(out, pagesize=A4, initialFontName=name)
    describe(canvas, w.pick(title) + " — " + spaced.gettext("Checklists"))
    width, height = A4
    left, right, bottom = 18 * mm, width - 18 * mm, 18 * mm
    page = 1
    y = 0.0

    def header() -> float:
        canvas.setFillColor(INK)
        canvas.setFont(name, 15)
        canvas.drawString(left, height - 20 * mm, w.pick(title))
        canvas.setFont(name, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(left, height - 26 * mm, subtitle)
        canvas.drawRightString(
            right,
            10 * mm,
            spaced.gettext("printed")
            + f" {printed_at} · "
            + spaced.gettext("page {number}").format(number=page),
        )
        if exercise:
            canvas.setFillColor(ALERT)
            canvas.setFont(name, 13)
            canvas.drawRightString(right, height - 20 * mm, spaced.gettext("EXERCISE"))
        canvas.setFillColor(INK)
        return float(height - 34 * mm)

    y = header()
    current_group = None
    for item in items:
        first, *second = (
            [item["text"]["zh"], item["text"]["en"]]
            if lang == "both"
            else [Words(lang).pick(item["text"])]
        )
        lines_zh = wrap(first, 10, right - left - 12 * mm)
        lines_en = wrap(second[0], 8, right - left - 12 * mm) if second else []
        needed = (len(lines_zh) * 13 + len(lines_en) * 10 + 6) + (
            24 if item["group"] != current_group else 0
        )
        if y - needed < bottom:
            canvas.showPage()
            page += 1
            y = header()
            current_group = None
        if item["group"] != current_group:
            current_group = item["group"]
            group = current_group
            canvas.setFont(name, 12)
            canvas.drawString(
                left, y - 12, w.gettext(GROUP_NAMES[group]) if group in GROUP_NAMES else group
            )
            y -= 24
        canvas.rect(left, y - 10, 9, 9, stroke=1, fill=0)
        if item.get("done"):
            canvas.drawString(left + 1.5, y - 8.5, "x")
        canvas.setFont(name, 10)
        text_y = y - 9
        for line in lines_zh:
            canvas.drawString(left + 12 * mm / 2 + 6, text_y, line)
            text_y -= 13
        canvas.setFont(name, 8)
        canvas.setFillColor(GREY)
        for line in lines_en:
            canvas.drawString(left + 12 * mm / 2 + 6, text_y + 2, line)
            text_y -= 10
        if item.get("assignee"):
            canvas.drawRightString(right, y - 9, str(item["assignee"]))
        canvas.setFillColor(INK)
        y = text_y - 6
    canvas.save()
    return page
