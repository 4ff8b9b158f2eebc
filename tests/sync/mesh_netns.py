"""Run inside a network namespace of its own (``unshare -n``): bring its loopback up with
multicast, start two `mesh serve` with discovery on, and print what each found.

Nothing here can reach a real network: the namespace has no interface but its own lo.
Usage (the test runs it): unshare -n python tests/sync/mesh_netns.py DIR_A DIR_B [DIR_X]
DIR_X, if given, is a laptop of another hospital, which must not be picked up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.sync.mesh_support import Serve, free_port


def main() -> int:
    for command in (
        ["ip", "link", "set", "lo", "up"],
        ["ip", "link", "set", "lo", "multicast", "on"],
    ):
        subprocess.run(command, check=True)
    dirs = [Path(p) for p in sys.argv[1:]]
    serves = []
    for data_dir in dirs:
        serves.append(Serve(data_dir, "127.0.0.1", free_port("127.0.0.1"), [], discovery=True))
    for serve in serves:
        serve.wait_started()
    found: dict[str, list[dict]] = {}
    deadline = time.monotonic() + 40
    try:
        while time.monotonic() < deadline:
            found = {}
            for serve in serves:
                path = serve.data_dir / "mesh.json"
                doc = json.loads(path.read_text("utf-8")) if path.exists() else {"peers": []}
                found[serve.started["device"]] = doc["peers"]
            a, b = serves[0].started["device"], serves[1].started["device"]
            if any(p["device"] == b and p["state"] == "connected" for p in found[a]) and any(
                p["device"] == a and p["state"] == "connected" for p in found[b]
            ):
                time.sleep(1.0)  # time enough for the other hospital's laptop to show, if wrong
                break
            time.sleep(0.2)
    finally:
        for serve in serves:
            serve.stop()
    print(json.dumps({"devices": [s.started["device"] for s in serves], "found": found}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
