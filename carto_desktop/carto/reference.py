"""Reference features that let a reader find their way: capital, main towns, lakes and rivers.

A map of 223 displacement sites around Lake Chad that shows neither the lake nor a town cannot
be read by someone who does not already know the area. The features come from Natural Earth
1:10m (`reference/`, built by `tools/build_reference.py`); only those that fit the map's scale
are drawn: lakes larger than a few millimetres on paper, rivers of the ranks a country map
shows, the national capital and the main towns chosen by Natural Earth's rank and population.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes

from carto_desktop.carto.drawing import draw_lines, draw_polygons
from carto_desktop.carto.labels import AROUND_POINT, CENTRED, Label, halo
from carto_desktop.carto.legend import LegendEntry
from carto_desktop.carto.projection import reprojected, to_crs
from carto_desktop.i18n import translate
from carto_desktop.reuse import kept_shapes
from carto_desktop.paths import reference_dir

WATER_FILL, WATER_EDGE = "#bcd8ee", "#5b9bd0"
CAPITAL_COLOUR, TOWN_COLOUR = "#111111", "#333333"
GROUPS = ("capital", "towns", "lakes", "rivers")


@dataclass(frozen=True)
class ReferenceLayers:
    places: gpd.GeoDataFrame
    lakes: gpd.GeoDataFrame
    rivers: gpd.GeoDataFrame


@lru_cache(maxsize=1)
def reference_layers() -> ReferenceLayers | None:
    """The shipped reference features (EPSG:4326), read once per process; None if not shipped.

    FlatGeobuf (binary, no spatial index so the features keep their order): 0.007 s for the three
    files, where the same features as GeoJSON took 0.04 s to parse at each command."""
    folder = reference_dir()
    try:
        return ReferenceLayers(*(gpd.read_file(folder / f"{name}.fgb", engine="pyogrio")
                                 for name in ("places", "lakes", "rivers")))
    except Exception:  # noqa: BLE001 - a bundle without them still draws its maps
        return None


@dataclass
class DrawnReference:
    """What was drawn, for the labels pass and the legend."""

    labels: list[Label]
    legend: list[LegendEntry]


@dataclass
class ReferenceFeatures:
    """The features that fit a map's view and scale, in the map's CRS: what `draw_reference` draws,
    and what the interactive map (`interactive.py`) shows."""

    rivers: np.ndarray  # lines cut to the view
    river_ranks: np.ndarray  # Natural Earth's rank: ≤ 4 drawn wider
    lakes: np.ndarray
    lake_names: list[str]  # "" for a lake too small to name
    capital: list[tuple[float, float, str]]  # x, y, name
    towns: list[tuple[float, float, str]]  # largest first
    legend: list[LegendEntry]


def reference_features(crs, view, mm: float, outline, country_code: str | None, lang: str, groups: set[str],
                       max_towns: int = 12) -> ReferenceFeatures | None:
    """Lakes larger than a few mm, rivers of the ranks the scale shows, the capital and the main towns
    inside `outline`; `view` is the map's frame (a box in `crs`), `mm` the map units in a millimetre."""
    layers = reference_layers()
    if layers is None or not groups:
        return None
    x0, y0, x1, y1 = view.bounds
    lon0, lat0, lon1, lat1 = shapely.total_bounds(reprojected([view.segmentize((x1 - x0) / 20)], crs, 4326))
    none = np.array([], dtype=object)
    found = ReferenceFeatures(none, np.array([]), none, [], [], [], [])

    if "rivers" in groups:
        rivers = layers.rivers.cx[lon0:lon1, lat0:lat1]
        max_rank = 7 if (x1 - x0) > 800_000 else 8
        rivers = rivers[rivers["rank"] <= max_rank]
        if not rivers.empty:
            geoms = shapely.intersection(reprojected(rivers.geometry.to_numpy(), rivers.crs, crs), view)
            keep = shapely.length(geoms) > 8 * mm
            if keep.any():
                found.rivers, found.river_ranks = geoms[keep], rivers["rank"].to_numpy()[keep]
                found.legend.append(LegendEntry(translate("River", lang), WATER_EDGE, "line"))

    if "lakes" in groups:
        lakes = layers.lakes.cx[lon0:lon1, lat0:lat1]
        if not lakes.empty:
            lakes = to_crs(lakes, crs)
            geoms = shapely.intersection(lakes.geometry.to_numpy(), view)
            area = shapely.area(geoms)
            keep = area > (2.5 * mm) ** 2
            if keep.any():
                found.lakes = geoms[keep]
                names = lakes["name_fr" if lang == "fr" else "name"].fillna("").to_numpy()
                found.lake_names = [str(name) if name and a > (5 * mm) ** 2 else ""  # Lake Chad: ~7 mm on Chad
                                    for name, a in zip(names[keep], area[keep])]
                found.legend.append(LegendEntry(translate("Lake", lang), WATER_FILL, "box", edge=WATER_EDGE))

    places = layers.places.cx[lon0:lon1, lat0:lat1]
    if places.empty or outline is None or not ({"capital", "towns"} & groups):
        return found
    places = to_crs(places, crs)
    inside = shapely.contains_xy(outline, places.geometry.x.to_numpy(), places.geometry.y.to_numpy()) & \
        shapely.contains_xy(view, places.geometry.x.to_numpy(), places.geometry.y.to_numpy())
    places = places[inside]
    is_capital = (places["kind"] == "capital").to_numpy().copy()
    if country_code is not None and is_capital.any():
        is_capital &= (places["country"] == country_code).to_numpy() | ~(places["country"] == country_code).any()
    capital = places[is_capital]
    towns = places[~is_capital].sort_values(["rank", "population"], ascending=[True, False]).head(max_towns) \
        if "towns" in groups else places.iloc[0:0]
    name_col = "name_fr" if lang == "fr" else "name"
    if "capital" in groups and not capital.empty:
        found.capital = [(row.geometry.x, row.geometry.y, row[name_col]) for _, row in capital.iterrows()]
        found.legend.insert(0, LegendEntry(translate("National capital", lang), CAPITAL_COLOUR, "star"))
    if len(towns):
        found.towns = [(row.geometry.x, row.geometry.y, row[name_col]) for _, row in towns.iterrows()]
        found.legend.insert(1 if found.capital else 0, LegendEntry(translate("Town", lang), TOWN_COLOUR, "dot"))
    return found


def draw_reference(ax: Axes, crs, outline, country_code: str | None, lang: str, font_pt: float,
                   groups: set[str], max_towns: int = 12) -> DrawnReference:
    """Draw lakes and rivers (under the boundaries) and town symbols; their names are returned
    as labels to place with every other name on the page.

    `outline` is the mapped areas' union in the map's CRS: towns are those inside it.
    """
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    mm = (x1 - x0) / (ax.get_position().width * ax.figure.get_size_inches()[0] * 25.4)  # map units per mm
    # the app's previews keep what fits the same frame of the same outline (`reuse.kept_shapes`)
    found = kept_shapes("reference", ([] if outline is None else [outline],),
                        (crs, (x0, x1, y0, y1), mm, country_code, lang, tuple(sorted(groups)), max_towns),
                        lambda: reference_features(crs, shapely.box(x0, y0, x1, y1), mm, outline, country_code, lang,
                                                   groups, max_towns))
    if found is None:
        return DrawnReference([], [])
    labels: list[Label] = []
    water_style = dict(fontsize=font_pt - 0.5, color="#2c6fa8", style="italic", zorder=16, path_effects=halo(1.6))
    for wide, width in ((found.river_ranks <= 4, 1.0), (found.river_ranks > 4, 0.6)):
        if wide.any():
            draw_lines(ax, found.rivers[wide], WATER_EDGE, width, zorder=5.6, gid="rivers")
    if len(found.lakes):
        draw_polygons(ax, found.lakes, WATER_FILL, WATER_EDGE, 0.4, zorder=5.7, gid="lakes")
        for geom, name in zip(found.lakes, found.lake_names):
            if name:
                spot = shapely.point_on_surface(geom)
                labels.append(Label([name], spot.x, spot.y, "water_label", 40, water_style,
                                    positions=CENTRED + AROUND_POINT[:4], gap_pt=font_pt))
    renderer = ax.figure.canvas.get_renderer()
    for x, y, name in found.capital:
        dot, = ax.plot([x], [y], marker="*", markersize=font_pt * 1.45,
                       color=CAPITAL_COLOUR, markeredgecolor="white", markeredgewidth=0.7, zorder=13,
                       linestyle="none", gid="capital-symbol")
        labels.append(Label([name], x, y, "capital", 0,
                            dict(fontsize=font_pt + 0.5, fontweight="bold", color=CAPITAL_COLOUR, zorder=17,
                                 path_effects=halo(2.8)),
                            positions=AROUND_POINT, gap_pt=font_pt * 0.75,
                            obstacle=dot.get_window_extent(renderer)))
    for rank, (x, y, name) in enumerate(found.towns):
        dot, = ax.plot([x], [y], marker="o", markersize=font_pt * 0.45,
                       color=TOWN_COLOUR, markeredgecolor="white", markeredgewidth=0.5, zorder=12,
                       linestyle="none", gid="town-symbol")
        labels.append(Label([name], x, y, "town_label", 1 + rank / 100,
                            dict(fontsize=font_pt - 0.5, color=TOWN_COLOUR, zorder=17, path_effects=halo(2.6)),
                            positions=AROUND_POINT, gap_pt=font_pt * 0.45, marker=dot,
                            obstacle=dot.get_window_extent(renderer)))
    return DrawnReference(labels, list(found.legend))


def reference_groups(spec: dict, compact: bool) -> set[str]:
    """The groups a template draws: all by default, the capital alone on a social card."""
    chosen = spec.get("reference")
    if isinstance(chosen, dict):
        return {g for g in GROUPS if chosen.get(g, True)} if not compact else \
            ({"capital"} if chosen.get("capital", True) else set())
    return {"capital"} if compact else set(GROUPS)


def union_outline(geoms: np.ndarray):
    """The mapped areas as one shape (towns outside it are not ours to name)."""
    return shapely.union_all(shapely.buffer(shapely.make_valid(geoms), 0))
