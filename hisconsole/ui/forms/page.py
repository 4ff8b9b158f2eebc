"""Forms: print numbered downtime paper forms, track their back-entry, keep paper in stock."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.forms import files as forms_files
from hisconsole.ui.forms.backentry import FormsBackEntryTab
from hisconsole.ui.forms.numbers import FormsNumbersTab
from hisconsole.ui.forms.print_tab import FormsPrintTab
from hisconsole.ui.forms.stock import FormsStockTab
from hisconsole.ui.partials.page import Page


class FormsPage(Page):
    """Four tabs: Print (choose, preview, print or save a numbered pack), Back-entry (scan
    sheets back, see what is outstanding, the report, closing the incident), Paper stock
    and Temporary numbers (临时住院号 ranges issued to wards, used or void).

    The data is read off the UI thread when the page is first shown and again
    whenever sheets or incidents change while it is (else when it is next shown).
    Templates are files: they are read once, and again after one was added.

    Signals: none.
    """

    areas = frozenset({forms_files.AREA, "incident", "numbers"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.templates = forms_files.FormTemplates()
        self.snapshot = forms_files.SheetsSnapshot()
        self._stale = True
        self._templates_stale = True
        self._loading = False
        self._again = False

        self.tabs = QTabWidget(self)
        self.tabs.setFont(style.sized_font(self.tabs, style.BODY_DELTA))
        self.print_tab = FormsPrintTab(ctx, self.tabs)
        self.backentry_tab = FormsBackEntryTab(ctx, self.tabs)
        self.stock_tab = FormsStockTab(ctx, self.tabs)
        self.numbers_tab = FormsNumbersTab(ctx, self.tabs)
        self.tabs.addTab(self.print_tab, "")
        self.tabs.addTab(self.backentry_tab, "")
        self.tabs.addTab(self.stock_tab, "")
        self.tabs.addTab(self.numbers_tab, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self._layout.addWidget(self.tabs, 1)
        self.print_tab.templates_added.connect(self.reload_templates)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Forms")

    # -- reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._templates_stale:
            self.reload_templates()
        if self._stale:
            self.reload()
        for tab in (self.stock_tab, self.numbers_tab):
            if tab.stale and self.tabs.currentWidget() is tab:
                tab.reload()

    def _tab_changed(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.stock_tab and self.stock_tab.stale:
            self.stock_tab.reload()
        elif widget is self.numbers_tab and self.numbers_tab.stale:
            self.numbers_tab.reload()
        elif widget is self.backentry_tab:
            self.backentry_tab.serial_edit.setFocus()

    def refresh(self) -> None:
        self.stock_tab.stale = True
        self.numbers_tab.stale = True
        if not self.isVisible():
            self._stale = True
            return
        self.reload()
        for tab in (self.stock_tab, self.numbers_tab):
            if self.tabs.currentWidget() is tab:
                tab.reload()

    def reload_templates(self) -> None:
        self._templates_stale = False
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: forms_files.load_templates(console),
            on_done=self._templates_loaded,
            on_error=self._load_failed,
        )
        self.stock_tab.stale = True
        if self.tabs.currentWidget() is self.stock_tab:
            self.stock_tab.reload()

    def _templates_loaded(self, templates: forms_files.FormTemplates) -> None:
        self.templates = templates
        self.print_tab.set_templates(templates)
        self.backentry_tab.set_templates(templates.templates)

    def reload(self) -> None:
        # One read at a time: changes that arrive while reading ask for one more.
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._stale = False
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: forms_files.load_sheets(console),
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, snapshot: forms_files.SheetsSnapshot) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
        self.snapshot = snapshot
        headline = self.ctx.situation.situation.headline
        self.print_tab.set_incidents(snapshot.incidents, headline["id"] if headline else None)
        self.backentry_tab.set_snapshot(snapshot)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self._stale = True
        self.print_tab.status_label.setText(str(exc))

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        for index, name in enumerate(
            (
                self.tr("Print forms"),
                self.tr("Back-entry"),
                self.tr("Paper stock"),
                self.tr("Temporary numbers"),
            )
        ):
            self.tabs.setTabText(index, name)
