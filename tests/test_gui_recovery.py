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
            if window.project.get("title") == "Titre tapé juste avant la panne":
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
    assert window.project["title"] == "Titre tapé juste avant la panne"
    assert window.style_step.title_edit.text() == "Titre tapé juste avant la panne"
    assert window.dirty
    assert window.matched_label.text() == "24088"
    window.shutdown()
