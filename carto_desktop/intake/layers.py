"""Boundary layers (admin areas) read with pyogrio, checked and put in WGS84."""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from carto_desktop.errors import DataError
from carto_desktop.intake.tables import check_local_path


def read_layer(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read admin areas as polygons in EPSG:4326, repairing invalid geometries.

    `attrs["warnings"]` lists what was assumed or repaired, for the user to see.
    """
    p = check_local_path(path)
    try:
        gdf = gpd.read_file(p, layer=layer, engine="pyogrio")
    except Exception as exc:  # pyogrio/GDAL errors: the file is not a readable layer
        raise DataError(
            "The boundary file could not be read.",
            hint="Use a GeoJSON, GeoPackage or a complete shapefile (.shp with its .shx, .dbf and .prj).",
            file=p,
        ) from exc
    warnings: list[str] = []
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if gdf.empty:
        raise DataError(
            "The boundary file holds no areas.",
            hint="Choose a file with the admin areas (polygons) of your country.",
            file=p,
        )
    polygons = gdf.geom_type.isin(["Polygon", "MultiPolygon"])
    if not polygons.any():
        raise DataError(
            "The boundary file has no polygons (only points or lines).",
            hint="A choropleth needs admin areas: choose the boundaries file, not a points file.",
            file=p,
        )
    gdf = gdf[polygons]
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90:
            gdf = gdf.set_crs(4326)
            warnings.append("no coordinate system given: assumed WGS84 longitude/latitude")
    elif not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs(4326)
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        gdf.loc[invalid, "geometry"] = gdf.geometry[invalid].make_valid()
        warnings.append(f"{int(invalid.sum())} invalid geometries repaired")
    gdf = gdf.reset_index(drop=True)
    gdf.attrs["warnings"] = warnings
    gdf.attrs["path"] = str(p)
    return gdf
