"""Checklists on paper: each group's steps with tick boxes, for when the laptops are gone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hisconsole.printing.common import ALERT, GREY, INK, describe, font, wrap

GROUP_NAMES = {
    "hq": {"zh": "应急指挥部", "en": "Emergency command HQ"},
    "tech": {"zh": "技术支持组", "en": "Technical support group"},
    "business": {"zh": "业务恢复组", "en": "Business recovery group"},
}


def render_checklists(
    items: Sequence[Mapping[str, Any]],
    *,
    title: Mapping[str, str],
    subtitle: str,
    printed_at: str,
    exercise: bool,
    out: BinaryIO,
) -> int:
    """Write the checklist PDF: ``items`` as ``services.response.checklist`` gives them
    (group, text{zh,en}, done, assignee); returns the page count."""
    name = font()
    canvas = Canvas(out, pagesize=A4, initialFontName=name)
    describe(canvas, f"{title['en']} — checklists")
    width, height = A4
    left, right, bottom = 18 * mm, width - 18 * mm, 18 * mm
    page = 1
    y = 0.0

    def header() -> float:
        canvas.setFillColor(INK)
        canvas.setFont(name, 15)
        canvas.drawString(left, height - 20 * mm, f"{title['zh']} / {title['en']}")
        canvas.setFont(name, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(left, height - 26 * mm, subtitle)
        canvas.drawRightString(
            right, 10 * mm, f"打印 printed {printed_at} · 第 {page} 页 page {page}"
        )
        if exercise:
            canvas.setFillColor(ALERT)
            canvas.setFont(name, 13)
            canvas.drawRightString(right, height - 20 * mm, "演练 EXERCISE")
        canvas.setFillColor(INK)
        return float(height - 34 * mm)

    y = header()
    current_group = None
    for item in items:
        lines_zh = wrap(item["text"]["zh"], 10, right - left - 12 * mm)
        lines_en = wrap(item["text"]["en"], 8, right - left - 12 * mm)
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
            group = GROUP_NAMES.get(current_group, {"zh": current_group, "en": current_group})
            canvas.setFont(name, 12)
            canvas.drawString(left, y - 12, f"{group['zh']} / {group['en']}")
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
