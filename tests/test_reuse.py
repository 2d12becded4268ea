"""The app's engine process keeps inputs and matches between maps: restyling never reads or matches
again, a changed file or a matching choice does, and the maps are the same as made from scratch."""
import os
import shutil
from dataclasses import replace

import numpy as np
import pytest

from carto_desktop import reuse
from carto_desktop import project as project_module
from carto_desktop.project import build_map, sample_project


@pytest.fixture
def keeping(monkeypatch):
    """Keeping on, and a count of the files read and the matches made."""
    calls = {"table": 0, "layer": 0, "match": 0}

    def counted(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(project_module, "read_table", counted("table", project_module.read_table))
    monkeypatch.setattr(project_module, "read_layer", counted("layer", project_module.read_layer))
    monkeypatch.setattr(project_module, "_run_match", counted("match", project_module._run_match))
    reuse.keep_between_maps(True)
    yield calls
    reuse.keep_between_maps(False)


def _values(result):
    return result.data.areas["value"].to_numpy()


def test_restyling_reads_and_matches_nothing_again_and_draws_the_same_map(keeping, tmp_path):
    table = tmp_path / "3w.xlsx"
    shutil.copy(sample_project("en").table, table)
    project = replace(sample_project("en"), table=table)
    first = build_map(project)
    assert keeping == {"table": 1, "layer": 1, "match": 1}
    for edit in ({"palette": "Blues"}, {"classes": 4}, {"title": "Partners per cercle"}, {"lang": "fr"},
                 {"template": "symbols"}):
        again = build_map(replace(project, **edit))
        assert keeping == {"table": 1, "layer": 1, "match": 1}, edit
        np.testing.assert_array_equal(_values(again), _values(first))
    counted = build_map(replace(project, agg="count"))  # aggregated again, from the kept match
    assert keeping == {"table": 1, "layer": 1, "match": 1}
    assert counted.data.areas["value"].sum() == first.match.counts["matched"]
    reuse.keep_between_maps(False)
    fresh = build_map(replace(project, palette="Blues"))
    np.testing.assert_array_equal(_values(fresh), _values(first))
    reuse.keep_between_maps(True)


def test_a_changed_file_or_matching_choice_is_read_or_matched_again(keeping, tmp_path):
    table = tmp_path / "3w.xlsx"
    shutil.copy(sample_project("en").table, table)
    project = replace(sample_project("en"), table=table)
    first = build_map(project)
    some_value = first.match.rows[first.match.key_column].iloc[0]
    other_area = first.data.areas[first.match.keys.id_column].iloc[-1]
    decided = build_map(replace(project, decisions={str(some_value): str(other_area)}))
    assert keeping["match"] == 2 and keeping["table"] == 1  # a decision matches again, from the kept table
    assert (decided.match.rows["match_id"] == other_area).sum() > (first.match.rows["match_id"] == other_area).sum()
    stat = table.stat()
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the person saved the workbook again
    build_map(project)
    assert keeping["table"] == 2 and keeping["match"] == 3


def test_what_a_map_does_to_its_inputs_never_reaches_the_next(keeping):
    project = sample_project("en")
    first = build_map(project)
    first.table.data.iloc[:, 0] = "changed"
    first.match.rows["match_id"] = None
    again = build_map(project)
    assert (again.table.data.iloc[:, 0] != "changed").all()
    assert again.match.rows["match_id"].notna().any()


def test_the_command_line_keeps_nothing():
    assert not reuse._on


def _pixels(project, dpi=60):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = build_map(project).figure
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def test_a_restyled_preview_reuses_the_pages_shapes_and_looks_the_same_as_drawn_afresh(keeping, monkeypatch):
    """Projected, simplified and dissolved areas and the neighbours cut along the outline are kept
    between previews (`reuse.kept_shapes`), text sizes and the outlines of haloed names too
    (`keep_text_sizes`, `keep_text_paths`): the page is the same."""
    from carto_desktop.carto import page

    project = sample_project("en")
    edits = [{"palette": "Greens"}, {"classes": 4}, {"title": "Partners per cercle"}]
    reuse.keep_between_maps(False)
    afresh = [_pixels(replace(project, **edit)) for edit in edits]
    reuse.keep_between_maps(True)
    worked_out = {"neighbours": 0, "outlines": 0}
    real_neighbours, real_union = page._neighbour_shapes, page._union
    monkeypatch.setattr(page, "_neighbour_shapes", lambda *a: worked_out.__setitem__(
        "neighbours", worked_out["neighbours"] + 1) or real_neighbours(*a))
    monkeypatch.setattr(page, "_union", lambda g: worked_out.__setitem__(
        "outlines", worked_out["outlines"] + 1) or real_union(g))
    import matplotlib.text as mtext

    from matplotlib.textpath import TextToPath

    from carto_desktop.carto.labels import keep_text_paths, keep_text_sizes

    monkeypatch.setattr(mtext, "_get_text_metrics_with_cache", mtext._get_text_metrics_with_cache)  # put back after
    monkeypatch.setattr(TextToPath, "get_text_path", TextToPath.get_text_path)
    keep_text_sizes()
    keep_text_paths()
    _pixels(project)
    first = dict(worked_out)
    assert first["neighbours"] == 1 and first["outlines"] > 1  # the country's outline and each region's
    kept = [_pixels(replace(project, **edit)) for edit in edits[:2]]
    assert worked_out == first  # a palette or a class edit: nothing worked out again
    kept.append(_pixels(replace(project, **edits[2])))  # a new title moves the frame: the neighbours again
    for edit, a, b in zip(edits, afresh, kept):
        np.testing.assert_array_equal(a, b, err_msg=str(edit))


def test_the_share_check_of_a_restyled_preview_is_the_one_made_afresh(keeping):
    """The personal-data detection is kept with the table between previews: the check says the same."""
    from carto_desktop.gui.engine_tasks import _share_check
    from carto_desktop.privacy.check import share_check

    project = sample_project("en")
    first = _share_check(project, build_map(project), "en")
    restyled = replace(project, palette="Greens", personal_columns={"Nom Organisation": True})
    again = _share_check(restyled, build_map(restyled), "en")
    reuse.keep_between_maps(False)
    from carto_desktop.gui.engine_tasks import check_shown

    assert first == check_shown(share_check(project, build_map(project), lang="en"))
    assert again == check_shown(share_check(restyled, build_map(restyled), lang="en"))
    assert again != first  # the person's word on a column changes the check
    reuse.keep_between_maps(True)


@pytest.mark.parametrize("base", [{}, {"lang": "fr", "page": "square_1080"}], ids=["A4", "card"])
def test_a_recoloured_or_retitled_preview_is_the_page_drawn_afresh(keeping, monkeypatch, base):
    """A palette, class or classification edit colours the engine process's kept page again
    (`page.recolour_page`), a title or subtitle edit writes the new one in the title band when it takes
    as many lines (`page.retitle_page`), instead of laying the page out again: the same pixels as the page
    made from scratch; a title on another number of lines, or a title with a palette, lays the page out again."""
    from carto_desktop.gui import engine_tasks

    project = replace(sample_project("en"), legend_heading="Partners ($ in 2023: see $ note)", **base)
    title = project.title
    edits = [{"palette": "Greens"}, {"classes": 4}, {"scheme": "equal_interval", "palette": "Blues"},
             {"classes": 7, "scheme": "natural_breaks"},
             {"subtitle": "January to June 2024"},  # fewer lines than the sample's: laid out again
             {"subtitle": "January to June 2025"},  # the same lines (and no letter below the line more or less)
             {"title": title.replace("a", "e", 1)},  # a letter typed
             {"title": "Partners"},  # on one line: laid out again where the old one took more
             {"title": "Partners in Mali", "palette": "Purples"}]
    projects = [project]
    for edit in edits:
        projects.append(replace(projects[-1], **edit))

    def pixels(p):
        return np.frombuffer(engine_tasks.preview(p, fit=(700, 500)).page.pixels, dtype=np.uint8)

    reuse.keep_between_maps(False)
    afresh = []
    for p in projects:
        engine_tasks._PAGE.forget()
        afresh.append(pixels(p))
    reuse.keep_between_maps(True)
    laid_out = []
    real = project_module.render_page
    monkeypatch.setattr(project_module, "render_page", lambda *a, **k: laid_out.append(1) or real(*a, **k))
    engine_tasks._PAGE.forget()
    kept = []
    for p in projects:
        before = len(laid_out)
        kept.append(pixels(p))
        laid_out[before:] = [p] * (len(laid_out) - before)
    steps = [next(i for i, q in enumerate(projects) if q is p) for p in laid_out]
    assert steps[0] == 0
    assert not {1, 2, 3, 4, 6, 7} & set(steps), steps  # colours, a subtitle, a letter of the title: not laid out
    assert 9 in steps, steps  # a title with a palette
    for p, a, b in zip(projects, afresh, kept):
        np.testing.assert_array_equal(a, b, err_msg=f"{p.palette} {p.classes} {p.scheme} {p.title} {p.subtitle}")
    assert not np.array_equal(kept[0], kept[1])  # the colours did change
    assert not np.array_equal(kept[5], kept[6]) and not np.array_equal(kept[6], kept[7])  # and the texts


def test_haloed_names_outlined_once_per_process_are_matplotlibs_own_outlines(real_data):
    """The outlines of names drawn with a halo, each glyph loaded once per engine process
    (`keep_text_paths`), are the vertices and codes matplotlib works out itself, for real place names."""
    import geopandas as gpd
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    from carto_desktop.carto.labels import keep_text_paths

    names = gpd.read_file(real_data / "boundaries" / "mali_adm2.geojson")[["adm2_name", "adm1_name"]].stack().astype(str)
    names = sorted(set(names)) + ["Ségou", "Œuvre – « ŋ »", "東京", "", " "]
    fonts = [FontProperties(family="DejaVu Sans", size=6.5), FontProperties(family="DejaVu Sans", weight="bold"),
             FontProperties(family="DejaVu Sans", style="italic")]
    own = TextToPath.get_text_path
    expected = [own(TextToPath(), font, name) for font in fonts for name in names]
    try:
        keep_text_paths()
        kept = [TextToPath().get_text_path(font, name) for font in fonts for name in names]
    finally:
        TextToPath.get_text_path = own
    assert len(names) > 40
    for (verts, codes), (kept_verts, kept_codes) in zip(expected, kept):
        np.testing.assert_array_equal(np.asarray(verts, dtype=float).reshape(-1, 2), kept_verts)
        assert list(codes) == list(kept_codes)


def test_a_preview_places_haloed_names_as_laid_out_without_measuring_them_again(keeping, monkeypatch):
    """The app's preview (drawn at screen size, laid out at the page's own resolution) places each name with a
    halo by its size measured when the page was laid out (`outlines_as_laid_out`) instead of measuring it
    again with FreeType: the names are where the page put them, give or take two pixels (their glyphs are
    drawn from unhinted outlines, which either measure only approximates); nothing else moves."""
    import contextlib

    import matplotlib.text as mtext
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.textpath import TextToPath

    from carto_desktop.carto import labels
    from carto_desktop.gui import engine_tasks

    monkeypatch.setattr(mtext, "_get_text_metrics_with_cache", mtext._get_text_metrics_with_cache)  # put back after
    monkeypatch.setattr(TextToPath, "get_text_path", TextToPath.get_text_path)
    monkeypatch.setattr(labels, "_MEASURED", {})  # the placement's own sizes, as in a new engine process
    labels.keep_text_sizes()
    project = sample_project("en")
    measured = []
    real = RendererAgg.get_text_width_height_descent
    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent",
                        lambda self, s, *a, **k: measured.append((self.dpi, s)) or real(self, s, *a, **k))

    def preview(as_laid_out: bool):
        engine_tasks._PAGE.forget()
        if not as_laid_out:  # every text measured again at screen size, as before
            monkeypatch.setattr(labels, "outlines_as_laid_out", lambda dpi: contextlib.nullcontext())
        measured.clear()
        page = engine_tasks.preview(project, fit=(842, 600)).page
        at_screen_size = [s for dpi, s in measured if dpi != 100]
        figure = engine_tasks._PAGE.figure
        names = [t for t in figure.findobj(mtext.Text) if t.get_gid() in ("area_label", "town_label", "capital")
                 and t.get_path_effects()]
        renderer = figure.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in names]
        pixels = np.frombuffer(page.pixels, dtype=np.uint8).reshape(page.height, page.width, 4)
        return pixels, [t.get_text() for t in names], boxes, at_screen_size

    pixels, names, boxes, remeasured = preview(True)
    monkeypatch.undo()
    monkeypatch.setattr(labels, "_MEASURED", {})
    monkeypatch.setattr(mtext, "_get_text_metrics_with_cache", mtext._get_text_metrics_with_cache)
    monkeypatch.setattr(TextToPath, "get_text_path", TextToPath.get_text_path)
    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent",
                        lambda self, s, *a, **k: measured.append((self.dpi, s)) or real(self, s, *a, **k))
    before, names_before, _, measured_before = preview(False)
    assert names == names_before and len(names) > 20  # the same names placed
    assert set(names) & set(measured_before) and not set(names) & set(remeasured)  # no longer measured again
    height, width = pixels.shape[:2]
    near_names = np.zeros((height, width), dtype=bool)
    for b in boxes:
        near_names[max(0, int(height - b.y1) - 3):int(height - b.y0) + 4, max(0, int(b.x0) - 3):int(b.x1) + 4] = True
    moved = (pixels != before).any(axis=2)
    assert moved.any() and not (moved & ~near_names).any()  # only around the names


def test_the_data_step_and_the_first_map_guess_the_columns_roles_once(keeping, monkeypatch, tmp_path):
    from carto_desktop.gui import engine_tasks
    from carto_desktop.intake import roles as roles_module

    guessed = []
    real = roles_module._guessed_roles
    monkeypatch.setattr(roles_module, "_guessed_roles", lambda *a, **k: guessed.append(1) or real(*a, **k))
    table = tmp_path / "3w.xlsx"
    shutil.copy(sample_project("en").table, table)
    project = replace(sample_project("en"), table=table)
    inspected = engine_tasks.inspect_table(str(table), project.sheet)
    made = build_map(project)
    assert len(guessed) == 1 and keeping["table"] == 1  # the Data step's roles, refined by the map
    assert inspected.roles and made.account is not None
    reuse.keep_between_maps(False)  # the same as guessed afresh
    assert engine_tasks.inspect_table(str(table), project.sheet) == inspected
    afresh = build_map(project)
    assert afresh.account.lines("en") == made.account.lines("en") and len(guessed) == 3
    reuse.keep_between_maps(True)


def test_a_name_whose_point_a_placed_label_covers_is_not_measured_and_the_labels_are_the_same(monkeypatch, tmp_path):
    """A centred name whose point lies on a label placed before (or outside the frame) cannot be placed at any
    size: it is no longer measured with FreeType (`labels._first_free`), and the page places the same names at
    the same points as when every name was measured (Nigeria's 774 LGAs, the sample's cercles)."""
    from matplotlib.text import Text

    from carto_desktop.builtin_boundaries.catalogue import read_builtin
    from carto_desktop.carto import labels
    from carto_desktop.choices import Project

    table = tmp_path / "reached.csv"
    codes = read_builtin("builtin:NGA/2")["adm2_pcode"].tolist()
    table.write_text("pcode,people\n" + "".join(f"{c},{10 + i % 97}\n" for i, c in enumerate(codes)), encoding="utf-8")

    measured = []
    real = labels._Sizes.of
    monkeypatch.setattr(labels._Sizes, "of", lambda self, s, style: measured.append(s) or real(self, s, style))
    monkeypatch.setattr(labels, "_MEASURED", {})
    projects = [sample_project("en"), replace(sample_project("fr"), page="square_1080"),
                Project(table=table, boundaries="builtin:NGA/2")]

    def placed():
        pages, counts = [], []
        for p in projects:
            measured.clear()
            figure = build_map(p).figure
            pages.append(sorted((t.get_text(), t.get_gid(), *np.round(t.get_position(), 9))
                                for t in figure.findobj(Text) if t.get_gid()))
            counts.append(len(measured))
        return pages, counts

    pages, counts = placed()
    monkeypatch.setattr(labels, "CENTRED", (("center", "center", 0, 1e-300),))  # no label is centred: all measured
    every, counts_every = placed()
    assert pages == every and all(len(p) > 20 for p in pages)
    assert all(a <= b for a, b in zip(counts, counts_every)) and sum(counts) < sum(counts_every)
