"""Qt item models over incident data: the activity log (fast at 100,000 entries), small tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from hisconsole.domain import glossary
from hisconsole.ui.i18n import (
    cap_message_label,
    channel_label,
    format_time,
    log_kind_label,
    system_status_label,
)
from hisconsole.ui.roster.labels import roster_entry_text
from hisconsole.ui.situation import date_time

if TYPE_CHECKING:
    from hisconsole.services.incident_log import LogChunk, LogMark

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
#: Role of the whole row as a dict, for views that act on a selected row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# Entries the console writes itself, as opposed to what operators type.


class LogModel(QAbstractTableModel):
    """An incident's activity log (as HICS 214), append-only, oldest first.

    Holds the log rows as the service gives them (plain dicts); the text of a
    cell is made only when a view asks for it, so loading 100,000 entries costs
    one list assignment. New entries at the end are inserted, not reset, so a
    view keeps its selection and scroll position.

    Signals: those of QAbstractTableModel.
    """

    NUMBER, TIME, AUTHOR, KIND, GROUP, SYSTEM, TEXT = range(7)
    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._numbers: dict[str, int] | None = None
        self._haystack: list[str] | None = None
        self.group_names: dict[str, str] = {}
        self.incident_id: str | None = None
        #: Where the rows read from the database end (LogModel.take); None after
        #: set_entries.
        self.mark: LogMark | None = None
        # Counts resets, so that a filter knows its matches are for other rows.
        self.generation = 0

    # -- content ------------------------------------------------------------------------------

    def take(self, chunk: LogChunk) -> bool:
        """Merge what a read of the log gave: the whole log, or the entries added since
        ``self.mark``. False (nothing changed) when the chunk was read from another
        mark than the model's: the caller reads again."""
        if chunk.whole:
            self.set_entries(chunk.incident_id, chunk.rows)
        elif chunk.incident_id != self.incident_id or chunk.after != self.mark:
            return False
        elif chunk.rows:
            self._append(chunk.rows)
        self.mark = chunk.mark
        return True

    def _append(self, rows: list[dict[str, Any]]) -> None:
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        if self._numbers is not None:
            for index in range(start, len(self._rows)):
                self._numbers[self._rows[index]["entry"]] = index + 1
        if self._haystack is not None:
            self._haystack.extend(self._search_text(r) for r in rows)
        self.endInsertRows()

    def set_entries(self, incident_id: str | None, rows: list[dict[str, Any]]) -> None:
        """Show ``rows``: appended ones are inserted when the log only grew."""
        self.mark = None
        old = self._rows
        grown = (
            incident_id == self.incident_id
            and 0 < len(old) <= len(rows)
            and rows[len(old) - 1]["entry"] == old[-1]["entry"]
        )
        if grown:
            if len(rows) == len(old):
                return
            self._rows = list(old)  # grown by _append in the model's own list
            self._append(rows[len(old) :])
            return
        self.beginResetModel()
        self.generation += 1
        self.incident_id = incident_id
        self._rows = rows
        self._numbers = None
        self._haystack = None
        self.endResetModel()

    def entry(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def entries(self) -> Sequence[dict[str, Any]]:
        return self._rows

    def number_of(self, entry_id: str | None) -> int | None:
        """The entry's number in the log (1 = first), as shown in the # column."""
        if entry_id is None:
            return None
        if self._numbers is None:
            self._numbers = {r["entry"]: i + 1 for i, r in enumerate(self._rows)}
        return self._numbers.get(entry_id)

    def haystack(self) -> list[str]:
        """Each row's searchable text, lower-cased (made once, on the first text search)."""
        if self._haystack is None:
            self._haystack = [self._search_text(r) for r in self._rows]
        return self._haystack

    @staticmethod
    def _search_text(row: dict[str, Any]) -> str:
        data = row.get("data") or {}
        return " ".join(
            (row["text"], row["by"], row.get("system") or "", str(data.get("recipient", "")))
        ).casefold()

    # -- what a cell shows --------------------------------------------------------------------

    def entry_text(self, row: dict[str, Any]) -> str:
        """The entry as the log shows it, with what the console recorded spelt out."""
        kind, data, body = row["kind"], row.get("data") or {}, row["text"]
        if kind == "status":
            status = system_status_label(data.get("status", ""))
            line = f"{row.get('system')}: {status}"
            if data.get("estimate"):
                line += " · " + QCoreApplication.translate(
                    "LogModel", "estimate {estimate}"
                ).format(estimate=data["estimate"])
            return f"{line} — {body}" if body else line
        if kind == "level":
            line = f"{data.get('previous', '?')} → {data.get('level', '?')}"
            return f"{line}: {body}" if body else line
        if kind == "report":
            line = QCoreApplication.translate("LogModel", "To {recipient} by {channel}").format(
                recipient=data.get("recipient", ""), channel=channel_label(data.get("channel", ""))
            )
            return f"{line}: {body}" if body else line
        if kind == glossary.LOG_OVERRIDDEN:
            return self.overridden_text(data, row.get("system") or "")
        if kind == glossary.LOG_PLAYBOOK:
            return str(data.get("scenario", ""))
        if kind == glossary.LOG_ROSTER:
            return roster_entry_text(data, body)
        if kind == glossary.LOG_CAP:
            line = f"{cap_message_label(data.get('msg_type', ''))} {data.get('identifier', '')}"
            refs = [ref.split(",")[1] for ref in data.get("references", []) if ref.count(",") == 2]
            if refs:
                line += " · " + QCoreApplication.translate(
                    "LogModel", "references {identifiers}"
                ).format(identifiers=", ".join(refs))
            return line
        if kind == "declared":
            systems = ", ".join(data.get("systems", []))
            line = QCoreApplication.translate("LogModel", "Level {level}: {title}").format(
                level=data.get("level", ""), title=body
            )
            return f"{line} ({systems})" if systems else line
        if row.get("corrects"):
            number = self.number_of(row["corrects"])
            ref = QCoreApplication.translate("LogModel", "Corrects #{number}").format(
                number=number if number else "?"
            )
            return f"[{ref}] {body}"
        return str(body)

    @staticmethod
    def overridden_text(data: dict[str, Any], system: str) -> str:
        """A decision sync replaced: what, by whom, on which laptop, and what replaced it."""

        def said(part: dict[str, str]) -> str:
            if data.get("register") in ("level", "state"):
                what = QCoreApplication.translate("LogModel", "level {level}").format(
                    level=part.get("value", "")
                )
            else:
                what = f"{system} {system_status_label(part.get('value', ''))}"
            return QCoreApplication.translate(
                "LogModel", "{what} (set by {author} on {laptop} at {time})"
            ).format(
                what=what,
                author=part.get("author", ""),
                laptop=part.get("device_name") or part.get("device", ""),
                time=format_time(part.get("at"), with_date=True, year=False),
            )

        replaced, kept = data.get("replaced", {}), data.get("kept", {})
        if data.get("register") == "state":
            return QCoreApplication.translate(
                "LogModel",
                "{change} came after {author} resolved the incident on {laptop} at {time}: "
                "decided apart on two laptops, the incident stays resolved",
            ).format(
                change=said(replaced),
                author=kept.get("author", ""),
                laptop=kept.get("device_name") or kept.get("device", ""),
                time=format_time(kept.get("at"), with_date=True, year=False),
            )
        return QCoreApplication.translate(
            "LogModel",
            "Sync replaced {replaced} with {kept}: decided apart on two laptops, "
            "the later one counts",
        ).format(replaced=said(replaced), kept=said(kept))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.TIME:
                return (
                    date_time(row["at"])
                    if role != DISPLAY
                    else format_time(row["at"], with_date=True, seconds=True, year=False)
                )
            if column == self.AUTHOR:
                return row["by"]
            if column == self.KIND:
                return log_kind_label(row["kind"])
            if column == self.GROUP:
                group = row.get("group")
                return self.group_names.get(group, group) if group else ""
            if column == self.SYSTEM:
                return row.get("system") or ""
            return self.entry_text(row)
        if role == Qt.ItemDataRole.FontRole and row["kind"] == "correction":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row["kind"] in glossary.RECORDED_LOG_KINDS:
            return QColor("#37474F")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            "#",
            QCoreApplication.translate("LogModel", "Time"),
            QCoreApplication.translate("LogModel", "By"),
            QCoreApplication.translate("LogModel", "Kind"),
            QCoreApplication.translate("LogModel", "Group"),
            QCoreApplication.translate("LogModel", "System"),
            QCoreApplication.translate("LogModel", "Entry"),
        )[section]


class LogFilter(QSortFilterProxyModel):
    """Filters the log by group, system, kind and text.

    The match of every row is worked out in one pass over the source's
    lower-cased texts; ``filterAcceptsRow`` then only looks the answer up, so
    filtering 100,000 entries takes a fraction of a second.

    Signals: those of QSortFilterProxyModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._group: str | None = None
        self._system: str | None = None
        self._kind: str | None = None
        self._mask: list[bool] | None = None
        self._generation = -1

    def log(self) -> LogModel:
        source = self.sourceModel()
        assert isinstance(source, LogModel)
        return source

    def set_filter(
        self,
        *,
        text: str = "",
        group: str | None = None,
        system: str | None = None,
        kind: str | None = None,
    ) -> None:
        self._text = text.strip().casefold()
        self._group, self._system, self._kind = group, system, kind
        self._recompute()

    def _recompute(self) -> None:
        # Qt 6.9 and later want the filter change announced before it happens.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        self._mask = self._compute_mask()
        self._generation = self.log().generation
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def is_filtering(self) -> bool:
        return bool(self._text or self._group or self._system or self._kind)

    def _compute_mask(self) -> list[bool] | None:
        if not self.is_filtering():
            return None
        source = self.log()
        rows = source.entries()
        mask = [True] * len(rows)
        if self._text:
            needle = self._text
            mask = [needle in hay for hay in source.haystack()]
        for key, wanted in (("group", self._group), ("system", self._system), ("kind", self._kind)):
            if wanted:
                mask = [m and r.get(key) == wanted for m, r in zip(mask, rows, strict=True)]
        return mask

    def _matches(self, row: dict[str, Any], hay: str) -> bool:
        return (
            (not self._text or self._text in hay)
            and (not self._group or row.get("group") == self._group)
            and (not self._system or row.get("system") == self._system)
            and (not self._kind or row.get("kind") == self._kind)
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.is_filtering():
            return True
        source = self.log()
        if self._mask is None or self._generation != source.generation:
            # The source was reset (another incident, a reload): match its rows afresh.
            self._mask = self._compute_mask()
            self._generation = source.generation
        mask = self._mask
        if mask is not None and source_row < len(mask):
            return mask[source_row]
        # An entry appended since the filter was set.
        return self._matches(source.entry(source_row), source.haystack()[source_row])


#: A RecordsModel's row: a dict, or a service's read model (a dataclass); each Column's
#: functions know which.
Row = Any


@dataclass(frozen=True)
class Column:
    """One column of a RecordsModel: its header and how a row shows in it."""

    header: Callable[[], str]
    value: Callable[[Row], str]
    foreground: Callable[[Row], str | None] | None = None
    background: Callable[[Row], str | None] | None = None
    checked: Callable[[Row], bool] | None = None


class RecordsModel(QAbstractTableModel):
    """A small table of rows with the columns given (systems, checklist, messages, calls).

    A column with ``checked`` shows a check box; the user ticking it emits
    ``toggled`` (the service records the tick; the model changes only when the
    data is read again).

    Signals:
        toggled(int, bool): the user ticked (True) or unticked a row's check box.
    """

    toggled = Signal(int, bool)

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_data(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].checked is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return column.value(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.checked is not None:
            return Qt.CheckState.Checked if column.checked(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            colour = column.background(row)
            return QColor(colour) if colour else None
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()] if index.isValid() else None
        if column is None or column.checked is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(index.row(), done)
        return False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.columns):
            return None
        return self.columns[section].header()

    def refresh_headers(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
