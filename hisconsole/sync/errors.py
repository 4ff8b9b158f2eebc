"""Errors of the sync layer: each message says what was wrong and that nothing changed."""

from __future__ import annotations


class SyncError(Exception):
    """A bundle, trust list, key or hub that cannot be used; the message says why."""


class BundleError(SyncError):
    """A bundle file that is refused (not a bundle, damaged, altered, forged or too big)."""


class HubError(SyncError):
    """The hub cannot be reached or used."""
