"""Sync page, Conflicts tab: plan items, contacts and call trees edited on two laptops at once,
every rival value with "Keep this value", and tidying the ones whose values are the same."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hisconsole.ui import style
from hisconsole.ui.contacts.models import group_label, phone_text
from hisconsole.ui.context import Context
from hisconsole.ui.partials.contact_labels import contact_field_label, plan_role_label
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.state import SyncState

#: How much of the fields every value shares is shown (the rest is in the tooltip).
SAME_SHOWN = 240
CARD_STYLE = (
    "QFrame#ConflictCard { border: 2px solid #F57C00; border-radius: 8px; background: #FFF8E1; }"
    " QFrame#ConflictCard QLabel { background: transparent; }"
)


def field_label(table: str, name: str) -> str:
    return contact_field_label(name) if table == "contacts" else name


def field_text(table: str, name: str, value: Any, lang: str) -> str:
    if table == "contacts":
        if name == "phones" and isinstance(value, list):
            return "; ".join(phone_text(p) for p in value if isinstance(p, dict)) or "—"
        if name == "group" and value:
            return group_label(str(value), lang)
        if name == "plan_role" and value:
            return plan_role_label(str(value))
    return sync_files.value_text(value, lang)


def subject(conflict: dict[str, Any], lang: str) -> str:
    """What the conflict is about: the thing's name or title where it has one, else its key."""
    for value in conflict["values"]:
        for name in ("name", "title", "text"):
            shown = value["data"].get(name)
            if shown:
                return sync_files.value_text(shown, lang)[:80]
    return str(conflict["key"])


class ConflictCard(QFrame):
    """One conflict: what it is about, and each rival value (where from, by whom, when, the
    fields that differ) with its "Keep this value" button.

    Signals: none (the tab connects the buttons in ``keep_buttons``).
    """

    def __init__(
        self,
        conflict: dict[str, Any],
        names: dict[str, str],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictCard")
        self.setStyleSheet(CARD_STYLE)
        self.conflict = conflict
        table = conflict["table"]
        values = conflict["values"]
        differing = conflict["differs"]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        heading = style.label(
            self.tr("{what} “{subject}” ({key}): {count} values").format(
                what=sync_labels.table_label(table),
                subject=subject(conflict, lang),
                key=conflict["key"],
                count=len(values),
            ),
            self,
            delta=style.BODY_DELTA + 1,
            bold=True,
            wrap=True,
        )
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 1)
        self.keep_buttons: list[QPushButton] = []
        for row, value in enumerate(values):
            when = sync_files.stamp_time(value["hlc"])
            origin = sync_labels.peer_label(value["device"], names) if value["device"] else "—"
            source = self.tr("From {laptop}, by {author}, {time}").format(
                laptop=origin,
                author=value["author"] or "—",
                time=date_time(when, seconds=False) if when else "—",
            )
            shown = [
                sync_labels.field_line(
                    field_label(table, n), field_text(table, n, value["data"].get(n), lang)
                )
                for n in differing
            ] or [self.tr("(the same value)")]
            text = style.label("\n".join([source, *shown]), self, wrap=True, delta=style.BODY_DELTA)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            keep = button(self.tr("Keep this value"), self)
            keep.setAccessibleName(self.tr("Keep this value: {source}").format(source=source))
            self.keep_buttons.append(keep)
            grid.addWidget(text, row, 0)
            grid.addWidget(keep, row, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid)
        first = values[0]["data"]
        same = [
            sync_labels.field_line(field_label(table, n), field_text(table, n, first.get(n), lang))
            for n in first
            if n not in differing
        ]
        if same:
            joined = " · ".join(same)
            line = style.label(
                self.tr("The same in every value: {fields}").format(
                    fields=joined if len(joined) <= SAME_SHOWN else joined[:SAME_SHOWN] + " …"
                ),
                self,
                wrap=True,
                colour=style.MUTED_TEXT,
                delta=1,
            )
            line.setToolTip(joined)
            layout.addWidget(line)


class SyncConflictsTab(Tab):
    """Every value edited on two laptops at once, side by side with "Keep this value"; the
    kept value supersedes the others on every laptop it reaches. "Tidy identical values"
    (shown when there are some) keeps one of each value held twice with the same content
    (e.g. two laptops set up with the bundled plan), which is not a conflict.

    Signals: none.
    """

    def __init__(self, ctx: Context, state: SyncState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = state
        self.conflicts: list[dict[str, Any]] = []
        self.cards: list[ConflictCard] = []
        state.updated.connect(self._updated)
        state.busy_changed.connect(lambda _busy: self._update_buttons())

        self.intro_label = style.label("", self, wrap=True, delta=1)
        self.tidy_button = button("", self)
        self.tidy_button.setObjectName("TidyIdentical")
        self.tidy_button.clicked.connect(self.tidy)
        self.status_label = style.label("", self, wrap=True, delta=1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.intro_label, 1)
        top.addWidget(self.tidy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def _updated(self, snapshot: sync_files.SyncSnapshot) -> None:
        self.conflicts = snapshot.conflicts
        self._build()

    def _build(self) -> None:
        snapshot = self.state.snapshot
        names = snapshot.device_names() if snapshot else {}
        position = self.scroll_area.verticalScrollBar().value()
        content = QWidget()
        content.setObjectName("ConflictList")
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 8, 0)
        box.setSpacing(10)
        self.cards = []
        for conflict in self.conflicts:
            card = ConflictCard(conflict, names, self.ctx.lang, content)
            for button_, value in zip(card.keep_buttons, conflict["values"], strict=True):
                button_.clicked.connect(lambda _checked=False, c=conflict, v=value: self.keep(c, v))
            self.cards.append(card)
            box.addWidget(card)
        if not self.conflicts:
            box.addWidget(
                style.label(
                    self.tr(
                        "No conflicts: no value was edited on two laptops at once, or every "
                        "such edit has been settled."
                    ),
                    content,
                    wrap=True,
                    colour=style.MUTED_TEXT,
                )
            )
        box.addStretch(1)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(content)
        self.scroll_area.verticalScrollBar().setValue(position)
        self._update_buttons()

    def identical(self) -> int:
        snapshot = self.state.snapshot
        return snapshot.identical if snapshot else 0

    def _update_buttons(self) -> None:
        idle = not self.state.busy
        same = self.identical()
        self.tidy_button.setText(self.tr("Tidy identical values ({count})").format(count=same))
        self.tidy_button.setToolTip(
            self.tr(
                "Values held twice with the same content, e.g. the plan loaded on two laptops "
                "at set-up: not a conflict, but tidying keeps one of each"
            )
        )
        self.tidy_button.setVisible(same > 0)
        self.tidy_button.setEnabled(idle and same > 0)
        for card in self.cards:
            for keep in card.keep_buttons:
                keep.setEnabled(idle)

    def keep(self, conflict: dict[str, Any], value: dict[str, Any]) -> None:
        """Keep ``value`` of ``conflict`` (after the operator confirmed it)."""
        if self.state.busy:
            return
        lang, table = self.ctx.lang, conflict["table"]
        answer = QMessageBox.question(
            self,
            self.tr("Keep this value"),
            self.tr(
                "Keep this value of {what} “{subject}”?\n\n{fields}\n\n"
                "The other values are replaced on this laptop and on every laptop this "
                "decision reaches."
            ).format(
                what=sync_labels.table_label(conflict["table"]),
                subject=subject(conflict, lang),
                fields="\n".join(
                    sync_labels.field_line(
                        field_label(table, name),
                        field_text(table, name, value["data"].get(name), lang),
                    )
                    for name in conflict["differs"]
                ),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        console = self.ctx.console
        key, event_id = conflict["key"], value["event_id"]
        self.state.run(
            "resolve",
            lambda: sync_files.keep_value(console, table, key, event_id),
            on_done=lambda _changes: self.say(
                self.tr("Kept the chosen value of {what} “{subject}”.").format(
                    what=sync_labels.table_label(table), subject=subject(conflict, lang)
                ),
                "ok",
            ),
            on_error=self.failed,
        )

    def tidy(self) -> None:
        console = self.ctx.console
        self.state.run(
            "tidy",
            lambda: sync_files.tidy(console),
            on_done=lambda done: self.say(
                self.tr("Tidied {count} value(s) held twice with the same content.").format(
                    count=done.value
                ),
                "ok",
            ),
            on_error=self.failed,
        )

    def retranslate(self) -> None:
        self.intro_label.setText(
            self.tr(
                "Phone numbers, roles and plan text edited on two laptops before they synced "
                "keep both values until someone decides. Check with the people concerned, "
                "then keep the right value: the decision travels to every laptop."
            )
        )
        if self.state.snapshot is not None:
            self._build()
        else:
            self._update_buttons()
