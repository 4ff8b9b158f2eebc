# HIS Console: PyInstaller's hook for PySide6.QtDBus, without unneeded plugins/catalogues.
from qt_trim import qt_hook

hiddenimports, binaries, datas = qt_hook(__file__)
