"""Telling the command centre that something is due: a desktop notification and a sound."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon


class Notifier(QObject):
    """Raises a desktop notification (through the system tray where there is one) and a sound.

    The alert it is about is always in the window's alert list; where the desktop
    has no system tray (or in tests) that list and the sound are all there is. The
    sound is the system beep: it needs nothing installed and is heard on every
    laptop. The alert list calls ``notify`` once per alert.

    Signals:
        raised(str, str): a notice was raised (title, message).
    """

    raised = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, use_tray: bool = True) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            icon = (
                app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                if isinstance(app, QApplication)
                else QIcon()
            )
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()

    @property
    def has_tray(self) -> bool:
        return self._tray is not None

    def notify(self, title: str, message: str) -> None:
        """Raise the notice: desktop notification if possible, always the in-window notice."""
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 30_000)
        QApplication.beep()
        self.raised.emit(title, message)
