"""Sync fixtures: laptops with known device keys, an IT key and trust list, a throwaway hub."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.sync import trust as trust_service
from hisconsole.sync.canonical import b64, device_id_of
from hisconsole.sync.identity import KEY_FILENAME
from tests.sync import pgcluster

#: Laptops of the tests: A and B may edit the plan, C is an operator laptop only.
DEVICES = {"A": ["operator", "plan-editor"], "B": ["operator", "plan-editor"], "C": ["operator"]}


def pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_b64(key: Ed25519PrivateKey) -> str:
    return b64(
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def device_id(key: Ed25519PrivateKey) -> str:
    return device_id_of(
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


@dataclass(frozen=True)
class Keys:
    """Device keys (A, B, C trusted; R a rogue laptop nobody listed) and the IT files."""

    devices: dict[str, Ed25519PrivateKey]
    it_private: Path
    it_public: Path
    trust_list: Path
    signed_list: Path


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    root = tmp_path_factory.mktemp("it")
    devices = {name: Ed25519PrivateKey.generate() for name in ("A", "B", "C", "R")}
    trust_service.trust_keygen(root / "it-key.pem")
    for name, roles in DEVICES.items():
        trust_service.trust_add(
            root / "trust.yaml",
            public_key=public_b64(devices[name]),
            name=f"Laptop {name}",
            roles=roles,
            hospital="Test Hospital",
        )
    trust_service.trust_sign(
        root / "trust.yaml", root / "it-key.pem", root / "trust.signed", now=dt.datetime.now(dt.UTC)
    )
    return Keys(
        devices,
        root / "it-key.pem",
        root / "it-key.pem.pub",
        root / "trust.yaml",
        root / "trust.signed",
    )


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with no events and no device key (copied per laptop)."""
    path = tmp_path_factory.mktemp("empty") / "data"
    Console.open(path, create=True).close()
    (path / KEY_FILENAME).unlink()
    return path


def new_laptop(
    template: Path,
    target: Path,
    key: Ed25519PrivateKey | None,
    *,
    now_ms: Callable[[], int] | None = None,
) -> Console:
    shutil.copytree(template, target)
    if key is not None:
        (target / KEY_FILENAME).write_bytes(pem(key))
        (target / KEY_FILENAME).chmod(0o600)
    if now_ms is None:
        return Console.open(target)
    return Console.open(target, now_ms=now_ms)


def trust_all(console: Console, keys: Keys) -> None:
    trust_service.trust_pin(console, keys.it_public)
    trust_service.trust_import(console, keys.signed_list)


def load_plan(console: Console) -> None:
    doc = plan_service.read_document(plan_service.default_plan_path())
    plan_service.import_document(console, doc, note="test plan")


@pytest.fixture
def laptops(tmp_path: Path, empty_template: Path, keys: Keys) -> Iterator[Callable[..., Console]]:
    """Factory: ``laptops("A")`` is laptop A (its key, the trust list pinned and imported)."""
    opened: list[Console] = []

    def make(
        name: str, *, trusted: bool = True, now_ms: Callable[[], int] | None = None
    ) -> Console:
        key = keys.devices.get(name)
        console = new_laptop(empty_template, tmp_path / name, key, now_ms=now_ms)
        opened.append(console)
        if trusted:
            trust_all(console, keys)
        return console

    yield make
    for console in opened:
        console.close()


# --- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.Cluster]:
    reason = pgcluster.missing_reason()
    if reason is not None:
        pytest.skip(reason)
    with pgcluster.running() as cluster:
        yield cluster


@pytest.fixture
def hub_url(pg_cluster: pgcluster.Cluster) -> str:
    """A new, empty PostgreSQL database for one test."""
    return pg_cluster.create_database()
