"""A text in both languages: a Chinese and an English field, one above the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPlainTextEdit, QWidget

from hisconsole.ui import style

LANG_NAMES = {"zh": "中文", "en": "English"}


class BilingualEdit(QWidget):
    """A text in both languages (plan items, call trees): a Chinese and an English field.

    Signals: none (``edited`` of the fields can be connected through ``fields``).
    """

    def __init__(
        self,
        value: dict[str, str] | None = None,
        *,
        multiline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.multiline = multiline
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for row, lang in enumerate(("zh", "en")):
            caption = style.label(LANG_NAMES[lang], delta=0, colour=style.MUTED_TEXT)
            field: QLineEdit | QPlainTextEdit
            if multiline:
                field = QPlainTextEdit(self)
                field.setTabChangesFocus(True)
                field.setFixedHeight(64)
            else:
                field = QLineEdit(self)
            field.setFont(style.sized_font(field, 1))
            self.fields[lang] = field
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(field, row, 1)
            caption.setBuddy(field)
        grid.setColumnStretch(1, 1)
        self.set_value(value or {})

    def set_value(self, value: dict[str, str]) -> None:
        for lang, field in self.fields.items():
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value.get(lang, ""))
            else:
                field.setText(value.get(lang, ""))

    def value(self) -> dict[str, str]:
        out = {}
        for lang, field in self.fields.items():
            raw = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            out[lang] = " ".join(raw.split()) if not self.multiline else raw.strip()
        return out

    def complete(self) -> bool:
        return all(v.strip() for v in self.value().values())

    def set_accessible_name(self, name: str) -> None:
        for lang, field in self.fields.items():
            field.setAccessibleName(f"{name} ({LANG_NAMES[lang]})")
