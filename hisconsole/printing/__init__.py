"""PDF renderers (reportlab): pure functions from data to PDF bytes."""
