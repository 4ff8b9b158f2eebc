"""The kill -9 soak (tests/sync/soak.py) as a test: three laptops as separate processes,
killed with SIGKILL while they import bundles or sync with a real PostgreSQL hub, until
200 were killed; no acknowledged event may be lost and all must end the same."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync import pgcluster

SOAK = Path(__file__).with_name("soak.py")
KILLS = int(os.environ.get("HISCONSOLE_SOAK_KILLS", "200"))


@pytest.mark.soak
@pytest.mark.postgres
def test_two_hundred_kills_lose_no_acknowledged_event() -> None:
    reason = pgcluster.missing_reason()
    if reason is not None:
        pytest.skip(reason)
    done = subprocess.run(
        [sys.executable, str(SOAK), "--seconds", "86400", "--kills", str(KILLS)],
        capture_output=True,
        text=True,
        check=False,
        cwd=SOAK.parents[2],
    )
    print(done.stdout)
    summary = re.search(
        r"kills (\d+) .*lost acknowledged events (\d+), converged (\w+), problems (\d+)",
        done.stdout,
    )
    assert summary is not None, done.stdout + done.stderr
    kills, lost, converged, problems = summary.groups()
    assert int(kills) >= KILLS
    assert (int(lost), converged, int(problems)) == (0, "True", 0), done.stdout
    assert done.returncode == 0
