"""The back-entry report as PDF: every paper sheet of an incident and whether it is back in the HIS.

Pure rendering: the caller passes the sheets as ``services.forms.sheets`` returns
them, the incident summary and the form titles; nothing here reads the database.
Every text is drawn with the embedded CJK font (no base-14 font is referenced).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from hisconsole.domain.numbers import carries_old_numbers, old_sheet_numbers
from hisconsole.i18n import N_, PrintLanguage, Words, term
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.common import document_setup, grid_table, numbered_canvas
from hisconsole.printing.fonts import register_fonts

TITLE = N_("Back-entry report")
#: Sheet statuses in the order they are reported.
STATUSES = ("issued", "returned", "entered", "verified", "void")
OUTSTANDING = ("issued", "returned")
OUTSTANDING_TINT = colors.HexColor("#FDE0DC")
ALERT = colors.HexColor("#B71C1C")
GOOD = colors.HexColor("#1B5E20")
WIDTH = 174 * mm


def _status(w: Words, status: str) -> str:
    """A sheet's status as a word (the catalogue keys them by "sheet status")."""
    words = {
        "issued": w.pgettext("sheet status", "Issued"),
        "returned": w.pgettext("sheet status", "Returned"),
        "entered": w.pgettext("sheet status", "Entered"),
        "verified": w.pgettext("sheet status", "Verified"),
        "void": w.pgettext("sheet status", "Void"),
    }
    return words.get(status, status)


def serial_ranges(serials: Sequence[str]) -> list[str]:
    """Serials with consecutive runs written as ranges: ``A-000063..A-000070``."""
    runs: list[list[str]] = []
    previous: tuple[str, int] | None = None
    for serial in sorted(serials):
        prefix, _, number = serial.rpartition("-")
        key = (prefix, int(number)) if number.isdigit() else None
        if runs and key and previous and key == (previous[0], previous[1] + 1):
            runs[-1].append(serial)
        else:
            runs.append([serial])
        previous = key
    return [run[0] if len(run) == 1 else f"{run[0]}..{run[-1]}" for run in runs]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "h1": ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "alert": ParagraphStyle("alert", parent=base, fontSize=11, leading=15, textColor=ALERT),
        "good": ParagraphStyle("good", parent=base, fontSize=11, leading=15, textColor=GOOD),
    }


def render_backentry_report(
    *,
    incident: Mapping[str, Any] | None,
    sheets: Sequence[Mapping[str, Any]],
    titles: Mapping[str, Mapping[str, str]],
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
    numbers: Sequence[Mapping[str, Any]] = (),
    lang: PrintLanguage = "both",
) -> int:
    """Write the back-entry report to ``out`` in ``lang`` (zh, en, or both, Chinese first);
    returns the number of pages.

    ``numbers`` are the temporary patient numbers issued (``services.numbers.listing``):
    those patients were given must be merged into the HIS, and are listed for it.

    ``incident`` is the incident summary (id, title, level, status, declared_at,
    exercise) or None for every sheet on this console; ``titles`` maps a template
    code to its ``{"zh": …, "en": …}`` title. Sheets still outstanding (issued or
    returned, not yet entered into the HIS nor voided) are highlighted.
    """
    font = register_fonts()
    st = _styles(font)
    w = Words(lang)
    head = w.with_sep("\n")  # table headings: one language a line
    line = w.with_sep(" · ")  # sentences: one after the other

    def when(value: str | dt.datetime | None) -> str:
        return format_datetime(value, w.first, tz=printed_at.tzinfo)

    def title_of(code: str) -> str:
        title = titles.get(code)
        return f"{w.with_sep(' ').pick(title)} ({code})" if title else code

    story: list[Flowable] = []
    story.append(Paragraph(_esc(w.gettext(TITLE)), st["h1"]))
    story.append(Paragraph(_esc(line.pick(hospital)), st["base"]))
    story.append(Spacer(1, 3 * mm))
    label = w.with_sep(" ")
    if incident is not None:
        name = f"{incident['id']} — {incident['title']}"
        if incident.get("exercise"):
            name += " [" + label.gettext("EXERCISE") + "]"
        status = str(incident.get("status", ""))
        facts = [
            [label.gettext("Incident"), Paragraph(_esc(name), st["base"])],
            [label.gettext("Level"), str(incident.get("level", ""))],
            [label.gettext("Status"), label.each(lambda: term("incident status", status))],
            [label.gettext("Declared"), when(incident.get("declared_at"))],
        ]
    else:
        facts = [[label.gettext("Covers"), label.gettext("Every sheet on this console")]]
    facts_table = Table(facts, colWidths=[36 * mm, WIDTH - 36 * mm], hAlign="LEFT")
    facts_table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 9.5), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(facts_table)

    by_status = Counter(str(s["status"]) for s in sheets)
    waiting = [s for s in sheets if s["status"] in OUTSTANDING]
    story.append(Spacer(1, 3 * mm))
    if not sheets:
        story.append(Paragraph(_esc(line.gettext("No sheets were issued.")), st["base"]))
    elif waiting:
        said = line.gettext(
            "{waiting} of {total} sheets are not yet entered back into the HIS."
        ).format(waiting=len(waiting), total=len(sheets))
        story.append(Paragraph(_esc(said), st["alert"]))
    else:
        said = line.gettext("All {total} sheets are entered back or void.").format(
            total=len(sheets)
        )
        story.append(Paragraph(_esc(said), st["good"]))

    if waiting:
        ranges = ", ".join(serial_ranges([str(s["serial"]) for s in waiting]))
        story.append(
            Paragraph(_esc(label.gettext("Outstanding serials") + ": " + ranges), st["base"])
        )

    story.append(Paragraph(_esc(w.gettext("Sheets by status")), st["h2"]))
    status_rows: list[list[Any]] = [[label.gettext("Status"), label.gettext("Sheets")]]
    for status in STATUSES:
        status_rows.append([_status(label, status), str(by_status.get(status, 0))])
    status_rows.append([label.gettext("Outstanding"), str(len(waiting))])
    status_rows.append([label.gettext("Total"), str(len(sheets))])
    story.append(
        grid_table(
            status_rows,
            [60 * mm, 30 * mm],
            font,
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("TEXTCOLOR", (0, -2), (-1, -2), ALERT if waiting else colors.black),
            ],
        )
    )

    story.append(Paragraph(_esc(w.gettext("Sheets by form")), st["h2"]))
    per_template: dict[str, Counter[str]] = {}
    for sheet in sheets:
        per_template.setdefault(str(sheet["template"]), Counter())[str(sheet["status"])] += 1
    template_rows: list[list[Any]] = [
        [head.gettext("Form"), *(_status(head, s) for s in STATUSES), head.gettext("Outstanding")]
    ]
    highlight: list[Any] = []
    for code, counted in sorted(per_template.items()):
        outstanding = sum(counted.get(s, 0) for s in OUTSTANDING)
        template_rows.append(
            [
                Paragraph(_esc(title_of(code)), st["cell"]),
                *(str(counted.get(s, 0)) for s in STATUSES),
                str(outstanding),
            ]
        )
        if outstanding:
            row = len(template_rows) - 1
            highlight.append(("BACKGROUND", (-1, row), (-1, row), OUTSTANDING_TINT))
    story.append(
        grid_table(
            template_rows,
            [60 * mm, *([19 * mm] * len(STATUSES)), 19 * mm],
            font,
            [("ALIGN", (1, 1), (-1, -1), "RIGHT"), *highlight],
        )
    )

    story.append(Paragraph(_esc(w.gettext("Every sheet")), st["h2"]))
    story.append(
        Paragraph(
            _esc(line.gettext("Shaded rows are not yet entered back into the HIS.")), st["cell"]
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Any]] = [
        [
            head.gettext("Serial"),
            head.gettext("Form"),
            head.gettext("Status"),
            head.gettext("Issued (when, by)"),
            head.gettext("Last change"),
            head.gettext("HIS ref"),
            head.gettext("Void reason"),
        ]
    ]
    marks: list[Any] = []
    for sheet in sheets:
        status = str(sheet["status"])
        changed = ""
        if status != "issued" and sheet.get("status_at"):
            changed = f"{when(sheet['status_at'])}\n{sheet.get('status_by') or ''}"
        rows.append(
            [
                str(sheet["serial"]),
                str(sheet["template"]),
                _status(head, status),
                f"{when(sheet.get('issued_at'))}\n{sheet.get('issued_by') or ''}",
                changed,
                Paragraph(_esc(str(sheet.get("his_ref") or "")), st["cell"]),
                Paragraph(_esc(str(sheet.get("reason") or "")), st["cell"]),
            ]
        )
        if status in OUTSTANDING:
            row = len(rows) - 1
            marks.append(("BACKGROUND", (0, row), (-1, row), OUTSTANDING_TINT))
            marks.append(("TEXTCOLOR", (2, row), (2, row), ALERT))
    story.append(
        grid_table(
            rows,
            [22 * mm, 24 * mm, 22 * mm, 28 * mm, 28 * mm, 24 * mm, 26 * mm],
            font,
            [("FONT", (0, 1), (-1, -1), font, 7.5), *marks],
        )
    )

    if numbers:
        story += _numbers_section(numbers, st, font, w, when)
    old = [s for s in sheets if carries_old_numbers(s["template"], s["template_version"])]
    if old:
        story += _old_numbers_section(old, st, font, w)

    scope = incident["id"] if incident is not None else label.gettext("every sheet")
    printed = label.gettext("Printed") + " " + when(printed_at)
    footer = f"{scope} · {label.gettext(TITLE)} · {printed}"
    doc = SimpleDocTemplate(out, **document_setup(f"{scope} {label.gettext(TITLE)}"))
    doc.build(story, canvasmaker=numbered_canvas(footer, lang))
    return int(doc.page)


def _numbers_section(
    numbers: Sequence[Mapping[str, Any]],
    st: Mapping[str, ParagraphStyle],
    font: str,
    w: Words,
    when: Callable[[str | dt.datetime | None], str],
) -> list[Flowable]:
    """The temporary patient numbers: the used ones to merge into the HIS, one per row,
    and how many are still unused or void."""
    used = [n for n in numbers if n["status"] == "used"]
    count = Counter(str(n["status"]) for n in numbers)
    head = w.with_sep("\n")
    said = w.with_sep(" · ").gettext(
        "{issued} issued: {used} used, {unused} unused, {void} void. Each used number must be "
        "registered in the HIS or merged into the patient's record."
    )
    out: list[Flowable] = [
        Paragraph(_esc(w.gettext("Temporary patient numbers to merge into the HIS")), st["h2"]),
        Paragraph(
            _esc(
                said.format(
                    issued=len(numbers),
                    used=count["used"],
                    unused=count["issued"],
                    void=count["void"],
                )
            ),
            st["cell"],
        ),
        Spacer(1, 2 * mm),
    ]
    if not used:
        return out
    rows: list[list[Any]] = [
        [
            head.gettext("Temporary no."),
            head.gettext("Ward"),
            head.gettext("Issued (when, by)"),
            head.gettext("Used (when, by)"),
            head.gettext("MRN after merging"),
        ]
    ]
    for n in used:
        # Where the number went: its ward, and the sheet it was pre-printed on.
        where = []
        if n["ward"]:
            where.append(f"{w.with_sep(' ').pick(n.get('ward_name') or {})} ({n['ward']})")
        if n.get("sheet"):
            where.append(f"{w.with_sep(' ').gettext('Serial')} {n['sheet']}")
        rows.append(
            [
                str(n["number"]),
                Paragraph(_esc(" · ".join(where) or "—"), st["cell"]),
                f"{when(n.get('issued_at'))}\n{n.get('issued_by') or ''}",
                f"{when(n.get('status_at'))}\n{n.get('status_by') or ''}",
                "",
            ]
        )
    out.append(
        grid_table(
            rows,
            [30 * mm, 40 * mm, 34 * mm, 34 * mm, 36 * mm],
            font,
            [("FONT", (0, 1), (-1, -1), font, 7.5)],
        )
    )
    return out


def _old_numbers_section(
    sheets: Sequence[Mapping[str, Any]], st: Mapping[str, ParagraphStyle], font: str, w: Words
) -> list[Flowable]:
    """Registration sheets printed with their own numbers (DT-…, before the numbers were
    issued in ranges): the numbers each carries, tracked with the sheet's back-entry."""
    head = w.with_sep("\n")
    rows: list[list[Any]] = [
        [
            head.gettext("Serial"),
            head.gettext("Pre-printed temporary patient numbers"),
            head.gettext("Status"),
        ]
    ]
    for sheet in sheets:
        numbers = old_sheet_numbers(str(sheet["serial"]))
        rows.append(
            [
                str(sheet["serial"]),
                f"{numbers[0]} … {numbers[-1]}",
                _status(head, str(sheet["status"])),
            ]
        )
    return [
        Paragraph(_esc(w.gettext("Numbers pre-printed on older registration sheets")), st["h2"]),
        Paragraph(
            _esc(
                w.with_sep(" · ").gettext(
                    "These registration sheets (version 2 and older) carry their own temporary "
                    "patient number in each row (DT-serial-row). Each patient's MRN goes in the "
                    "row's last column; the numbers are merged when the sheet is back-entered."
                )
            ),
            st["cell"],
        ),
        Spacer(1, 2 * mm),
        grid_table(
            rows, [30 * mm, 100 * mm, 44 * mm], font, [("FONT", (0, 1), (-1, -1), font, 7.5)]
        ),
    ]
