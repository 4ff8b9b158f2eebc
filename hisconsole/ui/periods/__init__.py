"""Operational periods on screen: the current period, its objectives, starting the next."""
