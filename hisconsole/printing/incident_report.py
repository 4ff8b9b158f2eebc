"""Incident reports as PDF: initial and follow-up (a short CAN summary) and the final report.

Pure rendering: the caller passes the incident as ``services.incidents.show``
returns it, plus the plan's levels and names; nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text_colour_on
from hisconsole.domain.roster import ROLE_NAMES
from hisconsole.i18n import N_, Language, PrintLanguage, Words, current_language
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.common import document_setup, numbered_canvas
from hisconsole.printing.fonts import register_fonts
from hisconsole.printing.words import REPORT_TITLES, RESTORED_AT_RESOLUTION, SYSTEM_STATES

TITLES, STATUS = REPORT_TITLES, SYSTEM_STATES
#: "Actions taken" (initial and follow-up reports): the last ACTIONS_SHOWN log entries of
#: these kinds, all these reports show of the log (the final report prints all of it).
ACTION_KINDS = (*glossary.WRITTEN_LOG_KINDS, glossary.LOG_LEVEL, glossary.LOG_STATUS)
ACTIONS_SHOWN = 12
STATUS_COLOURS = {"up": "#2E7D32", "degraded": "#F9A825", "down": "#C62828", "na": "#9E9E9E"}


def _time(value: str | None, tz: dt.tzinfo | None, lang: Language) -> str:
    return format_datetime(value, lang, tz=tz) or "—"


def _styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "h1": ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=3
        ),
        "banner": ParagraphStyle(
            "banner", parent=base, fontSize=12, leading=16, textColor=colors.white
        ),
    }


def _lines(text: str) -> str:
    """A text of several lines (one per language) as a paragraph's markup."""
    return _esc(text).replace("\n", "<br/>")


def _table(rows: list[list[Any]], widths: Sequence[float], font: str) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#ECEFF1")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#90A4AE")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


class DowntimeChart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Each system's status over the incident, as coloured bars on a time axis."""

    def __init__(
        self,
        spans: Mapping[str, list[tuple[dt.datetime, dt.datetime, str]]],
        start: dt.datetime,
        end: dt.datetime,
        tz: dt.tzinfo | None,
        font: str,
    ) -> None:
        super().__init__()
        self.spans, self.start, self.end, self.tz, self.font = spans, start, end, tz, font
        self.width = 170 * mm
        self.height = (len(spans) + 1) * 7 * mm + 6 * mm

    def draw(self) -> None:
        canvas = self.canv
        label_w = 22 * mm
        plot_w = self.width - label_w - 4 * mm
        total = max((self.end - self.start).total_seconds(), 60.0)
        canvas.setFont(self.font, 8)
        for row, (system, spans) in enumerate(self.spans.items()):
            y = self.height - (row + 1) * 7 * mm
            canvas.setFillColor(colors.black)
            canvas.drawString(0, y + 1.5 * mm, system)
            for begin, finish, status in spans:
                x0 = label_w + plot_w * (begin - self.start).total_seconds() / total
                x1 = label_w + plot_w * (finish - self.start).total_seconds() / total
                canvas.setFillColor(colors.HexColor(STATUS_COLOURS.get(status, "#9E9E9E")))
                canvas.rect(x0, y, max(x1 - x0, 0.6), 5 * mm, stroke=0, fill=1)
        axis_y = 5 * mm
        canvas.setFillColor(colors.black)
        canvas.setLineWidth(0.5)
        canvas.line(label_w, axis_y, label_w + plot_w, axis_y)
        canvas.setFont(self.font, 7)
        for i in range(5):
            moment = self.start + (self.end - self.start) * i / 4
            x = label_w + plot_w * i / 4
            canvas.line(x, axis_y - 1 * mm, x, axis_y)
            canvas.drawCentredString(x, 0, moment.astimezone(self.tz).strftime("%H:%M"))


def status_spans(
    incident: Mapping[str, Any], end: dt.datetime
) -> dict[str, list[tuple[dt.datetime, dt.datetime, str]]]:
    """Per system: (from, to, status) spans, from the log's status entries."""
    changes: dict[str, list[tuple[dt.datetime, str]]] = {}
    for entry in incident["log"]:
        if entry["kind"] == "declared":
            for system in entry["data"].get("systems", []):
                changes.setdefault(system, []).append(
                    (dt.datetime.fromisoformat(entry["data"]["reported_at"]), "down")
                )
        elif entry["kind"] == "status" and entry["system"]:
            changes.setdefault(entry["system"], []).append(
                (dt.datetime.fromisoformat(entry["at"]), entry["data"]["status"])
            )
    spans: dict[str, list[tuple[dt.datetime, dt.datetime, str]]] = {}
    for system, points in changes.items():
        points.sort()
        spans[system] = [
            (at, points[i + 1][0] if i + 1 < len(points) else end, status)
            for i, (at, status) in enumerate(points)
        ]
    return spans


def judgement(clock: Mapping[str, Any], w: Words) -> str:
    """A reporting clock judged by the plan's rule, in the hospital's words."""
    state = clock["state"]
    if state == rules.STATE_ON_TIME:
        return w.gettext("on time")
    if state == rules.STATE_LATE:
        late = rules.late_minutes(clock["late_seconds"])
        return w.gettext("late by {minutes} min").format(minutes=late)
    if state == rules.STATE_MISSED:
        return w.gettext("missed")
    if state == rules.STATE_RED:
        late = rules.late_minutes(-clock["remaining_seconds"])
        return w.gettext("not made, {minutes} min overdue").format(minutes=late)
    return w.gettext("not yet due")


def compliance_table(
    clocks: Sequence[Mapping[str, Any]], tz: dt.tzinfo | None, font: str, w: Words
) -> Table:
    """Each upward report owed: due, made, and on time / late by N min / missed.

    Clocks a level change or the resolution replaced before they fell due owed
    nothing and are left out."""
    rows: list[list[Any]] = [
        [w.gettext(t) for t in (N_("Report"), N_("Level"), N_("Due"), N_("Made"), N_("Result"))]
    ]
    for clock in clocks:
        if clock["state"] == rules.STATE_CANCELLED:
            continue
        rows.append(
            [
                w.gettext(TITLES[clock["kind"]]) if clock["kind"] in TITLES else clock["kind"],
                clock["level"],
                _time(clock["due_at"], tz, w.first),
                _time(clock["met_at"], tz, w.first) if clock["met_at"] else w.gettext("not made"),
                judgement(clock, w),
            ]
        )
    table = _table(rows, [45 * mm, 17 * mm, 28 * mm, 28 * mm, 52 * mm], font)
    for row, clock in enumerate((c for c in clocks if c["state"] != rules.STATE_CANCELLED), 1):
        if clock["state"] in (rules.STATE_LATE, rules.STATE_MISSED, rules.STATE_RED):
            table.setStyle([("TEXTCOLOR", (4, row), (4, row), colors.HexColor("#B71C1C"))])
    return table


def _comment(system: Mapping[str, Any], w: Words) -> str:
    """A system's comment; the one the console wrote itself at resolution in words."""
    comment = str(system["comment"] or "")
    if comment == RESTORED_AT_RESOLUTION:
        comment = w.gettext(RESTORED_AT_RESOLUTION)
    return comment + (f" ({system['estimate']})" if system["estimate"] else "")


def _banner_text(incident: Mapping[str, Any], level: Mapping[str, Any], w: Words) -> str:
    def said() -> str:
        lang = current_language()
        return _("Level {level} {name} ({colour})").format(
            level=incident["level"],
            name=level["name"].get(lang) or level["name"].get("zh", ""),
            colour=level["colour_name"].get(lang) or level["colour_name"].get("zh", ""),
        )

    text = w.each(said)
    if incident["exercise"]:
        text = w.gettext("EXERCISE") + " — " + text
    return text


def render_report(
    incident: Mapping[str, Any],
    *,
    kind: str,
    levels: Mapping[str, Mapping[str, Any]],
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    describe: Any,
    out: BinaryIO,
    checklist: Sequence[Mapping[str, Any]] = (),
    messages: Sequence[Mapping[str, Any]] = (),
    roster: Mapping[str, Any] | None = None,
    lang: PrintLanguage = "both",
) -> int:
    """Write the report PDF to ``out`` in ``lang`` (zh, en, or both: Chinese then English);
    returns the number of pages.

    ``describe(entry) -> str`` words one activity-log entry in the current language
    (the CLI's wording); it is called once per language shown.
    """
    if kind not in glossary.REPORT_KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    w = Words(lang, sep=" ")
    heading = w.with_sep(" / ")
    stacked = w.with_sep("\n")
    first = w.first
    font = register_fonts()
    st = _styles()
    tz = printed_at.tzinfo
    level = levels[incident["level"]]
    exercise = bool(incident["exercise"])
    story: list[Flowable] = []
    title = TITLES[kind]
    story.append(Paragraph(_esc(heading.gettext(title)), st["h1"]))
    story.append(Paragraph(f"{_esc(heading.pick(hospital))} — {incident['id']}", st["base"]))
    banner_style = ParagraphStyle(
        "banner_level",
        parent=st["banner"],
        textColor=colors.HexColor(text_colour_on(level["colour_hex"])),
    )
    banner_text = _banner_text(incident, level, heading)
    banner = Table([[Paragraph(_esc(banner_text), banner_style)]], colWidths=[170 * mm])
    banner.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 12),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(level["colour_hex"])),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story += [Spacer(1, 3 * mm), banner, Spacer(1, 3 * mm)]
    facts = [
        [w.gettext("Incident"), Paragraph(_esc(incident["title"]), st["base"])],
        [w.gettext("Status"), w.pgettext("incident status", incident["status"])],
        [w.gettext("Reported"), _time(incident["reported_at"], tz, first)],
        [
            w.gettext("Declared"),
            f"{_time(incident['declared_at'], tz, first)} — {incident['declared_by']}",
        ],
        [w.gettext("Resolved"), _time(incident.get("resolved_at"), tz, first)],
    ]
    facts_table = Table(facts, colWidths=[40 * mm, 130 * mm])
    facts_table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(facts_table)

    story.append(Paragraph(_esc(heading.gettext("Situation: systems")), st["h2"]))
    rows: list[list[Any]] = [
        [w.gettext(t) for t in (N_("System"), N_("Status"), N_("Since"), N_("Comment"))]
    ]
    for system in incident["systems"]:
        status = system["status"]
        rows.append(
            [
                Paragraph(f"{system['code']} {_esc(w.pick(system['name']))}", st["small"]),
                Paragraph(
                    _esc(w.gettext(STATUS[status]) if status in STATUS else status), st["small"]
                ),
                _time(system["since"], tz, first),
                Paragraph(_esc(_comment(system, w)), st["small"]),
            ]
        )
    story.append(_table(rows, [45 * mm, 40 * mm, 30 * mm, 55 * mm], font))
    story.append(Paragraph(_esc(heading.gettext("Reporting compliance")), st["h2"]))
    story.append(compliance_table(incident["clocks"], tz, font, w))
    if roster is not None:
        # Who is in command (as HICS 207); the final report lists every shift (HICS 203).
        story.append(Paragraph(_esc(heading.pgettext("roster", "Command roster")), st["h2"]))
        posts = [
            [
                w.pgettext("roster", "Post"),
                w.pgettext("roster", "Person"),
                w.pgettext("roster", "Since"),
            ]
        ]
        posts += [
            [
                w.pick(ROLE_NAMES.get(p["role"], {"zh": p["role"], "en": p["role"]})),
                p["person"] or "—",
                _time(p["since"], tz, first),
            ]
            for p in roster["posts"]
        ]
        story.append(_table(posts, [60 * mm, 55 * mm, 55 * mm], font))
        if kind == "final" and roster["history"]:
            story.append(Paragraph(_esc(heading.pgettext("roster", "Shifts")), st["h2"]))
            shifts = [
                [
                    w.pgettext("roster", "Post"),
                    w.pgettext("roster", "Person"),
                    w.pgettext("roster", "From"),
                    w.pgettext("roster", "Until"),
                ]
            ]
            shifts += [
                [
                    w.pick(ROLE_NAMES.get(h["role"], {"zh": h["role"], "en": h["role"]})),
                    h["person"],
                    _time(h["signed_in_at"], tz, first),
                    _time(h["signed_out_at"], tz, first),
                ]
                for h in roster["history"]
            ]
            story.append(_table(shifts, [45 * mm, 45 * mm, 40 * mm, 40 * mm], font))

    entries = incident["log"]
    if kind != "final":
        story.append(Paragraph(_esc(heading.gettext("Actions taken")), st["h2"]))
        actions = [e for e in entries if e["kind"] in ACTION_KINDS]
        for entry in actions[-ACTIONS_SHOWN:]:
            said = stacked.each(partial(describe, entry))
            story.append(Paragraph(f"{_time(entry['at'], tz, first)} {_lines(said)}", st["base"]))
        needs = [m for m in messages if m["reply_required"] and not m["reply"]]
        open_steps = [c for c in checklist if not c["done"]]
        story.append(Paragraph(_esc(heading.gettext("Needs")), st["h2"]))
        if not needs and not open_steps:
            story.append(Paragraph("—", st["base"]))
        for message in needs:
            story.append(
                Paragraph(f"{_esc(message['recipient'])}: {_esc(message['text'])}", st["base"])
            )
        if open_steps:
            story.append(
                Paragraph(
                    _esc(w.gettext("Open checklist steps")) + f": {len(open_steps)}", st["base"]
                )
            )
    else:
        end = (
            dt.datetime.fromisoformat(incident["resolved_at"])
            if incident.get("resolved_at")
            else printed_at
        )
        start = dt.datetime.fromisoformat(incident["reported_at"])
        spans = status_spans(incident, end)
        if spans:
            story.append(Paragraph(_esc(heading.gettext("System downtime over time")), st["h2"]))
            story.append(DowntimeChart(spans, start, end, tz, font))
            legend = w.each(
                lambda: _("red = {down}; yellow = {degraded}; green = {up}").format(
                    **{code: _(STATUS[code]) for code in ("down", "degraded", "up")}
                )
            )
            story.append(Paragraph(_esc(legend), st["small"]))
        story.append(Paragraph(_esc(heading.gettext("Activity log")), st["h2"]))
        log_rows: list[list[Any]] = [[w.gettext(t) for t in (N_("Time"), N_("By"), N_("Entry"))]]
        for entry in entries:
            log_rows.append(
                [
                    _time(entry["at"], tz, first),
                    Paragraph(_esc(entry["by"]), st["small"]),
                    Paragraph(_lines(stacked.each(partial(describe, entry))), st["small"]),
                ]
            )
        story.append(_table(log_rows, [30 * mm, 30 * mm, 110 * mm], font))

    stamp = format_datetime(printed_at, first, tz=tz)
    watermark = w.gettext("EXERCISE")

    def furniture(canvas: Any, _doc: Any) -> None:
        if not exercise:
            return
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.8, 0, 0, alpha=0.18))
        canvas.setFont(font, 64)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, watermark)
        canvas.restoreState()

    footer = f"{incident['id']} · {w.gettext(title)} · " + w.gettext("printed") + f" {stamp}"
    doc = SimpleDocTemplate(out, **document_setup(f"{incident['id']} {w.gettext(title)}"))
    doc.build(
        story,
        onFirstPage=furniture,
        onLaterPages=furniture,
        canvasmaker=numbered_canvas(footer, lang=lang),
    )
    return int(doc.page)
