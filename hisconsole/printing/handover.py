"""The shift handover sheet (交接班记录) as PDF: what the next commander takes over.

Pure rendering: the caller passes the sheet as ``services.handover.sheet`` makes it;
nothing here reads the database. Headings and fixed words come from the catalogue (context
"handover") in Chinese, English or both (``i18n.Words``); the texts people typed print as typed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hisconsole.domain.contacts import GROUP_NAMES
from hisconsole.domain.roster import ROLE_NAMES
from hisconsole.i18n import PrintLanguage, Words
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.common import document_setup, numbered_canvas
from hisconsole.printing.fonts import register_fonts
from hisconsole.printing.words import RESTORED_AT_RESOLUTION

WIDTH = 174 * mm
HEADER_TINT = colors.HexColor("#ECEFF1")
RULE = colors.HexColor("#90A4AE")
ALERT = colors.HexColor("#B71C1C")


class _Sheet:
    """Builds the sheet's flowables in one language setting."""

    def __init__(self, content: dict[str, Any], lang: PrintLanguage) -> None:
        self.c = content
        self.w = Words(lang)
        font = register_fonts()
        base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12)
        self.styles = {
            "base": base,
            "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
            "h1": ParagraphStyle("h1", parent=base, fontSize=16, leading=21, spaceAfter=2),
            "h2": ParagraphStyle(
                "h2", parent=base, fontSize=11.5, leading=15, spaceBefore=9, spaceAfter=3
            ),
            "none": ParagraphStyle("none", parent=base, textColor=colors.HexColor("#555555")),
        }
        self.story: list[Any] = []

    def _time(self, value: str | None) -> str:
        """A moment in local time as the sheet's (first) language writes it."""
        return format_datetime(value, self.w.first) if value else "—"

    def p(self, text: str, style: str = "cell") -> Paragraph:
        return Paragraph(text, self.styles[style])

    def heading(self, text: str) -> None:
        self.story.append(self.p(_esc(text), "h2"))

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        red_rows: Sequence[int] = (),
    ) -> None:
        if not rows:
            self.story.append(self.p(_esc(self.w.pgettext("handover", "None.")), "none"))
            return
        data = [[self.p(f"<b>{_esc(h)}</b>") for h in header]]
        data += [[self.p(_esc(cell)) for cell in row] for row in rows]
        table = Table(data, colWidths=[WIDTH * f for f in widths], repeatRows=1)
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_TINT),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        style += [("TEXTCOLOR", (0, r + 1), (-1, r + 1), ALERT) for r in red_rows]
        table.setStyle(TableStyle(style))
        self.story.append(table)

    # -- the parts ---------------------------------------------------------------------------

    def head(self) -> None:
        w, c, inc = self.w, self.c, self.c["incident"]
        title = w.pgettext("handover", "Shift handover")
        if inc.get("exercise"):
            title += "  [" + w.pgettext("handover", "EXERCISE") + "]"
        self.story.append(self.p(_esc(title), "h1"))
        self.story.append(
            self.p(
                _esc(
                    w.pgettext("handover", "{id} · level {level} — {title}").format(
                        id=inc["id"], level=inc["level"], title=inc["title"]
                    )
                ),
                "base",
            )
        )
        period = c.get("period")
        previous = c.get("previous")
        if previous is None:
            before = w.pgettext("handover", "none (this is the first handover)")
        elif previous.get("acknowledged_by"):
            before = w.pgettext(
                "handover", "{handover} made {made} by {by}; acknowledged by {ack} at {at}"
            ).format(
                handover=previous["handover"],
                made=self._time(previous["prepared_at"]),
                by=previous["prepared_by"],
                ack=previous["acknowledged_by"],
                at=self._time(previous["acknowledged_at"]),
            )
        else:
            before = w.pgettext(
                "handover", "{handover} made {made} by {by}; NOT acknowledged"
            ).format(
                handover=previous["handover"],
                made=self._time(previous["prepared_at"]),
                by=previous["prepared_by"],
            )
        rows = [
            (w.pgettext("handover", "Sheet"), c.get("handover") or "—"),
            (
                w.pgettext("handover", "Made"),
                f"{self._time(c['prepared_at'])} · {c['prepared_by']}",
            ),
            (w.pgettext("handover", "Outgoing commander"), c.get("outgoing") or "—"),
            (w.pgettext("handover", "Incoming commander (on duty next)"), c.get("incoming") or "—"),
            (
                w.pgettext("handover", "Operational period"),
                w.pgettext("handover", "{number}, until {end}").format(
                    number=period["number"], end=self._time(period["ends_at"])
                )
                if period
                else "—",
            ),
            (w.pgettext("handover", "Previous handover"), before),
        ]
        table = Table(
            [[self.p(f"<b>{_esc(k)}</b>"), self.p(_esc(v))] for k, v in rows],
            colWidths=[WIDTH * 0.3, WIDTH * 0.7],
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), HEADER_TINT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story += [Spacer(1, 4 * mm), table]

    def body(self) -> None:
        w, c = self.w, self.c
        self.heading(w.pgettext("handover", "Open alerts"))
        self.table(
            [w.pgettext("handover", "Since"), w.pgettext("handover", "Alert")],
            [(self._time(a["since"]), w.pick(a["text"])) for a in c["alerts"]],
            (0.2, 0.8),
            red_rows=[i for i, a in enumerate(c["alerts"]) if a["severity"] == "urgent"],
        )
        self.heading(w.pgettext("handover", "Reporting clocks"))
        self.table(
            [
                w.pgettext("handover", "Report"),
                w.pgettext("handover", "Level"),
                w.pgettext("handover", "Due"),
            ],
            [
                (w.pgettext("report kind", k["kind"]), k["level"], self._time(k["due_at"]))
                for k in c["clocks"]
            ],
            (0.4, 0.2, 0.4),
        )
        self.heading(w.pgettext("handover", "Systems"))
        self.table(
            [
                w.pgettext("handover", "System"),
                w.pgettext("handover", "Status"),
                w.pgettext("handover", "Since"),
                w.pgettext("handover", "Estimate"),
            ],
            [
                (
                    s["code"],
                    w.pgettext("system status", s["status"]),
                    self._time(s["since"]),
                    s["estimate"] or _comment(w, s["comment"]),
                )
                for s in c["systems"]
            ],
            (0.18, 0.2, 0.24, 0.38),
            red_rows=[i for i, s in enumerate(c["systems"]) if s["status"] == "down"],
        )
        self.heading(w.pgettext("handover", "Open tasks"))
        self.table(
            [
                w.pgettext("handover", "Task"),
                w.pgettext("handover", "What"),
                w.pgettext("handover", "Owner"),
                w.pgettext("handover", "Due"),
            ],
            [
                (
                    t["task"],
                    t["text"],
                    t["owner"],
                    self._time(t["due_at"])
                    + (" " + w.pgettext("handover", "OVERDUE") if t["overdue"] else ""),
                )
                for t in c["tasks"]
            ],
            (0.16, 0.46, 0.16, 0.22),
            red_rows=[i for i, t in enumerate(c["tasks"]) if t["overdue"]],
        )
        period = c.get("period")
        if period:
            self.heading(w.pgettext("handover", "Objectives of the period not yet met"))
            self.table(
                [w.pgettext("handover", "Objective"), w.pgettext("handover", "Set in period")],
                [(o["text"], str(o["set_in"])) for o in period["objectives"] if not o["done"]],
                (0.8, 0.2),
            )
        self.heading(
            w.pgettext("handover", "Open checklist steps ({done} done)").format(
                done=c["checklist_done"]
            )
        )
        self.table(
            [
                w.pgettext("handover", "Group"),
                w.pgettext("handover", "Step"),
                w.pgettext("handover", "Assigned to"),
            ],
            [
                (w.pick(GROUP_NAMES.get(s["group"], s["group"])), w.pick(s["text"]), s["assignee"])
                for s in c["checklist"]
            ],
            (0.2, 0.6, 0.2),
        )
        self.heading(w.pgettext("handover", "Messages awaiting a reply"))
        self.table(
            [
                w.pgettext("handover", "Time"),
                w.pgettext("handover", "From"),
                w.pgettext("handover", "To"),
                w.pgettext("handover", "Message"),
            ],
            [(self._time(m["at"]), m["sender"], m["recipient"], m["text"]) for m in c["messages"]],
            (0.18, 0.16, 0.16, 0.5),
        )
        self.heading(w.pgettext("handover", "Call-out"))
        self.table(
            [
                w.pgettext("handover", "Call tree"),
                w.pgettext("handover", "Reached"),
                w.pgettext("handover", "Call next"),
            ],
            [
                (
                    w.pick(r["title"]) or r["tree"],
                    f"{r['reached']} / {r['total']}",
                    ", ".join(w.pick(n) for n in r["next"] if n),
                )
                for r in c["callouts"]
            ],
            (0.35, 0.15, 0.5),
        )
        self.heading(w.pgettext("handover", "Paper stock"))
        self.table(
            [
                w.pgettext("handover", "Form"),
                w.pgettext("handover", "On hand"),
                w.pgettext("handover", "Needed for 8 h"),
                w.pgettext("handover", "Used per hour"),
                w.pgettext("handover", "Runs out"),
            ],
            [
                (
                    w.pick(p["title"]),
                    "—" if p["on_hand"] is None else str(p["on_hand"]),
                    str(p["need_8h"]),
                    str(p["per_hour"]),
                    self._time(p["runs_out_at"]),
                )
                for p in c["paper"]
            ],
            (0.34, 0.14, 0.16, 0.14, 0.22),
            red_rows=[i for i, p in enumerate(c["paper"]) if p["low"] or p["running_out"]],
        )
        self.heading(
            w.pgettext("handover", "Forms outstanding (not yet entered back into the HIS)")
        )
        self.table(
            [
                w.pgettext("handover", "Form"),
                w.pgettext("handover", "Ward"),
                w.pgettext("handover", "Sheets"),
                w.pgettext("handover", "Oldest"),
            ],
            [
                (f["template"], f["department"], str(f["count"]), self._time(f["oldest_issued_at"]))
                for f in c["forms_outstanding"]
            ],
            (0.3, 0.3, 0.15, 0.25),
        )
        self.heading(w.pgettext("handover", "Command roster now"))
        self.table(
            [
                w.pgettext("handover", "Post"),
                w.pgettext("handover", "Person"),
                w.pgettext("handover", "Since"),
            ],
            [
                (
                    w.pick(ROLE_NAMES.get(r["role"], r["role"])),
                    r["person"] or "—",
                    self._time(r["since"]),
                )
                for r in c["roster"]
            ],
            (0.35, 0.35, 0.3),
        )
        self.story.append(Spacer(1, 8 * mm))
        signatures = Table(
            [
                [
                    self.p(_esc(w.pgettext("handover", "Handed over by (signature, time)"))),
                    self.p(_esc(w.pgettext("handover", "Taken over by (signature, time)"))),
                ],
                ["", ""],
            ],
            colWidths=[WIDTH / 2, WIDTH / 2],
            rowHeights=[None, 14 * mm],
        )
        signatures.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, RULE)]))
        self.story.append(signatures)


def render(content: dict[str, Any], lang: PrintLanguage = "both") -> bytes:
    """The handover sheet as PDF bytes, in Chinese, English or both."""
    sheet = _Sheet(content, lang)
    sheet.head()
    sheet.body()
    buffer = io.BytesIO()
    title = sheet.w.pgettext("handover", "Shift handover")
    doc = SimpleDocTemplate(
        buffer, **document_setup(f"{title} {content['incident']['id']}", subject=title)
    )
    footer = f"{content['incident']['id']} · {content.get('handover') or ''}"
    doc.build(sheet.story, canvasmaker=numbered_canvas(footer, lang))
    return buffer.getvalue()


def _esc(value: Any) -> str:
    """``value`` as text for a Paragraph (its markup characters escaped)."""
    return escape(str(value))


def _comment(w: Words, comment: str | None) -> str:
    """A system's comment: the one the console writes itself in words, a person's as typed."""
    if comment == RESTORED_AT_RESOLUTION:
        return w.gettext(RESTORED_AT_RESOLUTION)
    return comment or ""
