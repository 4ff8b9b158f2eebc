"""What laptops on the mesh say to each other: paths, documents, limits, and a page of events.

Everything a peer sends is read within fixed bounds (a line, a page, a request body) and
checked as strictly as a bundle: one malformed or forged event refuses the whole page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hisconsole.errors import N_
from hisconsole.store.events import EventRecord
from hisconsole.sync import intake, vectors
from hisconsole.sync.errors import SyncError
from hisconsole.sync.vectors import Vector
from hisconsole.sync.verifying import CHUNK, Verification

PROTOCOL = 1
PATH_HELLO = "/mesh/v1/hello"
PATH_EVENTS = "/mesh/v1/events"
PATH_WAIT = "/mesh/v1/wait"
PATH_TRUST = "/mesh/v1/trust"
NDJSON = "application/x-ndjson"

DEFAULT_PORT = 47811
#: Events in one page; the next page is asked for with the vector the first one left.
PAGE_EVENTS = 5000
#: A page stops growing past this many bytes (a few large events make a short page).
PAGE_BYTES = 4 * 1024 * 1024
#: Bounds on what a peer may send: one line, a whole page, a request body.
MAX_LINE = 2 * 1024 * 1024 + 4096
MAX_PAGE = PAGE_BYTES + MAX_LINE + 64 * 1024
MAX_BODY = 256 * 1024
#: A long poll answers after this long at most even when nothing changed.
WAIT_SECONDS = 20.0


def split_address(address: str, default_port: int = DEFAULT_PORT) -> tuple[str, int]:
    """("host", port) from "host:port", "host" or "[v6]:port"; ValueError if unusable."""
    text = address.strip()
    if not text:
        raise ValueError("empty address")
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        host, port_text = text, ""
    port = int(port_text) if port_text else default_port
    if not host or not 0 < port < 65536:
        raise ValueError(address)
    return host, port


def join_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class PeerError(SyncError):
    """A peer sent something this laptop cannot use (garbage, a forged event, too much)."""

    code = "mesh.peer-refused"


@dataclass(frozen=True)
class Hello:
    """Who a laptop is and what it holds: the answer to ``hello``."""

    device: str
    name: str
    hospital: str
    vector: Vector
    trust_serial: int
    #: Where the sender listens for its own peers (None: it does not say, as before), so
    #: that a laptop reached over a bare cable can reach back without being told.
    port: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "protocol": PROTOCOL,
            "device": self.device,
            "name": self.name,
            "hospital": self.hospital,
            "vector": dict(self.vector),
            "trust_serial": self.trust_serial,
            **({"port": self.port} if self.port is not None else {}),
        }


def _field(doc: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = doc.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise PeerError(N_("{where}: field {name!r} is missing or wrong"), where=where, name=name)
    return value


def parse_json(data: bytes, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PeerError(N_("{where} is not JSON"), where=where) from exc
    if not isinstance(doc, dict):
        raise PeerError(N_("{where} is not a JSON object"), where=where)
    return doc


def read_hello(doc: Mapping[str, Any]) -> Hello:
    where = "the peer's hello"
    try:
        vector = vectors.validate(doc.get("vector"), where)
    except vectors.VectorError as exc:
        raise PeerError(str(exc)) from exc
    name = _field(doc, "name", str, where)
    hospital = _field(doc, "hospital", str, where)
    return Hello(
        device=_field(doc, "device", str, where),
        name=name[:200],
        hospital=hospital[:64],
        vector=vector,
        trust_serial=int(_field(doc, "trust_serial", int, where)),
        port=_port(doc.get("port")),
    )


def _port(value: Any) -> int | None:
    """A listening port as a hello states it; anything else is as if none was said."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 65536:
        return value
    return None


def read_vector(doc: Mapping[str, Any], name: str) -> Vector:
    try:
        return vectors.validate(doc.get(name), f"the request's {name}")
    except vectors.VectorError as exc:
        raise PeerError(str(exc)) from exc


@dataclass
class Page:
    """Events a peer sent, parsed (not yet verified), and whether it holds more."""

    records: list[EventRecord] = field(default_factory=list)
    keys: dict[str, bytes] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    more: bool = False


def page_head(keys: Mapping[str, str], names: Mapping[str, str]) -> str:
    return json.dumps({"keys": dict(keys), "names": dict(names)}, ensure_ascii=False)


def page_tail(more: bool) -> str:
    return json.dumps({"end": True, "more": more})


def read_page(lines: list[bytes]) -> Page:
    """A page as sent (head, events, tail), checked: SyncError-free or PeerError."""
    if len(lines) < 2:
        raise PeerError(N_("the peer's page of events is cut short"))
    head = parse_json(lines[0], "the page's head")
    tail = parse_json(lines[-1], "the page's end")
    if tail.get("end") is not True or not isinstance(tail.get("more"), bool):
        raise PeerError(N_("the peer's page of events is cut short"))
    raw_keys, raw_names = head.get("keys"), head.get("names")
    if not isinstance(raw_keys, dict) or not isinstance(raw_names, dict):
        raise PeerError(N_("the page's head lacks the device keys"))
    page = Page(more=bool(tail["more"]))
    try:
        page.keys = intake.check_keys(raw_keys, "the peer")
    except SyncError as exc:
        raise PeerError(str(exc)) from exc
    # Signatures are checked on other threads while the rest of the page is parsed.
    with Verification(page.keys) as check:
        chunk: list[EventRecord] = []
        try:
            for number, line in enumerate(lines[1:-1], start=1):
                obj = parse_json(line, f"event {number} of the page")
                chunk.append(intake.parse_event(obj, f"the peer's event {number}"))
                if len(chunk) >= CHUNK:
                    check.add(chunk)
                    page.records.extend(chunk)
                    chunk = []
        except PeerError:
            raise
        except SyncError as exc:
            raise PeerError(str(exc)) from exc
        check.add(chunk)
        page.records.extend(chunk)
        bad = check.first_bad()
    page.names = {str(k): v[:200] for k, v in raw_names.items() if isinstance(v, str)}
    if bad is not None:
        raise PeerError(N_("the peer sent a forged or damaged event: {bad}"), bad=bad)
    return page
