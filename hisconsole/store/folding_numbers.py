"""Wards and temporary patient numbers folded into their tables.

A range of numbers is inserted once (insert-or-ignore: its numbers embed the
issuing laptop's code, so ranges from different laptops never meet). A number's
status lives in its own row keyed by the number, ranked so that void outranks
used whatever order the events arrive in, then last writer wins; a status that
arrives before its range simply waits in that row. A ward's name and whether it
is in use: last writer wins.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain.numbers import STATUS_RANK, block
from hisconsole.domain.serials import Serial
from hisconsole.store.events import EventRecord
from hisconsole.store.folding import handles, hlc_time, insert_new, keep, later, lww
from hisconsole.store.models import TempNumber, TempNumberStatus, Ward


@handles("numbers.ward_set")
def _ward_set(session: Session, record: EventRecord) -> None:
    p = record.payload
    name = p["name"] if isinstance(p["name"], dict) else {"zh": p["name"], "en": p["name"]}
    keep(
        session,
        Ward,
        {"code": p["code"]},
        "key",
        lww(record),
        name_zh=str(name.get("zh") or name.get("en") or p["code"]),
        name_en=str(name.get("en") or name.get("zh") or p["code"]),
        active=bool(p["active"]),
    )


@handles("numbers.issued")
def _numbers_issued(session: Session, record: EventRecord) -> None:
    p = record.payload
    at = p.get("at") or hlc_time(record.hlc)
    first = int(p["first"])
    # Numbers printed on sheets: ``rows`` to a sheet, from the sheet ``first`` on.
    sheets = p.get("sheets")
    rows = [
        {
            "number": number,
            "prefix": p["prefix"],
            "counter": first + offset,
            "ward": p["ward"],
            "incident_id": p.get("incident"),
            "issued_at": at,
            "issued_by": record.author,
            "sheet": (
                str(Serial(p["prefix"], sheets["first"] + offset // sheets["rows"]))
                if sheets
                else None
            ),
        }
        for offset, number in enumerate(block(p["prefix"], first, int(p["count"])))
    ]
    insert_new(session, TempNumber, rows)


@handles("numbers.status")
def _numbers_status(session: Session, record: EventRecord) -> None:
    p = record.payload
    status = p["status"]
    key = f"{STATUS_RANK[status]}|{lww(record)}"
    values = {
        "status": status,
        "status_at": p.get("at") or hlc_time(record.hlc),
        "status_by": record.author,
        "reason": p.get("reason") or "",
    }
    wanted = list(dict.fromkeys(p["numbers"]))
    rows = {
        r.number: r
        for r in session.scalars(
            select(TempNumberStatus).where(TempNumberStatus.number.in_(wanted))
        )
    }
    for number in wanted:
        row = rows.get(number)
        if row is None:
            session.add(TempNumberStatus(number=number, key=key, **values))
        else:
            later(row, "key", key, **values)
    session.flush()
