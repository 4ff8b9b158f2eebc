"""Checking events' signatures on other threads while the caller goes on.

Ed25519 verification (libsodium, :func:`~hisconsole.sync.canonical.verify`) releases the
GIL, so a transport hands the events it has read to a
:class:`Verification` in chunks, keeps parsing and storing meanwhile, and asks for the
outcome before it commits: the checks and the writing overlap, and nothing unverified is
ever committed.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from hisconsole.store.events import EventRecord
from hisconsole.sync.canonical import event_bytes, verify

#: Events handed to a thread at once: large enough that the hand-over is cheap, small
#: enough that the threads start while the caller is still reading.
CHUNK = 1000


#: The interpreter's thread switch interval while a verification runs. A thread coming
#: back from a verification (the GIL released) waits for the interval before the busy
#: thread must let it go on; at the default 5 ms the checks would crawl while the caller
#: parses and stores.
SWITCH_INTERVAL_S = 0.0005
_switch_lock = threading.Lock()
_open = 0
_saved_interval = 0.0


def _enter_fast_switching() -> None:
    global _open, _saved_interval
    with _switch_lock:
        if _open == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, SWITCH_INTERVAL_S))
        _open += 1


def _leave_fast_switching() -> None:
    global _open
    with _switch_lock:
        _open -= 1
        if _open == 0:
            sys.setswitchinterval(_saved_interval)


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def bad_signature(record: EventRecord, key: bytes | None) -> str | None:
    """What is wrong with ``record``'s signature, or None if its device's key (raw public
    key bytes) vouches for it."""
    if key is None:
        return f"event {record.origin_id}#{record.origin_seq} comes without its device's key"
    if not verify(key, record.signature or b"", event_bytes(record)):
        return (
            f"event {record.origin_id}#{record.origin_seq} ({record.kind}) is not signed "
            f"by device {record.origin_id}"
        )
    return None


class Verification:
    """Signature checks of events added in chunks, run on a small thread pool.

    ``add`` returns at once; :meth:`first_bad` waits for every check and names the first
    event (in the order added) that fails, like checking them one by one would. Use it
    as a context manager so the threads end even when the caller fails.
    """

    def __init__(self, keys: Mapping[str, bytes], *, workers: int | None = None) -> None:
        self._keys = dict(keys)
        self._pool = ThreadPoolExecutor(workers or _workers(), thread_name_prefix="verify")
        self._chunks: list[Future[tuple[int, str] | None]] = []
        self._closed = False
        _enter_fast_switching()

    def trust(self, device: str, key: bytes) -> None:
        """Check ``device``'s events (added from now on) against ``key``."""
        self._keys[device] = key

    def add(self, records: Sequence[EventRecord]) -> Future[tuple[int, str] | None]:
        """Check ``records`` (in the background); the future gives (index in ``records``,
        problem) of the first that fails, or None."""
        future = self._pool.submit(self._check, list(records))
        self._chunks.append(future)
        return future

    def add_signed(self, items: Sequence[tuple[str, bytes, bytes]]) -> Future[list[int]]:
        """Check (device, signed bytes, signature) items in the background; the future gives
        the indexes of those whose signature does not match (or whose device is unknown)."""
        return self._pool.submit(self._failing, list(items))

    def _failing(self, items: list[tuple[str, bytes, bytes]]) -> list[int]:
        keys = self._keys
        return [
            index
            for index, (device, message, signature) in enumerate(items)
            if device not in keys or not verify(keys[device], signature, message)
        ]

    def _check(self, records: list[EventRecord]) -> tuple[int, str] | None:
        keys = self._keys
        for index, record in enumerate(records):
            problem = bad_signature(record, keys.get(record.origin_id))
            if problem is not None:
                return index, problem
        return None

    def first_bad(self) -> str | None:
        """Wait for every check; the problem of the first event added that fails, or None."""
        for future in self._chunks:
            found = future.result()
            if found is not None:
                return found[1]
        return None

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pool.shutdown(wait=True, cancel_futures=True)
            _leave_fast_switching()

    def __enter__(self) -> Verification:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
