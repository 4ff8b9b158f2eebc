"""The downtime kit's cover: what the kit holds, and what it lacks and why, in both languages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hisconsole.printing.common import ALERT, GREY, INK, describe, font, wrap


def render_kit_cover(
    parts: Sequence[Mapping[str, Any]],
    *,
    subtitle: str,
    printed_at: str,
    exercise: bool,
    out: BinaryIO,
) -> None:
    """One A4 page. ``parts``: each with ``name`` and ``said`` ({zh, en}) and ``present``;
    a missing part is printed in red with why it is missing."""
    name = font()
    canvas = Canvas(out, pagesize=A4, initialFontName=name)
    describe(canvas, "停机应急包 Downtime kit")
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    canvas.setFillColor(INK)
    canvas.setFont(name, 22)
    canvas.drawString(left, height - 30 * mm, "停机应急包")
    canvas.setFont(name, 16)
    canvas.drawString(left, height - 40 * mm, "Downtime kit")
    canvas.setFont(name, 10)
    canvas.setFillColor(GREY)
    canvas.drawString(left, height - 48 * mm, subtitle)
    canvas.drawRightString(right, 12 * mm, f"打印 printed {printed_at}")
    if exercise:
        canvas.setFillColor(ALERT)
        canvas.setFont(name, 14)
        canvas.drawRightString(right, height - 30 * mm, "演练 EXERCISE")
    y = height - 64 * mm
    canvas.setFillColor(INK)
    canvas.setFont(name, 13)
    canvas.drawString(left, y, "本应急包内容 / In this kit")
    y -= 10 * mm
    for number, part in enumerate(parts, 1):
        colour = INK if part["present"] else ALERT
        canvas.setFillColor(colour)
        canvas.setFont(name, 13)
        canvas.drawString(left, y, f"{number}. {part['name']['zh']} / {part['name']['en']}")
        canvas.drawRightString(right, y, "已含 included" if part["present"] else "缺 MISSING")
        y -= 7 * mm
        for lang, size in (("zh", 10), ("en", 9)):
            canvas.setFont(name, size)
            canvas.setFillColor(colour if not part["present"] else GREY)
            for line in wrap(part["said"][lang], size, right - left - 8 * mm):
                canvas.drawString(left + 8 * mm, y, line)
                y -= size * 0.45 * mm + 2.5 * mm
        y -= 5 * mm
    canvas.showPage()
    canvas.save()
