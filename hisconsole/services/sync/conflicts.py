"""Values edited concurrently on two laptops, and settling them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from hisconsole.domain.hlc import stamp_time
from hisconsole.errors import N_
from hisconsole.services.console import ChangeSet, Console, ServiceError, area_of
from hisconsole.services.sync.shared import screen_areas
from hisconsole.store.models import CallTree, Contact, Event, PlanItem

#: Register tables that keep both values of a concurrent edit: table -> (model, kind, entity).
REGISTERS: dict[str, tuple[Any, str, str]] = {
    "plan_items": (PlanItem, "plan.item.set", "plan:{key}"),
    "contacts": (Contact, "contact.set", "contact:{key}"),
    "call_trees": (CallTree, "calltree.set", "calltree:{key}"),
}


def differing_fields(values: list[dict[str, Any]]) -> list[str]:
    """The fields whose value is not the same in every rival, in the order they first appear."""
    names: list[str] = []
    for value in values:
        for name in value["data"]:
            if name not in names:
                names.append(name)
    return [n for n in names if len({repr(v["data"].get(n)) for v in values}) > 1]


def conflicts(console: Console, *, include_identical: bool = False) -> list[dict[str, Any]]:
    """Plan items, contacts and call trees edited concurrently on two laptops: every value,
    who set it (``author``), when (``at``, UTC) and on which laptop (``device``,
    ``device_name``), and the fields in which the values differ (``differs``).

    Rivals holding the same value (e.g. the bundled plan loaded on two laptops) are
    not a conflict to resolve and are left out unless ``include_identical``.
    """
    result = []
    with console.db.read() as session:
        for table, (model, _kind, _entity) in REGISTERS.items():
            keys = session.scalars(
                select(model.key).group_by(model.key).having(func.count() > 1).order_by(model.key)
            ).all()
            for key in keys:
                rows = session.scalars(
                    select(model).where(model.key == key).order_by(model.hlc, model.event_id)
                ).all()
                ids = [r.event_id for r in rows]
                who: dict[str, tuple[str, str]] = {
                    str(eid): (str(origin), str(author))
                    for eid, origin, author in session.execute(
                        select(Event.event_id, Event.origin_id, Event.author).where(
                            Event.event_id.in_(ids)
                        )
                    )
                }
                values = [
                    {
                        "event_id": r.event_id,
                        "hlc": r.hlc,
                        "at": stamp_time(r.hlc),
                        "device": who.get(r.event_id, ("", ""))[0],
                        "device_name": "",  # below: the devices are read only if needed
                        "author": who.get(r.event_id, ("", ""))[1],
                        "data": json.loads(r.data),
                    }
                    for r in rows
                ]
                same = all(v["data"] == values[0]["data"] for v in values)
                if same and not include_identical:
                    continue
                result.append(
                    {
                        "table": table,
                        "key": key,
                        "values": values,
                        "same_value": same,
                        "differs": differing_fields(values),
                    }
                )
    if result:  # most reads find no conflict: the devices (~7 ms) are not read for them
        from hisconsole.services.sync.devices import device_names

        names = device_names(console)
        for conflict in result:
            for value in conflict["values"]:
                value["device_name"] = names.get(value["device"], "")
    return result


def resolve_conflict(
    console: Console,
    table: str,
    key: str,
    chosen_event_id: str | None = None,
    merged: dict[str, Any] | None = None,
) -> ChangeSet:
    """Settle a conflict: keep one rival's value (``chosen_event_id``) or ``merged`` data.

    Writes one new event whose parents are all the rivals, so every laptop that
    receives it drops them and keeps the resolution.
    """
    if table not in REGISTERS:
        raise ServiceError(
            N_("Unknown table {table!r}; conflicts are in {registers}."),
            table=table,
            registers=", ".join(REGISTERS),
        )
    if (chosen_event_id is None) == (merged is None):
        raise ServiceError(N_("Choose one of the values, or give merged data (not both)."))
    if merged is not None and not isinstance(merged, dict):
        raise ServiceError(N_("Merged data must be a mapping of fields."))
    model, kind, entity = REGISTERS[table]
    with console.transaction() as tx:
        rows = tx.session.scalars(select(model).where(model.key == key)).all()
        if len(rows) < 2:
            raise ServiceError(
                N_("There is no conflict on {table} {key!r} (any more)."), table=table, key=key
            )
        if chosen_event_id is not None:
            matches = [r for r in rows if r.event_id == chosen_event_id]
            if not matches:
                raise ServiceError(
                    N_("{chosen_event_id} is not one of the values of {key!r}."),
                    chosen_event_id=chosen_event_id,
                    key=key,
                )
            base = matches[0]
            data = json.loads(base.data)
        else:
            base = rows[0]
            data = dict(merged or {})
        payload: dict[str, Any] = {"key": key, "data": data}
        if model is PlanItem:
            payload.update(section=base.section, order=base.ord)
        tx.emit(kind, entity.format(key=key), payload, parents=[r.event_id for r in rows])
    return ChangeSet(screen_areas({area_of(kind)}), 1)


def resolve_identical(console: Console) -> int:
    """Settle every conflict whose rival values are all the same (e.g. two laptops that
    each loaded the bundled plan at set-up); returns how many were settled."""
    same = [c for c in conflicts(console, include_identical=True) if c["same_value"]]
    if not same:
        return 0
    with console.transaction() as tx:
        for conflict in same:
            model, kind, entity = REGISTERS[conflict["table"]]
            rows = tx.session.scalars(select(model).where(model.key == conflict["key"])).all()
            if len(rows) < 2:
                continue
            base = min(rows, key=lambda r: (r.hlc, r.event_id))
            payload: dict[str, Any] = {"key": base.key, "data": json.loads(base.data)}
            if model is PlanItem:
                payload.update(section=base.section, order=base.ord)
            tx.emit(kind, entity.format(key=base.key), payload, parents=[r.event_id for r in rows])
    return len(same)
