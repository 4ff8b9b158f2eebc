"""Qt item models over incident data: the activity log (fast at 100,000 entries), small tables."""

from __future__ import annotations

import bisect
import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
#: The roles a log cell answers (a view asks for more: those are answered at once).
_LOG_ROLES = frozenset(
    {
        DISPLAY,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
    }
)

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
            self._haystack.extend(self.search_text(r) for r in rows)
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
            self._haystack = [self.search_text(r) for r in self._rows]
        return self._haystack

    def searchable(self) -> list[str] | None:
        """The searchable texts if they have been made (None: not yet)."""
        return self._haystack

    def adopt_search_texts(self, texts: list[str], count: int) -> None:
        """Keep the searchable texts of the first ``count`` rows, made on a worker thread
        (the rest, appended since, are made here)."""
        if self._haystack is None:
            texts.extend(self.search_text(r) for r in self._rows[count:])
            self._haystack = texts

    @staticmethod
    def search_text(row: dict[str, Any]) -> str:
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
        if kind == glossary.LOG_HANDOVER:
            if data.get("action") == "acknowledged":
                return QCoreApplication.translate(
                    "LogModel", "Handover {handover} acknowledged by {person}"
                ).format(handover=data.get("handover", ""), person=data.get("by", ""))
            return QCoreApplication.translate(
                "LogModel", "Handover sheet {handover}: {outgoing} hands over to {incoming}"
            ).format(
                handover=data.get("handover", ""),
                outgoing=data.get("outgoing") or "—",
                incoming=data.get("incoming") or "—",
            )
        if kind == glossary.LOG_PERIOD:
            line = QCoreApplication.translate(
                "LogModel",
                "Period {number} started ({hours} h): {objectives} objective(s); carried over "
                "{carried_objectives} objective(s), {carried_tasks} task(s)",
            ).format(
                hours=data.get("length_hours", ""),
                **{
                    k: data.get(k, "")
                    for k in ("number", "objectives", "carried_objectives", "carried_tasks")
                },
            )
            return f"{line} — {body}" if body else line
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
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, number: int, column: int, role: int) -> Any:
        """What row ``number``'s cell in ``column`` shows in ``role`` (``data`` without a
        model index: a view asks for seven roles of every cell it paints, and the filter
        in front of this model would otherwise make an index for each)."""
        if role not in _LOG_ROLES:
            return None
        row = self._rows[number]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if column == self.NUMBER:
                return str(number + 1)
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


@dataclass(frozen=True)
class LogCriteria:
    """What the log is filtered by (empty: everything shown)."""

    text: str = ""  # case-folded
    group: str | None = None
    system: str | None = None
    kind: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text or self.group or self.system or self.kind)

    def matching(
        self,
        rows: Sequence[dict[str, Any]],
        hay: Sequence[str] | dict[int, str] | None,
        start: int,
        stop: int,
    ) -> list[int]:
        """The indices in ``start``..``stop`` of the rows that match, in one pass.
        ``hay``: the rows' searchable texts (LogModel.search_text), made here if None."""
        text, group, system, kind = self.text, self.group, self.system, self.kind
        texts: Sequence[str] | dict[int, str] = hay if hay is not None else {}
        if text and hay is None:
            texts = {i: LogModel.search_text(rows[i]) for i in range(start, stop)}
        return [
            i
            for i in range(start, stop)
            if (not text or text in texts[i])
            and (not group or rows[i].get("group") == group)
            and (not system or rows[i].get("system") == system)
            and (not kind or rows[i].get("kind") == kind)
        ]


class _Delivery(QObject):
    """Carries a match worked out on a worker thread back to the UI thread."""

    done = Signal(object)


class LogFilter(QAbstractTableModel):
    """The log's rows that match a filter (group, system, kind, text), as a table.

    The view shows this model: the source rows that match, as a list of their indices
    (all rows, without a list, when nothing is filtered). A big log is matched on a
    worker thread (case-folding 100,000 texts and scanning them takes longer than the
    UI may stand still); the rows shown change in one go when the match is done, and
    ``filtered`` says so. A small log is matched at once. Entries appended to the log
    are matched as they come (they are few).

    Signals:
        filtered(): the rows shown follow the filter last set.
    """

    filtered = Signal()
    #: Logs up to this many entries are matched on the UI thread, at once.
    SYNC_LIMIT = 2000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: LogModel | None = None
        self._criteria = LogCriteria()
        self._rows: list[int] | None = None  # source rows shown; None: every one
        self._job = 0  # counts matches started: a late result of an older one is dropped
        self.pending = False  # a match is being worked out off the UI thread
        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._matched)

    # -- the source ---------------------------------------------------------------------------

    def setSourceModel(self, source: LogModel) -> None:
        self.beginResetModel()
        self._source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.rowsAboutToBeInserted.connect(self._source_inserting)
        source.rowsInserted.connect(self._source_inserted)
        source.dataChanged.connect(self._source_changed)
        source.headerDataChanged.connect(self.headerDataChanged)
        self._rows = None
        self.endResetModel()
        if self._criteria:
            self._start()

    def sourceModel(self) -> LogModel | None:
        return self._source

    def log(self) -> LogModel:
        assert self._source is not None
        return self._source

    def _source_reset(self) -> None:
        # Another incident, or a log read again: nothing matches until it is matched.
        self._rows = [] if self._criteria else None
        self.endResetModel()
        if self._criteria:
            self._start()

    def _source_inserting(self, _parent: Index, first: int, last: int) -> None:
        if self._rows is None:
            self.beginInsertRows(QModelIndex(), first, last)

    def _source_inserted(self, _parent: Index, first: int, last: int) -> None:
        if self._rows is None:
            self.endInsertRows()
            return
        source = self.log()
        found = self._criteria.matching(source.entries(), source.searchable(), first, last + 1)
        if found:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(found) - 1)
            self._rows.extend(found)
            self.endInsertRows()

    def _source_changed(self, *_args: object) -> None:
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- filtering ----------------------------------------------------------------------------

    def set_filter(
        self,
        *,
        text: str = "",
        group: str | None = None,
        system: str | None = None,
        kind: str | None = None,
    ) -> None:
        """Show the rows that match (all of them when every criterion is empty)."""
        self._criteria = LogCriteria(text.strip().casefold(), group, system, kind)
        self._start()

    def is_filtering(self) -> bool:
        return bool(self._criteria)

    def _start(self) -> None:
        self._job += 1
        source = self.log()
        count = source.rowCount()
        criteria = self._criteria
        if not criteria or count <= self.SYNC_LIMIT:
            self.pending = False
            hay = source.haystack() if criteria.text else None
            self._show(criteria.matching(source.entries(), hay, 0, count) if criteria else None)
            return
        self.pending = True
        job, generation, rows = self._job, source.generation, source.entries()
        known = source.searchable()
        delivery = self._delivery

        def work() -> None:
            made = None
            if criteria.text and known is None:
                made = [LogModel.search_text(r) for r in rows[:count]]
            found = criteria.matching(rows, known if made is None else made, 0, count)
            with contextlib.suppress(RuntimeError):  # the filter was deleted meanwhile
                delivery.done.emit((job, generation, count, made, found))

        threading.Thread(target=work, name="log-filter", daemon=True).start()

    def _matched(self, result: tuple[int, int, int, list[str] | None, list[int]]) -> None:
        job, generation, count, hay, found = result
        if job != self._job:
            return  # a newer filter was set meanwhile
        source = self.log()
        if generation != source.generation:
            self._start()  # the log was replaced meanwhile: match the new one
            return
        if hay is not None:
            source.adopt_search_texts(hay, count)
        # Entries appended while the worker ran (few): matched here.
        found += self._criteria.matching(
            source.entries(), source.searchable(), count, source.rowCount()
        )
        self.pending = False
        self._show(found)

    def _show(self, rows: list[int] | None) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.filtered.emit()

    # -- as a model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._source is None:
            return 0
        return self._source.rowCount() if self._rows is None else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LogModel.COLUMNS

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid() or self._source is None:
            return QModelIndex()
        row = index.row() if self._rows is None else self._rows[index.row()]
        return self._source.index(row, index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        if self._rows is None:
            return self.index(index.row(), index.column())
        at = bisect.bisect_left(self._rows, index.row())  # the rows shown stay in log order
        if at < len(self._rows) and self._rows[at] == index.row():
            return self.index(at, index.column())
        return QModelIndex()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or self._source is None:
            return None
        row = index.row() if self._rows is None else self._rows[index.row()]
        return self._source.cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        return self.log().headerData(section, orientation, role)


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
