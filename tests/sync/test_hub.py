"""Syncing through the PostgreSQL hub (a real throwaway server; skipped without one)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from hisconsole.services import incidents
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.services.sync import trust as trust_service
from hisconsole.sync import hub, intake, trust
from hisconsole.sync.errors import HubError
from tests.sync.conftest import Keys, device_id, load_plan
from tests.sync.helpers import events, problems, snapshot

pytestmark = pytest.mark.postgres

Laptops = Callable[..., Console]


def hub_rows(url: str) -> dict[tuple[str, int], str]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT origin_id, origin_seq, event_id FROM events"))
            return {(o, int(s)): e for o, s, e in rows}
    finally:
        engine.dispose()


def hub_execute(url: str, statement: str, **params: Any) -> None:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(statement), params)
    finally:
        engine.dispose()


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """SQL sent to the hub during a test."""
    seen: list[str] = []
    real_connect = hub.connect

    def connect(url: sa.URL) -> sa.Engine:
        engine = real_connect(url)

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _log(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
            seen.append(" ".join(statement.split()))

        return engine

    monkeypatch.setattr(hub, "connect", connect)
    yield seen


def test_two_laptops_meet_through_the_hub(laptops: Laptops, hub_url: str) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="I", title="Data centre power failure")

    pushed = hub_service.sync_hub(a, hub_url)
    pulled = hub_service.sync_hub(b, hub_url)

    assert pushed.sent == len(events(a))
    assert pulled.report.applied == len(events(a))
    assert incidents.show(b, incident)["level"] == "I"
    assert set(hub_rows(hub_url)) == set(events(a))

    incidents.log(b, incident, "Generator started")
    assert hub_service.sync_hub(b).sent == 1  # the saved address is used
    assert hub_service.sync_hub(a).report.applied == 1
    assert snapshot(a) == snapshot(b)
    assert problems(a) == [] and problems(b) == []
    status = status_service.sync_status(a)
    assert status.peers[0].kind == "hub"
    assert status.history[0].applied == 1


def test_the_hub_address_is_kept_private_and_out_of_the_log(laptops: Laptops, hub_url: str) -> None:
    a = laptops("A")
    load_plan(a)
    secret_url = hub_url.replace("postgres@", "postgres:s3cret@")
    hub_service.sync_hub(a, secret_url)

    saved = a.data_dir / "hub.json"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert json.loads(saved.read_text())["url"] == secret_url
    with a.db.read() as session:
        dump = "\n".join(session.connection().connection.iterdump())  # type: ignore[attr-defined]
    assert "s3cret" not in dump
    assert "s3cret" not in json.dumps(status_service.sync_status(a).as_dict())


def test_a_second_sync_with_nothing_new_moves_nothing(laptops: Laptops, hub_url: str) -> None:
    a = laptops("A")
    load_plan(a)
    hub_service.sync_hub(a, hub_url)
    again = hub_service.sync_hub(a)
    assert again.sent == 0 and again.report.applied == 0 and again.report.duplicates == 0


def test_sync_queries_only_what_is_new(
    laptops: Laptops, hub_url: str, statements: list[str]
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    hub_service.sync_hub(a, hub_url)
    hub_service.sync_hub(b, hub_url)
    incidents.declare(a, level="III", title="Slow network")
    hub_service.sync_hub(a)
    statements.clear()

    result = hub_service.sync_hub(b)

    assert result.report.applied == 1
    reads = [s for s in statements if s.startswith("SELECT") and "FROM events" in s]
    fetches = [s for s in reads if "ORDER BY hub_seq" in s]
    assert fetches, reads
    for statement in fetches:
        assert "origin_id = %(origin)s" in statement
        assert "origin_seq > %(after)s" in statement
    assert not any("count(" in s.lower() for s in reads)


def test_an_interrupted_push_resumes_without_loss_or_duplicates(
    laptops: Laptops, hub_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops("A")
    load_plan(a)
    monkeypatch.setattr(hub_service, "PUSH_BATCH", 10)
    real_push = hub.push_events
    calls = {"n": 0}

    def flaky(conn: sa.Connection, rows: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise HubError("the network went away")
        return real_push(conn, rows)

    monkeypatch.setattr(hub, "push_events", flaky)
    with pytest.raises(ServiceError, match=r"network went away.*already transferred is kept"):
        hub_service.sync_hub(a, hub_url)
    assert len(hub_rows(hub_url)) == 20

    monkeypatch.setattr(hub, "push_events", real_push)
    result = hub_service.sync_hub(a)
    assert result.sent == len(events(a)) - 20
    assert hub_rows(hub_url) == {k: e for k, (e, _f) in events(a).items()}


def test_an_interrupted_pull_resumes_without_loss_or_duplicates(
    laptops: Laptops, hub_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    hub_service.sync_hub(a, hub_url)
    monkeypatch.setattr(hub_service, "PULL_BATCH", 10)
    real_store = intake.store_events
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> intake.IntakeReport:
        calls["n"] += 1
        if calls["n"] == 3:
            raise HubError("the laptop lid was closed")
        return real_store(*args, **kwargs)

    monkeypatch.setattr(intake, "store_events", flaky)
    with pytest.raises(ServiceError, match="lid was closed"):
        hub_service.sync_hub(b, hub_url)
    assert len(events(b)) == 20
    assert problems(b) == []

    monkeypatch.setattr(intake, "store_events", real_store)
    hub_service.sync_hub(b)
    assert events(b) == events(a)
    assert snapshot(b) == snapshot(a)


def test_a_forged_event_on_the_hub_is_not_taken(laptops: Laptops, hub_url: str) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    hub_service.sync_hub(a, hub_url)
    seq = max(s for _o, s in events(a)) + 1
    hub_execute(
        hub_url,
        "INSERT INTO events VALUES (:o, :s, 'forged-1', '999999999999999.000000', 'mallory',"
        " 'incident.resolved', :e, :p, '[]', 1, :sig, now())",
        o=a.device_id,
        s=seq,
        e=f"incident:{incident}",
        p=json.dumps({"id": incident, "at": "2026-01-01T00:00:00+00:00"}),
        sig=b"\x00" * 64,
    )

    result = hub_service.sync_hub(b, hub_url)

    assert any("fails verification" in note for note in result.notes)
    assert "forged-1" not in {e for e, _f in events(b).values()}
    assert incidents.show(b, incident)["status"] == "open"
    assert sync_shared.local_vector(b)[a.device_id] == seq - 1


def test_batches_stored_while_later_checks_run_stop_at_the_first_forged_event(
    laptops: Laptops, hub_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small chunks and batches: the batches before the forged event are stored (each
    once its events passed), the forged one and nothing after it of that device."""
    monkeypatch.setattr(hub_service, "CHUNK", 3)
    monkeypatch.setattr(hub_service, "PULL_BATCH", 4)
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="III", title="LIS slow")
    for n in range(9):
        incidents.log(a, incident, f"runner {n} back")
    hub_service.sync_hub(a, hub_url)
    seq = max(s for _o, s in events(a)) + 1
    hub_execute(
        hub_url,
        "INSERT INTO events VALUES (:o, :s, 'forged-2', '000000000000001.000000', 'mallory',"
        " 'incident.logged', :e, :p, '[]', 1, :sig, now())",
        o=a.device_id,
        s=seq,
        e=f"incident:{incident}",
        p=json.dumps({"id": incident, "text": "forged", "kind": "note"}),
        sig=b"\x00" * 64,
    )
    seen: list[tuple[str, int, int]] = []

    result = hub_service.sync_hub(b, hub_url, progress=lambda *step: seen.append(step) or True)

    assert any("fails verification" in note for note in result.notes)
    assert result.report.applied == seq - 1
    assert sync_shared.local_vector(b)[a.device_id] == seq - 1
    assert events(b) == events(a)
    texts = [e["text"] for e in incidents.show(b, incident)["log"]]
    assert [t for t in texts if t.startswith("runner")] == [f"runner {n} back" for n in range(9)]
    pulls = [done for stage, done, _total in seen if stage == "pull"]
    assert pulls[0] == 0 and pulls[-1] == seq - 1 and len(pulls) > 2


def test_a_trust_list_reaches_other_laptops_through_the_hub(
    laptops: Laptops, keys: Keys, hub_url: str, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    doc = trust.read_list_file(keys.trust_list)
    doc = trust.revoke_device(doc, device_id(keys.devices["C"]), dt.date(2026, 1, 1))
    trust.write_list_file(tmp_path / "newer.yaml", doc)
    trust_service.trust_sign(
        tmp_path / "newer.yaml", keys.it_private, tmp_path / "n.signed", now=dt.datetime.now(dt.UTC)
    )
    trust_service.trust_import(a, tmp_path / "n.signed")

    hub_service.sync_hub(a, hub_url)
    result = hub_service.sync_hub(b, hub_url)

    assert result.trust_serial == doc["serial"]
    assert trust_service.trust_show(b)["serial"] == doc["serial"]
    assert {d.id: d.status for d in devices_service.devices(b)}[
        device_id(keys.devices["C"])
    ] == "revoked"


def test_an_unreachable_hub_gives_a_calm_message_and_saves_nothing(
    laptops: Laptops, tmp_path: Path
) -> None:
    a = laptops("A")
    url = f"postgresql+psycopg://nobody@/nothing?host={tmp_path}/no-server"
    with pytest.raises(ServiceError, match=r"cannot be used right now.*offline"):
        hub_service.sync_hub(a, url)
    assert not (a.data_dir / "hub.json").exists()
    with pytest.raises(ServiceError, match="must be a PostgreSQL"):
        hub_service.sync_hub(a, "mysql://root@db/his")
    with pytest.raises(ServiceError, match="No hub address"):
        hub_service.sync_hub(a)


def test_a_hub_set_up_by_a_newer_program_is_refused(laptops: Laptops, hub_url: str) -> None:
    a = laptops("A")
    hub_service.sync_hub(a, hub_url)
    hub_execute(hub_url, f"UPDATE {hub.VERSION_TABLE} SET version_num = 'h9999'")
    with pytest.raises(ServiceError, match="newer HIS Console"):
        hub_service.sync_hub(a)


def test_a_database_with_someone_elses_events_table_is_refused(
    laptops: Laptops, hub_url: str
) -> None:
    a = laptops("A")
    hub_execute(hub_url, "CREATE TABLE events (id serial primary key, what text)")
    with pytest.raises(ServiceError, match="table named 'events'"):
        hub_service.sync_hub(a, hub_url)


def test_a_push_of_events_the_hub_partly_holds_adds_the_rest_in_order(
    laptops: Laptops, hub_url: str
) -> None:
    """Another laptop relayed some of these events meanwhile: the COPY meets them, is
    undone, and the staged insert adds only the others, numbered in the order sent."""
    from operator import attrgetter

    from hisconsole.store.events import COLUMNS
    from hisconsole.sync.outgoing import outgoing

    a = laptops("A")
    load_plan(a)
    incident, _ = incidents.declare(a, level="III", title="LIS slow")
    for n in range(4):
        incidents.log(a, incident, f"update {n}")
    with a.db.read() as session:
        rows = [
            attrgetter(*COLUMNS)(r)
            for r in outgoing(
                session,
                have={a.device_id: 10**9},
                since={},
                own_id=a.device_id,
                sign_own=a.identity.private_key.sign,
            )
        ]
    engine = hub.connect(hub.parse_url(hub_url))
    try:
        hub.ensure_schema(engine)
        with engine.begin() as conn:
            assert hub.push_events(conn, rows[:3]) == 3
        with engine.begin() as conn:  # streamed as read, like a push's batches
            assert hub.push_events(conn, iter(rows[1:])) == len(rows) - 1
        with engine.connect() as conn:
            order = conn.execute(
                sa.text("SELECT origin_seq FROM events ORDER BY hub_seq")
            ).scalars()
            assert list(order) == [r[1] for r in rows]
    finally:
        engine.dispose()
    assert set(hub_rows(hub_url)) == {(r[0], r[1]) for r in rows}
