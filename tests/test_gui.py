"""The app: start page, steps, preview in the engine process, export, errors, undo, drag and drop."""
import pytest
from carto_desktop.edits import Choose

pytest.importorskip("PySide6")  # the `window` fixture is in conftest.py


def test_steps_are_shown_as_a_flow(window):
    names = [window.step_buttons.button(i).text() for i in range(4)]
    assert names == ["1. Data", "2. Match", "3. Style", "4. Export"]
    window.step_buttons.button(2).click()
    assert window.steps.currentIndex() == 2
    window.next_button.click()
    assert window.steps.currentIndex() == 3 and window.step_buttons.button(3).isChecked()


def test_sample_project_preview_then_pdf_export(window, qtbot, tmp_path):
    assert window.pages.currentWidget() is window.start_page
    assert not window.preview.has_map()
    # the map comes first, then the table's details (columns, personal data: exporting waits for them)
    with qtbot.waitSignals([window.preview_ready, window.table_ready], timeout=90000):
        window.sample_button.click()
    assert window.preview.has_map()
    assert window.preview.pixmap().width() > 300
    assert window.matched_label.text() == "24,088"  # as English writes numbers
    assert window.export_button.isEnabled()

    out = tmp_path / "exported.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=90000) as blocker:
        window.export_to(out)
    assert blocker.args == [str(out)]
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" not in data
    assert not window.export_step.open_folder_button.isHidden()

    # another project: its own export name, and nothing said of the previous project's export
    from carto_desktop.project import sample_project

    window.set_project(sample_project("en"), project_path=tmp_path / "other" / "niger.cartoproj")
    step = window.export_step
    assert step.export_label.text() == "" and step.open_folder_button.isHidden()
    assert step.file_edit.text() == str(tmp_path / "other" / "niger")


def test_the_map_comes_first_and_exporting_waits_for_the_tables_personal_columns(window, qtbot):
    """Both files chosen one after the other: the map is drawn on the boundary file chosen (not a built-in
    set guessed while it was being opened), before the Data step's details; Export waits for those (a new
    table's personal columns are kept out when they arrive)."""
    from pathlib import Path

    from carto_desktop.project import sample_project

    sample = sample_project("en")
    seen = []
    window.preview_ready.connect(lambda: seen.append(("map", window.export_button.isEnabled())))
    window.table_ready.connect(lambda: seen.append(("table", window.export_button.isEnabled())))
    with qtbot.waitSignals([window.preview_ready, window.table_ready], timeout=90000):
        window.use_table(str(sample.table))
        window.use_boundaries(str(sample.boundaries))
    assert Path(window.project.boundaries) == Path(sample.boundaries).resolve()
    assert seen[0] == ("map", False)  # asked first; the table's details follow in the same engine process
    assert seen[1] == ("table", True)
    assert window.data_step.summary_label.text()


def test_a_bad_file_shows_a_dialog_and_the_window_keeps_working(window, qtbot, tmp_path):
    from dataclasses import replace

    from carto_desktop.project import sample_project

    broken = replace(sample_project("en"), table=tmp_path / "missing.xlsx")
    with qtbot.waitSignal(window.failed, timeout=90000) as blocker:
        window.set_project(broken)
    assert "missing.xlsx" in blocker.args[0]
    assert window.error_box.isVisible()
    assert "does not exist" in window.error_box.text()
    assert "Traceback" not in window.error_box.text()
    # the Data step says it too, once the table's inspection (asked after the map) comes back
    qtbot.waitUntil(lambda: "does not exist" in window.data_step.summary_label.text(), timeout=90000)
    window.error_box.close()
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()
    assert window.preview.has_map()


def test_edits_are_undone_and_redone(window, qtbot):
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()
    assert not window.undo_action.isEnabled()
    window.style_step.title_edit.setText("Mon titre")
    window.style_step.title_edit.textEdited.emit("Mon titre")
    window.style_step.commit_texts()
    window.edit(Choose(palette="Blues"))
    assert window.project.title == "Mon titre" and window.project.palette == "Blues"
    window.undo_action.trigger()
    assert window.project.palette is None
    assert window.style_step.palette_combo.currentData() == ""
    window.undo_action.trigger()
    assert window.project.title == "Where humanitarian partners work in Mali"
    assert window.style_step.title_edit.text() == "Where humanitarian partners work in Mali"
    window.redo_action.trigger()
    assert window.project.title == "Mon titre"
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        pass
    assert window.windowTitle().startswith("Untitled map *")
    page = window.export_step.page_combo
    assert not page.isHidden()
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        page.setCurrentIndex(page.findData("A4 portrait"))
        page.activated.emit(page.currentIndex())
    assert window.project.page == "A4 portrait"
    assert window.last_preview.page.height > window.last_preview.page.width


def test_cancelling_an_export_leaves_no_file(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()
    out = tmp_path / "big.png"
    window.export_to(out, dpi=600)
    qtbot.waitUntil(lambda: not window.export_step.cancel_button.isHidden(), timeout=5000)
    exporter = window.exporter._process.pid
    half_written = tmp_path / f".~big-p{exporter}-k2j4.png.tmp"  # what the ended process leaves mid-write
    half_written.write_bytes(b"\x89PNG partial")
    with qtbot.waitSignal(window.export_cancelled, timeout=10000):
        window.export_step.cancel_button.click()
    assert not out.exists()
    assert list(tmp_path.glob(".~big*")) == []  # no hidden partial file (issue 21, item 12)
    assert "cancelled" in window.export_step.export_label.text()
    assert window.export_button.isEnabled()


def test_the_window_does_not_import_the_map_stack():
    """Start-up stays fast because geopandas and matplotlib load only in the engine process."""
    import subprocess
    import sys

    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from carto_desktop.gui.main_window import MainWindow; w = MainWindow('fr'); w.show(); w.shutdown();"
            "print(sorted(m for m in ('geopandas', 'matplotlib', 'pandas', 'shapely') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_switching_language_keeps_the_work(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import App

    qapp = QApplication.instance()
    app = App(qapp, "en", tmp_path / "appdata", None)
    english = app.window
    qtbot.addWidget(english)
    english.show()
    try:
        with qtbot.waitSignal(english.preview_ready, timeout=90000):
            english.open_sample_project()
        english.edit(Choose(palette="Greens"))
        english.go_to_step(2)
        app.switch_language("fr")
        french = app.window
        qtbot.addWidget(french)
        assert french is not english and french.lang == "fr"
        assert french.step_buttons.button(0).text() == "1. Données"
        assert french.project.palette == "Greens" and french.steps.currentIndex() == 2
        assert french.undo_action.isEnabled()
        with qtbot.waitSignal(french.preview_ready, timeout=90000):
            french.undo()
        assert french.project.palette is None
    finally:
        app.window.shutdown()
        from carto_desktop.gui.app import remove_translator

        remove_translator(qapp, app.translator)


def test_a_workbook_with_two_sheets_offers_the_choice(window, qtbot, tmp_path):
    import openpyxl

    from carto_desktop.paths import sample_data_dir

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Read me", "fake data for a test"])
    sites = book.create_sheet("Sites")
    sites.append(["Cercle", "Personnes"])
    for name, n in (("Kayes", 10), ("Gao", 5), ("Mopti", 7)):
        sites.append([name, n])
    path = tmp_path / "deux_feuilles.xlsx"
    book.save(path)
    with qtbot.waitSignal(window.table_ready, timeout=90000):
        window.open_paths([str(path), str(sample_data_dir() / "mali_adm2.geojson")])
    combo = window.data_step.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Notes", "Sites"]
    assert not combo.isHidden()
    with qtbot.waitSignal(window.table_ready, timeout=90000):
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
    assert window.project.sheet == "Sites"
    assert window.data_step.rows_model.columns == ["Cercle", "Personnes"]
    assert window.data_step.role_of("Cercle") == "admin name:2"


def test_files_dropped_on_the_window(window, qtbot):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from carto_desktop.paths import sample_data_dir

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_data_dir() / name))
                  for name in ("mali_3w_2023-12.xlsx", "mali_adm1.geojson")])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.dropEvent(drop)
    assert window.pages.currentIndex() == 1
    assert window.data_step.table_label.text() == "mali_3w_2023-12.xlsx"
    assert window.data_step.boundaries_label.text() == "mali_adm1.geojson"
    assert window.match_step.key_label.text() == "admin1Pcod"


def test_keyboard_reaches_every_step(window, qtbot):
    from PySide6.QtCore import Qt

    for key, index in ((Qt.Key.Key_3, 2), (Qt.Key.Key_2, 1), (Qt.Key.Key_4, 3), (Qt.Key.Key_1, 0)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.steps.currentIndex() == index
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_logo_is_chosen_in_the_style_step_and_drawn(window, qtbot, tmp_path, monkeypatch):
    import matplotlib.image as mpimg
    import numpy as np
    from PySide6.QtWidgets import QFileDialog

    logo = tmp_path / "ngo_logo.png"
    mpimg.imsave(logo, np.ones((30, 60, 3)) * [0.1, 0.4, 0.2])
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.sample_button.click()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), "PNG images (*.png)"))
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.style_step.logo_button.click()
    assert str(window.project.logo) == str(logo)
    assert window.style_step.logo_label.text().replace("\u200b", "") == "ngo_logo.png"
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.style_step.logo_clear.click()
    assert window.project.logo is None
    window.undo()
    assert str(window.project.logo) == str(logo)


def test_atlas_export_from_the_export_step(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.sample_button.click()
    window.export_step.atlas_check.setChecked(True)
    out = tmp_path / "atlas.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=120000):
        window.export_to(out)
    data = out.read_bytes()
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 10  # one page per Mali region


def test_the_style_steps_sum_takes_the_total_of_people_and_says_when_there_is_none(qtbot, real_data):
    """"Sum of a column" with no column chosen, on IOM DTM's Mali table (P-codes and dates first): the Style step
    sends the edit, whose column is the total of individuals, and shows it; with no column of numbers left it
    says so and adds nothing up."""
    from dataclasses import replace

    from carto_desktop.choices import Project
    from carto_desktop.edits import apply_edit
    from carto_desktop.gui.engine_tasks import inspect_table
    from carto_desktop.gui.style_step import StyleStep

    table = real_data / "tables" / "mli_dtm_r72_baseline_assessment.xlsx"
    info = inspect_table(str(table))  # what the engine process sends the window
    step = StyleStep()
    qtbot.addWidget(step)
    step.show()
    project = Project(table=table)
    step.show_project(project)
    step.show_columns(list(info.columns))
    step.show_numbers(info.numbers)
    assert step.value_combo.itemData(1) == "Snapshot Date"  # the first column offered is no number
    sent = []
    step.edited.connect(sent.append)
    step.agg_combo.setCurrentIndex(step.agg_combo.findData("sum"))
    step.agg_combo.activated.emit(step.agg_combo.currentIndex())
    (edit,) = sent
    project = apply_edit(project, edit)
    step.show_project(project)
    assert (project.agg, project.value_column) == ("sum", "Total No# of IDPs Ind#")
    assert step.value_combo.currentText() == "Total No# of IDPs Ind#" and step.no_numbers.isHidden()

    # every column of numbers ignored: nothing sent, the map keeps counting rows, and the person is told why
    counting = replace(Project(table=table), roles={c: "ignore" for c in info.numbers})
    step.show_project(counting)
    sent.clear()
    step.agg_combo.setCurrentIndex(step.agg_combo.findData("mean"))
    step.agg_combo.activated.emit(step.agg_combo.currentIndex())
    assert sent == [] and step.agg_combo.currentData() == "count"
    assert step.no_numbers.isVisible() and "codes, identifiers" in step.no_numbers.text()
