"""The base of every page: title, retranslation on language change, refresh on data change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from hisconsole.services.changes import ChangeSet
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot


class Page(QWidget):
    """A page of the main window.

    Subclasses give ``title()`` and fill the page in ``retranslate()``, which
    runs at start and whenever the interface language changes. A page that
    shows data names the areas it shows in ``areas``; ``refresh()`` runs when an
    operation changed one of them.

    Signals: none.
    """

    # Change-set areas (e.g. "plan", "operator") this page shows.
    areas: frozenset[str] = frozenset()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = style.label("", self, delta=style.HEADING_DELTA, bold=True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 18, 24, 18)
        self._layout.setSpacing(12)
        self._layout.addWidget(self.heading)
        ctx.runner.changed.connect(self._on_changed)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())

    def refresh(self) -> None:
        """Show the data again after it changed (pages without data do nothing)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.areas & self.areas:
            self.refresh()


class ScrollingPage(Page):
    """A page whose content is rebuilt as a whole (it is small) inside a scroll area.

    Subclasses implement ``build(layout)``; ``rebuild()`` replaces the content,
    keeping the scroll position.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self._layout.addWidget(self.scroll_area, 1)

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        super().retranslate()
        self.rebuild()

    def rebuild(self) -> None:
        position = self.scroll_area.verticalScrollBar().value()
        content = QWidget()
        content.setObjectName("PageContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.setSpacing(10)
        self.build(layout)
        layout.addStretch(1)
        # This may run while Qt delivers a LanguageChange through the old
        # content: detach it now, delete it once that delivery is over.
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(content)
        self.scroll_area.verticalScrollBar().setValue(position)

    def section_heading(self, text: str) -> QLabel:
        heading = style.label(text, delta=style.SECTION_DELTA, bold=True)
        heading.setContentsMargins(0, 14, 0, 2)
        return heading

    def no_plan_text(self, snapshot: PlanSnapshot | None) -> str:
        """What to show instead of plan content while it is read, or when there is none."""
        if snapshot is None:
            return self.tr("Reading the plan…")
        return self.tr("This console holds no plan yet. Import one with 'hisconsole plan import'.")

    def paragraph(self, text: str, *, colour: str | None = None) -> QLabel:
        para = style.label(text, wrap=True, colour=colour)
        para.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return para


class UpcomingPage(Page):
    """A page not built yet: its title and what it will hold (no sample data, no buttons).

    Subclasses give ``title()`` and ``description()``.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.description_label = style.label("", self, wrap=True)
        self.status_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self._layout.addWidget(self.description_label)
        self._layout.addWidget(self.status_label)
        self._layout.addStretch(1)
        self.retranslate()

    def description(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        super().retranslate()
        self.description_label.setText(self.description())
        self.status_label.setText(self.tr("This page is not available yet in this version."))
