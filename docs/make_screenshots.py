"""Screenshots of every step for the user guide, made offscreen at a laptop's 1366 × 768.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

Writes docs/screenshots/<step>_<lang>.png for the start page and the four steps, in English
and French. The Data step (`data`, `data_personal`) shows the fake Kobo household survey of
tests/data/privacy: column roles, one changed by the user, and the columns that look personal.
The Match step shows a real review: the sample 3W with "Segou" typed "Seguo" and
"Mopti" typed "Mopt", as a field team might, matched on the place names (a copy made in a
temporary folder), the first line selected and its best candidate outlined on the map.
`check_<lang>.png` is the Export step's "before you share" check of a fake Kobo household survey.
`style_texts_<lang>.png` is the Style step's texts with the source field (the field copy has no credits.json: the
source is said to be missing). `export_rows_<lang>.png` is the Export step on the Mali HNO (long format): "53 of
1,323 rows are on the map" and why the others are not, and "Export the map's data…".
`data_builtin_<lang>.png` is Chad's OCHA 3W opened alone: the Data step names the built-in
boundaries it fits ("Chad — provinces, built in") with the evidence.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1366, 768)


def field_copy(folder: Path) -> Path:
    from carto_desktop.intake import read_table
    from carto_desktop.project import sample_project

    sample = sample_project("en")
    data = read_table(sample.table, sample.sheet).data[["Organisation Accronyme", "Cluster", "Cercle"]]
    data = data.assign(Cercle=data["Cercle"].replace({"Segou": "Seguo", "Mopti": "Mopt"}))
    path = folder / "3w_field_copy.csv"
    data.to_csv(path, index=False, encoding="utf-8")
    return path


def survey_project(lang: str):
    """The fake Kobo household survey (names, phones, GPS…) mapped per cercle."""
    from carto_desktop.project import Project

    root = Path(__file__).resolve().parents[1]
    return Project(table=root / "tests" / "data" / "privacy" / "kobo_household_survey.csv",
                   boundaries=root / "sample_data" / "mali_adm2.geojson", key_column="identification/cercle_pcode",
                   lang=lang, title="Ménages enquêtés par cercle" if lang == "fr" else "Households surveyed per cercle")


def shoot(app, lang: str, table: Path, folder: Path) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QTimer

    from carto_desktop.gui.app import install_translator, remove_translator
    from carto_desktop.gui.main_window import MainWindow

    translator = install_translator(app, lang)
    window = MainWindow(lang=lang, data_dir=folder / "appdata")
    window.resize(*SIZE)
    window.show()

    def wait(signal, ms: int = 180000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        window.failed.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        settle()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    shots = []

    def save(name: str) -> None:
        path = OUT / f"{name}_{lang}.png"
        window.grab().save(str(path))
        shots.append(path)

    window._recent = []
    settle(1000)
    save("start")

    # a table opened alone (Chad's OCHA 3W): the built-in boundaries it fits, said in the Data step
    root = Path(__file__).resolve().parents[1]
    window.open_paths([str(root / "tests" / "data" / "real" / "tables" / "tcd_3w_ocha_2021-10.xlsx")])
    wait(window.preview_ready)
    while not window.maps.idle():
        wait(window.preview_ready)
    window.go_to_step(0)
    settle()
    save("data_builtin")

    # the Data step with the fake Kobo household survey: what each column holds (one role changed by
    # the user, in bold) and the columns that look personal, with the reason
    def idle() -> None:
        wait(window.preview_ready)
        while not window.maps.idle():
            wait(window.preview_ready)

    window.set_project(survey_project(lang))
    idle()
    step = window.data_step
    step.choose_role("identification/cercle", "admin name:2")
    idle()
    region = step.roles_model.index(step.roles_model.columns.index("identification/region"), 0)
    step.roles_view.scrollTo(region, step.roles_view.ScrollHint.PositionAtTop)
    settle()
    save("data")
    page = window.steps.currentWidget().verticalScrollBar()
    page.setValue(step.personal_box.y() - 8)
    personal = step.personal_table
    rows = [personal.item(r, 0).text() for r in range(personal.rowCount())]
    personal.scrollToItem(personal.item(rows.index("identification/nom_enqueteur"), 0),
                          personal.ScrollHint.PositionAtTop)
    settle()
    save("data_personal")
    page.setValue(0)

    window.open_sample_project()
    wait(window.preview_ready)

    window.use_table(str(table))
    wait(window.preview_ready)
    window.go_to_step(1)
    combo = window.match_step.key_combo
    combo.setCurrentIndex(combo.findData("Cercle"))
    combo.activated.emit(combo.currentIndex())
    wait(window.preview_ready)
    review = window.match_step.review_table
    if review.rowCount():
        review.selectRow(0)  # its best candidate is outlined on the map
        wait(window.highlight_ready)
    save("match")
    for _ in range(review.rowCount()):
        window.match_step.accept(0)
        wait(window.preview_ready)

    window.go_to_step(2)
    style = window.style_step
    for combo, data in ((style.agg_combo, "distinct"), (style.value_combo, "Organisation Accronyme"),
                        (style.palette_combo, "Blues")):
        combo.setCurrentIndex(combo.findData(data))
        combo.activated.emit(combo.currentIndex())
    style.title_edit.setText("Partenaires humanitaires par cercle" if lang == "fr" else
                             "Humanitarian partners per cercle")
    style.commit_texts()
    wait(window.preview_ready)
    save("style")
    # the texts, further down: the source field, and the amber line saying the source is missing (the field copy
    # has no credits.json beside it)
    style_page = window.steps.currentWidget().verticalScrollBar()
    style_page.setValue(10 ** 6)
    settle()
    save("style_texts")
    style_page.setValue(0)

    window.go_to_step(3)
    window.export_step.file_edit.setText(str(folder / f"map_{lang}"))
    window.export_step.dpi_spin.setValue(150)
    window.export_step.export_button.click()
    wait(window.export_finished)
    save("export")

    # rows not on the map: the Mali HNO (long format) maps its 53 total rows; the Export step says why the others
    # are not on it, before export
    from carto_desktop.project import Project

    real = root / "tests" / "data" / "real"
    window.set_project(Project(table=real / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv",
                               boundaries=real / "boundaries" / "mali_adm2.geojson", value_column="In Need",
                               agg="sum", lang=lang))
    idle()
    window.go_to_step(3)
    settle()
    save("export_rows")

    # the "before you share" check of a fake Kobo household survey (tests/data/privacy), after its export
    window.set_project(survey_project(lang))
    wait(window.preview_ready)
    while not window.maps.idle():  # personal columns kept out
        wait(window.preview_ready)
    window.go_to_step(3)
    window.export_step.file_edit.setText(str(folder / f"households_{lang}"))
    window.export_step.export_button.click()
    wait(window.export_finished)
    window.export_step.parentWidget().parentWidget().verticalScrollBar().setValue(10 ** 6)  # the check, in full
    settle()
    save("check")

    window.shutdown()
    window.close()
    remove_translator(app, translator)
    return shots


def main() -> int:
    from PySide6.QtWidgets import QApplication

    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table = field_copy(folder)
        for lang in ("en", "fr"):
            for path in shoot(app, lang, table, folder):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
