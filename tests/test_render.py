"""The printed page: every element inside the page, labels apart, scale bar true, looks as before."""
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text
from pyproj import Geod

from conftest import FIXED_DATE, REPO, SAMPLE

from carto_desktop.carto.templates import bundled_templates
from carto_desktop.export import save_map
from carto_desktop.project import build_map, sample_project

def _render(template="choropleth", lang="en", **changes):
    project = replace(sample_project(lang, template), created=FIXED_DATE, **changes)
    result = build_map(project)
    result.figure.canvas.draw()
    return result


def _texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.fixture(scope="module", params=[(t, lang) for t in sorted(bundled_templates()) for lang in ("en", "fr")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def rendered(request, sample_pages):
    """Each bundled template on the sample data, in each language, with any warning an error."""
    template, lang = request.param
    return template, lang, sample_pages(template, lang)


def test_every_text_lies_inside_the_page_margins(rendered):
    template, lang, result = rendered
    fig = result.figure
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    margin_px = (8 / 25.4) * fig.dpi if not result.drawn.pixels else 0.03 * page.width
    outside = []
    for t in _texts(fig):
        if t.get_clip_on() and t.axes is not None and t.axes.get_clip_on() and t.get_clip_box() is not None:
            box = t.get_window_extent(renderer).intersection(t.get_window_extent(renderer), t.get_clip_box())
            if box is None:
                continue  # clipped away entirely (a neighbour name beyond the frame)
        else:
            box = t.get_window_extent(renderer)
        if box.x0 < page.x0 + margin_px - 1 or box.x1 > page.x1 - margin_px + 1 or \
                box.y0 < page.y0 + margin_px - 1 or box.y1 > page.y1 - margin_px + 1:
            outside.append(t.get_text()[:40])
    assert outside == []


def test_page_has_title_legend_scale_bar_north_arrow_and_credits(rendered):
    template, lang, result = rendered
    fig = result.figure
    texts = [t.get_text() for t in _texts(fig)]
    title = next(t for t in _texts(fig) if t.get_gid() == "title")
    assert title.get_text().replace("\n", " ") == sample_project(lang, template).title
    assert any(t.endswith(" km") for t in texts), "scale bar label"
    assert "N" in texts, "north arrow"
    footer = next(t for t in _texts(fig) if t.get_gid() == "footer").get_text()
    assert "Natural Earth" in footer or template == "social_card"
    assert ("OCHA" in footer) and ("Sources" in footer)
    if template != "social_card":
        assert ("Nations Unies" if lang == "fr" else "United Nations") in footer
        assert "2026" in footer


def test_map_frame_legend_and_inset_do_not_overlap(rendered):
    _, _, result = rendered
    fig = result.figure
    # a social card's legend lies, on its white ground, over the foot of the map (the data is framed above it)
    compact = result.drawn.pixels is not None
    boxes = [ax.get_position() for ax in fig.axes if ax.get_visible() and not (compact and ax.get_gid() == "legend")]
    frames = [b for b in boxes]
    for a, b in combinations(frames, 2):
        inter_w = min(a.x1, b.x1) - max(a.x0, b.x0)
        inter_h = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert inter_w <= 1e-6 or inter_h <= 1e-6, (a, b)


def test_area_labels_never_overlap(rendered):
    _, _, result = rendered
    fig = result.figure
    renderer = fig.canvas.get_renderer()
    labels = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts
              if t.get_gid() in ("area_label", "town_label", "capital", "neighbour_label", "water_label")]
    assert labels
    for a, b in combinations(labels, 2):
        assert not a.overlaps(b)


def test_choropleth_labels_some_areas_and_legend_counts_every_area(sample_pages):
    result = sample_pages("choropleth", "fr")
    fig = result.figure
    labels = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "area_label"]
    towns = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() in ("town_label", "capital")]
    assert len(labels) >= 20 and "Tombouctou" in labels + towns and "Bamako" in towns
    legend_texts = [t.get_text() for t in fig.axes[-2].texts] if len(fig.axes) > 2 else []
    counts = [int(t.rsplit("(", 1)[1].rstrip(")")) for ax in fig.axes for t in (x.get_text() for x in ax.texts)
              if t.endswith(")") and "–" in t]
    assert sum(counts) == 53, legend_texts


def test_french_legend_uses_french_number_format():
    result = _render("choropleth", "fr", agg="count", value_column=None, legend_heading=None)
    texts = [t.get_text() for ax in result.figure.axes for t in ax.texts]
    ranges = [t for t in texts if " – " in t]
    assert ranges and any("\u202f" in t for t in ranges), ranges  # "1 234 – 2 345"
    english = _render("choropleth", "en", agg="count", value_column=None, legend_heading=None)
    texts_en = [t.get_text() for ax in english.figure.axes for t in ax.texts if " – " in t.get_text()]
    assert any("," in t for t in texts_en)


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:32630"])
def test_scale_bar_matches_true_distance_within_two_percent(tmp_path, crs):
    import geopandas as gpd

    layer = gpd.read_file(SAMPLE / "mali_adm2.geojson").to_crs(crs)
    path = tmp_path / "adm2.gpkg"
    layer.to_file(path, engine="pyogrio")
    result = _render("choropleth", "en", boundaries=path)
    bar = result.drawn.scale_bar
    # measure the drawn bar on the ground: its two ends, back to longitude/latitude
    from pyproj import Transformer

    from carto_desktop.carto.projection import choose_projection

    map_crs = choose_projection(gpd.read_file(path)).crs
    to_ll = Transformer.from_crs(map_crs, 4326, always_xy=True)
    (lon0, lat0), (lon1, lat1) = [to_ll.transform(x, bar.y) for x in (bar.x, bar.x + bar.length)]
    metres = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]
    assert abs(metres / (bar.km * 1000) - 1) < 0.02


@pytest.mark.parametrize("template, lang, baseline", [("choropleth", "en", "choropleth_en_60dpi.png"),
                                                    ("social_card", "fr", "social_card_fr.png")])
def test_reference_image(tmp_path, template, lang, baseline, sample_pages):
    """The maps look as they did when a person last looked at them (RMS tolerance 3 on 0–255)."""
    result = sample_pages(template, lang)
    out = tmp_path / baseline
    save_map(result.figure, out, dpi=60, drawn=result.drawn)
    assert compare_images(str(REPO / "tests" / "baseline" / baseline), str(out), tol=3) is None


def test_greyscale_classes_stay_distinct_in_the_default_template(sample_pages):
    from carto_desktop.carto.palettes import greyscale_distinct

    result = sample_pages("choropleth", "en")
    legend = next(ax for ax in result.figure.axes if ax.get_gid() == "legend")
    from matplotlib.colors import to_hex

    hexes = [to_hex(p.get_facecolor()) for p in legend.patches if str(p.get_gid()).startswith("legend-class")]
    assert len(hexes) == 5 and greyscale_distinct(hexes)


def test_social_card_is_exactly_1080_pixels(tmp_path, sample_pages):
    from PIL import Image

    result = sample_pages("social_card", "fr")
    out = save_map(result.figure, tmp_path / "card.png", dpi=300, drawn=result.drawn)
    with Image.open(out) as img:
        assert img.size == (1080, 1080)


def test_points_template_places_every_site_inside_the_frame(sample_pages):
    result = sample_pages("points", "en")
    pts = result.data.points
    assert len(pts) == 47
    ax = next(ax for ax in result.figure.axes if ax.collections and any(
        c.get_offsets().shape[0] > 1 for c in ax.collections if hasattr(c, "get_offsets")))
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    drawn = np.vstack([c.get_offsets() for c in ax.collections if hasattr(c, "get_offsets") and len(c.get_offsets())])
    assert ((drawn[:, 0] > x0) & (drawn[:, 0] < x1) & (drawn[:, 1] > y0) & (drawn[:, 1] < y1)).all()


@pytest.mark.parametrize("size, orientation", [("A4", "portrait"), ("A3", "landscape"), ("Letter", "landscape"),
                                               ("Letter", "portrait")])
def test_page_presets_keep_every_text_inside_the_margins(tmp_path, size, orientation):
    import json

    spec = json.loads((REPO / "styles" / "choropleth.json").read_text(encoding="utf-8"))
    spec["page"] = {"size": size, "orientation": orientation, "margin_mm": 10}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    result = build_map(replace(sample_project("fr"), template=str(path), created=FIXED_DATE))
    fig = result.figure
    fig.canvas.draw()
    w_mm, h_mm = fig.get_size_inches() * 25.4
    assert (round(w_mm), round(h_mm)) == {("A4", "portrait"): (210, 297), ("A3", "landscape"): (420, 297),
                                          ("Letter", "landscape"): (279, 216),
                                          ("Letter", "portrait"): (216, 279)}[(size, orientation)]
    renderer = fig.canvas.get_renderer()
    margin = 8 / 25.4 * fig.dpi
    for t in _texts(fig):
        if t.get_clip_on() and t.axes is not None:
            continue  # map labels are clipped to the frame
        box = t.get_window_extent(renderer)
        assert box.x0 >= margin - 1 and box.x1 <= fig.bbox.x1 - margin + 1, t.get_text()[:40]
        assert box.y0 >= margin - 1 and box.y1 <= fig.bbox.y1 - margin + 1, t.get_text()[:40]


def test_dollar_signs_in_titles_are_printed_not_read_as_maths(tmp_path):
    """A budget title such as "10$ to 20$" once lost both signs and came out in italics."""
    from carto_desktop.privacy.scan import file_texts

    title, subtitle = "Budget: 10$ to 20$ per household", "Cost a_b^c in $"
    result = _render(title=title, subtitle=subtitle)
    fig = result.figure
    drawn = next(t.get_text() for t in _texts(fig) if t.get_gid() == "title")
    assert drawn.replace("\n", " ") == title
    out = save_map(fig, tmp_path / "dollar.pdf", drawn=result.drawn)
    text = b"\n".join(file_texts(out)).decode("utf-8", "replace")
    assert all(line in text for line in drawn.split("\n")) and subtitle in text


def test_region_outlines_close_the_gaps_of_the_boundary_file_but_keep_bamako(sample_pages):
    """Mali's COD cercles leave dozens of 0.1–8 km² gaps between neighbours: dissolved into regions
    they became holes, drawn as stray dark dashes inside a region. Bamako, an enclave in Koulikoro,
    is a real hole and must stay outlined."""
    import shapely

    from carto_desktop.carto.page import outlines_of

    data = sample_pages().data  # longitude/latitude: 1 mm of the A4 map ≈ 0.07°
    def holes(outlines):
        return sorted(shapely.Polygon(r).area for g in outlines.parents for p in shapely.get_parts(g) for r in p.interiors)
    raw, closed = holes(outlines_of(data)), holes(outlines_of(data, min_hole=0.07 ** 2))
    assert len(raw) > 50  # the gaps are really in the file
    assert len(closed) == 1 and closed[0] == raw[-1] and 0.015 < closed[0] < 0.03  # Bamako, ≈ 245 km²
    outer = outlines_of(data, min_hole=0.07 ** 2).outer
    assert sum(len(p.interiors) for g in outer for p in shapely.get_parts(g)) == 0  # no holes in Mali itself


def test_the_country_of_a_layer_is_the_one_that_holds_most_of_its_area(real_data):
    """The inset, the title's country and the neighbours' names follow `country_of`: 10,000 village areas
    are in Mali; a layer of Burkina Faso's provinces with three Malian cercles added is Burkina Faso's."""
    import pandas as pd

    from carto_desktop.intake import read_layer
    from carto_desktop.project import country_of, country_outlines

    countries = country_outlines()
    assert country_of(read_layer(real_data / "bench" / "mali_voronoi_10k.gpkg"), countries)["ADM0_A3"] == "MLI"
    assert country_of(read_layer(real_data / "boundaries" / "ner_adm2.geojson"), countries)["ADM0_A3"] == "NER"
    burkina = read_layer(real_data / "boundaries" / "bfa_adm2.geojson")
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    mixed = pd.concat([burkina, mali.iloc[:3]], ignore_index=True)
    assert country_of(mixed, countries)["ADM0_A3"] == "BFA"
    assert country_of(pd.concat([mali, burkina], ignore_index=True), countries)["ADM0_A3"] == "MLI"
    assert country_of(mali.iloc[:0], countries) is None


def test_long_thin_gaps_between_areas_are_not_drawn_as_borders_on_a_zoomed_map(real_data):
    """Chad's COD départements leave about 70 gaps between neighbours, 0.1–260 m wide and up to 400 km
    long: on a map of the Lac sites (1 mm ≈ 0.5 km) they were drawn as stray thick black dashes
    inside the country. Closed as slivers, whatever their area; Bamako (Mali) still stays."""
    from dataclasses import replace

    import shapely

    from carto_desktop.carto.page import outlines_of
    from carto_desktop.project import Project, build_map

    data = build_map(Project(table=real_data / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx",
                             template="points", lang="fr")).data
    data = replace(data, areas=data.areas.to_crs(data.areas.estimate_utm_crs()))
    def holes(outlines):
        return [shapely.Polygon(r) for g in [*outlines.parents, *outlines.outer] for p in shapely.get_parts(g)
                for r in p.interiors]
    assert len(holes(outlines_of(data))) > 50  # the gaps are really in the file
    assert holes(outlines_of(data, min_hole=500.0 ** 2)) == []  # 1 mm² of paper at 1 mm ≈ 0.5 km


def test_the_gaps_between_areas_are_filled_as_the_land_they_are():
    """Nigeria's 774 LGAs leave about 2,900 gaps between them, holes in the country's outline: the grey of
    the neighbouring land fills them (never the sea's colour between two LGAs), with their grey edge, and
    nothing grey lies over an area. The neighbours are cut along the outline without its holes (speed)
    and the holes filled after: this says it is the same as cutting along them."""
    import shapely

    from carto_desktop.builtin_boundaries.catalogue import read_builtin
    from carto_desktop.carto import page
    from carto_desktop.project import country_outlines

    layer = read_builtin("builtin:NGA/2").to_crs("+proj=laea +lat_0=9 +lon_0=8 +units=m")
    outer = page._union(layer.geometry.to_numpy())
    areas = layer.union_all()
    holes = shapely.difference(shapely.union_all([shapely.Polygon(r) for p in shapely.get_parts(outer)
                                                  for r in p.interiors]), areas)  # an LGA may lie in a gap
    assert len(shapely.get_parts(holes)) > 1000  # the gaps are really in the file
    x0, y0, x1, y1 = outer.bounds
    mm = (x1 - x0) / 250  # the country 25 cm wide on paper
    geoms, codes, _, edges = page._neighbour_shapes(country_outlines(), layer.crs, (x0 - 20 * mm, x1 + 20 * mm),
                                                    (y0 - 20 * mm, y1 + 20 * mm), "NGA", mm, outer)
    assert {"NGA", "NER", "BEN", "CMR", "TCD"} <= set(codes)
    land = shapely.union_all(geoms)
    countries = country_outlines()
    on_land = shapely.intersection(holes, shapely.union_all(countries[countries["ADM0_A3"].isin(codes)].to_crs(
        layer.crs).geometry.make_valid().to_numpy()))
    assert on_land.area > 0.9 * holes.area
    assert shapely.difference(on_land, land).area < 1e-6 * on_land.area  # every gap on land filled
    assert shapely.intersection(land, areas).area < 1e-6 * areas.area  # no area greyed
    rings = shapely.union_all(shapely.get_parts(shapely.boundary(holes)))
    assert shapely.difference(rings, shapely.buffer(shapely.union_all(edges), 1.0)).length < 0.01 * rings.length


def test_an_outlines_small_holes_are_closed_as_one_by_one(real_data):
    """The gaps a dissolve leaves as holes are tested all at once (`page._real_holes`): the same outline, to the
    byte, as testing each hole as a polygon of its own (Mali's 49 cercles dissolved, at three thresholds)."""
    import geopandas as gpd
    import shapely

    from carto_desktop.carto.page import _without_small_holes

    def one_by_one(geom, min_area, min_width):
        def real(hole):
            return hole.area >= min_area and 2 * hole.area / max(hole.exterior.length, 1e-12) >= min_width
        parts = shapely.get_parts(geom)
        kept = [shapely.Polygon(p.exterior, [r for r in p.interiors if real(shapely.Polygon(r))]) for p in parts]
        return shapely.multipolygons(kept) if len(kept) > 1 else kept[0]

    areas = gpd.read_file(real_data / "boundaries" / "mali_adm2.geojson").to_crs("+proj=laea +lat_0=17 +lon_0=-4")
    regions = [shapely.union_all(g.geometry.to_numpy()) for _, g in areas.groupby("adm1_pcode")]
    outlines = regions + [shapely.union_all(areas.geometry.to_numpy())]
    holes = sum(shapely.get_num_interior_rings(shapely.get_parts(g)).sum() for g in outlines)
    assert holes > 10
    for min_area, min_width in ((0.0, 0.0), (1e6, 500.0), (1e8, 0.0)):
        for geom in outlines:
            assert shapely.to_wkb(_without_small_holes(geom, min_area, min_width)) == \
                shapely.to_wkb(one_by_one(geom, min_area, min_width))
