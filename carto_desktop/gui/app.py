"""Starting the desktop app: Qt application, language, translations, main window, recovery.

Only light modules are imported here; the map stack (geopandas, matplotlib) is imported
by the engine process, so the window shows in well under two seconds.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from carto_desktop.paths import ui_dir

LANGUAGES = ("en", "fr")


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Load ui/carto_desktop_<lang>.qm; English, the source language, needs none."""
    translator = QTranslator(app)
    if translator.load(str(ui_dir() / f"carto_desktop_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def system_language(locale: QLocale | None = None) -> str:
    """French when the system speaks French, else English."""
    name = (locale or QLocale.system()).name()
    return "fr" if name.startswith("fr") else "en"


def app_data_dir() -> Path:
    """Where the autosave lives: the user's own app-data folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def initial_size(qapp: QApplication) -> tuple[int, int]:
    """1280 × 720, or less so the whole window fits a small laptop screen (1366 × 768 with a taskbar)."""
    screen = qapp.primaryScreen()
    if screen is None:
        return 1280, 720
    area = screen.availableGeometry()
    return min(1280, area.width() - 40), min(720, area.height() - 60)


class App:
    """The running app: one window at a time; changing language replaces it, keeping the work."""

    def __init__(self, qapp: QApplication, lang: str, data_dir: Path | None, settings: QSettings | None) -> None:
        self.qapp = qapp
        self.data_dir = data_dir
        self.settings = settings
        self.translator: QTranslator | None = None
        self.window = None
        self.open_window(lang)

    def open_window(self, lang: str, state: dict | None = None):
        from carto_desktop.gui.main_window import MainWindow

        if self.translator is not None:
            self.qapp.removeTranslator(self.translator)
        self.translator = install_translator(self.qapp, lang)
        self.qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        window = MainWindow(lang=lang, data_dir=self.data_dir, settings=self.settings, state=state)
        window.language_requested.connect(self.switch_language)
        window.resize(*initial_size(self.qapp))
        self.window = window
        return window

    def switch_language(self, lang: str) -> None:
        old = self.window
        state = old.state()
        if self.settings is not None:
            self.settings.setValue("language", lang)
        new = self.open_window(lang, state)
        if old.isMaximized():
            new.showMaximized()
        else:
            new.show()
        old.dirty = False  # the new window carries the work and its autosave
        old.close()
        old.deleteLater()


def run_app(lang: str | None = None, project: str | None = None) -> int:
    """Open the main window (and `project`, a .cartoproj, if given) and run until it is closed."""
    import multiprocessing

    multiprocessing.freeze_support()  # the engine process of a frozen (PyInstaller) app
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    qapp = QApplication.instance() or QApplication(sys.argv)
    qapp.setApplicationName("Carto Desktop")
    qapp.setOrganizationName("Carto Desktop")
    qapp.setWindowIcon(QIcon(str(ui_dir() / "carto-desktop.png")))  # installer/make_icon.py draws it
    settings = QSettings()
    saved = settings.value("language")
    lang = lang or (saved if saved in LANGUAGES else system_language())
    app = App(qapp, lang, app_data_dir(), settings)
    app.window.show()
    app.window.offer_recovery()
    if project:  # a double-clicked .cartoproj (installer file association)
        app.window.open_project_file(project)
    if os.environ.get("CARTO_DESKTOP_QUIT_AFTER_SHOWN"):  # installer/test_bundle.sh, bench: show, then close
        QTimer.singleShot(0, app.window.close)
    return qapp.exec()
