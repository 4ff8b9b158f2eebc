"""What every window and page shares: the console, the runner, the language, the current plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QSettings, Signal

from hisconsole.i18n import Language
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console
from hisconsole.ui.i18n import Translations
from hisconsole.ui.runner import Runner

if TYPE_CHECKING:
    from hisconsole.ui.notify import Notifier
    from hisconsole.ui.situation import SituationWatch
    from hisconsole.ui.sync.mesh_control import MeshControl
    from hisconsole.ui.theme import Theme


@dataclass(frozen=True)
class PlanSnapshot:
    """The current plan document and its published version, as last read."""

    document: dict[str, Any] | None
    version: int | None

    @property
    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = (self.document or {}).get("meta", {})
        return meta

    def section(self, name: str) -> list[dict[str, Any]]:
        return list((self.document or {}).get(name, []))


def load_plan(console: Console) -> PlanSnapshot:
    """Read the current plan and its latest version (runs on the worker thread)."""
    versions = plan_service.versions(console)
    return PlanSnapshot(
        document=plan_service.current_document(console),
        version=versions[-1]["version"] if versions else None,
    )


class CurrentPlan(QObject):
    """The current plan, read off the UI thread once and again whenever the plan changes.

    Pages that show plan content connect to ``updated`` instead of each reading
    the plan themselves.

    Signals:
        updated(PlanSnapshot): a fresh snapshot has been read.
    """

    updated = Signal(object)

    def __init__(self, console: Console, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._console = console
        self._runner = runner
        self.snapshot: PlanSnapshot | None = None
        runner.changed.connect(self._on_changed)

    def reload(self) -> None:
        self._runner.query(lambda: load_plan(self._console), on_done=self._loaded)

    def _loaded(self, snapshot: PlanSnapshot) -> None:
        self.snapshot = snapshot
        self.updated.emit(snapshot)

    def _on_changed(self, changes: ChangeSet) -> None:
        if "plan" in changes.areas:
            self.reload()


@dataclass(frozen=True)
class Context:
    """The shared objects a page is built with."""

    console: Console
    runner: Runner
    translations: Translations
    settings: QSettings
    plan: CurrentPlan
    situation: SituationWatch
    notifier: Notifier
    theme: Theme | None = None  # high contrast and text size (ui/theme.py)
    mesh: MeshControl | None = None  # the command-centre network (ui/sync/network.py)

    @property
    def lang(self) -> Language:
        """The language plan content is shown in: the interface language ("zh" or "en")."""
        return cast("Language", self.translations.language)
