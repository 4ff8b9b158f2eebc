"""The local SQLite store: the event log, its projections, migrations and errors."""
