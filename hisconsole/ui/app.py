"""Starting the GUI: the application, fonts, language, the console and the main window."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from hisconsole import __version__, logs
from hisconsole.errors import KnownError
from hisconsole.resources import ResourcesMissing, resource_path
from hisconsole.services import first_look
from hisconsole.services.paths import (
    ENV_DATA_DIR,
    is_initialised,
    remember_data_dir,
    resolve_data_dir,
)
from hisconsole.ui.collector import UiThreadCollector
from hisconsole.ui.crash import CrashReporter
from hisconsole.ui.i18n import LANGUAGES, Translations, default_language
from hisconsole.ui.main_window import KEY_LANGUAGE, MainWindow
from hisconsole.ui.runner import Runner, user_message
from hisconsole.ui.theme import Theme

# The window paints (its frame and the first look) before these are imported: they
# open the console and bring the database layer with them.
if TYPE_CHECKING:
    from hisconsole.services.console import Console
    from hisconsole.services.setup import FirstStartResult
    from hisconsole.ui.firstrun import FirstRunWizard

APP_NAME = "hisconsole"
ORGANISATION = "HIS Console"
# The window's settings (geometry, language), kept beside the database.
SETTINGS_FILE = "ui.ini"


@cache
def _register_cjk_font() -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def configure_application(app: QApplication) -> None:
    """Name the application and make Chinese render even where no CJK font is installed."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.hisconsole.HISConsole")
    with contextlib.suppress(ResourcesMissing):
        app.setWindowIcon(QIcon(str(resource_path("icons", "hisconsole.png"))))
    family = _register_cjk_font()
    if family is None:
        return
    font = app.font()
    if family not in font.families():
        # Latin keeps the platform's font; characters it lacks (Chinese) come
        # from the bundled WenQuanYi Micro Hei.
        font.setFamilies([*(font.families() or [font.family()]), family])
        app.setFont(font)


def open_settings(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_language(settings: QSettings) -> str:
    """The language chosen last time, else the system's (Chinese for a zh* locale)."""
    lang = settings.value(KEY_LANGUAGE)
    return lang if lang in LANGUAGES else default_language()


def create_main_window(
    console: Console,
    settings_path: Path,
    *,
    translations: Translations | None = None,
    use_tray: bool = True,
    read_now: bool = True,
) -> MainWindow:
    """Build the main window over an open console (without running the event loop).

    The interface language is the one saved in ``settings_path`` (unless
    ``translations`` is given, already set up). The plan and the incident
    situation are read in the background; the runner is idle once they have been
    shown. ``use_tray`` False keeps notices inside the window (no tray icon).
    ``read_now`` False holds every read (the plan, the situation, what the pages
    ask for) until ``window.ctx.runner.release(lambda: start_reading(window))``.
    """
    window = create_frame(settings_path, translations)
    attach_console(window, console, use_tray=use_tray, read_now=read_now)
    return window


def create_frame(settings_path: Path, translations: Translations | None = None) -> MainWindow:
    """The window before the console is open: its frame, in the saved language and look
    (``MainWindow.show_first_look`` fills it in, ``attach_console`` completes it)."""
    settings = open_settings(settings_path)
    theme = Theme(settings)
    owned: list[QObject] = [settings, theme]
    if translations is None:
        translations = Translations()
        translations.set_language(saved_language(settings))
        owned.append(translations)
    window = MainWindow(settings, translations, theme)
    for child in owned:
        child.setParent(window)
    return window


def attach_console(
    window: MainWindow, console: Console, *, use_tray: bool = True, read_now: bool = True
) -> None:
    """Give the window its console: the shared context, the actions and the pages.
    ``read_now`` False holds every read until the runner is released."""
    from hisconsole.ui.context import Context, CurrentPlan
    from hisconsole.ui.notify import Notifier
    from hisconsole.ui.situation import SituationWatch
    from hisconsole.ui.sync.mesh_control import MeshControl

    runner = Runner()
    if not read_now:
        runner.hold()  # what the pages ask for at construction waits too
    mesh = MeshControl(console, runner, window.settings)
    ctx = Context(
        console=console,
        runner=runner,
        translations=window.translations,
        settings=window.settings,
        plan=CurrentPlan(console, runner),
        situation=SituationWatch(console, runner),
        notifier=Notifier(use_tray=use_tray),
        theme=window.theme,
        mesh=mesh,
    )
    for child in (runner, ctx.plan, ctx.situation, ctx.notifier, mesh):
        child.setParent(window)
    window.attach(ctx)
    if read_now:
        start_reading(window)


def start_reading(window: MainWindow) -> None:
    """Read the plan and the situation (on the runner's worker thread), and join the
    command-centre network if it was on when the window last closed."""
    ctx = window.ctx
    ctx.plan.reload()
    ctx.situation.reload()
    if ctx.mesh is not None and ctx.mesh.wanted():
        ctx.mesh.start()


class FirstPaint(QObject):
    """Runs ``then`` once the first widget has painted: work that is not needed to paint
    the window (reading the plan and the situation on the worker thread, which shares
    the CPU and the interpreter with the UI thread) waits until it has been seen."""

    def __init__(self, app: QApplication, then: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._app = app
        self._then = then
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class StartTimes(QObject):
    """For the start-up benchmark: prints the process's CPU seconds at the first paint of
    any widget and once the dashboard shows the plan and the situation, then quits
    (``watch`` once the window has its console)."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._painted = False
        app.installEventFilter(self)

    def watch(self) -> None:
        self._window.ctx.plan.updated.connect(self._check_ready)
        self._window.ctx.situation.updated.connect(self._check_ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self._app.removeEventFilter(self)
            print(f"painted {time.process_time():.4f}", flush=True)
        return False

    def _check_ready(self, _read: object) -> None:
        ctx = self._window.ctx
        if ctx.plan.snapshot is not None and ctx.situation.situation.read_at is not None:
            print(f"ready {time.process_time():.4f}", flush=True)
            self._app.quit()


def first_start_report(result: FirstStartResult | None) -> str:
    """What the first start could not do, or had to say, for a message after the window opens."""
    if result is None or not (result.problems or result.notes):
        return ""
    lines = [
        QCoreApplication.translate("Startup", "Not imported: {problem}").format(problem=problem)
        for problem in result.problems
    ]
    lines.extend(result.notes)
    lines.append(
        QCoreApplication.translate(
            "Startup", "The console works; import the rest from the Contacts or Sync page."
        )
    )
    return "\n\n".join(lines)


def run_first_start(
    path: Path, translations: Translations, *, explicit: bool
) -> tuple[Console, Path, FirstRunWizard] | None:
    """Show the set-up wizard; the console it created and its folder, or None if closed."""
    from hisconsole.ui.firstrun import FirstRunWizard

    wizard = FirstRunWizard(path, translations)
    try:
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.console is None:
            return None
        chosen = wizard.data_dir()
        if not explicit and chosen.resolve() != path.resolve():
            # The command line and later starts find the data where it was put.
            with contextlib.suppress(KnownError):
                remember_data_dir(chosen)
        # The language chosen in the wizard is the window's.
        settings = open_settings(chosen / SETTINGS_FILE)
        settings.setValue(KEY_LANGUAGE, translations.language)
        settings.sync()
        return wizard.console, chosen, wizard
    finally:
        wizard.deleteLater()


def show_first_start_report(parent: QWidget, report: str) -> None:
    QMessageBox.information(
        parent, QCoreApplication.translate("Startup", "HIS Console is set up"), report
    )


def show_start_error(exc: BaseException) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "HIS Console cannot start"),
        user_message(exc),
    )


def run(
    data_dir: str | None,
    quit_after_show: bool = False,
    quit_when_ready: bool = False,
    *,
    wall: bool = False,
) -> int:
    """Open the console window on ``data_dir`` (initialising it on first start).

    Returns the exit code: 0 after a normal end (or the first-start set-up
    closed: nothing was created), 1 when the console could not be opened (the
    reason has been shown). On a first start (no database yet) the set-up
    wizard asks where and with what to start. Otherwise the window first paints
    the first look (the open incidents, their levels and clocks, read without the
    database layer) and opens the console after that. ``quit_after_show`` quits as
    soon as the window is complete, without the wizard or the sign-in dialog (smoke
    tests, benchmarks); ``quit_when_ready`` quits once the dashboard is filled in,
    printing when the window first painted and when it was ready (``StartTimes``).
    ``wall`` opens the read-only wall display full screen instead of the window (for a
    projector: no sign-in; closing it quits).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1] or [APP_NAME])
    collector = UiThreadCollector(app)  # cycles are freed on this thread, never on a worker's
    translations = Translations()
    console: Console | None = None
    wizard: FirstRunWizard | None = None
    reporter = CrashReporter()
    reporter.install()
    try:
        try:
            configure_application(app)
            path = resolve_data_dir(data_dir)
            logs.attach(path)
            settings_path = path / SETTINGS_FILE
            # The console matters more than its language: without the catalogue it
            # starts in English (choosing the language in the menu says what is missing).
            with contextlib.suppress(ResourcesMissing):
                translations.set_language(saved_language(open_settings(settings_path)))
            look = None
            if not (quit_after_show or quit_when_ready) and not is_initialised(path):
                explicit = bool(data_dir) or bool(os.environ.get(ENV_DATA_DIR))
                started = run_first_start(path, translations, explicit=explicit)
                if started is None:
                    return 0
                console, path, wizard = started
                settings_path = path / SETTINGS_FILE
                logs.attach(path)
            elif not wall:
                look = first_look.read(path)
            if look is None and console is None:
                console = _open(path)  # its errors are said before any window shows
        except KnownError as exc:
            show_start_error(exc)
            return 1
        except Exception as exc:  # a bug before the window: logged, and said before exiting
            reporter.report(exc, wait=True)
            return 1
        window = create_frame(settings_path, translations)
        times = StartTimes(app, window) if quit_when_ready else None

        def complete() -> None:
            """Open the console (if not yet), attach it to the window, then read."""
            nonlocal console
            if console is None:
                try:
                    console = _open(path)
                except KnownError as exc:
                    show_start_error(exc)
                    app.exit(1)
                    return
                except Exception as exc:  # a bug: logged, and said before exiting
                    reporter.report(exc, wait=True)
                    app.exit(1)
                    return
            if not window.attached:
                attach_console(window, console, read_now=False)
            collector.settle()  # before its timer's first collection walks all of start-up
            window.ctx.runner.release(lambda: start_reading(window))
            if quit_after_show:
                QTimer.singleShot(0, app.quit)
            elif times is not None:
                times.watch()
            elif wizard is not None and wizard.signed_in:
                report = first_start_report(wizard.result_)
                if report:
                    QTimer.singleShot(0, lambda: show_first_start_report(window, report))
            elif not wall:
                window.open_sign_in()

        if look is not None:
            window.show_first_look(look)
        elif console is not None:  # opened already: complete before it shows, reads wait
            attach_console(window, console, read_now=False)
        FirstPaint(app, complete, window)
        if wall:
            window.open_wall()
        else:
            window.show()
        code = app.exec()
        window.close()
        return code
    finally:
        if console is not None:
            console.close()
        translations.uninstall()
        reporter.uninstall()
        logs.detach()


def _open(path: Path) -> Console:
    from hisconsole.services.setup import open_or_initialise

    console, _result = open_or_initialise(path)
    return console
