# HIS Console: reportlab.graphics.barcode imports its symbologies with exec()
# (the Code128 on every downtime form needs them), so list them here.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("reportlab.graphics.barcode")
