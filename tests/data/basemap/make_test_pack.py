"""Build the synthetic basemap tile pack the tests draw: `test_pack.png` + `test_pack.json`.

Usage: python tests/data/basemap/make_test_pack.py   (rewrites both files beside this script)

Synthetic on purpose (no downloaded imagery to license): the pack covers Mali and its
neighbours (13°W–5°E, 9°N–26°N) on the Web Mercator grid, split at 4°W and 17.5°N into four
pale quadrants, with a grey graticule every 5°, so a test (or a person looking) can tell
whether each pixel lands where the geography says.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from carto_desktop.carto.basemap import mercator_xy, write_tile_pack  # noqa: E402

WEST, SOUTH, EAST, NORTH = -13.0, 9.0, 5.0, 26.0
SPLIT_LON, SPLIT_LAT = -4.0, 17.5
WIDTH = 512
QUADRANTS = {  # pale colours, told apart easily under the areas' outlines
    "nw": (198, 219, 239),  # blue
    "ne": (253, 208, 162),  # orange
    "sw": (199, 233, 192),  # green
    "se": (218, 218, 235),  # purple
}
GRATICULE = (150, 150, 150)
ATTRIBUTION = "Synthetic test tiles (Carto Desktop tests)"


def pack_pixels() -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """The RGB image and its EPSG:3857 bounds."""
    (x0, x1), (y0, y1) = mercator_xy(np.array([WEST, EAST]), np.array([SOUTH, NORTH]))
    height = round(WIDTH * (y1 - y0) / (x1 - x0))  # square pixels, as on the tile grid
    # the longitude and latitude of each pixel centre (inverse spherical Mercator)
    xs = x0 + (np.arange(WIDTH) + 0.5) * (x1 - x0) / WIDTH
    ys = y1 - (np.arange(height) + 0.5) * (y1 - y0) / height
    lon = np.degrees(xs / 6378137.0)
    lat = np.degrees(2 * np.arctan(np.exp(ys / 6378137.0)) - np.pi / 2)
    east = (lon >= SPLIT_LON)[None, :]
    north = (lat >= SPLIT_LAT)[:, None]
    image = np.empty((height, WIDTH, 3), dtype="uint8")
    for key, colour in QUADRANTS.items():
        mask = (north if key[0] == "n" else ~north) & (east if key[1] == "e" else ~east)
        image[mask] = colour
    # graticule: the pixel column/row nearest each multiple of 5 degrees
    for value in range(-10, 5, 5):
        image[:, int(np.argmin(abs(lon - value)))] = GRATICULE
    for value in range(10, 26, 5):
        image[int(np.argmin(abs(lat - value))), :] = GRATICULE
    return image, (float(x0), float(y0), float(x1), float(y1))


def main() -> int:
    image, bounds = pack_pixels()
    pack = write_tile_pack(HERE / "test_pack.png", image, bounds, zoom=None, provider="synthetic",
                           attribution=ATTRIBUTION, licence="CC0 1.0 (generated)",
                           bbox=(WEST, SOUTH, EAST, NORTH))
    print(pack.path, pack.size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
