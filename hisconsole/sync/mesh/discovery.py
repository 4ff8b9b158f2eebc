"""Finding the other laptops of this hospital on the local network: mDNS / DNS-SD (zeroconf).

Each laptop announces one service, ``DEVICE_ID._hisconsole._tcp.local.``, whose record
carries only its port, its device id and the hospital's tag (the fingerprint of the IT
key it pinned), and browses for the others. A laptop with another hospital's tag is
ignored; one with the right tag is only an address to try: the TLS handshake decides
whether it is trusted.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import Callable
from typing import Any

from hisconsole.sync.canonical import DEVICE_ID_RE
from hisconsole.sync.mesh.wire import join_address

SERVICE_TYPE = "_hisconsole._tcp.local."
RESOLVE_MS = 3000


def _text(properties: dict[bytes, bytes | None], key: bytes) -> str:
    value = properties.get(key)
    return value.decode("ascii", "replace") if isinstance(value, bytes) else ""


class Discovery:
    """Announce this laptop and report the others of the same hospital to ``found``
    (device id, "host:port"), on the running asyncio loop."""

    def __init__(
        self,
        *,
        own_id: str,
        hospital: str,
        bind: str,
        port: int,
        found: Callable[[str, str], None],
    ) -> None:
        self.own_id = own_id
        self.hospital = hospital
        self.bind = bind
        self.port = port
        self.found = found
        self._zc: Any = None
        self._browser: Any = None
        self._info: Any = None
        self._tasks: set[asyncio.Task[None]] = set()

    def _addresses(self) -> list[str]:
        if self.bind not in ("", "0.0.0.0"):
            return [self.bind]
        import ifaddr

        found = []
        for adapter in ifaddr.get_adapters():
            for ip in adapter.ips:
                if isinstance(ip.ip, str) and not ipaddress.ip_address(ip.ip).is_loopback:
                    found.append(ip.ip)
        return found

    async def start(self) -> None:
        from zeroconf import InterfaceChoice, IPVersion
        from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

        addresses = self._addresses()
        everywhere = self.bind in ("", "0.0.0.0")
        interfaces = InterfaceChoice.All if everywhere else [self.bind]
        self._zc = AsyncZeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
        self._info = AsyncServiceInfo(
            SERVICE_TYPE,
            f"{self.own_id}.{SERVICE_TYPE}",
            port=self.port,
            properties={"id": self.own_id, "h": self.hospital},
            addresses=[socket.inet_aton(a) for a in addresses],
            server=f"hisconsole-{self.own_id}.local.",
        )
        await self._zc.async_register_service(self._info)
        self._browser = AsyncServiceBrowser(
            self._zc.zeroconf, SERVICE_TYPE, handlers=[self._changed]
        )

    def _changed(self, zeroconf: Any, service_type: str, name: str, state_change: Any) -> None:
        from zeroconf import ServiceStateChange

        if state_change in (ServiceStateChange.Added, ServiceStateChange.Updated):
            task = asyncio.ensure_future(self._resolve(service_type, name))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _resolve(self, service_type: str, name: str) -> None:
        from zeroconf import IPVersion
        from zeroconf.asyncio import AsyncServiceInfo

        info = AsyncServiceInfo(service_type, name)
        if not await info.async_request(self._zc.zeroconf, RESOLVE_MS):
            return
        properties = info.properties or {}
        device = _text(properties, b"id")
        if not DEVICE_ID_RE.match(device) or device == self.own_id:
            return
        if _text(properties, b"h") != self.hospital or not info.port:
            return  # another hospital's laptop
        for address in info.parsed_addresses(IPVersion.V4Only):
            self.found(device, join_address(address, int(info.port)))
            return

    async def stop(self) -> None:
        from zeroconf import Error as ZeroconfError

        for task in list(self._tasks):
            task.cancel()
        # The network may be gone by now (a cable pulled): saying goodbye is best effort.
        if self._browser is not None:
            with contextlib.suppress(OSError, ZeroconfError):
                await self._browser.async_cancel()
        if self._zc is not None:
            if self._info is not None:
                with contextlib.suppress(OSError, ZeroconfError):
                    await self._zc.async_unregister_service(self._info)
            await self._zc.async_close()
