"""Just enough IPP (RFC 8010/8011) to ask a CUPS server about printers and jobs.

The CUPS command-line tools submit and cancel jobs, but none of them tells a
job's state (``lpstat`` lists completed, cancelled and aborted jobs alike). So
the states are read here, over the same connection the tools use: the server
named by ``CUPS_SERVER`` or client.conf, else the local socket. Standard
library only: it works offline on any machine that runs CUPS.
"""

from __future__ import annotations

import getpass
import http.client
import os
import socket
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Operations (RFC 8011 and CUPS).
GET_JOB_ATTRIBUTES = 0x0009
GET_JOBS = 0x000A
GET_PRINTER_ATTRIBUTES = 0x000B
CUPS_GET_DEFAULT = 0x4001
CUPS_GET_PRINTERS = 0x4002

# Delimiter and value tags.
_OPERATION, _END = 0x01, 0x03
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_TEXT_LANG, _NAME_LANG = 0x35, 0x36
_STRINGS = {0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A}
_CHARSET, _LANGUAGE, _URI, _KEYWORD, _NAME = 0x47, 0x48, 0x45, 0x44, 0x42

#: Where CUPS listens locally when nothing else is configured (Debian, macOS).
LOCAL_SOCKETS = ("/run/cups/cups.sock", "/var/run/cups/cups.sock", "/private/var/run/cupsd")
TIMEOUT_S = 10.0


class IppError(Exception):
    """The print system could not be reached, or refused the request."""


@dataclass
class Response:
    status: int
    groups: list[tuple[int, dict[str, list[Any]]]] = field(default_factory=list)

    def of(self, tag: int) -> list[dict[str, list[Any]]]:
        """The attribute groups of one kind (0x02 job, 0x04 printer), in order."""
        return [attrs for group, attrs in self.groups if group == tag]


def server() -> str:
    """The CUPS server the command-line tools would use: a socket path or host[:port]."""
    named = os.environ.get("CUPS_SERVER", "").strip()
    if not named:
        for conf in (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf")):
            try:
                lines = conf.read_text("utf-8", "replace").splitlines()
            except OSError:
                continue
            for line in lines:
                key, _, value = line.strip().partition(" ")
                if key.lower() == "servername" and value.strip():
                    named = value.strip()
                    break
            if named:
                break
    if not named:
        named = next((s for s in LOCAL_SOCKETS if Path(s).exists()), "localhost:631")
    return named.split("/version=")[0]


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def _connection(where: str) -> http.client.HTTPConnection:
    if where.startswith("/"):
        return _UnixConnection(where, TIMEOUT_S)
    host, _, port = where.rpartition(":") if where.count(":") == 1 else (where, "", "")
    return http.client.HTTPConnection(host or where, int(port or 631), timeout=TIMEOUT_S)


def _attribute(tag: int, name: str, values: Iterable[Any]) -> bytes:
    out = b""
    for index, value in enumerate(values):
        key = name.encode() if index == 0 else b""
        if tag in (_INTEGER, _ENUM):
            data = struct.pack(">i", int(value))
        elif tag == _BOOLEAN:
            data = b"\x01" if value else b"\x00"
        else:
            data = str(value).encode("utf-8")
        out += struct.pack(">BH", tag, len(key)) + key + struct.pack(">H", len(data)) + data
    return out


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "hisconsole"


def encode(operation: int, request_id: int, attributes: Iterable[tuple[int, str, Any]]) -> bytes:
    """An IPP 2.0 request: the operation attributes (tag, name, value or list of values)."""
    body = struct.pack(">BBHI", 2, 0, operation, request_id) + bytes([_OPERATION])
    body += _attribute(_CHARSET, "attributes-charset", ["utf-8"])
    body += _attribute(_LANGUAGE, "attributes-natural-language", ["en"])
    # CUPS hides job titles and owners from anonymous requests (JobPrivateValues).
    body += _attribute(_NAME, "requesting-user-name", [_user()])
    for tag, name, value in attributes:
        values = value if isinstance(value, list | tuple) else [value]
        body += _attribute(tag, name, values)
    return body + bytes([_END])


def _value(tag: int, data: bytes) -> Any:
    if tag in (_INTEGER, _ENUM) and len(data) == 4:
        return struct.unpack(">i", data)[0]
    if tag == _BOOLEAN and len(data) == 1:
        return data != b"\x00"
    if tag in _STRINGS:
        return data.decode("utf-8", "replace")
    if tag in (_TEXT_LANG, _NAME_LANG) and len(data) >= 2:
        skip = struct.unpack(">H", data[:2])[0] + 2
        size = struct.unpack(">H", data[skip : skip + 2])[0]
        return data[skip + 2 : skip + 2 + size].decode("utf-8", "replace")
    return data


def decode(data: bytes) -> Response:
    """A response's status and attribute groups (values of unknown types kept as bytes)."""
    if len(data) < 8:
        raise IppError("The print system sent an empty answer.")
    status = struct.unpack(">H", data[2:4])[0]
    response = Response(status)
    attrs: dict[str, list[Any]] | None = None
    last = ""
    pos = 8
    try:
        while pos < len(data):
            tag = data[pos]
            pos += 1
            if tag == _END:
                break
            if tag < 0x10:
                attrs = {}
                response.groups.append((tag, attrs))
                continue
            name_len = struct.unpack(">H", data[pos : pos + 2])[0]
            name = data[pos + 2 : pos + 2 + name_len].decode("utf-8", "replace")
            pos += 2 + name_len
            value_len = struct.unpack(">H", data[pos : pos + 2])[0]
            value = _value(tag, data[pos + 2 : pos + 2 + value_len])
            pos += 2 + value_len
            if attrs is None:
                raise IppError("The print system sent a malformed answer.")
            if name:
                last = name
                attrs[name] = [value]
            elif last:
                attrs[last].append(value)
    except struct.error as exc:
        raise IppError("The print system sent a truncated answer.") from exc
    return response


_request_ids = iter(range(1, 2**31))


def request(
    operation: int,
    attributes: Iterable[tuple[int, str, Any]],
    *,
    path: str = "/",
    where: str | None = None,
) -> Response:
    """Send one IPP request to the CUPS server; IppError if it cannot be reached or refuses."""
    where = where or server()
    body = encode(operation, next(_request_ids), attributes)
    connection = _connection(where)
    try:
        connection.request("POST", path, body, {"Content-Type": "application/ipp"})
        answer = connection.getresponse()
        data = answer.read()
    except OSError as exc:
        raise IppError(f"The print system (CUPS at {where}) cannot be reached: {exc}.") from exc
    finally:
        connection.close()
    if answer.status != 200:
        raise IppError(f"The print system (CUPS at {where}) answered HTTP {answer.status}.")
    response = decode(data)
    if response.status >= 0x0400:
        message = (
            next((g.get("status-message", [""])[0] for g in response.of(_OPERATION)), "")
            or f"status 0x{response.status:04x}"
        )
        raise IppError(f"The print system refused the request: {message}.")
    return response


def first(attrs: Mapping[str, list[Any]], name: str, default: Any = None) -> Any:
    values = attrs.get(name)
    return values[0] if values else default


def printer_uri(name: str) -> tuple[int, str, str]:
    return (_URI, "printer-uri", f"ipp://localhost/printers/{name}")


def keywords(name: str, values: Iterable[str]) -> tuple[int, str, list[str]]:
    return (_KEYWORD, name, list(values))


def integer(name: str, value: int) -> tuple[int, str, int]:
    return (_INTEGER, name, value)
