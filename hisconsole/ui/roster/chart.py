"""The org chart of an incident's command roster (as HICS 207): one box per plan group."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hisconsole.domain.plan import text
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.roster.labels import roster_role_label
from hisconsole.ui.situation import clock_time


def group_names(ctx: Context) -> dict[str, str]:
    """The plan's groups by code, in the interface language (the org chart's boxes)."""
    snapshot = ctx.plan.snapshot
    return {
        g["code"]: text(g["name"], ctx.lang)
        for g in (snapshot.section("groups") if snapshot else [])
    }


class OrgChart(QFrame):
    """Who holds which post now, in a box per plan group (HQ, technical, business).

    ``delta`` sizes the text; ``point_size`` fixes it (the wall display, read from across
    the room).

    Signals: none.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        delta: int = style.BODY_DELTA,
        point_size: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrgChart")
        self.delta = delta
        self.point_size = point_size
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.holders: dict[str, QLabel] = {}

    def set_roster(self, roster: dict[str, Any] | None, group_names: dict[str, str]) -> None:
        """Show ``roster`` (as services.roster.roster returns it; None: nothing)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.holders = {}
        boxes: dict[str, QGridLayout] = {}
        for post in (roster or {}).get("posts", []):
            grid = boxes.get(post["group"])
            if grid is None:
                box = QFrame(self)
                box.setObjectName("OrgChartBox")
                box.setStyleSheet(
                    "QFrame#OrgChartBox { border: 1px solid #B0B6BB; border-radius: 6px; }"
                )
                column = QVBoxLayout(box)
                column.setContentsMargins(10, 6, 10, 8)
                column.addWidget(
                    style.label(
                        group_names.get(post["group"], post["group"]),
                        box,
                        delta=self.delta,
                        bold=True,
                    )
                )
                grid = boxes[post["group"]] = QGridLayout()
                grid.setHorizontalSpacing(10)
                column.addLayout(grid)
                column.addStretch(1)
                self._layout.addWidget(box, 1)
            row = grid.rowCount()
            owner = grid.parentWidget() or self
            grid.addWidget(
                style.label(roster_role_label(post["role"]), owner, delta=self.delta), row, 0
            )
            if post["person"]:
                holder = style.label(
                    self.tr("{person} (since {time})").format(
                        person=post["person"], time=clock_time(post["since"])
                    ),
                    owner,
                    delta=self.delta,
                    bold=True,
                )
            else:
                holder = style.label(
                    self.tr("vacant"), owner, delta=self.delta, colour=style.MUTED_TEXT
                )
            holder.setObjectName(f"OrgChartHolder_{post['role']}")

            self.holders[post["role"]] = holder
            grid.addWidget(holder, row, 1)
        if self.point_size is not None:
            for label in self.findChildren(QLabel):
                font = label.font()
                font.setPointSizeF(self.point_size)
                label.setFont(font)
                # Large type: names wrap rather than widen the screen.
                label.setWordWrap(True)

    def holder_text(self, role: str) -> str:
        label = self.holders.get(role)
        return label.text() if label is not None else ""
