"""The wall display: a read-only, full-screen view of the situation for a projector."""
