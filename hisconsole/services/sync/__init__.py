"""Sync operations, one module each: bundles, the hub, devices, trust, conflicts, status.

Every operation checks everything it received before writing, then writes in
one transaction (hub pulls: one per batch of events, each a consistent step),
and raises :class:`ServiceError` with a message saying what was wrong and that
nothing changed.
"""
