"""Page layout of a form template: where everything goes, the static drawing, the per-sheet marks.

``FormPainter`` measures a template once (for one language and hospital) and
then draws its static part (title, boxes, tables, check boxes, notes,
signatures) into a PDF form XObject, and each sheet's own marks (serial, QR,
Code128, incident, page x of y) on top of it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import FormTemplate, HeaderField, Sheet, Text
from hisconsole.i18n import N_, PRINT_LANGUAGES, Words, in_every_language
from hisconsole.i18n import gettext as _
from hisconsole.printing.common import fit, page_label, wrap
from hisconsole.printing.common import width as width_of
from hisconsole.printing.fonts import FONT, register_fonts
from hisconsole.printing.forms_chart import ChartPainter
from hisconsole.printing.forms_codes import (
    bar_width,
    code128_runs,
    draw_runs,
    mm,
    qr_module,
    qr_runs,
)

MARGIN_X = 12 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 7 * mm
GAP = 2.5 * mm
#: Width kept free at the top right for the Code128, the QR and the serial.
CODES_W = 70 * mm
QR_DARK = 19 * mm
BAND_H = 27 * mm
FIELD_H = 10 * mm
FIELD_LINE = 6 * mm
HEADING_H = 9 * mm
TABLE_TITLE_H = 5 * mm
ROW_MAX = 9 * mm
ROW_MIN = 5 * mm
CHECK_LINE = 5 * mm
BOX = 2.8 * mm
SIGNATURE_H = 10 * mm
BACK_ENTRY_ROW = 4.5 * mm
SIGNATURES_PER_ROW = 4
FOOTER_H = 5 * mm

GREY = 0.38
RULE = 0.35
FRAME = 0.8
HEAD_FILL = 0.92

EXERCISE_RED = (0.78, 0.1, 0.1)
#: The console's own words on a sheet (catalogue ids), beside the template's.
BACK_ENTRY = N_("Back-entry into HIS")
BACK_ENTRY_ITEMS: tuple[tuple[str, str, float], ...] = (
    ("box", N_("entered"), 0),
    ("box", N_("voided"), 0),
    # Who back-entered the sheet (a short label before a line to sign on).
    ("line", N_("by"), 28 * mm),
    ("line", N_("date/time"), 26 * mm),
    ("line", N_("HIS record no."), 28 * mm),
)


def _words(lang: str, sep: str = " / ") -> Words:
    """The console's words on a sheet printed in ``lang`` (zh, en or both)."""
    if lang not in PRINT_LANGUAGES:
        raise ValueError(f"lang must be zh, en or both, not {lang!r}")
    return Words(lang, sep)


def said(message: str) -> Text:
    """A catalogue text in both languages, printed like a template's label."""
    return Text(**in_every_language(lambda: _(message)))


@dataclass(frozen=True)
class _TableBox:
    """Where one table goes: the top of its heading row and its column edges."""

    top: float
    xs: tuple[float, ...]


class FormPainter:
    """One template laid out for one language and hospital; draws its static part and sheets."""

    def __init__(self, template: FormTemplate, lang: str, hospital: str) -> None:
        register_fonts()
        self.template = template
        self.lang = lang
        self.hospital = hospital
        w_mm, h_mm = template.page.size_mm
        self.width = w_mm * mm
        self.height = h_mm * mm
        self.left = MARGIN_X
        self.right = self.width - MARGIN_X
        self.content_w = self.right - self.left
        self.top = self.height - MARGIN_TOP
        self.problems: list[str] = []
        self._plan()

    # -- measuring -------------------------------------------------------------------------

    def _pair(self, text: Text) -> tuple[str, str]:
        return text.shown(self.lang)

    def _field_lines(self) -> list[tuple[float, list[HeaderField]]]:
        """Header boxes flowed into lines that fill the width: (line height, fields)."""
        lines: list[list[HeaderField]] = []
        line: list[HeaderField] = []
        used = 0.0
        for f in self.template.header_fields:
            if line and used + f.width > 1.0001:
                lines.append(line)
                line, used = [], 0.0
            line.append(f)
            used += f.width
        if line:
            lines.append(line)
        return [(FIELD_H + (max(f.lines for f in ln) - 1) * FIELD_LINE, ln) for ln in lines]

    def _check_group_lines(self, options: Sequence[Text], width: float) -> list[list[Text]]:
        lines: list[list[Text]] = [[]]
        used = 0.0
        for opt in options:
            w = self._option_w(opt)
            if lines[-1] and used + w > width:
                lines.append([])
                used = 0.0
            lines[-1].append(opt)
            used += w
        return lines

    def _option_w(self, opt: Text) -> float:
        p, s = self._pair(opt)
        return BOX + 1.2 * mm + width_of(p, 7.5) + 1 * mm + width_of(s, 6) + 4 * mm

    def _check_label_w(self) -> float:
        widest = 0.0
        for group in self.template.checkboxes:
            p, s = self._pair(group.label)
            widest = max(widest, width_of(p, 7.5), width_of(s, 5.8))
        return min(48 * mm, widest + 3 * mm)

    def _note_lines(self) -> list[tuple[str, float, float]]:
        out: list[tuple[str, float, float]] = []
        indent = 3 * mm
        for note in self.template.notes:
            p, s = self._pair(note)
            for i, line in enumerate(wrap(p, 7.2, self.content_w - indent)):
                out.append((("• " if i == 0 else "") + line, 7.2, 0.0))
            for line in wrap(s, 6.0, self.content_w - indent):
                out.append((line, 6.0, GREY))
        return out

    def _back_entry_items(self) -> list[tuple[str, Text, float]]:
        return [(kind, said(message), w) for kind, message, w in BACK_ENTRY_ITEMS]

    def _plan(self) -> None:
        t = self.template
        self.fields = self._field_lines()
        self.check_label_w = self._check_label_w()
        self.check_lines = [
            self._check_group_lines(g.options, self.content_w - self.check_label_w)
            for g in t.checkboxes
        ]
        self.notes = self._note_lines()
        top_fixed = BAND_H + GAP + sum(h for h, _ in self.fields) + (GAP if self.fields else 0)
        checks_h = sum(max(7 * mm, len(lines) * CHECK_LINE) + 1 * mm for lines in self.check_lines)
        checks_h += GAP if self.check_lines else 0
        notes_h = sum(size * 1.3 for _, size, _ in self.notes) + (1.5 * mm if self.notes else 0)
        sig_rows = math.ceil(len(t.signatures) / SIGNATURES_PER_ROW)
        self.back_entry_h = 0.0
        if t.back_entry:
            self.back_entry_h = 4.5 * mm + BACK_ENTRY_ROW
        bottom_fixed = FOOTER_H + self.back_entry_h + sig_rows * SIGNATURE_H
        #: Top of the notes (and the check boxes, at the bottom), just above the signatures.
        self.lower_top = MARGIN_BOTTOM + bottom_fixed + GAP + notes_h
        if t.checkboxes_at == "top":
            top_fixed += checks_h
        else:
            self.lower_top += checks_h
        tables_fixed = sum(HEADING_H + (TABLE_TITLE_H if tb.title else 0) + GAP for tb in t.tables)
        total_rows = sum(tb.rows for tb in t.tables)
        room = self.top - top_fixed - tables_fixed - self.lower_top
        self.chart: ChartPainter | None = None
        self.chart_grid_h = 0.0
        if t.chart is not None:
            # The grid takes what the tables (at their smallest rows) leave, up to its widest.
            self.chart = ChartPainter(t.chart, self.lang, self.left, self.content_w)
            least, most = self.chart.grid_range()
            room -= self.chart.fixed_height + GAP
            self.chart_grid_h = min(most, room - total_rows * ROW_MIN)
            if self.chart_grid_h < least:
                self.problems.append(
                    f"does not fit on one {t.page.size} {t.page.orientation} page: the chart "
                    f"needs {(least - self.chart_grid_h) / mm:.0f} mm more; use fewer rows"
                )
                self.chart_grid_h = least
            room -= self.chart_grid_h
            top_fixed += self.chart.fixed_height + self.chart_grid_h + GAP
        self.row_h = ROW_MAX
        if total_rows:
            self.row_h = min(ROW_MAX, room / total_rows)
            if self.row_h < ROW_MIN:
                short = (ROW_MIN - self.row_h) * total_rows / mm
                self.problems.append(
                    f"does not fit on one {t.page.size} {t.page.orientation} page: "
                    f"{short:.0f} mm too tall; use fewer table rows, fields or notes"
                )
                self.row_h = ROW_MIN
        elif room < 0:
            self.problems.append(
                f"does not fit on one {t.page.size} {t.page.orientation} page: "
                f"{-room / mm:.0f} mm too tall; use fewer fields or notes"
            )
        self._place_tables(self.top - top_fixed)

    def _place_tables(self, y: float) -> None:
        """Table positions."""
        self.tables: list[_TableBox] = []
        for table in self.template.tables:
            if table.title:
                y -= TABLE_TITLE_H
            total = sum(col.width for col in table.columns)
            xs = [self.left]
            for col in table.columns:
                xs.append(xs[-1] + self.content_w * col.width / total)
            self.tables.append(_TableBox(top=y, xs=tuple(xs)))
            body_top = y - HEADING_H
            y = body_top - table.rows * self.row_h - GAP

    # -- static part -----------------------------------------------------------------------

    def draw_static(self, c: Canvas) -> None:
        """Everything that is the same on every sheet of this template."""
        c.setLineWidth(RULE)
        y = self._draw_band(c)
        y = self._draw_fields(c, y)
        if self.template.checkboxes_at == "top":
            y = self._draw_checkboxes(c, y)
        if self.chart is not None:
            y = self.chart.draw(c, y, self.chart_grid_h) - GAP
        for index in range(len(self.template.tables)):
            y = self._draw_table(c, index)
        # Spare height stays under the tables, where it reads as room to write.
        y = min(y, self.lower_top)
        if self.template.checkboxes_at == "bottom":
            y = self._draw_checkboxes(c, y)
        self._draw_notes(c, y)
        bottom = MARGIN_BOTTOM + FOOTER_H
        c.setLineWidth(RULE)
        c.setStrokeGray(0)
        c.line(self.left, bottom - 1 * mm, self.right, bottom - 1 * mm)
        if self.template.back_entry:
            self._draw_back_entry(c, bottom)
            bottom += self.back_entry_h
        self._draw_signatures(c, bottom)

    def _text(self, c: Canvas, x: float, y: float, s: str, size: float, grey: float = 0.0) -> None:
        c.setFillGray(grey)
        c.setFont(FONT, size)
        c.drawString(x, y, s)

    def _draw_band(self, c: Canvas) -> float:
        t = self.template
        avail = self.content_w - CODES_W - 6 * mm  # clear of the Code128 quiet zone
        top = self.top
        if self.hospital:
            self._text(
                c, self.left, top - 3 * mm, self.hospital, fit(self.hospital, 8.5, avail), GREY
            )
        primary, secondary = self._pair(t.title)
        size = fit(primary, 17, avail)
        c.saveState()  # the text render mode outlives the text object: keep it to the title
        text = c.beginText(self.left, top - 10.5 * mm)
        text.setFont(FONT, size)
        text.setTextRenderMode(2)  # fill + stroke: a bold look from the one embedded face
        c.setLineWidth(0.35)
        c.setStrokeGray(0)
        c.setFillGray(0)
        text.textOut(primary)
        c.drawText(text)
        c.restoreState()
        self._text(c, self.left, top - 15.5 * mm, secondary, fit(secondary, 10, avail), GREY)
        if t.subtitle:
            sp, ss = self._pair(t.subtitle)
            self._text(c, self.left, top - 20 * mm, sp, fit(sp, 8, avail))
            self._text(c, self.left, top - 23.5 * mm, ss, fit(ss, 6.5, avail), GREY)
        c.setLineWidth(FRAME)
        c.line(self.left, top - BAND_H, self.right, top - BAND_H)
        return top - BAND_H - GAP

    def _label(self, c: Canvas, label: Text, x: float, top: float, width: float) -> None:
        p, s = self._pair(label)
        self._text(c, x, top - 3 * mm, p, fit(p, 7, width))
        self._text(c, x, top - 5.6 * mm, s, fit(s, 5.5, width), GREY)

    def _draw_fields(self, c: Canvas, y: float) -> float:
        if not self.fields:
            return y
        c.setStrokeGray(0)
        top = y
        for height, line in self.fields:
            total = sum(f.width for f in line)
            x = self.left
            for f in line:
                bw = self.content_w * f.width / total
                c.setLineWidth(RULE)
                c.rect(x, y - height, bw, height)
                self._label(c, f.label, x + 1.2 * mm, y, bw - 2.4 * mm)
                x += bw
            y -= height
        c.setLineWidth(FRAME)
        c.rect(self.left, y, self.content_w, top - y)
        return y - GAP

    def _draw_table(self, c: Canvas, index: int) -> float:
        table = self.template.tables[index]
        box = self.tables[index]
        xs = box.xs
        top = box.top
        if table.title:
            p, s = self._pair(table.title)
            baseline = top + TABLE_TITLE_H - 3.8 * mm
            self._text(c, self.left, baseline, p, 9)
            self._text(c, self.left + width_of(p, 9) + 2 * mm, baseline, s, 7, GREY)
        body_top = top - HEADING_H
        bottom = body_top - table.rows * self.row_h
        c.setFillGray(HEAD_FILL)
        c.rect(self.left, body_top, self.content_w, HEADING_H, stroke=0, fill=1)
        for col, x, x_next in zip(table.columns, xs, xs[1:], strict=False):
            p, s = self._pair(col.heading)
            w = x_next - x
            room = w - 1.6 * mm
            ps, ss = fit(p, 7.5, room), fit(s, 5.8, room)
            self._text(c, x + (w - width_of(p, ps)) / 2, top - 4 * mm, p, ps)
            self._text(c, x + (w - width_of(s, ss)) / 2, top - 7.2 * mm, s, ss, GREY)
        c.setStrokeGray(0)
        c.setLineWidth(RULE)
        path = c.beginPath()
        for r in range(table.rows):
            ry = body_top - r * self.row_h
            path.moveTo(self.left, ry)
            path.lineTo(self.right, ry)
        for x in xs[1:-1]:
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        c.drawPath(path, stroke=1, fill=0)
        c.setLineWidth(FRAME)
        c.rect(self.left, bottom, self.content_w, top - bottom)
        for r, label in enumerate(table.row_labels):
            row_bottom = body_top - (r + 1) * self.row_h
            self._row_label(c, label, xs[0] + 1.2 * mm, row_bottom, xs[1] - xs[0])
        return bottom - GAP

    def _row_label(self, c: Canvas, label: Text, x: float, bottom: float, width: float) -> None:
        p, s = self._pair(label)
        room = width - 2.4 * mm
        if self.row_h >= 7 * mm:
            self._text(c, x, bottom + self.row_h - 3.3 * mm, p, fit(p, 7.5, room))
            self._text(c, x, bottom + 1.4 * mm, s, fit(s, 5.8, room), GREY)
            return
        ps = fit(p + " " + s, 7.2, room)
        y = bottom + (self.row_h - ps * 0.7) / 2
        self._text(c, x, y, p, ps)
        self._text(c, x + width_of(p + " ", ps), y, s, ps * 0.82, GREY)

    def _checkbox(self, c: Canvas, x: float, baseline: float) -> None:
        c.setStrokeGray(0)
        c.setLineWidth(0.6)
        c.rect(x, baseline - 0.4 * mm, BOX, BOX)

    def _option(self, c: Canvas, opt: Text, x: float, baseline: float, k: float = 1.0) -> float:
        """A check box and its label (``k``: the label's scale); returns where the next goes."""
        p, s = self._pair(opt)
        self._checkbox(c, x, baseline)
        x += BOX + 1.2 * mm
        self._text(c, x, baseline, p, 7.5 * k)
        x += width_of(p, 7.5 * k) + 1 * mm
        self._text(c, x, baseline, s, 6 * k, GREY)
        return x + width_of(s, 6 * k) + 4 * mm

    def _draw_checkboxes(self, c: Canvas, y: float) -> float:
        for group, lines in zip(self.template.checkboxes, self.check_lines, strict=True):
            p, s = self._pair(group.label)
            self._text(c, self.left, y - 3.5 * mm, p, fit(p, 7.5, self.check_label_w - 2 * mm))
            self._text(
                c, self.left, y - 6.2 * mm, s, fit(s, 5.8, self.check_label_w - 2 * mm), GREY
            )
            for i, line in enumerate(lines):
                x = self.left + self.check_label_w
                for opt in line:
                    x = self._option(c, opt, x, y - 3.5 * mm - i * CHECK_LINE)
            y -= max(7 * mm, len(lines) * CHECK_LINE) + 1 * mm
        return y - (GAP if self.check_lines else 0)

    def _draw_notes(self, c: Canvas, y: float) -> None:
        y -= 1 * mm
        for line, size, grey in self.notes:
            y -= size * 1.3
            indent = 0 if line.startswith("• ") else width_of("• ", 7.2)
            self._text(c, self.left + indent, y, line, size, grey)

    def _back_entry_x(self) -> float:
        """Where the strip's items start: right of its own label (at most 32 mm wide)."""
        p, s = self._pair(said(BACK_ENTRY))
        label_w = min(32 * mm, max(width_of(p, 7.5), width_of(s, 5.5)))
        return self.left + 1.5 * mm + label_w + 4 * mm

    def _draw_back_entry(self, c: Canvas, bottom: float) -> None:
        """One row whatever the language: the words shrink when a translation runs long, so
        the console's catalogue never changes how much room a template's contents get."""
        items = self._back_entry_items()
        height = self.back_entry_h - 2 * mm
        c.setLineWidth(RULE)
        c.setStrokeGray(0)
        c.rect(self.left, bottom, self.content_w, height)
        top = bottom + height
        p, s = self._pair(said(BACK_ENTRY))
        label_w = self._back_entry_x() - self.left - 5.5 * mm
        self._text(c, self.left + 1.5 * mm, top - 3.2 * mm, p, fit(p, 7.5, label_w))
        self._text(c, self.left + 1.5 * mm, top - 6 * mm, s, fit(s, 5.5, label_w), GREY)
        x = self._back_entry_x()
        baseline = top - 4.5 * mm
        # Widths at full size: the words (which scale) and the gaps and boxes (which do not).
        words = gaps = lines = 0.0
        for kind, text, w in items:
            tp, ts = self._pair(text)
            if kind == "box":
                words += width_of(tp, 7.5) + width_of(ts, 6)
                gaps += BOX + 6.2 * mm
            else:
                words += width_of(tp, 7) + width_of(ts, 5.5)
                gaps += 5 * mm
                lines += w
        room = self.right - 1.5 * mm - x + 3 * mm
        k = min(1.0, max(0.5, (room - gaps - 0.3 * lines) / words)) if words else 1.0
        # The write-in lines take whatever width the labels and boxes leave.
        stretch = max(0.3, (room - gaps - k * words) / (lines or 1.0))
        for kind, text, w in items:
            if kind == "box":
                x = self._option(c, text, x, baseline, k)
                continue
            lp, ls = self._pair(text)
            self._text(c, x, baseline, lp, 7 * k)
            x += width_of(lp, 7 * k) + 1 * mm
            self._text(c, x, baseline, ls, 5.5 * k, GREY)
            x += width_of(ls, 5.5 * k) + 1 * mm
            c.setLineWidth(RULE)
            c.line(x, baseline - 0.8 * mm, x + w * stretch, baseline - 0.8 * mm)
            x += w * stretch + 3 * mm

    def _draw_signatures(self, c: Canvas, bottom: float) -> None:
        sigs = self.template.signatures
        rows = [sigs[i : i + SIGNATURES_PER_ROW] for i in range(0, len(sigs), SIGNATURES_PER_ROW)]
        for r, row in enumerate(reversed(rows)):
            line_y = bottom + r * SIGNATURE_H + 3.5 * mm
            cell_w = self.content_w / max(2, min(len(sigs), SIGNATURES_PER_ROW))
            for i, sig in enumerate(row):
                x = self.left + i * cell_w
                p, s = self._pair(sig.label)
                label_w = min(cell_w * 0.5, max(width_of(p, 7.5), width_of(s, 5.8)))
                self._text(c, x, line_y + 2.8 * mm, p, fit(p, 7.5, label_w))
                self._text(c, x, line_y, s, fit(s, 5.8, label_w), GREY)
                c.setLineWidth(RULE)
                c.setStrokeGray(0)
                c.line(x + label_w + 1.5 * mm, line_y, x + cell_w - 4 * mm, line_y)

    # -- per sheet -------------------------------------------------------------------------

    def draw_sheet(self, c: Canvas, sheet: Sheet) -> None:
        """The marks that make this sheet traceable: codes, serial, incident, page x of y."""
        draw_codes(c, sheet.serial, self.right, self.top)
        code_left = self.right - CODES_W
        c.setFillGray(0)
        c.setFont(FONT, 12)
        c.drawString(code_left, self.top - 15 * mm, sheet.serial)
        c.setFont(FONT, 7.5)
        c.drawString(code_left, self.top - 19.5 * mm, incident_line(sheet, self.lang))
        if sheet.reprint:
            draw_reprint(c, sheet, code_left, self.top - 25.5 * mm, self.lang)
        if sheet.numbers:
            self._draw_numbers(c, sheet.numbers)
        self._draw_footer(c, sheet)

    def _draw_numbers(self, c: Canvas, numbers: Sequence[str]) -> None:
        """The sheet's temporary patient numbers, one per row of the first table's first
        column (where the hand would write it)."""
        table, box = self.template.tables[0], self.tables[0]
        width = box.xs[1] - box.xs[0]
        body_top = box.top - HEADING_H
        c.setFillGray(0)
        for row, number in enumerate(numbers[: table.rows]):
            size = fit(number, 9, width - 2.4 * mm)
            bottom = body_top - (row + 1) * self.row_h
            c.setFont(FONT, size)
            c.drawString(box.xs[0] + 1.2 * mm, bottom + (self.row_h - size * 0.7) / 2, number)

    def _draw_footer(self, c: Canvas, sheet: Sheet) -> None:
        t = self.template
        w = _words(self.lang, sep=" ")
        left = "  ·  ".join(
            (
                w.gettext("Serial") + f" {sheet.serial}",
                w.gettext("Incident") + f" {incident_text(sheet, self.lang)}",
                w.gettext("Form") + f" {t.code} v{t.version}",
                w.gettext("Printed") + f" {sheet.printed_at}",
            )
        )
        right = page_text(sheet, self.lang)
        y = MARGIN_BOTTOM + 0.8 * mm
        c.setFillGray(0)
        c.setFont(FONT, 6.5)
        c.drawRightString(self.right, y, right)
        size = fit(left, 6.5, self.content_w - width_of(right, 6.5) - 4 * mm)
        c.setFont(FONT, size)
        c.drawString(self.left, y, left)


def _texts(template: FormTemplate) -> Iterator[tuple[str, Text]]:
    yield "title", template.title
    if template.subtitle:
        yield "subtitle", template.subtitle
    for i, f in enumerate(template.header_fields):
        yield f"header_fields[{i}].label", f.label
    for i, table in enumerate(template.tables):
        if table.title:
            yield f"tables[{i}].title", table.title
        for j, col in enumerate(table.columns):
            yield f"tables[{i}].columns[{j}].heading", col.heading
        for j, label in enumerate(table.row_labels):
            yield f"tables[{i}].row_labels[{j}]", label
    for i, group in enumerate(template.checkboxes):
        yield f"checkboxes[{i}].label", group.label
        for j, opt in enumerate(group.options):
            yield f"checkboxes[{i}].options[{j}]", opt
    for i, note in enumerate(template.notes):
        yield f"notes[{i}]", note
    for i, sig in enumerate(template.signatures):
        yield f"signatures[{i}].label", sig.label
    if template.chart is not None:
        chart = template.chart
        yield "chart.time_label", chart.time_label
        for i, scale in enumerate(chart.scales):
            yield f"chart.scales[{i}].label", scale.label
        for name in ("rows_above", "rows_per_time", "rows_per_day"):
            for i, label in enumerate(getattr(chart, name)):
                yield f"chart.{name}[{i}]", label


def unprintable(template: FormTemplate) -> list[tuple[str, str]]:
    """(location, characters) of every text holding characters the embedded font cannot draw."""
    glyphs = getFont(register_fonts()).face.charToGlyph
    found = []
    for loc, text in _texts(template):
        for lang in ("zh", "en"):
            missing = sorted({ch for ch in text.get(lang) if ord(ch) not in glyphs and ch != "\n"})
            if missing:
                found.append((f"{loc}.{lang}", "".join(missing)))
    return found


def incident_text(sheet: Sheet, lang: str) -> str:
    """The incident id, or "pre-printed" for stock printed before any incident."""
    if sheet.incident_id is not None:
        return sheet.incident_id
    return _words(lang).gettext("pre-printed")


def incident_line(sheet: Sheet, lang: str) -> str:
    label = _words(lang, sep=" ").gettext("Incident")
    return f"{label}: {incident_text(sheet, lang)}"


def page_text(sheet: Sheet, lang: str) -> str:
    """Page x of y in ``lang`` (both: Chinese first)."""
    return page_label(sheet.page_no, sheet.page_count, _words(lang).lang)


def draw_codes(c: Canvas, serial: str, right: float, top: float) -> None:
    """QR of ``serial`` with its top right corner at (right, top); its Code128 to the left.

    The Code128 starts ``CODES_W`` left of ``right`` and keeps 5 mm of white
    before the QR, more than either symbol's quiet zone needs.
    """
    qr = qr_runs(serial)
    module = qr_module(qr, QR_DARK)
    qr_x = right - qr.width * module
    draw_runs(c, qr, qr_x, top - qr.height * module, module, module)
    code_left = right - CODES_W
    bars = code128_runs(serial)
    bw = bar_width(bars, qr_x - 5 * mm - code_left)
    draw_runs(c, bars, code_left, top - 10 * mm, bw, 10 * mm)


def reprint_text(sheet: Sheet, lang: str) -> str:
    """``重印 REPRINT 1``: the sheet replaces one whose print job did not come out."""
    return _words(lang, sep=" ").gettext("REPRINT") + f" {sheet.reprint}"


def draw_reprint(c: Canvas, sheet: Sheet, x: float, y: float, lang: str) -> None:
    """The reprint mark in a black box (it must survive a monochrome printer and a copier)."""
    label = reprint_text(sheet, lang)
    size = 9
    width = width_of(label, size) + 3 * mm
    c.saveState()
    c.setFillGray(0)
    c.rect(x, y, width, size + 2.5, stroke=0, fill=1)
    c.setFillGray(1)
    c.setFont(FONT, size)
    c.drawString(x + 1.5 * mm, y + 2.2, label)
    c.restoreState()


def exercise_banner(lang: str) -> str:
    return _words(lang, sep="   ·   ").gettext("EXERCISE — not a real incident")


def draw_exercise(
    c: Canvas, width: float, height: float, lang: str, *, banner: bool = True
) -> None:
    """The exercise mark: a big pale diagonal across the page, and a red banner at the top."""
    c.saveState()
    if banner:
        band_y = height - MARGIN_TOP + 1.5 * mm
        c.setFillColorRGB(*EXERCISE_RED)
        c.rect(MARGIN_X, band_y, width - 2 * MARGIN_X, 6 * mm, stroke=0, fill=1)
        c.setFillGray(1)
        c.setFont(FONT, 9)
        c.drawCentredString(width / 2, band_y + 1.8 * mm, exercise_banner(lang))
    c.setFillColorRGB(0.97, 0.8, 0.8)
    mark = _words(lang, sep=" ").gettext("EXERCISE")
    angle = math.degrees(math.atan2(height, width))
    diagonal = math.hypot(width, height)
    size = min(140.0, diagonal * 0.62 / max(1.0, width_of(mark, 1)))
    c.translate(width / 2, height / 2)
    c.rotate(angle)
    c.setFont(FONT, size)
    c.drawCentredString(0, -size * 0.35, mark)
    c.restoreState()
