"""A drill's score card and an after-action review (总结评估) as PDF, in Chinese, English
or both.

Pure rendering: the caller passes the score card as ``services.drills.score`` makes it
and the review as ``services.review`` reads it; nothing here reads the database. Every
text is drawn with the embedded CJK font.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from hisconsole.i18n import PrintLanguage, Words
from hisconsole.i18n.formats import format_date, format_datetime
from hisconsole.printing.common import document_setup, numbered_canvas
from hisconsole.printing.common import grid_table as _table
from hisconsole.printing.fonts import register_fonts

ALERT = colors.HexColor("#B71C1C")
AMBER = colors.HexColor("#E65100")
GOOD = colors.HexColor("#1B5E20")
WIDTH = 174 * mm

# Every word below comes from the catalogue under the context "drill" (a score card's
# "Due" is a drill minute, a review's a date: the same English, other Chinese).


def _result(w: Words, code: str) -> str:
    """An objective's result as a word."""
    return {
        "met": w.pgettext("drill", "Met"),
        "partly": w.pgettext("drill", "Partly met"),
        "not-met": w.pgettext("drill", "Not met"),
    }.get(code, code)


def _state(w: Words, code: str) -> str:
    """A reporting clock's or an inject's state as a word."""
    return {
        "on-time": w.pgettext("drill", "on time"),
        "late": w.pgettext("drill", "late"),
        "missed": w.pgettext("drill", "missed"),
        "open": w.pgettext("drill", "not yet due"),
        "cancelled": w.pgettext("drill", "not owed"),
        "delivered": w.pgettext("drill", "arrived"),
        "pending": w.pgettext("drill", "did not arrive"),
        "skipped": w.pgettext("drill", "skipped"),
        "waiting-incident": w.pgettext("drill", "did not arrive (no incident)"),
        "waiting-callout": w.pgettext("drill", "did not arrive (no call-out)"),
    }.get(code, code)


def _report(w: Words, kind: str) -> str:
    """An upward report's kind (a reporting clock's) as a word."""
    return {
        "initial": w.pgettext("drill", "Initial report"),
        "followup": w.pgettext("drill", "Follow-up report"),
        "final": w.pgettext("drill", "Final report"),
        "level-change": w.pgettext("drill", "Level change report"),
    }.get(kind, kind)


def _inject_kind(w: Words, kind: str) -> str:
    return {
        "report": w.pgettext("drill inject", "report"),
        "message": w.pgettext("drill inject", "message"),
        "status": w.pgettext("drill inject", "system status"),
        "callout": w.pgettext("drill inject", "call-out"),
    }.get(kind, kind)


def _minutes(w: Words, value: float | None) -> str:
    """Minutes with their unit; a dash when there is no figure."""
    if value is None:
        return "—"
    return w.pgettext("drill", "{minutes} min").format(minutes=f"{value:g}")


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "h1": ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "mark": ParagraphStyle("mark", parent=base, fontSize=11, leading=15, textColor=ALERT),
    }


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _when(w: Words, value: str | None, tz: dt.tzinfo | None) -> str:
    return format_datetime(value, w.first, tz=tz) if value else "—"


RESULT_COLOURS = {"met": GOOD, "partly": AMBER, "not-met": ALERT}


def render_score_card(
    card: Mapping[str, Any],
    *,
    lang: PrintLanguage,
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
) -> None:
    """Write a drill's score card (as ``services.drills.score.score_card`` makes it) in
    ``lang`` (zh, en, or both, Chinese first)."""
    font = register_fonts()
    st = _styles(font)
    w = Words(lang)
    tz = printed_at.tzinfo
    title = w.pgettext("drill", "Drill score card")
    story: list[Flowable] = [
        Paragraph(_esc(title), st["h1"]),
        Paragraph(_esc(w.gettext("EXERCISE — not a real incident")), st["mark"]),
        Paragraph(_esc(w.pick(hospital)), st["base"]),
        Spacer(1, 3 * mm),
    ]
    facts = [
        [w.pgettext("drill", "Drill"), f"{card['drill']} · {w.pick(card['name'])}"],
        [w.pgettext("drill", "Playbook"), str(card.get("playbook") or "")],
        [
            w.pgettext("drill", "Drill calendar entry"),
            card.get("calendar") or w.pgettext("drill", "none"),
        ],
        [
            w.pgettext("drill", "Incident"),
            card.get("incident") or w.pgettext("drill", "not declared"),
        ],
        [w.pgettext("drill", "Speed"), f"×{card['speed']}"],
        [w.pgettext("drill", "Started"), _when(w, card["started_at"], tz)],
        [w.pgettext("drill", "Ended"), _when(w, card.get("ended_at"), tz)],
        [w.pgettext("drill", "Drill length"), _minutes(w, card.get("drill_minutes"))],
    ]
    story.append(
        _table(
            [[Paragraph(_esc(a), st["cell"]), Paragraph(_esc(b), st["cell"])] for a, b in facts],
            [40 * mm, WIDTH - 40 * mm],
            font,
            [("BACKGROUND", (0, 0), (-1, 0), colors.white)],
        )
    )
    summary = card["summary"]
    story.append(Paragraph(_esc(w.pgettext("drill", "Objectives")), st["h2"]))
    said = w.pgettext("drill", "Summary: met {met} · partly met {partly} · not met {not_met}")
    story.append(Paragraph(_esc(said.format(**summary)), st["base"]))
    head = w.with_sep("\n")
    rows: list[list[Any]] = [
        [
            head.pgettext("drill", "Objective"),
            head.pgettext("drill", "Result"),
            head.pgettext("drill", "Measured"),
        ]
    ]
    styles: list[Any] = []
    for index, objective in enumerate(card["objectives"], start=1):
        measured = objective["measured"]
        figure = (
            _minutes(w, measured)
            if objective["unit"] == "min"
            else f"{_num(measured)} %"
            if objective["unit"] == "%" and measured is not None
            else _num(measured)
        )
        rows.append(
            [
                Paragraph(_esc(w.pick(objective["name"])), st["cell"]),
                Paragraph(_esc(_result(w, objective["result"])), st["cell"]),
                figure,
            ]
        )
        styles.append(
            ("TEXTCOLOR", (1, index), (1, index), RESULT_COLOURS.get(objective["result"], ALERT))
        )
    story.append(_table(rows, [110 * mm, 32 * mm, 32 * mm], font, styles))
    note = w.pgettext(
        "drill",
        "All times are drill minutes from the drill's start (pauses excluded, scaled by speed).",
    )
    story.append(Paragraph(_esc(note), st["cell"]))

    story.append(Paragraph(_esc(w.pgettext("drill", "Reporting clocks")), st["h2"]))
    rows = [
        [
            head.pgettext("drill", "Report"),
            head.pgettext("drill", "Level"),
            head.pgettext("drill", "Due (drill min)"),
            head.pgettext("drill", "Made (drill min)"),
            head.pgettext("drill", "Judged"),
        ]
    ]
    for clock in card["clocks"]:
        state = _state(w, clock["state"])
        if clock["state"] == "late":
            state += " +" + _minutes(w, clock["late_minutes"])
        rows.append(
            [
                Paragraph(_esc(_report(w, clock["kind"])), st["cell"]),
                clock["level"],
                _num(clock["due_minutes"]),
                _num(clock["made_minutes"]),
                Paragraph(_esc(state), st["cell"]),
            ]
        )
    story.append(_table(rows, [40 * mm, 20 * mm, 38 * mm, 38 * mm, 38 * mm], font))

    callout = card.get("callout")
    story.append(Paragraph(_esc(w.pgettext("drill", "Call-out")), st["h2"]))
    if callout:
        rows = [[head.pgettext("drill", "Person"), head.pgettext("drill", "Reached (min)")]]
        for person in callout["people"]:
            reached = person["reached_minutes"]
            rows.append(
                [
                    Paragraph(_esc(f"{person['path']}  {w.pick(person['name'])}"), st["cell"]),
                    _num(reached) if reached is not None else w.pgettext("drill", "not reached"),
                ]
            )
        story.append(_table(rows, [120 * mm, 54 * mm], font))
    else:
        story.append(Paragraph(_esc(w.pgettext("drill", "none")), st["base"]))

    checklist = card["checklist"]
    forms = card["forms"]
    story.append(Paragraph(_esc(w.pgettext("drill", "Checklist")), st["h2"]))
    story.append(Paragraph(_esc(f"{checklist['done']} / {checklist['total']}"), st["base"]))
    story.append(Paragraph(_esc(w.pgettext("drill", "Paper forms")), st["h2"]))
    said = w.pgettext(
        "drill",
        "issued {issued} · back-entered {entered} · void {void} · outstanding {outstanding}",
    )
    story.append(Paragraph(_esc(said.format(**forms)), st["base"]))
    if forms["departments"]:
        rows = [
            [
                head.pgettext("drill", "Ward / department"),
                head.pgettext("drill", "Sheets"),
                head.pgettext("drill", "First issued (drill min)"),
            ]
        ]
        for dept in forms["departments"]:
            rows.append(
                [dept["department"] or "—", str(dept["sheets"]), _num(dept["first_minutes"])]
            )
        story.append(_table(rows, [80 * mm, 30 * mm, 64 * mm], font))

    story.append(Paragraph(_esc(w.pgettext("drill", "Injects")), st["h2"]))
    rows = [
        [
            head.pgettext("drill", "Inject"),
            head.pgettext("drill", "Planned (min)"),
            head.pgettext("drill", "Arrived (min)"),
            head.pgettext("drill", "Judged"),
        ]
    ]
    for inject in card["injects"]:
        rows.append(
            [
                Paragraph(
                    _esc(f"{inject['code']} ({_inject_kind(w, inject['kind'])})"), st["cell"]
                ),
                _num(inject["at_minutes"]),
                _num(inject["arrived_minutes"]),
                Paragraph(_esc(_state(w, inject["state"])), st["cell"]),
            ]
        )
    story.append(_table(rows, [74 * mm, 30 * mm, 30 * mm, 40 * mm], font))
    _build(story, out, f"{title} {card['drill']}", printed_at, w)


def _build(
    story: list[Flowable], out: BinaryIO, title: str, printed_at: dt.datetime, w: Words
) -> None:
    printed = w.with_sep(" ").pgettext("drill", "Printed")
    footer = f"{title} · {printed} {format_datetime(printed_at, w.first, tz=printed_at.tzinfo)}"
    doc = SimpleDocTemplate(out, **document_setup(title))
    doc.build(story, canvasmaker=numbered_canvas(footer, w.lang))


def render_review(
    review: Mapping[str, Any],
    incident: Mapping[str, Any],
    *,
    lang: PrintLanguage,
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
    plan_sections: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Write the after-action review (as ``services.review.review`` reads it) of
    ``incident`` (its summary) in ``lang``: timings, went well / badly, improvement items."""
    font = register_fonts()
    st = _styles(font)
    w = Words(lang)
    head = w.with_sep("\n")
    label = w.with_sep(" ")
    tz = printed_at.tzinfo
    title = w.pgettext("drill", "After-action review")
    story: list[Flowable] = [Paragraph(_esc(title), st["h1"])]
    if incident.get("exercise"):
        story.append(Paragraph(_esc(w.gettext("EXERCISE — not a real incident")), st["mark"]))
    incident_line = (
        label.pgettext("drill", "Incident") + f": {incident['id']} · {incident['title']}"
    )
    story += [
        Paragraph(_esc(w.pick(hospital)), st["base"]),
        Paragraph(_esc(incident_line), st["base"]),
        Paragraph(_esc(label.pgettext("drill", "Level") + f": {incident['level']}"), st["base"]),
        Paragraph(_esc(w.pgettext("drill", "Timings")), st["h2"]),
    ]
    if review.get("drill"):
        said = w.pgettext(
            "drill",
            "Drill {drill}: times are on the drill's clock (its start plus drill minutes; pauses "
            "excluded, scaled by speed).",
        )
        story.append(Paragraph(_esc(said.format(drill=review["drill"])), st["cell"]))
    rows: list[list[Any]] = [
        [
            head.pgettext("drill", "Milestone"),
            head.pgettext("drill", "Time"),
            head.pgettext("drill", "Minutes from detection"),
            head.pgettext("drill", "Judged"),
        ]
    ]
    for point in review["timings"]:
        clock = point.get("clock")
        state = ""
        if clock:
            state = _state(w, clock["state"])
            if clock["state"] == "late":
                state += " +" + _minutes(w, max(1, round(clock["late_seconds"] / 60)))
        rows.append(
            [
                Paragraph(_esc(_milestone(point["milestone"], w)), st["cell"]),
                _when(w, point["at"], tz),
                _num(point["minutes"]),
                Paragraph(_esc(state), st["cell"]),
            ]
        )
    story.append(_table(rows, [62 * mm, 40 * mm, 36 * mm, 36 * mm], font))
    for heading, key in (
        (w.pgettext("drill", "What went well"), "went_well"),
        (w.pgettext("drill", "What went badly"), "went_badly"),
    ):
        story.append(Paragraph(_esc(heading), st["h2"]))
        text = review.get(key) or w.pgettext("drill", "(not written)")
        for line in text.splitlines() or [text]:
            story.append(Paragraph(_esc(line), st["base"]))
    story.append(Paragraph(_esc(w.pgettext("drill", "Improvement items")), st["h2"]))
    if review["improvements"]:
        rows = [
            [
                head.pgettext("drill", "Item"),
                head.pgettext("drill", "Owner"),
                head.pgettext("drill", "Due date"),
                head.pgettext("drill", "Plan section"),
                head.pgettext("drill", "Done"),
            ]
        ]
        for item in review["improvements"]:
            section = item["plan_section"] or "—"
            if plan_sections and item["plan_section"] in plan_sections:
                section = f"{section} {w.pick(plan_sections[item['plan_section']])}"
            done = w.pgettext("drill", "done") if item["done"] else w.pgettext("drill", "open")
            rows.append(
                [
                    Paragraph(_esc(item["text"]), st["cell"]),
                    Paragraph(_esc(item["owner"]), st["cell"]),
                    format_date(item["due"], w.first),
                    Paragraph(_esc(section), st["cell"]),
                    Paragraph(_esc(done), st["cell"]),
                ]
            )
        story.append(_table(rows, [62 * mm, 28 * mm, 24 * mm, 40 * mm, 20 * mm], font))
    else:
        story.append(Paragraph(_esc(w.pgettext("drill", "none")), st["base"]))
    _build(story, out, f"{title} {incident['id']}", printed_at, w)


def _milestone(name: str, w: Words) -> str:
    """A review milestone ("detected", "initial report", "HIS restored") in words."""
    if name.endswith(" report"):
        return _report(w, name[: -len(" report")])
    if name.endswith(" restored"):
        system = name[: -len(" restored")]
        return w.pgettext("drill", "{system} restored").format(system=system)
    return {
        "detected": w.pgettext("drill", "Detected"),
        "declared": w.pgettext("drill", "Declared"),
        "resolved": w.pgettext("drill", "Resolved"),
        "closed": w.pgettext("drill", "Closed"),
    }.get(name, name)
