"""Plan search over a plan 20x the size of the bundled one, next to a bare substring scan."""

from __future__ import annotations

import copy
import statistics
import time

from hisconsole.services import plan as plan_service
from hisconsole.services.search import PlanIndex, _texts

QUERIES = ["检验", "PACS", "备用服务器", "paper forms", "UPS", "影像"]
SCALE = 20


def big_plan() -> dict:
    doc = plan_service.read_document(plan_service.default_plan_path())
    for section in ("scenarios", "resources", "risks", "systems", "drills"):
        items = doc[section]
        doc[section] = [
            {**copy.deepcopy(item), "code": f"{item['code']}-{n}"}
            for n in range(SCALE)
            for item in items
        ]
    return doc


def main() -> None:
    doc = big_plan()
    start = time.perf_counter()
    index = PlanIndex(doc)
    build = time.perf_counter() - start
    texts = [
        body
        for items in doc.values()
        if isinstance(items, list)
        for item in items
        for _f, _l, body in _texts(item, "")
    ]
    print(f"plan x{SCALE}: {index.size} indexed texts, index built in {build * 1000:.0f} ms")
    for query in QUERIES:
        runs, bare_runs = [], []
        for _ in range(20):
            t0 = time.perf_counter()
            hits = index.search(query)
            runs.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            lowered = query.lower()
            bare = [t for t in texts if lowered in t.lower()]
            bare_runs.append(time.perf_counter() - t0)
        ours, base = statistics.median(runs), statistics.median(bare_runs)
        print(
            f"  {query!r:<14} {len(hits):>3} hits (of {len(bare)} texts)  "
            f"search {ours * 1000:6.2f} ms   bare scan {base * 1000:6.2f} ms   "
            f"ratio {ours / base:5.2f}x"
        )


if __name__ == "__main__":
    main()
