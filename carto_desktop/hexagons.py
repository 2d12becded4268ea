"""Points of people counted per hexagon: a grid that protects households as areas do.

A dot per household can identify it; a count per admin area hides it but can be coarse.
A grid of regular hexagons, all the same size, is the other safe choice: each point
falls in exactly one cell, only cells holding points are kept, and small counts go to
the "fewer than N" class like small area counts (`thematic.MapData.suppressed`).

The grid is built in the map's own projection (`projection.choose_projection`, metres),
so the hexagons are regular on the page and their size is a plain number of kilometres
the legend can state: the distance across a hexagon, from one flat side to the other.
Cells are found by axial-coordinate rounding for all points at once (numpy); no grid
library is needed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from carto_desktop.errors import OptionError
from carto_desktop.match.boundary_keys import BoundaryKeys

ID_COLUMN = "hexagon"  # the cells' id column: "q,r" axial coordinates
KEYS = BoundaryKeys(id_column=ID_COLUMN, name_column=None)  # cells have no names, so no labels
NICE_KM = (1, 2, 3, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 250, 300, 500)
TARGET_ACROSS = 30  # cells across the points' extent when the size is chosen automatically
MIN_ACROSS = 10  # an automatic size never leaves fewer cells than this across the extent
MIN_KM = 0.5  # below this a cell is a street, and a grey "fewer than 5" cell nearly points at a house
MAX_ACROSS = 500  # more cells than this across the points would draw a blur (and take long)
SQRT3 = math.sqrt(3.0)


@dataclass(frozen=True)
class HexagonCounts:
    """The cells that hold points, in the map's CRS, and how many points were counted or left out."""

    cells: gpd.GeoDataFrame  # columns: hexagon ("q,r"), value (points in it), geometry (regular hexagons)
    size_km: float  # across a hexagon, flat side to flat side
    counted: int  # points inside the boundary layer: each in exactly one cell
    outside: int  # points outside every area of the layer, not counted


def hexagon_size_km(width_m: float, height_m: float) -> float:
    """A plain size (1, 2, 5, 10, 25… km) giving about `TARGET_ACROSS` cells over the longer side."""
    longest_km = max(width_m, height_m, 0.0) / 1000.0
    wanted = longest_km / TARGET_ACROSS
    if wanted <= NICE_KM[0]:
        return float(NICE_KM[0])
    return float(min(NICE_KM, key=lambda km: abs(math.log(km / wanted))))


def size_text(size_km: float, lang: str = "en") -> str:
    """The size as the legend says it: "10", "2.5" ("2,5" in French), never "2.50"."""
    text = f"{size_km:g}"
    return text.replace(".", ",") if lang == "fr" else text


def check_size_km(size_km: float | None) -> float | None:
    """The user's size, refused plainly when it is no size at all."""
    if size_km is None:
        return None
    try:
        km = float(size_km)
    except (TypeError, ValueError):
        km = float("nan")
    if not math.isfinite(km) or km < MIN_KM:
        raise OptionError("The hexagon size must be a number of kilometres, at least {min}, not \"{km}\".",
                          hint="Give a size such as 10, or leave it out to let Carto Desktop choose.",
                          min=f"{MIN_KM:g}", km=size_km)
    return km


def hexagon_index(x: np.ndarray, y: np.ndarray, size_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Axial coordinates (q, r) of the pointy-top hexagon of width `size_m` holding each point.

    Cube rounding: round the three cube coordinates, then recompute the one that moved most,
    so every point gets the hexagon whose centre is nearest (ties go one way, never both).
    """
    radius = size_m / SQRT3  # centre to corner
    rf = np.asarray(y, dtype=float) / (1.5 * radius)
    qf = np.asarray(x, dtype=float) / size_m - rf / 2.0
    sf = -qf - rf
    q, r, s = np.rint(qf), np.rint(rf), np.rint(sf)
    dq, dr, ds = np.abs(q - qf), np.abs(r - rf), np.abs(s - sf)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    q = np.where(fix_q, -r - s, q)
    r = np.where(fix_r, -q - s, r)
    return q.astype(np.int64), r.astype(np.int64)


def hexagon_centres(q: np.ndarray, r: np.ndarray, size_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Centres of the hexagons (q, r), in the grid's metres."""
    radius = size_m / SQRT3
    return size_m * (q + r / 2.0), 1.5 * radius * r


def hexagon_shapes(q: np.ndarray, r: np.ndarray, size_m: float) -> np.ndarray:
    """Regular pointy-top hexagons of width `size_m` (flat side to flat side) as shapely polygons."""
    cx, cy = hexagon_centres(np.asarray(q), np.asarray(r), size_m)
    radius = size_m / SQRT3
    angles = np.radians([30, 90, 150, 210, 270, 330, 30])  # closed ring, counter-clockwise
    ring = np.stack([cx[:, None] + radius * np.cos(angles), cy[:, None] + radius * np.sin(angles)], axis=-1)
    return shapely.polygons(ring)


def _readable_size_km(x: np.ndarray, y: np.ndarray, min_count: int) -> float:
    """The extent's plain size (`hexagon_size_km`), grown while most cells would be "fewer than N".

    89 households over Mali in 50 km cells are nearly all hidden: a map of grey cells tells
    nothing. Larger plain sizes are tried until at least half the cells with points show
    their count, never fewer than `MIN_ACROSS` cells across.
    """
    extent = max(float(np.ptp(x)), float(np.ptp(y))) if len(x) else 0.0
    size_km = hexagon_size_km(extent, 0.0)
    if min_count <= 1 or not len(x):
        return size_km
    for km in [size_km] + [k for k in NICE_KM if k > size_km and extent / (k * 1000.0) >= MIN_ACROSS]:
        q, r = hexagon_index(x, y, km * 1000.0)
        counts = np.unique(np.stack([q, r]), axis=1, return_counts=True)[1]
        if (counts >= min_count).mean() >= 0.5:
            return float(km)
    return float(km)


def count_in_hexagons(points: gpd.GeoSeries | gpd.GeoDataFrame, layer: gpd.GeoDataFrame, crs: CRS | str,
                      size_km: float | None = None, min_count: int = 0) -> HexagonCounts:
    """Count the points inside `layer` per hexagon of a grid in `crs` (a projected CRS in metres).

    The size is the user's (`size_km`), else chosen from the extent of the counted points
    and, when small counts are hidden (`min_count`), grown until most cells can show theirs
    (`_readable_size_km`). Points outside every area are left out and counted in `outside`.
    """
    size_km = check_size_km(size_km)
    geoms = (points.geometry if isinstance(points, gpd.GeoDataFrame) else points).to_crs(layer.crs)
    geoms = geoms[~(geoms.is_empty | geoms.isna())]
    inside = np.zeros(len(geoms), dtype=bool)
    if len(geoms):  # in the layer's own CRS, as points are put in areas (`match.points`): the same points count
        hits = layer.sindex.query(geoms.to_numpy(), predicate="intersects")[0]
        inside[hits] = True  # a point on a shared border counts once all the same
    projected = geoms[inside].to_crs(crs).to_numpy()
    x, y = shapely.get_x(projected), shapely.get_y(projected)
    if size_km is None:
        size_km = _readable_size_km(x, y, min_count)
    elif len(x) and max(np.ptp(x), np.ptp(y)) / (size_km * 1000.0) > MAX_ACROSS:
        raise OptionError("Hexagons of {km} km are too small for points spread over {extent} km.",
                          hint="Give a larger size, or leave it out to let Carto Desktop choose.",
                          km=f"{size_km:g}", extent=f"{max(np.ptp(x), np.ptp(y)) / 1000.0:.0f}")
    size_m = size_km * 1000.0
    q, r = hexagon_index(x, y, size_m)
    if len(q):
        r_span = int(r.max() - r.min()) + 1
        code = (q - q.min()) * r_span + (r - r.min())
        codes, counts = np.unique(code, return_counts=True)
        cq, cr = codes // r_span + q.min(), codes % r_span + r.min()
    else:
        cq = cr = counts = np.array([], dtype=np.int64)
    cells = gpd.GeoDataFrame(
        {ID_COLUMN: [f"{a},{b}" for a, b in zip(cq.tolist(), cr.tolist())], "value": counts.astype(float)},
        geometry=hexagon_shapes(cq, cr, size_m), crs=crs,
    )
    return HexagonCounts(cells=cells, size_km=size_km, counted=int(inside.sum()), outside=int((~inside).sum()))
