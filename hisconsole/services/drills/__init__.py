"""Drills (应急演练): scenarios, the simulator that plays them, score cards, the calendar."""
