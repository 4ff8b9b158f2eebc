"""Dashboard: the situation at a glance (incident status, warning levels, plan, operator)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from hisconsole.domain.plan import text
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import minutes_label, role_label
from hisconsole.ui.pages.base import ScrollingPage


class LevelChip(QFrame):
    """One warning level of the legend: its code, name and deadlines on its own colour.

    Signals: none.
    """

    def __init__(self, level: dict[str, Any], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LevelChip")
        background = level["colour_hex"]
        self.setStyleSheet(
            f"QFrame#LevelChip {{ background-color: {background}; border-radius: 8px; }}"
            f" QFrame#LevelChip QLabel {{ color: {style.text_colour_on(background)}; }}"
        )
        self.setMinimumWidth(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        self.code_label = style.label(
            self.tr("Level {code}").format(code=level["code"]), self, delta=6, bold=True
        )
        self.name_label = style.label(
            text(level["name"], lang), self, delta=style.SECTION_DELTA, bold=True
        )
        self.deadline_label = style.label(
            self.tr("Report within {duration}").format(
                duration=minutes_label(level["report_minutes"])
            ),
            self,
        )
        self.followup_label = style.label(
            self.tr("Follow-up every {duration}").format(
                duration=minutes_label(level["followup_minutes"])
            ),
            self,
        )
        for widget in (self.code_label, self.name_label, self.deadline_label, self.followup_label):
            # Narrow windows wrap the lines rather than clip them.
            widget.setWordWrap(True)
            layout.addWidget(widget)
        layout.addStretch(1)


class DashboardPage(ScrollingPage):
    """The first page: whether an incident is active, the warning levels, plan and operator.

    Signals: none.
    """

    areas = frozenset({"operator"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        ctx.plan.updated.connect(self._plan_updated)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Dashboard")

    def refresh(self) -> None:
        self.rebuild()

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self.rebuild()

    def build(self, layout: QVBoxLayout) -> None:
        lang = self.ctx.lang
        snapshot = self.ctx.plan.snapshot

        status = QFrame()
        status.setObjectName("IncidentStatus")
        status.setStyleSheet(
            "QFrame#IncidentStatus { border: 1px solid #B0B6BB; border-radius: 8px; }"
        )
        status_layout = QVBoxLayout(status)
        status_layout.setContentsMargins(18, 14, 18, 14)
        self.status_label = style.label(
            self.tr("No active incident"), delta=style.HEADING_DELTA - 2, bold=True
        )
        status_layout.addWidget(self.status_label)
        status_layout.addWidget(
            self.paragraph(
                self.tr(
                    "Normal operations. When the hospital information systems fail, the "
                    "incident, its warning level and its reporting clocks will show here."
                ),
                colour=style.MUTED_TEXT,
            )
        )
        layout.addWidget(status)

        if snapshot is not None and snapshot.document is not None:
            layout.addWidget(self.section_heading(self.tr("Warning levels")))
            chips = QGridLayout()
            chips.setSpacing(12)
            for column, level in enumerate(snapshot.section("levels")):
                chips.addWidget(LevelChip(level, lang), 0, column)
                chips.setColumnStretch(column, 1)
            layout.addLayout(chips)
            layout.addWidget(self.section_heading(self.tr("Emergency plan")))
            meta = snapshot.meta
            self.plan_label = self.paragraph(
                self.tr("{title} — version {version}, revised {revised}").format(
                    title=text(meta.get("title"), lang),
                    version=snapshot.version,
                    revised=meta.get("revised", ""),
                )
            )
            layout.addWidget(self.plan_label)
            layout.addWidget(
                self.paragraph(text(meta.get("hospital"), lang), colour=style.MUTED_TEXT)
            )
        else:
            layout.addWidget(self.section_heading(self.tr("Emergency plan")))
            layout.addWidget(self.paragraph(self.no_plan_text(snapshot)))

        layout.addWidget(self.section_heading(self.tr("Operator on duty")))
        operator = self.ctx.console.operator
        self.operator_label = self.paragraph(
            self.tr("{name} ({role})").format(name=operator.name, role=role_label(operator.role))
        )
        layout.addWidget(self.operator_label)
