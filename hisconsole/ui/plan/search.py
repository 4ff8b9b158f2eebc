"""Plan search results: a list model of hits with the matches highlighted, and its delegate."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hisconsole.domain.plan import text
from hisconsole.services.search import Hit
from hisconsole.ui.partials.plan_names import item_kind, section_title

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

MARK_BACKGROUND = "#FFD54F"
SELECTED_BACKGROUND = "#D2E3FC"
#: Characters of context kept before the first match of a long text.
LEAD = 40
SNIPPET = 180

_STEP_RE = re.compile(r"^steps\[(\d+)\]")
_ITEM_RE = re.compile(r"^(\w+)\[(\d+)\]")


def merged(hits: list[Hit], lang: str = "") -> list[Hit]:
    """One hit per text, texts before codes.

    A text matched in both languages is listed once, at the better rank, in
    ``lang`` (the language the reader reads the plan in) when that matched.
    """
    chosen: dict[tuple[str, str], Hit] = {}
    for hit in hits:
        ident = (hit.key, hit.field)
        if ident not in chosen or (hit.lang == lang and chosen[ident].lang != lang):
            chosen[ident] = hit
    texts = [h for h in chosen.values() if h.lang != "code"]
    codes = [h for h in chosen.values() if h.lang == "code"]
    return texts + codes


def snippet(hit: Hit) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The hit's text cut around its first match when long, with the match spans moved along."""
    body, spans = hit.text, hit.spans
    if len(body) <= SNIPPET or not spans:
        return body, spans
    start = max(0, spans[0][0] - LEAD)
    end = min(len(body), start + SNIPPET)
    cut = body[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    moved = tuple(
        (max(s, start) - start + len(prefix), min(e, end) - start + len(prefix))
        for s, e in spans
        if e > start and s < end
    )
    return prefix + cut + suffix, moved


def marked_html(body: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``body`` as HTML with every match on a yellow background (the text itself escaped)."""
    out, last = [], 0
    for start, end in spans:
        out.append(html.escape(body[last:start]))
        out.append(
            f'<span style="background-color:{MARK_BACKGROUND}; font-weight:bold">'
            f"{html.escape(body[start:end])}</span>"
        )
        last = end
    out.append(html.escape(body[last:]))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    """The hits of one plan search, best first, each shown as where it is and what matched.

    ``HIT_ROLE`` gives the :class:`Hit`; ``HTML_ROLE`` its two-line rich text
    (where: section, item, step; then the text with the matches marked).

    Signals: those of QAbstractListModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.query = ""
        self.lang = "en"
        self.doc: dict[str, Any] = {}

    def set_results(
        self, query: str, hits: list[Hit], doc: dict[str, Any] | None, lang: str
    ) -> None:
        self.beginResetModel()
        self.query = query
        self.hits = merged(hits, lang)
        self.doc = doc or {}
        self.lang = lang
        self.endResetModel()

    def clear(self) -> None:
        self.set_results("", [], self.doc, self.lang)

    def hit(self, row: int) -> Hit:
        return self.hits[row]

    def where(self, hit: Hit) -> str:
        """Where a hit is, as the reader says it: "Playbook · LIS outage · step 3 (tech group)"."""
        parts = [item_kind(hit.section) if "/" in hit.key else section_title(hit.section)]
        if "/" in hit.key:
            parts.append(text(hit.title, self.lang) or hit.key.partition("/")[2])
        step = _STEP_RE.match(hit.field)
        if step and hit.section == "scenarios":
            number = int(step.group(1))
            parts.append(
                QCoreApplication.translate("SearchResults", "step {number}").format(
                    number=number + 1
                )
            )
            group = self._step_group(hit.key, number)
            if group:
                parts[-1] += f" ({group})"
        elif hit.lang == "code" and hit.field != "code":
            parts.append(QCoreApplication.translate("SearchResults", "systems affected"))
        return " · ".join(parts)

    def _step_group(self, key: str, number: int) -> str:
        code = key.partition("/")[2]
        scenario = next((s for s in self.doc.get("scenarios", []) if s["code"] == code), None)
        if scenario is None or number >= len(scenario["steps"]):
            return ""
        group = scenario["steps"][number]["group"]
        names = {g["code"]: g["name"] for g in self.doc.get("groups", [])}
        return text(names.get(group), self.lang) or group

    def html(self, hit: Hit) -> str:
        body, spans = snippet(hit)
        return (
            f'<div style="color:#3C4043"><b>{html.escape(self.where(hit))}</b></div>'
            f"<div>{marked_html(body, spans)}</div>"
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.where(hit)} — {hit.text}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.where(hit)}: {hit.text}"
        if role == HTML_ROLE:
            return self.html(hit)
        if role == HIT_ROLE:
            return hit
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` rich text, wrapped to the view's width.

    Signals: none.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: Index, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(6)
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = opt.rect
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(SELECTED_BACKGROUND))
        painter.setPen(QColor("#E3E6E8"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        doc = self._document(opt, index, rect.width())
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#202124"))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(200, self._view.viewport().width() - 4)
        doc = self._document(opt, index, width)
        return QSize(width, int(doc.size().height()) + 2)
