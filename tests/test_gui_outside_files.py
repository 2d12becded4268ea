"""A project file from elsewhere shows the files outside its folder before they are read; one's own does not ask."""
from __future__ import annotations

import shutil

from conftest import SAMPLE

WAIT = 120_000


def test_a_project_naming_files_never_chosen_asks_first_and_cancel_opens_nothing(window, qtbot, tmp_path):
    from carto_desktop.project import Project
    from carto_desktop.project_file import save_project

    data, project_dir = tmp_path / "data", tmp_path / "received"
    data.mkdir(), project_dir.mkdir()
    for name in ("mali_3w_2023-12.xlsx", "mali_adm2.geojson"):
        shutil.copy(SAMPLE / name, data / name)
    path = project_dir / "from_a_stranger.cartoproj"
    save_project(path, Project(table=data / "mali_3w_2023-12.xlsx", boundaries=data / "mali_adm2.geojson", lang="en"))

    window.open_project_file(path)
    qtbot.waitUntil(lambda: window.outside_box is not None and window.outside_box.isVisible(), timeout=WAIT)
    text = window.outside_box.text()
    assert "mali_3w_2023-12.xlsx" in text and "mali_adm2.geojson" in text
    window.outside_box.reject()  # Cancel: nothing is read, no project is open
    qtbot.wait(200)
    assert window.project is None or not window.project.table


def _save_own_project(window, qtbot, folder) -> object:
    """The sample opened in `window` and saved in a folder of its own, away from the data."""
    from carto_desktop.project import Project

    with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
        window.set_project(Project(table=SAMPLE / "mali_3w_2023-12.xlsx", boundaries=SAMPLE / "mali_adm2.geojson",
                                   lang="en"))
    path = folder / "elsewhere" / "mine.cartoproj"
    path.parent.mkdir()
    with qtbot.waitSignal(window.saved, timeout=WAIT):
        window.save_project_as(path)
    return path


def test_reopening_ones_own_project_asks_nothing(window, qtbot, tmp_path):
    path = _save_own_project(window, qtbot, tmp_path)
    with qtbot.waitSignals([window.table_ready, window.preview_ready], timeout=WAIT):
        window.open_project_file(path)
    assert window.outside_box is None


def test_a_project_saved_in_an_earlier_session_opens_without_the_question(qtbot, tmp_path):
    from carto_desktop.gui.main_window import MainWindow

    first = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(first)
    path = _save_own_project(first, qtbot, tmp_path)
    first.shutdown()
    again = MainWindow(lang="en", data_dir=tmp_path / "appdata")  # a new session, the same app data
    qtbot.addWidget(again)
    try:
        with qtbot.waitSignals([again.table_ready, again.preview_ready], timeout=WAIT):
            again.open_project_file(path)
        assert again.outside_box is None
    finally:
        again.shutdown()
