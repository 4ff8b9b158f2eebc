"""The command-centre network (指挥中心局域网): `mesh serve` and `mesh peers`."""

from __future__ import annotations

import argparse
import signal
import threading
from typing import TYPE_CHECKING, Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import gettext as _
from hisconsole.i18n import render_stored
from hisconsole.i18n.formats import format_datetime

if TYPE_CHECKING:
    from hisconsole.services.sync.mesh import PeerInfo


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    mesh = sub.add_parser(
        "mesh",
        parents=[common],
        help=_("the command-centre network: laptops on one local network share events live"),
    )
    mesh_sub = mesh.add_subparsers(dest="mesh_command", metavar="ACTION", required=True)
    serve = mesh_sub.add_parser(
        "serve",
        parents=[common],
        help=_("join the command-centre network until Ctrl-C (serve and pull events live)"),
    )
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        metavar="P",
        help=_("the port to listen on (default 47811)"),
    )
    serve.add_argument(
        "--bind",
        default="0.0.0.0",
        metavar="ADDR",
        help=_("the address to listen on (default: every network of this laptop)"),
    )
    serve.add_argument(
        "--peer",
        action="append",
        default=[],
        metavar="HOST:PORT",
        help=_("another laptop to pull from (repeatable; where multicast is blocked, or a cable)"),
    )
    serve.add_argument(
        "--no-discovery",
        action="store_true",
        help=_("do not announce this laptop or look for others on the network (mDNS)"),
    )
    mesh_sub.add_parser(
        "peers",
        parents=[common],
        help=_("the laptops on the command-centre network and their state"),
    )
    return {"mesh": cmd_mesh}


def cmd_mesh(args: argparse.Namespace, out: Output) -> int:
    if args.mesh_command == "serve":
        return _serve(args, out)
    from hisconsole.services.sync import mesh as mesh_service

    console = open_console(args)
    try:
        status = mesh_service.mesh_peers(console)
    finally:
        console.close()
    if not status.running:
        lines = [_("The command-centre network is not running on this laptop.")]
    elif status.connected:
        lines = [
            _("Command-centre network on {address}: {count} laptop(s) connected.").format(
                address=status.listen, count=status.connected
            )
        ]
    else:
        lines = [
            _("Command-centre network on {address}: alone since {time}.").format(
                address=status.listen, time=format_datetime(status.alone_since, seconds=True)
            )
        ]
    for peer in status.peers:
        lines.append(
            _(
                "  {name} {device} at {address}: {state}; last contact {contact}; "
                "lacks {behind} event(s) held here"
            ).format(
                name=peer.name or "?",
                device=peer.device or "?",
                address=peer.address,
                state=_state_word(peer.state),
                contact=format_datetime(peer.last_contact, seconds=True) or "-",
                behind=peer.behind,
            )
            + (
                _(" ({reason})").format(reason=_peer_error(peer))
                if peer.error and peer.state != "connected"
                else ""
            )
        )
    out.emit(status.as_dict(), "\n".join(lines))
    return EXIT_OK


def _peer_error(peer: PeerInfo) -> str:
    """Why a peer failed, in the reader's language (the network's own words as they are)."""
    return render_stored(peer.error_said) if peer.error_said else peer.error


def _state_word(state: str) -> str:
    """A peer's state as the reader says it (the code stays in --json)."""
    words = {
        "connecting": _("connecting"),
        "connected": _("connected"),
        "unreachable": _("unreachable"),
        "refused": _("refused (not trusted on one side)"),
        "failed": _("failed (the peer sent something unusable)"),
        "self": _("this laptop itself"),
        "stopped": _("not running"),
    }
    return words.get(state, state)


def _serve(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.sync import mesh as mesh_service

    stop = threading.Event()

    def ask_stop(_signum: int, _frame: Any) -> None:
        stop.set()

    console = open_console(args)
    mesh = mesh_service.Mesh(
        console,
        port=args.port,
        bind=args.bind,
        peers=tuple(args.peer),
        discovery=not args.no_discovery,
    )
    previous = {s: signal.signal(s, ask_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        snapshot = mesh.start()
        out.emit(
            {"device": snapshot.device, "listen": snapshot.listen, "peers": list(mesh.peers)},
            _(
                "Command-centre network: this laptop ({device}) listens on {address}; "
                "Ctrl-C stops it."
            ).format(device=snapshot.device, address=snapshot.listen),
        )
        out.flush()
        while not stop.wait(1.0):
            pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        mesh.stop()
        console.close()
    return EXIT_OK
