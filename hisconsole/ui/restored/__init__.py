"""The window's line for a laptop restored from a backup and still taking back its entries."""
