"""An installed wheel finds its resources (not only a source checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_wheel_carries_and_finds_its_resources(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("hisconsole-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "hisconsole/_resources/plan/default-plan.yaml",
        "hisconsole/_resources/demo/contacts.yaml",
        "hisconsole/_resources/fonts/wqy-microhei.ttc",
        "hisconsole/store/migrations/versions/0001_initial.py",
    ):
        assert needed in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Run from a folder outside the checkout, with the installed copy first on the path.
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    probe = (
        "import json, hisconsole.resources as r; "
        "print(json.dumps([str(r.resources_dir()), r.__file__]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    resources, module = json.loads(done.stdout)
    assert resources.startswith(str(target)) and module.startswith(str(target))
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data), "--json", "init"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["plan_version"] == 1
