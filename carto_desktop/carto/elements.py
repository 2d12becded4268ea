"""Map elements drawn on a page: scale bar, north arrow, locator inset, labels."""
from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.transforms import Bbox
from matplotlib.patches import Polygon, Rectangle

from carto_desktop.carto.drawing import draw_outlines, draw_polygons
from carto_desktop.carto.labels import Label, artists_box, halo
from carto_desktop.number_format import format_number

TEXT_COLOUR = "#222222"


def nice_length_km(width_m: float, fraction: float = 0.22) -> float:
    """A round scale-bar length (1, 2 or 5 × 10ⁿ km) no longer than `fraction` of the map."""
    target = width_m * fraction / 1000.0
    exp = math.floor(math.log10(target))
    for step in (5, 2, 1):
        length = step * 10**exp
        if length <= target:
            return float(length)
    return float(10**exp)


@dataclass(frozen=True)
class ScaleBar:
    """Where the bar was drawn (map units) and what it claims, so tests can measure it."""

    x: float
    y: float
    length: float  # in map units (metres)
    km: float


def _mm_per_unit(ax: Axes) -> float:
    fig_w_mm = ax.figure.get_size_inches()[0] * 25.4
    frame_mm = ax.get_position().width * fig_w_mm
    x0, x1 = ax.get_xlim()
    return frame_mm / (x1 - x0)


def draw_scale_bar(ax: Axes, font_pt: float, lang: str, bottom_mm: float = 0.0) -> ScaleBar:
    """A two-segment bar in round km at the lower left of a map in a metric projection.

    Sizes are in millimetres on the page, so the bar reads the same in a small panel.
    """
    x0, x1 = ax.get_xlim()
    y0, _ = ax.get_ylim()
    mm = 1 / _mm_per_unit(ax)  # map units per mm
    km = nice_length_km(x1 - x0)
    length = km * 1000
    bar_mm = length / mm
    pad, bh = 2.5 * mm, 1.2 * mm
    bx, by = x0 + pad + 1.5 * mm, y0 + pad + 1.0 * mm + bottom_mm * mm
    for i, colour in enumerate(("#222222", "white")):
        ax.add_patch(Rectangle((bx + i * length / 2, by), length / 2, bh, facecolor=colour,
                               edgecolor="#222222", linewidth=0.6, zorder=21, gid="scale_bar"))
    fracs = (0, 0.5, 1) if bar_mm >= 30 else (0, 1)  # a short bar keeps only its ends
    texts = []
    for frac in fracs:
        label = format_number(km * frac, lang, 0 if frac != 0.5 or km >= 2 else 1)
        ha = "center"
        if frac == 1:
            label += " km"
            ha = "center" if bar_mm >= 30 else "left"
        texts.append(ax.text(bx + frac * length, by + bh + 0.8 * mm, label, ha=ha, va="bottom",
                             fontsize=font_pt, color=TEXT_COLOUR, zorder=22, gid="scale_bar"))
    # the white box is measured around what was drawn, so "500 km" never runs out of it
    renderer = ax.figure.canvas.get_renderer()
    inv = ax.transData.inverted()
    (tx0, _), (tx1, ty1) = inv.transform([[min(t.get_window_extent(renderer).x0 for t in texts), 0],
                                          [max(t.get_window_extent(renderer).x1 for t in texts),
                                           max(t.get_window_extent(renderer).y1 for t in texts)]])
    left, right, top = min(bx, tx0) - 1.2 * mm, max(bx + length, tx1) + 1.2 * mm, ty1 + 0.8 * mm
    ax.add_patch(Rectangle((left, by - 1.0 * mm), right - left, top - (by - 1.0 * mm),
                           facecolor="white", edgecolor="none", alpha=0.85, zorder=20, gid="scale_bar"))
    return ScaleBar(bx, by, length, km)


def draw_north_arrow(ax: Axes, font_pt: float) -> None:
    """A small arrow and N at the upper right of the map frame (axes coordinates)."""
    cx, top, half, height = 0.955, 0.955, 0.014, 0.07
    tr = ax.transAxes
    ax.add_patch(Polygon([(cx - half, top - height), (cx, top), (cx, top - height * 0.72)], closed=True,
                         facecolor="#222222", edgecolor="#222222", linewidth=0.6, transform=tr, zorder=21,
                         gid="north_arrow"))
    ax.add_patch(Polygon([(cx + half, top - height), (cx, top), (cx, top - height * 0.72)], closed=True,
                         facecolor="white", edgecolor="#222222", linewidth=0.6, transform=tr, zorder=21,
                         gid="north_arrow"))
    ax.text(cx, top - height - 0.01, "N", transform=tr, ha="center", va="top", fontsize=font_pt + 1,
            fontweight="bold", color=TEXT_COLOUR, zorder=22, gid="north_arrow")


def draw_inset(ax: Axes, countries: gpd.GeoDataFrame, country_code: str | None, highlight: str,
               frame=None) -> None:
    """The country highlighted among its neighbours: the reader sees where the map is.

    `frame` (a polygon in the countries' CRS) is the main map's view: outlined when it shows
    only a part of the country (sites around Lake Chad), so the reader sees which part.
    """
    ax.set_axis_off()
    draw_polygons(ax, countries.geometry.to_numpy(), "#e6e6e6", "#ffffff", 0.3, zorder=1)
    if country_code is not None:
        target = countries[countries["ADM0_A3"] == country_code]
        if not target.empty:
            draw_polygons(ax, target.geometry.to_numpy(), highlight, highlight, 0.3, zorder=2)
            if frame is not None and frame.area < 0.5 * target.geometry.union_all().area:
                draw_outlines(ax, np.array([frame]), "#111111", 0.9, zorder=3)
    ax.set_aspect("equal")
    ax.set_xlim(*_padded(countries.total_bounds[[0, 2]], 0.02))
    ax.set_ylim(*_padded(countries.total_bounds[[1, 3]], 0.02))
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_edgecolor("#999999")
        spine.set_linewidth(0.5)


def _padded(lims: Sequence[float], frac: float) -> tuple[float, float]:
    lo, hi = float(lims[0]), float(lims[1])
    pad = (hi - lo) * frac
    return lo - pad, hi + pad


def area_labels(ax: Axes, areas: gpd.GeoDataFrame, names: Sequence[str], font_pt: float, renderer,
                values: np.ndarray | None = None, max_candidates: int = 400, top_values: int = 8) -> list[Label]:
    """The areas' names as labels for the page's placement pass (`labels.place`).

    Sizes are estimated for every area at once, so a layer of 10,000 small areas costs
    almost nothing: only the few hundred areas big enough for their name become candidates.
    The areas with the highest values come first (a reader looks for them by name), then the
    largest; a name may overflow its area by half at most.
    """
    geoms = areas.geometry.to_numpy()
    bounds = shapely.bounds(geoms)
    lo = ax.transData.transform(bounds[:, :2])
    hi = ax.transData.transform(bounds[:, 2:])
    box_w, box_h = np.abs(hi[:, 0] - lo[:, 0]), np.abs(hi[:, 1] - lo[:, 1])
    px_per_pt = renderer.points_to_pixels(1.0)
    est_w = np.array([len(n or "") for n in names]) * font_pt * 0.6 * px_per_pt
    est_h = font_pt * 1.2 * px_per_pt
    fits = (est_w > 0) & (est_w <= 1.5 * box_w) & (est_h <= 1.5 * box_h)
    area = shapely.area(geoms)
    priority = 3 + np.argsort(np.argsort(-area)) / max(len(geoms), 1)
    if values is not None:
        v = np.where(np.isfinite(values), values, -np.inf)
        top = np.argsort(-v)[:top_values]
        top = top[np.isfinite(v[top])]
        priority[top] = 2 + np.arange(len(top)) / 100
        fits[top] |= (est_w[top] > 0) & (est_w[top] <= 2.5 * box_w[top]) & (est_h <= 2.5 * box_h[top])
    candidates = np.flatnonzero(fits)
    candidates = candidates[np.argsort(priority[candidates])][:max_candidates]
    points = shapely.point_on_surface(geoms[candidates])
    style = dict(fontsize=font_pt, color=TEXT_COLOUR, path_effects=halo(2.8), zorder=15)
    labels = []
    for i, p in zip(candidates, points):
        limit = 2.5 if priority[i] < 3 else 1.5

        def fits_area(box, w=box_w[i], h=box_h[i], limit=limit) -> bool:
            return box.width <= limit * w and box.height <= limit * h

        labels.append(Label([names[i]], p.x, p.y, "area_label", float(priority[i]), style, fits=fits_area))
    return labels


def furniture_boxes(ax: Axes, renderer) -> list[Bbox]:
    """The scale bar's and north arrow's boxes (display pixels): no label goes over them."""
    boxes = []
    for gid in ("scale_bar", "north_arrow"):
        box = artists_box([a for a in ax.get_children() if a.get_gid() == gid], renderer)
        if box is not None:
            boxes.append(box)
    return boxes
