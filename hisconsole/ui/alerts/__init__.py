"""The alert list under the banner: what needs attention now, in the interface language."""
