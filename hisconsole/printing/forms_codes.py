"""QR and Code128 symbols of a serial, drawn as one filled path each (small and fast).

reportlab's own widgets draw one rectangle per bar or module and its QR
encoder is slow (MEASURED.md: 6.2 ms a page); segno encodes in about 1 ms and
a path of merged runs, drawn in module units under a scaling transform, keeps
each page's content stream to a few hundred bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def qr_runs(text: str) -> Runs:
    """The QR symbol of ``text`` as rectangles of dark modules.

    Runs of dark modules along a row become one rectangle, and identical runs
    in the rows below are merged into it, so a symbol is a few dozen rectangles.
    """
    import segno  # imported when first printing: listing forms need not pay for it

    matrix = segno.make(text, error="m", micro=False).matrix
    n = len(matrix)
    open_runs: dict[tuple[int, int], int] = {}  # (x, width) -> top row of the run
    rects: list[tuple[int, int, int, int]] = []
    for r in range(n + 1):
        row = matrix[r] if r < n else bytes(n)
        runs: set[tuple[int, int]] = set()
        start = -1
        for c in range(n + 1):
            dark = c < n and row[c]
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                runs.add((start, c - start))
                start = -1
        for key in [k for k in open_runs if k not in runs]:
            top = open_runs.pop(key)
            # rows count downwards, PDF y upwards: the rectangle's bottom is row r - 1
            rects.append((key[0], n - r, key[1], r - top))
        for key in runs:
            open_runs.setdefault(key, r)
    return Runs(width=n, height=n, rects=tuple(rects))


def code128_runs(text: str) -> Runs:
    """The Code128 symbol of ``text`` as its bars (one module high), quiet zones excluded."""
    from reportlab.graphics.barcode.code128 import Code128

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
    """Fill ``runs`` with its lower-left corner at (x, y), one module = sx × sy points.

    Written as PDF operators directly: in module units every number is a small
    integer, and reportlab's per-number float formatting was the page's main cost.
    """
    ops = [f"q 0 g {sx:.4f} 0 0 {sy:.4f} {x:.3f} {y:.3f} cm"]
    ops.extend(f"{rx} {ry} {rw} {rh} re" for rx, ry, rw, rh in runs.rects)
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))


def qr_module(runs: Runs, dark_size: float) -> float:
    """Module size (points) so the QR's dark area is about ``dark_size``, never below 0.5 mm."""
    return max(MIN_QR_MODULE, dark_size / runs.width)


def bar_width(runs: Runs, max_width: float, preferred: float = 0.33 * mm) -> float:
    """Narrow-bar width (points) so the Code128 fits ``max_width``, never below 0.25 mm."""
    return max(MIN_BAR, min(preferred, max_width / runs.width))
