"""Running consoles on the mesh in tests: `mesh serve` processes on loopback, the CLI, a
link that can be cut and restored.

Every address here is a loopback one (127.0.0.x): nothing leaves this machine, and
discovery is off (its own test runs in a network namespace of its own).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HISCONSOLE_OPERATOR": "tester",
        "LANG": "C.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
    }


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def cli(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
        timeout=120,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"hisconsole {' '.join(args)} failed: {done.stderr}")
    return done


def cli_json(data_dir: Path, *args: str) -> Any:
    return json.loads(cli(data_dir, "--json", *args).stdout)


def cli_json_many(calls: list[tuple[Path, list[str]]]) -> list[Any]:
    """Several `--json` commands run at once (each on its own laptop); their outputs."""
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "hisconsole", "--data-dir", str(d), "--json", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
            cwd=ROOT,
        )
        for d, args in calls
    ]
    outputs = []
    for process, (_d, args) in zip(running, calls, strict=True):
        out, err = process.communicate(timeout=120)
        if process.returncode != 0:
            raise AssertionError(f"hisconsole {' '.join(args)} failed: {err}")
        outputs.append(json.loads(out))
    return outputs


class Serve:
    """One `hisconsole mesh serve` process (stopped with SIGTERM, as a service manager does)."""

    def __init__(
        self, data_dir: Path, host: str, port: int, peers: list[str], *, discovery: bool = False
    ) -> None:
        self.data_dir = data_dir
        self.address = f"{host}:{port}"
        args = [
            sys.executable,
            "-m",
            "hisconsole",
            "--data-dir",
            str(data_dir),
            "--json",
            "mesh",
            "serve",
            "--bind",
            host,
            "--port",
            str(port),
        ]
        if not discovery:
            args.append("--no-discovery")
        for peer in peers:
            args += ["--peer", peer]
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
            cwd=ROOT,
        )
        self.started: dict[str, Any] = {}

    def wait_started(self) -> None:
        """Wait for the first words of `mesh serve` (it listens from then on)."""
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        if not first:
            raise AssertionError(f"mesh serve did not start: {self.stderr()}")
        # --json prints one indented document: read it to its end.
        text = first
        while not text.rstrip().endswith("}") or text.count("{") != text.count("}"):
            text += self.process.stdout.readline()
        self.started = json.loads(text)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(30)
        finally:
            for stream in (self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()

    def stderr(self) -> str:
        return self.process.stderr.read() if self.process.stderr else ""


def wait_for(check: Callable[[], bool], timeout: float, step: float = 0.05) -> float:
    """Seconds until ``check()`` held; AssertionError after ``timeout``."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(step)


class Link:
    """A TCP relay standing for a cable: ``cut()`` drops every connection through it and
    refuses new ones, ``restore()`` lets them through again."""

    def __init__(self, host: str, target: tuple[str, int]) -> None:
        self.host = host
        self.port = free_port(host)
        self.target = target
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self.restore()

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def _sync(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    async def _start(self) -> None:
        self._server = await asyncio.start_server(
            self._client, self.host, self.port, reuse_address=True
        )

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    def restore(self) -> None:
        if self._server is None:
            self._sync(self._start())

    def cut(self) -> None:
        self._sync(self._stop())

    def close(self) -> None:
        self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()


@contextlib.contextmanager
def serving(specs: list[tuple[Path, str, int, list[str]]]) -> Iterator[list[Serve]]:
    """Start one `mesh serve` per (data dir, host, port, peers); stop them all after."""
    started: list[Serve] = []
    try:
        for spec in specs:
            started.append(Serve(*spec))
        for serve in started:
            serve.wait_started()
        yield started
    finally:
        for serve in started:
            serve.stop()
