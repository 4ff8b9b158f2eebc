"""A person's phone numbers: one row per number, checked as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.contacts import review_words
from hisconsole.domain.phones import PHONE_TYPES, normalise_typed
from hisconsole.ui import style
from hisconsole.ui.contacts.models import REVIEW_BACKGROUND
from hisconsole.ui.i18n import phone_type_label


class PhoneRow(QWidget):
    """One number of a person: its type, the number, and what is wrong with it as you type.

    Signals:
        move_requested(int): move this number up (-1) or down (+1) in the order of preference.
        remove(): take this number out.
    """

    move_requested = Signal(int)
    remove = Signal()

    def __init__(self, phone: dict[str, Any], lang: str, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang = lang
        self.region = region
        self.review = bool(phone.get("needs_review"))
        #: What the number was imported with (kept while it is not changed) and why.
        self.review_kept = {k: phone[k] for k in ("review", "review_reason") if phone.get(k)}
        self.why_flagged = review_words(phone, lang)
        self.original = str(phone.get("number", ""))
        self.type_combo = QComboBox(self)
        for kind in PHONE_TYPES:
            self.type_combo.addItem(phone_type_label(kind), kind)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(phone.get("type"))))
        self.number_edit = QLineEdit(self.original, self)
        self.number_edit.setObjectName("PhoneNumber")
        self.number_edit.setFont(style.sized_font(self.number_edit, 1))
        self.number_edit.setMinimumWidth(180)
        self.number_edit.textChanged.connect(self.check)
        # An extension or short number is checked by its own rule: recheck on a type change.
        self.type_combo.currentIndexChanged.connect(lambda _index: self.check())
        self.up_button = self._tool(QStyle.StandardPixmap.SP_ArrowUp, -1)
        self.down_button = self._tool(QStyle.StandardPixmap.SP_ArrowDown, 1)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton)
        )
        self.remove_button.clicked.connect(self.remove.emit)
        self.message = style.label("", self, delta=0, wrap=True)
        self.message.setObjectName("PhoneMessage")
        self.message.hide()
        for keys, delta in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_requested.emit(d))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.type_combo, 0, 0)
        grid.addWidget(self.number_edit, 0, 1)
        grid.addWidget(self.up_button, 0, 2)
        grid.addWidget(self.down_button, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.message, 1, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        self.retranslate()
        self.check()

    def _tool(self, icon: QStyle.StandardPixmap, delta: int) -> QToolButton:
        push = QToolButton(self)
        push.setIcon(self.style().standardIcon(icon))
        push.clicked.connect(lambda: self.move_requested.emit(delta))
        return push

    def kind(self) -> str:
        """The phone type chosen for this number (mobile, extension, …)."""
        return str(self.type_combo.currentData() or "mobile")

    def value(self) -> dict[str, Any]:
        phone: dict[str, Any] = {
            "type": self.type_combo.currentData(),
            "number": self.number_edit.text().strip(),
        }
        if self.review and phone["number"] == self.original:
            phone["needs_review"] = True
            phone.update(self.review_kept)
        return phone

    def flagged(self) -> bool:
        """An imported number kept as written, not changed since: to check."""
        return self.review and self.number_edit.text().strip() == self.original

    def check(self) -> bool:
        """Check the number as typed; show why it is refused, or how it is dialled. True: valid."""
        raw = self.number_edit.text().strip()
        if self.flagged():
            refused = normalise_typed(raw, self.kind(), self.region)
            reason = refused.message(self.lang) if refused.reason else self.why_flagged
            self.show_message(
                self.tr("Imported as written, to check: {reason}. Correct it or remove it.").format(
                    reason=reason or "—"
                ),
                problem=True,
                review=True,
            )
            return False
        if not raw:
            self.show_message(self.tr("Type the number, or remove this line."), problem=False)
            return False
        result = normalise_typed(raw, self.kind(), self.region)
        if result.display is None:
            self.show_message(result.message(self.lang) or "", problem=True)
            return False
        self.show_message(
            self.tr("Valid: dialled as {number}").format(number=result.display), problem=False
        )
        return True

    def show_message(self, message: str, *, problem: bool, review: bool = False) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        colour = style.ERROR_TEXT if problem else (style.OK_TEXT if message else style.MUTED_TEXT)
        self.message.setStyleSheet(f"color: {colour};")
        self.problem = problem
        if review:
            self.number_edit.setStyleSheet(
                f"QLineEdit {{ background-color: {REVIEW_BACKGROUND}; }}"
            )
        elif problem:
            self.number_edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {style.ERROR_TEXT}; }}")
        else:
            self.number_edit.setStyleSheet("")

    def set_position(self, row: int, count: int) -> None:
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < count - 1)
        self.number_edit.setAccessibleName(
            self.tr("Phone number {number} (in order of preference)").format(number=row + 1)
        )

    def retranslate(self) -> None:
        for index, kind in enumerate(PHONE_TYPES):
            self.type_combo.setItemText(index, phone_type_label(kind))
        self.type_combo.setAccessibleName(self.tr("Type of number"))
        self.up_button.setToolTip(self.tr("Prefer this number (Ctrl+Up)"))
        self.up_button.setAccessibleName(self.tr("Move the number up"))
        self.down_button.setToolTip(self.tr("Call this number later (Ctrl+Down)"))
        self.down_button.setAccessibleName(self.tr("Move the number down"))
        self.remove_button.setToolTip(self.tr("Remove this number"))
        self.remove_button.setAccessibleName(self.tr("Remove this number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PhonesEditor(QWidget):
    """A person's numbers in order of preference: first the one to call first.

    Signals: none.
    """

    def __init__(
        self, phones: list[dict[str, Any]], lang: str, region: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang, self.region = lang, region
        self.rows: list[PhoneRow] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(6)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_phone(focus=True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._box)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for phone in phones:
            self.add_phone(phone)
        if not phones:
            self.add_phone({"type": "mobile", "number": ""})
        self.retranslate()

    def add_phone(self, phone: dict[str, Any] | None = None, *, focus: bool = False) -> PhoneRow:
        if phone is None:
            used = {r.type_combo.currentData() for r in self.rows}
            kind = next((k for k in PHONE_TYPES if k not in used), "mobile")
            phone = {"type": kind, "number": ""}
        row = PhoneRow(phone, self.lang, self.region, self)
        row.move_requested.connect(lambda delta, r=row: self.move_row(r, delta))
        row.remove.connect(lambda r=row: self.remove(r))
        self.rows.append(row)
        self._relayout()
        if focus:
            row.number_edit.setFocus()
        return row

    def move_row(self, row: PhoneRow, delta: int) -> None:
        index = self.rows.index(row)
        target = index + delta
        if not 0 <= target < len(self.rows):
            return
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._relayout()
        row.number_edit.setFocus()

    def remove(self, row: PhoneRow) -> None:
        self.rows.remove(row)
        self._box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._relayout()

    def _relayout(self) -> None:
        for row in self.rows:
            self._box.removeWidget(row)
        for index, row in enumerate(self.rows):
            self._box.addWidget(row)
            row.set_position(index, len(self.rows))

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows if row.number_edit.text().strip()]

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add a number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
