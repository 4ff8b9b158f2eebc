"""The plan's rules and value types: plain Python, no Qt, no database, no I/O."""
