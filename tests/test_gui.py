"""The app slice: open the sample project, see the preview, export a PDF."""
import pytest

pytest.importorskip("PySide6")

from carto_desktop.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot):
    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.pool.waitForDone(30000)


def test_steps_are_shown_as_a_flow(window):
    names = [window.step_buttons.button(i).text() for i in range(4)]
    assert names == ["1. Data", "2. Match", "3. Style", "4. Export"]
    window.step_buttons.button(2).click()
    assert window.steps.currentIndex() == 2


def test_sample_project_preview_then_pdf_export(window, qtbot, tmp_path):
    assert not window.preview.has_map()
    with qtbot.waitSignal(window.preview_ready, timeout=60000):
        window.sample_button.click()
    assert window.preview.has_map()
    assert window.preview.pixmap().width() > 300
    assert window.matched_label.text() == "24088"
    assert window.export_button.isEnabled()

    out = tmp_path / "exported.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=60000) as blocker:
        window.export_to(out)
    assert blocker.args == [str(out)]
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" not in data


def test_a_bad_file_shows_a_dialog_and_the_window_keeps_working(window, qtbot, tmp_path):
    from dataclasses import replace

    from carto_desktop.project import sample_project

    broken = replace(sample_project("en"), table=tmp_path / "missing.xlsx")
    with qtbot.waitSignal(window.failed, timeout=30000) as blocker:
        window.set_project(broken)
    assert "missing.xlsx" in blocker.args[0]
    assert window.error_box.isVisible()
    assert "does not exist" in window.error_box.text()
    window.error_box.close()
    with qtbot.waitSignal(window.preview_ready, timeout=60000):
        window.open_sample_project()
    assert window.preview.has_map()
