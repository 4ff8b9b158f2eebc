"""Regression: PySide6 6.12.0 on Python < 3.12 aborts after ~5,000 void Qt calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

MARKER = "survived 20000 void calls"

SCRIPT = textwrap.dedent(
    f"""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    for i in range(20_000):
        label.setText(str(i))  # returns None: each call touched None's refcount in 6.12.0
    assert label.text() == "19999"
    print("{MARKER}", flush=True)
    """
)


def test_twenty_thousand_void_qt_calls_do_not_crash_the_interpreter() -> None:
    # In a child process, so that "Fatal Python error: none_dealloc" (exit 134)
    # fails this test instead of killing the test run.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert MARKER in done.stdout
