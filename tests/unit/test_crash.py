"""Killing the process at any moment never leaves a database that check rejects."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hisconsole.services.console import Console
from hisconsole.services.maintenance import check

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hisconsole.services.console import Console
    from hisconsole.services import plan
    console = Console.open(Path(sys.argv[1]))
    doc = plan.current_document(console)
    i = 0
    print("ready", flush=True)
    while True:
        i += 1
        console.sign_in(f"Operator {i % 7}", "scribe")
        doc["levels"][3]["followup_minutes"] = 200 + i % 50
        plan.import_document(console, doc)
    """
)


@pytest.mark.slow
def test_kill_nine_during_writes_leaves_a_sound_database(ready_data_dir: Path) -> None:
    console = Console.open(ready_data_dir)
    events_before = check(console).events
    console.close()
    for delay in (0.05, 0.17, 0.31, 0.45, 0.6):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(ready_data_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(delay)  # let it get somewhere mid-write; not a timing assertion
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        console = Console.open(ready_data_dir)
        report = check(console)
        console.close()
        assert report.ok, report.problems
    assert report.events > events_before  # the writers really wrote before being killed
