"""Offline basemaps: tile packs prepared once while online, read from disk ever after.

A tile pack is a GeoTIFF written by contextily (`bounds2raster`) with a JSON sidecar
(`<pack>.json`) holding the provider's attribution, which goes into the map's credits.
`download_tile_pack` is the only function in Carto Desktop that uses the network.
"""
from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from matplotlib.axes import Axes

from carto_desktop.errors import DataError

# Providers that need no API key. Keep packs small (a country at zoom 5–8): OpenStreetMap's
# tile policy forbids bulk downloading.
PROVIDERS = {
    "osm": ("OpenStreetMap.Mapnik", "© OpenStreetMap contributors"),
    "opentopomap": ("OpenTopoMap", "© OpenStreetMap contributors, SRTM; style © OpenTopoMap (CC-BY-SA)"),
}


@dataclass(frozen=True)
class TilePack:
    path: Path
    attribution: str


def open_tile_pack(path: str | Path) -> TilePack:
    """Check a local tile pack (GeoTIFF) and read its attribution from the sidecar."""
    p = Path(path)
    if not p.is_file():
        raise DataError("The basemap tile pack does not exist.",
                        hint="Prepare one while online with \"carto-desktop basemap download\".", file=p)
    try:
        import rasterio

        with rasterio.open(p) as src:
            if src.crs is None or src.count < 3:
                raise ValueError("no CRS or fewer than 3 bands")
    except Exception as exc:  # rasterio raises many kinds for a bad file
        raise DataError("The basemap tile pack is not a readable GeoTIFF.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=p) from exc
    attribution = ""
    sidecar = p.with_suffix(p.suffix + ".json")
    if sidecar.is_file():
        try:
            attribution = str(json.loads(sidecar.read_text(encoding="utf-8")).get("attribution", ""))
        except (OSError, json.JSONDecodeError, AttributeError):
            attribution = ""
    return TilePack(p, attribution or p.name)


def draw_tile_pack(ax: Axes, pack: TilePack, crs, width_px: int = 1600) -> None:
    """Warp the pack into the map's projection, over the current view, under everything else.

    Outside the pack stays transparent (not black), so a pack smaller than the view shows
    the page's own background at its edges.
    """
    import numpy as np
    import rasterio
    from affine import Affine
    from rasterio.warp import Resampling, reproject

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    height_px = max(1, int(width_px * (y1 - y0) / (x1 - x0)))
    dst = np.zeros((4, height_px, width_px), dtype="uint8")
    transform = Affine((x1 - x0) / width_px, 0.0, x0, 0.0, -(y1 - y0) / height_px, y1)
    with rasterio.open(pack.path) as src:
        for band in range(3):
            reproject(rasterio.band(src, band + 1), dst[band], dst_transform=transform, dst_crs=crs,
                      resampling=Resampling.bilinear, dst_nodata=0)
        coverage = np.full((src.height, src.width), 255, dtype="uint8")
        reproject(coverage, dst[3], src_transform=src.transform, src_crs=src.crs, dst_transform=transform,
                  dst_crs=crs, resampling=Resampling.nearest, dst_nodata=0)
    ax.imshow(np.moveaxis(dst, 0, -1), extent=(x0, x1, y0, y1), origin="upper", zorder=0.5, interpolation="bilinear")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def download_tile_pack(bbox: tuple[float, float, float, float], zoom: int, path: str | Path,
                       provider: str = "osm", timeout: float = 20.0) -> TilePack:
    """Fetch tiles for `bbox` (west, south, east, north in degrees) into a GeoTIFF pack.

    Fails fast with a plain message when there is no connection.
    """
    import contextily as cx
    import xyzservices.providers as xyz

    name, attribution = PROVIDERS[provider]
    source = xyz.query_name(name)
    w, s, e, n = bbox
    if not (-180 <= w < e <= 180 and -85 <= s < n <= 85):
        raise DataError("The area to download is not valid: {bbox}.",
                        hint="Give west, south, east, north in degrees, e.g. -12.5 10 4.5 25.", bbox=bbox)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cx.bounds2raster(w, s, e, n, str(tmp), zoom=zoom, source=source, ll=True, timeout=timeout,
                             max_retries=0)
    except Exception as exc:  # requests/urllib errors when offline: one plain sentence
        if tmp.exists():
            tmp.unlink()
        raise DataError("The basemap could not be downloaded: there seems to be no internet connection.",
                        hint="Connect to the internet and try again; maps without a basemap work offline.") from exc
    tmp.replace(target)
    target.with_suffix(target.suffix + ".json").write_text(
        json.dumps({"attribution": attribution, "provider": name, "bbox": list(bbox), "zoom": zoom}), encoding="utf-8")
    return TilePack(target, attribution)
