"""A laptop whose clock is behind its peers' is told by how much when their events arrive."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from hisconsole.services.console import Console
from hisconsole.services.sync import bundles


def test_a_slow_clock_is_told_by_how_much(laptops: Callable[..., Console], tmp_path: Path) -> None:
    ahead = 2 * 3600 * 1000
    a = laptops("A", now_ms=lambda: time.time_ns() // 1_000_000 + ahead)
    b = laptops("B")
    a.sign_in("Li Wei", "scribe")
    bundles.export_bundle(a, tmp_path / "a.bundle")
    result = bundles.import_bundle(b, tmp_path / "a.bundle")
    assert result.report.from_future > 0
    assert 119 <= result.report.ahead_ms // 60_000 <= 120
    note = next(n for n in result.notes if "ahead of this laptop's clock" in n)
    assert "by up to 120 min" in note or "by up to 119 min" in note
    assert "this laptop's clock may be slow" in note
    # Stored and applied as data all the same.
    assert result.report.applied == result.report.from_future == 1
