"""The window has words for every code of the glossary (no raw code on screen)."""

from __future__ import annotations

import pytest

from hisconsole.domain import glossary
from hisconsole.ui import i18n


@pytest.mark.parametrize("kind", glossary.LOG_KINDS)
def test_every_log_kind_has_a_label(kind: str) -> None:
    assert i18n.log_kind_label(kind) not in ("", kind)


@pytest.mark.parametrize("role", glossary.ROLES)
def test_every_role_has_a_label(role: str) -> None:
    assert i18n.role_label(role) not in ("", role)


@pytest.mark.parametrize("status", glossary.SYSTEM_STATUSES)
def test_every_system_status_has_a_label(status: str) -> None:
    assert i18n.system_status_label(status) not in ("", status)


@pytest.mark.parametrize("channel", glossary.REPORT_CHANNELS)
def test_every_report_channel_has_a_label(channel: str) -> None:
    assert i18n.channel_label(channel) not in ("", channel)
