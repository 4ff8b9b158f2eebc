"""The sync history keeps its notes as codes: each reader sees them in their own language,
and a record written before (English text only) still reads."""

from __future__ import annotations

from sqlalchemy import update

from hisconsole.services.console import Console
from hisconsole.services.sync import shared
from hisconsole.services.sync import status as status_service
from hisconsole.store.sync_models import SyncHistory
from hisconsole.sync.intake import IntakeReport


def test_notes_are_kept_as_codes_and_worded_for_each_reader(console: Console) -> None:
    report = IntakeReport(quarantined=2, pending=1)
    notes = [shared.Note("trust-updated", {"serial": 7}), *shared.count_notes(report)]
    with console.db.write() as session:
        shared.record_history(
            session, console, peer="x", action=shared.ACTION_IMPORT, report=report, notes=notes
        )
        # A record from before the notes were kept as codes: only its English text.
        shared.record_history(session, console, peer="y", action=shared.ACTION_IMPORT)
        session.execute(
            update(SyncHistory)
            .where(SyncHistory.peer == "y")
            .values(note="Trust list updated to serial 3.", notes="")
        )
    history = status_service.sync_status(console).history
    old, new = sorted(history, key=lambda e: e.peer, reverse=True)
    assert [n.code for n in new.notes] == ["trust-updated", "quarantined", "pending"]
    assert new.note.startswith("Trust list updated to serial 7.; 2 event(s)")
    assert new.notes[0].text("zh") == "信任名单已更新为序号 7。"
    assert new.notes[1].text("zh").startswith("来自不在信任名单中的设备的 2 个事件已隔离")
    assert old.notes == () and old.note == "Trust list updated to serial 3."


def test_a_refused_hub_sync_is_kept_as_the_refusal_and_worded_again(console: Console) -> None:
    from hisconsole.errors import N_
    from hisconsole.sync.errors import SyncError

    note = shared.error_note(SyncError(N_("{where} is not JSON"), where="hub"))
    assert note.text("en") == "hub is not JSON"
    assert note.text("zh") == "hub 不是 JSON"
    refused = shared.refuse(SyncError(N_("{where} is not JSON"), where="hub"))
    from hisconsole import i18n

    assert i18n.render(refused, "zh") == "hub 不是 JSON 未做任何更改。"
    assert str(refused) == "hub is not JSON Nothing was changed."
