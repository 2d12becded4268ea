"""Damaged copies of every fixture (cut short, bytes flipped, bytes removed) give either a
table/layer or a `CartoError`: never another exception (which the CLI would report as a bug).

Deterministic (fixed seed), in-process and small, so it runs with the suite; it found a
Rust panic in python-calamine, zip errors raised while unpacking, and GDAL warnings on stderr.
"""
from __future__ import annotations

import random
import shutil
import warnings

import pytest

from conftest import REPO

from carto_desktop.errors import CartoError

DATA = REPO / "tests" / "data"
TABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xls", ".xlsx", ".ods"}
LAYER_SUFFIXES = {".shp", ".zip", ".gpkg", ".geojson", ".kml", ".kmz", ".gpx", ".dbf", ".shx"}
FILES = sorted(p for p in (DATA / "intake").rglob("*") if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES | LAYER_SUFFIXES)


def _damaged(data: bytes, rnd: random.Random, how: int) -> bytes:
    b = bytearray(data)
    if how == 0:
        return bytes(b[: rnd.randrange(1, len(b))])
    if how == 1:
        for _ in range(max(1, len(b) // 50)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        return bytes(b)
    i = rnd.randrange(len(b))
    del b[i:i + rnd.randrange(1, 20)]
    return bytes(b)


@pytest.mark.parametrize("source", FILES, ids=lambda p: str(p.relative_to(DATA / "intake")))
def test_a_damaged_file_never_raises_anything_but_a_carto_error(source, tmp_path):
    from carto_desktop.intake import read_layer, read_table
    from carto_desktop.intake.roles import detect_roles

    rnd = random.Random(source.name)
    for how in range(3):
        folder = tmp_path / f"copy{how}"
        shutil.copytree(source.parent, folder)
        target = folder / source.name
        target.write_bytes(_damaged(source.read_bytes(), rnd, how))
        opened = next(folder.glob("*.shp")) if source.suffix.lower() in {".dbf", ".shx"} else target
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning escaping to stderr would break the CLI's one line
            try:
                if source.suffix.lower() in TABLE_SUFFIXES:
                    detect_roles(read_table(opened))
                else:
                    read_layer(opened)
            except CartoError:
                pass
