"""Starting the desktop app: Qt application, language, translations, main window, recovery.

Only light modules are imported here; the map stack (geopandas, matplotlib) is imported
by the engine process, so the window shows in well under two seconds.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QStandardPaths, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from carto_desktop.paths import ui_dir

LANGUAGES = ("en", "fr")


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Load ui/carto_desktop_<lang>.qm; English, the source language, needs none.

    Qt's own translation (`qtbase_<lang>.qm`, shipped in PySide6's translations folder) is installed
    with it, so Qt's dialog buttons ("Annuler", "&Oui", "Afficher les détails…") speak the same language;
    `remove_translator` takes both away.
    """
    translator = QTranslator(app)
    if not translator.load(str(ui_dir() / f"carto_desktop_{lang}.qm")):
        return None
    qt_own = QTranslator(translator)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    app.installTranslator(translator)
    return translator


def remove_translator(app: QApplication, translator: QTranslator | None) -> None:
    """Take away a translator `install_translator` installed, with Qt's own that came with it."""
    if translator is None:
        return
    for qt_own in translator.findChildren(QTranslator):
        app.removeTranslator(qt_own)
    app.removeTranslator(translator)


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

        remove_translator(self.qapp, self.translator)
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
