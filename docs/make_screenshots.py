"""Screenshots of the main window for the docs, made offscreen at a laptop's 1366 × 768.

Run: QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from carto_desktop.gui.app import install_translator  # noqa: E402
from carto_desktop.gui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"


def shoot(app: QApplication, lang: str) -> Path:
    translator = install_translator(app, lang)
    window = MainWindow(lang=lang)
    window.resize(1366, 740)
    window.show()
    loop = QEventLoop()
    window.preview_ready.connect(loop.quit)
    window.failed.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    window.open_sample_project()
    loop.exec()
    app.processEvents()
    path = OUT / f"main_window_sample_{lang}.png"
    window.grab().save(str(path))
    window.close()
    if translator is not None:
        app.removeTranslator(translator)
    return path


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    for lang in ("en", "fr"):
        print(shoot(app, lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
