"""One error root: every user-actionable error is a KnownError with a stable code."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import hisconsole
from hisconsole.domain.forms import UnknownTemplate
from hisconsole.errors import KnownError, render
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.errors import IncidentUnknown
from hisconsole.store import errors as store_errors
from hisconsole.sync.errors import BundleError
from hisconsole.sync.trust import TrustError

CODE = re.compile(r"^[a-z]+(\.[a-z][a-z-]*)+$")


def _all_known_errors() -> list[type[KnownError]]:
    for info in pkgutil.walk_packages(hisconsole.__path__, "hisconsole."):
        if ".ui" in info.name or "migrations" in info.name:
            continue
        importlib.import_module(info.name)
    found: list[type[KnownError]] = []
    todo: list[type[KnownError]] = [KnownError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_the_message_is_rendered_from_code_params() -> None:
    error = UnknownTemplate(template="nope", known="lab, mar")
    assert error.code == "forms.template-unknown"
    assert error.params == {"template": "nope", "known": "lab, mar"}
    assert str(error) == "No form template 'nope'; the templates are lab, mar."
    assert isinstance(error, LookupError)  # old callers that catch LookupError still do


def test_a_family_class_takes_a_ready_sentence_as_its_message_parameter() -> None:
    error = ServiceError("The incident is closed.")
    assert error.code == "service.refused"
    assert error.params == {"message": "The incident is closed."}
    assert str(error) == error.message == "The incident is closed."


def test_as_dict_is_language_neutral_json() -> None:
    error = store_errors.DatabaseLocked(path=Path("/data/hisconsole.sqlite3"))
    data = json.loads(json.dumps(error.as_dict()))
    assert data["code"] == "storage.locked"
    assert data["params"] == {"path": "/data/hisconsole.sqlite3"}
    assert data["message"].startswith("The database /data/hisconsole.sqlite3 is busy")


def test_a_template_missing_a_parameter_still_renders() -> None:
    # The error is what the user must read: a template/params mismatch cannot hide it.
    assert render("No incident {incident!r} ({why})", {"incident": "X"}) == (
        "No incident 'X' ({why})"
    )
    assert str(IncidentUnknown()).startswith("No incident '{incident}'.")


def test_every_known_error_has_its_own_stable_code() -> None:
    classes = _all_known_errors()
    names = {cls.__name__ for cls in classes}
    # The families the architecture names: storage, plan, forms, sync, trust, services.
    assert {
        "StoreError",
        "DatabaseLocked",
        "PlanInvalid",
        "TemplateInvalid",
        "UnknownTemplate",
        "SerialError",
        "SyncError",
        "BundleError",
        "TrustError",
        "DeviceKeyError",
        "ServiceError",
        "ResourcesMissing",
        "LevelUnknown",
    } <= names
    codes = [cls.code for cls in classes if cls is not KnownError]
    assert all(CODE.match(code) for code in codes), codes
    assert len(codes) == len(set(codes)), sorted(codes)


@pytest.mark.parametrize(
    ("cls", "family"),
    [(BundleError, "sync."), (TrustError, "trust."), (store_errors.DiskFull, "storage.")],
)
def test_codes_name_their_family(cls: type[KnownError], family: str) -> None:
    assert cls.code.startswith(family)


def test_a_service_refusal_carries_its_parameters(ready_data_dir: Path) -> None:
    from hisconsole.services import incidents

    console = Console.open(ready_data_dir)
    try:
        with pytest.raises(KnownError) as caught:
            incidents.declare(console, level="II", title="x", systems=["SAP"])
    finally:
        console.close()
    assert caught.value.code == "incident.system-unknown"
    assert caught.value.params["system"] == "SAP"
    assert "HIS" in caught.value.params["known"].split(", ")
