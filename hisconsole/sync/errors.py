"""Errors of the sync layer: each message says what was wrong and that nothing changed."""

from __future__ import annotations

from hisconsole.errors import KnownError


class SyncError(KnownError):
    """A bundle, trust list, key or hub that cannot be used; the message says why."""

    code = "sync.refused"


class BundleError(SyncError):
    """A bundle file that is refused (not a bundle, damaged, altered, forged or too big)."""

    code = "sync.bundle-refused"


class HubError(SyncError):
    """The hub cannot be reached or used."""

    code = "sync.hub-unusable"
