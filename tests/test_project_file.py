"""Project files: inputs by relative path with a checksum, choices, decisions; autosave; undo."""
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from carto_desktop.errors import DataError
from carto_desktop.project import Project, sample_project
from carto_desktop.project_file import (
    Autosave, History, open_project, path_fields, project_from_dict, project_to_dict, read_project, save_project,
)


@pytest.fixture
def moved_inputs(tmp_path):
    """The sample's two inputs copied next to a project folder, as a user keeps them."""
    sample = sample_project("fr")
    data = tmp_path / "mission" / "data"
    data.mkdir(parents=True)
    table = shutil.copy(sample.table, data / Path(sample.table).name)
    layer = shutil.copy(sample.boundaries, data / Path(sample.boundaries).name)
    return replace(sample, table=Path(table), boundaries=Path(layer), title="Présence des partenaires",
                   scheme="natural_breaks", classes=4, palette="Blues", created=date(2024, 1, 31))


def test_saved_project_reopens_with_every_choice(moved_inputs, tmp_path):
    path = save_project(tmp_path / "mission" / "carte.cartoproj", moved_inputs, {"Tombouctu": "ML0701"})
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["inputs"]["table"]["path"] == "data/mali_3w_2023-12.xlsx"
    assert len(doc["inputs"]["table"]["sha256"]) == 64
    assert doc["choices"]["title"] == "Présence des partenaires"
    assert doc["version"] == 2 and "decisions" not in doc  # the decisions are kept once, with the other choices
    assert doc["choices"]["decisions"] == {"Tombouctu": "ML0701"}
    project, opened = open_project(path)
    assert project == replace(moved_inputs, decisions={"Tombouctu": "ML0701"})
    assert opened.decisions == {"Tombouctu": "ML0701"}
    assert opened.changed_inputs == [] and opened.missing_inputs == []


def test_moving_the_whole_folder_keeps_the_inputs(moved_inputs, tmp_path):
    save_project(tmp_path / "mission" / "carte.cartoproj", moved_inputs)
    shutil.move(tmp_path / "mission", tmp_path / "elsewhere")
    shutil.rmtree(tmp_path / "mission", ignore_errors=True)
    project, opened = open_project(tmp_path / "elsewhere" / "carte.cartoproj")
    assert project.table == (tmp_path / "elsewhere" / "data" / "mali_3w_2023-12.xlsx").resolve()
    assert opened.missing_inputs == []


def test_a_changed_input_is_reported(moved_inputs, tmp_path):
    path = save_project(tmp_path / "mission" / "carte.cartoproj", moved_inputs)
    with open(moved_inputs.boundaries, "ab") as f:
        f.write(b"\n")
    assert read_project(path).changed_inputs == ["mali_adm2.geojson"]


def test_missing_input_and_damaged_file(moved_inputs, tmp_path):
    path = save_project(tmp_path / "mission" / "carte.cartoproj", moved_inputs)
    Path(moved_inputs.table).unlink()
    assert read_project(path).missing_inputs == ["mali_3w_2023-12.xlsx"]
    bad = tmp_path / "bad.cartoproj"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_project(bad)
    assert "bad.cartoproj" in info.value.text("fr") and "endommagé" in info.value.text("fr")


def test_dict_form_round_trips_and_ignores_unknown_fields(moved_inputs):
    data = project_to_dict(moved_inputs)
    assert json.loads(json.dumps(data)) == data
    assert project_from_dict({**data, "field_from_the_future": 1}) == moved_inputs
    assert project_from_dict({"table": data["table"], "boundaries": data["boundaries"]}).agg == Project(
        table=Path("t"), boundaries=Path("b")).agg
    assert path_fields() >= {"table", "boundaries"}


def test_autosave_is_offered_back_until_cleared(moved_inputs, tmp_path):
    autosave = Autosave(tmp_path / "appdata")
    assert autosave.recover() is None
    data = {**project_to_dict(moved_inputs), "title": "Titre en cours de saisie"}
    autosave.write(data, {"Tombouctu": "ML0701"}, path_fields(), saved_from=tmp_path / "carte.cartoproj")
    recovered = autosave.recover()
    assert recovered.project().title == "Titre en cours de saisie"
    assert recovered.decisions == {"Tombouctu": "ML0701"}
    assert recovered.saved_from == str(tmp_path / "carte.cartoproj")
    autosave.clear()
    assert autosave.recover() is None


def test_undo_redo():
    history = History()
    history.push("a")
    history.push("b")
    assert history.undo("c") == "b"
    assert history.undo("b") == "a"
    assert history.undo("a") is None
    assert history.redo("a") == "b"
    history.push("b")  # a new edit forgets what could be redone
    assert not history.can_redo and history.can_undo


@pytest.mark.parametrize("in_choices", [{}, {"Tombouctu": "ML0701"}])
def test_a_version_1_file_opens_with_its_decisions_once(moved_inputs, tmp_path, in_choices):
    """Version 1 kept the decisions beside the choices (and, from the app, in them too)."""
    path = save_project(tmp_path / "mission" / "carte.cartoproj", moved_inputs)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 1
    doc["decisions"] = {"Tombouctu": "ML0701"}
    doc["choices"]["decisions"] = in_choices
    path.write_text(json.dumps(doc), encoding="utf-8")
    project, opened = open_project(path)
    assert project.decisions == {"Tombouctu": "ML0701"} and opened.decisions == {"Tombouctu": "ML0701"}
    again = json.loads(save_project(path, project).read_text(encoding="utf-8"))
    assert again["version"] == 2 and "decisions" not in again


def test_a_file_of_a_newer_version_is_refused_plainly(moved_inputs, tmp_path):
    path = save_project(tmp_path / "carte.cartoproj", moved_inputs)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 3
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="newer version"):
        read_project(path)
