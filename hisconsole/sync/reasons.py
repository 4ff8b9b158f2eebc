"""Why an event received from elsewhere was held back: a code and its facts.

The command line and the screens word a reason themselves from these facts. The
held-events table keeps the reason as :meth:`Reason.record_text` (English, stable): it is
what ``sync --status`` has always shown for a rejected event.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from hisconsole.errors import N_, Said

#: The device was revoked by IT (``on`` the date).
REVOKED = "revoked"
#: The device's trust-list entry expired (``on`` the date); held in quarantine.
EXPIRED = "expired"
#: The device is neither in the trust list nor accepted here; held in quarantine.
NOT_LISTED = "not-listed"
#: The event's ``kind`` needs a ``role`` the device lacks.
LACKS_ROLE = "lacks-role"
#: Another event already uses the event's id.
ID_TAKEN = "event-id-taken"
#: The event waits for event number ``seq`` of its device (pending).
WAITING = "waiting"
#: The event's payload does not fit the schema of its ``kind``, or its clock stamp is not
#: a date (``detail`` says which field, how); kept, never applied.
INVALID = "invalid"
#: How an INVALID reason's record text reads (stable): finds them in the held-events table.
INVALID_MARK = " cannot be applied: "

#: The event names a ``thing`` (incident, checklist step, sheet …) by ``key`` that is not
#: here (yet): held, and applied as soon as that thing arrives (see sync/intake.py).
MISSING = "missing"

CODES = (REVOKED, EXPIRED, NOT_LISTED, LACKS_ROLE, ID_TAKEN, WAITING, INVALID, MISSING)

#: Each reason in words, through the catalogue (the command line and the sync notes; the
#: window words them with Qt: ui/sync/labels.py).
WORDS = {
    REVOKED: N_("device {device} was revoked by IT on {date}"),
    EXPIRED: N_("the trust list's entry for device {device} expired on {date}"),
    NOT_LISTED: N_("device {device} is not in the trust list"),
    LACKS_ROLE: N_("'{kind}' needs the {role} role, which device {device} lacks"),
    ID_TAKEN: N_("its event id is already used by another event"),
    WAITING: N_("waiting for event #{seq} of device {device}"),
    INVALID: N_("'{kind}' from device {device} cannot be applied: {detail}"),
    MISSING: N_(
        "'{kind}' from device {device} names {thing} {key}, which is not on this laptop "
        "(yet); it is applied once that arrives"
    ),
}
#: What a MISSING reason's event may name (event_schemas.REFERS), as a word.
THINGS = {
    "incident": N_("incident"),
    "serial": N_("form serial"),
    "intake": N_("report received"),
    "message": N_("message"),
    "checklist step": N_("checklist step"),
    "call-out": N_("call-out"),
    "improvement item": N_("improvement item"),
    "roster shift": N_("roster sign-in"),
    "task": N_("task"),
    "period objective": N_("period objective"),
}

#: A LACKS_ROLE reason's role (a device role, sync/trust.py DEVICE_ROLES) by its name, the
#: code after it: the code is what 'hisconsole trust add --roles' takes to give the role.
ROLES = {
    "operator": N_("operator ({code})"),
    "plan-editor": N_("plan editor ({code})"),
}


def kept_params(params_json: str) -> dict[str, Any]:
    """A held event's ``reason_params`` column as a dict ({} in a row from before)."""
    try:
        params = json.loads(params_json) if params_json else {}
    except ValueError:
        return {}
    return params if isinstance(params, dict) else {}


def kept_words(code: str, params: dict[str, Any], text: str) -> Said:
    """A held event's reason as its row keeps it: worded from its code and facts, or its
    English ``text`` as it is in a row from before they were kept."""
    if code in WORDS and params:
        return worded(code, params)
    return Said("{text}", text=text)


def worded(code: str, params: dict[str, Any]) -> Said:
    """A reason kept as :meth:`Reason.as_dict` in the reader's words (:class:`Said`)."""
    thing, role = str(params.get("thing", "")), str(params.get("role", ""))
    words = {
        **params,
        "thing": Said(THINGS.get(thing, thing)),
        "role": Said(ROLES.get(role, "{code}"), code=role),
    }
    problem = words.pop("problem", None)
    if isinstance(problem, dict):
        # A row from before problems were kept has only the English detail.
        words["detail"] = Said.from_dict(problem)
    return Said(WORDS[code], **words)


@dataclass(frozen=True)
class Reason:
    """Why an event was quarantined, rejected or left pending."""

    code: str
    device: str = ""
    on: dt.date | None = None
    kind: str = ""
    role: str = ""
    seq: int = 0
    #: Why an INVALID event's payload or stamp does not fit: which field, what was expected
    #: (event_schemas; a Said, worded where shown).
    detail: str | Said = ""
    thing: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown reason code {self.code!r}")

    def as_dict(self) -> dict[str, Any]:
        """The reason's code and facts (JSON-safe), to keep and word later (:func:`worded`)."""
        return {
            "code": self.code,
            "params": {
                "device": self.device,
                "date": self.on.isoformat() if self.on else "",
                "kind": self.kind,
                "role": self.role,
                "seq": self.seq,
                # The English stays for what reads the params as they were (--json); the
                # problem's sentence and facts are kept to be said in the reader's words.
                "detail": str(self.detail),
                **({"problem": self.detail.as_dict()} if isinstance(self.detail, Said) else {}),
                "thing": self.thing,
                "key": self.key,
            },
        }

    def columns(self) -> dict[str, str]:
        """The reason as the held-events table keeps it for wording later."""
        return {
            "reason_code": self.code,
            "reason_params": json.dumps(self.as_dict()["params"], ensure_ascii=False),
        }

    def worded(self) -> Said:
        """The reason in the reader's words (said where shown)."""
        kept = self.as_dict()
        return worded(kept["code"], kept["params"])

    def record_text(self) -> str:
        """The reason as the held-events table and ``--json`` output keep it."""
        on = self.on.isoformat() if self.on else ""
        texts = {
            REVOKED: f"device {self.device} was revoked by IT on {on}",
            EXPIRED: f"the trust list's entry expired on {on}",
            NOT_LISTED: "device not in the trust list",
            LACKS_ROLE: f"'{self.kind}' needs the {self.role} role, which device "
            f"{self.device} lacks",
            ID_TAKEN: "its event id is already used by another event",
            WAITING: f"waiting for event #{self.seq} of this device",
            INVALID: f"'{self.kind}'{INVALID_MARK}{self.detail}",
            MISSING: f"'{self.kind}' names {self.thing} {self.key!r}, which is not here (yet); "
            "it is applied once that arrives",
        }
        return texts[self.code]
