"""When the window asks for previews: a change after a pause is drawn at once (no waiting on a
timer), a burst of changes (typing a title) ends with a preview of its last change, and a map made
for an older project is never shown."""
from dataclasses import replace

from carto_desktop.choices import Project
from carto_desktop.gui.map_requests import PREVIEW_DELAY_MS, MapRequests


class Engine:
    """Records what the window asks for; the test answers."""

    def __init__(self) -> None:
        self.asked: list = []

    def submit(self, task, on_done=None, on_error=None) -> None:
        self.asked.append((task, on_done, on_error))


def test_a_change_after_a_pause_is_asked_at_once_and_a_burst_ends_with_its_last_change(qtbot):
    engine = Engine()
    maps = MapRequests(engine, "en")
    shown = []
    maps.preview_ready.connect(shown.append)
    first = Project(table="3w.xlsx", boundaries="cercles.gpkg")
    maps.changed(first)
    assert [task.project for task, *_ in engine.asked] == [first]  # a click: drawn without waiting
    typed = [replace(first, title="P"), replace(first, title="Pa"), replace(first, title="Partners")]
    for project in typed:  # keystrokes closer than the delay
        maps.changed(project)
    assert len(engine.asked) == 1 and not maps.idle()
    engine.asked[0][1]("map of the first project")  # its answer comes: stale, never shown
    assert shown == []
    qtbot.waitUntil(lambda: len(engine.asked) == 2, timeout=20 * PREVIEW_DELAY_MS)
    assert engine.asked[1][0].project == typed[-1]  # one more preview, of the last keystroke
    engine.asked[1][1]("map of the typed title")
    assert shown == ["map of the typed title"] and maps.idle()
    qtbot.wait(3 * PREVIEW_DELAY_MS)
    assert len(engine.asked) == 2  # nothing asked twice
    later = replace(first, palette="Blues")
    qtbot.wait(2 * PREVIEW_DELAY_MS)
    maps.changed(later)  # after a pause: at once again
    assert engine.asked[-1][0].project == later and len(engine.asked) == 3
