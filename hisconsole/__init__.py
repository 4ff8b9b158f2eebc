"""HIS Console: the offline emergency console for hospital IT downtime."""

__version__ = "0.1.0"
