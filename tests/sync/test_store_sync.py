"""The local store's side of sync: the applied order, legacy unsigned events, migration."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from hisconsole.services import incidents
from hisconsole.services.console import Console, new_identity
from hisconsole.services.maintenance import check
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.store import appending
from hisconsole.store import db as store_db
from tests.sync.conftest import load_plan
from tests.sync.helpers import events, problems, snapshot

Laptops = Callable[..., Console]
FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_events_written_before_signing_existed_are_signed_on_the_way_out(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops("A"), laptops("B")
    monkeypatch.delitem(appending._SIGNERS, a.device_id)  # as an older program wrote them
    load_plan(a)
    incident, _ = incidents.declare(a, level="IV", title="Written unsigned")
    with a.db.read() as session:
        unsigned = session.execute(
            text("SELECT count(*) FROM events WHERE signature IS NULL")
        ).scalar()
    assert unsigned == len(events(a))

    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    result = bundles_service.import_bundle(b, tmp_path / "a.bundle")

    assert result.report.applied == len(events(a))
    assert incidents.show(b, incident)["title"] == "Written unsigned"
    assert problems(a) == [] and problems(b) == []


def test_an_old_database_keeps_its_order_and_records_new_events_after_migration(
    data_dir: Path,
) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURES / "db-schema-0001.sqlite3", store_db.database_path(data_dir))
    new_identity(data_dir)  # the fixture was kept without its laptop's device key
    console = Console.open(data_dir)
    try:
        before = snapshot(console)
        console.sign_in("Chen Jing", "scribe")
        con = sqlite3.connect(console.db.path)
        try:
            counts = con.execute(
                "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_order)"
            ).fetchone()
            ordered = con.execute(
                "SELECT e.hlc FROM event_order o JOIN events e USING (origin_id, origin_seq)"
                " ORDER BY o.pos"
            ).fetchall()
            with pytest.raises(sqlite3.IntegrityError, match="immutable"):
                con.execute("DELETE FROM event_order")
        finally:
            con.close()
        assert counts[0] == counts[1] > 0
        assert ordered == sorted(ordered)
        assert snapshot(console)["plan_items"] == before["plan_items"]
        assert problems(console) == []
        # The old program signed nothing: check says so instead of calling them verified.
        assert check(console).unsigned == counts[0] - 1
    finally:
        console.close()
