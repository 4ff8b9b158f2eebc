"""Projections equal a rebuild of the log, for any sequence of operations (property-based)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hisconsole.services import incidents, reports
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError
from hisconsole.store import eventlog, projections

ROLES = ["commander", "it-duty", "scribe"]
NAMES = ["Li", "Wang", "Zhang", "Chen"]

operations = st.lists(
    st.one_of(
        st.tuples(st.just("sign_in"), st.sampled_from(NAMES), st.sampled_from(ROLES)),
        st.tuples(st.just("level_minutes"), st.integers(0, 3), st.integers(1, 90)),
        st.tuples(st.just("drop_resource"), st.integers(0, 20)),
        st.tuples(st.just("contact"), st.sampled_from(["c01", "c02", "c99"]), st.text(max_size=8)),
        st.tuples(st.just("remove_contact"), st.sampled_from(["c01", "c02", "c99"])),
        st.tuples(st.just("reset_plan")),
        st.tuples(st.just("declare"), st.sampled_from(["I", "II", "III", "IV"])),
        st.tuples(st.just("incident_level"), st.sampled_from(["I", "II", "III", "IV"])),
        st.tuples(
            st.just("incident_status"),
            st.sampled_from(["HIS", "LIS", "PACS"]),
            st.sampled_from(["up", "down", "degraded"]),
        ),
        st.tuples(st.just("incident_log"), st.text(min_size=1, max_size=20)),
        st.tuples(st.just("incident_report")),
        st.tuples(st.just("incident_resolve")),
        st.tuples(st.just("incident_cap"), st.sampled_from([None, "alert", "update", "cancel"])),
        st.tuples(st.just("alert_ack"), st.sampled_from(["conflict:x", "report-overdue:y"])),
    ),
    max_size=12,
)


def _apply(console: Console, op: tuple[object, ...], default_doc: dict) -> None:
    kind = op[0]
    if kind == "sign_in":
        console.sign_in(str(op[1]), str(op[2]))
    elif kind == "level_minutes":
        doc = plan_service.current_document(console)
        assert doc is not None
        doc["levels"][int(op[1])]["report_minutes"] = op[2]  # type: ignore[call-overload]
        plan_service.import_document(console, doc)
    elif kind == "drop_resource":
        doc = plan_service.current_document(console)
        assert doc is not None
        if len(doc["resources"]) > 1:
            del doc["resources"][int(op[1]) % len(doc["resources"])]  # type: ignore[call-overload]
            plan_service.import_document(console, doc)
    elif kind == "reset_plan":
        plan_service.import_document(console, default_doc)
    elif kind == "declare":
        incidents.declare(console, level=str(op[1]), title="Outage", systems=["HIS"])
    elif kind == "alert_ack":
        # Straight to the log: whether the alert holds is the service's check, not the fold's.
        with console.transaction() as tx:
            tx.emit("alert.acknowledged", f"alert:{op[1]}", {"key": op[1], "at": "2026-11-25"})
    elif str(kind).startswith("incident_"):
        listed = incidents.list_incidents(console)
        if not listed:
            return
        inc = listed[0]["id"]
        with contextlib.suppress(ServiceError):  # e.g. same level, already resolved
            if kind == "incident_level":
                incidents.change_level(console, inc, str(op[1]), "why")
            elif kind == "incident_status":
                incidents.set_system_status(console, inc, str(op[1]), str(op[2]))
            elif kind == "incident_log":
                incidents.log(console, inc, str(op[1]))
            elif kind == "incident_report":
                incidents.record_report(console, inc, recipient="HQ", channel="phone")
            elif kind == "incident_resolve":
                incidents.resolve(console, inc)
            elif kind == "incident_cap":
                msg_type = None if op[1] is None else str(op[1])
                reports.write_cap(console, inc, console.data_dir / "cap.xml", msg_type)
    else:
        from sqlalchemy import select

        from hisconsole.store.models import Contact

        key = str(op[1])
        with console.transaction() as tx:
            heads = list(tx.session.scalars(select(Contact.event_id).where(Contact.key == key)))
            if kind == "contact":
                tx.emit(
                    "contact.set", f"contact:{key}", {"key": key, "data": {"note": op[2]}}, heads
                )
            elif heads:
                tx.emit("contact.removed", f"contact:{key}", {"key": key}, heads)


@pytest.mark.slow
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_incremental_projections_equal_a_rebuild(ready_data_dir: Path, ops: list) -> None:
    workdir = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(ready_data_dir, workdir / "data")
        console = Console.open(workdir / "data")
        default_doc = plan_service.read_document(plan_service.default_plan_path())
        for op in ops:
            _apply(console, op, default_doc)
        with console.db.write() as session:
            incremental = projections.snapshot(session)
            eventlog.rebuild(session)
            rebuilt = projections.snapshot(session)
        assert incremental == rebuilt
        console.close()
    finally:
        shutil.rmtree(workdir)
