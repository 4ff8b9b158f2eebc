"""Page layout of a form template: where everything goes, the static drawing, the per-sheet marks.

``FormPainter`` measures a template once (for one language and hospital) and
then draws its static part (title, boxes, tables, check boxes, notes,
signatures) into a PDF form XObject, and each sheet's own marks (serial, QR,
Code128, incident, page x of y, pre-assigned numbers) on top of it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from hisconsole.domain.forms import FormTemplate, HeaderField, Sheet, Text, downtime_numbers
from hisconsole.printing.fonts import register_fonts
from hisconsole.printing.forms_codes import (
    bar_width,
    code128_runs,
    draw_runs,
    mm,
    qr_module,
    qr_runs,
)

FONT = register_fonts()

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
SIGNATURES_PER_ROW = 4
FOOTER_H = 5 * mm

GREY = 0.38
RULE = 0.35
FRAME = 0.8
HEAD_FILL = 0.92

EXERCISE = Text(zh="演练", en="EXERCISE")
EXERCISE_BANNER = Text(zh="演练 — 非真实事件", en="EXERCISE — not a real incident")
PRE_PRINTED = Text(zh="预印", en="pre-printed")
BACK_ENTRY = Text(zh="补录 HIS", en="Back-entry into HIS")


def width_of(text: str, size: float) -> float:
    return float(stringWidth(text, FONT, size))


def fit(text: str, size: float, width: float, smallest: float = 4.5) -> float:
    """The font size, at most ``size``, at which ``text`` fits ``width``."""
    w = width_of(text, size)
    if w <= width or w == 0:
        return size
    return max(smallest, size * width / w * 0.999)


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``: at spaces, or between CJK characters."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        tokens: list[str] = []
        word = ""
        for ch in paragraph:
            if ch == " ":
                if word:
                    tokens.append(word)
                tokens.append(" ")
                word = ""
            elif _is_wide(ch):
                if word:
                    tokens.append(word)
                    word = ""
                tokens.append(ch)
            else:
                word += ch
        if word:
            tokens.append(word)
        line = ""
        for token in tokens:
            if not line and token == " ":
                continue
            if width_of(line + token, size) <= width or not line:
                line += token
            else:
                lines.append(line.rstrip())
                line = "" if token == " " else token
        lines.append(line.rstrip())
    return lines


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    w: float
    h: float


@dataclass
class _Flow:
    """The vertical budget of the page, filled from the top and from the bottom."""

    top: float
    bottom: float
    problems: list[str] = field(default_factory=list)


class FormPainter:
    """One template laid out for one language and hospital; draws its static part and sheets."""

    def __init__(self, template: FormTemplate, lang: str, hospital: str) -> None:
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
        self.numbered_cells: list[Cell] = []
        self._plan()

    # -- measuring -------------------------------------------------------------------------

    def _pair(self, text: Text) -> tuple[str, str]:
        return text.pair(self.lang)

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
        items: list[tuple[str, Text, float]] = [
            ("box", Text(zh="已补录", en="entered"), 0),
            ("box", Text(zh="作废", en="voided"), 0),
            ("line", Text(zh="补录人", en="by"), 28 * mm),
            ("line", Text(zh="时间", en="date/time"), 26 * mm),
            ("line", Text(zh="HIS 记录号", en="HIS record no."), 28 * mm),
        ]
        return items

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
        bottom_fixed = FOOTER_H + (9 * mm if t.back_entry else 0) + sig_rows * SIGNATURE_H
        #: Top of the notes (and the check boxes, at the bottom), just above the signatures.
        self.lower_top = MARGIN_BOTTOM + bottom_fixed + GAP + notes_h
        if t.checkboxes_at == "top":
            top_fixed += checks_h
        else:
            self.lower_top += checks_h
        tables_fixed = sum(HEADING_H + (TABLE_TITLE_H if tb.title else 0) + GAP for tb in t.tables)
        total_rows = sum(tb.rows for tb in t.tables)
        room = self.top - top_fixed - tables_fixed - self.lower_top
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

    # -- static part -----------------------------------------------------------------------

    def draw_static(self, c: Canvas) -> None:
        """Everything that is the same on every sheet of this template."""
        c.setLineWidth(RULE)
        y = self._draw_band(c)
        y = self._draw_fields(c, y)
        if self.template.checkboxes_at == "top":
            y = self._draw_checkboxes(c, y)
        for index in range(len(self.template.tables)):
            y = self._draw_table(c, index, y)
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
            bottom += 9 * mm
        self._draw_signatures(c, bottom)

    def _text(self, c: Canvas, x: float, y: float, s: str, size: float, grey: float = 0.0) -> None:
        c.setFillGray(grey)
        c.setFont(FONT, size)
        c.drawString(x, y, s)

    def _draw_band(self, c: Canvas) -> float:
        t = self.template
        avail = self.content_w - CODES_W - 4 * mm
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

    def _draw_table(self, c: Canvas, index: int, y: float) -> float:
        table = self.template.tables[index]
        if table.title:
            p, s = self._pair(table.title)
            self._text(c, self.left, y - 3.8 * mm, p, 9)
            self._text(c, self.left + width_of(p, 9) + 2 * mm, y - 3.8 * mm, s, 7, GREY)
            y -= TABLE_TITLE_H
        total = sum(col.width for col in table.columns)
        widths = [self.content_w * col.width / total for col in table.columns]
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)
        body_h = table.rows * self.row_h
        top, bottom = y, y - HEADING_H - body_h
        c.setFillGray(HEAD_FILL)
        c.rect(self.left, y - HEADING_H, self.content_w, HEADING_H, stroke=0, fill=1)
        for col, x, w in zip(table.columns, xs, widths, strict=False):
            p, s = self._pair(col.heading)
            pad = 0.8 * mm
            ps, ss = fit(p, 7.5, w - 2 * pad), fit(s, 5.8, w - 2 * pad)
            self._text(c, x + (w - width_of(p, ps)) / 2, y - 4 * mm, p, ps)
            self._text(c, x + (w - width_of(s, ss)) / 2, y - 7.2 * mm, s, ss, GREY)
        y -= HEADING_H
        c.setStrokeGray(0)
        c.setLineWidth(RULE)
        path = c.beginPath()
        for r in range(table.rows):
            ry = y - r * self.row_h
            path.moveTo(self.left, ry)
            path.lineTo(self.right, ry)
        for x in xs[1:-1]:
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        c.drawPath(path, stroke=1, fill=0)
        c.setLineWidth(FRAME)
        c.rect(self.left, bottom, self.content_w, top - bottom)
        for r, label in enumerate(table.row_labels):
            self._row_label(c, label, xs[0] + 1.2 * mm, y - (r + 1) * self.row_h, widths[0])
        numbered = self.template.numbered_field
        if numbered is not None and numbered.table == index:
            n = numbered.column
            self.numbered_cells = [
                Cell(xs[n], y - (r + 1) * self.row_h, widths[n], self.row_h)
                for r in range(table.rows)
            ]
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

    def _option(self, c: Canvas, opt: Text, x: float, baseline: float) -> float:
        p, s = self._pair(opt)
        self._checkbox(c, x, baseline)
        x += BOX + 1.2 * mm
        self._text(c, x, baseline, p, 7.5)
        x += width_of(p, 7.5) + 1 * mm
        self._text(c, x, baseline, s, 6, GREY)
        return x + width_of(s, 6) + 4 * mm

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

    def _draw_back_entry(self, c: Canvas, bottom: float) -> None:
        c.setLineWidth(RULE)
        c.setStrokeGray(0)
        c.rect(self.left, bottom, self.content_w, 7 * mm)
        baseline = bottom + 2.5 * mm
        p, s = self._pair(BACK_ENTRY)
        x = self.left + 1.5 * mm
        self._text(c, x, baseline + 1.3 * mm, p, 7.5)
        self._text(c, x, baseline - 1.5 * mm, s, 5.5, GREY)
        x += max(width_of(p, 7.5), width_of(s, 5.5)) + 4 * mm
        items = self._back_entry_items()
        fixed = sum(
            self._option_w(t) if kind == "box" else self._line_label_w(t) + 4 * mm
            for kind, t, _ in items
        )
        lines = sum(w for _, _, w in items)
        # The write-in lines take whatever width the labels and boxes leave.
        stretch = max(0.3, (self.right - 1.5 * mm - x + 3 * mm - fixed) / lines)
        for kind, text, w in items:
            if kind == "box":
                x = self._option(c, text, x, baseline)
            else:
                lp, ls = self._pair(text)
                self._text(c, x, baseline, lp, 7)
                x += width_of(lp, 7) + 1 * mm
                self._text(c, x, baseline, ls, 5.5, GREY)
                x += width_of(ls, 5.5) + 1 * mm
                line_w = w * stretch
                c.setLineWidth(RULE)
                c.line(x, baseline - 0.8 * mm, x + line_w, baseline - 0.8 * mm)
                x += line_w + 3 * mm

    def _line_label_w(self, text: Text) -> float:
        p, s = self._pair(text)
        return width_of(p, 7) + 1 * mm + width_of(s, 5.5)

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
        self._draw_numbers(c, sheet)
        self._draw_footer(c, sheet)

    def _draw_numbers(self, c: Canvas, sheet: Sheet) -> None:
        if not self.numbered_cells:
            return
        numbers = sheet.row_numbers or downtime_numbers(self.template, sheet.serial)
        c.setFillGray(0)
        for cell, number in zip(self.numbered_cells, numbers, strict=False):
            size = fit(number, 8, cell.w - 2 * mm)
            c.setFont(FONT, size)
            c.drawString(cell.x + 1 * mm, cell.y + (cell.h - size * 0.7) / 2, number)

    def _draw_footer(self, c: Canvas, sheet: Sheet) -> None:
        t = self.template
        labels = {
            "serial": "编号 Serial",
            "incident": "事件 Incident",
            "form": "表单 Form",
            "printed": "打印 Printed",
        }
        if self.lang == "en":
            labels = {k: " ".join(reversed(v.split(" ", 1))) for k, v in labels.items()}
        left = "  ·  ".join(
            (
                f"{labels['serial']} {sheet.serial}",
                f"{labels['incident']} {incident_text(sheet, self.lang)}",
                f"{labels['form']} {t.code} v{t.version}",
                f"{labels['printed']} {sheet.printed_at}",
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


def unprintable(template: FormTemplate) -> list[tuple[str, str]]:
    """(location, characters) of every text holding characters the embedded font cannot draw."""
    glyphs = getFont(FONT).face.charToGlyph
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
    primary, secondary = PRE_PRINTED.pair(lang)
    return f"{primary} / {secondary}"


def incident_line(sheet: Sheet, lang: str) -> str:
    label = "事件 Incident" if lang == "zh" else "Incident 事件"
    return f"{label}: {incident_text(sheet, lang)}"


def page_text(sheet: Sheet, lang: str) -> str:
    """ "page 2 of 3" in both languages, the primary one first."""
    zh = f"第 {sheet.page_no} 页 共 {sheet.page_count} 页"
    en = f"page {sheet.page_no} of {sheet.page_count}"
    return f"{zh} · {en}" if lang == "zh" else f"{en} · {zh}"


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


def draw_exercise(c: Canvas, width: float, height: float, lang: str) -> None:
    """The exercise mark: a red banner at the top and a big pale diagonal across the page."""
    c.saveState()
    band_h = 6 * mm
    band_y = height - MARGIN_TOP + 1.5 * mm
    c.setFillColorRGB(0.78, 0.1, 0.1)
    c.rect(MARGIN_X, band_y, width - 2 * MARGIN_X, band_h, stroke=0, fill=1)
    p, s = EXERCISE_BANNER.pair(lang)
    banner = f"{p}   ·   {s}"
    c.setFillGray(1)
    c.setFont(FONT, 9)
    c.drawCentredString(width / 2, band_y + 1.8 * mm, banner)
    c.setFillColorRGB(0.97, 0.8, 0.8)
    mark = f"{EXERCISE.pair(lang)[0]} {EXERCISE.pair(lang)[1]}"
    angle = math.degrees(math.atan2(height, width))
    diagonal = math.hypot(width, height)
    size = min(140.0, diagonal * 0.62 / max(1.0, width_of(mark, 1)))
    c.translate(width / 2, height / 2)
    c.rotate(angle)
    c.setFont(FONT, size)
    c.drawCentredString(0, -size * 0.35, mark)
    c.restoreState()
