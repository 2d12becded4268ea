"""Tile packs (PNG + .json, format 1): tile arithmetic, downloading with a fake fetch, reading,
warping into the map's projection, and the map they make."""
import importlib.util
import io
import json
import re
import subprocess
import sys
import urllib.error
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image
from pyproj import CRS, Transformer

from conftest import REPO

from carto_desktop.carto.basemap import (
    HALF_WORLD, MAX_TILES, choose_zoom, download_tile_pack, mercator_xy, open_tile_pack, read_pack_image,
    tile_bounds, tile_count, tile_of, tile_range, warp_to_grid, write_tile_pack,
)
from carto_desktop.errors import DataError, ExportError, OptionError

PACK_DIR = REPO / "tests" / "data" / "basemap"
PACK = PACK_DIR / "test_pack.png"
MALI = (-12.5, 10.0, 4.5, 25.0)
LAEA_MALI = CRS.from_proj4("+proj=laea +lat_0=17.6 +lon_0=-4 +datum=WGS84 +units=m")


def _make_test_pack():
    spec = importlib.util.spec_from_file_location("make_test_pack", PACK_DIR / "make_test_pack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- tile arithmetic -----------------------------------------------------------------------

@pytest.mark.parametrize(("lon", "lat", "zoom", "expected"), [
    # reference values from mercantile 1.2.1 (mercantile.tile)
    (-8.0, 12.65, 7, (61, 59)),  # Bamako
    (2.35, 48.85, 12, (2074, 1409)),  # Paris
    (-105.0, 40.0, 8, (53, 96)),
    (179.9, -85.0, 3, (7, 7)),
    (0.0, 0.0, 1, (1, 1)),
    (-180.0, 85.0, 5, (0, 0)),
])
def test_tile_of_a_point_is_the_xyz_tile_that_holds_it(lon, lat, zoom, expected):
    assert tile_of(lon, lat, zoom) == expected


def test_tile_bounds_in_web_mercator():
    # mercantile.xy_bounds(64, 64, 7) and (2074, 1409, 12)
    assert tile_bounds(64, 64, 7) == pytest.approx((0.0, -313086.06785608194, 313086.06785608194, 0.0), abs=1e-6)
    assert tile_bounds(2074, 1409, 12) == pytest.approx(
        (254382.43013306707, 6242153.477880634, 264166.36975356966, 6251937.417501137), abs=1e-6)
    assert tile_bounds(0, 0, 0) == pytest.approx((-HALF_WORLD, -HALF_WORLD, HALF_WORLD, HALF_WORLD))


def test_mercator_formula_agrees_with_pyproj():
    lon, lat = np.array([-12.5, 0.0, 4.5, 179.0]), np.array([10.0, 25.0, -33.9, 60.0])
    x, y = mercator_xy(lon, lat)
    px, py = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(lon, lat)
    assert np.allclose(x, px, atol=1e-6) and np.allclose(y, py, atol=1e-6)


def test_tile_range_covers_the_area_and_no_more():
    assert tile_range(MALI, 8) == (*tile_of(-12.5, 25.0, 8), *tile_of(4.5, 10.0, 8))
    # an east edge exactly on a tile border does not pull in the next column
    assert tile_range((-90.0, 10.0, 0.0, 45.0), 1) == (0, 0, 0, 0)
    assert tile_count((-90.0, -10.0, 10.0, 45.0), 1) == 4


def test_zoom_is_chosen_from_the_area_and_the_tile_limit():
    zoom = choose_zoom(MALI)
    assert zoom == 8  # Mali: 13 × 12 tiles, about 3,100 pixels across
    assert tile_count(MALI, zoom) <= MAX_TILES
    town = (-8.05, 12.60, -7.95, 12.70)  # Bamako, 11 km
    assert choose_zoom(town) == 15 and tile_count(town, 15) <= MAX_TILES
    africa = (-18.0, -35.0, 52.0, 38.0)
    z = choose_zoom(africa)
    assert tile_count(africa, z) <= MAX_TILES < tile_count(africa, z + 1)
    assert choose_zoom(town, max_zoom=12) == 12


# --- downloading (a fake fetch: tests never touch the network) ------------------------------

def _tile_colour(x: int, y: int) -> tuple[int, int, int]:
    return (x * 37) % 256, (y * 53) % 256, 200


def _fake_server(size: int = 256, calls: list | None = None):
    """fetch(url) answering each OSM tile URL with a PNG of one colour that says which tile it is."""
    def fetch(url: str) -> bytes:
        z, x, y = map(int, re.fullmatch(r"https://tile\.openstreetmap\.org/(\d+)/(\d+)/(\d+)\.png", url).groups())
        if calls is not None:
            calls.append((x, y, z))
        colour = _tile_colour(x, y)
        tile = _palette_tile(size, colour) if x % 2 else Image.new("RGB", (size, size), colour)
        buf = io.BytesIO()
        tile.save(buf, "png")
        return buf.getvalue()
    return fetch


def _palette_tile(size, colour):
    """OSM serves palette PNGs: stitching must convert them."""
    im = Image.new("P", (size, size), 0)
    im.putpalette(list(colour) + [0, 0, 0] * 255)
    return im


def test_download_stitches_crops_and_writes_a_pack(tmp_path):
    calls = []
    bbox = (-6.3, 11.1, -3.2, 14.9)
    pack = download_tile_pack(bbox, 7, tmp_path / "ségou.png", fetch=_fake_server(calls=calls))
    x0, y0, x1, y1 = tile_range(bbox, 7)
    assert sorted(calls) == sorted((x, y, 7) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ségou.json", "ségou.png"]  # no temporary files left
    meta = json.loads((tmp_path / "ségou.json").read_text(encoding="utf-8"))
    assert meta["format"] == 1 and meta["crs"] == "EPSG:3857" and meta["zoom"] == 7
    assert meta["provider"] == "OpenStreetMap.Mapnik" and meta["attribution"] == "© OpenStreetMap contributors"
    assert "ODbL" in meta["licence"] and meta["bbox"] == list(bbox)
    assert open_tile_pack(pack.path) == pack and pack.attribution == "© OpenStreetMap contributors"

    # cropped to the area, widened to whole pixels: less than one pixel (1,223 m at zoom 7) more each side
    (wx, ex), (sy, ny) = mercator_xy(np.array([bbox[0], bbox[2]]), np.array([bbox[1], bbox[3]]))
    bx0, by0, bx1, by1 = pack.bounds
    pixel = 2 * HALF_WORLD / 2 ** 7 / 256
    assert 0 <= wx - bx0 < pixel and 0 <= bx1 - ex < pixel and 0 <= sy - by0 < pixel and 0 <= by1 - ny < pixel
    assert (bx1 - bx0) / pack.size[0] == pytest.approx(pixel) == pytest.approx((by1 - by0) / pack.size[1])

    # each place shows the colour of the tile that holds it
    assert Image.open(pack.path).mode == "RGB"  # opaque tiles → an RGB pack
    pixels = read_pack_image(pack)[..., :3]
    for lon, lat in [(-6.2, 14.8), (-3.3, 11.2), (-4.9, 13.0), (-5.62, 12.3)]:
        mx, my = mercator_xy(lon, lat)
        col, row = int((mx - bx0) / pixel), int((by1 - my) / pixel)
        assert tuple(pixels[row, col]) == _tile_colour(*tile_of(lon, lat, 7)), (lon, lat)


def test_download_of_retina_tiles_keeps_their_resolution(tmp_path):
    pack = download_tile_pack((-6.3, 11.1, -3.2, 14.9), 7, tmp_path / "p.png", fetch=_fake_server(size=512))
    pixel = 2 * HALF_WORLD / 2 ** 7 / 512
    assert (pack.bounds[2] - pack.bounds[0]) / pack.size[0] == pytest.approx(pixel)


def test_download_chooses_the_zoom_when_none_is_given(tmp_path):
    calls = []
    pack = download_tile_pack(MALI, None, tmp_path / "mali.png", fetch=_fake_server(calls=calls))
    assert pack.zoom == 8 and len(calls) == tile_count(MALI, 8)
    assert max(pack.size) >= 2500


def _no_fetch(url):
    raise AssertionError(f"fetched {url} although the request should have been refused first")


def test_download_refuses_over_large_requests_before_fetching(tmp_path):
    with pytest.raises(OptionError, match=r"needs \d+ tiles at zoom 11, more than the 300") as err:
        download_tile_pack(MALI, 11, tmp_path / "mali.png", fetch=_no_fetch)
    assert "zoom 8 or lower" in err.value.text("en") and "zoom 8 ou moins" in err.value.text("fr")
    with pytest.raises(OptionError, match="zoom level 17 is not available: choose 0 to 16"):
        download_tile_pack((-8.05, 12.6, -7.95, 12.7), 17, tmp_path / "b.png", fetch=_no_fetch)
    with pytest.raises(ExportError, match=r"\.png file"):
        download_tile_pack(MALI, 5, tmp_path / "mali.tif", fetch=_no_fetch)
    with pytest.raises(DataError, match="area to download is not valid"):
        download_tile_pack((4.5, 10, -12.5, 25), 5, tmp_path / "mali.png", fetch=_no_fetch)
    with pytest.raises(OptionError, match="Unknown basemap provider"):
        download_tile_pack(MALI, 5, tmp_path / "mali.png", provider="google", fetch=_no_fetch)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("failure", "message"), [
    (urllib.error.URLError("[Errno -3] Temporary failure in name resolution"), "no internet connection"),
    (TimeoutError("timed out"), "no internet connection"),
    (urllib.error.HTTPError("https://tile.openstreetmap.org/", 429, "Too Many Requests", {}, None),
     r"refused the download \(HTTP 429\)"),
])
def test_download_failures_are_plain_and_write_nothing(tmp_path, failure, message):
    served = _fake_server()
    calls = []

    def flaky(url):  # the connection drops after a few tiles
        calls.append(url)
        if len(calls) > 3:
            raise failure
        return served(url)

    existing = write_tile_pack(tmp_path / "mali.png", np.zeros((2, 2, 3), "uint8"), (0, 0, 1, 1), zoom=1,
                               provider="x", attribution="earlier pack")
    with pytest.raises(DataError, match=message) as err:
        download_tile_pack(MALI, 6, tmp_path / "mali.png", fetch=flaky)
    assert "Traceback" not in err.value.text("fr")
    assert open_tile_pack(existing.path) == existing  # the earlier pack is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mali.json", "mali.png"]


def test_download_refuses_what_is_not_a_tile(tmp_path):
    with pytest.raises(DataError, match="not a map tile"):
        download_tile_pack(MALI, 5, tmp_path / "mali.png", fetch=lambda url: b"<html>rate limited</html>")
    assert list(tmp_path.iterdir()) == []


# --- reading -------------------------------------------------------------------------------

def test_the_test_pack_is_what_its_script_builds():
    maker = _make_test_pack()
    image, bounds = maker.pack_pixels()
    pack = open_tile_pack(PACK)
    assert np.array_equal(read_pack_image(pack)[..., :3], image) and (read_pack_image(pack)[..., 3] == 255).all()
    assert pack.bounds == pytest.approx(bounds) and pack.size == (image.shape[1], image.shape[0])
    assert pack.attribution == maker.ATTRIBUTION
    assert open_tile_pack(PACK.with_suffix(".json")) == pack  # either file of the pair names the pack


def _copy_pack(tmp_path, **changes):
    meta = json.loads(PACK.with_suffix(".json").read_text(encoding="utf-8"))
    meta.update(changes)
    (tmp_path / "p.png").write_bytes(PACK.read_bytes())
    (tmp_path / "p.json").write_text(json.dumps(meta), encoding="utf-8")
    return tmp_path / "p.png"


@pytest.mark.parametrize(("changes", "message", "named"), [
    ({"format": 2}, r"newer version of Carto Desktop \(format 2\)", "p.json"),
    ({"format": "1"}, "description of the basemap tile pack is not readable", "p.json"),
    ({"crs": "EPSG:4326"}, "description of the basemap tile pack is not readable", "p.json"),
    ({"bounds": [1, 2, 0, 3]}, "description of the basemap tile pack is not readable", "p.json"),
    ({"bounds": [0, 0, 1]}, "description of the basemap tile pack is not readable", "p.json"),
    ({"size": [100, 100]}, "image does not match its description", "p.png"),
])
def test_a_pack_that_cannot_be_drawn_right_is_refused(tmp_path, changes, message, named):
    with pytest.raises(DataError, match=message) as err:
        open_tile_pack(_copy_pack(tmp_path, **changes))
    assert err.value.file == named
    assert "Préparez" in err.value.text("fr") or "Mettez Carto Desktop à jour" in err.value.text("fr")


def test_a_pack_without_its_description_or_with_a_broken_one_is_refused(tmp_path):
    png = _copy_pack(tmp_path)
    (tmp_path / "p.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not readable"):
        open_tile_pack(png)
    (tmp_path / "p.json").unlink()
    with pytest.raises(DataError, match="not a PNG image with its .json description"):
        open_tile_pack(png)


# --- warping -------------------------------------------------------------------------------

def test_warp_onto_the_pack_own_grid_gives_back_its_pixels():
    pack = open_tile_pack(PACK)
    image = read_pack_image(pack)
    bx0, by0, bx1, by1 = pack.bounds
    out = warp_to_grid(image, pack.bounds, "EPSG:3857", (bx0, bx1, by0, by1), pack.size[0], pack.size[1])
    assert np.array_equal(out, image)


def test_warp_puts_each_quadrant_where_the_geography_says():
    maker = _make_test_pack()
    pack = open_tile_pack(PACK)
    extent = (-1.3e6, 1.3e6, -1.0e6, 1.0e6)  # Mali and around, in an equal-area projection
    width, height = 650, 500
    out = warp_to_grid(read_pack_image(pack), pack.bounds, LAEA_MALI, extent, width, height)
    to_map = Transformer.from_crs("EPSG:4326", LAEA_MALI, always_xy=True)
    places = {"nw": (-8.0, 21.5), "ne": (2.5, 22.5), "sw": (-11.5, 11.5), "se": (1.5, 13.2)}
    for quadrant, (lon, lat) in places.items():
        x, y = to_map.transform(lon, lat)
        col = int((x - extent[0]) / (extent[1] - extent[0]) * width)
        row = int((extent[3] - y) / (extent[3] - extent[2]) * height)
        assert tuple(out[row, col]) == (*maker.QUADRANTS[quadrant], 255), quadrant
    # outside the pack (west of 13°W): transparent
    x, y = to_map.transform(-15.0, 16.0)
    assert out[int((extent[3] - y) / 2e6 * height), int((x - extent[0]) / 2.6e6 * width), 3] == 0
    # the 17.5°N split runs along the projected parallel: north of it blue, south green
    for lon in (-12.0, -9.0, -6.0):
        for lat, quadrant in ((17.7, "nw"), (17.3, "sw")):
            x, y = to_map.transform(lon, lat)
            pixel = out[int((extent[3] - y) / 2e6 * height), int((x - extent[0]) / 2.6e6 * width)]
            assert tuple(pixel[:3]) == maker.QUADRANTS[quadrant], (lon, lat)


def test_warp_keeps_transparent_pixels_out_without_darkening_edges():
    image = np.zeros((4, 4, 4), dtype="uint8")
    image[:, :2] = (255, 0, 0, 255)  # west half opaque red, east half transparent
    bounds = (0.0, 0.0, 400.0, 400.0)
    out = warp_to_grid(image, bounds, "EPSG:3857", (0.0, 400.0, 0.0, 400.0), 40, 40)
    assert (out[:, :15, 3] == 255).all() and (out[:, 25:, 3] == 0).all()
    seen = out[..., 3] > 0
    assert (out[seen][:, 0] == 255).all() and (out[seen][:, 1:3] == 0).all()  # red, never brown


def test_warp_outside_the_projection_domain_is_transparent():
    pack = open_tile_pack(PACK)
    ortho = CRS.from_proj4("+proj=ortho +lat_0=17 +lon_0=-4 +datum=WGS84 +units=m")
    extent = (-9e6, 9e6, -9e6, 9e6)  # corners beyond the visible hemisphere
    out = warp_to_grid(read_pack_image(pack), pack.bounds, ortho, extent, 90, 90)
    assert out[0, 0, 3] == 0 and out[45, 45, 3] == 255


# --- the map -------------------------------------------------------------------------------

def test_map_with_the_pack_shows_each_quadrant_where_the_geography_says(tmp_path):
    from carto_desktop.carto.projection import choose_projection
    from carto_desktop.export import save_map
    from carto_desktop.project import build_map, sample_project

    maker = _make_test_pack()
    result = build_map(replace(sample_project("en"), basemap=PACK))
    fig = result.figure
    ax = next(a for a in fig.axes if a.images)
    to_map = Transformer.from_crs("EPSG:4326", choose_projection(result.data.areas).crs, always_xy=True)
    png = np.asarray(Image.open(save_map(fig, tmp_path / "map.png", dpi=100, drawn=result.drawn)).convert("RGB"))
    places = {"nw": (-8.0, 21.5), "ne": (2.5, 22.5), "sw": (-11.5, 11.5), "se": (1.5, 13.2)}  # outside Mali
    for quadrant, (lon, lat) in places.items():
        px, py = ax.transData.transform(to_map.transform(lon, lat)) * 100 / fig.dpi
        row, col = int(round(png.shape[0] - py)), int(round(px))
        median = np.median(png[row - 2:row + 3, col - 2:col + 3].reshape(-1, 3), axis=0)
        assert tuple(median) == maker.QUADRANTS[quadrant], quadrant


def test_a_map_with_a_tile_pack_loads_no_raster_library():
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from carto_desktop.project import build_map, sample_project\n"
        f"build_map(replace(sample_project('en'), basemap={str(PACK)!r}))\n"
        "print(sorted(m for m in ('rasterio', 'contextily', 'affine', 'mercantile') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_pack_for_the_map_frame_covers_it_and_a_smaller_one_is_edged_and_told(tmp_path):
    """A pack downloaded for the data's box left raster edges and blank bands in the wider frame."""
    from carto_desktop.project import build_map, map_frame_bbox, sample_project

    project = sample_project("en")
    w, s, e, n = map_frame_bbox(project)
    assert w < MALI[0] and s < MALI[1] and e > MALI[2] and n > MALI[3]  # the frame is wider than Mali's box
    small = build_map(replace(project, basemap=PACK))  # the test pack covers Mali's box only
    assert any("covers only part of the map frame" in n for n in small.notices)
    assert any(line.get_gid() == "basemap-edge" for line in small.drawn.map_axes[0].lines)
    pack = download_tile_pack((w, s, e, n), None, tmp_path / "frame.png", fetch=_fake_server())
    full = build_map(replace(project, basemap=pack.path))
    assert not any("covers only part" in n for n in full.notices)
    assert not any(line.get_gid() == "basemap-edge" for line in full.drawn.map_axes[0].lines)


def test_basemap_download_for_a_map_says_plainly_when_offline(tmp_path):
    """`--for` a boundary file works out the map frame first (no network), then fails plainly offline."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "carto_desktop", "basemap", "download", "--for",
                           str(REPO / "sample_data" / "mali_adm2.geojson"), "--zoom", "4", "-o", str(tmp_path / "p.png"),
                           "--lang", "en"], capture_output=True, text=True, timeout=180, cwd=REPO,
                          env={"PATH": "", "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
                               "NO_PROXY": "", "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2, proc.stderr
    assert "no internet connection" in proc.stderr and "Traceback" not in proc.stderr
