"""The activity log as a Qt table model read by position: the rows around what a view
shows are read on the worker thread as it asks for them, never the whole log (an
incident of 1,000,000 entries took 22 s and 832 MB to read whole)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from hisconsole.domain import glossary
from hisconsole.services import log_window
from hisconsole.services.console import Console
from hisconsole.services.log_window import BLOCK, SEGMENT, Anchor, LogList, LogQuery, LogRead
from hisconsole.ui.i18n import format_time, log_kind_label
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.models import DISPLAY, ROW_ROLE, Index
from hisconsole.ui.runner import Runner, user_message
from hisconsole.ui.situation import date_time

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
#: Blocks asked for and not yet read that are still worth reading: while the user drags
#: the scroll bar, the blocks passed on the way are not read.
_ASKED = 3


class LogModel(QAbstractTableModel):
    """An incident's activity log (as HICS 214), oldest first, or the entries a filter
    selects (a LogQuery): a window onto the database, not a copy of the log.

    The list's size comes from one read (log_window.open_list, on the runner's worker);
    a view asking for a row not held gets an empty cell, and the block holding it
    (BLOCK rows) is read on the worker and shown when it arrives (dataChanged). The
    CACHE_BLOCKS blocks used last are held, and the row ``keep`` names (the selected
    one). Entries appended to the log are inserted, not reset (``refresh``), so a view
    keeps its selection and scroll position. A cell's text is made when a view asks.

    Signals:
        listed(): the list asked for (``show``) is shown: its size is known.
        failed(str): a read failed; what to tell the user.
    """

    listed = Signal()
    failed = Signal(str)

    NUMBER, TIME, AUTHOR, KIND, GROUP, SYSTEM, TEXT = range(7)
    COLUMNS = 7
    #: Blocks of rows held: those shown, and those scrolled past last.
    CACHE_BLOCKS = 10

    def __init__(
        self, runner: Runner, console: Callable[[], Console], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._console = console
        self.group_names: dict[str, str] = {}
        #: The list asked for (None: nothing); ``listing``: the list shown.
        self.wanted: LogQuery | None = None
        self.listing: LogList | None = None
        self._generation = 0  # counts lists shown: a late read for another is dropped
        self._rows: dict[int, dict[str, Any]] = {}  # place in the list -> row
        self._blocks: OrderedDict[int, None] = OrderedDict()  # held, used last at the end
        self._anchors: dict[tuple[int, int], Anchor] = {}
        self._asked: OrderedDict[int, None] = OrderedDict()  # asked for last at the end
        self._reading: int | None = None  # the block being read
        self._kept = -1
        self._waiting: dict[int, list[Callable[[dict[str, Any]], object]]] = {}

    # -- which list -----------------------------------------------------------------------------

    def show(self, query: LogQuery | None, *, at_end: bool | None = None) -> None:
        """Show the list ``query`` selects (None: nothing), read anew with the block at its
        end (``at_end``; by default, unless filtered: the latest entries) or its start.
        Until it is read, the rows shown stay (``pending``)."""
        self.wanted = query
        if query is None:
            self._reset(None)
            self.listed.emit()
            return
        console = self._console()
        end = not query.filtering() if at_end is None else at_end
        self._runner.query(
            lambda: log_window.open_list(console, query, at_end=end),
            on_done=self._opened,
            on_error=self._failed,
        )

    def refresh(self) -> None:
        """Read what was added to the list shown since it was read (the whole list anew
        when another laptop's entry belongs before its end, or another list is asked for)."""
        listing = self.listing
        if self.wanted is None or listing is None or listing.query != self.wanted:
            self.show(self.wanted)
            return
        console = self._console()
        at_end = not listing.query.filtering()
        self._runner.query(
            lambda: log_window.refresh(console, listing, at_end=at_end),
            on_done=self._refreshed,
            on_error=self._failed,
        )

    @property
    def pending(self) -> bool:
        """The list asked for is being read (the rows shown are another list's)."""
        return self.wanted is not None and (
            self.listing is None or self.listing.query != self.wanted
        )

    def _opened(self, read: LogRead) -> None:
        if read.listing.query == self.wanted:  # else another list was asked for since
            self._reset(read)
            self.listed.emit()

    def _refreshed(self, read: LogRead) -> None:
        if read.before is None:
            self._opened(read)
        elif read.before != self.listing:
            self.refresh()  # the model moved on meanwhile: again from where it stands
        elif read.listing != self.listing:
            self._grow(read)
            self.listed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    def _reset(self, read: LogRead | None) -> None:
        self.beginResetModel()
        self._generation += 1
        self.listing = read.listing if read else None
        for held in (self._rows, self._blocks, self._anchors, self._asked, self._waiting):
            held.clear()
        self._kept = -1
        if read is not None:
            self._store(read)
        self.endResetModel()
        listing = self.listing
        if listing is not None and not listing.query.filtering() and listing.entries > SEGMENT:
            # The whole log came without anchors (shown sooner): read them next, so that
            # a jump far into a long log walks a segment, not half the log.
            generation, console = self._generation, self._console()
            self._runner.query(
                lambda: log_window.segments(console, listing),
                on_done=lambda anchors: self._anchored(generation, anchors),
                on_error=self._failed,
            )

    def _anchored(self, generation: int, anchors: list[Anchor] | None) -> None:
        if generation == self._generation and anchors is not None:
            for anchor in anchors:
                self._anchors[(anchor.position, anchor.number)] = anchor

    def _grow(self, read: LogRead) -> None:
        """Entries appended to the log: the list's new rows are inserted at its end."""
        assert self.listing is not None
        old, new = self.listing.matches, read.listing.matches
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
        self.listing = read.listing
        self._store(read)
        if new > old:
            self.endInsertRows()
        self._wake()

    # -- rows held ------------------------------------------------------------------------------

    def row_at(self, position: int) -> dict[str, Any] | None:
        """The row at ``position`` if it is held (None: not read, or dropped)."""
        return self._rows.get(position)

    def when_row(self, position: int, then: Callable[[dict[str, Any]], object]) -> None:
        """Call ``then`` with the row at ``position``: now if it is held, else once read
        (not at all if the list is read anew meanwhile)."""
        row = self._rows.get(position)
        if row is not None:
            then(row)
            return
        self._waiting.setdefault(position, []).append(then)
        self._ask(position // BLOCK)

    def keep(self, position: int) -> None:
        """Never drop the row at ``position`` (the selected one: acted on later)."""
        self._kept = position

    def _store(self, read: LogRead) -> None:
        for offset, row in enumerate(read.rows):
            self._rows[read.start + offset] = row
        if read.rows:
            for block in range(read.start // BLOCK, (read.start + len(read.rows) - 1) // BLOCK + 1):
                self._blocks[block] = None
                self._blocks.move_to_end(block)
        for anchor in read.anchors:
            self._anchors[(anchor.position, anchor.number)] = anchor
        kept = self._kept // BLOCK if self._kept >= 0 else None
        for block in list(self._blocks)[: max(len(self._blocks) - self.CACHE_BLOCKS, 0)]:
            if block != kept:
                del self._blocks[block]
                for position in range(block * BLOCK, (block + 1) * BLOCK):
                    self._rows.pop(position, None)

    def _wake(self) -> None:
        for position in [p for p in self._waiting if p in self._rows]:
            for then in self._waiting.pop(position):
                then(self._rows[position])

    def _ask(self, block: int) -> None:
        self._asked[block] = None
        self._asked.move_to_end(block)
        while len(self._asked) > _ASKED:
            self._asked.popitem(last=False)
        self._next()

    def _next(self) -> None:
        """Read the block asked for last that is not held (one read at a time)."""
        listing = self.listing
        if self._reading is not None or listing is None:
            return
        while self._asked:
            block = next(reversed(self._asked))
            start, stop = block * BLOCK, min((block + 1) * BLOCK, listing.matches)
            if any(p not in self._rows for p in range(start, stop)):
                break
            del self._asked[block]  # read meanwhile
        else:
            return
        self._reading = block
        generation, anchors, console = (
            self._generation,
            list(self._anchors.values()),
            self._console(),
        )
        self._runner.query(
            lambda: log_window.read_rows(console, listing, start, stop, anchors),
            on_done=lambda read: self._read(generation, block, read),
            on_error=lambda exc: self._read_failed(generation, exc),
        )

    def _read(self, generation: int, block: int, read: LogRead | None) -> None:
        self._reading = None
        self._asked.pop(block, None)
        if generation != self._generation:
            self._next()  # read for a list no longer shown
        elif read is None:
            self.show(self.wanted)  # the log changed under the list: read it anew
        else:
            self._store(read)
            if read.rows:
                last = read.start + len(read.rows) - 1
                self.dataChanged.emit(self.index(read.start, 0), self.index(last, self.COLUMNS - 1))
            self._wake()
            self._next()

    def _read_failed(self, generation: int, exc: BaseException) -> None:
        self._reading = None
        self._asked.clear()
        if generation == self._generation:
            self._failed(exc)

    # -- as a model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.listing is None:
            return 0
        return self.listing.matches

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, position: int, column: int, role: int) -> Any:
        """What the cell of the row at ``position`` in ``column`` shows in ``role``; a row
        not held is asked for (its cells are empty until it is read)."""
        if role not in _LOG_ROLES:
            return None
        row = self._rows.get(position)
        if row is None:
            self._ask(position // BLOCK)
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if column == self.NUMBER:
                return str(row["number"])
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
            return entry_text(row)
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

    def match(
        self,
        start: Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """The held rows whose cell in ``start``'s column matches ``value`` (a view's
        type-ahead asks: searching every row would read a long log on the UI thread; the
        filter box searches the whole log)."""
        wanted = str(value)
        kind = Qt.MatchFlag(flags).value & 0x0F  # Qt::MatchTypeMask: how to compare
        case = bool(flags & Qt.MatchFlag.MatchCaseSensitive)
        if not case:
            wanted = wanted.casefold()
        found: list[QModelIndex] = []
        held = sorted(self._rows)
        at = next((i for i, p in enumerate(held) if p >= start.row()), len(held))
        order = held[at:] + (held[:at] if flags & Qt.MatchFlag.MatchWrap else [])
        for position in order:
            text = self.cell(position, start.column(), role)
            if text is None:
                continue
            said = str(text) if case else str(text).casefold()
            if kind == Qt.MatchFlag.MatchContains.value:
                matched = wanted in said
            elif kind == Qt.MatchFlag.MatchStartsWith.value:
                matched = said.startswith(wanted)
            elif kind == Qt.MatchFlag.MatchEndsWith.value:
                matched = said.endswith(wanted)
            else:  # exactly (the other kinds are not asked for of this model)
                matched = said == wanted
            if matched:
                found.append(self.index(position, start.column()))
                if hits != -1 and len(found) >= hits:
                    break
        return found

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
