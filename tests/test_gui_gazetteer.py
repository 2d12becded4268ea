"""The Match step's "Places (villages, towns)" chooser: an NGO's own list of villages places
their rows, is saved relative to the project and found again from a copied folder; "None"
turns it off; a list without coordinates is a plain error, not a crash."""
import json
import shutil

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog  # noqa: E402

from carto_desktop.gui.main_window import MainWindow  # noqa: E402

WAIT = 120000


def _folder(root):
    """A project folder: made-up villages placed at real points of Kita's cercle (Mali), and a table naming them."""
    data = root / "data"
    data.mkdir(parents=True)
    (data / "villages.csv").write_text("name,lat,lon\nZorbidougou,13.30,-9.40\nQuexibala,13.05,-9.45\n",
                                       encoding="utf-8")
    (data / "activites.csv").write_text(
        "Village,Partenaire\n" + "".join(f"{v},Org {i}\n" for i, v in enumerate(
            ["Zorbidougou"] * 3 + ["Quexibala"] * 2 + ["Kita", "Bafoulabé"])), encoding="utf-8")
    return data


def _choose(window, qtbot, index):
    combo = window.match_step.places_combo
    with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)


def test_own_list_of_villages_places_rows_is_saved_relative_and_can_be_turned_off(qtbot, tmp_path, monkeypatch):
    from carto_desktop.paths import sample_data_dir
    from carto_desktop.project import Project

    first = tmp_path / "first"
    data = _folder(first)
    boundaries = first / "mali_adm2.geojson"
    shutil.copy(sample_data_dir() / "mali_adm2.geojson", boundaries)
    window = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
        window.set_project(Project(table=data / "activites.csv", boundaries=boundaries, key_column="Village",
                                   lang="en"))
    window.go_to_step(1)
    step = window.match_step
    assert step.places_combo.currentText() == "GeoNames (built in)"
    assert step.matched_label.text() == "2"  # the made-up villages are in no public list

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(data / "villages.csv"), ""))
    _choose(window, qtbot, 2)
    assert window.project.gazetteer == str(data / "villages.csv")
    assert (step.matched_label.text(), step.review_label.text(), step.unmatched_label.text()) == ("7", "0", "0")
    assert step.places_combo.currentText() == "My list: villages.csv"

    path = first / "villages.cartoproj"
    with qtbot.waitSignal(window.saved, timeout=WAIT):
        window.save_project_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["inputs"]["gazetteer"]["path"] == "data/villages.csv"
    window.shutdown()

    # the folder sent to a colleague: the list is found beside the project, not at the old place
    second = tmp_path / "second"
    shutil.copytree(first, second)
    shutil.rmtree(first)
    again = MainWindow(lang="en", data_dir=tmp_path / "appdata2")
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.preview_ready, timeout=WAIT):
        again.open_project_file(second / "villages.cartoproj")
    step = again.match_step
    assert again.project.gazetteer == str((second / "data" / "villages.csv").resolve())
    assert (step.matched_label.text(), step.places_combo.currentText()) == ("7", "My list: villages.csv")

    _choose(again, qtbot, 1)  # "None": names only
    assert again.project.gazetteer is None
    assert (step.matched_label.text(), step.places_combo.currentText()) == ("2", "None")
    with qtbot.waitSignal(again.preview_ready, timeout=WAIT):
        again.undo()
    assert (step.matched_label.text(), step.places_combo.currentText()) == ("7", "My list: villages.csv")

    # a list without coordinates: the plain error dialog, and the window carries on
    bad = second / "data" / "sans_gps.csv"
    bad.write_text("village,region\nZorbidougou,Kayes\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    with qtbot.waitSignal(again.failed, timeout=WAIT) as failure:
        step.places_combo.setCurrentIndex(2)
        step.places_combo.activated.emit(2)
    assert "latitude and longitude" in failure.args[0]
    assert again.error_box is not None
    again.shutdown()


def test_the_list_of_places_is_an_input_only_when_it_is_a_file(tmp_path):
    from carto_desktop.project import Project
    from carto_desktop.project_file import open_project, save_project

    own = tmp_path / "lists" / "villages.csv"
    own.parent.mkdir()
    own.write_text("name,lat,lon\nZorbidougou,13.30,-9.40\n", encoding="utf-8")
    for value, choice in (("geonames", "geonames"), (None, None), (str(own), None)):
        path = save_project(tmp_path / "p.cartoproj", Project(table=own, boundaries=own, gazetteer=value))
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["choices"].get("gazetteer") == choice
        assert ("gazetteer" in doc["inputs"]) == (choice is None and value is not None)
        assert open_project(path)[0].gazetteer == (str(own.resolve()) if value == str(own) else value)
    assert doc["inputs"]["gazetteer"]["path"] == "lists/villages.csv"
