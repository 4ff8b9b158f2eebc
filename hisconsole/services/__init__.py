"""The operations users perform, each one transaction that appends events. Qt-free."""
