"""The app tells the truth about the data (issue 14): the small-count threshold, the source, the rows not on
the map, the map's data exported; each shown in the app as the engine decides it."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import SAMPLE

from carto_desktop.choices import Project

pytest.importorskip("PySide6")


def households(tmp_path) -> Project:
    """One row per household (their ids): areas with 3 and 7 households are small counts of people."""
    rows = [{"pcode": code, "menage": f"HH-{code}-{i}"} for code, n in
            {"ML0101": 3, "ML0102": 12, "ML0103": 40, "ML0104": 7, "ML0201": 60}.items() for i in range(n)]
    path = tmp_path / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode")


def _show(window, qtbot, project: Project) -> None:
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.set_project(project)


def _pick(qtbot, window, combo, data) -> None:
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        combo.setCurrentIndex(combo.findData(data))
        combo.activated.emit(combo.currentIndex())


def test_style_step_threshold_is_a_plain_choice_that_says_whether_it_hides_anything(window, qtbot, tmp_path):
    """Issue 14: the app had no control for the small-count rule, and did not say it never hides organisations."""
    style = window.style_step
    _show(window, qtbot, households(tmp_path))
    combo = style.threshold_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [0, 3, 5, 10]
    assert combo.currentData() == 5
    assert "only counts of people" in style.threshold_help.text().lower()
    assert style.threshold_applies.text() == 'This map counts people: 1 area under 5 is shown as "fewer than 5".'
    _pick(qtbot, window, combo, 10)
    assert window.project.min_count == 10  # through an edit: one undo step
    assert style.threshold_applies.text() == 'This map counts people: 2 areas under 10 are shown as "fewer than 10".'
    _pick(qtbot, window, combo, 0)
    assert window.project.min_count == 0
    assert "every figure exactly" in style.threshold_applies.text()
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.undo()
    assert window.project.min_count == 10 and combo.currentData() == 10

    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()  # the Mali 3W: organisations per cercle
    assert style.threshold_applies.text() == "This map counts organisations: organisations are never hidden."
    assert not style.threshold_applies.isHidden()


def test_style_step_source_is_the_users_words_and_says_when_it_is_missing(window, qtbot, tmp_path):
    """Issue 14: the source credit could not be edited in the app, and nothing said the map read "source not
    given"."""
    from carto_desktop.project import build_map

    style = window.style_step
    _show(window, qtbot, households(tmp_path))  # no credits.json beside this table
    assert not style.source_missing.isHidden()
    assert "source not given" in style.source_missing.text()
    style.source_edit.setText("Enquête ménages, ONG Sahel, 2024")
    style.source_edit.textEdited.emit(style.source_edit.text())
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        style.commit_texts()
    assert window.project.data_credit == "Enquête ménages, ONG Sahel, 2024"
    assert style.source_missing.isHidden()
    texts = " ".join(t.get_text() for t in build_map(window.project).figure.findobj(
        lambda a: hasattr(a, "get_text")))
    assert "Enquête ménages, ONG Sahel, 2024" in texts and "source not given" not in texts

    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()  # its credits.json names the source
    assert style.source_missing.isHidden()
    assert window.project.data_credit is None
    assert "3W Mali, December 2023" in style.source_edit.placeholderText()


def _render_lines(table, bounds, folder, capsys) -> list[str]:
    """What `carto-desktop render` prints about the rows (the headline and its indented reasons)."""
    from carto_desktop import cli

    capsys.readouterr()
    assert cli.main(["render", "--table", str(table), "--boundaries", str(bounds), "--value", "In Need", "--agg",
                     "sum", "--dpi", "30", "-o", str(folder / "hno.png")]) == 0
    out = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(out) if "rows are on the map" in line)
    return [out[start]] + [line for line in out[start + 1:] if line.startswith("  ")]


def test_export_step_and_status_bar_say_which_rows_are_not_on_the_map(window, qtbot, real_data, tmp_path, capsys):
    """Issue 14: 1,270 of the Mali HNO's 1,323 rows were left off the map and the app said nothing; now the Export
    step and the status bar say it before export, in the very words `render` prints."""
    table, bounds = real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", real_data / "boundaries" / "mali_adm2.geojson"
    _show(window, qtbot, Project(table=table, boundaries=bounds, value_column="In Need", agg="sum"))
    printed = _render_lines(table, bounds, tmp_path, capsys)
    assert printed[0] == "53 of 1,323 rows are on the map." and len(printed) >= 3
    shown = window.export_step.rows_text().splitlines()
    assert [line.lstrip("\u2022 ").strip() for line in shown] == [line.strip() for line in printed]
    assert any("1,172 are breakdowns of the totals used" in line for line in shown)
    assert any("58 give only a larger area (Admin 1 PCode)" in line for line in shown)
    assert not window.export_step.rows_label.isHidden()
    assert window.rows_label.text() == "53 of 1,323 rows are on the map."
    assert "58 give only a larger area (Admin 1 PCode)" in window.rows_label.toolTip()

    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()
    assert window.rows_label.text() == "24,088 of 24,088 rows are on the map."
    assert window.export_step.rows_text().strip() == "24,088 of 24,088 rows are on the map."


def test_export_step_writes_the_maps_data_and_a_failure_is_a_dialog(window, qtbot, tmp_path):
    """Issue 14: "Export the map's data" (CSV/GeoPackage/GeoJSON), what volunteers continue with in Excel or QGIS;
    the file says what the map hides, and the app says so; a file that cannot be written is a dialog."""
    import geopandas as gpd

    _show(window, qtbot, households(tmp_path))
    step = window.export_step
    assert step.data_button.isEnabled()
    chosen = tmp_path / "chosen"  # what the file dialog returns, without a suffix: the filter's is added
    from PySide6.QtWidgets import QFileDialog

    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(chosen), "GeoPackage (*.gpkg)"))
    try:
        with qtbot.waitSignal(window.data_exported, timeout=90000) as done:
            step.data_button.click()
    finally:
        QFileDialog.getSaveFileName = original
    assert done.args == [str(chosen) + ".gpkg"]
    layer = gpd.read_file(done.args[0])
    assert len(layer) == 53 and layer.crs.to_epsg() == 4326
    row = layer.set_index("area_id").loc["ML0101"]
    assert pd.isna(row["value"]) and pd.isna(row["records"]) and row["shown"] == "fewer_than"  # as on the map
    assert layer.set_index("area_id").loc["ML0103", "shown"] == "value"
    assert step.data_label.text().startswith("Map data saved: chosen.gpkg")
    assert '1 area shown as "fewer than 5" on the map is written so in chosen.gpkg too, without its figure' in \
        step.data_label.text()

    (tmp_path / "a file").write_text("not a folder")
    with qtbot.waitSignal(window.failed, timeout=90000):
        window.export_data_to(tmp_path / "a file" / "data.csv")
    assert window.error_box.isVisible() and "data.csv" in window.error_box.text()
    assert "Traceback" not in window.error_box.text()
    assert step.data_label.text() == "The map's data was not written." and step.data_button.isEnabled()
    window.error_box.close()
    with qtbot.waitSignal(window.data_exported, timeout=90000):
        window.export_data_to(tmp_path / "data.csv")  # the app keeps working
    table = pd.read_csv(tmp_path / "data.csv", encoding="utf-8-sig")
    assert list(table.columns) == ["area_id", "area_name", "value", "records", "shown", "class", "colour", "note"]
    assert (table["shown"] == "no_data").sum() == 48


def test_the_maps_notices_reach_the_app_in_the_persons_language(window, qtbot, real_data):
    """Only the command line printed `MapResult.notices`: an app user never read that the HNO's breakdown rows were
    left out, nor that a title's Amharic letters print as empty boxes. The Export step lists them in the window's
    language (here English, the map French) and the status bar says how many, each in its tooltip."""
    table, bounds = real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", real_data / "boundaries" / "mali_adm2.geojson"
    _show(window, qtbot, Project(table=table, boundaries=bounds, value_column="In Need", agg="sum", lang="fr",
                                 title="Gambella ጋምቤላ", data_credit="OCHA HNO 2024"))
    shown = window.export_step.notices_text()
    assert "The table gives totals and their breakdowns: the map uses the 53 total rows" in shown, shown
    assert "show as empty boxes: ጋ ም ቤ ላ" in shown, shown
    assert "carrés vides" not in shown and "source" not in shown  # the person's language; the source has its line
    assert not window.export_step.notices_label.isHidden()
    assert "Notes on this map: 2" in window.notices_label.text() and not window.notices_label.isHidden()
    assert "empty boxes" in window.notices_label.toolTip()
    window.notices_label.linkActivated.emit("#export")
    assert window.steps.currentIndex() == 3

    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.open_sample_project()  # nothing to say about the sample map
    assert window.export_step.notices_label.isHidden() and window.notices_label.isHidden()
