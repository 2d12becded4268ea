"""The map's projection: chosen from the area so distances and areas read true, or the user's."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from carto_desktop.errors import OptionError
from carto_desktop.i18n import translate


@dataclass(frozen=True)
class MapProjection:
    """Lambert azimuthal equal-area centred on the mapped area, or a projected CRS the user chose.

    Either way the map's units are metres, which the scale bar relies on.
    """

    lat0: float
    lon0: float
    user_crs: str | None = None

    @property
    def crs(self) -> CRS:
        if self.user_crs:
            return CRS.from_user_input(self.user_crs)
        crs = CRS.from_proj4(
            f"+proj=laea +lat_0={self.lat0} +lon_0={self.lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
        )
        _EQUAL_AREA[crs.srs] = (self.lat0, self.lon0)  # `reprojected` knows its way to and from WGS84
        return crs

    def describe(self, lang: str = "en") -> str:
        if self.user_crs:
            crs = self.crs
            code = crs.to_epsg()
            return f"{crs.name} (EPSG:{code})" if code else crs.name
        comma = (lambda x: x.replace(".", ",")) if lang == "fr" else (lambda x: x)  # "15,4°N" in French
        lat = f"{comma(f'{abs(self.lat0):g}')}°{'N' if self.lat0 >= 0 else 'S'}"
        lon = f"{comma(f'{abs(self.lon0):g}')}°{'E' if self.lon0 >= 0 else ('O' if lang == 'fr' else 'W')}"
        return translate("Lambert azimuthal equal-area, centred on {lat}, {lon}", lang, lat=lat, lon=lon)


def choose_projection(layer: gpd.GeoDataFrame, override: str | None = None) -> MapProjection:
    """Equal-area (right for choropleths) and centred, so the scale bar holds across the map.

    `override` (e.g. "EPSG:32630") must be a projected CRS in metres.
    """
    minx, miny, maxx, maxy = layer.to_crs(4326).total_bounds
    projection = MapProjection(lat0=round((miny + maxy) / 2, 1), lon0=round((minx + maxx) / 2, 1), user_crs=override)
    if override:
        try:
            crs = projection.crs
            metres = crs.is_projected and crs.axis_info[0].unit_name in {"metre", "meter"}
        except (CRSError, IndexError):
            metres = False
        if not metres:
            raise OptionError(
                "The map projection must be in metres (a projected CRS such as a UTM zone), not \"{crs}\".",
                hint="Leave the projection empty to let Carto Desktop choose, or give an EPSG code such as EPSG:32630.",
                crs=override,
            )
    return projection


WGS84 = CRS.from_epsg(4326)
_EQUAL_AREA: dict[str, tuple[float, float]] = {}  # the page's own projections (`MapProjection.crs`) by PROJ string


def reprojected(geoms, crs_from, crs_to) -> np.ndarray:
    """`geoms` (shapely geometries in `crs_from`) in `crs_to`, as `GeoSeries.to_crs` gives them.

    Between WGS84 and the page's own equal-area projection, the transformation is made from its PROJ
    pipeline (0.1 ms) instead of asking PROJ's database for the way from one CRS to the other (6 ms each
    way, at every map: geopandas keeps transformers only within a process). The pipeline is the one PROJ
    chooses, so the coordinates are the same to the bit (`tests/test_projection_pipeline.py`)."""
    geoms = np.asarray(geoms, dtype=object)
    transformer = _pipeline(crs_from, crs_to)
    if transformer is None:
        return gpd.GeoSeries(geoms, crs=crs_from).to_crs(crs_to).to_numpy()
    result = np.empty_like(geoms)  # as geopandas' `array.transform`: x, y (and z) through the transformer
    for with_z in (False, True):
        chosen = shapely.has_z(geoms) == with_z
        coords = shapely.get_coordinates(geoms[chosen], include_z=with_z)
        moved = transformer.transform(*coords.T)
        result[chosen] = shapely.set_coordinates(geoms[chosen].copy(), np.array(moved).T)
    return result


def to_crs(frame: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    """`frame.to_crs(crs)`, through `reprojected`."""
    geoms = reprojected(frame.geometry.to_numpy(), frame.crs, crs)
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=crs, name=frame.geometry.name))


def _pipeline(crs_from, crs_to) -> Transformer | None:
    """The PROJ pipeline between WGS84 and one of the page's equal-area projections, or None."""
    if crs_from is None or crs_to is None:
        return None
    crs_from, crs_to = CRS.from_user_input(crs_from), CRS.from_user_input(crs_to)
    if crs_from.srs in _EQUAL_AREA and crs_to.is_exact_same(WGS84):
        return _laea_pipeline(*_EQUAL_AREA[crs_from.srs], inverse=True)
    if crs_to.srs in _EQUAL_AREA and crs_from.is_exact_same(WGS84):
        return _laea_pipeline(*_EQUAL_AREA[crs_to.srs], inverse=False)
    return None


@lru_cache(maxsize=16)
def _laea_pipeline(lat0: float, lon0: float, inverse: bool) -> Transformer:
    laea = f"+proj=laea +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +ellps=WGS84"
    if inverse:
        return Transformer.from_pipeline(f"+proj=pipeline +step +inv {laea} +step +proj=unitconvert +xy_in=rad +xy_out=deg")
    return Transformer.from_pipeline(f"+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step {laea}")
