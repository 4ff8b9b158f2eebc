"""Checking the database from the window (Settings, This laptop: Check the database)."""
