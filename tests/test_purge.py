"""`carto-desktop purge` also takes the project out of the app's recent projects, and says so."""
from __future__ import annotations

import json

from carto_desktop import cli
from carto_desktop.privacy.purge import purge_project
from carto_desktop.project import Project
from carto_desktop.project_file import Autosave, path_fields, save_project
from carto_desktop.recent_projects import RECENT_NAME, RecentProjects
from conftest import REPO

SURVEY = REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv"
BOUNDARIES = REPO / "sample_data" / "mali_adm2.geojson"


def test_recent_projects_are_a_small_file_newest_first(tmp_path):
    recent = RecentProjects(tmp_path / "data", limit=3)
    assert recent.paths() == []  # no file yet
    for name in ("a", "b", "c", "b", "d"):
        recent.remember(tmp_path / f"{name}.cartoproj")
    assert [p.rsplit("/", 1)[-1] for p in recent.paths()] == ["d.cartoproj", "b.cartoproj", "c.cartoproj"]
    assert json.loads((tmp_path / "data" / RECENT_NAME).read_text(encoding="utf-8"))["version"] == 1
    assert recent.forget(tmp_path / "sub" / ".." / "b.cartoproj") and not recent.forget(tmp_path / "zz.cartoproj")
    assert len(recent.paths()) == 2
    (tmp_path / "data" / RECENT_NAME).write_text("{not json", encoding="utf-8")
    assert recent.paths() == []  # an unreadable list is an empty one, never an error


def test_purge_takes_the_project_out_of_the_recent_projects_and_says_so(tmp_path, capsys):
    data = tmp_path / "app-data"
    mine = save_project(tmp_path / "menages.cartoproj", Project(table=SURVEY, boundaries=BOUNDARIES))
    other = save_project(tmp_path / "autre.cartoproj", Project(table=SURVEY, boundaries=BOUNDARIES))
    recent = RecentProjects(data)
    recent.remember(other)
    recent.remember(mine)
    Autosave(data).write({"table": str(SURVEY)}, None, path_fields(), saved_from=mine)

    assert cli.main(["purge", str(mine), "--data-folder", str(data), "--lang", "fr"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Supprimé : {data / 'autosave.cartoproj'}",
                   f"Retiré des projets récents de l'application ({data / RECENT_NAME})."]
    assert recent.paths() == [str(other.resolve())]  # the other project stays listed
    assert mine.exists() and other.exists()  # the projects themselves are the user's

    purged = purge_project(mine, data)  # nothing left to do
    assert not purged and purged.lines("en") == [
        f"Nothing to remove for {mine}: no autosave, recovery or temporary file, and not in the recent projects."]


def test_the_window_lists_what_the_file_holds_and_purge_is_seen_at_next_start(qtbot, tmp_path):
    import pytest

    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from carto_desktop.gui.main_window import MainWindow

    data = tmp_path / "app-data"
    project = save_project(tmp_path / "menages.cartoproj", Project(table=SURVEY, boundaries=BOUNDARIES))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent", [str(project)])  # as older versions kept it
    window = MainWindow(lang="en", data_dir=data, settings=settings)
    qtbot.addWidget(window)
    window.shutdown()
    assert [a.text() for a in window.recent_menu.actions()] == ["menages.cartoproj"]
    assert RecentProjects(data).paths() == [str(project)] and not settings.contains("recent")  # moved to the file

    purge_project(project, data)
    again = MainWindow(lang="en", data_dir=data, settings=settings)
    qtbot.addWidget(again)
    again.shutdown()
    assert again.recent_menu.actions() == [] and again.start_page.recent_list.count() == 0
