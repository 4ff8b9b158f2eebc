"""Plan: read, search, edit, publish, compare and print the emergency plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import PLAN_EDITOR
from hisconsole.domain.plan import text
from hisconsole.services import plan as plan_service
from hisconsole.services import search as search_service
from hisconsole.services.console import Console
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import role_label
from hisconsole.ui.partials.dialogs import colour_icon, open_dialog
from hisconsole.ui.partials.files import ask_save_path, writer
from hisconsole.ui.partials.page import Page
from hisconsole.ui.partials.plan_names import section_title
from hisconsole.ui.plan.compare_dialog import CompareDialog
from hisconsole.ui.plan.level_dialog import LevelEditDialog
from hisconsole.ui.plan.playbook_dialog import PlaybookDialog
from hisconsole.ui.plan.publish_dialog import PublishDialog
from hisconsole.ui.plan.resource_dialog import ResourceEditDialog
from hisconsole.ui.plan.search import HIT_ROLE, HtmlDelegate, SearchResultsModel
from hisconsole.ui.plan.versions import version_label
from hisconsole.ui.plan.view import BOTH, BROWSE_SECTIONS, MODES, PlanDocument
from hisconsole.ui.runner import user_message

KEY_MODE = "plan/view"
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 60
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

PlanFormDialogType = LevelEditDialog | PlaybookDialog | ResourceEditDialog


@dataclass(frozen=True)
class VersionInfo:
    """The published versions, and whether the plan has edits not yet published."""

    versions: list[dict[str, Any]]
    draft: bool


def load_versions(console: Console) -> VersionInfo:
    """Read the versions and compare the latest with the plan as it stands (worker thread)."""
    versions = plan_service.versions(console)
    current = plan_service.current_document(console)
    draft = False
    if versions and current is not None:
        draft = plan_service.version_document(console, versions[-1]["version"]) != current
    return VersionInfo(versions, draft)


class PlanPage(Page):
    """The plan: contents on the left, the whole plan to read on the right, search above.

    Shows plan texts in Chinese, English or both side by side, and playbook
    steps for every level or one. Searching (as you type) lists the matches,
    highlighted and best first; activating one scrolls to it. A plan editor
    edits warning levels, playbooks and resources, publishes versions; anyone
    compares versions and prints the plan or a playbook to PDF.

    Signals:
        drill_requested(str): "Run drill…" of a drill-calendar entry (its code).
    """

    drill_requested = Signal(str)

    areas = frozenset({"plan", "operator"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        saved = ctx.settings.value(KEY_MODE)
        self.mode = BOTH if saved == BOTH else ctx.lang
        self.level: str | None = None
        self.info = VersionInfo([], False)
        self.document: PlanDocument | None = None
        self.current_key: str | None = None
        self._search_serial = 0

        self._build_toolbar()
        self._build_results()
        self._build_body()
        self.status_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self._layout.addWidget(self.status_label)

        ctx.plan.updated.connect(self._plan_updated)
        ctx.translations.language_changed.connect(self._language_changed)
        self.retranslate()
        self._rebuild()
        self.refresh()

    def title(self) -> str:
        return self.tr("Plan")

    # -- construction -------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("PlanSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setFont(style.sized_font(self.search_edit, style.BODY_DELTA + 1))
        self.search_edit.setMinimumWidth(260)
        self.search_edit.textChanged.connect(self._query_changed)
        self.search_edit.returnPressed.connect(self._activate_first)
        self.search_edit.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)

        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        modes = QHBoxLayout()
        modes.setSpacing(0)
        for mode in MODES:
            push = QToolButton(self)
            push.setCheckable(True)
            push.setObjectName(f"Mode-{mode}")
            push.setFont(style.sized_font(push, 1))
            push.setMinimumHeight(30)
            push.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(push)
            self.mode_buttons[mode] = push
            modes.addWidget(push)
        self.level_combo = QComboBox(self)
        self.level_combo.setFont(style.sized_font(self.level_combo, 1))
        self.level_combo.currentIndexChanged.connect(self._level_chosen)
        self.print_button = QPushButton(self)
        self.print_button.setFont(style.sized_font(self.print_button, 1))
        self.print_button.clicked.connect(self.print_plan)

        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.search_edit, 1)
        row.addLayout(modes)
        row.addWidget(self.level_combo)
        row.addWidget(self.print_button)
        self._layout.addLayout(row)

    def _build_results(self) -> None:
        self.results_panel = QFrame(self)
        self.results_panel.setObjectName("SearchResults")
        self.results_panel.setStyleSheet(
            "QFrame#SearchResults { border: 1px solid #C9CED2; border-radius: 6px; }"
        )
        box = QVBoxLayout(self.results_panel)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(4)
        self.results_caption = style.label("", self.results_panel, bold=True)
        self.results_model = SearchResultsModel(self)
        self.results_view = QListView(self.results_panel)
        self.results_view.setObjectName("SearchResultList")
        self.results_view.setModel(self.results_model)
        self.results_view.setItemDelegate(HtmlDelegate(self.results_view))
        self.results_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.results_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_view.setFrameShape(QFrame.Shape.NoFrame)
        self.results_view.setFont(style.sized_font(self.results_view, 1))
        self.results_view.activated.connect(self._result_activated)
        self.results_view.clicked.connect(self._result_activated)
        self.results_view.installEventFilter(self)
        box.addWidget(self.results_caption)
        box.addWidget(self.results_view, 1)
        self.results_panel.setMinimumHeight(90)
        self.results_panel.hide()

    def _build_body(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)

        side = QWidget(self.splitter)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 8, 0)
        side_box.setSpacing(6)
        self.contents = QTreeWidget(side)
        self.contents.setObjectName("PlanContents")
        self.contents.setHeaderHidden(True)
        self.contents.setFont(style.sized_font(self.contents, 1))
        self.contents.itemActivated.connect(self._contents_activated)
        self.contents.itemClicked.connect(self._contents_activated)
        self.versions_caption = style.label("", side, bold=True)
        self.versions_list = QListWidget(side)
        self.versions_list.setObjectName("PlanVersions")
        self.versions_list.setFont(style.sized_font(self.versions_list, 0))
        self.versions_list.setMaximumHeight(110)
        self.versions_list.itemActivated.connect(self._version_activated)
        self.draft_label = style.label("", side, wrap=True, colour="#8D5B00", delta=1)
        self.draft_label.hide()
        self.publish_button = QPushButton(side)
        self.publish_button.clicked.connect(self.publish)
        self.compare_button = QPushButton(side)
        self.compare_button.clicked.connect(lambda: self.compare())
        buttons = QHBoxLayout()
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.compare_button)
        side_box.addWidget(self.contents, 1)
        side_box.addWidget(self.versions_caption)
        side_box.addWidget(self.versions_list)
        side_box.addWidget(self.draft_label)
        side_box.addLayout(buttons)

        self.scroll_area = QScrollArea(self.splitter)
        self.scroll_area.setObjectName("PlanScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        # Results above the plan; the user drags the border to give either more room.
        self.vertical = QSplitter(Qt.Orientation.Vertical, self)
        self.vertical.setChildrenCollapsible(False)
        self.vertical.addWidget(self.results_panel)
        self.vertical.addWidget(self.splitter)
        self.vertical.setStretchFactor(0, 0)
        self.vertical.setStretchFactor(1, 1)
        self.vertical.setSizes([200, 500])
        self._layout.addWidget(self.vertical, 1)

    # -- the plan -----------------------------------------------------------------------------

    @property
    def snapshot(self) -> PlanSnapshot | None:
        return self.ctx.plan.snapshot

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self._rebuild()
        if self.search_edit.text().strip():
            self.run_search()

    def _language_changed(self, lang: str) -> None:
        if self.mode != BOTH:
            self.mode = lang
        self._rebuild()

    def set_mode(self, mode: str) -> None:
        """Show plan texts in Chinese ("zh"), English ("en") or both side by side ("both")."""
        if mode not in MODES:
            return
        self.ctx.settings.setValue(KEY_MODE, mode if mode == BOTH else "")
        if mode != self.mode:
            self.mode = mode
            self._rebuild()
        self._sync_mode_buttons()

    def set_level(self, level: str | None) -> None:
        """Show the playbook steps for one warning level only (None: for every level)."""
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))

    def _level_chosen(self, _index: int) -> None:
        level = self.level_combo.currentData()
        if level != self.level:
            self.level = level
            self._rebuild()

    def _sync_mode_buttons(self) -> None:
        for mode, push in self.mode_buttons.items():
            push.setChecked(mode == self.mode)

    def _rebuild(self) -> None:
        """Lay the plan out again (new content, language, view or level), keeping the place."""
        snapshot = self.snapshot
        position = self.scroll_area.verticalScrollBar().value()
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.document = None
        self._sync_mode_buttons()
        if snapshot is None or snapshot.document is None:
            self.scroll_area.setWidget(self._no_plan(snapshot))
            self._fill_contents()
            return
        self.document = PlanDocument(
            snapshot.document, version=snapshot.version, mode=self.mode, level=self.level
        )
        self.document.edit_requested.connect(self.edit_item)
        self.document.print_requested.connect(self.print_playbook)
        self.document.drill_requested.connect(self.drill_requested)
        self.scroll_area.setWidget(self.document)
        self._apply_permissions()
        self._fill_contents()
        self._fill_levels()
        self.scroll_area.verticalScrollBar().setValue(position)

    def _no_plan(self, snapshot: PlanSnapshot | None) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        if snapshot is None:
            message = self.tr("Reading the plan…")
        else:
            message = self.tr(
                "This console holds no plan yet. Import one with 'hisconsole plan import'."
            )
        box.addWidget(style.label(message, wrap=True))
        box.addStretch(1)
        return holder

    def _fill_contents(self) -> None:
        self.contents.clear()
        snapshot = self.snapshot
        doc = snapshot.document if snapshot else None
        if doc is None:
            return
        lang = self.ctx.lang
        for section in BROWSE_SECTIONS:
            if section not in doc:
                continue
            item = QTreeWidgetItem([section_title(section)])
            item.setData(0, KEY_ROLE, section)
            self.contents.addTopLevelItem(item)
            if section == "scenarios":
                for scenario in doc["scenarios"]:
                    child = QTreeWidgetItem([text(scenario["name"], lang)])
                    child.setData(0, KEY_ROLE, f"scenarios/{scenario['code']}")
                    child.setToolTip(0, text(scenario["name"], lang))
                    item.addChild(child)
                item.setExpanded(True)
            elif section == "levels":
                for level in doc["levels"]:
                    child = QTreeWidgetItem([f"{level['code']} — {text(level['name'], lang)}"])
                    child.setIcon(0, colour_icon(level["colour_hex"]))
                    child.setData(0, KEY_ROLE, f"levels/{level['code']}")
                    item.addChild(child)
        self._select_contents(self.current_key)

    def _fill_levels(self) -> None:
        snapshot = self.snapshot
        levels = snapshot.section("levels") if snapshot else []
        lang = self.ctx.lang
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        self.level_combo.addItem(self.tr("Steps for every level"), None)
        for level in levels:
            self.level_combo.addItem(
                colour_icon(level["colour_hex"]),
                self.tr("Steps for level {code} ({name})").format(
                    code=level["code"], name=text(level["name"], lang)
                ),
                level["code"],
            )
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(self.level)))
        self.level_combo.blockSignals(False)

    def _select_contents(self, key: str | None) -> None:
        if key is None:
            return
        wanted = [key, key.partition("/")[0]]
        for target in wanted:
            found = self._contents_item(target)
            if found is not None:
                self.contents.setCurrentItem(found)
                return

    def _contents_item(self, key: str) -> QTreeWidgetItem | None:
        for index in range(self.contents.topLevelItemCount()):
            top = self.contents.topLevelItem(index)
            if top is None:
                continue
            if top.data(0, KEY_ROLE) == key:
                return top
            for child_index in range(top.childCount()):
                child = top.child(child_index)
                if child is not None and child.data(0, KEY_ROLE) == key:
                    return child
        return None

    def _contents_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, KEY_ROLE)
        if isinstance(key, str):
            self.show_item(key)

    # -- going to an item ---------------------------------------------------------------------

    def show_item(self, key: str, field: str = "", lang: str = "") -> bool:
        """Scroll to an item (or one of its texts) and highlight it; False if it is not there."""
        document = self.document
        if document is None:
            return False
        if field and not document.step_shown(key, field):
            # The step is hidden by the level filter: show every level, then go there.
            self.set_level(None)
            document = self.document
            if document is None:
                return False
        widget = document.target(key, field, lang)
        if widget is None:
            return False
        self.current_key = key
        # A section heading needs no marking; an item or a text does.
        document.highlight(widget if "/" in key or field else None)
        self._scroll_to(widget)
        self._select_contents(key)
        return True

    def _scroll_to(self, widget: QWidget) -> None:
        document = self.document
        if document is None:
            return
        layout = document.layout()
        if layout is not None:
            layout.activate()
        top = widget.mapTo(document, widget.rect().topLeft()).y()
        self.scroll_area.verticalScrollBar().setValue(max(0, top - 24))

    # -- search -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected to type over."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _query_changed(self, query: str) -> None:
        if not query.strip():
            self.search_timer.stop()
            self._search_serial += 1
            self.results_model.clear()
            self.results_panel.hide()
            return
        self.search_timer.start()

    def run_search(self) -> None:
        """Search the plan for the text in the search box (after typing pauses)."""
        query = self.search_edit.text().strip()
        if not query or self.snapshot is None or self.snapshot.document is None:
            return
        self._search_serial += 1
        serial = self._search_serial
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: search_service.search(console, query, SEARCH_LIMIT),
            on_done=lambda hits: self._show_results(serial, query, hits),
            on_error=lambda exc: self._search_failed(serial, exc),
        )

    def _show_results(self, serial: int, query: str, hits: list[search_service.Hit]) -> None:
        if serial != self._search_serial:
            return  # the user typed on: a newer search is on its way
        snapshot = self.snapshot
        self.results_model.set_results(
            query, hits, snapshot.document if snapshot else None, self.ctx.lang
        )
        count = self.results_model.rowCount()
        if count:
            self.results_caption.setText(
                self.tr("{count} matches for “{query}” — Enter or click to go there").format(
                    count=count, query=query
                )
            )
            self.results_view.setCurrentIndex(self.results_model.index(0))
        else:
            self.results_caption.setText(
                self.tr("Nothing in the plan matches “{query}”.").format(query=query)
            )
        self.results_view.setVisible(count > 0)
        self.results_panel.show()

    def _search_failed(self, serial: int, exc: BaseException) -> None:
        if serial == self._search_serial:
            self.results_caption.setText(user_message(exc))
            self.results_view.hide()
            self.results_panel.show()

    def _activate_first(self) -> None:
        if self.search_timer.isActive():
            self.search_timer.stop()
            self.run_search()
            return
        index = self.results_view.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0)
        if index.isValid():
            self._result_activated(index)

    def _result_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, search_service.Hit):
            self.show_item(hit.key, hit.field, hit.lang)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Down and self.results_model.rowCount():
                    self.results_view.setFocus()
                    if not self.results_view.currentIndex().isValid():
                        self.results_view.setCurrentIndex(self.results_model.index(0))
                    return True
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.search_edit.clear()
                    return True
            elif watched is self.results_view and key == Qt.Key.Key_Escape:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    # -- versions -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the versions again (after the plan or the operator changed)."""
        self._apply_permissions()
        console = self.ctx.console
        self.ctx.runner.query(lambda: load_versions(console), on_done=self._versions_loaded)

    def _versions_loaded(self, info: VersionInfo) -> None:
        self.info = info
        self.versions_list.clear()
        for entry in reversed(info.versions):
            item = QListWidgetItem(version_label(entry))
            item.setData(KEY_ROLE, entry["version"])
            if entry.get("note"):
                item.setToolTip(entry["note"])
            self.versions_list.addItem(item)
        self._apply_permissions()
        self._show_draft()

    def _show_draft(self) -> None:
        self.draft_label.setText(
            self.tr(
                "Edited since v{version}: the changes are a draft until a version is published."
            ).format(version=self.info.versions[-1]["version"] if self.info.versions else 0)
        )
        self.draft_label.setVisible(self.info.draft)

    def _version_activated(self, item: QListWidgetItem) -> None:
        version = item.data(KEY_ROLE)
        numbers = [v["version"] for v in self.info.versions]
        if version in numbers and numbers.index(version) > 0:
            self.compare(numbers[numbers.index(version) - 1], version)

    def compare(self, old: int | None = None, new: int | None = None) -> CompareDialog:
        dialog = CompareDialog(self.ctx, self.info.versions, self, old=old, new=new)
        open_dialog(dialog)
        return dialog

    # -- editing ------------------------------------------------------------------------------

    def can_edit(self) -> bool:
        return self.ctx.console.operator.role == PLAN_EDITOR

    def why_read_only(self) -> str:
        operator = self.ctx.console.operator
        return self.tr(
            "Only a plan editor can change the plan. {name} is signed in as {role}: "
            "use File → Switch operator to sign in as plan editor."
        ).format(name=operator.name, role=role_label(operator.role))

    def _apply_permissions(self) -> None:
        editable = self.can_edit()
        reason = "" if editable else self.why_read_only()
        if self.document is not None:
            self.document.set_editable(editable, reason)
        self.publish_button.setEnabled(editable)
        self.publish_button.setToolTip(
            reason or self.tr("Publish the plan as it stands as a new version")
        )
        enough = len(self.info.versions) > 1
        self.compare_button.setEnabled(enough)
        self.compare_button.setToolTip(
            self.tr("Show what changed between two versions")
            if enough
            else self.tr("There is only one version so far: nothing to compare.")
        )

    def edit_item(self, key: str) -> PlanFormDialogType | None:
        """Open the editor of a warning level, a playbook or a resource."""
        snapshot = self.snapshot
        if snapshot is None or snapshot.document is None or not self.can_edit():
            return None
        section, _, code = key.partition("/")
        item = next((i for i in snapshot.section(section) if i.get("code") == code), None)
        if item is None:
            return None
        dialog: PlanFormDialogType
        if section == "levels":
            dialog = LevelEditDialog(self.ctx, item, self)
        elif section == "scenarios":
            dialog = PlaybookDialog(self.ctx, item, self)
        elif section == "resources":
            dialog = ResourceEditDialog(self.ctx, item, self)
        else:
            return None
        dialog.accepted.connect(
            lambda: self.status_label.setText(
                self.tr("Saved. Publish a version when the edits are complete.")
            )
        )
        open_dialog(dialog)
        return dialog

    def publish(self) -> PublishDialog | None:
        if not self.can_edit():
            return None
        latest = self.info.versions[-1]["version"] if self.info.versions else 0
        dialog = PublishDialog(self.ctx, latest + 1, self)
        dialog.accepted.connect(
            lambda: self.status_label.setText(
                self.tr("Published plan version {version}.").format(version=dialog.result_value)
            )
        )
        open_dialog(dialog)
        return dialog

    # -- printing -----------------------------------------------------------------------------

    def print_plan(self) -> None:
        """Save the whole plan (bilingual binder copy) as a PDF where the user chooses."""
        snapshot = self.snapshot
        version = snapshot.version if snapshot else None
        self._save_pdf(
            self.tr("Save the plan as PDF"),
            f"plan-v{version or 0}.pdf",
            None,
        )

    def print_playbook(self, code: str) -> None:
        """Save one scenario's playbook as a PDF."""
        self._save_pdf(self.tr("Save the playbook as PDF"), f"playbook-{code}.pdf", code)

    def _save_pdf(self, title: str, suggested: str, scenario: str | None) -> None:
        path = ask_save_path(
            self, self.ctx, title=title, suggested=suggested, filters=[(self.tr("PDF"), ".pdf")]
        )
        if path is None:
            return
        console, lang = self.ctx.console, self.ctx.lang  # the binder follows the interface
        self.status_label.setText(self.tr("Writing {name}…").format(name=path.name))
        self.ctx.runner.query(
            writer(path, lambda: plan_service.plan_pdf(console, scenario=scenario, lang=lang)),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, path: Path) -> None:
        self.status_label.setText(self.tr("Saved {path}").format(path=path))

    def _save_failed(self, exc: BaseException) -> None:
        self.status_label.setText(user_message(exc))

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.search_edit.setPlaceholderText(
            self.tr("Search the plan: a step, a system, a word… (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(self.tr("Search the plan"))
        self.mode_buttons["zh"].setText("中文")
        self.mode_buttons["en"].setText("English")
        self.mode_buttons[BOTH].setText(self.tr("Side by side"))
        self.mode_buttons[BOTH].setToolTip(self.tr("Chinese and English in two columns"))
        self.level_combo.setAccessibleName(self.tr("Playbook steps shown"))
        self.print_button.setText(self.tr("Print plan (PDF)…"))
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.contents.setAccessibleName(self.tr("Contents of the plan"))
        self.versions_caption.setText(self.tr("Versions"))
        self.versions_list.setAccessibleName(self.tr("Plan versions"))
        self.versions_list.setToolTip(self.tr("Double-click a version to see what it changed"))
        self.publish_button.setText(self.tr("Publish version…"))
        self.compare_button.setText(self.tr("Compare…"))
        self._show_draft()
        self._fill_levels()
        self._apply_permissions()
