"""The people on the IT trust list: who may hold which command role, and their PINs.

Once IT's trust list with people is in use on a laptop, a role is no longer what an
operator types: commander-only acts (accepting a device, closing an incident with sheets
still waiting for back-entry) need the signed-in person to be listed with the commander
role and to give their PIN. Without people on the list (a single laptop, a practice
console) a role is what the operator says, and every screen says it is unverified.

The command roster (services/roster.py) calls :func:`may_hold` when someone signs in to a
post, and :func:`verify_pin` where it asks for a PIN.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from hisconsole.domain import pins
from hisconsole.domain.glossary import COMMANDER
from hisconsole.errors import KnownError, Term
from hisconsole.i18n import gettext as _
from hisconsole.services.console import Console
from hisconsole.sync import intake
from hisconsole.sync.trust import TrustedPerson

log = logging.getLogger(__name__)

#: Asks the signed-in person for their PIN (the CLI: a file descriptor or the terminal;
#: the GUI: a dialog before the act); None when nobody can be asked.
PinSource = Callable[[], "str | None"]


class PinNeeded(KnownError):
    code = "people.pin-needed"
    template = (
        "{act} needs the PIN of {name}, signed in as commander (指挥长): give it when asked "
        "(command line: on the terminal, or --pin-fd N). Nothing was changed."
    )


class WrongPin(KnownError):
    code = "people.wrong-pin"
    template = "Wrong PIN for {name}. Nothing was changed; the attempt is logged."


class NotListed(KnownError):
    code = "people.not-listed"
    template = (
        "{name} is not on the IT trust list as someone who may be {role}; {act} needs a "
        "listed commander signed in. Nothing was changed."
    )


def listed(console: Console) -> dict[str, TrustedPerson]:
    """The people on the trust list in use here (empty: roles are unverified)."""
    with console.db.read() as session:
        trust = intake.current_trust(session)
    return dict(trust.people) if trust else {}


def roles_verified(console: Console) -> bool:
    """True when IT's list of people is in use: roles are checked, not just said."""
    return bool(listed(console))


def roles_said(people: int) -> str:
    """Where roles stand, in words, as the window's banner says it (``sync --status``,
    ``incident show``): checked against IT's list of ``people``, or unverified (0)."""
    if people:
        return _("Roles: checked against IT's list of people ({count}).").format(count=people)
    return _(
        "Roles: unverified. No list of people from IT is in use here: a role is what the "
        "operator says."
    )


def may_hold(console: Console, person: str, role: str) -> bool:
    """May ``person`` hold ``role``? Always, while no people are pinned (unverified)."""
    people = listed(console)
    if not people:
        return True
    entry = people.get(" ".join(person.split()))
    return entry is not None and role in entry.roles


def verify_pin(console: Console, person: str, pin: str) -> bool:
    """Is ``pin`` the PIN IT set for ``person``? Every attempt is logged (never the PIN)."""
    entry = listed(console).get(" ".join(person.split()))
    good = entry is not None and pins.pin_matches(entry.pin_hash, pin)
    log.warning(
        "PIN check for %r on device %s: %s", person, console.device_id, "ok" if good else "WRONG"
    )
    return good


def confirm_commander(console: Console, act: str) -> bool:
    """For a commander-only ``act``: True if the operator is a verified commander (PIN given
    and right), False if no people are pinned (the caller keeps the typed-role rule).
    Raises NotListed, PinNeeded or WrongPin, before anything changes."""
    people = listed(console)
    if not people:
        return False
    name = console.operator.name
    if not may_hold(console, name, COMMANDER):
        raise NotListed(name=name, role=Term("roster role", COMMANDER), act=act)
    source = console.pin_source
    pin = source(name) if source is not None else None
    if not pin:
        raise PinNeeded(act=act, name=name)
    if not verify_pin(console, name, pin):
        raise WrongPin(name=name)
    return True
