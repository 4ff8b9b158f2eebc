"""A private CUPS server for tests: its own cupsd, config, port and socket in a temp dir.

Never the machine's cupsd: the server listens on loopback and on a socket in its
own directory, keeps its printers, spool and logs there, and the code under test
reaches it through ``CUPS_SERVER``. Its queue prints through the ``cups-pdf``
virtual printer, whose output lands in the test's directory.

cups-pdf reads its settings only from /etc/cups; so cupsd runs in a private mount
namespace (``unshare --mount``) where /etc/cups is this server's own directory.
The machine's /etc/cups is not touched. That needs root (cups-pdf also runs as
root); where any of it is missing, :func:`start` raises :class:`CupsUnavailable`
with the reason, and the fixtures skip with it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
#: How long cupsd may take to answer after it started.
START_TIMEOUT_S = 20.0


class CupsUnavailable(Exception):
    """cupsd cannot start here; the message says why (the skip reason)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class CupsServer:
    """A running private cupsd and the environment that points the CUPS clients at it."""

    root: Path
    port: int
    process: subprocess.Popen[bytes]
    queues: list[str] = field(default_factory=list)

    @property
    def socket(self) -> Path:
        return self.root / "cups.sock"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a CUPS client command (lpadmin, lpstat, cupsdisable…) against this server."""
        done = subprocess.run(
            list(args), env=self.env, capture_output=True, text=True, timeout=30, check=False
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()}")
        return done

    def add_queue(self, name: str, output: Path) -> str:
        """A cups-pdf queue, enabled and accepting jobs, that writes its PDFs into ``output``.

        cups-pdf reads /etc/cups/cups-pdf-NAME.conf for the device ``cups-pdf:/NAME``:
        inside the namespace, that is this server's etc directory.
        """
        output.mkdir(parents=True, exist_ok=True)
        (self.root / "etc" / f"cups-pdf-{name}.conf").write_text(
            f"Out {output}\nAnonDirName {output}\nSpool {self.root / 'pdf-spool'}\n"
            f"Grp root\nLog {self.root / 'log'}\nLogType 3\nLabel 1\n",
            "utf-8",
        )
        self.run("lpadmin", "-p", name, "-v", f"gated:/{name}", "-E", "-P", str(PPD))
        self.queues.append(name)
        return name

    def gate(self, name: str) -> Path:
        """While this file exists, jobs on ``name`` stay "printing" (the backend waits)."""
        return self.root / "gates" / name

    def remove_queue(self, name: str) -> None:
        self.run("lpadmin", "-x", name, check=False)
        if name in self.queues:
            self.queues.remove(name)

    def error_log(self) -> str:
        log = self.root / "log" / "error_log"
        return log.read_text("utf-8", "replace") if log.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def _why_not() -> str | None:
    missing = [
        name for name in ("cupsd", "lpadmin", "lp", "lpstat", "unshare") if not shutil.which(name)
    ]
    if missing:
        return f"not installed: {', '.join(missing)} (packaging/install.sh --test)"
    if not PPD.exists() or not BACKEND.exists():
        return "printer-driver-cups-pdf is not installed (packaging/install.sh --test)"
    if os.geteuid() != 0:
        return "a private cupsd with cups-pdf needs root (private /etc/cups mount, root backend)"
    return None


#: cups-pdf behind a gate: a test holds a job "printing" (to stop the printer mid-job)
#: by creating the gate file; without it, the job goes straight through.
GATED_BACKEND = """#!/bin/sh
[ $# -eq 0 ] && exit 0
name="${DEVICE_URI#gated:/}"
while [ -e "GATES/$name" ]; do sleep 0.1; done
DEVICE_URI="cups-pdf:/$name" exec /usr/lib/cups/backend/cups-pdf "$@"
"""


def _server_bin(root: Path) -> Path:
    """CUPS's programs as installed, plus the gated backend."""
    server_bin = root / "serverbin"
    (server_bin / "backend").mkdir(parents=True)
    (root / "gates").mkdir()
    for entry in Path("/usr/lib/cups").iterdir():
        if entry.name != "backend":
            (server_bin / entry.name).symlink_to(entry)
    for backend in (Path("/usr/lib/cups") / "backend").iterdir():
        (server_bin / "backend" / backend.name).symlink_to(backend)
    gated = server_bin / "backend" / "gated"
    gated.write_text(GATED_BACKEND.replace("GATES", str(root / "gates")), "utf-8")
    gated.chmod(0o700)  # run as root, like cups-pdf itself
    return server_bin


def _write_config(root: Path, port: int) -> Path:
    etc = root / "etc"
    for sub in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out", "pdf-spool"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    # cupsd runs filters as "lp": it must reach the spool and the temp dir.
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755)
    server_bin = _server_bin(root)  # after the chmod: its links point at the system's files
    (root / "spool" / "tmp").chmod(0o1777)
    (etc / "cups-files.conf").write_text(
        f"ServerRoot {etc}\nRequestRoot {root / 'spool'}\nTempDir {root / 'spool' / 'tmp'}\n"
        f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\n"
        f"AccessLog {root / 'log' / 'access_log'}\nErrorLog {root / 'log' / 'error_log'}\n"
        f"PageLog {root / 'log' / 'page_log'}\nLogFilePerm 0644\n"
        f"ServerBin {server_bin}\nDataDir /usr/share/cups\n"
        f"Printcap {root / 'printcap'}\n"
        "User lp\nGroup lp\nSystemGroup root\nFileDevice No\n",
        "utf-8",
    )
    (etc / "cupsd.conf").write_text(
        f"LogLevel info\nListen 127.0.0.1:{port}\nListen {root / 'cups.sock'}\n"
        "Browsing No\nBrowseLocalProtocols none\nWebInterface No\nDefaultAuthType None\n"
        "PreserveJobHistory Yes\nPreserveJobFiles No\nMaxJobs 0\nJobRetryLimit 0\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
        "utf-8",
    )
    # Read by the cups-pdf backend as /etc/cups/cups-pdf.conf inside the namespace.
    (etc / "cups-pdf.conf").write_text(
        f"Out {root / 'out'}\nAnonDirName {root / 'out'}\nSpool {root / 'pdf-spool'}\n"
        f"Grp root\nLog {root / 'log'}\nLogType 3\nLabel 1\n",
        "utf-8",
    )
    return etc


def start(root: Path, *, env: Mapping[str, str] | None = None) -> CupsServer:
    """Start a private cupsd under ``root`` (an empty directory); CupsUnavailable if it cannot."""
    reason = _why_not()
    if reason:
        raise CupsUnavailable(reason)
    port = _free_port()
    etc = _write_config(root, port)
    script = (
        f"mount --bind {etc} /etc/cups && exec cupsd -f "
        f"-c {etc / 'cupsd.conf'} -s {etc / 'cups-files.conf'}"
    )
    console_log = root / "log" / "cupsd.out"
    with console_log.open("wb") as log:
        process = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(env or os.environ),
        )
    server = CupsServer(root, port, process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = console_log.read_text("utf-8", "replace")
            raise CupsUnavailable(
                f"cupsd exited ({process.returncode}): {err.strip() or server.error_log()[-500:]}"
            )
        if server.socket.exists() and server.run("lpstat", "-r", check=False).returncode == 0:
            return server
        time.sleep(0.1)
    server.stop()
    raise CupsUnavailable(f"cupsd did not answer within {START_TIMEOUT_S:.0f} s")
