"""GPS points joined to polygons, with swapped and stray points reported, on real survey files."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from carto_desktop.cli import main
from carto_desktop.intake import read_layer, read_table
from carto_desktop.match.points import match_points


@pytest.fixture(scope="module")
def mali(real_data):
    return read_layer(real_data / "boundaries" / "mali_adm2.geojson")


def test_dtm_chad_sites_fall_in_their_departement(real_data):
    table = read_table(real_data / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx", "Round16_data").data
    layer = read_layer(real_data / "boundaries" / "tcd_adm2.geojson")
    result = match_points(table, layer, "_a4_gps_latitude", "_a4_gps_longitude")
    assert result.counts == {"matched": 223, "review": 0, "unmatched": 0}
    rows = result.rows
    agree = (rows["match_id"] == rows["P-code admin 2 (département)"]).sum()
    assert agree >= 219  # the survey's own P-codes; 4 sites sit just across a border


def test_health_facilities_with_mac_roman_text(real_data, mali):
    table = read_table(real_data / "tables" / "mli_health_facilities_oms_macroman.csv").data
    rows = match_points(table, mali, "location.latitude", "location.longitude").rows
    assert (rows["match_status"] == "matched").sum() == 22
    assert rows.loc[rows["DISTRICT"] == "BANDIAGARA", "match_name"].tolist() == ["Bandiagara"]
    assert rows["match_method"][18] == "empty"  # the row without coordinates


def test_swapped_and_stray_points_are_reported(mali):
    # made-up points: Bamako, Bamako typed longitude first, a point in Burkina Faso, text, zeros
    data = pd.DataFrame({"lat": ["12.65", "-8.0", "12.0", "north", "0"], "lon": ["-8.0", "12.65", "2.0", "-8", "0"]})
    rows = match_points(data, mali, "lat", "lon").rows
    assert rows["match_status"].tolist() == ["matched", "review", "unmatched", "unmatched", "unmatched"]
    assert rows["match_name"][0] == "Bamako"
    assert rows["match_method"][1] == "swapped coordinates" and rows["match_candidates"][1].startswith("Bamako (ML0901)")
    assert rows["match_method"][2] == "outside areas"
    assert rows["match_method"][3] == "unreadable coordinates"


def test_match_command_with_points(tmp_path, real_data):
    out = tmp_path / "points.csv"
    code = main(["match", "--table", str(real_data / "tables" / "mli_health_facilities_oms_macroman.csv"),
                 "--boundaries", str(real_data / "boundaries" / "mali_adm2.geojson"),
                 "--lat-column", "location.latitude", "--lon-column", "location.longitude", "-o", str(out)])
    assert code == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sum(r["match_method"] == "point" for r in rows) == 22


def test_match_table_takes_coordinate_columns(real_data, mali):
    from carto_desktop.match import match_table

    table = read_table(real_data / "tables" / "mli_health_facilities_oms_macroman.csv").data
    result = match_table(table, mali, lat_column="location.latitude", lon_column="location.longitude")
    assert result.counts["matched"] == 22
