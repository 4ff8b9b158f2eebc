"""Bundles are read with bounds: inflated size, each line, nesting depth, checked while
streaming; a bomb or a hostile line is refused quickly, in little memory."""

from __future__ import annotations

import hashlib
import itertools
import json
import time
import tracemalloc
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.sync import bundle as bundle_format
from hisconsole.sync.canonical import MANIFEST_CONTEXT, b64, device_id_of, sign
from hisconsole.sync.errors import BundleError

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def compress(chunks: Iterable[bytes]) -> tuple[bytes, int]:
    compressor = zlib.compressobj(9)
    body = bytearray()
    raw = 0
    for chunk in chunks:
        raw += len(chunk)
        body += compressor.compress(chunk)
    body += compressor.flush()
    return bytes(body), raw


def craft(
    out: Path,
    chunks: Iterable[bytes] | tuple[bytes, int],
    *,
    events: int = 1,
    announce_raw: int | None = None,
    key: Ed25519PrivateKey = KEY,
) -> Path:
    """A bundle whose body is ``chunks`` compressed (or a compressed body and its raw size),
    with a correctly signed manifest."""
    body, raw = chunks if isinstance(chunks, tuple) else compress(chunks)
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    doc = {
        "format": bundle_format.FORMAT,
        "format_version": bundle_format.FORMAT_VERSION,
        "exporter": {"id": device_id_of(public), "name": "crafted", "public_key": b64(public)},
        "created_at": "2026-12-05T03:00:00+00:00",
        "program": "test",
        "schema": "0011",
        "event_schema": 1,
        "vector": {},
        "since": {},
        "events": events,
        "body": {
            "encoding": "zlib+jsonl",
            "bytes": len(body),
            "raw_bytes": raw if announce_raw is None else announce_raw,
            "sha256": hashlib.sha256(body).hexdigest(),
        },
        "keys": {},
        "names": {},
        "trust_list": None,
    }
    header = {"manifest": doc, "signature": b64(sign(key, MANIFEST_CONTEXT, doc))}
    out.write_bytes(bundle_format.MAGIC + json.dumps(header).encode() + b"\n" + body)
    return out


def zeros(total: int) -> Iterable[bytes]:
    block = b"0" * 2**20
    for _ in range(total // len(block)):
        yield block


def refused(path: Path) -> tuple[str, float, int]:
    """The refusal message, the seconds it took and the peak Python memory in bytes."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BundleError) as caught:
            bundle_format.read_bundle(path)
        return str(caught.value), time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """1.5 GB of one endless line in about 1.5 MB: announced honestly, and understated."""
    folder = tmp_path_factory.mktemp("bomb")
    body = compress(zeros(1536 * 2**20))
    honest = craft(folder / "honest.bundle", body)
    assert honest.stat().st_size < 2 * 2**20
    lying = craft(folder / "lying.bundle", body, announce_raw=1000)
    return honest, lying


def test_a_bomb_that_says_its_size_is_refused_before_inflating(bomb: tuple[Path, Path]) -> None:
    message, seconds, peak = refused(bomb[0])
    assert "inflate" in message
    assert peak < 16 * 2**20
    print(f"honest bomb refused in {seconds:.3f} s, peak {peak / 2**20:.1f} MB")


def test_a_bomb_that_hides_its_size_is_refused_while_inflating(bomb: tuple[Path, Path]) -> None:
    message, seconds, peak = refused(bomb[1])
    assert "inflate beyond the announced size" in message
    assert peak < 32 * 2**20
    print(f"lying bomb refused in {seconds:.3f} s, peak {peak / 2**20:.1f} MB")


def test_a_line_of_100000_brackets_is_refused(tmp_path: Path) -> None:
    path = craft(tmp_path / "deep.bundle", [b"[" * 100_000 + b"]" * 100_000 + b"\n"])
    message, _, _ = refused(path)
    assert "nested too deeply" in message and "line 1" in message


def test_a_moderately_deep_line_is_refused_too(tmp_path: Path) -> None:
    path = craft(tmp_path / "deep.bundle", [b'{"a":' * 200 + b"1" + b"}" * 200 + b"\n"])
    message, _, _ = refused(path)
    assert "nested too deeply" in message


def test_a_200_mb_text_is_refused_without_holding_it(tmp_path: Path) -> None:
    line = itertools.chain([b'{"payload":{"text":"'], zeros(200 * 2**20), [b'"}}\n'])
    path = craft(tmp_path / "long.bundle", line)
    message, _, peak = refused(path)
    assert "line 1" in message and "longer than" in message
    assert peak < 32 * 2**20


def test_more_lines_than_announced_are_refused_while_reading(tmp_path: Path) -> None:
    lines = [b'{"n":%d}\n' % n for n in range(50)]
    path = craft(tmp_path / "many.bundle", lines, events=3)
    message, _, _ = refused(path)
    assert "announces 3 events" in message


def test_a_sane_bundle_still_reads(tmp_path: Path) -> None:
    lines = [
        json.dumps({"n": n, "nested": {"a": [1, {"b": [2]}]}}).encode() + b"\n" for n in range(5)
    ]
    path = craft(tmp_path / "ok.bundle", lines, events=5)
    manifest, events = bundle_format.read_bundle(path)
    assert manifest.events == 5 and [e["n"] for e in events] == [0, 1, 2, 3, 4]


def test_an_untrusted_exporter_is_refused_before_the_body(tmp_path: Path) -> None:
    path = craft(tmp_path / "x.bundle", [b'{"n":1}\n'])
    data = bytearray(path.read_bytes())
    data[-5:] = b"XXXXX"  # a damaged body: never looked at
    path.write_bytes(bytes(data))

    def admit(manifest: bundle_format.Manifest) -> None:
        raise BundleError(f"{manifest.exporter_id} is not trusted here")

    with pytest.raises(BundleError, match="not trusted"):
        bundle_format.read_bundle(path, admit=admit)
