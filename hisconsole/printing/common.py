"""Shared page furniture for the PDF renderers: the font, text fitting and wrapping, colours."""

from __future__ import annotations

import re

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from hisconsole.printing.fonts import FONT, register_fonts

INK = HexColor("#111111")
GREY = HexColor("#555555")
LIGHT = HexColor("#B0B0B0")
FAINT = HexColor("#E4E4E4")
ALERT = HexColor("#B71C1C")

# A run of characters that must stay together: a Latin word (with its trailing
# spaces), or a single CJK character / punctuation mark, which may break anywhere.
_TOKEN_RE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\S\s*|\s+")


def font() -> str:
    """Register the embedded CJK font (once) and return its name."""
    return register_fonts()


def width(text: str, size: float) -> float:
    return float(stringWidth(text, FONT, size))


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
