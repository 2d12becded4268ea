"""The Match step's review table, driven as a person would: search, look at a candidate on the
map preview, accept it in one click, save, reopen and find the decision applied."""
import numpy as np
import pytest

pytest.importorskip("PySide6")

from carto_desktop.gui.main_window import MainWindow  # noqa: E402

WAIT = 120000
SEGOU = "ML0406"


@pytest.fixture(scope="module")
def typed_table(tmp_path_factory):
    """Every cercle of the sample boundaries twice, "Ségou" typed "Seguo" and "Mopti" "Mopt"."""
    import geopandas as gpd
    import pandas as pd

    from carto_desktop.paths import sample_data_dir

    names = gpd.read_file(sample_data_dir() / "mali_adm2.geojson")["adm2_name"].tolist()
    typed = {"Ségou": "Seguo", "Mopti": "Mopt"}
    cercles = [typed.get(n, n) for n in names for _ in range(2)] + ["Seguo"] * 3
    path = tmp_path_factory.mktemp("typed") / "typed.csv"
    pd.DataFrame({"Cercle": cercles, "Partenaire": [f"Org {i % 7}" for i in range(len(cercles))]}).to_csv(
        path, index=False)
    return path, len(names)


def _pixels(result):
    page = result.page
    return np.frombuffer(page.pixels, np.uint8).reshape(page.height, page.width, 4)


def _open(window, qtbot, project):
    with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
        window.set_project(project)
    window.go_to_step(1)


def test_review_search_highlight_accept_save_reopen(qtbot, tmp_path, typed_table):
    from carto_desktop.paths import sample_data_dir
    from carto_desktop.project import Project

    typed_table, n_areas = typed_table
    matched = 2 * (n_areas - 2)  # every cercle twice, but for the two typed ones

    window = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.show()
    _open(window, qtbot, Project(table=typed_table, boundaries=sample_data_dir() / "mali_adm2.geojson",
                                 key_column="Cercle", lang="en"))
    step = window.match_step
    assert step.visible_values() == ["Seguo", "Mopt"]  # the most rows first
    assert (step.matched_label.text(), step.review_label.text()) == (str(matched), "7")
    assert step.review_table.item(0, 2).text() == "Spelled differently"  # why, in a few words
    assert step.review_table.cellWidget(0, 4).text() == "✓ Ségou"  # the best suggestion, one click away
    assert window.counts_label.text() == f"Matched: {matched} · to review: 7 · not found: 0"

    # search: by the value typed, or by a suggested area's name without its accent
    step.search_edit.setText("mop")
    assert step.visible_values() == ["Mopt"]
    step.search_edit.setText("segou")
    assert step.visible_values() == ["Seguo"]
    step.search_edit.clear()
    assert step.visible_values() == ["Seguo", "Mopt"]

    # selecting a line outlines its best candidate, Ségou, where Ségou lies on the page
    plain = _pixels(window.last_preview)
    with qtbot.waitSignal(window.highlight_ready, timeout=WAIT) as shown:
        step.review_table.selectRow(0)
    assert shown.args == [SEGOU]
    assert step.detail_label.text().startswith(
        "“Seguo” (rows: 5) — The spelling is close to an area's name, but not close enough to be sure. "
        "Suggestions: Ségou (80 %)")
    x0, y0, x1, y1 = window.last_preview.page.highlight_box
    changed = (_pixels(window.last_preview) != plain).any(axis=2)
    assert changed[y0:y1, x0:x1].sum() > 200  # the bold outline
    assert changed.sum() - changed[max(0, y0 - 30):y1 + 30, max(0, x0 - 30):x1 + 30].sum() == 0  # nothing else

    # moving over another area in the line's chooser outlines that one; closing the list goes back
    chooser = step.review_table.cellWidget(0, 3)
    with qtbot.waitSignal(window.highlight_ready, timeout=WAIT) as shown:
        chooser.highlighted.emit(chooser.findData("ML0506"))
    assert shown.args == ["ML0506"]  # Mopti
    with qtbot.waitSignal(window.highlight_ready, timeout=WAIT) as shown:
        chooser.popup_closed.emit()
    assert shown.args == [SEGOU]

    # one click accepts it: counts, decisions and the map follow
    with qtbot.waitSignal(window.preview_ready, timeout=WAIT):
        step.accept(0)
    assert window.project.decisions == {"Seguo": SEGOU}
    assert (step.matched_label.text(), step.review_label.text(), step.decided_label.text()) == (str(matched + 5), "2", "1")
    assert step.visible_values() == ["Mopt"]
    after = _pixels(window.last_preview)
    assert (after[y0:y1, x0:x1] != plain[y0:y1, x0:x1]).any(axis=2).mean() > 0.2  # Ségou now has data

    # leaving the step takes the outline away
    with qtbot.waitSignal(window.highlight_ready, timeout=WAIT):
        window.go_to_step(2)
    assert window.last_preview.page.highlight is None

    # saved and reopened: the decision is applied again
    path = tmp_path / "typed.cartoproj"
    with qtbot.waitSignal(window.saved, timeout=WAIT):
        window.save_project_as(path)
    window.shutdown()
    again = MainWindow(lang="en", data_dir=tmp_path / "appdata")
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.preview_ready, timeout=WAIT):
        again.open_project_file(path)
    assert again.project.decisions == {"Seguo": SEGOU}
    assert (again.match_step.review_label.text(), again.match_step.visible_values()) == ("2", ["Mopt"])
    again.shutdown()


def test_match_counts_are_written_as_the_language_writes_numbers(qtbot):
    """A 24,088-row 3W read "Appariées : 24088" in the French status bar and Match step."""
    from carto_desktop.engine_messages import MatchCounts, MatchShown
    from carto_desktop.gui.match_step import MatchStep

    step = MatchStep()
    qtbot.addWidget(step)
    step.show_match(MatchShown("pcode", MatchCounts(24088, 1200, 3), (), ()), {}, "fr")
    assert step.matched_label.text() == "24\u202f088" and step.review_label.text() == "1\u202f200"
    step.show_match(MatchShown("pcode", MatchCounts(24088, 1200, 3), (), ()), {}, "en")
    assert step.matched_label.text() == "24,088"
    from carto_desktop.engine_messages import InBoth, ReviewLine

    why = InBoth("The spelling is close.", "L'orthographe est proche.")
    line = ReviewLine("Mopt", "review", 1553, (), why, InBoth("Spelled differently", "Orthographe différente"))
    step.show_match(MatchShown("pcode", MatchCounts(24088, 1553, 0), (line,), ()), {}, "fr")
    assert step.review_table.item(0, 1).text() == "1\u202f553"  # the rows of a name to review, too
    assert step.notes_label.isHidden()  # nothing read differently: nothing said
    zeros = InBoth("2 rows write their P-code as a number", "2 lignes écrivent leur P-code comme un nombre")
    step.show_match(MatchShown("pcode", MatchCounts(2, 0, 0), (), (), (zeros,)), {}, "fr")
    assert not step.notes_label.isHidden() and step.notes_label.text() == zeros.fr
