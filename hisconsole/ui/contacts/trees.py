"""The call-tree editor: who calls whom, with alternates, by keyboard or drag and drop."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QDrag, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.contacts import text_of
from hisconsole.i18n import PrintLanguage
from hisconsole.services import calltrees as calltrees_service
from hisconsole.services import contacts as contacts_service
from hisconsole.ui import style
from hisconsole.ui.contacts.models import CallTreeModel, group_label, haystack
from hisconsole.ui.contacts.new_tree_dialog import NewTreeDialog
from hisconsole.ui.contacts.print_tree_dialog import PrintTreeDialog
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.files import ask_save_path, writer
from hisconsole.ui.runner import user_message

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class CallTreeView(QTreeView):
    """A tree view whose drops move nodes inside the model (the model does the whole move).

    Signals: those of QTreeView.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # QAbstractItemView would remove the dragged rows after a move: the model
        # has already moved them in dropMimeData, so drag without that step.
        model = self.model()
        indexes = [i for i in self.selectedIndexes() if i.column() == 0]
        if model is None or not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(indexes))
        drag.exec(Qt.DropAction.MoveAction)


class CallTreeEditor(QWidget):
    """Choose a call tree and edit it: add people, move them, set alternates, save, print.

    The tree is edited in memory; Save stores it (one event). Keyboard:
    Insert adds the person chosen on the right as someone the selected person
    calls; Ctrl+Up/Down move; Ctrl+Right/Left indent (called by the person
    above) and outdent; Delete removes; Ctrl+S saves. Nodes also move by drag
    and drop.

    Signals:
        status(str): a message for the page's status line.
    """

    status = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trees: list[dict[str, Any]] = []
        self.people: dict[str, dict[str, Any]] = {}
        self.new_codes: set[str] = set()

        self.tree_label = QLabel(self)
        self.tree_combo = QComboBox(self)
        self.tree_combo.setFont(style.sized_font(self.tree_combo, 1))
        self.tree_combo.setMinimumContentsLength(24)
        self.tree_label.setBuddy(self.tree_combo)
        self.tree_combo.currentIndexChanged.connect(self._tree_chosen)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_tree)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_tree)
        top = QHBoxLayout()
        top.addWidget(self.tree_label)
        top.addWidget(self.tree_combo, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.print_button)

        self.name_label = QLabel(self)
        self.name_edit = BilingualEdit(None, parent=self)
        self.name_label.setBuddy(self.name_edit.fields["zh"])
        for field in self.name_edit.fields.values():
            assert isinstance(field, QLineEdit)
            field.textEdited.connect(self._details_edited)
        self.wait_label = QLabel(self)
        self.wait_spin = QSpinBox(self)
        self.wait_spin.setRange(1, 120)
        self.wait_label.setBuddy(self.wait_spin)
        self.wait_spin.valueChanged.connect(self._details_edited)
        # Wave 1 (the top level) may need N people reached within M minutes, else the
        # next level is called at once; 0 = a plain cascade. Deeper waves: calltree wave.
        self.need_label = QLabel(self)
        self.need_spin = QSpinBox(self)
        self.need_spin.setObjectName("WaveNeed")
        self.need_spin.setRange(0, 99)
        self.need_label.setBuddy(self.need_spin)
        self.within_spin = QSpinBox(self)
        self.within_spin.setObjectName("WaveWithin")
        self.within_spin.setRange(1, 240)
        self.within_spin.setValue(10)
        self.need_spin.valueChanged.connect(self._details_edited)
        self.within_spin.valueChanged.connect(self._details_edited)
        self.wave_note = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        wave = QHBoxLayout()
        wave.addWidget(self.need_spin)
        wave.addWidget(self.within_spin)
        wave.addWidget(self.wave_note, 1)
        details = QGridLayout()
        details.addWidget(self.name_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.name_edit, 0, 1)
        details.addWidget(self.wait_label, 0, 2, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.wait_spin, 0, 3, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.need_label, 1, 0)
        details.addLayout(wave, 1, 1, 1, 3)
        details.setColumnStretch(1, 1)

        self.model = CallTreeModel(self)
        self.view = CallTreeView(self)
        self.view.setObjectName("CallTreeView")
        self.view.setModel(self.model)
        self.view.setFont(style.sized_font(self.view, 1))
        self.view.setAlternatingRowColors(True)
        header = self.view.header()
        header.setSectionResizeMode(CallTreeModel.PERSON, QHeaderView.ResizeMode.Stretch)
        for column in (
            CallTreeModel.NUMBER,
            CallTreeModel.ALTERNATE,
            CallTreeModel.ALTERNATE_NUMBER,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for signal in (
            self.model.rowsMoved,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
        ):
            signal.connect(self._tree_edited)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("add", self.add_person, "Insert"),
            ("add_top", self.add_top, ""),
            ("up", self.move_up, "Ctrl+Up"),
            ("down", self.move_down, "Ctrl+Down"),
            ("indent", self.indent, "Ctrl+Right"),
            ("outdent", self.outdent, "Ctrl+Left"),
            ("alternate", self.set_alternate, ""),
            ("clear_alternate", self.clear_alternate, ""),
            ("remove", self.remove, "Delete"),
        )
        button_grid = QGridLayout()
        button_grid.setHorizontalSpacing(6)
        button_grid.setVerticalSpacing(6)
        for number, (name, slot, keys) in enumerate(actions):
            push = QPushButton(self)
            push.setObjectName(f"Tree-{name}")
            push.clicked.connect(slot)
            self.buttons[name] = push
            # Three to a row: long button texts must fit beside the people list.
            button_grid.addWidget(push, number // 3, number % 3)
            if keys:
                shortcut = QShortcut(QKeySequence(keys), self.view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        save_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_keys.activated.connect(self.save)

        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.view, 1)
        left_box.addLayout(button_grid)

        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(8, 0, 0, 0)
        self.people_caption = style.label("", right, bold=True, wrap=True)
        self.people_search = QLineEdit(right)
        self.people_search.setClearButtonEnabled(True)
        self.people_search.textChanged.connect(self._filter_people)
        self.people_search.returnPressed.connect(self.add_person)
        self.people_list = QListWidget(right)
        self.people_list.setObjectName("TreePeople")
        self.people_list.setFont(style.sized_font(self.people_list, 1))
        self.people_list.setAlternatingRowColors(True)
        self.people_list.setWordWrap(True)
        self.people_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people_list.itemActivated.connect(lambda _item: self.add_person())
        self.people_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        right_box.addWidget(self.people_caption)
        right_box.addWidget(self.people_search)
        right_box.addWidget(self.people_list, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 360])

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("TreeSave")
        self.save_button.setFont(style.sized_font(self.save_button, 1, bold=True))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self)
        self.revert_button.clicked.connect(self.revert)
        self.dirty_label = style.label("", self, colour="#8D5B00", bold=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.dirty_label, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(details)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._loading = False
        self.retranslate()
        self._update_buttons()

    # -- data ---------------------------------------------------------------------------------

    @property
    def modified(self) -> bool:
        return self.model.modified

    def current_code(self) -> str | None:
        code = self.tree_combo.currentData()
        return code if isinstance(code, str) else None

    def set_data(self, trees: list[dict[str, Any]], people: dict[str, dict[str, Any]]) -> None:
        """Show the stored trees (keeping a tree being edited as it is) and the people."""
        self.trees = [copy.deepcopy(t) for t in trees]
        self.people = people
        self.new_codes -= {t["code"] for t in trees}
        keep = self.current_code()
        editing = self.model.to_tree() if self.modified else None
        self.model.set_people(people, self.ctx.lang)
        self._fill_combo(keep)
        if editing is None:
            self._show(self.current_code())
        self._fill_people()

    def tree(self, code: str | None) -> dict[str, Any] | None:
        return next((t for t in self.trees if t["code"] == code), None)

    def _fill_combo(self, keep: str | None) -> None:
        self._loading = True
        self.tree_combo.clear()
        codes = [t["code"] for t in self.trees]
        if keep is not None and keep not in codes and self.modified:
            codes.append(keep)
        for code in codes:
            tree = self.tree(code) or self.model.tree
            name = text_of(tree.get("name"), self.ctx.lang) or code
            self.tree_combo.addItem(f"{name} ({code})", code)
        index = self.tree_combo.findData(keep) if keep is not None else 0
        self.tree_combo.setCurrentIndex(max(0, index))
        self._loading = False

    def _show(self, code: str | None) -> None:
        tree = self.tree(code) or {"code": code or "", "name": {}, "wait_minutes": 5, "nodes": []}
        self._loading = True
        self.model.set_tree(tree)
        self.name_edit.set_value(tree.get("name") or {})
        self.wait_spin.setValue(int(tree.get("wait_minutes", 5)))
        self._show_wave(tree)
        self._loading = False
        self.view.expandAll()
        first = self.model.index(0, 0)
        if first.isValid():
            self.view.setCurrentIndex(first)
        self._tree_edited()

    def _fill_people(self) -> None:
        current = self.people_list.currentItem()
        key = current.data(KEY_ROLE) if current is not None else None
        self.people_list.clear()
        lang = self.ctx.lang
        ordered = sorted(
            self.people.items(),
            key=lambda kv: (
                str(kv[1].get("group", "")),
                text_of(kv[1].get("name"), "en").casefold(),
            ),
        )
        for person_key, data in ordered:
            names = " ".join(
                v for v in ((data.get("name") or {}).get(k) for k in ("zh", "en")) if v
            )
            position = text_of(data.get("position"), lang)
            item = QListWidgetItem(f"{names}\n{position}" if position else names)
            item.setData(KEY_ROLE, person_key)
            item.setToolTip(group_label(str(data.get("group", "")), lang))
            words, numbers = haystack(data)
            item.setData(KEY_ROLE + 1, f"{words} {numbers}")
            self.people_list.addItem(item)
            if person_key == key:
                self.people_list.setCurrentItem(item)
        self._filter_people(self.people_search.text())

    def _filter_people(self, query: str) -> None:
        words = query.casefold().split()
        first: QListWidgetItem | None = None
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            if item is None:
                continue
            hay = str(item.data(KEY_ROLE + 1))
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.people_list.currentItem()
        if (current is None or current.isHidden()) and first is not None and words:
            self.people_list.setCurrentItem(first)

    def chosen_person(self) -> str | None:
        item = self.people_list.currentItem()
        if item is None or item.isHidden():
            return None
        key = item.data(KEY_ROLE)
        return key if isinstance(key, str) else None

    def choose_person(self, key: str) -> None:
        """Make ``key`` the person on the right that the buttons add or set as alternate."""
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            if item is not None and item.data(KEY_ROLE) == key:
                item.setHidden(False)
                self.people_list.setCurrentItem(item)
                return

    # -- editing ------------------------------------------------------------------------------

    def current(self) -> QModelIndex:
        return self.view.currentIndex().siblingAtColumn(0)

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.expand(index.parent())
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def add_person(self) -> None:
        key = self.chosen_person()
        if key is None:
            self.status.emit(self.tr("Choose a person in the list on the right first."))
            return
        parent = self.current()
        index = self.model.add_person(key, parent)
        if parent.isValid():
            self.view.expand(parent)
        self._select(index)

    def add_top(self) -> None:
        key = self.chosen_person()
        if key is None:
            self.status.emit(self.tr("Choose a person in the list on the right first."))
            return
        self._select(self.model.add_person(key))

    def move_up(self) -> None:
        self._select(self.model.move_up(self.current()))

    def move_down(self) -> None:
        self._select(self.model.move_down(self.current()))

    def indent(self) -> None:
        index = self.model.indent(self.current())
        self._select(index)

    def outdent(self) -> None:
        self._select(self.model.outdent(self.current()))

    def set_alternate(self) -> None:
        key = self.chosen_person()
        index = self.current()
        if key is None or not index.isValid():
            self.status.emit(
                self.tr("Select a person in the tree and the alternate in the list on the right.")
            )
            return
        if not self.model.set_alternate(index, key):
            self.status.emit(self.tr("A person cannot be their own alternate."))

    def clear_alternate(self) -> None:
        self.model.set_alternate(self.current(), None)

    def remove(self) -> None:
        index = self.current()
        if not index.isValid():
            return
        row, parent = index.row(), index.parent()
        self.model.remove(index)
        count = self.model.rowCount(parent)
        if count:
            self._select(self.model.index(min(row, count - 1), 0, parent))
        elif parent.isValid():
            self._select(parent)

    def _details_edited(self, *_args: Any) -> None:
        if self._loading:
            return
        self.model.tree["name"] = {k: v for k, v in self.name_edit.value().items() if v}
        self.model.tree["wait_minutes"] = self.wait_spin.value()
        need = self.need_spin.value()
        self.model.tree["levels"] = calltrees_service.set_level(
            self.model.tree.get("levels", []), 1, need or None, self.within_spin.value()
        )
        self.within_spin.setEnabled(bool(need))
        self.model.modified = True
        self._tree_edited()

    def _show_wave(self, tree: dict[str, Any]) -> None:
        levels = tree.get("levels") or []
        first = levels[0] if levels else {}
        self.need_spin.setValue(int(first.get("need") or 0))
        self.within_spin.setValue(int(first.get("within_minutes") or 10))
        self.within_spin.setEnabled(bool(first.get("need")))

    def _tree_edited(self, *_args: Any) -> None:
        self.dirty_label.setText(self.tr("Unsaved changes") if self.modified else "")
        self.save_button.setEnabled(self.modified and bool(self.current_code()))
        self.revert_button.setEnabled(self.modified)
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.current()
        has_tree = bool(self.current_code())
        selected = index.isValid()
        person = self.chosen_person() is not None
        node = self.model.node(index) if selected else None
        parent = node.parent if node is not None else None
        self.buttons["add"].setEnabled(has_tree and person)
        self.buttons["add_top"].setEnabled(has_tree and person)
        self.buttons["up"].setEnabled(selected and index.row() > 0)
        self.buttons["down"].setEnabled(
            selected and parent is not None and index.row() < len(parent.children) - 1
        )
        self.buttons["indent"].setEnabled(selected and index.row() > 0)
        self.buttons["outdent"].setEnabled(selected and parent is not self.model.root)
        self.buttons["alternate"].setEnabled(selected and person)
        self.buttons["clear_alternate"].setEnabled(bool(node and node.alternate))
        self.buttons["remove"].setEnabled(selected)
        self.print_button.setEnabled(has_tree)

    # -- choosing, creating, saving, printing ---------------------------------------------------

    def _tree_chosen(self, _index: int) -> None:
        if self._loading:
            return
        code = self.current_code()
        if self.modified and code != self.model.tree.get("code"):
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved call tree"),
                self.tr("Discard the changes to the call tree {code}?").format(
                    code=self.model.tree.get("code")
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._loading = True
                self.tree_combo.setCurrentIndex(
                    max(0, self.tree_combo.findData(self.model.tree.get("code")))
                )
                self._loading = False
                return
            self.model.modified = False
            if self.model.tree.get("code") in self.new_codes:
                self.new_codes.discard(self.model.tree.get("code"))
                self._fill_combo(code)
        self._show(code)

    def new_tree(self) -> NewTreeDialog:
        dialog = NewTreeDialog([t["code"] for t in self.trees], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_tree(dialog.tree()))
        dialog.open()
        return dialog

    def start_tree(self, tree: dict[str, Any]) -> None:
        """Begin editing a new (empty, unsaved) call tree."""
        self.new_codes.add(tree["code"])
        self._loading = True
        self.model.set_tree(tree)
        self.model.modified = True
        self.name_edit.set_value(tree.get("name") or {})
        self.wait_spin.setValue(int(tree.get("wait_minutes", 5)))
        self._show_wave(tree)
        self._loading = False
        self._fill_combo(tree["code"])
        self._tree_edited()
        self.status.emit(
            self.tr("New call tree: add people from the list on the right, then save.")
        )

    def save(self) -> None:
        if not self.current_code():
            return
        tree = self.model.to_tree()
        console = self.ctx.console
        self.save_button.setEnabled(False)
        self.ctx.runner.op(
            lambda: contacts_service.save_call_tree(console, tree),
            on_done=lambda _changes: self._saved(tree),
            on_error=self._save_failed,
        )

    def _saved(self, tree: dict[str, Any]) -> None:
        self.model.modified = False
        self.new_codes.discard(tree["code"])
        self._tree_edited()
        self.status.emit(
            self.tr("Saved the call tree {name}.").format(
                name=text_of(tree.get("name"), self.ctx.lang) or tree["code"]
            )
        )

    def _save_failed(self, exc: BaseException) -> None:
        self._tree_edited()
        self.status.emit(user_message(exc))

    def revert(self) -> None:
        code = self.current_code()
        self.model.modified = False
        if code in self.new_codes:
            self.new_codes.discard(code)
            self._fill_combo(None)
        self._show(self.current_code())

    def print_tree(self) -> PrintTreeDialog | None:
        code = self.current_code()
        if code is None:
            return None
        if self.modified or code in self.new_codes:
            self.status.emit(self.tr("Save the call tree first: the PDF shows the saved tree."))
            return None
        dialog = PrintTreeDialog(self.ctx.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._print(code, dialog.page(), dialog.lang()))
        dialog.open()
        return dialog

    def _print(self, code: str, page: str, lang: PrintLanguage) -> None:
        path = ask_save_path(
            self,
            self.ctx,
            title=self.tr("Save the call tree as PDF"),
            suggested=f"call-tree-{code}{'-card' if page == 'card' else ''}.pdf",
            filters=[(self.tr("PDF"), ".pdf")],
        )
        if path is None:
            return
        console = self.ctx.console
        self.status.emit(self.tr("Writing {name}…").format(name=path.name))
        self.ctx.runner.query(
            writer(
                path,
                lambda: contacts_service.call_tree_pdf(console, tree=code, page=page, lang=lang),
            ),
            on_done=lambda saved: self.status.emit(self.tr("Saved {path}").format(path=saved)),
            on_error=lambda exc: self.status.emit(user_message(exc)),
        )

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tree_label.setText(self.tr("Call &tree:"))
        self.new_button.setText(self.tr("&New tree…"))
        self.print_button.setText(self.tr("&Print (PDF)…"))
        self.name_label.setText(self.tr("Name:"))
        self.name_edit.set_accessible_name(self.tr("Name of the call tree"))
        self.wait_label.setText(self.tr("&Wait before the alternate (min):"))
        self.need_label.setText(self.tr("Top level: &need"))
        self.need_spin.setSpecialValueText(self.tr("— (a plain cascade)"))
        self.need_spin.setSuffix(self.tr(" reached"))
        self.within_spin.setPrefix(self.tr("within "))
        self.within_spin.setSuffix(self.tr(" min"))
        self.wave_note.setText(self.tr("else the next level is called at once"))
        self.need_spin.setAccessibleName(
            self.tr("People of the top level to reach (0: a plain cascade)")
        )
        self.within_spin.setAccessibleName(self.tr("Minutes to reach them"))
        self.view.setAccessibleName(self.tr("Call tree: who calls whom"))
        texts = {
            "add": (self.tr("&Add as called by selected"), self.tr("Insert")),
            "add_top": (self.tr("Add at top l&evel"), ""),
            "up": (self.tr("Move &up"), self.tr("Ctrl+Up")),
            "down": (self.tr("Move &down"), self.tr("Ctrl+Down")),
            "indent": (self.tr("&Indent"), self.tr("Ctrl+Right")),
            "outdent": (self.tr("&Outdent"), self.tr("Ctrl+Left")),
            "alternate": (self.tr("Set as a&lternate"), ""),
            "clear_alternate": (self.tr("&Clear alternate"), ""),
            "remove": (self.tr("&Remove"), self.tr("Delete")),
        }
        tips = {
            "add": self.tr(
                "Add the person chosen on the right as someone the selected person calls"
            ),
            "add_top": self.tr("Add the person chosen on the right at the top of the tree"),
            "up": self.tr("Call this person earlier"),
            "down": self.tr("Call this person later"),
            "indent": self.tr("Make this person called by the person above"),
            "outdent": self.tr("Make this person called one level up"),
            "alternate": self.tr(
                "Make the person chosen on the right the alternate of the selected person"
            ),
            "clear_alternate": self.tr("The selected person has no alternate"),
            "remove": self.tr(
                "Take the selected person out of this tree (the people they call stay)"
            ),
        }
        for name, (caption, keys) in texts.items():
            push = self.buttons[name]
            push.setText(caption)
            push.setToolTip(f"{tips[name]} ({keys})" if keys else tips[name])
        self.people_caption.setText(self.tr("People (double-click or Enter adds to the tree)"))
        self.people_search.setPlaceholderText(self.tr("Find a person…"))
        self.people_search.setAccessibleName(self.tr("Find a person to add"))
        self.people_list.setAccessibleName(self.tr("People"))
        self.save_button.setText(self.tr("&Save call tree"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Re&vert"))
        self._tree_edited()
        if self.people:
            self.model.set_people(self.people, self.ctx.lang)
            self._fill_combo(self.current_code())
            self._fill_people()
