"""Commands for sync: bundles (USB files), the hub, devices, trust and conflicts."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add the sync subcommands to ``sub`` (argparse subparsers); returns name -> handler."""
    bundle = sub.add_parser(
        "bundle", parents=[common], help=_("exchange updates with another laptop by file (USB)")
    )
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    export = bundle_sub.add_parser(
        "export", parents=[common], help=_("write the events another laptop may lack to FILE")
    )
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the bundle file to write")
    )
    export.add_argument(
        "--since-vector",
        type=Path,
        metavar="FILE",
        help=_(
            "only what is beyond this version vector (from 'bundle vector' on the other "
            "laptop, or a bundle it wrote); default: everything"
        ),
    )
    imp = bundle_sub.add_parser("import", parents=[common], help=_("check and take in a bundle"))
    imp.add_argument(
        "file", type=Path, metavar="FILE", help=_("a bundle written by 'bundle export'")
    )
    imp.add_argument(
        "--pin-it-key",
        metavar="FINGERPRINT",
        help=_(
            "no IT key pinned yet: pin the one that signed the bundle's trust list, "
            "once IT confirmed this fingerprint"
        ),
    )
    vector = bundle_sub.add_parser(
        "vector",
        parents=[common],
        help=_("write this laptop's version vector (for --since-vector)"),
    )
    vector.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the vector file to write")
    )

    sync = sub.add_parser("sync", parents=[common], help=_("sync with the central hub"))
    sync.add_argument(
        "--hub",
        metavar="URL",
        help=_("postgresql+psycopg://USER:PASSWORD@HOST/DB (kept in hub.json; default: saved one)"),
    )
    sync.add_argument(
        "--status", action="store_true", help=_("show the last exchanges instead of syncing")
    )

    device = sub.add_parser("device", parents=[common], help=_("this laptop and the others"))
    device_sub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    device_sub.add_parser("show", parents=[common], help=_("this laptop's id, name and public key"))
    device_sub.add_parser("list", parents=[common], help=_("devices seen, trusted or quarantined"))
    new_identity = device_sub.add_parser(
        "new-identity",
        parents=[common],
        help=_(
            "give this laptop a new device key (the old one is lost); other laptops will "
            "see a new device"
        ),
    )
    new_identity.add_argument(
        "--replace", action="store_true", help=_("replace a key that still works (kept beside)")
    )
    accept = device_sub.add_parser(
        "accept", parents=[common], help=_("accept a quarantined device (its events are applied)")
    )
    accept.add_argument(
        "id", metavar="ID", help=_("the device's id ('hisconsole device list' shows them)")
    )

    trust = sub.add_parser("trust", parents=[common], help=_("IT key and the signed trust list"))
    trust_sub = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    keygen = trust_sub.add_parser("keygen", parents=[common], help=_("create the IT key pair"))
    keygen.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help=_("the private key file to write (the public key goes beside it)"),
    )
    person = trust_sub.add_parser(
        "person",
        parents=[common],
        help=_(
            "add a person to a trust list: the command roles they may hold and their PIN "
            "(asked twice on the terminal, or read from --pin-fd N)"
        ),
    )
    person.add_argument("list", type=Path, metavar="LIST.yaml", help=_("the trust list to edit"))
    person.add_argument("--name", required=True, help=_("the person's name, as they sign in"))
    person.add_argument(
        "--roles",
        required=True,
        metavar="ROLES",
        help=_("command roles they may hold, comma-separated (e.g. commander,deputy-commander)"),
    )
    add = trust_sub.add_parser("add", parents=[common], help=_("add a device to a trust list"))
    add.add_argument(
        "list",
        type=Path,
        metavar="LIST.yaml",
        help=_("the trust list to edit (created if missing)"),
    )
    add.add_argument(
        "--public-key",
        required=True,
        metavar="BASE64",
        help=_("the device's public key ('hisconsole device show' on it)"),
    )
    add.add_argument("--name", required=True, help=_("the device's name (e.g. the laptop's label)"))
    add.add_argument(
        "--roles",
        default="operator",
        metavar="ROLES",
        help=_("the device's roles, comma-separated: operator, plan-editor (default: operator)"),
    )
    add.add_argument("--expires", metavar="YYYY-MM-DD", help=_("trusted until this day"))
    add.add_argument("--hospital", metavar="NAME", help=_("the hospital the list is for"))
    revoke = trust_sub.add_parser("revoke", parents=[common], help=_("revoke a device"))
    revoke.add_argument("list", type=Path, metavar="LIST.yaml", help=_("the trust list to edit"))
    revoke.add_argument("id", metavar="DEVICE_ID", help=_("the device to revoke"))
    revoke.add_argument("--on", metavar="YYYY-MM-DD", help=_("from this day (default: today)"))
    sign = trust_sub.add_parser(
        "sign", parents=[common], help=_("sign a trust list with the IT key")
    )
    sign.add_argument("list", type=Path, metavar="LIST.yaml", help=_("the trust list to sign"))
    sign.add_argument(
        "--key",
        type=Path,
        required=True,
        metavar="FILE",
        help=_("the IT private key ('trust keygen')"),
    )
    sign.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the signed list to write")
    )
    pin = trust_sub.add_parser("pin", parents=[common], help=_("pin the IT public key here"))
    pin.add_argument(
        "file", type=Path, metavar="PUBKEYFILE", help=_("the IT public key file (from IT, offline)")
    )
    pin.add_argument("--replace", action="store_true", help=_("replace a different pinned key"))
    timport = trust_sub.add_parser("import", parents=[common], help=_("use a signed trust list"))
    timport.add_argument("file", type=Path, metavar="FILE", help=_("a signed trust list"))
    timport.add_argument(
        "--pin-fingerprint",
        metavar="FINGERPRINT",
        help=_("no IT key pinned yet: pin the list's key once IT confirmed this fingerprint"),
    )
    trust_sub.add_parser("show", parents=[common], help=_("the pinned IT key and trust list"))

    conflicts = sub.add_parser(
        "conflicts", parents=[common], help=_("values edited on two laptops at once")
    )
    conflicts_sub = conflicts.add_subparsers(
        dest="conflicts_command", metavar="ACTION", required=True
    )
    conflicts_sub.add_parser("list", parents=[common], help=_("list unresolved conflicts"))
    conflicts_sub.add_parser(
        "tidy", parents=[common], help=_("settle the conflicts whose values are all the same")
    )
    resolve = conflicts_sub.add_parser("resolve", parents=[common], help=_("settle one conflict"))
    resolve.add_argument(
        "table",
        choices=("plan_items", "contacts", "call_trees"),
        help=_("where the value is ('conflicts list' shows it)"),
    )
    resolve.add_argument(
        "key", metavar="KEY", help=_("the value's key ('conflicts list' shows it)")
    )
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", metavar="EVENT_ID", help=_("keep this value"))
    how.add_argument("--merged", type=Path, metavar="FILE.json", help=_("use this merged value"))

    return {
        "bundle": cmd_bundle,
        "sync": cmd_sync,
        "device": cmd_device,
        "trust": cmd_trust,
        "conflicts": cmd_conflicts,
    }


_COUNTED = {
    "duplicates": N_("{count} already here"),
    "quarantined": N_("{count} quarantined"),
    "rejected": N_("{count} rejected"),
    "pending": N_("{count} pending"),
    "orphans": N_("{count} waiting for what they name"),
    "from_future": N_("{count} from the future"),
}


# The last exchange with a peer, by the peer's kind (services/sync/status.py), each a
# whole sentence: the kind is a word of its own in Chinese.
_LAST_SYNC = {
    "laptop": N_("last sync with laptop {peer}: {time}"),
    "hub": N_("last sync with hub {peer}: {time}"),
}


# A device's state (services/sync/devices.py) in words.
_DEVICE_STATUS = {
    "this laptop": N_("this laptop"),
    "trusted": N_("trusted"),
    "accepted": N_("accepted"),
    "expired": N_("expired"),
    "revoked": N_("revoked"),
    "quarantined": N_("quarantined"),
    "unknown": N_("unknown"),
}


def _counts(data: dict[str, Any]) -> str:
    parts = [_("{count} new applied").format(count=data["applied"])]
    parts += [_(label).format(count=data[key]) for key, label in _COUNTED.items() if data.get(key)]
    return _(", ").join(parts)


def cmd_bundle(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.cli.options import open_for_rescue
    from hisconsole.services.sync import bundles as bundles_service

    # Writing a bundle only reads: it may rescue what a damaged database still holds.
    console = open_for_rescue(args, out) if args.bundle_command == "export" else open_console(args)
    try:
        if args.bundle_command == "export":
            exported = bundles_service.export_bundle(
                console, args.out, since_file=args.since_vector
            )
            out.emit(
                exported.as_dict(),
                _("Wrote {events} event(s) to {path} ({bytes} bytes).").format(
                    events=exported.events, path=exported.path, bytes=exported.bytes
                ),
            )
        elif args.bundle_command == "import":
            result = bundles_service.import_bundle(console, args.file, pin_it_key=args.pin_it_key)
            data = result.as_dict()
            who = result.source_name or result.source
            lines = [
                _("Bundle from {who} ({source}): {counts}.").format(
                    who=who, source=result.source, counts=_counts(data)
                )
            ]
            lines += result.notes
            out.emit(data, "\n".join(lines))
        else:
            vector = bundles_service.write_vector(console, args.out)
            out.emit(
                {"file": str(args.out), "vector": vector},
                _("Version vector of this laptop written to {file}.").format(file=args.out),
            )
        return EXIT_OK
    finally:
        console.close()


def cmd_sync(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import people
    from hisconsole.services.sync import hub as hub_service
    from hisconsole.services.sync import status as status_service

    console = open_console(args)
    try:
        if args.status:
            status = status_service.sync_status(console)
            lines = [_("Hub: {hub}").format(hub=status.hub or _("none set"))]
            for peer in status.peers:
                lines.append(
                    "  "
                    + _(_LAST_SYNC.get(peer.kind, _LAST_SYNC["laptop"])).format(
                        peer=peer.name or peer.peer,
                        time=format_datetime(peer.last_sync_at),
                    )
                )
            for entry in status.quarantine:
                lines.append(
                    "  "
                    + _(
                        "quarantined: {count} event(s) and {bundles} unread bundle(s) from {device}"
                    ).format(count=entry.events, bundles=entry.unread_bundles, device=entry.device)
                )
            if status.rejected:
                lines.append(
                    "  "
                    + _("rejected events: {count} (latest shown in --json)").format(
                        count=len(status.rejected)
                    )
                )
            if status.pending:
                lines.append("  " + _("pending events: {count}").format(count=status.pending))
            for held in status.orphans:
                lines.append(
                    "  "
                    + _("held: {kind} #{seq} from {device}: {reason}").format(
                        kind=held.kind, seq=held.seq, device=held.device, reason=held.said_reason()
                    )
                )
            if status.conflicts:
                lines.append(
                    "  " + _("unresolved conflicts: {count}").format(count=status.conflicts)
                )
            lines.append("  " + people.roles_said(status.people))
            out.emit(status.as_dict(), "\n".join(lines))
            return EXIT_OK
        result = hub_service.sync_hub(console, args.hub)
        data = result.as_dict()
        human = [
            _("Synced with {hub}: {sent} sent, {counts}.").format(
                hub=result.source_name, sent=result.sent, counts=_counts(data)
            )
        ]
        out.emit(data, "\n".join(human + result.notes))
        return EXIT_OK
    finally:
        console.close()


def cmd_device(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.sync import devices as devices_service

    if args.device_command == "new-identity":
        # Runs without opening a console: opening is what a lost key refuses.
        from hisconsole.services.console import new_identity
        from hisconsole.services.paths import resolve_data_dir

        made = new_identity(resolve_data_dir(args.data_dir), replace=args.replace)
        human = _("New device id: {device} (was {previous}).").format(
            device=made["id"], previous=made["previous"] or _("none")
        )
        if made["previous_key_file"]:
            human += "\n" + _("The old key is kept in {file}.").format(
                file=made["previous_key_file"]
            )
        human += "\n" + _(
            "Other laptops will see a new device: ask IT to add it to the trust list, or a "
            "commander to accept it."
        )
        out.emit(made, human)
        return EXIT_OK
    console = open_console(args)
    try:
        if args.device_command == "show":
            info = devices_service.device_info(console)
            out.emit(
                info.as_dict(),
                _(
                    "Device id:   {device}\nName:        {name}\n"
                    "Public key:  {public_key}\nFingerprint: {fingerprint}"
                ).format(
                    device=info.id,
                    name=info.name,
                    public_key=info.public_key,
                    fingerprint=info.fingerprint,
                ),
            )
        elif args.device_command == "list":
            rows = devices_service.devices(console)
            lines = []
            for d in rows:
                held = ""
                if d.quarantined or d.rejected or d.pending or d.unread_bundles:
                    held = "  " + _(
                        "held: {quarantined} quarantined, {rejected} rejected, {pending} pending, "
                        "{unread} unread bundle(s)"
                    ).format(
                        quarantined=d.quarantined,
                        rejected=d.rejected,
                        pending=d.pending,
                        unread=d.unread_bundles,
                    )
                roles = ",".join(d.roles) or "-"
                lines.append(
                    f"{d.id}  {_(_DEVICE_STATUS.get(d.status, d.status)):<12} {roles:<21} "
                    + _("{count} events").format(count=d.events).rjust(10)
                    + f"  {d.name}{held}"
                )
            out.emit([d.as_dict() for d in rows], "\n".join(lines))
        else:
            result = devices_service.accept_device(console, args.id)
            data = result.as_dict()
            human = _("Accepted device {device}: {counts}.").format(
                device=result.device_id, counts=_counts(data)
            )
            if result.report.rejected:
                reasons = "; ".join(r.worded().said(_) for r in result.report.reasons)
                human += "\n" + _("Still refused: {reasons}.").format(reasons=reasons)
            out.emit(data, human)
        return EXIT_OK
    finally:
        console.close()


def cmd_trust(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.console import ServiceError
    from hisconsole.services.sync import trust as trust_service

    action = args.trust_command
    if action == "keygen":
        data = trust_service.trust_keygen(args.out)
        out.emit(
            data,
            _(
                "IT private key written to {private_key} (keep it offline, never on a "
                "console).\nPublic key: {public_key_file}\nFingerprint: {fingerprint}"
            ).format(**data),
        )
        return EXIT_OK
    if action == "person":
        from hisconsole.cli.options import read_pin

        pin = read_pin(args, _("PIN for {name}: ").format(name=args.name))
        asked = pin is not None and getattr(args, "pin_fd", None) is None
        if asked and read_pin(args, _("The same PIN again: ")) != pin:
            raise trust_service.PinsDiffer()
        data = trust_service.trust_person(
            args.list,
            name=args.name,
            roles=[r.strip() for r in args.roles.split(",") if r.strip()],
            pin=pin or "",
        )
        out.emit(
            data,
            _("{person} added to {file} (serial {serial}); sign and distribute the list.").format(
                person=data["person"], file=args.list, serial=data["serial"]
            ),
        )
        return EXIT_OK
    if action == "add":
        data = trust_service.trust_add(
            args.list,
            public_key=args.public_key,
            name=args.name,
            roles=[r.strip() for r in args.roles.split(",") if r.strip()],
            expires=args.expires,
            hospital=args.hospital,
        )
        out.emit(
            data,
            _("Device {device} added to {file} (serial {serial}).").format(
                device=data["device"], file=args.list, serial=data["serial"]
            ),
        )
        return EXIT_OK
    if action == "revoke":
        try:
            on = dt.date.fromisoformat(args.on) if args.on else dt.date.today()
        except ValueError as exc:
            raise ServiceError(N_("{on!r} is not a date (YYYY-MM-DD)."), on=args.on) from exc
        data = trust_service.trust_revoke(args.list, args.id, on=on)
        out.emit(
            data,
            _(
                "Device revoked from {on} in {file} (serial {serial}); sign and distribute "
                "the list."
            ).format(on=data["revoked"], file=args.list, serial=data["serial"]),
        )
        return EXIT_OK
    if action == "sign":
        data = trust_service.trust_sign(args.list, args.key, args.out, now=dt.datetime.now(dt.UTC))
        out.emit(
            data,
            _(
                "Signed trust list (serial {serial}, {devices} device(s), IT key {it_key}) "
                "written to {file}."
            ).format(
                serial=data["serial"], devices=data["devices"], it_key=data["it_key"], file=args.out
            ),
        )
        return EXIT_OK
    console = open_console(args)
    try:
        if action == "pin":
            data = trust_service.trust_pin(console, args.file, replace=args.replace)
            out.emit(
                data,
                _("IT key {fingerprint} pinned on this laptop.").format(fingerprint=data["it_key"]),
            )
        elif action == "import":
            data = trust_service.trust_import(
                console, args.file, pin_fingerprint=args.pin_fingerprint
            )
            if data["adopted"]:
                human = _(
                    "Trust list serial {serial} in use ({devices} device(s)); {applied} held "
                    "event(s) applied."
                ).format(serial=data["serial"], devices=data["devices"], applied=data["applied"])
            else:
                human = _("Trust list serial {serial} is already in use; nothing changed.").format(
                    serial=data["serial"]
                )
            out.emit(data, human)
        else:
            data = trust_service.trust_show(console)
            lines = [
                _("IT key: {fingerprint}").format(fingerprint=data["it_key"] or _("not pinned")),
                _("Trust list: serial {serial}, issued {issued}").format(
                    serial=data["serial"], issued=format_datetime(data["issued_at"])
                )
                if data["serial"]
                else _("Trust list: none"),
            ]
            for d in data["devices"]:
                extra = " " + _("revoked {day}").format(day=d["revoked"]) if d["revoked"] else ""
                extra += " " + _("expires {day}").format(day=d["expires"]) if d["expires"] else ""
                lines.append(f"  {d['id']}  {','.join(d['roles']):<21} {d['name']}{extra}")
            out.emit(data, "\n".join(lines))
        return EXIT_OK
    finally:
        console.close()


#: What each kind of register holds, in the conflict's heading.
_TABLE_WORDS = {
    "plan_items": N_("Plan item"),
    "contacts": N_("Contact"),
    "call_trees": N_("Call tree"),
}


def _value_text(value: Any) -> str:
    """A field's value as a person reads it: both languages of a text, lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        if value and set(value) <= {"zh", "en"}:
            return " / ".join(str(v) for v in value.values() if v) or "—"
        if "number" in value:  # a phone: its type and number
            return f"{value.get('type') or ''} {value['number']}".strip()
        return ", ".join(f"{k} {_value_text(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(_value_text(v) for v in value) or "—"
    return str(value)


def _conflict_lines(conflict: dict[str, Any]) -> list[str]:
    """One conflict in words: what it is about, then each rival value, who set it, when,
    on which laptop, and how to keep it."""
    values, differs = conflict["values"], conflict["differs"]
    name = next((v["data"].get("name") for v in values if v["data"].get("name")), None)
    subject = f"{_value_text(name)} ({conflict['key']})" if name else conflict["key"]
    what = _(_TABLE_WORDS[conflict["table"]]) if conflict["table"] in _TABLE_WORDS else ""
    if differs:
        heading = _("{what} {subject}: {count} values differ in {fields}").format(
            what=what, subject=subject, count=len(values), fields=", ".join(differs)
        )
    else:
        heading = _("{what} {subject}: {count} values, all the same").format(
            what=what, subject=subject, count=len(values)
        )
    lines = [heading.strip()]
    for number, value in enumerate(values, 1):
        lines.append(
            f"  {number}. "
            + _("set by {author} on {laptop} at {time}  (to keep it: {command})").format(
                author=value["author"] or "—",
                laptop=value["device_name"] or value["device"],
                time=format_datetime(value["at"]),
                command=f"hisconsole conflicts resolve {conflict['table']} {conflict['key']} "
                f"--keep {value['event_id']}",
            )
        )
        lines += [f"       {field}: {_value_text(value['data'].get(field))}" for field in differs]
    return lines


def cmd_conflicts(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.console import ServiceError
    from hisconsole.services.sync import conflicts as conflicts_service

    console = open_console(args)
    try:
        if args.conflicts_command == "list":
            rows = conflicts_service.conflicts(console)
            lines = []
            for c in rows:
                lines += _conflict_lines(c)
            out.emit(rows, "\n".join(lines) or _("No conflicts."))
            return EXIT_OK
        if args.conflicts_command == "tidy":
            settled = conflicts_service.resolve_identical(console)
            out.emit(
                {"resolved": settled},
                _("{count} conflict(s) with identical values settled.").format(count=settled),
            )
            return EXIT_OK
        merged = None
        if args.merged is not None:
            from hisconsole.store.files import read_reason

            try:
                merged = json.loads(args.merged.read_text("utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise ServiceError(
                    N_("Cannot read merged value from {merged}: {reason}"),
                    merged=args.merged,
                    reason=read_reason(exc),
                ) from exc
            except ValueError as exc:
                raise ServiceError(
                    N_("Cannot read merged value from {merged}: {reason}"),
                    merged=args.merged,
                    reason=N_("it is not valid JSON"),
                ) from exc
        conflicts_service.resolve_conflict(console, args.table, args.key, args.keep, merged)
        out.emit({"table": args.table, "key": args.key, "resolved": True}, _("Conflict resolved."))
        return EXIT_OK
    finally:
        console.close()
