"""Cold start of the console to a shown main window, next to a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "7"))

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [sys.executable, "-m", "hisconsole", "--data-dir", str(data), "init", "--demo"],
            env=env,
            check=True,
            capture_output=True,
        )
        console = [
            sys.executable,
            "-m",
            "hisconsole",
            "--data-dir",
            str(data),
            "gui",
            "--quit-after-show",
        ]
        bare = [sys.executable, "-c", BARE]
        nothing = [sys.executable, "-c", "pass"]
        _time(console, env)  # warm the file cache once for both
        _time(bare, env)
        results = {"python -c pass": [], "bare PySide6 window": [], "HIS Console window": []}
        for _ in range(RUNS):  # interleaved so drift hits both alike
            results["python -c pass"].append(_time(nothing, env))
            results["bare PySide6 window"].append(_time(bare, env))
            results["HIS Console window"].append(_time(console, env))
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(f"start-up to a shown window, median of {RUNS} runs (offscreen):")
    for name, value in medians.items():
        print(f"  {name:<22} {value * 1000:7.0f} ms")
    ratio = medians["HIS Console window"] / medians["bare PySide6 window"]
    print(f"  ratio console / bare PySide6: {ratio:.2f}x")


if __name__ == "__main__":
    main()
