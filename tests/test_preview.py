"""The app's previews: drawn at the size they are shown, and a preview asked for after another stops it."""
from multiprocessing import Pipe

import pytest

from carto_desktop.engine_messages import DrawHighlight, DrawPreview
from carto_desktop.gui import engine_tasks
from carto_desktop.project import sample_project


def test_the_page_is_drawn_to_fill_the_preview_not_at_a_fixed_resolution():
    from matplotlib.figure import Figure

    a4 = Figure(figsize=(11.69, 8.27))
    assert engine_tasks.screen_dpi(a4, (800, 600)) == pytest.approx(800 / 11.69)
    assert engine_tasks.screen_dpi(a4, (2000, 600)) == pytest.approx(600 / 8.27)  # the height limits
    assert engine_tasks.screen_dpi(a4, (100, 80)) == engine_tasks.MIN_PREVIEW_DPI  # still legible
    assert engine_tasks.screen_dpi(a4, (9000, 9000)) == engine_tasks.MAX_PREVIEW_DPI  # never a poster
    assert engine_tasks.screen_dpi(a4, None) == engine_tasks.PREVIEW_DPI


def test_a_preview_fills_the_size_asked_for():
    page = engine_tasks.preview(sample_project("en"), fit=(700, 500)).page
    assert page.width <= 700 and page.height <= 500
    assert min(700 - page.width, 500 - page.height) <= 2  # the page fills one side


def test_a_newer_preview_waiting_stops_the_one_being_made(monkeypatch):
    ours, theirs = Pipe()
    inbox = engine_tasks._Inbox(theirs)
    project = sample_project("en")
    ours.send((1, DrawHighlight(project, "ML0406")))
    assert not inbox.newer_preview_waits()  # an outline is no reason to stop a map
    ours.send((2, DrawPreview(project)))
    assert inbox.newer_preview_waits()
    assert [m[0] for m in (inbox.next(), inbox.next())] == [1, 2]  # nothing lost, in order

    monkeypatch.setattr(engine_tasks, "_newer_preview_waits", lambda: True)
    with pytest.raises(engine_tasks.Superseded):
        engine_tasks.preview(sample_project("en"))
    report = engine_tasks.error_report(engine_tasks.Superseded())
    assert report.superseded and not report.user


def test_a_preview_pauses_the_cycle_collector_and_always_gives_it_back(monkeypatch):
    """The person waits for a preview: no collection runs during it (they walked all the process keeps); the
    collector is on again after it, even when the preview fails, and for the other tasks (an atlas export)."""
    import gc

    from carto_desktop.engine_messages import ListTemplates

    seen = []

    def runner(task):
        seen.append((type(task).__name__, gc.isenabled()))
        if isinstance(task, DrawHighlight):
            raise RuntimeError("a bug")
        return None

    monkeypatch.setattr(engine_tasks, "run_task", runner)
    assert gc.isenabled()
    project = sample_project("en")
    assert engine_tasks.answer(1, DrawPreview(project))[1]
    assert not engine_tasks.answer(2, DrawHighlight(project, None))[1]
    assert engine_tasks.answer(3, ListTemplates())[1]
    assert seen == [("DrawPreview", False), ("DrawHighlight", False), ("ListTemplates", True)]
    assert gc.isenabled()


@pytest.mark.filterwarnings("ignore:Glyph")  # matplotlib's own per-letter warnings: what the notice replaces
def test_a_preview_carries_the_maps_notices_in_both_languages():
    """The window shows the engine's notices in the person's language, whatever the map's (it may switch)."""
    import pickle
    from dataclasses import replace

    notices = engine_tasks.preview(replace(sample_project("fr"), title="Gambella ጋምቤላ")).notices
    assert len(notices) == 1, notices
    assert "show as empty boxes: ጋ ም ቤ ላ" in notices[0].en and "carrés vides : ጋ ም ቤ ላ" in notices[0].fr
    from carto_desktop.project import build_map

    said = build_map(replace(sample_project("fr"), title="Gambella ጋምቤላ")).notices[0]
    assert "carrés vides" in said and pickle.loads(pickle.dumps(said)).text("en") == notices[0].en
    assert str(pickle.loads(pickle.dumps(said))) == said  # still the map's language for the command line
