"""Contacts: people and their numbers (search, edit, import, export) and the call trees."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.contacts import GROUPS, ImportPreview, text_of
from hisconsole.services import contacts as contacts_service
from hisconsole.services.console import Console
from hisconsole.ui import style
from hisconsole.ui.contacts.conflict_dialog import ConflictDialog
from hisconsole.ui.contacts.contact_dialog import ContactDialog
from hisconsole.ui.contacts.import_dialog import ImportPreviewDialog
from hisconsole.ui.contacts.import_source import choose_encoding
from hisconsole.ui.contacts.models import (
    ENTRY_ROLE,
    ContactsFilter,
    ContactsModel,
    group_label,
    person_line,
)
from hisconsole.ui.contacts.trees import CallTreeEditor
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import open_dialog
from hisconsole.ui.partials.files import ask_open_path, ask_save_path
from hisconsole.ui.partials.page import Page
from hisconsole.ui.runner import user_message

FILTER_DELAY_MS = 120


@dataclass(frozen=True)
class ContactsData:
    """The contact list and the call trees, read together."""

    entries: list[dict[str, Any]]
    trees: list[dict[str, Any]]

    def people(self) -> dict[str, dict[str, Any]]:
        return {e["key"]: e["data"] for e in self.entries}


def load_contacts(console: Console) -> ContactsData:
    """Read the people and the call trees (runs on the worker thread)."""
    return ContactsData(
        contacts_service.list_contacts(console), contacts_service.call_trees(console)
    )


def trees_naming(trees: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The call trees in which ``key`` is a caller or an alternate."""

    def names(nodes: list[dict[str, Any]]) -> bool:
        return any(
            key in (n.get("contact"), n.get("alternate")) or names(n.get("children", []))
            for n in nodes
        )

    return [t for t in trees if names(t.get("nodes", []))]


class ContactsPage(Page):
    """People and call trees, in two tabs.

    People: the list (search by name, number or position in either language,
    filter by group), a badge on people with conflicting edits or numbers to
    check; add, edit, remove; import CSV or vCard after a preview; export.
    Call trees: the editor (see :class:`CallTreeEditor`).

    Signals: none.
    """

    areas = frozenset({"contacts"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data = ContactsData([], [])
        self._loaded = False
        self._select_after_load: str | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setFont(style.sized_font(self.tabs, style.BODY_DELTA))
        self._build_people()
        self.tree_editor = CallTreeEditor(ctx, self.tabs)
        self.tree_editor.status.connect(self.show_status)
        self.tabs.addTab(self.people_tab, "")
        self.tabs.addTab(self.tree_editor, "")
        self._layout.addWidget(self.tabs, 1)
        self.status_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self._layout.addWidget(self.status_label)
        ctx.translations.language_changed.connect(self._language_changed)
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return self.tr("Contacts")

    # -- construction -------------------------------------------------------------------------

    def _build_people(self) -> None:
        self.people_tab = QWidget(self)
        box = QVBoxLayout(self.people_tab)
        box.setContentsMargins(0, 8, 0, 0)
        self.search_edit = QLineEdit(self.people_tab)
        self.search_edit.setObjectName("ContactSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setFont(style.sized_font(self.search_edit, style.BODY_DELTA + 1))
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _text: self.filter_timer.start())
        self.search_edit.returnPressed.connect(self._search_entered)
        self.group_combo = QComboBox(self.people_tab)
        self.group_combo.setFont(style.sized_font(self.group_combo, 1))
        self.group_combo.addItem("", None)
        for group in GROUPS:
            self.group_combo.addItem("", group)
        self.group_combo.currentIndexChanged.connect(self.apply_filter)
        self.count_label = style.label("", self.people_tab, colour=style.MUTED_TEXT)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.group_combo)
        top.addWidget(self.count_label)

        self.add_button = self._button(self.add_person)
        self.edit_button = self._button(self.edit_selected)
        self.remove_button = self._button(self.remove_selected)
        self.import_button = self._button(self.import_file)
        self.export_button = self._button(self.export_file)
        actions = QHBoxLayout()
        for push in (self.add_button, self.edit_button, self.remove_button):
            actions.addWidget(push)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.conflict_label = style.label("", self.people_tab, bold=True, wrap=True)
        self.conflict_label.setObjectName("ConflictNotice")
        self.conflict_label.setStyleSheet(
            "QLabel#ConflictNotice { background-color: #FDECEA; color: #B3261E;"
            " border: 1px solid #C62828; border-radius: 6px; padding: 6px 10px; }"
        )
        self.conflict_label.hide()

        self.model = ContactsModel(self)
        self.proxy = ContactsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self.people_tab)
        self.table.setObjectName("ContactsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ContactsModel.GROUP, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setFont(style.sized_font(self.table, 1))
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ContactsModel.OTHERS, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.activated.connect(self._row_activated)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        box.addLayout(top)
        box.addLayout(actions)
        box.addWidget(self.conflict_label)
        box.addWidget(self.table, 1)

    def _button(self, slot: Any) -> QPushButton:
        push = QPushButton(self.people_tab)
        push.setFont(style.sized_font(push, 1))
        push.clicked.connect(slot)
        return push

    # -- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the people and call trees again (at start and after they changed)."""
        console = self.ctx.console
        self.ctx.runner.query(lambda: load_contacts(console), on_done=self._loaded_data)

    def _loaded_data(self, data: ContactsData) -> None:
        self.data = data
        self._loaded = True
        selected = self.selected_entry()
        self.model.set_entries(data.entries, self.ctx.lang)
        self.tree_editor.set_data(data.trees, data.people())
        self._show_counts()
        wanted = self._select_after_load or (selected["key"] if selected else None)
        self._select_after_load = None
        if (wanted is None or not self.select_person(wanted)) and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        if self._loaded:
            self.tree_editor.set_data(self.data.trees, self.data.people())

    def _show_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not self._loaded:
            self.count_label.setText(self.tr("Reading…"))
        elif shown == total:
            self.count_label.setText(self.tr("{count} people").format(count=total))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} people").format(shown=shown, total=total)
            )
        conflicts = [e for e in self.data.entries if e.get("conflict")]
        if conflicts:
            names = ", ".join(text_of(e["data"].get("name"), self.ctx.lang) for e in conflicts[:5])
            self.conflict_label.setText(
                self.tr(
                    "Changed on two laptops at once: {names}. Open each person marked "
                    "Conflict to choose which version to keep."
                ).format(names=names + (" …" if len(conflicts) > 5 else ""))
            )
        self.conflict_label.setVisible(bool(conflicts))

    # -- finding ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: the people search box."""
        self.tabs.setCurrentWidget(self.people_tab)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.proxy.set_text(self.search_edit.text())
        self.proxy.set_group(self.group_combo.currentData())
        self._show_counts()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()

    def _search_entered(self) -> None:
        self.apply_filter()
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def visible_entries(self) -> list[dict[str, Any]]:
        """The people the list shows, top to bottom."""
        return [self.proxy.index(row, 0).data(ENTRY_ROLE) for row in range(self.proxy.rowCount())]

    def selected_entry(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, dict) else None

    def select_person(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.edit_button.setEnabled(entry is not None)
        self.remove_button.setEnabled(entry is not None)
        if entry is not None and entry.get("conflict"):
            self.edit_button.setText(self.tr("&Resolve conflict…"))
        else:
            self.edit_button.setText(self.tr("&Edit…"))

    # -- people -------------------------------------------------------------------------------

    def _row_activated(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, dict):
            self.open_person(entry)

    def add_person(self) -> ContactDialog:
        dialog = ContactDialog(self.ctx, None, self)
        dialog.saved.connect(self._person_saved)
        open_dialog(dialog)
        return dialog

    def edit_selected(self) -> ContactDialog | ConflictDialog | None:
        entry = self.selected_entry()
        return self.open_person(entry) if entry is not None else None

    def open_person(self, entry: dict[str, Any]) -> ContactDialog | ConflictDialog:
        """Edit a person; one with conflicting edits first has a version chosen."""
        dialog: ContactDialog | ConflictDialog
        if entry.get("conflict"):
            dialog = ConflictDialog(self.ctx, entry, self)
            dialog.accepted.connect(
                lambda: self.show_status(
                    self.tr("Kept the chosen version of {name}.").format(
                        name=text_of(entry["data"].get("name"), self.ctx.lang)
                    )
                )
            )
        else:
            dialog = ContactDialog(self.ctx, entry, self)
            dialog.saved.connect(self._person_saved)
        open_dialog(dialog)
        return dialog

    def _person_saved(self, key: str) -> None:
        self.show_status(self.tr("Saved."))
        # The list is read again after the change: select the person once it is there.
        self._select_after_load = key

    def remove_selected(self) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        name = text_of(entry["data"].get("name"), self.ctx.lang)
        used = trees_naming(self.data.trees, entry["key"])
        if used:
            QMessageBox.information(
                self,
                self.tr("Remove person"),
                self.tr(
                    "{name} is in the call tree(s) {trees}. Take them out of the call trees "
                    "first, so that nobody waits for a call that never comes."
                ).format(
                    name=name,
                    trees=", ".join(
                        text_of(t.get("name"), self.ctx.lang) or t["code"] for t in used
                    ),
                ),
            )
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            self.tr("Remove {person} from the contact list?").format(
                person=person_line(entry["data"], self.ctx.lang)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        console, key = self.ctx.console, entry["key"]
        self.ctx.runner.op(
            lambda: contacts_service.remove_contact(console, key),
            on_done=lambda _c: self.show_status(self.tr("Removed {name}.").format(name=name)),
            on_error=lambda exc: self.show_status(user_message(exc)),
        )
        return True

    # -- files --------------------------------------------------------------------------------

    def import_file(self) -> None:
        """Choose a CSV, Excel or vCard file and show what importing it would do (nothing
        written yet)."""
        path = ask_open_path(
            self,
            self.ctx,
            title=self.tr("Import contacts"),
            filters=[
                (self.tr("Contact files"), "*.csv *.xlsx *.vcf *.vcard"),
                (self.tr("CSV"), "*.csv"),
                (self.tr("Excel workbook"), "*.xlsx"),
                (self.tr("vCard"), "*.vcf *.vcard"),
            ],
        )
        if path is not None:
            self.preview_import(path)

    def preview_import(self, path: Path, encoding: str | None = None) -> None:
        console = self.ctx.console
        self.show_status(self.tr("Reading {name}…").format(name=path.name))
        self.ctx.runner.query(
            lambda: contacts_service.preview_import(console, path, encoding=encoding),
            on_done=lambda preview: self._show_preview(path, preview),
            on_error=lambda exc: self._import_failed(exc, path),
        )

    def _show_preview(self, path: Path, preview: ImportPreview) -> ImportPreviewDialog:
        self.show_status("")
        dialog = ImportPreviewDialog(self.ctx, path, preview, self)
        dialog.accepted.connect(
            lambda: self.show_status(
                self.tr("Imported {name}: {adds} added, {changes} changed.").format(
                    name=path.name, adds=len(preview.adds), changes=len(preview.changes)
                )
            )
        )
        dialog.rejected.connect(
            lambda: self.show_status(self.tr("Import cancelled: nothing was written."))
        )
        open_dialog(dialog)
        return dialog

    def _import_failed(self, exc: BaseException, path: Path | None = None) -> None:
        message = user_message(exc)
        self.show_status(message)
        if path is not None and isinstance(exc, contacts_service.EncodingRefused):
            # Decoded only when the user picks the encoding: offer the choice, never guess.
            encoding = choose_encoding(self, message)
            if encoding is not None:
                self.preview_import(path, encoding)
            return
        QMessageBox.warning(self, self.tr("Import contacts"), message)

    def export_file(self) -> None:
        """Save every person as CSV (opens in Excel) or vCard (phones, Outlook)."""
        path = ask_save_path(
            self,
            self.ctx,
            title=self.tr("Export contacts"),
            suggested="contacts.csv",
            filters=[
                (self.tr("CSV for Excel"), ".csv"),
                (self.tr("Excel workbook"), ".xlsx"),
                (self.tr("vCard"), ".vcf"),
            ],
        )
        if path is None:
            return
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: contacts_service.export_file(console, path),
            on_done=lambda count: self.show_status(
                self.tr("Exported {count} people to {path}").format(count=count, path=path)
            ),
            on_error=lambda exc: self.show_status(user_message(exc)),
        )

    # -- misc ---------------------------------------------------------------------------------

    def show_status(self, message: str) -> None:
        self.status_label.setText(message)

    def retranslate(self) -> None:
        super().retranslate()
        self.tabs.setTabText(0, self.tr("People"))
        self.tabs.setTabText(1, self.tr("Call trees"))
        self.search_edit.setPlaceholderText(
            self.tr("Find a person: name, number or position, Chinese or English (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(self.tr("Find a person"))
        self.group_combo.setItemText(0, self.tr("All groups"))
        for index, group in enumerate(GROUPS, 1):
            self.group_combo.setItemText(index, group_label(group, self.ctx.lang))
        self.group_combo.setAccessibleName(self.tr("Group"))
        self.add_button.setText(self.tr("&Add person…"))
        self.remove_button.setText(self.tr("Re&move…"))
        self.import_button.setText(self.tr("&Import CSV / vCard…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.table.setAccessibleName(self.tr("People"))
        self._update_buttons()
        self._show_counts()
