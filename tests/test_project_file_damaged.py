"""Project files and autosaves of any shape are a plain "damaged" message, never a crash (issue 21, items 3-4).

Built from the real sample project saved by Carto Desktop, each case changes one part the way a
damaged or crafted file does: a version as text, choices as a list, a 50-million-character
title, an input pointing at a folder or outside the project's folder.
"""
from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from carto_desktop.errors import DataError
from carto_desktop.project import sample_project
from carto_desktop.project_file import MAX_TEXT_CHARS, Autosave, read_project, save_project


def _set(path: tuple, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


SHAPES = {
    "version as text": _set(("version",), "1"),
    "version null": _set(("version",), None),
    "version a list": _set(("version",), [1]),
    "version NaN": _set(("version",), math.nan),
    "version 1e309": _set(("version",), "1e309-raw"),
    "choices a list": _set(("choices",), [1, 2]),
    "decisions a list": _set(("decisions",), ["a"]),
    "inputs a list": _set(("inputs",), ["table.csv"]),
    "an input a string": _set(("inputs", "table"), "table.csv"),
    "a path a number": _set(("inputs", "table", "path"), 12),
    "deep nesting": _set(("choices", "title"), "deep-raw"),
    "created a number": _set(("choices", "created"), 2024),
    "min_count as text": _set(("choices", "min_count"), "five"),
    "roles a list": _set(("choices", "roles"), ["Cercle"]),
    "classes a dict": _set(("choices", "classes"), {"n": 5}),
    "title too long": _set(("choices", "title"), "x" * (MAX_TEXT_CHARS + 1)),
    "title of 50 million characters": _set(("choices", "title"), "x" * 50_000_000),
}


def _write(doc: dict, path: Path) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    text = text.replace('"1e309-raw"', "1e309").replace('"deep-raw"', "[" * 100_000 + "1" + "]" * 100_000)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    base = sample_project("en")
    for p in (base.table, base.boundaries):
        shutil.copy(p, folder / p.name)
    from dataclasses import replace

    project = replace(base, table=folder / base.table.name, boundaries=folder / base.boundaries.name)
    path = save_project(folder / "map.cartoproj", project)
    return path, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", SHAPES)
def test_a_project_file_of_another_shape_is_damaged_not_a_crash(shape, saved):
    path, doc = saved
    doc = json.loads(json.dumps(doc))
    SHAPES[shape](doc)
    crafted = path.with_name(f"crafted-{shape.replace(' ', '_')}.cartoproj")
    _write(doc, crafted)
    with pytest.raises(DataError) as err:
        read_project(crafted).project()
    assert "damaged" in err.value.text("en")
    assert "endommagé" in err.value.text("fr")
    # an autosave of that shape is either not offered or offered and then refused the same way
    folder = crafted.parent / f"appdata-{shape.replace(' ', '_')}"
    folder.mkdir()
    shutil.copy(crafted, Autosave(folder).path)
    found = Autosave(folder).recover()
    if found is not None:
        with pytest.raises(DataError):
            found.project()


def test_an_input_that_is_a_folder_is_missing_not_hashed(saved, tmp_path):
    path, doc = saved
    doc = json.loads(json.dumps(doc))
    doc["inputs"]["table"] = {"path": "/usr", "absolute": "/usr", "sha256": "0" * 64}
    crafted = path.with_name("folder.cartoproj")
    _write(doc, crafted)
    opened = read_project(crafted)
    assert opened.missing_inputs == ["usr"]
    assert opened.changed_inputs == []


def test_inputs_outside_the_project_folder_are_listed_for_the_user(saved):
    path, doc = saved
    doc = json.loads(json.dumps(doc))
    doc["inputs"]["table"] = {"path": "../../../../../../../../etc/passwd", "absolute": "/etc/passwd"}
    crafted = path.with_name("outside.cartoproj")
    _write(doc, crafted)
    opened = read_project(crafted)
    assert opened.outside_inputs == [str(Path("/etc/passwd").resolve())]
    assert read_project(path).outside_inputs == []  # the project's own inputs beside it


def test_only_files_the_person_never_chose_are_asked_about(tmp_path):
    """Reopening one's own project asks nothing; a project naming files the person never chose asks."""
    from carto_desktop.project_file import inputs_to_confirm

    mine, theirs = tmp_path / "mine.xlsx", tmp_path / "elsewhere" / "secret.csv"
    mine.write_text("x"), theirs.parent.mkdir(), theirs.write_text("y")
    outside = [str(mine), str(theirs)]
    assert inputs_to_confirm(outside, [str(tmp_path / "." / "mine.xlsx"), None]) == [str(theirs)]
    assert inputs_to_confirm(outside, []) == outside
    # a project saved or opened before (a recent project) is the person's own
    mine_project = tmp_path / "p" / "mine.cartoproj"
    assert inputs_to_confirm(outside, [], project=mine_project, familiar_projects=[str(mine_project)]) == []
    assert inputs_to_confirm(outside, [], project=tmp_path / "other.cartoproj",
                             familiar_projects=[str(mine_project)]) == outside


def test_a_huge_input_is_not_hashed_when_the_project_opens(saved, tmp_path, monkeypatch):
    """Hashing is bounded: a 3 GB input (sparse here) is not read through when the project opens."""
    import carto_desktop.project_file as project_file

    path, doc = saved
    doc = json.loads(json.dumps(doc))
    big = path.parent / "huge.xlsx"
    with open(big, "wb") as f:
        f.truncate(3 * 1024 ** 3)
    doc["inputs"]["table"] = {"path": big.name, "sha256": "0" * 64}
    crafted = path.with_name("huge.cartoproj")
    _write(doc, crafted)
    import hashlib

    real_sha256 = hashlib.sha256
    hashed = []

    class Counting:
        def __init__(self):
            self.inner = real_sha256()

        def update(self, block):
            hashed.append(len(block))
            self.inner.update(block)

        def hexdigest(self):
            return self.inner.hexdigest()

    monkeypatch.setattr(project_file.hashlib, "sha256", Counting)
    opened = read_project(crafted)
    assert sum(hashed) < 50 * 1024 ** 2  # the boundary file only, never the 3 GB
    assert opened.changed_inputs == [] and opened.missing_inputs == []
    big.unlink()


def test_the_shipped_sample_data_is_not_an_outside_file(saved, tmp_path):
    """The sample's own table and boundaries (shipped with the app) need no question when a project names them."""
    from carto_desktop.project import sample_project

    path = save_project(tmp_path / "elsewhere" / "sample.cartoproj", sample_project("en"))
    assert read_project(path).outside_inputs == []
