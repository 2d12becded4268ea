"""French UI complete: .ts in step with the code, .qm in step with the .ts, and the window speaks French."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO

pytest.importorskip("PySide6")

TS = REPO / "ui" / "carto_desktop_fr.ts"
QM = REPO / "ui" / "carto_desktop_fr.qm"
TOOLS = Path(sys.executable).parent


def _tool(name):
    exe = TOOLS / name
    return str(exe) if exe.exists() else shutil.which(name)


def test_every_gui_string_has_a_french_translation(tmp_path):
    copy = tmp_path / "fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "carto_desktop" / "gui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)], check=True,
                   capture_output=True)
    unfinished = [m.findtext("source") for m in ET.parse(copy).iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []


def test_compiled_translations_match_their_source(tmp_path):
    out = tmp_path / "fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease ui/carto_desktop_fr.ts"


def _visible_texts(window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in window.findChildren(QAbstractButton)] + [w.text() for w in window.findChildren(QLabel)]
    texts += [w.toolTip() for w in window.findChildren(QAbstractButton) if w.toolTip()]
    return {t for t in texts if t and t not in {"→", "–", "Carto Desktop", "3. Style", "4. Export"}}  # same word in both


def test_french_window_has_no_english_left(qtbot):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator
    from carto_desktop.gui.main_window import MainWindow

    english = MainWindow(lang="en")
    qtbot.addWidget(english)
    en_texts = _visible_texts(english)
    translator = install_translator(QApplication.instance(), "fr")
    assert translator is not None
    try:
        french = MainWindow(lang="fr")
        qtbot.addWidget(french)
        fr_texts = _visible_texts(french)
    finally:
        QApplication.instance().removeTranslator(translator)
    assert "1. Données" in fr_texts and "Ouvrir le projet d'exemple" in fr_texts
    assert fr_texts & en_texts == set()
