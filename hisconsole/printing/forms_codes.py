"""QR and Code128 symbols of a serial, drawn as one filled path each (small and fast).

reportlab's own widgets draw one rectangle per bar or module and its QR
encoder is slow (MEASURED.md: 6.2 ms a page); segno encodes in about 1 ms and
a path of merged runs, drawn in module units under a scaling transform, keeps
each page's content stream to a few hundred bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas

mm = 72 / 25.4  # points per millimetre (reportlab's own constant is untyped)

#: Quiet zone around a QR symbol, in modules (ISO/IEC 18004 asks for 4).
QR_QUIET_MODULES = 4
#: Smallest QR module still read reliably off a laser-printed sheet by phones and scanners.
MIN_QR_MODULE = 0.5 * mm
#: Code128 needs 10 modules of white on either side.
CODE128_QUIET_MODULES = 10
MIN_BAR = 0.25 * mm


@dataclass(frozen=True)
class Runs:
    """Dark runs of a symbol: (x, y, width, height) in module units, y upwards from 0."""

    width: int
    height: int
    rects: tuple[tuple[int, int, int, int], ...]


@lru_cache(maxsize=64)
def qr_side(text: str) -> int:
    """Side of the QR symbol for ``text``, in modules, without the quiet zone."""
    return len(segno.make(text, error="m", micro=False).matrix)


def qr_runs(text: str) -> Runs:
    """The QR symbol of ``text`` as horizontal runs of dark modules."""
    matrix = segno.make(text, error="m", micro=False).matrix
    n = len(matrix)
    rects: list[tuple[int, int, int, int]] = []
    for r, row in enumerate(matrix):
        y = n - 1 - r
        start = -1
        for c, dark in enumerate(row):
            if dark:
                if start < 0:
                    start = c
            elif start >= 0:
                rects.append((start, y, c - start, 1))
                start = -1
        if start >= 0:
            rects.append((start, y, n - start, 1))
    return Runs(width=n, height=n, rects=tuple(rects))


def code128_runs(text: str) -> Runs:
    """The Code128 symbol of ``text`` as its bars (one module high), quiet zones excluded."""
    symbol = Code128(text, quiet=0)
    symbol.validate()
    symbol.encode()
    pattern = symbol.decompose()
    x = 0
    rects: list[tuple[int, int, int, int]] = []
    # Upper-case letters are bars, lower-case spaces; 'A'/'a' is one module wide.
    for ch in pattern:
        w = ord(ch.lower()) - ord("a") + 1
        if ch.isupper():
            rects.append((x, 0, w, 1))
        x += w
    return Runs(width=x, height=1, rects=tuple(rects))


def draw_runs(canvas: Canvas, runs: Runs, x: float, y: float, sx: float, sy: float) -> None:
    """Fill ``runs`` with its lower-left corner at (x, y), one module = sx × sy points."""
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.transform(sx, 0, 0, sy, x, y)
    path = canvas.beginPath()
    for rx, ry, rw, rh in runs.rects:
        path.rect(rx, ry, rw, rh)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def qr_module(text: str, dark_size: float) -> float:
    """Module size (points) so the QR's dark area is about ``dark_size``, never below 0.5 mm."""
    return max(MIN_QR_MODULE, dark_size / qr_side(text))


def bar_width(text: str, max_width: float, preferred: float = 0.33 * mm) -> float:
    """Narrow-bar width (points) so the Code128 fits ``max_width``, never below 0.25 mm."""
    modules = code128_runs(text).width
    return max(MIN_BAR, min(preferred, max_width / modules))
