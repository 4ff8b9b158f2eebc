"""The command roster (指挥岗位, as HICS 203/207): who held which post of an incident, when.

A post is held by one person at a time. Signing in to a post that someone holds
relieves them (a handover); signing out leaves it vacant. The history is made from
the sign-ins and sign-outs alone, whatever order they arrived in from other laptops:
each sign-in opens a shift, which ends at its own sign-out or at the next sign-in to
the same post, whichever comes first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hisconsole.domain.glossary import ROSTER_GROUPS, ROSTER_ROLES
from hisconsole.domain.plan import GROUP_CODES

#: The posts' names as printed (the sheets print Chinese, English or both).
ROLE_NAMES: dict[str, dict[str, str]] = {
    "commander": {"zh": "指挥长", "en": "Commander"},
    "deputy-commander": {"zh": "副指挥长", "en": "Deputy commander"},
    "tech-lead": {"zh": "技术支持组组长", "en": "Technical support lead"},
    "business-lead": {"zh": "业务恢复组负责人", "en": "Business recovery lead"},
    "scribe": {"zh": "记录员", "en": "Scribe"},
    "liaison": {"zh": "联络员", "en": "Liaison"},
}

#: How a shift ended.
SIGNED_OUT = "signed-out"
RELIEVED = "relieved"


@dataclass(frozen=True)
class SignIn:
    """Someone took a post: ``shift`` is the id of the sign-in; ``order`` breaks ties
    between sign-ins at the same second (clock stamp, laptop)."""

    shift: str
    role: str
    person: str
    at: dt.datetime
    order: str = ""


@dataclass(frozen=True)
class Shift:
    """One person's time in one post."""

    shift: str
    role: str
    person: str
    start: dt.datetime
    end: dt.datetime | None = None
    ended: str | None = None  # SIGNED_OUT, RELIEVED, or None while on duty
    relieved_by: str | None = None
    order: str = ""

    @property
    def on_duty(self) -> bool:
        return self.end is None


def shifts(sign_ins: Iterable[SignIn], sign_outs: Mapping[str, dt.datetime]) -> list[Shift]:
    """Every shift, in time order, from the sign-ins and the sign-outs (shift id -> when)."""
    by_role: dict[str, list[SignIn]] = {}
    for sign_in in sign_ins:
        by_role.setdefault(sign_in.role, []).append(sign_in)
    result: list[Shift] = []
    for entries in by_role.values():
        entries.sort(key=lambda s: (s.at, s.order, s.shift))
        for index, entry in enumerate(entries):
            following = entries[index + 1] if index + 1 < len(entries) else None
            out = sign_outs.get(entry.shift)
            if following is not None and (out is None or following.at < out):
                result.append(
                    Shift(
                        entry.shift,
                        entry.role,
                        entry.person,
                        entry.at,
                        following.at,
                        RELIEVED,
                        following.person,
                        entry.order,
                    )
                )
            elif out is not None:
                result.append(
                    Shift(
                        entry.shift,
                        entry.role,
                        entry.person,
                        entry.at,
                        max(out, entry.at),
                        SIGNED_OUT,
                        order=entry.order,
                    )
                )
            else:
                result.append(
                    Shift(entry.shift, entry.role, entry.person, entry.at, order=entry.order)
                )
    result.sort(key=lambda s: (s.start, s.order, s.shift))
    return result


def on_duty(history: Iterable[Shift]) -> dict[str, Shift]:
    """The post -> the shift on duty now (vacant posts are missing)."""
    return {s.role: s for s in history if s.on_duty}


def role_rank(role: str) -> int:
    """Most senior first; a post this program does not know comes last."""
    return ROSTER_ROLES.index(role) if role in ROSTER_ROLES else len(ROSTER_ROLES)


def chart_order(roles: Iterable[str]) -> list[str]:
    """The posts as the org chart shows them: box by box (the plan's groups in order),
    the most senior first in each."""
    return sorted(roles, key=lambda r: (GROUP_CODES.index(group_of(r)), role_rank(r), r))


def group_of(role: str) -> str:
    """The plan group whose box the post sits in on the org chart."""
    return ROSTER_GROUPS.get(role, "hq")
