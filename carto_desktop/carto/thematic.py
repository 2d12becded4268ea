"""The data drawn in the map frame, one function per template kind.

Each function draws on a map axes whose units are metres of the map projection and
returns the `LegendSpec` that explains it.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.axes import Axes

from carto_desktop.aggregate import RECORDS
from carto_desktop.carto.classify import Classes, classify
from carto_desktop.carto.drawing import draw_outlines, draw_polygons
from carto_desktop.carto.labels import AROUND_POINT, Label, halo
from carto_desktop.carto.legend import LegendEntry, LegendSpec
from carto_desktop.number_format import format_number
from carto_desktop.carto.palettes import category_colours, class_colours
from carto_desktop.carto.templates import Template
from carto_desktop.hexagons import size_text
from carto_desktop.i18n import translate
from carto_desktop.match.boundary_keys import BoundaryKeys


@dataclass
class MapData:
    """What a page shows, already projected: areas with `value`, and optional categories or points."""

    areas: gpd.GeoDataFrame
    keys: BoundaryKeys
    indicator: str
    categories: pd.DataFrame | None = None  # rows: area id; columns: category; cells: value
    points: gpd.GeoDataFrame | None = None  # columns: geometry, optional "category"
    min_count: int = 0  # counts of people in 1..min_count-1 are never shown exactly (0 = off)
    # `value` counts people (`counted.what_is_counted`): households, beneficiaries, people in need. False for
    # organisations, activities, sites (a 3W's gaps are what it exists to show), and for a mean or a maximum
    counts_people: bool = True
    # the table's rows are people or households (microdata): a figure from few of them reveals them.
    # False for tables of area statistics (an HNO's people in need per département: one row per area)
    records_are_people: bool = True
    # what the value counts (`counted.Counted`), for the app's line under the threshold; None: not decided
    counted: object | None = None
    # a grid of cells (`hexagons.py`) instead of admin areas: `areas` are then the cells, and the
    # admin areas are drawn outlined over them; `cell_size_km` is said in the legend
    outlines: gpd.GeoDataFrame | None = None
    outline_keys: BoundaryKeys | None = None
    cell_size_km: float | None = None
    # rows not behind the values ("2,482 of 2,574 rows are mapped; 91 give only a larger area"), as a footnote
    # (`rows_account.py`), and what a long-format table's rows were reduced to ("totals over Sector, Gender")
    footnote: str = ""
    subtitle_note: str = ""
    # classes fixed beforehand (an atlas: the country's classes and colours on every page, so pages compare)
    classes: Classes | None = None
    # larger areas (regions) that rows name without a smaller one, drawn at their own level over the areas
    # (`rows_account.rows_of_larger_areas`): their outlines with a column `rows`, and the legend's line for them
    larger_areas: gpd.GeoDataFrame | None = None
    larger_label: str = ""
    larger_level: str = ""  # what such an area is called ("region"), for an atlas page's own line
    region: str = ""  # the one region the map shows, all the data being there (`framing.py`): named after the title
    # the regions around a map of one region (`framing.regions_around`): their borders and names, drawn light
    context: gpd.GeoDataFrame | None = None

    def region_rows(self) -> np.ndarray:
        """Per area, the rows that name its region without a smaller area (`larger_areas`); zeros if none."""
        larger, columns = self.larger_areas, self.keys.parent_columns(self.areas.columns) if self.keys else None
        if larger is None or columns is None or columns[0] not in larger:
            return np.zeros(len(self.areas))
        per_region = larger.groupby(larger[columns[0]].astype(str))["rows"].sum()
        return self.areas[columns[0]].astype(str).map(per_region).fillna(0).to_numpy(dtype=float)

    def blank_but_reported_above(self) -> np.ndarray:
        """Areas with no rows of their own inside a region reported for as a whole: not "no data" on the
        map (the region's hatch says what there is), and not counted as such in the legend."""
        if self.larger_areas is None or not len(self.larger_areas):
            return np.zeros(len(self.areas), dtype=bool)
        return ~np.isfinite(self.areas["value"].to_numpy(dtype=float)) & (self.region_rows() > 0)

    def suppressed(self) -> np.ndarray:
        """Areas hidden in a "fewer than N" class (statistical disclosure control).

        The one place for the rule: an area is hidden when its value is a count of people under N
        (`counts_people`, decided by `counted.what_is_counted`: never organisations, activities or
        sites), or, when the rows are people (`records_are_people`), when its value, whatever the
        statistic, comes from fewer than N rows (`aggregate.RECORDS`): a mean of three households
        reveals them as a count would. One row of people in need per area is a statistic, not a person.
        """
        small, few = self._small_and_few()
        return small | few

    def _small_and_few(self) -> tuple[np.ndarray, np.ndarray]:
        v = self.areas["value"].to_numpy(dtype=float)
        none = np.zeros(len(v), dtype=bool)
        if self.min_count <= 1:
            return none, none
        shown = np.isfinite(v)
        small = shown & (v > 0) & (v < self.min_count) if self.counts_people else none
        if RECORDS not in self.areas or not self.records_are_people:
            return small, none
        r = self.areas[RECORDS].to_numpy(dtype=float)
        return small, shown & (r > 0) & (r < self.min_count) & ~small

    def suppression_texts(self, lang: str) -> tuple[str, str]:
        """The legend's "fewer than N" label and its one-sentence why, in the words that fit what was hidden."""
        small, few = self._small_and_few()
        n = self.min_count
        if few.any() and not small.any():
            return (translate("Fewer than {n} records", lang, n=n),
                    translate("Hidden: figures from fewer than {n} records, to protect the people counted.",
                              lang, n=n))
        if few.any():
            return (translate("Fewer than {n}", lang, n=n),
                    translate("Hidden: counts of people under {n} and figures from fewer than {n} records, "
                              "to protect them.", lang, n=n))
        return (translate("Fewer than {n}", lang, n=n),
                translate("Hidden: counts of people under {n}, to protect them.", lang, n=n))


SUPPRESSED_COLOUR = "#ececec"  # pale, dotted: neither "no data" (white, hatched) nor a class colour
SUPPRESSED_HATCH = "...."
BASE_AREA_FILL, BASE_AREA_EDGE = "#f4f4f4", "#bdbdbd"  # light areas under symbols, points, sectors
SYMBOL_MAX_MM = 7.0  # radius of the largest circle


def _fewer_than(data: MapData, lang: str, count: int | None = None) -> LegendEntry:
    label = data.suppression_texts(lang)[0]
    return LegendEntry(label + (f"  ({format_number(count, lang)})" if count is not None else ""), SUPPRESSED_COLOUR, "hidden")


def _suppression_note(data: MapData, lang: str) -> list[str]:
    if data.min_count <= 1 or not data.suppressed().any():
        return []
    return ["\n".join(textwrap.wrap(data.suppression_texts(lang)[1], 36))]


def _heading(text: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(text, width)) or " "


def area_classes(data: MapData, template: Template) -> Classes:
    """Classes of the values shown exactly (suppressed small counts are classed apart)."""
    cls = template.spec.get("classification", {"scheme": "quantiles", "classes": 5})
    values = data.areas["value"].to_numpy(dtype=float).copy()
    values[data.suppressed()] = np.nan
    if data.classes is not None:  # the same bounds, labels and colours; the counts are this page's areas
        idx = data.classes.assign(values)
        return replace(data.classes, counts=tuple(int((idx == i).sum()) for i in range(len(data.classes))))
    return classify(values, cls["scheme"], cls["classes"], cls.get("breaks"))


@dataclass
class AreaStyle:
    """What each area (or point) looks like and which legend line explains it.

    The static page draws it and the interactive map (`interactive.py`) writes it into its
    page, so both show the same classes, colours, counts and legend. `entries[i]` indexes
    `legend.entries`; `len(legend.entries)` means the "no data" line, -1 no line.
    `sizes` are circle radii in mm (symbols), NaN where no circle is drawn.
    """

    fills: list[str]
    entries: np.ndarray
    legend: LegendSpec
    sizes: np.ndarray | None = None


def choropleth_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    """Class colours of `value`; "fewer than N" its own grey class, areas without data white."""
    classes = area_classes(data, template)
    colours = class_colours(template.colour("palette", "YlOrRd"), len(classes))
    hidden = data.suppressed()
    idx = classes.assign(data.areas["value"].to_numpy())
    idx[hidden] = -2  # their own class, below the lowest
    no_data_colour = template.colour("no_data", "#ffffff")
    fill = [colours[i] if i >= 0 else (SUPPRESSED_COLOUR if i == -2 else no_data_colour) for i in idx]
    show_counts = template.spec.get("classification", {}).get("show_counts", True)
    labels = classes.labels(lang)
    if show_counts:
        labels = [f"{lab}  ({format_number(n, lang)})" for lab, n in zip(labels, classes.counts)]
    above = data.blank_but_reported_above()
    n_missing = int(((idx == -1) & ~above).sum())
    entries = [LegendEntry(lab, col) for lab, col in zip(labels, colours)]
    shift = 0
    if hidden.any():
        entries.insert(0, _fewer_than(data, lang, int(hidden.sum()) if show_counts else None))
        shift = 1
    spec = LegendSpec(
        heading=_heading(data.indicator),
        entries=entries,
        no_data=LegendEntry(translate("No data", lang) + (f"  ({format_number(n_missing, lang)})" if show_counts else ""), no_data_colour,
                            "hatched") if n_missing else None,  # listed only when some area has none
    )
    if show_counts:
        spec.notes.append(translate("(n) = number of areas", lang))
    spec.notes += _suppression_note(data, lang)
    entry = np.where(idx >= 0, idx + shift, np.where(idx == -2, 0, np.where(above, -1, len(entries))))
    return AreaStyle(fill, entry, spec)


def draw_choropleth(ax: Axes, data: MapData, template: Template, lang: str) -> LegendSpec:
    """Areas coloured by class of `value`; areas without data white and hatched."""
    style = choropleth_style(data, template, lang)
    draw_polygons(ax, data.areas.geometry.to_numpy(), style.fills, template.colour("area_edge", "#ffffff"), 0.35,
                  gid="areas")
    _hatch_no_data(ax, data.areas[style.entries == len(style.legend.entries)])
    _hatch_hidden(ax, data.areas[data.suppressed()])  # "fewer than N": pale and dotted, its own legend box
    return style.legend


def grid_cells(data: MapData) -> MapData:
    """The hexagons cut at the layer's edge: a cell reaching into a neighbouring country would say people live there."""
    inside = shapely.union_all(shapely.buffer(data.outlines.geometry.to_numpy(), 0))
    return replace(data, areas=data.areas.set_geometry(shapely.intersection(data.areas.geometry.to_numpy(), inside)))


def grid_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    """Hexagons classed like a choropleth; no "no data" class (only cells holding points exist); the legend
    says what a cell is and its size."""
    style = choropleth_style(data, template, lang)
    spec = style.legend
    spec.no_data = None
    size = size_text(data.cell_size_km or 0, lang)
    spec.notes = [translate("(n) = number of hexagons", lang) if n == translate("(n) = number of areas", lang) else n
                  for n in spec.notes]
    spec.notes.insert(0, translate("Each hexagon is {size} km across;\nareas are outlined in grey.", lang, size=size))
    return style


def draw_grid(ax: Axes, data: MapData, template: Template, lang: str) -> LegendSpec:
    """Hexagons coloured by class like a choropleth, over the admin areas (white, outlined above the cells)."""
    geoms = data.outlines.geometry.to_numpy()
    draw_polygons(ax, geoms, template.colour("no_data", "#ffffff"), "none", 0.0, zorder=4, gid="admin-areas")
    cells = grid_cells(data)
    style = grid_style(cells, template, lang)
    draw_polygons(ax, cells.areas.geometry.to_numpy(), style.fills, template.colour("area_edge", "#ffffff"), 0.35,
                  gid="areas")
    draw_outlines(ax, geoms, "#8c8c8c", 0.4, zorder=6.5)
    return style.legend


def presence_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    """One colour where the table has something, white elsewhere."""
    present = (data.areas["value"].fillna(0) > 0).to_numpy()
    above = data.blank_but_reported_above()  # the region's hatch speaks for them
    colour = template.colour("present", "#2b8cbe")
    absent_colour = template.colour("no_data", "#ffffff")
    n, n_absent = int(present.sum()), int((~present & ~above).sum())
    spec = LegendSpec(
        heading=_heading(data.indicator),
        entries=[LegendEntry(f"{template.text('present', lang) or translate('Present', lang)}  ({format_number(n, lang)})", colour)],
        no_data=LegendEntry(f"{template.text('absent', lang) or translate('Not present', lang)}  ({format_number(n_absent, lang)})",
                            absent_colour) if n_absent else None,  # listed only when some area has none
    )
    return AreaStyle([colour if p else absent_colour for p in present], np.where(present, 0, np.where(above, -1, 1)),
                     spec)


def draw_presence(ax: Axes, data: MapData, template: Template, lang: str) -> LegendSpec:
    """One colour where the table has something, white elsewhere: "where we work"."""
    style = presence_style(data, template, lang)
    draw_polygons(ax, data.areas.geometry.to_numpy(), style.fills,
                  template.colour("area_edge", "#ffffff") if (style.entries == 0).all() else "#bdbdbd", 0.35,
                  gid="areas")
    return style.legend


def draw_base_areas(ax: Axes, areas: gpd.GeoDataFrame, template: Template) -> None:
    """Light areas under symbols or points, so the data stands out."""
    draw_polygons(ax, areas.geometry.to_numpy(), BASE_AREA_FILL, BASE_AREA_EDGE, 0.35, gid="areas")


LABELLED_SYMBOLS = 3
MM_PER_INCH = 25.4


def symbol_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    """Circle radii (mm, area ∝ value); "fewer than N" a neutral marker, not a sized circle."""
    values = data.areas["value"].to_numpy(dtype=float).copy()
    hidden = data.suppressed()
    values[hidden] = np.nan
    finite = np.isfinite(values) & (values > 0)
    colour = template.colour("symbol", "#cb181d")
    vmax = float(values[finite].max()) if finite.any() else 1.0
    refs = _reference_values(vmax, whole=bool(finite.any()) and bool(np.all(values[finite] == np.round(values[finite]))))
    top = max(refs[0], vmax)  # the largest legend circle is at least the data's largest

    def radius_mm(v):
        return SYMBOL_MAX_MM * np.sqrt(v / top)

    sizes = np.where(finite, radius_mm(np.where(finite, values, 0)), np.nan)
    entries = [LegendEntry(format_number(v, lang), colour, "circle", radius_mm(v)) for v in refs
               if v >= data.min_count or not data.counts_people]
    entry = np.full(len(values), -1)
    if hidden.any():
        entries.append(LegendEntry(data.suppression_texts(lang)[0], SUPPRESSED_COLOUR, "marker", edge="#737373"))
        entry[hidden] = len(entries) - 1
    missing = ~np.isfinite(data.areas["value"].to_numpy(dtype=float)) & ~data.blank_but_reported_above()
    n_missing = int(missing.sum())
    entry[missing & ~hidden] = len(entries)
    spec = LegendSpec(heading=_heading(data.indicator), entries=entries,
                      no_data=LegendEntry(f"{translate('No data', lang)}  ({format_number(n_missing, lang)})", BASE_AREA_FILL)
                      if n_missing else None,
                      notes=_suppression_note(data, lang))
    fills = [SUPPRESSED_COLOUR if h else colour for h in hidden]
    return AreaStyle(fills, entry, spec, sizes)


def draw_symbols(ax: Axes, data: MapData, template: Template, lang: str, mm_to_units: float) -> LegendSpec:
    """Circles whose area is proportional to `value`, largest drawn first so small ones stay visible."""
    draw_base_areas(ax, data.areas, template)
    style = symbol_style(data, template, lang)
    sizes = style.sizes
    finite = np.isfinite(sizes)
    pts = data.areas.geometry.representative_point()
    order = np.argsort(-np.where(finite, sizes, 0))
    xs = [pts.iloc[i].x for i in order if finite[i]]
    ys = [pts.iloc[i].y for i in order if finite[i]]
    rs = [sizes[i] * mm_to_units for i in order if finite[i]]
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    from matplotlib.colors import to_rgb, to_rgba

    colour = template.colour("symbol", "#cb181d")
    edge = tuple(c * 0.55 for c in to_rgb(colour))  # the fill's own colour, darker: each circle stays distinct
    # semi-transparent, above the boundaries, largest first so the small ones on top stay visible
    circles = PatchCollection([Circle((x, y), r) for x, y, r in zip(xs, ys, rs)],
                              facecolor=to_rgba(colour, 0.72), edgecolor=edge, linewidth=0.5, zorder=9,
                              gid="symbols")
    ax.add_collection(circles)
    # the largest few are named with their value, beside or inside their circle
    values = data.areas["value"].to_numpy(dtype=float)
    fig_pt = 72 / MM_PER_INCH / mm_to_units  # points per map unit
    ax.carto_labels = getattr(ax, "carto_labels", []) + [
        Label([format_number(values[i], lang)], pts.iloc[i].x, pts.iloc[i].y, "value_label", 1.5 + k / 100,
              dict(fontsize=template.font("body_pt", 8) - 1, fontweight="bold", color="#222222", zorder=16,
                   path_effects=halo(2.8)),
              positions=(("center", "center", 0, 0),) + AROUND_POINT, gap_pt=sizes[i] * mm_to_units * fig_pt + 1)
        for k, i in enumerate([i for i in order if finite[i]][:LABELLED_SYMBOLS])]
    hidden = data.suppressed()
    if hidden.any():
        hp = pts[hidden]
        ax.scatter(hp.x, hp.y, s=14, color=SUPPRESSED_COLOUR, edgecolor="#737373", linewidth=0.6, zorder=9)
    return style.legend


def _reference_values(vmax: float, whole: bool = False) -> list[float]:
    """Three round values for the circle legend: the smallest round number (1, 2, 5 × 10ⁿ) ≥ max,
    its half and a tenth, so no circle on the map is larger than the legend's largest. Counts (`whole`:
    organisations, sites, people) get whole numbers only: no legend circle of "2.5 organisations"."""
    if vmax <= 0:
        return [1.0]
    exp = 10 ** np.floor(np.log10(vmax))
    top = min(m * exp for m in (1, 2, 5, 10) if m * exp >= vmax)
    values = {top, top / 2, top / 10}
    if whole:
        values = {float(np.floor(v)) for v in values if v >= 1}
        if len(values) < 3:
            values.add(1.0)
    return [float(v) for v in sorted(values, reverse=True) if v >= 1 or vmax < 10]


SHARED_RING = "#222222"  # the ring round a dot that stands for several sites (page and interactive map)


def shared_locations(points: gpd.GeoDataFrame | None) -> int:
    """How many sites share their exact location with another site: each location is one dot on the map, so
    the map shows fewer dots than the table has sites (a facility listed once per service, rounded GPS)."""
    if points is None or not len(points):
        return 0
    here = sites_per_location(points)
    return int(here[here > 1].sum())


def sites_per_location(points: gpd.GeoDataFrame) -> pd.Series:
    """The number of sites at each exact location ((x, y) → n), most first: one dot each on the page."""
    xy = pd.DataFrame({"x": shapely.get_x(points.geometry.to_numpy()), "y": shapely.get_y(points.geometry.to_numpy())})
    return xy.value_counts(sort=True, dropna=False)


def shared_locations_text(points: gpd.GeoDataFrame | None, lang: str) -> str:
    """The sentence the page's legend, the interactive map and the notices say (empty: every site has its dot)."""
    shared = shared_locations(points)
    return translate("{n} sites share their location with another site: each such location is drawn as one dot, "
                     "ringed in black.", lang, n=format_number(shared, lang)) if shared else ""


def points_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    """Point sites coloured by category when there is one (most frequent first), else one colour; the legend
    says when sites share a location (one dot for several)."""
    style = _points_style(data, template, lang)
    if shared := shared_locations_text(data.points, lang):
        style.legend.caveats.append(shared)
    return style


def _points_style(data: MapData, template: Template, lang: str) -> AreaStyle:
    points = data.points if data.points is not None else gpd.GeoDataFrame(geometry=[], crs=data.areas.crs)
    if "category" in points.columns and points["category"].notna().any():
        cats = points["category"].fillna("?").astype(str)
        counts = cats.value_counts()
        order = counts.index.tolist()
        colours = dict(zip(order, category_colours(template.colour("palette", "Dark2"), len(order))))
        entries = [LegendEntry(f"{cat}  ({format_number(counts[cat], lang)})", colours[cat], "marker") for cat in order]
        position = {cat: i for i, cat in enumerate(order)}
        return AreaStyle([colours[c] for c in cats], np.array([position[c] for c in cats], dtype=int),
                         LegendSpec(heading=_heading(data.indicator), entries=entries))
    colour = template.colour("symbol", "#d95f02")
    entries = [LegendEntry(f"{translate('Sites', lang)}  ({format_number(len(points), lang)})", colour, "marker")]
    return AreaStyle([colour] * len(points), np.zeros(len(points), dtype=int),
                     LegendSpec(heading=_heading(data.indicator), entries=entries))


def draw_points(ax: Axes, data: MapData, template: Template, lang: str) -> LegendSpec:
    """Point sites over light areas, coloured by category when there is one; a dot that stands for several
    sites (the same coordinates) has their number beside it ("×3") where there is room, the legend says why."""
    draw_base_areas(ax, data.areas, template)
    style = points_style(data, template, lang)
    if data.points is not None and len(data.points):
        for i, entry in enumerate(style.legend.entries):  # one layer per category, in legend order
            sub = data.points[style.entries == i]
            ax.scatter(sub.geometry.x, sub.geometry.y, s=22, color=entry.colour, edgecolor="white", linewidth=0.6,
                       zorder=9)
        here = sites_per_location(data.points)
        if (here > 1).any():
            several = here[here > 1].index.to_frame(index=False)
            ax.scatter(several["x"], several["y"], s=48, facecolor="none", edgecolor=SHARED_RING, linewidth=0.9,
                       zorder=9.5, gid="shared-locations")  # round the dot and its white edge
            ax.carto_labels = getattr(ax, "carto_labels", []) + [
                Label([f"\u00d7{format_number(n, lang)}"], x, y, "value_label", 0.5 + k / 1000,  # before towns
                      dict(fontsize=template.font("body_pt", 8) - 1.5, fontweight="bold", color="#222222", zorder=16,
                           path_effects=halo(2.6)),
                      positions=AROUND_POINT, gap_pt=3.5)
                for k, ((x, y), n) in enumerate(here[here > 1].items())]
    return style.legend


def sector_order(data: MapData) -> list[str]:
    """The categories of a sectors map, the most widespread first (the static page draws the first few)."""
    cats = data.categories
    if cats is None or cats.empty:
        return []
    return (cats > 0).sum().sort_values(ascending=False).index.tolist()


def sector_present(data: MapData, category: str) -> np.ndarray:
    """Per area: whether `category` is present there."""
    values = data.categories[category] if data.categories is not None else pd.Series(dtype=float)
    ids = data.areas[data.keys.id_column].astype(str)
    return ids.map(values).fillna(0).to_numpy() > 0


def sector_legend(lang: str) -> LegendSpec:
    """The legend of a sectors map (each small map, or the chosen sector, in its own colour)."""
    return LegendSpec(
        heading="\n".join(textwrap.wrap(translate("Where each sector is present", lang), 30)),
        entries=[LegendEntry(translate("Sector present", lang), "#7f7f7f"),
                 LegendEntry(translate("Not present", lang), BASE_AREA_FILL)],
        notes=["\n".join(textwrap.wrap(translate("(n) = number of areas where the sector is present", lang), 32))],
    )


def draw_sector_panel(ax: Axes, data: MapData, category: str, colour: str, template: Template) -> int:
    """One small map: areas where `category` is present in its colour; returns how many."""
    present = sector_present(data, category)
    draw_polygons(ax, data.areas.geometry.to_numpy(), [colour if p else BASE_AREA_FILL for p in present], "#ffffff",
                  0.25, gid="areas")
    return int(present.sum())


LARGER_EDGE, LARGER_HATCH = "#3f007d", "\\\\"  # dark purple, hatched the other way from "no data"


def draw_larger_areas(ax: Axes, data: MapData, category: str | None = None) -> LegendEntry | None:
    """Larger areas the table names without a smaller one (a region, no cercle): a bold outline round the
    region, and its areas without rows of their own hatched, so they do not read "no data" while the
    areas with their own figures keep their colours clear. On a sector's panel (`category`), the regions
    reported for that sector, hatched whole (the panel shows presence, not figures)."""
    larger = larger_areas_shown(data, category)
    if larger is None:
        return None
    geoms = larger.geometry.to_numpy()
    if category is None:
        hatched = data.areas.geometry.to_numpy()[data.blank_but_reported_above()]
    else:
        hatched = geoms
    if len(hatched):
        draw_polygons(ax, hatched, "none", LARGER_EDGE, 0.0, zorder=6.2, hatch=LARGER_HATCH, gid="larger-areas")
    draw_outlines(ax, geoms, LARGER_EDGE, 1.2, zorder=7.5).set_gid("larger-areas-outline")
    return larger_areas_entry(data)


def larger_areas_shown(data: MapData, category: str | None = None) -> gpd.GeoDataFrame | None:
    """The larger areas the map marks as reported for as a whole (on a sector's panel, those of `category`);
    None: none. The static page and the interactive map mark the same ones."""
    larger = data.larger_areas
    if larger is not None and category is not None and "category" in larger:
        larger = larger[larger["category"] == category]
    if larger is None or not len(larger) or not data.larger_label:
        return None
    return larger


def larger_areas_entry(data: MapData) -> LegendEntry:
    """The legend's line for them ("Reported for the whole region only: 17 rows"), outlined and hatched."""
    return LegendEntry("\n".join(textwrap.wrap(data.larger_label, 30)), "none", "larger", edge=LARGER_EDGE)


def _hatch_hidden(ax: Axes, areas: gpd.GeoDataFrame) -> None:
    if not areas.empty:
        draw_polygons(ax, areas.geometry.to_numpy(), "none", "#8c8c8c", 0.0, zorder=6, hatch=SUPPRESSED_HATCH,
                      gid="fewer-than")


def _hatch_no_data(ax: Axes, areas: gpd.GeoDataFrame) -> None:
    if not areas.empty:
        draw_polygons(ax, areas.geometry.to_numpy(), "none", "#9e9e9e", 0.0, zorder=6, hatch="////", gid="no-data")
