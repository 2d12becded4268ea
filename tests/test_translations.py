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


SAME_IN_BOTH = {"→", "–", "0", "Carto Desktop", "3. Style", "4. Export", "English", "Français", "Palette", "Formats",
                "A4 portrait", "A3 portrait", "Logo"}


def visible_texts(window):
    """Every text a person can read: labels, buttons, group titles, menus, tooltips, placeholders, choices."""
    from PySide6.QtWidgets import (
        QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QTableWidget, QWidget,
    )

    texts = [w.text() for w in window.findChildren(QAbstractButton)] + [w.text() for w in window.findChildren(QLabel)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    texts += [w.toolTip() for w in window.findChildren(QWidget) if w.toolTip()]
    texts += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    texts += [c.itemText(i) for c in window.findChildren(QComboBox) for i in range(c.count())]
    texts += [m.title() for m in window.findChildren(QMenu)]
    texts += [a.text() for m in window.findChildren(QMenu) for a in m.actions()]
    texts += [t.horizontalHeaderItem(i).text() for t in window.findChildren(QTableWidget) for i in range(t.columnCount())]
    texts = {t.replace("&", "").strip().rstrip(":").strip() for t in texts if t}
    return {t for t in texts if t and t not in SAME_IN_BOTH and not t.replace(" ", "").isdigit()}


def test_french_window_has_no_english_left(qtbot):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator
    from carto_desktop.gui.main_window import MainWindow

    english = MainWindow(lang="en")
    qtbot.addWidget(english)
    english.shutdown()
    en_texts = visible_texts(english)
    translator = install_translator(QApplication.instance(), "fr")
    assert translator is not None
    try:
        french = MainWindow(lang="fr")
        qtbot.addWidget(french)
        french.shutdown()
        fr_texts = visible_texts(french)
    finally:
        remove_translator(QApplication.instance(), translator)
    assert "1. Données" in fr_texts and "Ouvrir le projet d'exemple" in fr_texts
    assert "Annuler" in fr_texts and "Fichier" in fr_texts and "Modèle" in fr_texts
    assert len(en_texts) > 120
    assert fr_texts & en_texts == set()  # nothing left in English in French, and nothing French in English


def test_engine_french_follows_french_typography():
    """Every engine sentence in French has a space before « : ; ! ? » and inside « », never "Conseil:"
    glued to its colon (issue 14's French polish); the error's place and hint are joined the same way."""
    import re
    import string

    from carto_desktop.i18n import FRENCH, translate

    bad = []
    for key in FRENCH:
        fields = {f: "X" for _, f, _, _ in string.Formatter().parse(key) if f}
        text = re.sub(r"https?://\S+", "", translate(key, "fr", **fields))
        if re.search(r"[^\s\u00a0\u202f][;!?](\s|$)|[A-Za-zÀ-ÿ)»][:](\s|$)|«\S|\S»", text):
            bad.append(text)
    assert bad == [], bad[:5]
    assert translate("Hint: {hint}", "fr", hint="x") == "Conseil : x"
