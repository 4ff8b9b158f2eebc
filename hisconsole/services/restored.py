"""A laptop restored from a backup takes back its own entries before it records again.

Events are numbered per device without gaps. The entries this laptop wrote after its
backup may live on in other laptops and the hub under their numbers; a new entry written
before they come back would take the same number with other content, and the two copies
could never be reconciled (each laptop keeps its own). So ``restore`` marks the database,
every write is refused while the mark is there, and the mark goes when an exchange has
taken in what another laptop or the hub holds (a bundle, a hub sync, a peer on the
command-centre network that has sent all it holds, or holds nothing this laptop lacks)
or when the user says there is nobody to take it from (``hisconsole restore --alone``,
the window's "record alone").
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Protocol

from hisconsole.errors import KnownError

if TYPE_CHECKING:  # the command line's quick log reads KEY without loading SQLAlchemy
    from sqlalchemy.orm import Session

    from hisconsole.store.appending import Appender
    from hisconsole.store.db import Database


class Opened(Protocol):
    """An open console (services/console.py imports this module: no import back)."""

    @property
    def db(self) -> Database: ...


#: Meta key holding the mark (JSON: the backup's file name and when it was restored).
KEY = "restore.catching_up"


class CatchingUp(KnownError):
    code = "restore.catching-up"
    template = (
        "This laptop was restored from the backup {backup} and records nothing until it has "
        "taken in what the other laptops or the hub hold: its own entries since that backup "
        "may be there, and a new entry now would be numbered like one of them. Import a "
        "bundle exported on each other laptop ('hisconsole bundle import FILE') or sync with "
        "the hub ('hisconsole sync'). If no other laptop or hub has any of this laptop's "
        "entries: 'hisconsole restore --alone'. Nothing was changed."
    )


def mark(session: Session, *, backup: str, at: str) -> None:
    """Set the mark on a database just restored from ``backup``."""
    from hisconsole.store.models import Meta

    session.merge(Meta(key=KEY, value=json.dumps({"backup": backup, "at": at})))


def pending(session: Session) -> dict[str, str] | None:
    """The mark (backup, at) if this laptop is still taking back its own entries."""
    from hisconsole.store.models import Meta

    row = session.get(Meta, KEY)
    return None if row is None else _mark_of(row.value)


#: The mark as a write transaction reads it.
MARK_OF = "SELECT value FROM meta WHERE key = ?"


def refuse_writes(tx: Appender) -> None:
    """Raise CatchingUp while the mark is there (called first in a write transaction)."""
    row = tx.query_one(MARK_OF, (KEY,))
    if row is not None:
        raise CatchingUp(backup=str(_mark_of(row[0]).get("backup", "?")))


def _mark_of(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    return value if isinstance(value, dict) else {"backup": "?", "at": ""}


def catching_up(db: Database) -> dict[str, str] | None:
    with db.read() as session:
        return pending(session)


def caught_up(db: Database) -> bool:
    """An exchange took in what another laptop or the hub holds: record again (a console
    open on ``db`` sees it at its next write). True if the mark was there."""
    if catching_up(db) is None:
        return False  # the usual case: no write transaction for it
    from hisconsole.store.models import Meta

    with db.write() as session:
        row = session.get(Meta, KEY)
        if row is None:
            return False
        session.delete(row)
    return True


def restored_from(console: Opened) -> str | None:
    """The backup this laptop was restored from while it still takes back its own entries
    (writes are refused until then); None when it records as usual."""
    mark_ = catching_up(console.db)
    return None if mark_ is None else str(mark_.get("backup", "?"))


def record_alone(console: Opened) -> bool:
    """The user says no other laptop or hub holds this restored laptop's entries: it
    records again ('hisconsole restore --alone', the window's "record alone"). False if
    it was not waiting for them."""
    return caught_up(console.db)
