"""The page at MapAction's level, measured on the drawn page (`--layout-report`): on real boundaries
of Mali, Chad, Niger, Burkina Faso and Nigeria, in landscape, portrait and as a social card, no two
texts overlap, no name lies over the legend, scale bar, north arrow or locator, nothing leaves the
page, the capital is drawn and named, and the map takes at least 65 % of the page."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from conftest import REAL

from carto_desktop.carto.layout_report import frame_share, layout_problems, layout_report
from carto_desktop.project import Project, build_map, sample_project

CH = REAL / "tables" / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx"
COUNTRIES = {"MLI": ("mali_adm2", "Bamako"), "TCD": ("tcd_adm2", "N'Djamena"), "NER": ("ner_adm2", "Niamey"),
             "BFA": ("bfa_adm2", "Ouagadougou")}
PAGES = ("A4 landscape", "A4 portrait", "square_1080")


@pytest.fixture(scope="module")
def nigeria_table(tmp_path_factory):
    """Nigeria (a built-in boundary set, no table in the repository): its LGAs' own P-codes, each
    with the length of its name as the value, so every class is used."""
    from carto_desktop.builtin_boundaries.catalogue import read_builtin

    layer = read_builtin("builtin:NGA/2")
    code = next(c for c in layer.columns if c.lower().endswith("2_pcode") or c.lower() == "adm2_pcode")
    name = next(c for c in layer.columns if c.lower() in ("adm2_fr", "adm2_en", "adm2_name"))
    path = tmp_path_factory.mktemp("nga") / "nga_values.csv"
    pd.DataFrame({"pcode": layer[code], "value": layer[name].str.len()}).to_csv(path, index=False)
    return path


def _report(project: Project) -> tuple[dict, object]:
    result = build_map(replace(project, created=date(2026, 11, 23)))
    result.figure.canvas.draw()
    return layout_report(result.figure, result.drawn), result


def _check(report: dict, capital: str | None) -> None:
    assert layout_problems(report) == []
    kinds = [e["kind"] for e in report["elements"]]
    for kind in ("map_frame", "title", "legend", "scale_bar", "north_arrow", "footer"):
        assert kind in kinds, kind
    if capital is not None:
        names = [e["text"] for e in report["elements"] if e["kind"] == "capital"]
        assert names and capital.split("'")[0] in names[0], names
    assert frame_share(report) >= 0.65, frame_share(report)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_country_pages_have_no_collision_the_capital_and_a_full_frame(country, page):
    layer, capital = COUNTRIES[country]
    lang = "fr" if country in ("TCD", "BFA") else "en"
    template = "social_card" if page == "square_1080" else "choropleth"
    report, _ = _report(Project(table=CH, boundaries=REAL / "boundaries" / f"{layer}.geojson", template=template,
                                lang=lang, page=None if page == "square_1080" else page))
    _check(report, capital)
    if page != "square_1080":
        assert sum(e["kind"] == "town_label" for e in report["elements"]) >= 5
        assert sum(e["kind"] == "area_label" for e in report["elements"]) >= 10


@pytest.mark.parametrize("page", PAGES)
def test_a_newly_built_in_country_too(nigeria_table, page):
    report, _ = _report(Project(table=nigeria_table, boundaries="builtin:NGA/2", value_column="value", agg="sum",
                                template="social_card" if page == "square_1080" else "choropleth", lang="en",
                                page=None if page == "square_1080" else page))
    _check(report, "Abuja")


@pytest.mark.parametrize("template", ["presence", "symbols", "sectors", "points"])
def test_every_bundled_template_on_the_sample(template):
    report, _ = _report(sample_project("fr", template))
    _check(report, "Bamako" if template != "points" else None)


def test_the_orientation_follows_the_country_unless_chosen():
    tall, _ = _report(Project(table=CH, boundaries=REAL / "boundaries" / "tcd_adm2.geojson", lang="en"))
    wide, _ = _report(Project(table=CH, boundaries=REAL / "boundaries" / "mali_adm2.geojson", lang="en"))
    chosen, _ = _report(Project(table=CH, boundaries=REAL / "boundaries" / "tcd_adm2.geojson", lang="en",
                                page="A4 landscape"))
    assert tall["page_mm"] == [210.0, 297.0] and wide["page_mm"] == [297.0, 210.0]
    assert chosen["page_mm"] == [297.0, 210.0]


def test_the_cli_writes_the_layout_report(tmp_path):
    from carto_desktop.cli import main

    out = tmp_path / "map.png"
    code = main(["render", "--table", str(CH), "--boundaries", str(REAL / "boundaries" / "ner_adm2.geojson"),
                 "-o", str(out), "--dpi", "50", "--layout-report", str(tmp_path / "layout.json")])
    assert code == 0
    report = json.loads((tmp_path / "layout.json").read_text(encoding="utf-8"))
    assert report["page_mm"] == [297.0, 210.0]
    frame = next(e for e in report["elements"] if e["kind"] == "map_frame")["bbox_mm"]
    assert frame[0] >= 8 - 0.01 and frame[1] >= 8 - 0.01  # inside the margins
    assert any(e["kind"] == "capital" and e["text"] == "Niamey" for e in report["elements"])


def test_symbols_sit_above_boundaries_legend_covers_the_maximum_and_the_largest_are_named():
    """Chad's people in need (HNO 2023): the largest département has 890,858; the legend's largest
    circle was 500,000, the boundaries were drawn over the circles and no circle said its value."""
    from matplotlib.collections import LineCollection

    project = Project(table=REAL / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx",
                      boundaries=REAL / "boundaries" / "tcd_adm2.geojson", value_column="PIN", agg="sum",
                      template="symbols", lang="en")
    report, result = _report(project)
    _check(report, "N'Djamena")
    vmax = result.data.areas["value"].max()
    legend = next(e for e in report["elements"] if e["kind"] == "legend")["text"]
    circles = [float(t.replace(",", "")) for t in legend.split("\n") if t.replace(",", "").isdigit()]
    assert vmax > 800_000 and max(circles) >= vmax
    values = [e["text"] for e in report["elements"] if e["kind"] == "value_label"]
    assert f"{int(vmax):,}" in values and len(values) == 3
    ax = result.drawn.map_axes[0]
    symbols = next(c for c in ax.collections if c.get_gid() == "symbols")
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert symbols.get_zorder() > max(c.get_zorder() for c in lines)
    assert 0 < symbols.get_facecolor()[0][3] < 1  # see-through: the boundary under a circle still shows


def test_a_few_organisations_get_whole_reference_circles(tmp_path):
    """Up to 3 organisations per département (a generated 3W on Niger's built-in departments): the legend's
    circles said "5", "2.50" and "0.50" organisations."""
    rows = ["adm2_pcode,Organisation"] + [f"NE00{r}00{d},ONG {k}" for r in (1, 2, 3) for d in (1, 2)
                                          for k in range(1, r + 1)]
    table = tmp_path / "3w.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = Project(table=table, boundaries="builtin:NER/2", value_column="Organisation", agg="distinct",
                      template="symbols", whole_country=True)
    report, result = _report(project)
    assert result.data.areas["value"].max() == 3
    legend = next(e for e in report["elements"] if e["kind"] == "legend")["text"].split("\n")
    circles = [t for t in legend if t.replace(".", "").replace(",", "").isdigit()]
    assert circles == ["5", "2", "1"]


def test_name_halos_are_wide_enough_to_fill_the_letters_counters():
    """A 2 pt halo on 6.5 pt names left the dark fill showing inside D, O and e (coloured specks)."""
    from matplotlib.patheffects import Stroke

    _, result = _report(sample_project("fr"))
    names = [t for t in result.drawn.map_axes[0].texts if t.get_gid() in ("area_label", "town_label", "capital")]
    assert len(names) > 20
    for t in names:
        strokes = [e for e in t.get_path_effects() if isinstance(e, Stroke)]
        assert strokes and strokes[0]._gc["linewidth"] >= 0.36 * t.get_fontsize(), t.get_text()
        assert strokes[0]._gc["joinstyle"] == "round"  # rounded: no spikes at the joins


def test_a_subtitle_too_long_for_the_column_ends_in_an_ellipsis_at_a_word():
    """A long source in the subtitle used to stop mid-sentence with nothing to say it goes on."""
    words = ("données : Bureau de la coordination des affaires humanitaires (OCHA) Mali, matrice 3W de "
             "décembre 2023, consolidée par les clusters de Bamako, Mopti, Gao et Tombouctou").split()
    report, _ = _report(replace(sample_project("fr"), subtitle=" ".join(words), page="A4 landscape"))
    drawn = next(e["text"] for e in report["elements"] if e["kind"] == "subtitle")
    assert drawn.endswith("…"), drawn
    shown = drawn[:-1].split()
    assert len(shown) < len(words)  # whole words, in order (a comma before "…" dropped), then "…"
    assert shown[:-1] == words[: len(shown) - 1] and shown[-1] == words[len(shown) - 1].rstrip(",;:"), shown
    _check(report, "Bamako")
