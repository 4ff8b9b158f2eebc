"""The console window (PySide6): the only package that imports Qt."""

from hisconsole.ui.feature_scan import spare_the_scan

# Before any page, the console or the services load: PySide6 then reads the source of
# this package's modules only (feature_scan.py).
spare_the_scan()
