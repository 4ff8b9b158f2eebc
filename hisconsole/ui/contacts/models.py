"""Qt item models over contacts: the people table and its filter, and an editable call tree."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from hisconsole.domain.contacts import GROUP_NAMES, GROUPS, review_words, text_of
from hisconsole.ui.i18n import phone_type_label

Index = QModelIndex | QPersistentModelIndex


def model_index(index: Index) -> QModelIndex:
    """``index`` as a QModelIndex (views hand models persistent ones too)."""
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    if model is None:
        return QModelIndex()
    return model.index(index.row(), index.column(), index.parent())


DISPLAY = Qt.ItemDataRole.DisplayRole
#: The whole entry of a row ({key, data, conflict, rivals}).
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
#: What a column sorts by (names case-folded, groups in plan order).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The contact key of a row or a call-tree node.
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
#: The alternate's contact key of a call-tree node.
ALTERNATE_ROLE = Qt.ItemDataRole.UserRole + 4

CONFLICT_BACKGROUND = "#C62828"
REVIEW_BACKGROUND = "#FFE082"
CONFLICT_ROW = "#FDECEA"


def group_label(group: str, lang: str) -> str:
    return text_of(GROUP_NAMES.get(group), lang) or group


def phone_text(phone: dict[str, Any]) -> str:
    """One number as listed: "mobile 139 1000 2001"."""
    return f"{phone_type_label(str(phone.get('type', '')))} {phone.get('number', '')}".strip()


def person_line(data: dict[str, Any], lang: str) -> str:
    """A person in one line: both names, position, numbers."""
    names = " ".join(v for v in ((data.get("name") or {}).get(k) for k in ("zh", "en")) if v)
    position = text_of(data.get("position"), lang)
    numbers = "  ·  ".join(phone_text(p) for p in data.get("phones") or [])
    return " — ".join(part for part in (names, position, numbers) if part)


def needs_review(data: dict[str, Any]) -> bool:
    return any(p.get("needs_review") for p in data.get("phones", []))


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def haystack(data: dict[str, Any], group_names: Sequence[str] = ()) -> tuple[str, str]:
    """What a person is found by: their texts (both languages, case-folded) and their digits."""
    words: list[str] = []
    for name in ("name", "position", "organisation", "department"):
        value = data.get(name) or {}
        if isinstance(value, dict):
            words.extend(str(v) for v in value.values())
        else:
            words.append(str(value))
    words.append(str(data.get("email", "")))
    words.extend(str(e.get("address", "")) for e in data.get("emails") or [] if isinstance(e, dict))
    words.extend(group_names)
    numbers = [str(p.get("number", "")) for p in data.get("phones", [])]
    words.extend(numbers)
    return " ".join(words).casefold(), " ".join(digits(n) for n in numbers)


class ContactsModel(QAbstractTableModel):
    """Every person on this console's contact list, one row each.

    Columns: status (a conflict to resolve, a number to check), name in
    Chinese and in English, position, group, first-choice number, other
    numbers. ``ENTRY_ROLE`` gives the service's entry ``{key, data, conflict,
    rivals}``; ``SORT_ROLE`` what each column sorts by.

    Signals: those of QAbstractTableModel.
    """

    STATUS, NAME_ZH, NAME_EN, POSITION, GROUP, FIRST, OTHERS = range(7)
    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[dict[str, Any]] = []
        self._search: list[tuple[str, str]] = []
        self.lang = "en"

    def set_entries(self, entries: list[dict[str, Any]], lang: str) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.lang = lang
        self._search = [
            haystack(e["data"], [group_label(e["data"].get("group", ""), g) for g in ("zh", "en")])
            for e in self._entries
        ]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            if self._entries:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._entries) - 1, self.COLUMNS - 1)
                )
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def entry(self, row: int) -> dict[str, Any]:
        return self._entries[row]

    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e["key"] == key), -1)

    def search_text(self, row: int) -> tuple[str, str]:
        return self._search[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def _status(self, entry: dict[str, Any]) -> str:
        if entry.get("conflict"):
            return QCoreApplication.translate("ContactsModel", "Conflict")
        if needs_review(entry["data"]):
            return QCoreApplication.translate("ContactsModel", "Check number")
        return ""

    def _cell(self, entry: dict[str, Any], column: int) -> str:
        data = entry["data"]
        name = data.get("name") or {}
        phones = data.get("phones") or []
        if column == self.STATUS:
            return self._status(entry)
        if column == self.NAME_ZH:
            return str(name.get("zh", ""))
        if column == self.NAME_EN:
            return str(name.get("en", ""))
        if column == self.POSITION:
            return text_of(data.get("position"), self.lang)
        if column == self.GROUP:
            return group_label(str(data.get("group", "")), self.lang)
        if column == self.FIRST:
            return phone_text(phones[0]) if phones else ""
        if column == self.OTHERS:
            return "  ·  ".join(phone_text(p) for p in phones[1:])
        return ""

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == DISPLAY:
            return self._cell(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == KEY_ROLE:
            return entry["key"]
        if role == SORT_ROLE:
            if column == self.GROUP:
                group = entry["data"].get("group", "")
                return GROUPS.index(group) if group in GROUPS else len(GROUPS)
            if column == self.STATUS:
                return 0 if entry.get("conflict") else 1 if needs_review(entry["data"]) else 2
            return self._cell(entry, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.STATUS and entry.get("conflict"):
                return QColor(CONFLICT_BACKGROUND)
            if column == self.STATUS and needs_review(entry["data"]):
                return QColor(REVIEW_BACKGROUND)
            phones = entry["data"].get("phones") or []
            if column == self.FIRST and phones and phones[0].get("needs_review"):
                return QColor(REVIEW_BACKGROUND)
            if column == self.OTHERS and any(p.get("needs_review") for p in phones[1:]):
                return QColor(REVIEW_BACKGROUND)
            if entry.get("conflict"):
                return QColor(CONFLICT_ROW)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and entry.get("conflict"):
                return QColor("#FFFFFF")
            # Black on the amber of a number to check (whatever the palette's text colour).
            return QColor("#000000") if self.data(index, Qt.ItemDataRole.BackgroundRole) else None
        if role == Qt.ItemDataRole.FontRole and column in (self.STATUS, self.FIRST):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, entry: dict[str, Any], column: int) -> str | None:
        if column == self.STATUS and entry.get("conflict"):
            return QCoreApplication.translate(
                "ContactsModel",
                "Two laptops changed this person at the same time. Open them to choose "
                "which version to keep.",
            )
        phones = entry["data"].get("phones") or []
        flagged = [p for p in phones if p.get("needs_review")]
        if column in (self.STATUS, self.FIRST, self.OTHERS) and flagged:
            if column == self.FIRST and not (phones and phones[0].get("needs_review")):
                return self._cell(entry, column)
            return "\n".join(
                QCoreApplication.translate(
                    "ContactsModel", "{number}: imported as written, check it ({reason})"
                ).format(number=p.get("number", ""), reason=review_words(p, self.lang) or "—")
                for p in flagged
            )
        if column == self.OTHERS:
            return "\n".join(phone_text(p) for p in phones[1:]) or None
        return self._cell(entry, column) or None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        headers = [
            QCoreApplication.translate("ContactsModel", "Status"),
            QCoreApplication.translate("ContactsModel", "Name (Chinese)"),
            QCoreApplication.translate("ContactsModel", "Name (English)"),
            QCoreApplication.translate("ContactsModel", "Position"),
            QCoreApplication.translate("ContactsModel", "Group"),
            QCoreApplication.translate("ContactsModel", "First choice"),
            QCoreApplication.translate("ContactsModel", "Other numbers"),
        ]
        return headers[section] if 0 <= section < len(headers) else None


class ContactsFilter(QSortFilterProxyModel):
    """Narrows the people table by a search text and a group.

    Every word of the search text must appear in the person's names (either
    language), position, organisation, e-mail, group or numbers; a word of
    digits also matches a number written with spaces or dashes ("13910002001"
    finds "139 1000 2001").

    Signals: those of QSortFilterProxyModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._group: str | None = None
        self._conflicts_only = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, query: str) -> None:
        self._changing(lambda: setattr(self, "_words", [w.casefold() for w in query.split()]))

    def set_group(self, group: str | None) -> None:
        self._changing(lambda: setattr(self, "_group", group or None))

    def _changing(self, change: Callable[[], None]) -> None:
        # Qt 6.9 and later want the filter change announced before it happens.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        change()
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    @staticmethod
    def _number_query(word: str) -> str | None:
        """The digits of a word that is a (part of a) phone number, else None."""
        wanted = digits(word)
        if len(wanted) < 3 or any(not (ch.isdigit() or ch in "+-().") for ch in word):
            return None
        return wanted

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ContactsModel):
            return True
        entry = model.entry(source_row)
        if self._group is not None and entry["data"].get("group") != self._group:
            return False
        words, numbers = model.search_text(source_row)
        for word in self._words:
            if word in words:
                continue
            wanted = self._number_query(word)
            if wanted is None:
                return False
            # Numbers are stored as dialled at home: "+86 139…" is "139…".
            local = wanted[2:] if wanted.startswith("86") and len(wanted) > 11 else wanted
            if wanted not in numbers and local not in numbers:
                return False
        return True


# --- call trees ---------------------------------------------------------------------------

TREE_MIME = "application/x-hisconsole-calltree-nodes"


@dataclass(eq=False)
class Node:
    """One person to call in a call tree, with their alternate and the people they call."""

    contact: str
    alternate: str | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], parent: Node | None = None) -> Node:
        node = cls(str(data["contact"]), data.get("alternate") or None, parent=parent)
        node.children = [cls.from_dict(child, node) for child in data.get("children", [])]
        return node

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"contact": self.contact}
        if self.alternate:
            out["alternate"] = self.alternate
        if self.children:
            out["children"] = [child.to_dict() for child in self.children]
        return out

    def row(self) -> int:
        siblings = self.parent.children if self.parent is not None else []
        return siblings.index(self)

    def contains(self, other: Node) -> bool:
        """Whether ``other`` is this node or one of its descendants."""
        node: Node | None = other
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False


class CallTreeModel(QAbstractItemModel):
    """A call tree being edited: who calls whom, in order, each with an alternate.

    Columns: the person (name and position), their first-choice number, the
    alternate (called after the tree's wait if the person does not answer)
    and the alternate's number. Nodes move by drag and drop (``mimeData`` /
    ``dropMimeData`` move them within this model) and by the editing calls
    (``move_up``, ``indent`` …). Every change sets ``modified``.

    Signals: those of QAbstractItemModel.
    """

    PERSON, NUMBER, ALTERNATE, ALTERNATE_NUMBER = range(4)
    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Node("")
        self.tree: dict[str, Any] = {}
        self.people: dict[str, dict[str, Any]] = {}
        self.lang = "en"
        self.modified = False

    # -- content ------------------------------------------------------------------------------

    def set_tree(self, tree: dict[str, Any]) -> None:
        self.beginResetModel()
        self.tree = copy.deepcopy(tree)
        self.root = Node("")
        self.root.children = [Node.from_dict(n, self.root) for n in tree.get("nodes", [])]
        self.modified = False
        self.endResetModel()

    def set_people(self, people: dict[str, dict[str, Any]], lang: str) -> None:
        self.people = people
        self.lang = lang
        self._all_changed()

    def to_tree(self) -> dict[str, Any]:
        tree = copy.deepcopy(self.tree)
        tree["nodes"] = [child.to_dict() for child in self.root.children]
        return tree

    def node(self, index: Index) -> Node:
        if index.isValid():
            pointer = index.internalPointer()
            assert isinstance(pointer, Node)
            return pointer
        return self.root

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def nodes(self) -> list[Node]:
        """Every node, depth first."""
        out: list[Node] = []

        def walk(node: Node) -> None:
            for child in node.children:
                out.append(child)
                walk(child)

        walk(self.root)
        return out

    def name(self, key: str | None) -> str:
        if not key:
            return ""
        data = self.people.get(key)
        if data is None:
            return QCoreApplication.translate(
                "CallTreeModel", "{key} (not on the contact list)"
            ).format(key=key)
        return text_of(data.get("name"), self.lang)

    def number(self, key: str | None) -> str:
        phones = (self.people.get(key or "") or {}).get("phones") or []
        return str(phones[0].get("number", "")) if phones else ""

    # -- the Qt model -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        node = self.node(parent)
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        parent = node.parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == DISPLAY:
            if column == self.PERSON:
                return self.name(node.contact)
            if column == self.NUMBER:
                return self.number(node.contact)
            if column == self.ALTERNATE:
                return self.name(node.alternate)
            if column == self.ALTERNATE_NUMBER:
                return self.number(node.alternate)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            key = (
                node.alternate
                if column in (self.ALTERNATE, self.ALTERNATE_NUMBER)
                else node.contact
            )
            person = self.people.get(key or "") or {}
            return (
                " — ".join(
                    p for p in (self.name(key), text_of(person.get("position"), self.lang)) if p
                )
                or None
            )
        if role == KEY_ROLE:
            return node.contact
        if role == ALTERNATE_ROLE:
            return node.alternate
        if role == Qt.ItemDataRole.FontRole and column == self.NUMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            self.ALTERNATE,
            self.ALTERNATE_NUMBER,
        ):
            return QColor("#5F6368")
        if role == Qt.ItemDataRole.ForegroundRole and node.contact not in self.people:
            return QColor("#B3261E")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        headers = [
            QCoreApplication.translate("CallTreeModel", "Person"),
            QCoreApplication.translate("CallTreeModel", "Number"),
            QCoreApplication.translate("CallTreeModel", "Alternate"),
            QCoreApplication.translate("CallTreeModel", "Alternate's number"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TREE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged nodes, as their paths (row numbers from the top) in this model."""
        paths: list[list[int]] = []
        for index in indexes:
            if not index.isValid() or index.column() != 0:
                continue
            path = self._path(self.node(index))
            if path not in paths:
                paths.append(path)
        mime = QMimeData()
        mime.setData(TREE_MIME, json.dumps({"model": id(self), "paths": paths}).encode())
        return mime

    def _path(self, node: Node) -> list[int]:
        path: list[int] = []
        while node.parent is not None:
            path.insert(0, node.row())
            node = node.parent
        return path

    def _at(self, path: list[int]) -> Node | None:
        node = self.root
        for row in path:
            if not 0 <= row < len(node.children):
                return None
            node = node.children[row]
        return node

    def _dragged(self, data: QMimeData) -> list[Node]:
        if not data.hasFormat(TREE_MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(TREE_MIME).data()).decode())
        except ValueError:
            return []
        if payload.get("model") != id(self):
            return []
        nodes = [self._at(list(p)) for p in payload.get("paths", [])]
        found = [n for n in nodes if n is not None and n is not self.root]
        # A node dragged along with its ancestor moves with it, not on its own.
        return [n for n in found if not any(o is not n and o.contains(n) for o in found)]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self.node(model_index(parent).siblingAtColumn(0) if parent.isValid() else parent)
        dragged = self._dragged(data)
        return bool(dragged) and not any(n.contains(target) for n in dragged)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged nodes under ``parent`` at ``row`` (-1: after its last child).

        The move is complete here (the view is told not to remove the sources).
        """
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.node(model_index(parent).siblingAtColumn(0) if parent.isValid() else parent)
        position = len(target.children) if row < 0 else min(row, len(target.children))
        for node in self._dragged(data):
            position = self._move(node, target, position) + 1
        return True

    def _move(self, node: Node, target: Node, position: int) -> int:
        """Move ``node`` to ``target``'s children at ``position``; returns where it landed."""
        source = node.parent
        assert source is not None
        old_row = node.row()
        if source is target and position in (old_row, old_row + 1):
            return old_row
        source_index = self.index_of(source)
        target_index = self.index_of(target)
        if not self.beginMoveRows(source_index, old_row, old_row, target_index, position):
            return old_row
        source.children.pop(old_row)
        landed = position - 1 if source is target and position > old_row else position
        target.children.insert(landed, node)
        node.parent = target
        self.endMoveRows()
        self.modified = True
        return landed

    # -- editing ------------------------------------------------------------------------------

    def add_person(self, key: str, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Add ``key`` as the last person ``parent`` calls (top level for an invalid index)."""
        target = self.node(model_index(parent).siblingAtColumn(0) if parent.isValid() else parent)
        row = len(target.children)
        self.beginInsertRows(self.index_of(target), row, row)
        target.children.append(Node(key, parent=target))
        self.endInsertRows()
        self.modified = True
        return self.index(row, 0, self.index_of(target))

    def remove(self, index: Index) -> bool:
        """Remove a node; the people it called move up to its place (nobody is lost)."""
        if not index.isValid():
            return False
        node = self.node(index)
        parent = node.parent
        assert parent is not None
        row = node.row()
        orphans = list(node.children)
        self.beginRemoveRows(self.index_of(parent), row, row)
        parent.children.pop(row)
        self.endRemoveRows()
        if orphans:
            self.beginInsertRows(self.index_of(parent), row, row + len(orphans) - 1)
            for offset, child in enumerate(orphans):
                child.parent = parent
                parent.children.insert(row + offset, child)
            self.endInsertRows()
            node.children = []
        self.modified = True
        return True

    def move_up(self, index: Index) -> QModelIndex:
        node = self.node(index)
        if not index.isValid() or node.row() == 0:
            return model_index(index)
        parent = node.parent
        assert parent is not None
        landed = self._move(node, parent, node.row() - 1)
        return self.createIndex(landed, 0, node)

    def move_down(self, index: Index) -> QModelIndex:
        node = self.node(index)
        parent = node.parent
        if not index.isValid() or parent is None or node.row() >= len(parent.children) - 1:
            return model_index(index)
        landed = self._move(node, parent, node.row() + 2)
        return self.createIndex(landed, 0, node)

    def indent(self, index: Index) -> QModelIndex:
        """Make a node called by the person above it (its previous sibling), last in their list."""
        node = self.node(index)
        parent = node.parent
        if not index.isValid() or parent is None or node.row() == 0:
            return model_index(index)
        above = parent.children[node.row() - 1]
        landed = self._move(node, above, len(above.children))
        return self.createIndex(landed, 0, node)

    def outdent(self, index: Index) -> QModelIndex:
        """Make a node called by its caller's caller, right after its former caller."""
        node = self.node(index)
        parent = node.parent
        if not index.isValid() or parent is None or parent is self.root:
            return model_index(index)
        grand = parent.parent
        assert grand is not None
        landed = self._move(node, grand, parent.row() + 1)
        return self.createIndex(landed, 0, node)

    def set_alternate(self, index: Index, key: str | None) -> bool:
        if not index.isValid():
            return False
        node = self.node(index)
        if key == node.contact:
            return False
        node.alternate = key or None
        self.dataChanged.emit(
            model_index(index).siblingAtColumn(0),
            model_index(index).siblingAtColumn(self.COLUMNS - 1),
        )
        self.modified = True
        return True

    def _all_changed(self) -> None:
        for node in self.nodes():
            self.dataChanged.emit(
                self.createIndex(node.row(), 0, node),
                self.createIndex(node.row(), self.COLUMNS - 1, node),
            )
