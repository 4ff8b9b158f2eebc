"""Texts the walk at 1366×768 found cut off: the call-out's escalation time, form names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from hisconsole.services import forms, incidents, response
from hisconsole.services.console import ChangeSet, Console
from hisconsole.ui.forms.page import FormsPage
from hisconsole.ui.main_window import MainWindow, page_index

from .conftest import settle


def settle_tables(qtbot: QtBot, window: MainWindow, *views: QTableView) -> None:
    """Until the data is read and the tables have laid their rows out."""
    settle(qtbot, window)
    for view in views:
        qtbot.waitUntil(lambda v=view: v.model().rowCount() > 0 and v.rowHeight(0) > 0)


def header_fits(view: QTableView, column: int) -> bool:
    header = view.horizontalHeader()
    title = str(view.model().headerData(column, header.orientation()))
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    wide_enough = header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
    return wide_enough and 0 <= right <= view.viewport().width()


def cell_shown_whole(view: QTableView, row: int, column: int) -> bool:
    """The cell's text fits its width, or its row is tall enough to wrap it."""
    text = str(view.model().index(row, column).data())
    metrics = view.fontMetrics()
    width = view.columnWidth(column)
    lines = -(-metrics.horizontalAdvance(text) // max(width - 6, 1))
    return view.rowHeight(row) >= lines * metrics.lineSpacing()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_call_out_shows_when_each_person_escalates(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, lang: str
) -> None:
    window = timed_window
    inc, _ = incidents.declare(timed, level="I", title="Data centre power loss")
    run = response.start_callout(timed, inc, "level-1-2")
    slot = response.callouts(timed, inc)[0]["slots"][0]
    response.record_call(timed, run, slot["person"]["key"], "no-answer")
    window.set_language(lang)
    window.ctx.situation.reload()  # the services were called behind the window's back
    settle(qtbot, window)
    window.open_incident(inc)
    page = window.incident_page
    page.tabs.setCurrentWidget(page.callout_tab)
    view = page.callout_tab.callout_view
    settle_tables(qtbot, window, view)
    model = page.callout_tab.callout_model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, view.horizontalHeader().orientation())
        in ("Escalates at", "转替补时间")
    )
    assert header_fits(view, column)
    assert model.index(0, column).data() != ""
    assert cell_shown_whole(view, 0, column)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_back_entry_shows_form_names_whole(
    qtbot: QtBot, timed_window: MainWindow, timed: Console, lang: str
) -> None:
    window = timed_window
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    codes = list(forms.templates(timed)[0])
    forms.record_pack(timed, forms.prepare_pack(timed, [(c, 1) for c in codes], incident=inc))
    window.set_language(lang)
    window.ctx.runner.changed.emit(ChangeSet({"forms", "incident"}, 1))  # read it all again
    index = page_index("FormsPage")
    window.show_page(index)
    window.show_page(index)
    page = window.current_page()
    assert isinstance(page, FormsPage)
    page.tabs.setCurrentWidget(page.backentry_tab)
    tab = page.backentry_tab
    settle_tables(qtbot, window, tab.summary_view, tab.sheets_view)
    for view in (tab.summary_view, tab.sheets_view):
        assert view.model().rowCount() > 0
        for row in range(view.model().rowCount()):
            assert cell_shown_whole(view, row, 1), view.model().index(row, 1).data()
