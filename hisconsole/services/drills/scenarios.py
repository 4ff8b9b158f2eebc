"""Drill scenarios: the bundled ones (one per playbook of the bundled plan) and files."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hisconsole.domain import drills as rules
from hisconsole.resources import resource_path
from hisconsole.services.errors import ServiceError
from hisconsole.services.plan import read_structured

#: A scenario file is small; anything bigger is not one.
MAX_SCENARIO_FILE_BYTES = 2 * 1024 * 1024


class ScenarioUnknown(ServiceError):
    code = "drill.scenario-unknown"
    template = (
        "No drill scenario {scenario!r}; the console has {known} "
        "(or give the path of a scenario file)."
    )


def bundled_dir() -> Path:
    return resource_path("drills")


def read_file(path: Path) -> dict[str, Any]:
    """Read and validate a scenario file; :class:`DrillInvalid` lists every problem with
    where it is, as a plan file's problems are listed."""
    doc = read_structured(path, rules.DrillInvalid, limit=MAX_SCENARIO_FILE_BYTES)
    rules.validate(doc, str(path))
    return dict(doc)


@cache
def _bundled() -> tuple[tuple[str, dict[str, Any]], ...]:
    return tuple((path.stem, read_file(path)) for path in sorted(bundled_dir().glob("*.yaml")))


def bundled() -> list[dict[str, Any]]:
    """Every bundled scenario, in code order (copies: callers may change them)."""
    import copy

    return [copy.deepcopy(doc) for _stem, doc in _bundled()]


def load(name: str) -> dict[str, Any]:
    """A bundled scenario by code, or a scenario file by path."""
    for doc in bundled():
        if doc["code"] == name:
            return doc
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists():
        return read_file(path)
    raise ScenarioUnknown(scenario=name, known=", ".join(d["code"] for d in bundled()))


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    """A scenario as ``drill list`` shows it."""
    return {
        "code": doc["code"],
        "name": doc["name"],
        "playbook": doc["playbook"],
        "level": doc["level"],
        "duration_minutes": doc["duration_minutes"],
        "injects": len(doc["injects"]),
        "objectives": [
            {"code": o["code"], "kind": o["kind"], "name": rules.objective_name(o)}
            for o in doc["objectives"]
        ],
    }
