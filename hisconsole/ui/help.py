"""The built-in guide: a page of help per page of the window (F1), and the keyboard shortcuts."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hisconsole.resources import ResourcesMissing, resource_path
from hisconsole.ui import style
from hisconsole.ui.i18n import ENGLISH, current_language

#: The topics in the order of the window's pages; "keys" lists the shortcuts.
TOPICS = ("dashboard", "incident", "plan", "contacts", "forms", "sync", "drills", "settings")
KEYS_TOPIC = "keys"


def help_text(topic: str, lang: str) -> str:
    """The Markdown help of ``topic`` in ``lang`` (English when that language has none)."""
    for code in (lang, ENGLISH):
        path = resource_path("help", f"{topic}.{code}.md")
        if path.is_file():
            return path.read_text("utf-8")
    raise ResourcesMissing(f"The help page {topic} is missing. Reinstall the program.")


def plain_name(text: str) -> str:
    """A menu's or command's name as read: "切换值班人员(&S)…" -> "切换值班人员"."""
    name = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    name = name.rstrip("…").rstrip(".").strip()
    # Mnemonics in Chinese texts are written "文件(&F)": drop the "(F)" as well.
    return re.sub(r"\(\w\)$", "", name).strip()


def shortcut_rows(menus: Iterable[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, action, keys) of every menu action that has a shortcut, as the menus show them."""
    rows = []
    for menu in menus:
        for action in menu.actions():
            if action.isSeparator() or action.shortcut().isEmpty():
                continue
            keys = ", ".join(
                seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts()
            )
            rows.append((plain_name(menu.title()), plain_name(action.text()), keys))
    return rows


class HelpDialog(QDialog):
    """The guide: the topics on the left, the chosen one on the right, in the interface language.

    ``show_topic`` picks a topic; the window opens it at the page shown (F1).
    ``titles`` names the topics (the pages' titles; the window gives them again in
    the new language, ``set_titles``); the keyboard-shortcut topic is made from
    ``menus`` each time it is shown.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        titles: dict[str, str],
        menus: list[QMenu],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self._titles = titles
        self._menus = menus
        self._topic = TOPICS[0]
        self.resize(860, 620)
        self.topics = QListWidget(self)
        self.topics.setObjectName("HelpTopics")
        self.topics.setFont(style.sized_font(self.topics, style.BODY_DELTA))
        for topic in (*TOPICS, KEYS_TOPIC):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, topic)
            self.topics.addItem(item)
        self.topics.currentRowChanged.connect(self._row_changed)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("HelpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setFont(style.sized_font(self.browser, style.BODY_DELTA))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        # F1 again (or Escape) closes, so the same key opens and closes the help.
        close_action = QAction(self)
        close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        close_action.triggered.connect(self.reject)
        self.addAction(close_action)
        self.retranslate()

    def topic(self) -> str:
        return self._topic

    def show_topic(self, topic: str) -> None:
        row = (*TOPICS, KEYS_TOPIC).index(topic) if topic in (*TOPICS, KEYS_TOPIC) else 0
        if self.topics.currentRow() == row:
            self._show(topic)
        else:
            self.topics.setCurrentRow(row)
        self.browser.setFocus()

    def text(self) -> str:
        return self.browser.toPlainText()

    def _row_changed(self, row: int) -> None:
        topics = (*TOPICS, KEYS_TOPIC)
        if 0 <= row < len(topics):
            self._show(topics[row])

    def _show(self, topic: str) -> None:
        self._topic = topic
        if topic == KEYS_TOPIC:
            self.browser.setHtml(self._keys_html())
        else:
            try:
                self.browser.setMarkdown(help_text(topic, current_language()))
            except ResourcesMissing as exc:
                self.browser.setPlainText(str(exc))
        self.browser.setAccessibleName(self._title(topic))

    def _keys_html(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(menu)}</td><td>{html.escape(name)}</td>"
            f"<td><b>{html.escape(keys)}</b></td></tr>"
            for menu, name, keys in shortcut_rows(self._menus)
        )
        heading = html.escape(self.tr("Keyboard shortcuts"))
        intro = html.escape(
            self.tr(
                "Every command of the menus, and the keys that reach it from any page. "
                "Alt with the underlined letter opens a menu; Tab moves between the "
                "fields of a page."
            )
        )
        header = "".join(
            f"<th align='left'>{html.escape(h)}</th>"
            for h in (self.tr("Menu"), self.tr("Command"), self.tr("Keys"))
        )
        return (
            f"<h1>{heading}</h1><p>{intro}</p>"
            f"<table cellpadding='6' cellspacing='0' border='1'><tr>{header}</tr>{rows}</table>"
        )

    def _title(self, topic: str) -> str:
        if topic == KEYS_TOPIC:
            return self.tr("Keyboard shortcuts")
        return self._titles.get(topic, topic)

    def set_titles(self, titles: dict[str, str]) -> None:
        self._titles = dict(titles)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("HIS Console help"))
        self.topics.setAccessibleName(self.tr("Help topics"))
        self.close_button.setText(self.tr("Close"))
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            item.setText(self._title(str(item.data(Qt.ItemDataRole.UserRole))))
        self.topics.setFixedWidth(
            max(self.topics.sizeHintForColumn(0), 120) + 2 * self.topics.frameWidth() + 24
        )
        self._show(self._topic)
