"""Starting the desktop app: Qt application, translations, main window."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from carto_desktop.i18n import default_language
from carto_desktop.paths import ui_dir


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Load ui/carto_desktop_<lang>.qm; English is the source language and needs none."""
    if lang == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(ui_dir() / f"carto_desktop_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run_app(lang: str | None = None) -> int:
    """Open the main window and run until it is closed."""
    lang = lang or ("fr" if QLocale.system().name().startswith("fr") else default_language())
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Carto Desktop")
    install_translator(app, lang)
    from carto_desktop.gui.main_window import MainWindow

    window = MainWindow(lang=lang)
    window.show()
    if os.environ.get("CARTO_DESKTOP_QUIT_AFTER_SHOWN"):  # installer/test_bundle.sh, bench: show, then quit
        QTimer.singleShot(0, app.quit)
    return app.exec()
