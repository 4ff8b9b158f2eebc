"""Signatures checked on a thread pool give the same verdict as checking one by one."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.store.events import EventRecord
from hisconsole.sync.canonical import event_bytes
from hisconsole.sync.intake import first_bad_signature
from hisconsole.sync.verifying import CHUNK, Verification
from tests.sync.conftest import device_id


def _signed(key: Ed25519PrivateKey, count: int) -> list[EventRecord]:
    origin = device_id(key)
    records = []
    for seq in range(1, count + 1):
        record = EventRecord(
            origin_id=origin,
            origin_seq=seq,
            event_id=f"00000000-0000-4000-8000-{seq:012d}",
            hlc=f"{1_780_000_000_000 + seq:015d}.000000",
            author="Bench",
            kind="incident.logged",
            entity="incident:INC-1",
            payload={"id": "INC-1", "text": f"entry {seq}"},
        )
        records.append(dataclasses.replace(record, signature=key.sign(event_bytes(record))))
    return records


def _add_in_chunks(verifying: Verification, records: list[EventRecord]) -> None:
    for start in range(0, len(records), CHUNK):
        verifying.add(records[start : start + CHUNK])


def _altered(record: EventRecord) -> EventRecord:
    return dataclasses.replace(record, payload={**record.payload, "text": "stand down"})


def test_the_first_event_that_fails_is_named_whatever_chunk_finishes_first() -> None:
    key = Ed25519PrivateKey.generate()
    records = _signed(key, 2 * CHUNK + 500)
    keys = {device_id(key): key.public_key().public_bytes_raw()}
    with Verification(keys) as verifying:
        _add_in_chunks(verifying, records)
        assert verifying.first_bad() is None

    records[CHUNK + 7] = _altered(records[CHUNK + 7])
    records[2 * CHUNK + 3] = _altered(records[2 * CHUNK + 3])
    with Verification(keys) as verifying:
        _add_in_chunks(verifying, records)
        found = verifying.first_bad()
    assert found == first_bad_signature(records, keys)
    assert found == (
        f"event {records[0].origin_id}#{CHUNK + 8} (incident.logged) is not signed by device "
        f"{records[0].origin_id}"
    )


def test_an_event_without_its_device_key_is_named() -> None:
    key = Ed25519PrivateKey.generate()
    records = _signed(key, 3)
    with Verification({}) as verifying:
        verifying.add(records)
        assert verifying.first_bad() == f"event {records[0].origin_id}#1 comes without its " + (
            "device's key"
        )


def test_the_thread_switch_interval_is_restored_even_after_a_failure() -> None:
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), Verification({}):
        assert sys.getswitchinterval() < before
        raise RuntimeError("the import failed")
    assert sys.getswitchinterval() == before
