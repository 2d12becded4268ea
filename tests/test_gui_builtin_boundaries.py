"""The app with no boundary file: a 3W opened alone is mapped on the built-in boundaries it fits, in both languages.

open the Chad 3W (real OCHA file, provinces by P-code) → the Data step says "Chad — provinces,
built in" with the evidence → the map is drawn → export PNG → save and reopen the project
(`builtin:TCD/1`). A table that fits two sets is asked about: no map until the person chooses.
"""
import json

import pandas as pd
import pytest

pytest.importorskip("PySide6")

from carto_desktop.gui.main_window import MainWindow  # noqa: E402

WAIT = 120000


def _activate(combo, data):
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


@pytest.mark.parametrize("lang, words", [
    ("en", ("Chad — provinces, built in", "Chad, provinces (OCHA COD-AB, May 2016): 23 of 23 P-codes found")),
    ("fr", ("Tchad — provinces, intégrées", "Tchad, provinces (OCHA COD-AB, mai 2016) : 23 P-codes trouvés sur 23")),
])
def test_a_3w_with_no_boundary_file_reaches_an_exported_map(lang, words, qtbot, tmp_path, real_data):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator

    translator = install_translator(QApplication.instance(), lang)
    try:
        window = MainWindow(lang=lang, data_dir=tmp_path / "appdata")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
            window.open_paths([str(real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx")])
        assert window.project.boundaries == "builtin:TCD/1"
        label = window.data_step.boundaries_label.text()
        assert words[0] in label and words[1] in label
        assert window.data_step.builtin_combo.currentData() == "builtin:TCD/1"
        assert int(window.matched_label.text()) == 705

        # export the map: its footer credits Chad's COD edition
        window.go_to_step(3)
        base = tmp_path / "out" / "tchad"
        (tmp_path / "out").mkdir()
        window.export_step.file_edit.setText(str(base))
        window.export_step.dpi_spin.setValue(60)
        with qtbot.waitSignal(window.export_finished, timeout=WAIT):
            window.export_button.click()
        png = tmp_path / "out" / "tchad.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

        # the choice is saved as a built-in set and opens again
        project_path = tmp_path / "chad.cartoproj"
        with qtbot.waitSignal(window.saved, timeout=WAIT):
            window.save_project_as(project_path)
        assert json.loads(project_path.read_text(encoding="utf-8"))["choices"]["boundaries"] == "builtin:TCD/1"
        window.shutdown()
        again = MainWindow(lang=lang, data_dir=tmp_path / "appdata")
        qtbot.addWidget(again)
        again.show()
        with qtbot.waitSignal(again.preview_ready, timeout=WAIT):
            again.open_project_file(project_path)
        assert again.project.boundaries == "builtin:TCD/1"
        again.shutdown()
    finally:
        if translator is not None:
            remove_translator(QApplication.instance(), translator)


def test_a_table_that_fits_two_sets_is_asked_and_mapped_once_chosen(qtbot, tmp_path):
    table = tmp_path / "departements.csv"
    pd.DataFrame({"Département": ["Bosso", "Gaya", "Illela"], "Ménages": ["12", "40", "7"]}).to_csv(table, index=False)
    window = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.table_ready, timeout=WAIT):
        window.open_paths([str(table)])
    assert window.project.boundaries is None and window.last_preview is None
    label = window.data_step.boundaries_label.text()
    assert "more than one built-in boundary set" in label and "Niger, departments" in label
    assert "Nigeria, LGAs" in label and "--boundaries" not in label
    with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
        _activate(window.data_step.builtin_combo, "builtin:NER/2")
    assert window.project.boundaries == "builtin:NER/2"
    assert window.data_step.boundaries_label.text().startswith("Niger — departments, built in")
    window.shutdown()
