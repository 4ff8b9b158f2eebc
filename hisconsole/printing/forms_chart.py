"""The charting grid of a form (a 体温单's temperature and pulse grid by day and time).

Laid out as Chinese wards print it: one cell per day for the rows above the grid
(date, day in hospital, days after surgery), a row of the hours charted each day,
the grid itself with its scales down the left (each step cut into fine lines, the
day boundaries ruled heavy, a marked value such as 37 °C ruled in red), then rows
of one cell per time (respiration) and per day (blood pressure, intake, output…).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import Chart, Text
from hisconsole.printing.common import fit
from hisconsole.printing.common import width as width_of
from hisconsole.printing.fonts import FONT
from hisconsole.printing.forms_codes import mm

ROW_H = 5 * mm
#: Width of one scale's column down the left of the grid.
SCALE_W = 14 * mm
#: The finest a grid line may be spaced, and the widest that still reads as a chart.
FINE_MIN = 1.2 * mm
FINE_MAX = 3.2 * mm
GREY = 0.38
RED = (0.78, 0.1, 0.1)


class ChartPainter:
    """One chart laid out across ``width`` points from ``left``, in ``lang`` first."""

    def __init__(self, chart: Chart, lang: str, left: float, width: float) -> None:
        self.chart = chart
        self.lang = lang
        self.left = left
        self.width = width
        self.label_w = max(28 * mm, len(chart.scales) * SCALE_W)
        self.columns = chart.days * len(chart.times)
        self.col_w = (width - self.label_w) / self.columns
        #: The grid's bands: one per scale step, and one on top holding the scales' names.
        self.bands = chart.scales[0].steps + 1
        labels = (*chart.rows_above, chart.time_label, *chart.rows_per_time, *chart.rows_per_day)
        #: One size for every row label (the longest decides), so the rows read as one table.
        self.label_size = min(
            fit(" ".join(label.shown(lang)).strip(), 7, self.label_w - 2 * mm) for label in labels
        )

    @property
    def fixed_height(self) -> float:
        """Height of the rows above and below the grid, and of the hours row."""
        c = self.chart
        return (len(c.rows_above) + 1 + len(c.rows_per_time) + len(c.rows_per_day)) * ROW_H

    def grid_range(self) -> tuple[float, float]:
        """The least and the most height the grid itself may take."""
        fine = self.bands * self.chart.subdivisions
        return fine * FINE_MIN, fine * FINE_MAX

    # -- drawing -----------------------------------------------------------------------------

    def _text(self, c: Canvas, x: float, y: float, s: str, size: float, grey: float = 0) -> None:
        c.setFillGray(grey)
        c.setFont(FONT, size)
        c.drawString(x, y, s)

    def _centred(self, c: Canvas, x: float, w: float, y: float, s: str, size: float) -> None:
        size = fit(s, size, w - 0.6 * mm, 3.5)
        c.setFillGray(0)
        c.setFont(FONT, size)
        c.drawString(x + (w - width_of(s, size)) / 2, y, s)

    def _row_label(self, c: Canvas, label: Text, top: float) -> None:
        p, s = label.shown(self.lang)
        size = self.label_size
        y = top - ROW_H + (ROW_H - size * 0.7) / 2
        self._text(c, self.left + 1 * mm, y, p, size)
        self._text(c, self.left + 1 * mm + width_of(p + " ", size), y, s, size * 0.82, GREY)

    def _row(self, c: Canvas, label: Text, top: float, per_day: bool) -> float:
        """One row of cells (per day or per time) under ``top``; returns its bottom."""
        self._row_label(c, label, top)
        bottom = top - ROW_H
        c.setLineWidth(0.35)
        c.line(self.left, bottom, self.left + self.width, bottom)
        self._verticals(c, top, bottom, every_column=not per_day)
        return bottom

    def _verticals(self, c: Canvas, top: float, bottom: float, *, every_column: bool) -> None:
        x0 = self.left + self.label_w
        per_day = len(self.chart.times)
        for i in range(self.columns + 1):
            if i % per_day == 0:
                c.setLineWidth(0.9)
            elif every_column:
                c.setLineWidth(0.25)
            else:
                continue
            c.line(x0 + i * self.col_w, top, x0 + i * self.col_w, bottom)

    def draw(self, c: Canvas, top: float, grid_h: float) -> float:
        """Draw the chart with its top at ``top`` and a grid ``grid_h`` tall; returns its bottom."""
        chart = self.chart
        c.saveState()
        c.setStrokeGray(0)
        y = top
        for label in chart.rows_above:
            y = self._row(c, label, y, per_day=True)
        y = self._row(c, chart.time_label, y, per_day=False)
        x0 = self.left + self.label_w
        for i in range(self.columns):
            hour = str(chart.times[i % len(chart.times)])
            self._centred(c, x0 + i * self.col_w, self.col_w, y + 1.6 * mm, hour, 6)
        grid_top, grid_bottom = y, y - grid_h
        self._grid(c, grid_top, grid_bottom)
        y = grid_bottom
        for label in chart.rows_per_time:
            y = self._row(c, label, y, per_day=False)
        for label in chart.rows_per_day:
            y = self._row(c, label, y, per_day=True)
        c.setLineWidth(0.8)
        c.rect(self.left, y, self.width, top - y)
        c.line(x0, top, x0, y)
        c.restoreState()
        return y

    def _grid(self, c: Canvas, top: float, bottom: float) -> None:
        chart = self.chart
        x0 = self.left + self.label_w
        right = self.left + self.width
        band_h = (top - bottom) / self.bands
        fine_h = band_h / chart.subdivisions
        for k in range(self.bands * chart.subdivisions + 1):
            y = top - k * fine_h
            major = k % chart.subdivisions == 0
            c.setStrokeGray(0 if major else 0.55)
            c.setLineWidth(0.5 if major else 0.15)
            c.line(x0, y, right, y)
            if major:
                c.setLineWidth(0.35)
                c.line(self.left, y, x0, y)
        c.setStrokeGray(0)
        self._verticals(c, top, bottom, every_column=True)
        scale_w = self.label_w / len(chart.scales)
        for i, scale in enumerate(chart.scales):
            x = self.left + i * scale_w
            if i:
                c.setLineWidth(0.35)
                c.line(x, top, x, bottom)
            p, s = scale.label.shown(self.lang)
            self._centred(c, x, scale_w, top - 3.2 * mm, p, 6.5)
            c.setFillGray(GREY)
            self._centred(c, x, scale_w, top - 5.8 * mm, s, 5)
            for k in range(scale.steps):
                value = scale.high - k * scale.step
                shown = f"{value:g}"
                self._centred(c, x, scale_w, top - (k + 1) * band_h - 2.6 * mm, shown, 7)
            if scale.mark is not None:
                y = (
                    bottom
                    + (scale.mark - scale.low)
                    / (scale.high - scale.low)
                    * (self.bands - 1)
                    * band_h
                )
                c.setStrokeColorRGB(*RED)
                c.setLineWidth(0.9)
                c.line(x0, y, right, y)
                c.setStrokeGray(0)
