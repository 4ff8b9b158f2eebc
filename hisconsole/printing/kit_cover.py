"""The downtime kit's cover: what the kit holds, and what it lacks and why, in one language
or both."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hisconsole.i18n import PrintLanguage, Words, languages_of
from hisconsole.printing.common import ALERT, GREY, INK, describe, font, wrap


def render_kit_cover(
    parts: Sequence[Mapping[str, Any]],
    *,
    subtitle: str,
    printed_at: str,
    exercise: bool,
    out: BinaryIO,
    lang: PrintLanguage = "both",
) -> None:
    """One A4 page in ``lang``. ``parts``: each with ``name`` and ``said`` ({zh, en}) and
    ``present``; a missing part is printed in red with why it is missing."""
    w, shown = Words(lang), languages_of(lang)
    spaced = Words(lang, sep=" ")
    name = font()
    canvas = Canvas(out, pagesize=A4, initialFontName=name)
    describe(canvas, spaced.gettext("Downtime kit"))
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    canvas.setFillColor(INK)
    titles = [Words(one).gettext("Downtime kit") for one in shown]
    canvas.setFont(name, 22)
    canvas.drawString(left, height - 30 * mm, titles[0])
    canvas.setFont(name, 16)
    for title in titles[1:]:
        canvas.drawString(left, height - 40 * mm, title)
    canvas.setFont(name, 10)
    canvas.setFillColor(GREY)
    canvas.drawString(left, height - 48 * mm, subtitle)
    canvas.drawRightString(right, 12 * mm, spaced.gettext("printed") + f" {printed_at}")
    if exercise:
        canvas.setFillColor(ALERT)
        canvas.setFont(name, 14)
        canvas.drawRightString(right, height - 30 * mm, spaced.gettext("EXERCISE"))
    y = height - 64 * mm
    canvas.setFillColor(INK)
    canvas.setFont(name, 13)
    canvas.drawString(left, y, w.gettext("In this kit"))
    y -= 10 * mm
    for number, part in enumerate(parts, 1):
        colour = INK if part["present"] else ALERT
        canvas.setFillColor(colour)
        canvas.setFont(name, 13)
        canvas.drawString(left, y, f"{number}. {w.pick(part['name'])}")
        state = spaced.gettext("included") if part["present"] else spaced.gettext("MISSING")
        canvas.drawRightString(right, y, state)
        y -= 7 * mm
        for one, size in zip(shown, (10, 9), strict=False):
            canvas.setFont(name, size)
            canvas.setFillColor(colour if not part["present"] else GREY)
            for line in wrap(part["said"][one], size, right - left - 8 * mm):
                canvas.drawString(left + 8 * mm, y, line)
                y -= size * 0.45 * mm + 2.5 * mm
        y -= 5 * mm
    canvas.showPage()
    canvas.save()
