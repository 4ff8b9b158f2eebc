"""Plan: the current emergency plan, read-only (warning levels, groups, systems)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hisconsole.domain.plan import text
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import criticality_label, minutes_label
from hisconsole.ui.pages.base import ScrollingPage


def _grid(headers: list[str], rows: list[list[QWidget]]) -> QFrame:
    """A table of widgets with a bold header row and light row lines."""
    frame = QFrame()
    frame.setObjectName("PlanTable")
    frame.setStyleSheet(
        "QFrame#PlanTable { border: 1px solid #C9CED2; border-radius: 6px; }"
        " QFrame#RowLine { background-color: #E3E6E8; }"
    )
    grid = QGridLayout(frame)
    grid.setContentsMargins(14, 10, 14, 10)
    grid.setHorizontalSpacing(22)
    grid.setVerticalSpacing(6)
    for column, header in enumerate(headers):
        grid.addWidget(style.label(header, bold=True, colour=style.MUTED_TEXT), 0, column)
    for index, row in enumerate(rows):
        line = QFrame()
        line.setObjectName("RowLine")
        line.setFixedHeight(1)
        grid.addWidget(line, 2 * index + 1, 0, 1, len(headers))
        for column, widget in enumerate(row):
            grid.addWidget(widget, 2 * index + 2, column, Qt.AlignmentFlag.AlignVCenter)
    grid.setColumnStretch(len(headers) - 1, 1)
    return frame


class PlanPage(ScrollingPage):
    """The current plan, read-only: title and version, warning levels, groups and systems.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        ctx.plan.updated.connect(self._plan_updated)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Plan")

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self.rebuild()

    def build(self, layout: QVBoxLayout) -> None:
        snapshot = self.ctx.plan.snapshot
        if snapshot is None or snapshot.document is None:
            layout.addWidget(self.paragraph(self.no_plan_text(snapshot)))
            return
        lang = self.ctx.lang
        meta = snapshot.meta
        self.plan_title = style.label(
            text(meta.get("title"), lang), delta=style.SECTION_DELTA + 2, bold=True, wrap=True
        )
        layout.addWidget(self.plan_title)
        layout.addWidget(
            self.paragraph(
                self.tr("{hospital} · {owner} · version {version} · revised {revised}").format(
                    hospital=text(meta.get("hospital"), lang),
                    owner=text(meta.get("owner"), lang),
                    version=snapshot.version,
                    revised=meta.get("revised", ""),
                ),
                colour=style.MUTED_TEXT,
            )
        )
        layout.addWidget(self.section_heading(self.tr("Warning levels")))
        layout.addWidget(self._levels(snapshot.section("levels"), lang))
        layout.addWidget(self.section_heading(self.tr("Response groups")))
        for group in snapshot.section("groups"):
            layout.addWidget(self._group(group, lang))
        layout.addWidget(self.section_heading(self.tr("Systems")))
        layout.addWidget(self._systems(snapshot.section("systems"), lang))

    def _levels(self, levels: list[dict[str, Any]], lang: str) -> QFrame:
        headers = [
            "",
            self.tr("Level"),
            self.tr("Name"),
            self.tr("Colour"),
            self.tr("Report within"),
            self.tr("Follow-up every"),
        ]
        rows: list[list[QWidget]] = []
        for level in levels:
            rows.append(
                [
                    style.swatch(level["colour_hex"]),
                    style.label(level["code"], bold=True),
                    style.label(text(level["name"], lang), bold=True),
                    style.label(text(level["colour_name"], lang)),
                    style.label(minutes_label(level["report_minutes"])),
                    style.label(minutes_label(level["followup_minutes"])),
                ]
            )
        return _grid(headers, rows)

    def _group(self, group: dict[str, Any], lang: str) -> QFrame:
        frame = QFrame()
        frame.setObjectName("GroupCard")
        frame.setStyleSheet("QFrame#GroupCard { border: 1px solid #C9CED2; border-radius: 6px; }")
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(4)
        box.addWidget(style.label(text(group["name"], lang), delta=style.BODY_DELTA + 2, bold=True))
        for caption, value in (
            (self.tr("Lead"), text(group["lead"], lang)),
            (self.tr("Members"), text(group["members"], lang)),
        ):
            box.addWidget(self._caption(caption))
            box.addWidget(style.label(value, wrap=True))
        box.addWidget(self._caption(self.tr("Duties")))
        duties = QGridLayout()
        duties.setHorizontalSpacing(8)
        duties.setVerticalSpacing(3)
        duties.setColumnStretch(1, 1)
        for row, duty in enumerate(group["duties"]):
            duties.addWidget(style.label("•"), row, 0, Qt.AlignmentFlag.AlignTop)
            duties.addWidget(style.label(text(duty, lang), wrap=True), row, 1)
        box.addLayout(duties)
        return frame

    def _caption(self, caption: str) -> QLabel:
        widget = style.label(caption, delta=0, bold=True, colour=style.MUTED_TEXT)
        widget.setContentsMargins(0, 6, 0, 0)
        return widget

    def _systems(self, systems: list[dict[str, Any]], lang: str) -> QFrame:
        headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Criticality"),
            self.tr("Maximum downtime"),
        ]
        rows: list[list[QWidget]] = [
            [
                style.label(system["code"], bold=True),
                style.label(text(system["name"], lang)),
                style.label(criticality_label(system["criticality"])),
                style.label(minutes_label(system["max_downtime_minutes"])),
            ]
            for system in systems
        ]
        return _grid(headers, rows)
