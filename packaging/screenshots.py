"""Screenshots of the main pages on demo data with an open level-II incident (for the README).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python packaging/screenshots.py \
        --lang en --out docs/screens

Each page is saved as ``<page>-<lang>.png``. ``--pseudo`` loads a pseudo-translation
(every English text stretched by half, see tests/gui/test_pseudo.py) instead of a
language, to look for clipped texts; ``--high-contrast`` and ``--text-scale`` show
the accessibility settings. The demo data lives in a throw-away folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PAGES = ("dashboard", "incident", "plan", "contacts", "forms", "sync", "drills", "settings")


# What the operators type, in the language of the screenshots.
TYPED = {
    "en": (
        "HIS and EMR down in all wards",
        "Wards switched to paper forms; runners sent to the lab.",
    ),
    "zh": ("全院 HIS、EMR 中断", "各病区已改用纸质表单，已派专人送检验标本。"),
}


def demo_console(data_dir: Path, now_ms: int, lang: str = "en") -> Any:
    """A console on the demo data: a level-II HIS outage reported 6 minutes ago, a call-out."""
    from hisconsole.services import contacts, incidents, response
    from hisconsole.services.console import Console
    from hisconsole.services.setup import open_or_initialise

    console, _ = open_or_initialise(data_dir, demo=True)
    console.close()
    console = Console.open(data_dir, now_ms=lambda: now_ms)
    console.sign_in("Wang Fang", "commander")
    reported = dt.datetime.fromtimestamp(now_ms / 1000, tz=dt.UTC) - dt.timedelta(minutes=6)
    incident, _ = incidents.declare(
        console,
        level="II",
        title=TYPED[lang][0],
        systems=["HIS", "EMR", "LIS"],
        scenario="his-down",
        reported_at=reported,
    )
    incidents.set_system_status(console, incident, "HIS", "down")
    incidents.set_system_status(console, incident, "EMR", "down")
    incidents.set_system_status(console, incident, "LIS", "degraded")
    incidents.log(console, incident, TYPED[lang][1])
    trees = contacts.call_trees(console)
    if trees:
        response.start_callout(console, incident, trees[0]["code"])
    return console


def long_outage(console: Any, lang: str) -> None:
    """Day two of the outage: a command roster, an operational period, tasks (one overdue)."""
    from hisconsole.services import incidents, periods, roster, tasks

    incident = incidents.open_incidents(console)[0]["id"]
    zh = lang == "zh"
    for role, person in (
        ("commander", "李伟" if zh else "Li Wei"),
        ("tech-lead", "王芳" if zh else "Wang Fang"),
        ("business-lead", "赵敏" if zh else "Zhao Min"),
        ("scribe", "陈静" if zh else "Chen Jing"),
    ):
        roster.sign_in(console, incident, role, person)
    periods.start(
        console,
        incident,
        ["各病区保持纸质流程", "评估加密服务器"]
        if zh
        else ["Keep every ward on paper", "Assess the encrypted servers"],
        groups=["tech", "business"],
    )
    tasks.add(
        console,
        incident,
        "厂商评估数据恢复方案" if zh else "Vendor to assess data recovery",
        owner="王芳" if zh else "Wang Fang",
        due="+2h",
        group="tech",
    )


def calm_console(data_dir: Path, now_ms: int) -> Any:
    """A console on the demo data between outages: some resources checked (one fault), some
    numbers verified, some paper counted: the readiness panel has every state to show."""
    from hisconsole.services import forms, readiness
    from hisconsole.services.console import Console
    from hisconsole.services.setup import open_or_initialise

    console, _ = open_or_initialise(data_dir, demo=True)
    console.close()
    console = Console.open(data_dir, now_ms=lambda: now_ms)
    console.sign_in("Wang Fang", "it-duty")
    for code in ("spare-server", "ups", "diesel-generator", "backup-printer"):
        readiness.check_resource(console, code, "ok")
    readiness.check_resource(console, "radios", "fault", "2 batteries dead / 2 块电池失效")
    for row in readiness.verification_round(console)[:30]:
        readiness.verify_contact(console, row["key"], "verified")
    for template in ("hics-213", "hics-214", "registration"):
        forms.count_stock(console, template, 400)
    return console


def drill_console(data_dir: Path, now_ms: int) -> Any:
    """A console on the demo data 16 minutes into a ×10 HIS-outage drill: the team declared
    from its first report and started the call-out; the controller has injects to show."""
    from hisconsole.services import response
    from hisconsole.services.console import Console
    from hisconsole.services.drills import run as drills
    from hisconsole.services.setup import open_or_initialise

    console, _ = open_or_initialise(data_dir, demo=True)
    console.close()
    clock = [now_ms - 96_000]  # 1.6 console minutes ago: 16 drill minutes at ×10
    console = Console.open(data_dir, now_ms=lambda: clock[0])
    console.sign_in("Wang Fang", "commander")
    drill = drills.start(console, "his-down", speed=10)
    for seconds in (12, 24, 36, 48, 60, 72, 84, 96):
        clock[0] = now_ms - 96_000 + seconds * 1000
        drills.tick(console, drill)
        if seconds == 24:
            made = [i["refs"]["intake"] for i in drills.read(console, drill).injects if i["refs"]]
            incident = response.declare_with_reports(
                console,
                made,
                level="II",
                title="HIS 全院中断",
                systems=["HIS"],
                scenario="his-down",
            )
            response.start_callout(console, incident, "level-1-2")
    return console


def save_small(image: Any, path: Path, max_kb: int) -> None:
    """Save ``image`` as PNG; above ``max_kb``, with an adaptive palette of 256 colours
    (median cut: the interface's few flat colours survive, text stays sharp)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data = bytes(buffer.data().data())
    if len(data) <= max_kb * 1024:
        path.write_bytes(data)
        return
    with Image.open(io.BytesIO(data)) as picture:
        reduced = picture.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
        reduced.save(path, "PNG", optimize=True)


def settle(app: Any, window: Any) -> None:
    """Let the page read what it shows (the runner idle, the events handled)."""
    for _ in range(3):
        for _ in range(20):
            app.processEvents()
        while not window.ctx.runner.is_idle():
            app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--pseudo", action="store_true")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--text-scale", type=int, default=100)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screens")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument(
        "--calm", action="store_true", help="no incident: the readiness panel (readiness-LANG.png)"
    )
    parser.add_argument("--drill", action="store_true", help="a drill under way (drills-LANG.png)")
    parser.add_argument(
        "--wall",
        action="store_true",
        help="the wall display at 1920x1080 during a long outage (wall-LANG.png)",
    )
    parser.add_argument(
        "--max-kb", type=int, default=150, help="larger PNGs get an adaptive 256-colour palette"
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from hisconsole.ui import theme
    from hisconsole.ui.app import configure_application, create_main_window
    from hisconsole.ui.main_window import KEY_LANGUAGE
    from hisconsole.ui.main_window import PAGES as PAGE_SPECS

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    now_ms = int(dt.datetime.now(dt.UTC).timestamp() * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        if args.calm:
            console = calm_console(data_dir, now_ms)
        elif args.drill:
            console = drill_console(data_dir, now_ms)
        else:
            console = demo_console(data_dir, now_ms, "zh" if args.lang == "zh" else "en")
            if args.wall:
                long_outage(console, args.lang)
        settings_path = data_dir / "ui.ini"
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        settings.setValue(KEY_LANGUAGE, "en" if args.pseudo else args.lang)
        settings.setValue(theme.KEY_HIGH_CONTRAST, args.high_contrast)
        settings.setValue(theme.KEY_TEXT_SCALE, args.text_scale)
        settings.sync()
        pseudo = None
        if args.pseudo:
            from tests.gui.pseudo import install_pseudo_translation

            pseudo = install_pseudo_translation(Path(tmp))
        window = create_main_window(console, settings_path, use_tray=False)
        window.resize(width, height)
        window.show()
        settle(app, window)
        names = [spec.name.removesuffix("Page").lower() for spec in PAGE_SPECS]
        suffix = "pseudo" if args.pseudo else args.lang
        if args.wall:
            wall = window.open_wall(full_screen=False)
            wall.resize(1920, 1080)
            settle(app, window)
            path = args.out / f"wall-{suffix}.png"
            save_small(wall.grab().toImage(), path, args.max_kb * 2)
            print(path, path.stat().st_size)
            wall.close()
            args.pages = []
        for page in args.pages:
            window.show_page(names.index(page))
            settle(app, window)
            image = window.grab().toImage()
            name = "readiness" if args.calm and page == "dashboard" else page
            path = args.out / f"{name}-{suffix}.png"
            save_small(image, path, args.max_kb)
            print(path, path.stat().st_size)
        window.close()
        window.ctx.translations.uninstall()
        if pseudo is not None:
            QApplication.removeTranslator(pseudo)
        console.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
