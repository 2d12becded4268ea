"""The map's projection: chosen from the area so distances and areas read true, or the user's."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
from pyproj import CRS
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
        return CRS.from_proj4(
            f"+proj=laea +lat_0={self.lat0} +lon_0={self.lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
        )

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
