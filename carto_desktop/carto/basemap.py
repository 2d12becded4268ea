"""Offline basemaps: tile packs prepared once while online, read from disk ever after.

A tile pack is two files of the same name in one folder (format 1):

- ``<name>.png``: an 8-bit RGB or RGBA image on the Web Mercator (EPSG:3857) pixel grid that
  XYZ tiles use: rows run north to south, columns west to east, pixels square in metres.
  Transparent pixels (RGBA) are left out of the map.
- ``<name>.json``: what the image shows and who to credit::

      {"format": 1, "crs": "EPSG:3857",
       "bounds": [xmin, ymin, xmax, ymax],   # outer edges of the image, EPSG:3857 metres
       "size": [width, height],              # the image's pixels, to catch a mismatched pair
       "zoom": 8, "provider": "OpenStreetMap.Mapnik",
       "attribution": "© OpenStreetMap contributors", "licence": "…",
       "bbox": [west, south, east, north]}   # the area asked for, in degrees (information)

  ``format``, ``crs``, ``bounds`` and ``size`` are required; a pack of a newer format is
  refused with a plain error rather than drawn wrongly.

The image is warped into the map's projection with pyproj and NumPy (no GDAL of its own:
the bundle ships one GDAL, pyogrio's). `download_tile_pack` is the only function in
Carto Desktop that uses the network: XYZ tiles fetched with urllib, stitched with Pillow.
"""
from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes

from carto_desktop import __version__
from carto_desktop.errors import DataError, ExportError, OptionError
from carto_desktop.files import write_atomically

FORMAT = 1
EARTH_RADIUS = 6378137.0  # the sphere of Web Mercator
HALF_WORLD = math.pi * EARTH_RADIUS  # 20037508.34 m: the edge of the EPSG:3857 square
MAX_LATITUDE = 85.0511287798066  # where the Web Mercator square ends
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Providers that need no API key, by the name the CLI offers → xyzservices name and licence.
# OpenStreetMap's tile policy forbids bulk downloading: packs stay small (MAX_TILES) and no
# zoom above 16 is fetched.
PROVIDERS = {
    "osm": ("OpenStreetMap.Mapnik", "OpenStreetMap data: ODbL 1.0; tiles: OSMF tile usage policy"),
    "opentopomap": ("OpenTopoMap", "map style: CC BY-SA 3.0 (OpenTopoMap); data: ODbL 1.0 (OpenStreetMap), SRTM"),
}
MAX_TILES = 300
MAX_ZOOM = 16
TARGET_PIXELS = 2500  # the area's longer side when the zoom is chosen: an A4 map at 300 dpi
USER_AGENT = f"carto-desktop/{__version__} (offline basemap tile pack for a printed map)"


@dataclass(frozen=True)
class TilePack:
    """A checked pack: where its image is and what its .json says (pixels are read when drawn)."""

    path: Path  # the PNG image
    attribution: str  # for the map's footer; the file name when the pack names none
    bounds: tuple[float, float, float, float]  # outer edges of the image, EPSG:3857 metres
    size: tuple[int, int]  # width, height in pixels
    zoom: int | None = None
    provider: str = ""
    licence: str = ""


# --- reading -------------------------------------------------------------------------------

def open_tile_pack(path: str | Path) -> TilePack:
    """Check a local tile pack (PNG + .json description) without reading its pixels.

    `path` may name either file of the pair.
    """
    given = Path(path)
    image = given.with_suffix(".png") if given.suffix.lower() == ".json" else given
    sidecar = image.with_suffix(".json")
    if not given.is_file():
        raise DataError("The basemap tile pack does not exist.",
                        hint="Prepare one while online with \"carto-desktop basemap download\".", file=given)
    try:
        with open(image, "rb") as f:
            is_png = f.read(8) == PNG_SIGNATURE
    except OSError:
        is_png = False
    if not is_png or not sidecar.is_file():
        raise DataError("The basemap tile pack is not a PNG image with its .json description beside it.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=given)
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        version = meta["format"]
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        raise DataError("The description of the basemap tile pack is not readable.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=sidecar) from exc
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        raise DataError("The basemap tile pack was made by a newer version of Carto Desktop (format {format}).",
                        hint="Update Carto Desktop, or prepare the pack again with this version.",
                        file=sidecar, format=version)
    try:
        bounds = tuple(float(v) for v in meta["bounds"])
        size = tuple(int(v) for v in meta["size"])
        ok = (version == FORMAT and meta["crs"] == "EPSG:3857" and len(bounds) == 4 and len(size) == 2
              and all(map(math.isfinite, bounds)) and bounds[0] < bounds[2] and bounds[1] < bounds[3]
              and all(abs(v) <= HALF_WORLD * 1.001 for v in bounds) and min(size) > 0)
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise DataError("The description of the basemap tile pack is not readable.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=sidecar)
    if _png_size(image) != size:
        raise DataError("The basemap tile pack's image does not match its description.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=image)
    zoom = meta.get("zoom")
    return TilePack(image, str(meta.get("attribution") or "") or image.name, bounds, size,
                    zoom if isinstance(zoom, int) else None, str(meta.get("provider") or ""),
                    str(meta.get("licence") or ""))


def _png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from the PNG header (Pillow reads only the header here)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            return im.size if im.format == "PNG" else None
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return None


def read_pack_image(pack: TilePack) -> np.ndarray:
    """The pack's pixels as an (height, width, 4) uint8 RGBA array."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(pack.path) as im:
            pixels = np.asarray(im.convert("RGBA"))  # Pillow adds alpha 5× faster than numpy
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise DataError("The basemap tile pack is not a PNG image with its .json description beside it.",
                        hint="Prepare it again with \"carto-desktop basemap download\".", file=pack.path) from exc
    return pixels


# --- drawing -------------------------------------------------------------------------------

def draw_tile_pack(ax: Axes, pack: TilePack, crs, dpi: float = 200.0, max_px: int = 2400,
                   pixels: tuple[int, int] | None = None) -> bool:
    """Warp the pack into the map's projection, over the current view, under everything else.

    The grid has the axes' size at `dpi` (a pixel page: its own pixels), at most `max_px`
    wide (`pixels`: a pixel page's size, `DrawnPage.pixels`). Outside the pack stays transparent (not black), so a pack smaller than the view
    shows the page's own background at its edges; that edge is then drawn as a thin grey line,
    so it reads as the pack's limit and not as a fault. Returns whether the pack covers the view.
    """
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fig = ax.figure
    if pixels:
        dpi = pixels[0] / fig.get_figwidth()
    width_px = int(np.clip(round(ax.get_position().width * fig.get_figwidth() * dpi), 16, max_px))
    height_px = max(1, round(width_px * (y1 - y0) / (x1 - x0)))
    rgba = warp_to_grid(read_pack_image(pack), pack.bounds, crs, (x0, x1, y0, y1), width_px, height_px)
    ax.imshow(rgba, extent=(x0, x1, y0, y1), origin="upper", zorder=0.5, interpolation="bilinear")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    covered = pack_covers(pack, crs, (x0, x1, y0, y1))
    if not covered:
        import geopandas as gpd
        import shapely

        edge = gpd.GeoSeries([shapely.box(*pack.bounds).segmentize((pack.bounds[2] - pack.bounds[0]) / 64)],
                             crs=3857).to_crs(crs).iloc[0]
        ax.plot(*np.asarray(edge.exterior.coords).T, color="#9e9e9e", linewidth=0.6, zorder=0.6, gid="basemap-edge")
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
    return covered


def pack_covers(pack: TilePack, crs, view: tuple[float, float, float, float]) -> bool:
    """Whether the pack's image covers the whole map view (x0, x1, y0, y1 in `crs`)."""
    import geopandas as gpd
    import shapely

    x0, x1, y0, y1 = view
    box = gpd.GeoSeries([shapely.box(x0, y0, x1, y1).segmentize((x1 - x0) / 32)], crs=crs).to_crs(3857).iloc[0]
    return bool(shapely.box(*pack.bounds).buffer(1.0).contains(box))


def warp_to_grid(image: np.ndarray, bounds: tuple[float, float, float, float], crs,
                 extent: tuple[float, float, float, float], width: int, height: int) -> np.ndarray:
    """Resample an EPSG:3857 image onto a `width` × `height` grid covering `extent` in `crs`.

    `extent` is (xmin, xmax, ymin, ymax) as for `imshow`; the result is RGBA, row 0 at the
    top, transparent where the pack does not reach. Each output pixel centre is taken to
    EPSG:3857 (`_to_mercator`) and gets the bilinear mix of the four nearest pack pixels
    (colours weighted by alpha, so transparent pixels do not darken edges).
    """
    x0, x1, y0, y1 = extent
    bx0, by0, bx1, by1 = bounds
    src_h, src_w = image.shape[:2]
    xs = x0 + (np.arange(width) + 0.5) * ((x1 - x0) / width)
    ys = y1 - (np.arange(height) + 0.5) * ((y1 - y0) / height)
    tolerance = 0.1 * min((bx1 - bx0) / src_w, (by1 - by0) / src_h)  # a tenth of a pack pixel
    mx, my = _to_mercator(crs, xs, ys, tolerance)
    inside = (mx >= bx0) & (mx <= bx1) & (my >= by0) & (my <= by1)  # False for inf/NaN too
    col = np.clip((mx - bx0) * (src_w / (bx1 - bx0)) - 0.5, 0, src_w - 1).astype("float32")
    row = np.clip((by1 - my) * (src_h / (by1 - by0)) - 0.5, 0, src_h - 1).astype("float32")
    del mx, my
    c0, r0 = col.astype("int32"), row.astype("int32")  # floor: both are ≥ 0
    fc, fr = col - c0, row - r0
    del col, row
    i00 = r0 * src_w + c0
    right = (c0 < src_w - 1).astype("int32")  # the last column/row has no neighbour after it
    down = (r0 < src_h - 1).astype("int32") * src_w
    del c0, r0

    if image.shape[2] == 3:
        image = np.dstack([image, np.full(image.shape[:2], 255, dtype="uint8")])
    has_alpha = bool((image[..., 3] < 255).any())
    pixels = np.ascontiguousarray(image).view("uint32").reshape(-1)  # one gather per RGBA pixel
    out = np.zeros((height, width, 4), dtype="float32")
    alpha = np.zeros((height, width), dtype="float32") if has_alpha else None
    term = np.empty_like(out)
    for index, weight in ((i00, (1 - fc) * (1 - fr)), (i00 + right, fc * (1 - fr)),
                          (i00 + down, (1 - fc) * fr), (i00 + down + right, fc * fr)):
        px = pixels[index].view("uint8").reshape(height, width, 4)
        if has_alpha:  # premultiplied: colours of transparent pixels count for nothing
            weight = weight * px[..., 3]
            alpha += weight
        np.multiply(px, weight[..., None], out=term)
        out += term
    if has_alpha:
        out[..., :3] /= np.maximum(alpha, 1e-6)[..., None]
        out[..., 3] = alpha
    out[..., 3] *= inside
    return np.clip(np.rint(out), 0, 255).astype("uint8")


def _to_mercator(crs, xs: np.ndarray, ys: np.ndarray, tolerance: float, step: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """EPSG:3857 coordinates of every (x in `xs`, y in `ys`) grid point, as 2-D arrays.

    A projection is smooth at a map's scale, so (like GDAL's approximate transformer) only
    every `step`-th point is projected, in one vectorised pyproj call together with the
    centres of those cells; the rest is interpolated linearly. If the interpolated centres
    miss by more than `tolerance` metres, or a point falls outside the projection, every
    point is projected instead.
    """
    from pyproj import Transformer

    transform = Transformer.from_crs(crs, "EPSG:3857", always_xy=True).transform
    cols = np.unique(np.r_[np.arange(0, len(xs), step), len(xs) - 1])
    rows = np.unique(np.r_[np.arange(0, len(ys), step), len(ys) - 1])
    if len(cols) > 2 and len(rows) > 2:
        mid_x, mid_y = (xs[cols[:-1]] + xs[cols[1:]]) / 2, (ys[rows[:-1]] + ys[rows[1:]]) / 2
        kx, ky = np.meshgrid(xs[cols], ys[rows])
        cx, cy = np.meshgrid(mid_x, mid_y)
        n = kx.size
        tx, ty = transform(np.r_[kx.ravel(), cx.ravel()], np.r_[ky.ravel(), cy.ravel()])
        if np.isfinite(tx).all() and np.isfinite(ty).all():
            knots_x, knots_y = tx[:n].reshape(kx.shape), ty[:n].reshape(kx.shape)
            centre = (_interpolate(knots_x, cols, rows, mid_x, mid_y, xs, ys),
                      _interpolate(knots_y, cols, rows, mid_x, mid_y, xs, ys))
            miss = max(np.abs(centre[0] - tx[n:].reshape(cx.shape)).max(),
                       np.abs(centre[1] - ty[n:].reshape(cx.shape)).max())
            if miss <= tolerance:
                return (_interpolate(knots_x, cols, rows, xs, ys, xs, ys),
                        _interpolate(knots_y, cols, rows, xs, ys, xs, ys))
    gx, gy = np.meshgrid(xs, ys)
    return transform(gx, gy)


def _interpolate(knots: np.ndarray, cols: np.ndarray, rows: np.ndarray, at_x: np.ndarray, at_y: np.ndarray,
                 xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bilinear interpolation of values known at the grid points (ys[rows], xs[cols]) to (at_y, at_x)."""
    # positions in index units along each axis (xs increase, ys decrease: both are evenly spaced)
    fx = (at_x - xs[0]) / (xs[1] - xs[0]) if len(xs) > 1 else np.zeros_like(at_x)
    fy = (at_y - ys[0]) / (ys[1] - ys[0]) if len(ys) > 1 else np.zeros_like(at_y)
    jx = np.clip(np.searchsorted(cols, fx, side="right") - 1, 0, len(cols) - 2)
    jy = np.clip(np.searchsorted(rows, fy, side="right") - 1, 0, len(rows) - 2)
    wx = (fx - cols[jx]) / (cols[jx + 1] - cols[jx])
    wy = ((fy - rows[jy]) / (rows[jy + 1] - rows[jy]))[:, None]
    along_x = knots[:, jx] * (1 - wx) + knots[:, jx + 1] * wx  # (len(rows), len(at_x))
    return along_x[jy] * (1 - wy) + along_x[jy + 1] * wy


# --- tile arithmetic (as mercantile does it) -----------------------------------------------

def mercator_xy(lon, lat):
    """Degrees → EPSG:3857 metres (spherical formula; latitudes clamped to the square)."""
    lat = np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE)
    x = EARTH_RADIUS * np.radians(lon)
    y = EARTH_RADIUS * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
    return x, y


def _tile_fraction(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Fractional tile column and row of a point: 0 at the west and north edges."""
    x, y = mercator_xy(lon, lat)
    n = 2 ** zoom
    return float((x + HALF_WORLD) / (2 * HALF_WORLD) * n), float((HALF_WORLD - y) / (2 * HALF_WORLD) * n)


def tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """The XYZ tile (x, y) holding a point at `zoom`, like `mercantile.tile`."""
    fx, fy = _tile_fraction(lon, lat, zoom)
    last = 2 ** zoom - 1
    return min(max(int(math.floor(fx)), 0), last), min(max(int(math.floor(fy)), 0), last)


def tile_bounds(x: int, y: int, zoom: int) -> tuple[float, float, float, float]:
    """A tile's (xmin, ymin, xmax, ymax) in EPSG:3857, like `mercantile.xy_bounds`."""
    size = 2 * HALF_WORLD / 2 ** zoom
    return (-HALF_WORLD + x * size, HALF_WORLD - (y + 1) * size, -HALF_WORLD + (x + 1) * size, HALF_WORLD - y * size)


def tile_range(bbox: tuple[float, float, float, float], zoom: int) -> tuple[int, int, int, int]:
    """First and last tile columns and rows (x0, y0, x1, y1, inclusive) covering `bbox`."""
    w, s, e, n = bbox
    fx0, fy0 = _tile_fraction(w, n, zoom)
    fx1, fy1 = _tile_fraction(e, s, zoom)
    last = 2 ** zoom - 1
    x0, y0 = min(max(math.floor(fx0), 0), last), min(max(math.floor(fy0), 0), last)
    x1, y1 = max(min(math.ceil(fx1) - 1, last), x0), max(min(math.ceil(fy1) - 1, last), y0)
    return x0, y0, x1, y1


def tile_count(bbox: tuple[float, float, float, float], zoom: int) -> int:
    x0, y0, x1, y1 = tile_range(bbox, zoom)
    return (x1 - x0 + 1) * (y1 - y0 + 1)


def choose_zoom(bbox: tuple[float, float, float, float], max_zoom: int = MAX_ZOOM, max_tiles: int = MAX_TILES,
                target_px: int = TARGET_PIXELS) -> int:
    """The lowest zoom whose 256-pixel tiles give the area's longer side `target_px` pixels,
    within `max_zoom` and `max_tiles`."""
    best = 0
    for zoom in range(max_zoom + 1):
        if tile_count(bbox, zoom) > max_tiles:
            break
        best = zoom
        fx0, fy0 = _tile_fraction(bbox[0], bbox[3], zoom)
        fx1, fy1 = _tile_fraction(bbox[2], bbox[1], zoom)
        if max(fx1 - fx0, fy1 - fy0) * 256 >= target_px:
            break
    return best


# --- downloading ---------------------------------------------------------------------------

def _fetch_url(url: str, timeout: float) -> bytes:
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (https tile URLs only)
        return response.read()


def stitch_tiles(bbox: tuple[float, float, float, float], zoom: int, fetch: Callable[[int, int, int], bytes]):
    """Fetch the tiles covering `bbox`, paste them together and crop to the area.

    Returns the Pillow image (RGB, or RGBA if any pixel is transparent) and its bounds in
    EPSG:3857: the outer edges of the whole pixels kept, so the pack stays on the tile grid.
    """
    from PIL import Image, UnidentifiedImageError

    x0, y0, x1, y1 = tile_range(bbox, zoom)
    mosaic = None
    size = 256
    for ty in range(y0, y1 + 1):
        for tx in range(x0, x1 + 1):
            data = fetch(tx, ty, zoom)
            try:
                with Image.open(io.BytesIO(data)) as im:
                    tile = im.convert("RGBA")
            except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
                raise DataError("The tile server sent something that is not a map tile.",
                                hint="Try again later or choose another provider with --provider.") from exc
            if mosaic is None:
                size = tile.width
                mosaic = Image.new("RGBA", ((x1 - x0 + 1) * size, (y1 - y0 + 1) * size), (0, 0, 0, 0))
            if tile.size != (size, size):
                tile = tile.resize((size, size), Image.Resampling.BILINEAR)
            mosaic.paste(tile, ((tx - x0) * size, (ty - y0) * size))
    # the area in the mosaic's pixels, widened to whole pixels
    scale = 2 ** zoom * size
    fx0, fy0 = _tile_fraction(bbox[0], bbox[3], zoom)
    fx1, fy1 = _tile_fraction(bbox[2], bbox[1], zoom)
    left = max(math.floor(fx0 * size) - x0 * size, 0)
    top = max(math.floor(fy0 * size) - y0 * size, 0)
    right = max(min(math.ceil(fx1 * size) - x0 * size, mosaic.width), left + 1)
    bottom = max(min(math.ceil(fy1 * size) - y0 * size, mosaic.height), top + 1)
    image = mosaic.crop((left, top, right, bottom))
    pixel = 2 * HALF_WORLD / scale
    bounds = (-HALF_WORLD + (x0 * size + left) * pixel, HALF_WORLD - (y0 * size + bottom) * pixel,
              -HALF_WORLD + (x0 * size + right) * pixel, HALF_WORLD - (y0 * size + top) * pixel)
    if image.getextrema()[3][0] == 255:
        image = image.convert("RGB")
    return image, bounds


def write_tile_pack(path: str | Path, image, bounds: tuple[float, float, float, float], *, zoom: int | None,
                    provider: str, attribution: str, licence: str = "",
                    bbox: tuple[float, float, float, float] | None = None) -> TilePack:
    """Write a pack: `image` (Pillow image or uint8 array, EPSG:3857 grid) + its .json, each atomically."""
    from PIL import Image

    target = Path(path)
    if target.suffix.lower() != ".png":
        raise ExportError("The tile pack must be saved as a .png file.",
                          hint="Use a file name ending in .png, e.g. mali.png.", file=target)
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    meta = {"format": FORMAT, "crs": "EPSG:3857", "bounds": [float(v) for v in bounds],
            "size": [image.width, image.height], "zoom": zoom, "provider": provider,
            "attribution": attribution, "licence": licence}
    if bbox is not None:
        meta["bbox"] = [float(v) for v in bbox]
    write_atomically(target, lambda tmp: image.save(tmp, format="png"))
    write_atomically(target.with_suffix(".json"), lambda tmp: Path(tmp).write_text(
        json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8"))
    return TilePack(target, attribution or target.name, tuple(meta["bounds"]), (image.width, image.height),
                    zoom, provider, licence)


def download_tile_pack(bbox: tuple[float, float, float, float], zoom: int | None, path: str | Path,
                       provider: str = "osm", timeout: float = 20.0, *,
                       fetch: Callable[[str], bytes] | None = None, max_tiles: int = MAX_TILES) -> TilePack:
    """Fetch XYZ tiles for `bbox` (west, south, east, north in degrees) into a pack at `path` (.png).

    `zoom` None chooses one for the area. `fetch(url) → bytes` replaces the network (tests).
    Fails fast with a plain message when there is no connection; nothing is written then.
    """
    import http.client
    import urllib.error

    import xyzservices.providers as xyz

    if provider not in PROVIDERS:
        raise OptionError("Unknown basemap provider \"{provider}\".", hint="Use osm or opentopomap.", provider=provider)
    name, licence = PROVIDERS[provider]
    source = xyz.query_name(name)
    w, s, e, n = bbox
    if not (-180 <= w < e <= 180 and -85 <= s < n <= 85):
        raise DataError("The area to download is not valid: {bbox}.",
                        hint="Give west, south, east, north in degrees, e.g. -12.5 10 4.5 25.", bbox=bbox)
    target = Path(path)
    if target.suffix.lower() != ".png":
        raise ExportError("The tile pack must be saved as a .png file.",
                          hint="Use a file name ending in .png, e.g. mali.png.", file=target)
    top_zoom = min(int(source.get("max_zoom", MAX_ZOOM)), MAX_ZOOM)
    if zoom is None:
        zoom = choose_zoom(bbox, top_zoom, max_tiles)
    elif not 0 <= zoom <= top_zoom:
        raise OptionError("The zoom level {zoom} is not available: choose 0 to {max_zoom}.",
                          hint="Leave out --zoom to let Carto Desktop choose one for the area.",
                          zoom=zoom, max_zoom=top_zoom)
    tiles = tile_count(bbox, zoom)
    if tiles > max_tiles:
        raise OptionError("The area needs {tiles} tiles at zoom {zoom}, more than the {limit} allowed at once.",
                          hint="Choose zoom {max_zoom} or lower or a smaller area; tile servers forbid bulk downloads.",
                          tiles=tiles, zoom=zoom, limit=max_tiles, max_zoom=choose_zoom(bbox, top_zoom, max_tiles, 10 ** 9))
    get = fetch or (lambda url: _fetch_url(url, timeout))
    try:
        image, bounds = stitch_tiles(bbox, zoom, lambda x, y, z: get(source.build_url(x=x, y=y, z=z)))
    except urllib.error.HTTPError as exc:
        raise DataError("The tile server refused the download (HTTP {status}).",
                        hint="Try again later or choose another provider with --provider.", status=exc.code) from exc
    except (OSError, http.client.HTTPException) as exc:  # URLError, timeouts, refused or cut connections
        raise DataError("The basemap could not be downloaded: there seems to be no internet connection.",
                        hint="Connect to the internet and try again; maps without a basemap work offline.") from exc
    attribution = str(source.get("attribution", "")).replace("(C)", "©")
    return write_tile_pack(target, image, bounds, zoom=zoom, provider=name, attribution=attribution,
                           licence=licence, bbox=bbox)
