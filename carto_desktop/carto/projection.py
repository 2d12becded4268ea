"""The map's projection: chosen from the area so distances and areas read true."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
from pyproj import CRS

from carto_desktop.i18n import translate


@dataclass(frozen=True)
class MapProjection:
    """A Lambert azimuthal equal-area projection centred on the mapped area (metres)."""

    lat0: float
    lon0: float

    @property
    def crs(self) -> CRS:
        return CRS.from_proj4(
            f"+proj=laea +lat_0={self.lat0} +lon_0={self.lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
        )

    def describe(self, lang: str = "en") -> str:
        lat = f"{abs(self.lat0):g}°{'N' if self.lat0 >= 0 else 'S'}"
        lon = f"{abs(self.lon0):g}°{'E' if self.lon0 >= 0 else ('O' if lang == 'fr' else 'W')}"
        return translate("Lambert azimuthal equal-area, centred on {lat}, {lon}", lang, lat=lat, lon=lon)


def choose_projection(layer: gpd.GeoDataFrame) -> MapProjection:
    """Equal-area (right for choropleths) and centred, so the scale bar holds across the map."""
    minx, miny, maxx, maxy = layer.to_crs(4326).total_bounds
    return MapProjection(lat0=round((miny + maxy) / 2, 1), lon0=round((minx + maxx) / 2, 1))
