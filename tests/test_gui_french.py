"""The app in French (issue 14): the Style step fits a 1366 × 768 screen, real plurals, French typography, Qt's
own buttons in French, a misspelt place explained as a misspelling."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO

pytest.importorskip("PySide6")


@pytest.fixture
def french_window(qtbot, tmp_path):
    """The main window in French (the app's translators installed as `run_app` does), 1366 × 768."""
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator
    from carto_desktop.gui.main_window import MainWindow

    app = QApplication.instance()
    translator = install_translator(app, "fr")
    window = MainWindow(lang="fr", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.shutdown()
    remove_translator(app, translator)


def _cut_widgets(page) -> list[str]:
    """Visible widgets narrower than they need to be: a label whose text is cut, a field squeezed under its
    minimum, or a wrapped label shorter than its lines."""
    from PySide6.QtWidgets import QLabel, QWidget

    cut = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    cut.append(widget.text())
            elif widget.width() < widget.sizeHint().width():
                cut.append(widget.text())
        elif widget.width() < widget.minimumSizeHint().width():
            cut.append(type(widget).__name__)
    return cut


def test_style_step_fits_a_1366_by_768_screen_in_french(french_window, qtbot):
    """Issue 14: in French the Style step scrolled sideways and the logo's label was cut."""
    from dataclasses import replace

    window = french_window
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()
    window.go_to_step(2)
    scroll = window.steps.currentWidget()
    page = window.style_step
    qtbot.wait(50)
    assert window.width() == 1366 and page.template_combo.currentText()
    assert scroll.viewport().width() < 520  # the steps' column as the window gives it
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=2000)
    assert page.width() <= scroll.viewport().width()
    assert _cut_widgets(page) == []
    assert page.logo_label.text() == "Comme le prévoit le modèle"
    long_logo = REPO / "ui" / "logo_de_l_organisation_partenaire_humanitaire_du_cluster_protection_2024.png"
    with qtbot.waitSignal(window.project_changed, timeout=5000):
        window.set_project(replace(window.project, logo=long_logo))
    qtbot.wait(50)
    assert page.logo_label.text().replace("\u200b", "") == long_logo.name
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=2000)
    assert _cut_widgets(page) == []


def test_qt_own_dialog_buttons_are_in_french(french_window, qtbot):
    """Issue 14: Qt's own buttons ("OK", "Cancel", "Show Details…") stayed in English: Qt's translation, shipped
    with PySide6 (qtbase_fr.qm), was not loaded."""
    from pathlib import Path

    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QMessageBox, QPushButton

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_fr.qm").is_file()
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Carto Desktop", "?",
                      buttons.Yes | buttons.No | buttons.Cancel | buttons.Ok, french_window)
    texts = {b: box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Cancel, buttons.Ok)}
    assert texts == {buttons.Yes: "&Oui", buttons.No: "&Non", buttons.Cancel: "Annuler", buttons.Ok: "OK"}
    box.deleteLater()
    from carto_desktop.engine_messages import ErrorReport

    french_window.show_failure(ErrorReport(user=False, summary="KeyError: 'x'", details="Traceback …"))
    box = french_window.error_box
    names = [b.text() for b in box.findChildren(QPushButton)]
    assert "Montrer les détails…" in names, names
    assert not any("Show Details" in n for n in names)


def test_a_misspelt_departement_is_explained_as_a_misspelling(french_window, qtbot, real_data, tmp_path):
    """Issue 14: "Takieta" (Niger's département Takeita, two letters swapped) was explained in the Match step as
    "only villages have this name": the places list knows villages called so, but the near-identical area name is
    what the person meant."""
    import geopandas as gpd
    import pandas as pd

    from carto_desktop.choices import Project

    bounds = real_data / "boundaries" / "ner_adm2.geojson"
    names = gpd.read_file(bounds)["adm2_name"].tolist()
    path = tmp_path / "ner_3w.csv"
    pd.DataFrame({"Département": names + ["Takieta"], "Organisation": ["ACF"] * len(names) + ["CARE"]}).to_csv(
        path, index=False)
    window = french_window
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.set_project(Project(table=path, boundaries=bounds, lang="fr"))
    step = window.match_step
    row = step.visible_values().index("Takieta")
    why = step.review_table.item(row, 2)
    assert why.text() == "Sans doute Takeita, mal orthographié"
    assert why.toolTip().startswith("Sans doute une faute d'orthographe pour Takeita\u00a0:") or \
        why.toolTip().startswith("Sans doute une faute d'orthographe pour Takeita :")
    assert "Seuls des villages" not in why.toolTip()


# French spacing: a no-break space (or a narrow one) before : ; ! ? and inside « »; never a plain space there
# (a line could break before the colon), never the punctuation glued to its word ("Conseil:")
BAD_SPACING = re.compile(r"[^\u00a0\u202f][:;!?](?=\s|$)|«[^\u202f\u00a0]|[^\u202f\u00a0]»")


def test_french_translations_of_the_app_follow_french_typography():
    """Issue 14: "Conseil:" without the French space; every French string of the app is scanned."""
    tree = ET.parse(REPO / "ui" / "carto_desktop_fr.ts")
    translations = [m.findtext("translation") or "" for m in tree.iter("message")]
    assert len(translations) > 300
    bad = [t for t in translations if BAD_SPACING.search(re.sub(r"https?://\S+", "", t))]
    assert bad == []
    assert "Limites\u00a0:" in translations and "Masquer les petits effectifs\u00a0:" in translations


def test_no_word_in_the_app_is_written_with_a_plural_in_brackets():
    """Issue 14: "écartée(s)", "13 zone(s)": every user-visible sentence has real singular and plural forms."""
    from carto_desktop.i18n import translate
    from carto_desktop.messages import FRENCH

    ts = (REPO / "ui" / "carto_desktop_fr.ts").read_text(encoding="utf-8")  # the app's strings, both languages
    engine = list(FRENCH) + list(FRENCH.values())  # the engine's sentences, English and French
    assert not [t for t in [ts, *engine] if re.search(r"[A-Za-zÀ-ÿ]\((?:s|es|x)\)", t)]
    one = 'Counts under {n} are shown as "fewer than {n}": {areas} areas.'
    assert translate(one, "fr", n=5, areas=1).endswith("1 zone.")
    assert translate(one, "fr", n=5, areas=0).endswith("0 zone.")  # French: 0 is singular
    assert translate(one, "en", n=5, areas=0).endswith("0 areas.") and translate(one, "fr", n=5, areas=13).endswith(
        "13 zones.")
    assert (translate("kept out", "fr", n=1), translate("kept out", "fr", n=2), translate("kept out", "en", n=1)) == (
        "écartée", "écartées", "kept out")


def test_export_step_fits_a_1366_by_768_screen_in_french_with_rows_left_off(french_window, qtbot, real_data):
    """The Export step scrolled sideways in French (four formats in a row, the check's lines cut); with the Mali
    HNO's reasons for rows left off the map it must still fit, every line wrapped, none cut."""
    from carto_desktop.choices import Project

    window = french_window
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.set_project(Project(table=real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv",
                                   boundaries=real_data / "boundaries" / "mali_adm2.geojson", value_column="In Need",
                                   agg="sum", lang="fr"))
    window.go_to_step(3)
    scroll = window.steps.currentWidget()
    page = window.export_step
    qtbot.wait(50)
    assert " ".join(page.rows_text().split()).startswith("53 lignes sur 1 323 sont sur la carte. • 1 172 ventilent")
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=2000)
    assert _cut_widgets(page) == []
