"""Tables and choice boxes with one look on every page; a model's words after a language change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from hisconsole.ui import style
from hisconsole.ui.partials.models import RecordsModel


def table_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    stretch: int,
    name: str,
    fit_rows: bool = False,
) -> QTableView:
    """A read-only table: whole rows selected, columns sized to their contents, column
    ``stretch`` taking the room left. ``fit_rows``: rows grow to show wrapped text whole
    (for short tables whose texts must not be cut, e.g. form names; costly on long ones)."""
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
    if fit_rows:
        # Row heights come from the delegate, which does not see a style sheet's padding:
        # with side padding a text it measured as fitting is cut when drawn.
        view.setStyleSheet("QTableView::item { padding: 3px 0px; }")
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The stretched column's width is known only once laid out: wrap again then.
        header.sectionResized.connect(lambda *_: view.resizeRowsToContents())
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
