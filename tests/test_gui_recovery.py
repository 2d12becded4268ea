"""Killing the app in the middle of an edit, then starting it again, offers that edit back."""
import os
import signal
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6")

from conftest import REPO  # noqa: E402

DRIVER = textwrap.dedent('''
    """Start the app as a user would, open the sample, type a title, then wait to be killed."""
    import sys

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import App, app_data_dir


    def main():
        qapp = QApplication(sys.argv)
        qapp.setApplicationName("Carto Desktop")
        qapp.setOrganizationName("Carto Desktop")
        app = App(qapp, "en", app_data_dir(), QSettings())
        window = app.window
        window.show()
        print("DATA", app_data_dir(), flush=True)

        def type_title():
            window.go_to_step(2)
            edit = window.style_step.title_edit
            edit.setText("Titre tapé juste avant la panne")
            edit.textEdited.emit(edit.text())  # as typing does; the edit is committed after a pause

        def saved():
            if window.project.title == "Titre tapé juste avant la panne":
                print("EDITED", flush=True)  # the edit is in the autosave; the test kills us now

        def loaded():
            window.project_changed.disconnect(loaded)
            window.autosaved.connect(saved)
            QTimer.singleShot(0, type_title)

        window.project_changed.connect(loaded)
        window.open_sample_project()
        qapp.exec()


    if __name__ == "__main__":
        main()
''')


def test_killed_during_an_edit_then_recovered(qtbot, tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(REPO)}
    app = subprocess.Popen([sys.executable, str(driver)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True, env=env, start_new_session=True)
    try:
        data_dir = None
        for line in app.stdout:
            if line.startswith("DATA "):
                data_dir = line[5:].strip()
            if line.startswith("EDITED"):
                break
        assert data_dir and app.poll() is None
    finally:
        os.killpg(app.pid, signal.SIGKILL)  # the app and its engine processes, as a power cut would
        app.wait(10)

    from carto_desktop.gui.main_window import MainWindow

    window = MainWindow(lang="en", data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    assert window.offer_recovery()
    assert window.recovery_box.isVisible()
    with qtbot.waitSignal(window.preview_ready, timeout=120000):
        window.recovery_box.button(window.recovery_box.StandardButton.Yes).click()
    assert window.project.title == "Titre tapé juste avant la panne"
    assert window.style_step.title_edit.text() == "Titre tapé juste avant la panne"
    assert window.dirty
    assert window.matched_label.text() == "24,088"
    window.shutdown()


def _autosave_of_sample(folder):
    from carto_desktop.project import sample_project
    from carto_desktop.project_file import Autosave, path_fields, project_to_dict

    data = project_to_dict(sample_project("en"))
    data["title"] = "Travail à ne pas perdre"
    autosave = Autosave(folder)
    autosave.write(data, None, path_fields())
    return autosave


def test_closing_the_recovery_question_unanswered_keeps_the_work(qtbot, tmp_path):
    """Issue 21 item 2: closing the app (or the question) before answering deleted the autosave."""
    from carto_desktop.gui.main_window import MainWindow

    autosave = _autosave_of_sample(tmp_path / "appdata")
    window = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.show()
    assert window.offer_recovery()
    window.recovery_box.reject()  # Escape, or the box closed with the window
    window.close()
    assert autosave.path.exists()
    assert "Travail à ne pas perdre" in autosave.path.read_text(encoding="utf-8")

    again = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(again)
    again.show()
    assert again.offer_recovery()
    again.recovery_box.button(again.recovery_box.StandardButton.No).click()  # "Start afresh": the only discard
    assert not autosave.path.exists()
    again.shutdown()


CRAFTED = {
    "version as text": lambda d: d.update(version="1"),
    "choices a list": lambda d: d.update(choices=[1]),
    "decisions a list": lambda d: d.update(decisions=["x"]),
    "an input a string": lambda d: d["inputs"].update(table="t.csv"),
    "a path a number": lambda d: d["inputs"]["table"].update(path=3),
    "created a number": lambda d: d["choices"].update(created=2024),
    "min_count as text": lambda d: d["choices"].update(min_count="five"),
    "roles a list": lambda d: d["choices"].update(roles=["a"]),
    "a folder with a sha256": lambda d: d["inputs"].update(table={"path": "/", "absolute": "/", "sha256": "0" * 64}),
    "a title of 50 million characters": lambda d: d["choices"].update(title="x" * 50_000_000),
}


def test_the_window_opens_with_any_autosave_and_keeps_it_until_discarded(qtbot, tmp_path):
    """Issue 21 items 3-4: the autosave shapes that made the app exit 1 at every start."""
    import json

    from carto_desktop.gui.main_window import MainWindow

    folder = tmp_path / "appdata"
    autosave = _autosave_of_sample(folder)
    good = json.loads(autosave.path.read_text(encoding="utf-8"))
    window = MainWindow(lang="en", data_dir=folder)
    qtbot.addWidget(window)
    window.show()
    reports = []
    window.show_failure = reports.append
    loaded = []
    window.project_changed.connect(lambda: loaded.append(1))
    for name, change in CRAFTED.items():
        doc = json.loads(json.dumps(good))
        change(doc)
        autosave.path.write_text(json.dumps(doc), encoding="utf-8")
        if window.offer_recovery():
            before = len(reports) + len(loaded)
            window.recovery_box.button(window.recovery_box.StandardButton.Yes).click()
            qtbot.waitUntil(lambda: len(reports) + len(loaded) > before, timeout=60000)
            assert all(r.user for r in reports), (name, reports[-1].summary)
        assert autosave.path.exists(), name  # never deleted without "Start afresh"
        assert window.isVisible()
    window.shutdown()


def test_carto_desktop_app_starts_with_a_damaged_autosave(tmp_path):
    """`carto-desktop app` exited 1 with a traceback at every start when the autosave's version was a list."""
    import json

    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
           "CARTO_DESKTOP_QUIT_AFTER_SHOWN": "1"}
    folder = tmp_path / "data" / "Carto Desktop" / "Carto Desktop"
    autosave = _autosave_of_sample(folder)
    doc = json.loads(autosave.path.read_text(encoding="utf-8"))
    doc["version"] = [1]
    autosave.path.write_text(json.dumps(doc), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "carto_desktop", "app"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert autosave.path.exists()


def test_a_project_naming_files_outside_its_folder_asks_before_reading_them(window, qtbot, tmp_path):
    """Issue 21 item 4: absolute and ../ input paths were followed silently (a project could read any file)."""
    import json
    import shutil

    from carto_desktop.project import sample_project
    from carto_desktop.project_file import save_project

    base = sample_project("en")
    inside, elsewhere = tmp_path / "projet", tmp_path / "ailleurs"
    inside.mkdir()
    elsewhere.mkdir()
    for p in (base.table, base.boundaries):
        shutil.copy(p, elsewhere / p.name)
    from dataclasses import replace

    path = save_project(inside / "carte.cartoproj", replace(base, table=elsewhere / base.table.name,
                                                           boundaries=elsewhere / base.boundaries.name))
    assert json.loads(path.read_text(encoding="utf-8"))["inputs"]["table"]["path"].startswith("../")
    loaded = []
    window.project_changed.connect(lambda: loaded.append(1))
    window.open_project_file(path)
    qtbot.waitUntil(lambda: window.outside_box is not None and window.outside_box.isVisible(), timeout=60000)
    assert str(elsewhere / base.table.name) in window.outside_box.text()
    assert not loaded  # nothing read before the user says so
    window.outside_box.button(window.outside_box.StandardButton.Open).click()
    qtbot.waitUntil(lambda: bool(loaded), timeout=60000)
    assert str(window.project.table) == str((elsewhere / base.table.name).resolve())
