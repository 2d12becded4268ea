"""Boundary files that crashed the engine or took gigabytes (issue 21, items 6, 7, 8, 10).

Each file is a real boundary file from tests/data/real changed as the audit's fuzzer changed
it; the CLI runs in a child under a 1.5 GB (+ interpreter) address-space limit and must exit 0
or 2 with one plain sentence.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from conftest import REPO

from carto_desktop.errors import DataError
from carto_desktop.intake import read_layer
from carto_desktop.limits import MAX_FIELDS

MEMORY = 1536 * 1024 * 1024


def _cli(*args: str) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY + 1024 ** 3, MEMORY + 1024 ** 3))

    return subprocess.run([sys.executable, "-m", "carto_desktop", *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(REPO)})


def _sentence(run) -> str:
    assert run.returncode == 2, (run.returncode, run.stderr[-1500:])
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr[-1500:]
    return lines[0]


@pytest.fixture
def regions(real_data):
    return json.loads((real_data / "boundaries" / "mali_adm1.geojson").read_text(encoding="utf-8"))


def _ring(feature):
    g = feature["geometry"]
    return g["coordinates"][0] if g["type"] == "Polygon" else g["coordinates"][0][0]


def _write(doc, path):
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_nan_or_infinite_coordinates_are_one_sentence_not_a_geos_crash(regions, tmp_path, value):
    _ring(regions["features"][2])[3] = [value, _ring(regions["features"][2])[3][1]]
    path = _write(regions, tmp_path / "mali_adm1.geojson")
    line = _sentence(_cli("render", "--table", str(REPO / "sample_data" / "mali_admin_seats_geonames.csv"),
                          "--boundaries", str(path), "--template", "points", "-o", str(tmp_path / "m.png")))
    assert "NaN or infinite" in line and "feature 3" in line


def test_a_ring_that_retraces_itself_is_repaired_in_bounded_memory(regions, tmp_path):
    """A 271 KB KML whose ring went back and forth took 3.2 GB and 27 s in make_valid."""
    ring = _ring(regions["features"][0])[:300]
    regions["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [(ring + ring[::-1]) * 60 + [ring[0]]]}
    path = _write(regions, tmp_path / "mali_adm1.geojson")
    run = _cli("inspect", "--boundaries", str(path))
    assert run.returncode == 0, run.stderr[-1500:]
    layer = read_layer(path)
    assert len(layer) == len(regions["features"])
    assert layer.geometry.iloc[0].geom_type == "Polygon" and layer.geometry.iloc[0].area > 0


def test_thousands_of_properties_are_refused_plainly(regions, tmp_path):
    """GeoJSON with 30,000 properties took 47 s."""
    for f in regions["features"]:
        f["properties"].update({f"p{i}": i for i in range(MAX_FIELDS + 10)})
    line = _sentence(_cli("inspect", "--boundaries", str(_write(regions, tmp_path / "mali_adm1.geojson"))))
    assert "attribute columns" in line


def test_areas_without_shape_are_counted_not_dropped_silently(regions, tmp_path):
    """'2 areas' from 3 features, no notice: the areas without coordinates are said."""
    regions["features"][1]["geometry"] = None
    layer = read_layer(_write(regions, tmp_path / "mali_adm1.geojson"))
    assert len(layer) == len(regions["features"]) - 1
    assert any("have no shape" in w for w in layer.attrs["warnings"])


def test_a_multipolygon_of_too_many_parts_is_refused(regions, tmp_path):
    from carto_desktop.limits import MAX_PARTS

    x0, y0 = _ring(regions["features"][0])[0]
    squares = [[[[x0 + i * 1e-4, y0], [x0 + i * 1e-4 + 5e-5, y0], [x0 + i * 1e-4 + 5e-5, y0 + 5e-5],
                 [x0 + i * 1e-4, y0 + 5e-5], [x0 + i * 1e-4, y0]]] for i in range(MAX_PARTS + 1)]
    regions["features"][0]["geometry"] = {"type": "MultiPolygon", "coordinates": squares}
    with pytest.raises(DataError) as err:
        read_layer(_write(regions, tmp_path / "mali_adm1.geojson"))
    assert "separate parts" in err.value.message


def test_name_and_id_columns_of_mixed_kinds_become_text(regions, tmp_path):
    regions["features"][0]["properties"]["adm1_name"] = 12345
    regions["features"][1]["properties"]["adm1_pcode"] = None
    layer = read_layer(_write(regions, tmp_path / "mali_adm1.geojson"))
    assert layer["adm1_name"].iloc[0] == "12345"
    assert {type(v) for v in layer["adm1_name"]} == {str}
