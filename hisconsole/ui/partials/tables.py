"""Tables and choice boxes with one look on every page; a model's words after a language change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from hisconsole.ui import style
from hisconsole.ui.partials.models import RecordsModel


def table_view(
    model: QAbstractItemModel, parent: QWidget, *, stretch: int, name: str
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.setFont(style.sized_font(view, 1))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    view.setAccessibleName(name)
    view.setStyleSheet("QTableView::item { padding: 3px 6px; }")
    return view


def combo_with(items: list[tuple[str, Any]], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def refresh(model: RecordsModel) -> None:
    """Show a model's headers and cells again in the new language."""
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
    if model.rowCount():
        model.dataChanged.emit(
            model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
        )
