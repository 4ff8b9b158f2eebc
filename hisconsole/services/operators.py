"""The operator on duty: the person every event of this laptop is attributed to.

Apart from the console (services/console.py) so that the command line's direct append
(services/quick_log.py) finds the same person without opening the console.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from hisconsole.domain.glossary import SCRIBE

ENV_OPERATOR = "HISCONSOLE_OPERATOR"


@dataclass(frozen=True)
class Operator:
    """The person on duty at this laptop; every event is attributed to them."""

    name: str
    role: str


def default_operator(meta: Mapping[str, str]) -> Operator:
    """Who is on duty when nobody says: $HISCONSOLE_OPERATOR, else the last one signed in
    on this laptop (``meta``: the database's local facts), else the system's user name."""
    env = os.environ.get(ENV_OPERATOR)
    if env:
        return Operator(env, meta.get("operator.role", SCRIBE))
    if "operator.name" in meta:
        return Operator(meta["operator.name"], meta.get("operator.role", SCRIBE))
    import getpass

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "operator"
    return Operator(user, SCRIBE)
