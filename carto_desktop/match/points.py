"""GPS points from the table's coordinate columns, placed in the polygon that contains them.

Coordinates are read by `intake.coordinates.check_coordinates` (decimal, decimal comma, DMS,
hemisphere letters) with the layer's extent, so a swapped pair is recognised. A point inside
an area is matched; a point whose latitude and longitude look swapped is put in review with
the area the swapped point falls in ("latitude/longitude swapped?"), never matched silently;
unreadable, missing, zero and far-away points, and points between the areas, are unmatched
with the reason as `match_method`.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from carto_desktop.intake.coordinates import check_coordinates
from carto_desktop.intake.tables import require_column
from carto_desktop.match.areas import AreaIndex
from carto_desktop.match.boundary_keys import boundary_keys
from carto_desktop.match.gazetteer import areas_of_places
from carto_desktop.match.verdicts import MATCHED, REVIEW, UNMATCHED, Candidate, MatchResult, Verdict, result_table


def match_points(
    data: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    lat_column: str,
    lon_column: str,
    *,
    file: str | None = None,
    id_column: str | None = None,
    name_column: str | None = None,
) -> MatchResult:
    """Match every row to the area that contains its point (see module doc)."""
    require_column(data, lat_column, file)
    require_column(data, lon_column, file)
    keys = boundary_keys(layer, id_column=id_column, name_column=name_column)
    index = AreaIndex(layer, keys)
    bounds = tuple(index.geometry.total_bounds)
    checked = check_coordinates(data[lat_column].tolist(), data[lon_column].tolist(), bounds=bounds)
    problems = {p.row - 2: p.kind for p in checked.problems}  # positions (row numbers default to i + 2)
    lat, lon = np.array(checked.lat, dtype=float), np.array(checked.lon, dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    where = np.full(len(data), -1, dtype=np.int64)
    where[ok] = areas_of_places(index.geometry, lat[ok], lon[ok])
    # a point between the areas that lands inside one once swapped: offer it, do not decide
    outside = np.flatnonzero(ok & (where < 0))
    swapped_where = np.full(len(data), -1, dtype=np.int64)
    if outside.size:
        swapped_where[outside] = areas_of_places(index.geometry, lon[outside], lat[outside])
    per_row = []
    for i in range(len(data)):
        kind = problems.get(i)
        if where[i] >= 0 and kind != "swapped":
            per_row.append(Verdict(index.ids[where[i]], 100.0, "point", MATCHED))
        elif kind == "swapped" and where[i] >= 0:
            area = index.ids[where[i]]
            per_row.append(Verdict(None, 90.0, "swapped coordinates", REVIEW, (Candidate(area, index.names[area], 90.0),)))
        elif swapped_where[i] >= 0:
            area = index.ids[swapped_where[i]]
            per_row.append(Verdict(None, 90.0, "swapped coordinates", REVIEW, (Candidate(area, index.names[area], 90.0),)))
        elif ok[i]:
            per_row.append(Verdict(None, 0.0, "outside areas", UNMATCHED))
        elif kind is not None:
            per_row.append(Verdict(None, 0.0, f"{kind} coordinates", UNMATCHED))
        else:
            per_row.append(Verdict(None, 0.0, "empty", UNMATCHED))
    return result_table(data, per_row, index.names, lat_column, keys)
