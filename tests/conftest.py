"""Shared fixtures: every test gets its own data directory; a console built once is copied."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

from tests import cupsd
from tests.cupsd import CupsServer
from tests.support import Clock

if TYPE_CHECKING:
    from hisconsole.services.console import Console

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("HISCONSOLE_DATA_DIR", None)
os.environ.pop("HISCONSOLE_OPERATOR", None)

FIXTURES = Path(__file__).parent / "fixtures"


# --- soak runs: long fault and property runs, left out of the default run ----------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--soak",
        action="store_true",
        help="also run the tests marked soak (or set HISCONSOLE_SOAK=1)",
    )


def soak_run(config: pytest.Config) -> bool:
    return bool(config.getoption("--soak") or os.environ.get("HISCONSOLE_SOAK"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Soak tests are deselected unless asked for (``--soak`` / HISCONSOLE_SOAK=1)."""
    if soak_run(config):
        return
    kept = [item for item in items if item.get_closest_marker("soak") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def _template_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory initialised once with the bundled plan and demo contacts."""
    from hisconsole.services.setup import open_or_initialise

    path = tmp_path_factory.mktemp("template") / "data"
    console, _ = open_or_initialise(path, demo=True)
    console.close()
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty, not yet created data directory."""
    return tmp_path / "data"


@pytest.fixture
def ready_data_dir(tmp_path: Path, _template_data_dir: Path) -> Path:
    """A copy of an initialised data directory (bundled plan + demo contacts)."""
    target = tmp_path / "data"
    shutil.copytree(_template_data_dir, target)
    return target


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(ready_data_dir: Path, clock: Clock) -> Iterator[Console]:
    """A console on the demo data whose clock the test moves, with Wang Fang on duty."""
    from hisconsole.services.console import Console

    console = Console.open(ready_data_dir, now_ms=clock)
    console.sign_in("Wang Fang", "it-duty")
    yield console
    console.close()


@pytest.fixture
def console(ready_data_dir: Path) -> Iterator[object]:
    from hisconsole.services.console import Console

    c = Console.open(ready_data_dir)
    yield c
    c.close()


# --- a private print system (CUPS with the cups-pdf virtual printer) ---------------------


@dataclass
class PrintQueue:
    """A cups-pdf queue on the test's own cupsd; its printed PDFs land in ``output``."""

    server: CupsServer
    name: str
    output: Path

    def printed(self) -> list[Path]:
        return sorted(self.output.rglob("*.pdf"))


@pytest.fixture(scope="session")
def cups_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CupsServer]:
    """One private cupsd for the session (loopback and its own socket); skips, with the
    reason, where it cannot start."""
    try:
        server = cupsd.start(Path(tempfile.mkdtemp(prefix="hisconsole-cups-")))
    except cupsd.CupsUnavailable as exc:
        pytest.skip(f"no private CUPS server: {exc}")
    yield server
    server.stop()


@pytest.fixture
def cups_queue(
    cups_server: CupsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PrintQueue]:
    """A fresh cups-pdf queue printing into this test's directory; the code under test
    reaches the private server through CUPS_SERVER."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    name = f"HIS_{uuid.uuid4().hex[:8]}"
    queue = PrintQueue(cups_server, name, tmp_path / "printed")
    cups_server.add_queue(name, queue.output)
    yield queue
    cups_server.run("cancel", "-a", name, check=False)
    cups_server.remove_queue(name)


def _patient(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def waiting(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", WAIT_LIMIT_MS)
        return wait(*args, **kwargs)

    return waiting


# GUI tests wait for a condition, never for a time: pytest-qt's default limit of 5 s is a
# timing assumption that a busy CI machine breaks, so the limit only catches a hung test.
WAIT_LIMIT_MS = 120_000
for _name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed"):
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))


@pytest.fixture(autouse=True)
def _messages_in_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with English messages whatever the machine's locale, and a test
    that runs the CLI in Chinese (LANG or --lang) leaves no Chinese to the next one."""
    from hisconsole import i18n

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language("en")
    yield
    i18n.set_language("en")
