"""Points of people counted per hexagon: one cell per point, regular cells, small counts hidden."""
from __future__ import annotations

import math
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from conftest import REPO, SAMPLE

from carto_desktop.carto.projection import choose_projection
from carto_desktop.errors import OptionError
from carto_desktop.export import save_map
from carto_desktop.hexagons import (
    MAX_ACROSS, MIN_ACROSS, NICE_KM, count_in_hexagons, hexagon_centres, hexagon_index, hexagon_size_km,
)
from carto_desktop.privacy.scan import readable_text
from carto_desktop.project import Project, build_map

ADM2 = SAMPLE / "mali_adm2.geojson"
SURVEY = REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv"
KM = 20.0
# fake households per cell (axial q, r of a 20 km grid centred on the map's projection centre, in Mali)
CLUSTERS = {(0, 0): 3, (3, 0): 12, (0, 3): 40, (-3, 0): 7, (2, -3): 25}
OUTSIDE = 4  # points in the Atlantic, outside every area


@pytest.fixture(scope="module")
def layer():
    return gpd.read_file(ADM2, engine="pyogrio")


@pytest.fixture(scope="module")
def crs(layer):
    return choose_projection(layer).crs


def _random_points(layer, n, seed=1):
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = layer.total_bounds
    return gpd.GeoSeries(gpd.points_from_xy(rng.uniform(minx - 1, maxx + 1, n), rng.uniform(miny - 1, maxy + 1, n)),
                         crs=4326)


def test_every_point_inside_the_layer_is_counted_in_exactly_one_cell(layer, crs):
    points = _random_points(layer, 20000)
    counts = count_in_hexagons(points, layer, crs, size_km=25)
    inside = np.zeros(len(points), dtype=bool)
    inside[layer.sindex.query(points.to_numpy(), predicate="intersects")[0]] = True
    assert counts.counted == inside.sum() and counts.outside == (~inside).sum() > 0
    assert counts.cells["value"].sum() == inside.sum()
    assert (counts.cells["value"] > 0).all() and counts.cells["hexagon"].is_unique  # only cells with points
    # each counted point lies in its own cell's hexagon, and in no other cell
    projected = points[inside].to_crs(crs)
    x, y = projected.x.to_numpy(), projected.y.to_numpy()
    cells = counts.cells.geometry.to_numpy()
    hits = shapely.STRtree(cells).query(shapely.points(x, y), predicate="intersects")
    per_point = np.bincount(hits[0], minlength=len(x))
    assert (per_point >= 1).all() and (per_point <= 2).sum() == len(x)  # 2 only exactly on a shared edge
    q, r = hexagon_index(x, y, 25000)
    cx, cy = hexagon_centres(q, r, 25000)
    assert (np.hypot(x - cx, y - cy) <= 25000 / math.sqrt(3) + 1e-6).all()


def test_cells_are_regular_hexagons_of_the_stated_size(layer, crs):
    counts = count_in_hexagons(_random_points(layer, 3000), layer, crs, size_km=10)
    d = 10000.0
    areas = counts.cells.geometry.area.to_numpy()  # in the projected CRS: square metres
    np.testing.assert_allclose(areas, math.sqrt(3) / 2 * d ** 2, rtol=1e-9)
    rings = shapely.get_coordinates(shapely.get_exterior_ring(counts.cells.geometry.to_numpy())).reshape(-1, 7, 2)
    sides = np.hypot(*np.diff(rings, axis=1).transpose(2, 0, 1))
    np.testing.assert_allclose(sides, d / math.sqrt(3), rtol=1e-9)  # six equal sides
    # flat side to flat side = the stated size: the distance between neighbouring centres
    cx, cy = hexagon_centres(np.array([0, 1]), np.array([0, 0]), d)
    assert math.hypot(cx[1] - cx[0], cy[1] - cy[0]) == pytest.approx(d)
    assert counts.cells.crs == crs


def test_the_automatic_size_is_a_plain_number_of_km():
    for extent_km in (8, 60, 300, 900, 1500, 2400):
        km = hexagon_size_km(extent_km * 1000, extent_km * 500)
        assert km in NICE_KM
        assert km == 1 or 15 <= extent_km / km <= 60
    assert hexagon_size_km(1500e3, 1000e3) == 50


def test_the_size_is_written_plainly():
    from carto_desktop.hexagons import size_text

    assert [size_text(10, "en"), size_text(2.5, "en"), size_text(2.5, "fr"), size_text(0.5, "fr")] == \
        ["10", "2.5", "2,5", "0,5"]


def test_a_bad_size_is_refused_plainly(layer, crs):
    points = _random_points(layer, 100)
    for bad in (0, -5, float("nan"), "abc"):
        with pytest.raises(OptionError, match="hexagon size"):
            count_in_hexagons(points, layer, crs, size_km=bad)
    with pytest.raises(OptionError, match="too small"):
        count_in_hexagons(points, layer, crs, size_km=1)  # Mali is far more than MAX_ACROSS km across
    assert MAX_ACROSS >= 100


@pytest.fixture(scope="module")
def households(tmp_path_factory, layer, crs):
    """Fake households (generated, no real person) in five 20 km cells, and a few at sea."""
    rng = np.random.default_rng(3)
    xs, ys = [], []
    for (q, r), n in CLUSTERS.items():
        cx, cy = hexagon_centres(np.array([q]), np.array([r]), KM * 1000)
        xs += list(cx[0] + rng.uniform(-3000, 3000, n))
        ys += list(cy[0] + rng.uniform(-3000, 3000, n))
    pts = gpd.GeoSeries(gpd.points_from_xy(xs, ys), crs=crs).to_crs(4326)
    lat = list(pts.y) + [15.0] * OUTSIDE
    lon = list(pts.x) + [-20.0 - i for i in range(OUTSIDE)]
    rows = [{"nom_chef_menage": f"Personne Fictive {i}", "latitude": f"{a:.6f}", "longitude": f"{o:.6f}"}
            for i, (a, o) in enumerate(zip(lat, lon))]
    path = tmp_path_factory.mktemp("hex") / "menages.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return Project(table=path, boundaries=ADM2, template="points", people_points="hexagons", hexagon_km=KM,
                   lang="en", created=date(2024, 1, 15))


def _legend_texts(result):
    legend = next(ax for ax in result.figure.axes if ax.get_gid() == "legend")
    return [t.get_text() for t in legend.texts]


THREE = re.compile(r"(?<![\d,.:°-])3(?![\d,.°-])")  # "3" as a number of its own (not in 13, 2024-01-15, 0.3)


@pytest.fixture(scope="module")
def hex_map(households):
    return build_map(households)


def test_a_cell_with_three_households_is_in_the_fewer_than_5_class(hex_map, tmp_path):
    data = hex_map.data
    cells = data.areas.set_index("hexagon")
    assert sorted(cells["value"].astype(int)) == sorted(CLUSTERS.values())  # the 4 at sea are left out
    hidden = cells.index[data.suppressed()].tolist()
    assert hidden == ["0,0"] and cells.loc["0,0", "value"] == 3
    texts = _legend_texts(hex_map)
    assert "Number of households per\nhexagon of 20 km" in texts  # "nom_chef_menage": the points are households
    assert "Each hexagon is 20 km across;\nareas are outlined in grey." in texts
    assert "Fewer than 5  (1)" in texts and "(n) = number of hexagons" in texts
    assert not any(t.startswith("No data") for t in texts)
    lows = [int(t.split(" – ")[0]) for t in texts if " – " in t]
    assert lows and min(lows) >= 5
    assert any(n.startswith("4 rows were not counted") for n in hex_map.notices)
    assert any("counted per hexagon of 20 km" in n for n in hex_map.notices)
    names = set(gpd.read_file(ADM2, engine="pyogrio")["adm2_name"])
    texts = hex_map.drawn.map_axes[0].texts
    labels = [t.get_text() for t in texts if t.get_gid() not in ("town_label", "capital", "water_label")]
    assert not [t.get_text() for t in texts if t.get_gid() in ("town_label", "capital") and re.search(r"\d", t.get_text())]
    assert "Kidal" in labels  # the admin areas are named over the grid, the cells never: no count on the map
    assert not [t for t in labels if t not in names and not t.isupper() and not re.fullmatch(r"\d+( km)?", t)]
    assert not [t for t in labels if re.fullmatch(r"\d+", t) and int(t) % 50]  # digits only from the scale bar
    written = [t.get_text() for t in hex_map.figure.findobj(lambda a: hasattr(a, "get_text"))]
    for suffix in (".png", ".pdf", ".svg"):
        written.append(readable_text(save_map(hex_map.figure, tmp_path / f"hex{suffix}", dpi=50, drawn=hex_map.drawn)))
    assert "Software" in written[-3] and all("Fewer than 5" in t for t in written[-2:])  # the files' text was read
    assert not [t for t in written if THREE.search(t)]  # the 3 appears nowhere, in no file


def test_the_threshold_change_is_honoured(households, tmp_path):
    shown = build_map(replace(households, min_count=2, lang="fr"))
    assert not shown.data.suppressed().any()
    texts = _legend_texts(shown)
    assert not any(t.startswith("Moins de") for t in texts)
    assert "Nombre de ménages par hexagone\nde 20 km" in texts
    assert any(t.startswith("3 – ") or t.startswith("3  (") for t in texts)  # the control: now it is drawn
    stricter = build_map(replace(households, min_count=10))
    assert sorted(stricter.data.areas.loc[stricter.data.suppressed(), "value"]) == [3, 7]


def test_the_share_check_still_works_on_a_hexagon_map(households, hex_map):
    from carto_desktop.privacy.check import share_check

    check = share_check(households, hex_map)
    assert not check.people_points_drawn and check.people_points
    assert check.suppressed_areas == 1 and check.smallest_count == 7 and check.areas_shown == 5
    assert not any("exact count" in w for w in check.warnings)
    facts = [i["text"] for i in check.sections()[0]["items"]]
    assert "Finest detail shown: hexagons of 20 km, 5 with data." in facts
    assert 'Counts under 5 are shown as "fewer than 5": 1 hexagon.' in facts
    assert any(f.startswith("Points of people: not drawn; they are counted per hexagon of 20 km.") for f in facts)
    assert not any("0,0" in f or " area" in f for f in facts)  # no cell ids, no "areas"
    french = [i["text"] for i in share_check(households, hex_map, lang="fr").sections()[0]["items"]]
    assert "Détail le plus fin : hexagones de 20 km, 5 avec des données." in french


def test_raw_points_still_need_the_explicit_choice(households):
    by_area = build_map(replace(households, people_points="areas"))
    assert by_area.data.points is None and by_area.data.outlines is None
    assert "hexagon" not in by_area.data.keys.id_column
    assert hex_map_is_not_points(build_map(replace(households, hexagon_km=None)))
    with pytest.raises(OptionError):
        build_map(replace(households, people_points="dots"))
    raw = build_map(replace(households, raw_points=True))  # the explicit choice wins, with its warning
    assert raw.data.points is not None and raw.data.outlines is None
    assert any(n.startswith("Warning: each point is a person or household") for n in raw.notices)


def hex_map_is_not_points(result) -> bool:
    """The default size: a plain number of km, points never drawn."""
    return result.data.points is None and result.data.cell_size_km in NICE_KM


def test_an_atlas_of_hexagons_is_refused_plainly(households):
    from carto_desktop.atlas import atlas_pages
    from carto_desktop.project import prepare_map

    with pytest.raises(OptionError, match="a map of hexagons is one page"):
        next(atlas_pages(households, prepare_map(households)))


def test_counted_people_keep_the_users_page_and_palette(households):
    for choice in ("areas", "hexagons"):
        result = build_map(replace(households, people_points=choice, page="A3 portrait", palette="Blues"))
        width, height = result.figure.get_size_inches() * 25.4
        assert (round(width), round(height)) == (297, 420)
        legend = next(ax for ax in result.figure.axes if ax.get_gid() == "legend")
        darkest = [p.get_facecolor() for p in legend.patches if (p.get_gid() or "").startswith("legend-class")][-1]
        assert darkest[2] > darkest[0]  # Blues, not the template's yellow to red


def test_places_ignore_the_hexagon_choice():
    from carto_desktop.project import sample_project

    result = build_map(replace(sample_project("en", "points"), people_points="hexagons"))
    assert result.data.points is not None and result.data.outlines is None


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "carto_desktop", "render", *args], capture_output=True, text=True,
                          cwd=REPO)


def test_cli_hexagons_on_the_kobo_survey(tmp_path):
    out = tmp_path / "kobo_hex.png"
    common = ["--table", str(SURVEY), "--boundaries", str(ADM2), "--template", "points", "--lat",
              "_menage/gps_latitude", "--lon", "_menage/gps_longitude", "--lang", "en", "--dpi", "40"]
    proc = _cli(*common, "--people-points", "hexagons", "--hexagon-km", "25", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "counted per hexagon of 25 km" in proc.stderr and out.stat().st_size > 0
    for bad in ("0", "abc"):  # refused by the engine, and by the option parser (-5, nan: test_a_bad_size…)
        proc = _cli(*common, "--people-points", "hexagons", "--hexagon-km", bad, "-o", str(tmp_path / "bad.png"))
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert "hexagon" in proc.stderr
    assert not (tmp_path / "bad.png").exists()
    proc = _cli(*common, "--people-points", "grid", "-o", str(tmp_path / "bad.png"))
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
    far = tmp_path / "far.csv"  # households in Paris, boundaries of Mali: nothing to count, said plainly
    far.write_text("nom_chef_menage,latitude,longitude\nPersonne A,48.85,2.35\nPersonne B,48.86,2.36\n")
    proc = _cli("--table", str(far), "--boundaries", str(ADM2), "--template", "points", "--people-points", "hexagons",
                "--lang", "fr", "-o", str(tmp_path / "far.png"))
    assert proc.returncode == 2 and "Aucun point GPS du tableau" in proc.stderr and "Traceback" not in proc.stderr


def test_the_choice_is_kept_in_the_project_file(households, tmp_path):
    from carto_desktop.project_file import project_from_dict, read_project, save_project

    path = tmp_path / "menages.cartoproj"
    save_project(path, households)
    project = project_from_dict(read_project(path).data)
    assert project.people_points == "hexagons" and project.hexagon_km == KM


def test_style_step_offers_the_grid_only_for_people(qtbot):
    from carto_desktop.gui.style_step import StyleStep

    step = StyleStep()
    qtbot.addWidget(step)
    from carto_desktop.engine_messages import InBoth, TemplateShown

    step.show_templates((TemplateShown("points", InBoth("Points"), "points"),
                         TemplateShown("choropleth", InBoth("Areas"), "choropleth")), "en")
    from carto_desktop.edits import Choose

    shown = Project(table=SURVEY, boundaries=ADM2, template="points", people_points="areas")
    step.show_project(shown)
    assert step.people_combo.isHidden()  # places (or not known): drawn as usual, nothing to choose
    step.show_people(True)
    assert not step.people_combo.isHidden() and step.hexagon_spin.isHidden()
    assert "people" in step.people_combo.toolTip()
    with qtbot.waitSignal(step.edited) as blocker:
        step.people_combo.setCurrentIndex(step.people_combo.findData("hexagons"))
        step.people_combo.activated.emit(step.people_combo.currentIndex())
    assert blocker.args == [Choose(people_points="hexagons")]
    step.show_project(replace(shown, people_points="hexagons", hexagon_km=10.0))
    assert not step.hexagon_spin.isHidden() and step.hexagon_spin.value() == 10
    with qtbot.waitSignal(step.edited) as blocker:
        step.hexagon_spin.setValue(0)
    assert blocker.args == [Choose(hexagon_km=None)]  # 0 = automatic
    step.show_project(replace(shown, template="choropleth", people_points="hexagons"))
    assert step.people_combo.isHidden() and step.hexagon_spin.isHidden()


def test_the_app_offers_the_grid_for_a_household_table_and_draws_it(qtbot, households, tmp_path):
    """The Data step's verdict (rows are people) reaches the Style step; the choice makes a new preview."""
    from PySide6.QtWidgets import QApplication

    from carto_desktop.gui.app import install_translator, remove_translator
    from carto_desktop.gui.main_window import MainWindow

    translator = install_translator(QApplication.instance(), "fr")
    window = MainWindow(lang="fr", data_dir=tmp_path / "appdata")
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.table_ready, timeout=90000):
            window.set_project(replace(households, people_points="areas", hexagon_km=None))
        step = window.style_step
        assert not step.people_combo.isHidden() and step.people_label.text() == "Compter les personnes par\u00a0:"
        assert step.people_combo.itemText(1) == "grille d'hexagones" and step.hexagon_spin.isHidden()
        with qtbot.waitSignal(window.preview_ready, timeout=90000):
            step.people_combo.setCurrentIndex(1)
            step.people_combo.activated.emit(1)
        assert window.project.people_points == "hexagons" and not step.hexagon_spin.isHidden()
        assert step.hexagon_spin.text() == "Automatique"
    finally:
        window.shutdown()
        remove_translator(QApplication.instance(), translator)


def test_the_automatic_size_grows_until_most_cells_can_show_their_count(layer, crs):
    """89 fake households over southern Mali: in the extent's 50 km cells most would read "fewer than 5"."""
    import pandas as pd

    table = pd.read_csv(SURVEY)
    points = gpd.GeoSeries(gpd.points_from_xy(table["_menage/gps_longitude"], table["_menage/gps_latitude"]), crs=4326)
    plain = count_in_hexagons(points, layer, crs)  # nothing hidden: the extent decides
    readable = count_in_hexagons(points, layer, crs, min_count=5)
    assert (plain.cells["value"] >= 5).mean() < 0.5  # the map this replaces: mostly grey
    assert readable.size_km > plain.size_km and readable.size_km in NICE_KM
    shown = (readable.cells["value"] >= 5).mean()
    assert shown > (plain.cells["value"] >= 5).mean()
    x, y = shapely.get_x(points.to_crs(crs).to_numpy()), shapely.get_y(points.to_crs(crs).to_numpy())
    next_size = min(k for k in NICE_KM if k > readable.size_km)
    # half the cells readable, or the next plain size would leave fewer than MIN_ACROSS cells across
    assert shown >= 0.5 or max(np.ptp(x), np.ptp(y)) / (next_size * 1000) < MIN_ACROSS
    assert readable.cells["value"].sum() == plain.cells["value"].sum() == readable.counted
    assert count_in_hexagons(points, layer, crs, size_km=25, min_count=5).size_km == 25  # the user's size stays


def test_cells_are_cut_at_the_edge_of_the_areas():
    """A hexagon reaching into Mauritania or Senegal would say people live there (the survey's Kayes households)."""
    from matplotlib.collections import PathCollection

    survey = Project(table=SURVEY, boundaries=ADM2, template="points", people_points="hexagons", hexagon_km=250,
                     lat_column="_menage/gps_latitude", lon_column="_menage/gps_longitude", lang="en")
    ax = build_map(survey).drawn.map_axes[0]
    cells = [c for c in ax.findobj(PathCollection) if c.get_gid() == "areas"]
    admin = [c for c in ax.findobj(PathCollection) if c.get_gid() == "admin-areas"]
    assert len(cells) == 1 and len(admin) == 1
    inside = shapely.union_all([shapely.Polygon(ring) for p in admin[0].get_paths() for ring in p.to_polygons()])
    corners = np.concatenate([p.vertices for p in cells[0].get_paths()])
    assert len(corners) > 0 and shapely.contains_xy(inside.buffer(1000), corners[:, 0], corners[:, 1]).all()


def test_texts_count_hexagons_and_name_households(hex_map):
    """The subtitle counted the 53 cercles under the grid ("53 areas"); the title said "points"."""
    texts = {t.get_gid(): t.get_text().replace("\n", " ") for t in hex_map.figure.texts if t.get_gid()}
    assert texts["title"] == "Number of households per hexagon of 20 km, Mali"
    assert texts["subtitle"].endswith(f"· {len(hex_map.data.areas)} hexagons of 20 km")
    assert "53" not in texts["subtitle"]


def test_an_all_grey_grid_is_refused_with_a_size_that_shows_something(households):
    """At 20 km every cell of these households holds fewer than 41: the map would be all grey."""
    with pytest.raises(OptionError) as err:
        build_map(replace(households, min_count=41))
    assert "Every hexagon of 20 km holds fewer than 41" in err.value.text("en")
    larger = float(err.value.params["larger"])
    assert larger > 20
    shown = build_map(replace(households, min_count=41, hexagon_km=larger))  # the proposal does show something
    assert (~shown.data.suppressed()).any()
    with pytest.raises(OptionError) as err:
        build_map(replace(households, min_count=10_000, lang="fr"))
    assert "par zone" in err.value.text("fr")
