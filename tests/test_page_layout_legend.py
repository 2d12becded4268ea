"""A legend as long as real tables make it keeps to its panel (the pages `tools/layout_sweep.py` found).

A table of people reached with areas left out ("no data") and counts under 5 ("fewer than 5", with
its note), on a built-in country: on A4 portrait the legend's fixed 31 mm panel could not hold the
five classes, those two entries and the capital, towns, rivers and lakes, and the last entries were
drawn over the footer with their symbols cut off (Mozambique, Malawi, Chad, Burkina Faso…); on A4
landscape in French, with a title on four lines, the legend ran over the locator. The legend now
takes the height its entries need: the map gives it up on a portrait page, the locator on a landscape one.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from carto_desktop.carto.layout_report import frame_share, layout_problems, layout_report
from carto_desktop.project import Project, build_map

MM_PER_INCH = 25.4
CASES = [("MOZ/2", "choropleth", "A4 portrait", "fr"), ("MWI/2", "choropleth", "A4 portrait", "en"),
         ("TCD/2", "symbols", "A4 portrait", "fr"), ("BFA/2", "symbols", "A4 landscape", "fr"),
         ("CMR/2", "choropleth", "A4 landscape", "fr")]
REFERENCE = {"en": ("National capital", "Town", "River", "Lake"), "fr": ("Capitale", "Ville", "Cours d'eau", "Lac")}


def _table(boundaries: str, folder) -> str:
    """One row per area (the built-in layer's own P-codes) with a seeded number of people reached;
    15 % of the areas without a row, 10 % with fewer than 5 people (as `tools/layout_sweep.py` "gaps")."""
    from carto_desktop.builtin_boundaries.catalogue import read_builtin

    layer = read_builtin(f"builtin:{boundaries}")
    code = next(c for c in layer.columns if c.lower() == f"adm{boundaries[-1]}_pcode")
    rng = np.random.default_rng(11)
    table = pd.DataFrame({"pcode": layer[code], "People reached": np.round(10 ** rng.uniform(2, 5.5, len(layer)))})
    draw = rng.uniform(size=len(table))
    table.loc[draw < 0.10, "People reached"] = rng.integers(1, 5, int((draw < 0.10).sum()))
    path = folder / f"{boundaries.replace('/', '_')}.csv"
    table[draw < 0.85].to_csv(path, index=False)
    return path


def _page(boundaries: str, template: str, page: str, lang: str, folder, classes: int = 5):
    project = Project(table=_table(boundaries, folder), boundaries=f"builtin:{boundaries}", key_column="pcode",
                      value_column="People reached", agg="sum", template=template, page=page, lang=lang,
                      classes=classes if template == "choropleth" else None, created=date(2026, 11, 23))
    result = build_map(project)
    result.figure.canvas.draw()
    return result, layout_report(result.figure, result.drawn)


@pytest.mark.parametrize(("boundaries", "template", "page", "lang"), CASES)
def test_a_long_legend_keeps_to_its_panel(boundaries, template, page, lang, tmp_path):
    result, report = _page(boundaries, template, page, lang, tmp_path)
    assert layout_problems(report) == []
    fig = result.figure
    legend_ax = next(a for a in fig.axes if a.get_gid() == "legend")
    # the long form of the legend: "no data", "fewer than 5" and the reference features, all drawn
    labels = [t.get_text() for t in legend_ax.texts]
    assert any(t.startswith("No data" if lang == "en" else "Aucune donnée") for t in labels), labels
    assert any(t.startswith("Fewer than 5" if lang == "en" else "Moins de 5") for t in labels), labels
    assert set(REFERENCE[lang]) <= set(labels), labels
    # every entry, symbol and text, inside the panel: none cut off by its edge, none over the footer or locator
    panel = legend_ax.get_window_extent()
    slack = 0.5 / MM_PER_INCH * fig.dpi
    renderer = fig.canvas.get_renderer()
    for artist in legend_ax.texts + legend_ax.patches + legend_ax.lines:
        box = artist.get_window_extent(renderer)
        assert (box.x0 >= panel.x0 - slack and box.y0 >= panel.y0 - slack and box.x1 <= panel.x1 + slack
                and box.y1 <= panel.y1 + slack), (artist, box, panel)
    legend = next(e["bbox_mm"] for e in report["elements"] if e["kind"] == "legend")
    footer = next(e["bbox_mm"] for e in report["elements"] if e["kind"] == "footer")
    assert legend[1] > footer[3]
    assert "inset" in {e["kind"] for e in report["elements"]}  # the locator kept (smaller, on a landscape page)
    assert frame_share(report) >= 0.6, frame_share(report)  # the map keeps most of the page


def test_the_usual_legend_keeps_the_usual_panel(tmp_path):
    """A table with a row for every area and no small count: the portrait page as before (a 31 mm panel)."""
    from carto_desktop.builtin_boundaries.catalogue import read_builtin

    layer = read_builtin("builtin:MWI/2")
    table = tmp_path / "mwi.csv"
    pd.DataFrame({"pcode": layer["adm2_pcode"], "People reached": np.arange(len(layer)) * 1000 + 500}).to_csv(table)
    result = build_map(Project(table=table, boundaries="builtin:MWI/2", key_column="pcode",
                               value_column="People reached", agg="sum", page="A4 portrait", lang="en"))
    legend_ax = next(a for a in result.figure.axes if a.get_gid() == "legend")
    assert legend_ax.get_position().height * 297 == pytest.approx(31.0, abs=0.01)


def test_recolouring_with_another_legend_height_lays_the_page_out_again(tmp_path):
    """The app colours a kept page again in place (`recolour_page`) only when the legend needs the height it
    was laid out with; three classes need less than five here (Mozambique, in French), so the page is laid out
    again, where the map gets back the height the legend no longer needs."""
    from carto_desktop.carto.page import recolour_page

    result, _ = _page("MOZ/2", "choropleth", "A4 portrait", "fr", tmp_path)
    fewer = result.template.with_overrides(classes=3)
    assert not recolour_page(result.figure, result.drawn, result.data, fewer, "fr")
    same = result.template.with_overrides(palette="Greens")
    assert recolour_page(result.figure, result.drawn, result.data, same, "fr")
