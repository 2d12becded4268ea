"""What the map frames: the whole boundary set, or the one region where all the data is.

A site assessment of Chad's Lac province names three of the country's 70 departments: drawn on the
whole country, the page is 67 hatched "no data" departments around a few coloured ones near the lake,
and a cartographer would redo it on the province, with the country in the locator map. So when every
area with data (and every row naming a region without a smaller area) lies in one region (admin 1) of
a boundary set that has several, the map shows that region, as an atlas page does (`atlas.py`): its
name after the title, the other regions left out, and the page saying so. `Project.whole_country`
keeps the whole set. A national table is never cut: its data spans regions. Nor is a table with a row
not on the map (not found, to review, no place): that row may lie in another region (`project.prepare_map`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import shapely

from carto_desktop.carto.thematic import MapData
from carto_desktop.i18n import Told, translate
from carto_desktop.reuse import kept_shapes

# templates whose areas an atlas also cuts by region (the points, sectors and hexagon maps frame themselves)
REGION_TEMPLATES = ("choropleth", "presence", "symbols")
# a region holding more than this share of the set's areas is most of the map already: nothing to gain
MOST_OF_THE_MAP = 0.5


@dataclass(frozen=True)
class Region:
    """The one region that holds all the data: its code and name in the boundary file, and the areas' columns
    that give them (`BoundaryKeys.parent_columns`)."""

    code: str
    name: str
    code_column: str
    name_column: str | None


def region_of_data(data: MapData, layer: gpd.GeoDataFrame, kind: str) -> Region | None:
    """The region where all the data lies, when the map should show it alone; else None."""
    if kind not in REGION_TEMPLATES or data.outlines is not None or data.keys is None:
        return None
    columns = data.keys.parent_columns(data.areas.columns)
    if columns is None or columns[0] not in layer.columns:
        return None
    code_col, name_col = columns
    areas = data.areas
    regions = areas[code_col].astype(str)
    if regions.nunique() < 2:
        return None
    with_data = areas["value"].notna().to_numpy().copy()
    if "value_records" in areas:
        with_data |= areas["value_records"].fillna(0).to_numpy() > 0
    codes = set(regions[with_data])
    larger = data.larger_areas
    if larger is not None and code_col in larger:
        codes |= set(larger[code_col].astype(str))
    if len(codes) != 1:
        return None
    code = codes.pop()
    mine = (regions == code).to_numpy()
    if mine.sum() > MOST_OF_THE_MAP * len(areas):
        return None
    name = str(areas.loc[mine, name_col].iloc[0]) if name_col else code
    return Region(code, name, code_col, name_col)


def on_region(data: MapData, layer: gpd.GeoDataFrame, region: Region, lang: str) -> tuple[MapData, gpd.GeoDataFrame]:
    """The map's data and boundary layer cut to `region`, the page saying that only it is shown."""
    code_col = region.code_column
    areas = data.areas[data.areas[code_col].astype(str) == region.code]
    note = translate("Only {region} is shown: the table has no data elsewhere in the country.", lang,
                     region=region.name)
    footnote = " ".join(t for t in (data.footnote, note) if t)  # rows not on the map first
    shown = replace(data, areas=areas, footnote=footnote, region=region.name,
                    context=regions_around(layer, code_col, region.name_column, region.code))
    return shown, layer[layer[code_col].astype(str) == region.code]


def regions_around(layer: gpd.GeoDataFrame, code_col: str, name_col: str | None, code: str) -> gpd.GeoDataFrame | None:
    """The regions near region `code`, one shape each with its name: a region's map draws their borders and
    names lightly, so the reader sees what lies around it (Kanem, Hadjer-Lamis around Chad's Lac), as the
    neighbouring countries are drawn around a country. Only areas within reach of the frame are joined. The app's
    engine keeps them between previews of the same layer (`reuse.kept_shapes`: Nigeria's states, 0.04 s an edit)."""
    return kept_shapes("regions around", (layer.geometry.to_numpy(),), (code_col, name_col, code, str(layer.crs)),
                       lambda: _regions_around(layer, code_col, name_col, code))


def _regions_around(layer: gpd.GeoDataFrame, code_col: str, name_col: str | None, code: str) -> gpd.GeoDataFrame | None:
    regions = layer[code_col].astype(str)
    x0, y0, x1, y1 = layer[regions == code].total_bounds
    reach = 1.5 * max(x1 - x0, y1 - y0)  # a frame is the region's box widened to the page's shape, never more
    near = layer[regions != code].cx[x0 - reach:x1 + reach, y0 - reach:y1 + reach]
    if near.empty:
        return None
    groups = near.groupby(near[code_col].astype(str), sort=True)
    names = [str(g[name_col].iloc[0]) if name_col else c for c, g in groups]
    shapes = [shapely.union_all(shapely.make_valid(g.geometry.to_numpy())) for _, g in groups]
    return gpd.GeoDataFrame({"name": names}, geometry=shapes, crs=layer.crs)


def region_notice(region: Region, lang: str) -> Told:
    """What the person is told on screen: why the map shows one region, and how to show the whole country."""
    return Told(lambda lang: translate(
        "Every area with data is in {region}, so the map shows that region only. To show the whole country, tick "
        "\"Whole country\" in the Style step (on the command line: --whole-country).", lang, region=region.name), lang)
