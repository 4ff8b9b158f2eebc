"""The main window: status banner, page navigation, pages and menus."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hisconsole import __version__
from hisconsole.domain.plan import text
from hisconsole.resources import ResourcesMissing
from hisconsole.ui import style
from hisconsole.ui.banner import BannerIncident, StatusBanner
from hisconsole.ui.help import TOPICS, HelpDialog
from hisconsole.ui.i18n import CHINESE, LANGUAGE_NAMES, LANGUAGES, Translations
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import EXERCISE_MARK, Situation
from hisconsole.ui.theme import Theme

# The window paints its frame and the first look (banner, level, clocks) before the
# console opens: what follows needs the services, and the database layer with them, so it
# is imported when the console is attached or the action is first used.
if TYPE_CHECKING:
    from hisconsole.services.changes import ChangeSet
    from hisconsole.services.first_look import FirstLook
    from hisconsole.services.sync.mesh import MeshStatus
    from hisconsole.ui.alerts.panel import AlertPanel
    from hisconsole.ui.context import Context, PlanSnapshot
    from hisconsole.ui.dashboard.page import DashboardPage
    from hisconsole.ui.drills.page import DrillsPage
    from hisconsole.ui.handover.dialog import HandoverDialog
    from hisconsole.ui.incident.page import IncidentPage
    from hisconsole.ui.kit import dialog as kit_print
    from hisconsole.ui.partials.dialogs import (
        DeclareDialog,
        IntakeDialog,
        LevelDialog,
        UpwardReportDialog,
    )
    from hisconsole.ui.partials.page import Page
    from hisconsole.ui.plan.page import PlanPage
    from hisconsole.ui.signin import SignInDialog
    from hisconsole.ui.wall.window import WallWindow


@dataclass(frozen=True)
class PageSpec:
    """A page of the window before it is built: pages are built (and their modules, with
    the libraries they use, imported) when first shown, so the window paints sooner."""

    module: str
    name: str  # the page's class, also the translation context of its title
    # The source text of the title, as the class's title() gives it (QT_TRANSLATE_NOOP marks
    # it for lupdate; its stubs say object).
    title: object

    def build(self, ctx: Context, parent: QWidget) -> Page:
        page_type: type[Page] = getattr(importlib.import_module(self.module), self.name)
        return page_type(ctx, parent)

    def translated_title(self) -> str:
        return QCoreApplication.translate(self.name, str(self.title))


# The pages in navigation order; Ctrl+1 … Ctrl+8 follow it.
PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "hisconsole.ui.dashboard.page",
        "DashboardPage",
        QT_TRANSLATE_NOOP("DashboardPage", "Dashboard"),
    ),
    PageSpec(
        "hisconsole.ui.incident.page", "IncidentPage", QT_TRANSLATE_NOOP("IncidentPage", "Incident")
    ),
    PageSpec("hisconsole.ui.plan.page", "PlanPage", QT_TRANSLATE_NOOP("PlanPage", "Plan")),
    PageSpec(
        "hisconsole.ui.contacts.page", "ContactsPage", QT_TRANSLATE_NOOP("ContactsPage", "Contacts")
    ),
    PageSpec("hisconsole.ui.forms.page", "FormsPage", QT_TRANSLATE_NOOP("FormsPage", "Forms")),
    PageSpec("hisconsole.ui.sync.page", "SyncPage", QT_TRANSLATE_NOOP("SyncPage", "Sync")),
    PageSpec("hisconsole.ui.drills.page", "DrillsPage", QT_TRANSLATE_NOOP("DrillsPage", "Drills")),
    PageSpec(
        "hisconsole.ui.settings.page", "SettingsPage", QT_TRANSLATE_NOOP("SettingsPage", "Settings")
    ),
)


def page_index(name: str) -> int:
    """The navigation index of the page whose class is called ``name``."""
    return next(index for index, spec in enumerate(PAGES) if spec.name == name)


DASHBOARD, INCIDENT, PLAN = (page_index(n) for n in ("DashboardPage", "IncidentPage", "PlanPage"))
SYNC, SETTINGS = page_index("SyncPage"), page_index("SettingsPage")
DRILLS = page_index("DrillsPage")

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_LANGUAGE = "ui/language"
DEFAULT_SIZE = QSize(1200, 780)
NAV_MIN_WIDTH = 210

# The language menu names each language in itself, with a key that is the same in every
# interface language: Alt+L, E for English, Alt+L, Z for 中文 (zhongwen).
LANGUAGE_MNEMONICS = {"en": "&English", CHINESE: "中文(&Z)"}


def page_shortcut(index: int) -> QKeySequence:
    """Ctrl+1 … Ctrl+8: the page at ``index`` in navigation order."""
    return QKeySequence(f"Ctrl+{index + 1}")


def help_topic(name: str) -> str:
    """The help topic of a page: its class name without "Page" ("DashboardPage" -> "dashboard")."""
    topic = name.removesuffix("Page").lower()
    return topic if topic in TOPICS else TOPICS[0]


class MainWindow(QMainWindow):
    """The console's window: the status banner on top, navigation on the left, the pages.

    Built in two steps so that it paints before the console (and the database layer)
    is loaded: the frame (banner, navigation, menus' titles) with the first look's
    incidents, levels and clocks (``show_first_look``), then ``attach`` with the open
    console's context builds the rest (actions, alerts, pages) and the full read
    replaces the first look.

    Keeps its geometry, the interface language, high contrast and the text
    size in the data directory's ``ui.ini``. Switching the operator, the
    language or the look needs no restart.

    Signals: none.
    """

    #: Set by ``attach``; nothing reads it before (the actions do not exist until then).
    ctx: Context

    def __init__(
        self,
        settings: QSettings,
        translations: Translations,
        theme: Theme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.translations = translations
        # The look first: every widget below is built at the chosen text size.
        self.theme = theme if theme is not None else Theme(settings, self)
        self.theme.apply()
        self.help_dialog: HelpDialog | None = None
        self.setObjectName("MainWindow")
        self.exercise = False  # the headline incident is an exercise: the title says so
        self.setMinimumSize(720, 500)
        self.attached = False
        self.first_look: FirstLook | None = None
        self._situation_read = False  # the full read has replaced the first look

        self.banner = StatusBanner(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("Navigation")
        self.nav.setFont(style.sized_font(self.nav, 3))
        self.nav.setFixedWidth(NAV_MIN_WIDTH)
        self.nav.setStyleSheet("QListWidget#Navigation::item { padding: 10px 12px; }")
        self.stack = QStackedWidget(self)
        # A page is built when first shown; until then an empty stand-in holds its place.
        self.pages: list[Page | None] = []
        for _spec in PAGES:
            self.pages.append(None)
            self.stack.addWidget(QWidget(self.stack))
            self.nav.addItem(QListWidgetItem())

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.banner)
        self.alert_panel: AlertPanel | None = None  # under the banner once attached
        self._layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self._create_menus()
        self.theme.changed.connect(self._theme_changed)
        self.retranslate()
        self.restore_state()
        self.nav.setCurrentRow(0)

    def attach(self, ctx: Context) -> None:
        """Build what needs the open console: the actions, the alerts, the pages."""
        from hisconsole.services import people as people_service
        from hisconsole.ui.alerts.panel import AlertPanel
        from hisconsole.ui.restored.strip import RestoredStrip

        self.ctx = ctx
        self.attached = True
        ctx.runner.error_parent = self
        self.banner.set_operator(
            ctx.console.operator, verified=people_service.roles_verified(ctx.console)
        )
        central = self.centralWidget()
        self.alert_panel = AlertPanel(ctx, central)
        self._layout.insertWidget(1, self.alert_panel)
        self.restored_strip = RestoredStrip(ctx, central)
        self.restored_strip.open_sync.connect(lambda: self.show_page(SYNC))
        self._layout.insertWidget(1, self.restored_strip)  # under the banner: it blocks work
        self._create_actions()
        self._fill_menus()
        ctx.runner.changed.connect(self._changed)
        if ctx.mesh is not None:
            ctx.mesh.status_changed.connect(self._network_changed)
        ctx.plan.updated.connect(self._plan_updated)
        ctx.situation.updated.connect(self._situation_read_in)
        self.nav.currentRowChanged.connect(self._row_changed)
        self.retranslate()
        if self.first_look is None or self.nav.currentRow() != DASHBOARD:
            self._row_changed(self.nav.currentRow())
        # else the first look stays on the dashboard's place until the situation is read:
        # a dashboard built now would say "no active incident" until then.

    def show_first_look(
        self, look: FirstLook, now: Callable[[], dt.datetime] | None = None
    ) -> None:
        """Show the open incidents, their levels and clocks read before the console opened
        (until the full read replaces them); ``now``: the clock source (default: the
        console's, the wall clock)."""
        from hisconsole.ui.dashboard.first_look import FirstLookPanel, wall_clock_now

        self.first_look = look
        panel = FirstLookPanel(
            look, self.translations.language, self.stack, now=now or wall_clock_now
        )
        self._put_in_place(DASHBOARD, panel)
        self.stack.setCurrentIndex(DASHBOARD)
        self._show_situation()

    # -- construction -------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.switch_operator_action = QAction(self)
        self.switch_operator_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_operator_action.triggered.connect(self.open_sign_in)
        # USB bundles from every page: the Sync page does the work.
        self.bundle_import_action = QAction(self)
        self.bundle_import_action.triggered.connect(lambda: self.sync_action("import"))
        self.bundle_export_action = QAction(self)
        self.bundle_export_action.triggered.connect(lambda: self.sync_action("export"))
        self.kit_action = QAction(self)
        self.kit_action.setShortcut(QKeySequence("Ctrl+K"))
        self.kit_action.triggered.connect(self.open_kit)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        self.page_group = QActionGroup(self)
        self.page_actions: list[QAction] = []
        for index in range(len(PAGES)):
            action = QAction(self)
            action.setCheckable(True)
            action.setShortcut(page_shortcut(index))
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.page_group.addAction(action)
            self.page_actions.append(action)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_MNEMONICS.get(lang, LANGUAGE_NAMES[lang]), self)
            action.setCheckable(True)
            action.setChecked(lang == self.translations.language)
            action.triggered.connect(lambda _checked=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_actions[lang] = action

        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(lambda: self.open_help())
        self.keys_action = QAction(self)
        self.keys_action.triggered.connect(lambda: self.open_help("keys"))

        # The look: remembered in ui.ini, applied at once.
        self.high_contrast_action = QAction(self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(self.theme.high_contrast)
        self.high_contrast_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.high_contrast_action.toggled.connect(self.theme.set_high_contrast)
        self.larger_action = QAction(self)
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger_action.triggered.connect(self.theme.larger)
        self.smaller_action = QAction(self)
        self.smaller_action.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller_action.triggered.connect(self.theme.smaller)
        self.reset_text_action = QAction(self)
        self.reset_text_action.setShortcut(QKeySequence("Ctrl+0"))
        self.reset_text_action.triggered.connect(self.theme.reset_text_scale)

        # Ctrl+F: the search of the page shown (people on Contacts), else the plan's.
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)

        # The incident actions reach from every page.
        self.declare_action = QAction(self)
        self.declare_action.setShortcut(QKeySequence("Ctrl+D"))
        self.declare_action.triggered.connect(self.declare)
        self.intake_action = QAction(self)
        self.intake_action.setShortcut(QKeySequence("Ctrl+R"))
        self.intake_action.triggered.connect(self.log_report)
        self.log_entry_action = QAction(self)
        self.log_entry_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_entry_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.log_entry_action.triggered.connect(self.focus_log_entry)
        self.level_action = QAction(self)
        self.level_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.level_action.triggered.connect(self.change_level)
        self.upward_action = QAction(self)
        self.upward_action.setShortcut(QKeySequence("Ctrl+U"))
        self.upward_action.triggered.connect(self.record_report)
        self.handover_action = QAction(self)
        self.handover_action.triggered.connect(self.hand_over)
        self.wall_action = QAction(self)
        self.wall_action.triggered.connect(lambda: self.open_wall())
        self.wall: WallWindow | None = None

    def _create_menus(self) -> None:
        """The menu bar's menus, titled (the frame); their actions come with ``attach``."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.incident_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.language_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

    def _fill_menus(self) -> None:
        self.file_menu.addAction(self.switch_operator_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.kit_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.bundle_import_action, self.bundle_export_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.incident_menu.addActions(
            [self.declare_action, self.intake_action, self.log_entry_action]
        )
        self.incident_menu.addSeparator()
        self.incident_menu.addActions([self.upward_action, self.level_action])
        self.incident_menu.addSeparator()
        self.incident_menu.addAction(self.handover_action)
        self.view_menu.addActions(self.page_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.wall_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions(
            [
                self.high_contrast_action,
                self.larger_action,
                self.smaller_action,
                self.reset_text_action,
            ]
        )
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu.addActions([self.help_action, self.keys_action])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    # -- behaviour ----------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def page(self, index: int) -> Page:
        """The page at ``index``, built now if it has not been shown yet."""
        page = self.pages[index]
        if page is None:
            page = PAGES[index].build(self.ctx, self.stack)
            self.pages[index] = page
            self._put_in_place(index, page)
            if index == DASHBOARD:
                page.open_incident.connect(self.open_incident)  # type: ignore[attr-defined]
                page.open_page.connect(self.open_named_page)  # type: ignore[attr-defined]
            elif index == SETTINGS:
                page.language_chosen.connect(self.set_language)  # type: ignore[attr-defined]
            elif index == PLAN:
                page.drill_requested.connect(self.open_drill)  # type: ignore[attr-defined]
        return page

    def _put_in_place(self, index: int, widget: QWidget) -> None:
        """``widget`` in the stack at ``index``, in place of what stood there."""
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()

    @property
    def dashboard(self) -> DashboardPage:
        return cast("DashboardPage", self.page(DASHBOARD))

    @property
    def incident_page(self) -> IncidentPage:
        return cast("IncidentPage", self.page(INCIDENT))

    @property
    def plan_page(self) -> PlanPage:
        return cast("PlanPage", self.page(PLAN))

    @property
    def drills_page(self) -> DrillsPage:
        return cast("DrillsPage", self.page(DRILLS))

    def open_drill(self, calendar_entry: str) -> None:
        """Show the drill controller ready to run a drill-calendar entry of the plan."""
        self.show_page(DRILLS)
        self.drills_page.choose_calendar_entry(calendar_entry)

    def open_named_page(self, name: str) -> None:
        """Show the page a readiness item is fixed on ("plan", "forms", "sync", "contacts")."""
        self.show_page(page_index(f"{name.capitalize()}Page"))

    def sync_action(self, action: str) -> None:
        """Show the Sync page and start ``action`` there ("import" or "export" a bundle)."""
        self.show_page(SYNC)
        self.current_page().start(action)  # type: ignore[attr-defined]

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.page(row)
            self.stack.setCurrentIndex(row)
            self.page_actions[row].setChecked(True)

    def focus_search(self) -> None:
        """Put the cursor in the current page's search box, or the plan's when it has none."""
        page = self.current_page()
        if not hasattr(page, "focus_search"):
            self.show_page(PLAN)
            page = self.current_page()
        page.focus_search()  # type: ignore[attr-defined]

    def open_kit(self) -> kit_print.KitDialog:
        """The downtime kit (Ctrl+K): for the incident shown, else the banner's."""
        from hisconsole.ui.kit import dialog as kit_print  # forms, printers: when asked for

        incident = self._target_incident()
        return kit_print.open_kit_dialog(
            self.ctx, self, incident=incident["id"] if incident else None
        )

    def menus(self) -> list[QMenu]:
        return [
            self.file_menu,
            self.incident_menu,
            self.view_menu,
            self.language_menu,
            self.help_menu,
        ]

    def open_help(self, topic: str | None = None) -> HelpDialog:
        """Show the guide (F1) at ``topic``, else at the help of the page shown."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self._help_titles(), self.menus(), self)
        self.help_dialog.show_topic(topic or help_topic(PAGES[self.stack.currentIndex()].name))
        if self.help_dialog.isVisible():
            self.help_dialog.raise_()  # open behind the window: bring it to the front
        else:
            self.help_dialog.show()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def _help_titles(self) -> dict[str, str]:
        return {help_topic(spec.name): spec.translated_title() for spec in PAGES}

    def open_sign_in(self) -> SignInDialog:
        """Show the sign-in dialog over the window (it does not block)."""
        from hisconsole.ui.signin import SignInDialog

        dialog = SignInDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_language(self, lang: str) -> None:
        """Switch the interface (and plan content) language and remember it."""
        try:
            self.ctx.translations.set_language(lang)
        except ResourcesMissing as exc:
            QMessageBox.warning(self, self.tr("HIS Console"), user_message(exc))
        self.ctx.settings.setValue(KEY_LANGUAGE, self.ctx.lang)
        self.language_actions[self.ctx.lang].setChecked(True)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About HIS Console"),
            self.tr(
                "HIS Console {version}\n\n"
                "The offline emergency console for hospital information system downtime: "
                "the plan, contacts, call trees and paper forms at hand when the network "
                "and the HIS are down.\n\n"
                "Licensed under the Apache License 2.0. Chinese text uses the "
                "WenQuanYi Micro Hei font (Apache License 2.0)."
            ).format(version=__version__),
        )

    # -- incidents ----------------------------------------------------------------------------

    def declare(self) -> DeclareDialog:
        from hisconsole.ui import actions

        dialog = actions.declare(self.ctx, self)
        dialog.declared.connect(self.incident_page.show_incident)
        return dialog

    def log_report(self) -> IntakeDialog:
        from hisconsole.ui import actions

        return actions.log_report(self.ctx, self)

    def open_incident(self, incident_id: str) -> None:
        self.incident_page.show_incident(incident_id)
        self.show_page(INCIDENT)

    def focus_log_entry(self) -> None:
        """Ctrl+L from anywhere: the incident page's log, its entry box ready for typing."""
        self.show_page(INCIDENT)
        self.incident_page.focus_log_entry()

    def _target_incident(self) -> dict[str, Any] | None:
        """The incident the menu acts on: the one on the incident page, else the banner's."""
        page = self.pages[INCIDENT]
        detail = getattr(page, "detail", None)
        if self.stack.currentIndex() == INCIDENT and detail is not None:
            return detail.incident  # type: ignore[no-any-return]
        return self.ctx.situation.situation.headline

    def change_level(self) -> LevelDialog | None:
        from hisconsole.ui import actions

        incident = self._target_incident()
        return actions.change_level(self.ctx, self, incident) if incident else None

    def record_report(self) -> UpwardReportDialog | None:
        from hisconsole.ui import actions

        incident = self._target_incident()
        return actions.record_report(self.ctx, self, incident) if incident else None

    def open_wall(self, *, full_screen: bool = True) -> WallWindow:
        """The wall display for a projector (read-only); one at a time."""
        from hisconsole.ui.wall.window import WallWindow

        if self.wall is None:
            self.wall = WallWindow(self.ctx)
            self.wall.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.wall.destroyed.connect(self._wall_closed)
        if full_screen:
            self.wall.showFullScreen()
        else:
            self.wall.show()
        return self.wall

    def _wall_closed(self) -> None:
        self.wall = None

    def hand_over(self) -> HandoverDialog | None:
        """The shift handover of the incident shown, else the banner's."""
        from hisconsole.ui.handover.dialog import HandoverDialog
        from hisconsole.ui.partials.dialogs import open_dialog

        incident = self._target_incident()
        if incident is None:
            return None
        dialog = HandoverDialog(self.ctx, incident["id"], self)
        open_dialog(dialog)
        return dialog

    def _situation_read_in(self, situation: Situation) -> None:
        """The full read (or its failure): it replaces the first look from now on."""
        first = not self._situation_read
        self._situation_read = True
        if first and self.first_look is not None and self.stack.currentIndex() == DASHBOARD:
            self._row_changed(DASHBOARD)  # the dashboard in the first look's place
        self._show_situation()

    def _shown_situation(self) -> Situation:
        if self.attached and (self._situation_read or self.first_look is None):
            return self.ctx.situation.situation
        return Situation(active=self.first_look.active if self.first_look else [])

    def _levels(self) -> dict[str, dict[str, Any]]:
        """The plan's warning levels by code: the read plan's, else the first look's."""
        snapshot = self.ctx.plan.snapshot if self.attached else None
        if snapshot is not None:
            levels = snapshot.section("levels")
        else:
            levels = self.first_look.levels if self.first_look is not None else []
        return {lvl["code"]: lvl for lvl in levels}

    def _show_situation(self) -> None:
        situation = self._shown_situation()
        headline = situation.headline
        if self.attached:
            has_open = headline is not None
            self.level_action.setEnabled(has_open)
            self.upward_action.setEnabled(has_open)
            self.handover_action.setEnabled(has_open)
        self.exercise = bool(headline and headline.get("exercise"))
        if headline is None:
            self.banner.clear_level()
        else:
            level = self._levels().get(headline["level"], {})
            self.banner.set_level(
                headline["level"],
                level.get("colour_hex", style.NEUTRAL_GREY),
                text(level.get("name"), self.translations.language),
            )
            self.banner.set_incident(
                BannerIncident(
                    headline["id"],
                    headline["title"],
                    bool(headline.get("exercise")),
                    len(situation.active) - 1,
                )
            )
        if self.first_look is not None and not (self.attached and self.ctx.plan.snapshot):
            self.banner.set_plan_version(self.first_look.plan_version)
        self._set_title()

    def _set_title(self) -> None:
        title = self.tr("HIS Console")
        if self.exercise:
            title = f"[{EXERCISE_MARK}] {title}"
        self.setWindowTitle(title)

    def _theme_changed(self) -> None:
        if self.attached:
            self.high_contrast_action.setChecked(self.theme.high_contrast)
            self.larger_action.setEnabled(self.theme.text_scale < 200)
            self.smaller_action.setEnabled(self.theme.text_scale > 100)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """Wide enough for the longest page name at the text size and language shown."""
        metrics = self.nav.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
            default=0,
        )
        # The items' padding (12 px a side), the frame, and room to breathe.
        self.nav.setFixedWidth(max(NAV_MIN_WIDTH, widest + 24 + 2 * self.nav.frameWidth() + 24))

    def _changed(self, changes: ChangeSet) -> None:
        from hisconsole.services import people as people_service

        if "operator" in changes.areas or "sync" in changes.areas:
            self.banner.set_operator(
                self.ctx.console.operator,
                verified=people_service.roles_verified(self.ctx.console),
            )

    def _network_changed(self, status: object) -> None:
        from hisconsole.ui.sync.mesh_control import banner_text

        # MeshControl.status_changed carries a MeshStatus, or None while the mesh is off.
        self.banner.set_network(banner_text(cast("MeshStatus | None", status)))

    def _plan_updated(self, snapshot: PlanSnapshot) -> None:
        self.banner.set_plan_version(snapshot.version)
        self._show_situation()

    # -- state --------------------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        state = self.settings.value(KEY_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_STATE, self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.attached:
            if self.wall is not None:
                self.wall.close()
            if self.ctx.mesh is not None:
                self.ctx.mesh.stop()  # mesh.json then says this laptop left the network
            self.ctx.runner.shutdown()
        # The look is application-wide: give it back with the window (saved in ui.ini).
        self.theme.restore_defaults()
        super().closeEvent(event)

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # The banner shows plan content (the level's name): in the new language too.
        self._show_situation()
        self.file_menu.setTitle(self.tr("&File"))
        self.incident_menu.setTitle(self.tr("&Incident"))
        self.nav.setAccessibleName(self.tr("Pages"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self.attached:
            self._retranslate_actions()
        for index, spec in enumerate(PAGES):
            title = spec.translated_title()
            shortcut = page_shortcut(index).toString(QKeySequence.SequenceFormat.NativeText)
            item = self.nav.item(index)
            item.setText(title)
            item.setToolTip(self.tr("{page} ({shortcut})").format(page=title, shortcut=shortcut))
            if self.attached:
                # "&1 Dashboard": Alt+V then the page's number, in every language.
                self.page_actions[index].setText(f"&{index + 1}  {title}")
        if self.help_dialog is not None:
            self.help_dialog.set_titles(self._help_titles())
        self._theme_changed()

    def _retranslate_actions(self) -> None:
        self.declare_action.setText(self.tr("&Declare incident…"))
        self.intake_action.setText(self.tr("Log a &report received…"))
        self.log_entry_action.setText(self.tr("&Log entry"))
        self.upward_action.setText(self.tr("Record &upward report…"))
        self.level_action.setText(self.tr("Change warning le&vel…"))
        self.handover_action.setText(self.tr("Shift &handover…"))
        self.wall_action.setText(self.tr("&Wall display (full screen)"))
        self.switch_operator_action.setText(self.tr("&Switch operator…"))
        self.bundle_import_action.setText(self.tr("&Import bundle…"))
        self.bundle_export_action.setText(self.tr("&Export bundle…"))
        self.kit_action.setText(self.tr("Print downtime &kit…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About HIS Console"))
        self.help_action.setText(self.tr("&Help for this page"))
        self.keys_action.setText(self.tr("&Keyboard shortcuts"))
        self.find_action.setText(self.tr("&Find…"))
        self.high_contrast_action.setText(self.tr("&High contrast"))
        self.larger_action.setText(self.tr("&Larger text"))
        self.smaller_action.setText(self.tr("S&maller text"))
        self.reset_text_action.setText(self.tr("&Normal text size"))
