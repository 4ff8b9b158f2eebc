"""An incident's log read by position, for the incident page: how many entries a filter
selects, the rows at places i..j of that list (each with its number in the whole log),
and what was added since the page last read. The page holds the rows it shows, not the
log (an incident of 1,000,000 entries took 22 s and 832 MB to read whole).

Every read walks the index on (incident, place in log order) (migration 0028);
a filter is a WHERE clause, so matching 1,000,000 entries is one pass of SQLite over them,
on the caller's (worker) thread. A place in the list is reached from the nearest place
already known (an :class:`Anchor`: the first row of each block read, the list's start and
end), skipping the rows between in the index; an entry's number in the whole log is
counted the same way, on the index alone."""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from hisconsole.services import incident_log
from hisconsole.services.console import Console

#: Rows read at a time: the page asks for the block holding the rows it shows.
BLOCK = 200
#: A kind that selects at most this many entries is found through the index on
#: (incident, kind) and sorted; more are walked in log order (SQLite would sort them all
#: for every block).
SORT_LIMIT = 5000
_ORDER_INDEX = "ix_incident_entries_order"
_KIND_INDEX = "ix_incident_entries_incident_kind"
_INCIDENT_INDEX = "ix_incident_entries_incident_id"  # (incident, then rowid)
#: An entry's place in log order as one text, clock stamp then id (a space sorts below
#: every character of both). The index is on this expression, not on the two columns:
#: an index on (incident, hlc, event_id) would also answer the other readers' ORDER BY
#: hlc, event_id, and SQLite then walked a whole incident's log in order rather than
#: take the few entries of a kind from the index on (incident, kind) and sort them.
_KEY = "(hlc || ' ' || event_id)"
#: An anchor every this many entries of the log, made when a list is read anew.
SEGMENT = 4096
#: Python's case folding, as an SQL function (SQLite's lower() folds ASCII only).
_FOLD = "hisconsole_casefold"
# What a text filter looks in, as incident_log's rows say it: text, author, system and a
# report's recipient (most entries carry no data: their JSON is not parsed).
_HAY = (
    "FOLD(text || ' ' || author || ' ' || coalesce(system, '') || ' ' || "
    "CASE WHEN data = '{}' THEN '' ELSE coalesce(json_extract(data, '$.recipient'), '') END)"
)
_COLUMNS = incident_log.COLUMNS
_HLC, _ID = incident_log.AT["hlc"], incident_log.AT["event_id"]

Key = str  # an entry's place in log order (_KEY)


@dataclass(frozen=True)
class LogMark:
    """Where a reader of the log stands: the last row it read (SQLite's rowid grows with
    every entry stored) and the last entry in log order."""

    rowid: int
    key: Key


@dataclass(frozen=True)
class LogQuery:
    """Which of an incident's entries are listed: all of them, or those of the group,
    system and kind chosen whose text, author, system or report recipient holds ``text``
    in any case (empty criteria: not filtered)."""

    incident_id: str
    text: str = ""
    group: str | None = None
    system: str | None = None
    kind: str | None = None

    def needle(self) -> str:
        return self.text.strip().casefold()

    def filtering(self) -> bool:
        return bool(self.needle() or self.group or self.system or self.kind)


@dataclass(frozen=True)
class LogList:
    """What a read found of the list a query selects: the incident's entries in all, how
    many of them match (all, without a filter) and where the read stood. Rows are read
    against it: places 0..matches-1, entries stored since are not among them."""

    query: LogQuery
    entries: int
    matches: int
    mark: LogMark | None  # None: the log was empty
    #: The list is the few entries of one kind (SORT_LIMIT at most): they are found
    #: through the index on (incident, kind) and sorted, not walked in log order.
    by_kind: bool = False


@dataclass(frozen=True)
class Anchor:
    """A row whose place is known: in the list (0: the first that matches) and in the
    whole log (its number: 1 for the first entry)."""

    position: int
    number: int
    key: Key


@dataclass
class LogRead:
    """Rows of a list, read by position: ``rows[i]`` is at place ``start + i``.

    Each row as ``incident show`` gives it, plus ``number`` (its number in the whole log,
    as the # column shows it) and ``corrects_number`` (that of the entry it corrects, None
    when it corrects none or one not in the log). ``anchors``: the places these rows make
    known. ``before``: the list this read continued (the rows are what was added to it);
    None: the list was read anew (a first read, another query, or an entry arrived that
    belongs before others already read: every place after it moved)."""

    listing: LogList
    start: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    before: LogList | None = None


def open_list(console: Console, query: LogQuery, *, at_end: bool) -> LogRead:
    """Read the list ``query`` selects anew: its size, and BLOCK rows at its end
    (``at_end``) or its start."""
    with console.db.read() as session:
        read = _Reader(session, query).opened(at_end=at_end)
    return _named(console, read)


def refresh(console: Console, listing: LogList, *, at_end: bool) -> LogRead:
    """What was added to ``listing`` since it was read: the entries stored after its mark,
    which come after every row read (their rows when there are at most a block of them;
    else the page reads them by position). An entry that belongs before the mark (from
    another laptop, with an earlier clock stamp) moves every place after it: then the
    list is read anew, as :func:`open_list` does."""
    with console.db.read() as session:
        read = _Reader(session, listing.query).added(listing, at_end=at_end)
    return _named(console, read)


def read_rows(
    console: Console, listing: LogList, start: int, stop: int, anchors: Sequence[Anchor]
) -> LogRead | None:
    """The rows at places ``start``..``stop`` of ``listing``, found from the nearest of
    ``anchors`` (places read before, against the same list). None when the list is no
    longer what it was (an entry arrived that belongs before its end): read it anew."""
    with console.db.read() as session:
        reader = _Reader(session, listing.query)
        if reader.moved(listing):
            return None
        read = reader.rows(listing, start, stop, anchors)
    return _named(console, read)


def segments(console: Console, listing: LogList) -> list[Anchor] | None:
    """An anchor every SEGMENT entries of ``listing``, the whole log (a list read anew
    has them only when filtered): read after the list is shown, so that a jump anywhere
    then walks at most a segment. None when the list is no longer what it was."""
    with console.db.read() as session:
        reader = _Reader(session, listing.query)
        if listing.query.filtering() or listing.mark is None or reader.moved(listing):
            return None
        end = listing.mark.key
        return [Anchor(n - 1, n, key) for n, key in reader.segments() if key <= end]


def numbered(console: Console, incident_id: str, kinds: Sequence[str]) -> LogRead:
    """The incident's entries of ``kinds`` (found through the index on incident and kind),
    in log order, each with its number in the whole log (``listing``: the whole log)."""
    with console.db.read() as session:
        reader = _Reader(session, LogQuery(incident_id))
        listing = reader.whole()
        marks = ", ".join("?" for _ in kinds)
        found = reader.db.execute(
            f"SELECT {_COLUMNS} FROM incident_entries INDEXED BY {_KIND_INDEX} "
            f"WHERE incident_id = ? AND kind IN ({marks}) ORDER BY {_KEY}",
            (incident_id, *kinds),
        ).fetchall()
        keys = [f"{e[_HLC]} {e[_ID]}" for e in found]
        read = LogRead(listing, 0, reader.made(listing, found, keys, reader.numbers_of(keys)))
    return _named(console, read)


def _named(console: Console, read: LogRead) -> LogRead:
    """The laptops named in the rows' overridden decisions given their names (after the
    read transaction: the trust list is read apart)."""
    incident_log.name_devices(console, read.rows)
    return read


class _Reader:
    """One read transaction over one incident's list (the page's query)."""

    def __init__(self, session: Session, query: LogQuery) -> None:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None  # checked out for this read transaction
        self.db: sqlite3.Connection = raw  # type: ignore[assignment]
        self.query = query
        clauses: list[str] = []
        params: list[str] = []
        for column, value in (
            ("kind", query.kind),
            ("group_code", query.group),
            ("system", query.system),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        needle = query.needle()
        if needle:
            # SQLite's lower() folds only ASCII letters: enough unless the text sought
            # holds a letter with case beyond ASCII (é, Ω): then Python's casefold, as
            # the filter always did, at the price of a call per entry. (A text sought in
            # ASCII no longer finds the letters that fold to it: "ss" in "Straße".)
            fold = "lower" if all(c.isascii() or c.upper() == c for c in needle) else _FOLD
            if fold == _FOLD:
                self.db.create_function(_FOLD, 1, str.casefold, deterministic=True)
            clauses.append(f"instr({_HAY.replace('FOLD', fold)}, ?) > 0")
            params.append(needle)
        #: Whether an entry is in the list, as an SQL expression, and its parameters.
        self.match = " AND ".join(clauses) or "1"
        self.match_params = tuple(params)

    def one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...]:
        row: tuple[Any, ...] = self.db.execute(sql, params).fetchone()
        return row

    def entries(self) -> int:
        return int(
            self.one(
                "SELECT count(*) FROM incident_entries WHERE incident_id = ?",
                (self.query.incident_id,),
            )[0]
        )

    def last_key(self) -> Key:
        return str(
            self.one(
                f"SELECT {_KEY} FROM incident_entries INDEXED BY {_ORDER_INDEX} "
                f"WHERE incident_id = ? ORDER BY {_KEY} DESC LIMIT 1",
                (self.query.incident_id,),
            )[0]
        )

    def moved(self, listing: LogList) -> bool:
        """An entry stored since ``listing`` was read belongs before its end: every
        place after it moved."""
        return listing.mark is not None and bool(
            self.one(
                # Among the rows stored since: the index on incident (then rowid) finds them.
                f"SELECT EXISTS (SELECT 1 FROM incident_entries INDEXED BY {_INCIDENT_INDEX} "
                f"WHERE incident_id = ? AND rowid > ? AND {_KEY} < ?)",
                (self.query.incident_id, listing.mark.rowid, listing.mark.key),
            )[0]
        )

    def mark(self) -> LogMark:
        # The newest row stored is the largest rowid, found in the index on incident.
        newest = self.one(
            "SELECT max(rowid) FROM incident_entries WHERE incident_id = ?",
            (self.query.incident_id,),
        )[0]
        return LogMark(newest, self.last_key())

    def whole(self) -> LogList:
        """The list of every entry (the query's filter aside)."""
        entries = self.entries()
        mark = self.mark() if entries else None
        return LogList(LogQuery(self.query.incident_id), entries, entries, mark)

    def opened(self, *, at_end: bool) -> LogRead:
        """The list anew: its size and BLOCK rows at its end or start. A filtered list's
        matches are counted segment by segment (together one pass over the log), which
        leaves an anchor every SEGMENT entries: any place is then reached by walking at
        most a segment. The whole log needs none: a place is its number less one, and
        skipping entries in the index alone is cheap (half of 1,000,000 in ~50 ms)."""
        entries = self.entries()
        if not entries:
            return LogRead(LogList(self.query, 0, 0, None))
        mark = self.mark()
        by_kind = bool(self.query.kind) and self._of_kind() <= SORT_LIMIT
        if self.query.filtering() and not by_kind:
            # A filter that selects a block or less (a name, a bed number) is read whole in
            # one pass; the counting pass below would walk the log a second time.
            few = self._first(entries, mark, BLOCK + 1)
            if few is not None:
                return few
        anchors: list[Anchor] = []
        matches = entries
        if self.query.filtering():
            matches, low = 0, None
            for number, key in [] if by_kind else self.segments():
                matches += self._matches(low, key)
                anchors.append(Anchor(matches, number, key))
                low = key
            matches += self._matches(low, mark.key, upto=True, by_kind=by_kind)
        listing = LogList(self.query, entries, matches, mark, by_kind=by_kind)
        start = max(matches - BLOCK, 0) if at_end else 0  # the last BLOCK rows
        read = self.rows(listing, start, start + BLOCK, anchors)
        read.anchors += anchors
        return read

    def _first(self, entries: int, mark: LogMark, limit: int) -> LogRead | None:
        """The whole list if it has fewer than ``limit`` rows (None: it has more); a
        walk of the log that stops at the ``limit``-th match."""
        found = self.db.execute(
            f"SELECT {_COLUMNS} FROM incident_entries INDEXED BY {_ORDER_INDEX} "
            f"WHERE incident_id = ? AND {self.match} AND {_KEY} <= ? ORDER BY {_KEY} LIMIT ?",
            (self.query.incident_id, *self.match_params, mark.key, limit),
        ).fetchall()
        if len(found) >= limit:
            return None
        listing = LogList(self.query, entries, len(found), mark)
        keys = [f"{e[_HLC]} {e[_ID]}" for e in found]
        rows = self.made(listing, found, keys, self.numbers_of(keys))
        return LogRead(listing, 0, rows, _anchors(0, keys, rows))

    def segments(self) -> list[tuple[int, Key]]:
        """(number, key) of the entries numbered SEGMENT + 1, 2 * SEGMENT + 1, …: each
        found from the one before, walking the index alone."""
        found: list[tuple[int, Key]] = []
        sql = (
            f"SELECT {_KEY} FROM incident_entries INDEXED BY {_ORDER_INDEX} "
            f"WHERE incident_id = ? AND {_KEY} >= ? ORDER BY {_KEY} LIMIT 1 OFFSET ?"
        )
        key: Key = ""  # before every entry
        while True:
            row = self.db.execute(sql, (self.query.incident_id, key, SEGMENT)).fetchone()
            if row is None:
                return found
            key = row[0]
            found.append((len(found) * SEGMENT + SEGMENT + 1, key))

    def _of_kind(self) -> int:
        return int(
            self.one(
                "SELECT count(*) FROM incident_entries WHERE incident_id = ? AND kind = ?",
                (self.query.incident_id, self.query.kind),
            )[0]
        )

    def _matches(
        self, low: Key | None, high: Key, *, upto: bool = False, by_kind: bool = False
    ) -> int:
        """How many entries of the list lie from ``low`` (included; None: the start) to
        ``high`` (excluded, or included with ``upto``)."""
        clauses, params = [f"{_KEY} {'<=' if upto else '<'} ?"], [high]
        if low is not None:
            clauses.append(f"{_KEY} >= ?")
            params.append(low)
        return int(
            self.one(
                f"SELECT count(*) FROM incident_entries INDEXED BY {self._index(by_kind)} "
                f"WHERE incident_id = ? AND {self.match} AND {' AND '.join(clauses)}",
                (self.query.incident_id, *self.match_params, *params),
            )[0]
        )

    def added(self, listing: LogList, *, at_end: bool) -> LogRead:
        mark = listing.mark
        if mark is None:
            if self.entries() == 0:
                return LogRead(listing, listing.matches, before=listing)
            return self.opened(at_end=at_end)
        added, newest, hits, earlier = self.one(
            f"SELECT count(*), max(rowid), total({self.match}), max({_KEY} < ?) "
            f"FROM incident_entries INDEXED BY {_INCIDENT_INDEX} "
            "WHERE incident_id = ? AND rowid > ?",
            (*self.match_params, mark.key, listing.query.incident_id, mark.rowid),
        )
        if not added:
            return LogRead(listing, listing.matches, before=listing)
        if earlier:
            return self.opened(at_end=at_end)
        grown = LogList(
            listing.query,
            listing.entries + added,
            listing.matches + int(hits),
            LogMark(newest, self.last_key()),
            by_kind=listing.by_kind,
        )
        if hits > BLOCK:  # read by position when shown
            return LogRead(grown, listing.matches, before=listing)
        read = self.rows(grown, listing.matches, grown.matches, [])
        read.before = listing
        return read

    def rows(self, listing: LogList, start: int, stop: int, anchors: Sequence[Anchor]) -> LogRead:
        """The rows at places ``start``..``stop``, reached from the nearest known place:
        forward from an anchor before them (or the list's start), or backward from one
        after them (or the list's end), whichever skips fewer rows of the list."""
        stop = min(stop, listing.matches)
        mark = listing.mark
        if start >= stop or mark is None:
            return LogRead(listing, start)
        # The nearest anchors each side; of those at the same place (no match between
        # them), the one nearest in the log.
        lower = max((a for a in anchors if a.position <= start), key=_place, default=None)
        upper = min((a for a in anchors if a.position >= stop), key=_place, default=None)
        skip_forward = start - (lower.position if lower else 0)
        skip_backward = (upper.position if upper else listing.matches) - stop
        forward = skip_forward <= skip_backward
        # The rows lie between the two anchors (which stops a walk through a sparse list
        # early); entries stored after the list was read are not in it.
        bounds, params = [f"{_KEY} <= ?"], [mark.key]
        if lower is not None:
            bounds.append(f"{_KEY} >= ?")
            params.append(lower.key)
        if upper is not None:
            bounds.append(f"{_KEY} < ?")
            params.append(upper.key)
        order = _KEY if forward else f"{_KEY} DESC"
        found = self.db.execute(
            f"SELECT {_COLUMNS} FROM incident_entries INDEXED BY {self._index(listing.by_kind)} "
            f"WHERE incident_id = ? AND {self.match} AND {' AND '.join(bounds)} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (
                listing.query.incident_id,
                *self.match_params,
                *params,
                stop - start,
                skip_forward if forward else skip_backward,
            ),
        ).fetchall()
        if not forward:
            found.reverse()
        keys = [f"{e[_HLC]} {e[_ID]}" for e in found]
        if not found:
            numbers: list[int] = []
        elif not self.query.filtering():
            # The list is the log: an entry's number is its place plus one.
            numbers = list(range(start + 1, start + 1 + len(found)))
        elif forward:  # counted from the anchor the rows were reached from
            before = self._count(lower.key if lower else None, keys[0])
            numbers = self._numbers(keys, first=(lower.number if lower else 1) + before)
        elif upper is not None:
            numbers = self._numbers(keys, last=upper.number - self._count(keys[-1], upper.key))
        else:  # from the list's end: less the entries after the last row, up to the mark
            after = self._count(keys[-1], mark.key, high_inclusive=True) - 1
            numbers = self._numbers(keys, last=listing.entries - after)
        rows = self.made(listing, found, keys, numbers, anchors)
        return LogRead(listing, start, rows, _anchors(start, keys, rows))

    def made(
        self,
        listing: LogList,
        found: list[Any],
        keys: list[Key],
        numbers: list[int],
        anchors: Sequence[Anchor] = (),
    ) -> list[dict[str, Any]]:
        """``found`` (rows of the table, in log order) as the page's rows, numbered."""
        rows = incident_log.from_rows(found)
        for row, number in zip(rows, numbers, strict=True):
            row["number"] = number
            row["corrects_number"] = None
        known = [*zip(keys, numbers, strict=True), *((a.key, a.number) for a in anchors)]
        self._corrected(listing, rows, sorted(known))
        return rows

    # -- numbers in the whole log -------------------------------------------------------------

    def _count(self, low: Key | None, high: Key | None, *, high_inclusive: bool = False) -> int:
        """How many of the incident's entries lie from ``low`` (included) to ``high``
        (excluded unless ``high_inclusive``): a walk along the index alone."""
        clauses, params = ["incident_id = ?"], [self.query.incident_id]
        if low is not None:
            clauses.append(f"{_KEY} >= ?")
            params.append(low)
        if high is not None:
            clauses.append(f"{_KEY} {'<=' if high_inclusive else '<'} ?")
            params.append(high)
        sql = (
            f"SELECT count(*) FROM incident_entries INDEXED BY {_ORDER_INDEX} "
            f"WHERE {' AND '.join(clauses)}"
        )
        return int(self.one(sql, params)[0])

    def numbers_of(self, keys: list[Key]) -> list[int]:
        """The numbers of the entries at ``keys`` (in log order), counted from the start."""
        return self._numbers(keys, first=1 + self._count(None, keys[0])) if keys else []

    def _numbers(
        self, keys: list[Key], *, first: int | None = None, last: int | None = None
    ) -> list[int]:
        """The numbers of the entries at ``keys`` (in log order, apart), given the first's
        or the last's: from one to the next are the entries between them (counted)."""
        gaps = [self._count(a, b) for a, b in pairwise(keys)]
        if first is None:
            assert last is not None
            first = last - sum(gaps)
        numbers = [first]
        for gap in gaps:
            numbers.append(numbers[-1] + gap)
        return numbers

    def _corrected(
        self, listing: LogList, rows: list[dict[str, Any]], known: list[tuple[Key, int]]
    ) -> None:
        """Each correction's ``corrects_number``: counted from the nearest entry before
        the one it corrects whose number is ``known`` ((key, number) in log order)."""
        wanted = {row["corrects"] for row in rows if row["corrects"]}
        if not wanted or listing.mark is None:
            return
        marks = ", ".join("?" for _ in wanted)
        places = {
            event_id: key
            for event_id, key in self.db.execute(
                f"SELECT event_id, {_KEY} FROM incident_entries "
                f"WHERE event_id IN ({marks}) AND incident_id = ?",
                (*wanted, self.query.incident_id),
            )
        }
        for row in rows:
            target = places.get(row["corrects"] or "")
            if target is None or target > listing.mark.key:
                continue  # not in the log as read
            at = bisect.bisect_right(known, (target, listing.entries + 1))
            if at:
                key, number = known[at - 1]
                row["corrects_number"] = number + self._count(key, target)
            else:
                row["corrects_number"] = 1 + self._count(None, target)

    @staticmethod
    def _index(by_kind: bool) -> str:
        return _KIND_INDEX if by_kind else _ORDER_INDEX


def _place(anchor: Anchor) -> tuple[int, int]:
    return anchor.position, anchor.number


def _anchors(start: int, keys: list[Key], rows: list[dict[str, Any]]) -> list[Anchor]:
    """The places the rows read make known: the first row, and each block's first."""
    return [
        Anchor(start + i, rows[i]["number"], keys[i])
        for i in range(len(rows))
        if i == 0 or (start + i) % BLOCK == 0
    ]
