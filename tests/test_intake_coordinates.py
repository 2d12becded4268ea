"""Coordinates as typed in the field: decimal, decimal comma, DMS; per-row checks."""
import math

import pytest

from carto_desktop.intake.coordinates import check_coordinates, parse_coordinate, parse_geopoint


@pytest.mark.parametrize(
    "text, axis, expected",
    [
        ("-1.2625621", None, -1.2625621),
        ("12,35", "lat", 12.35),
        (13.7897616666666, "lat", 13.7897616666666),
        ("12°21'36\"N", "lat", 12.36),
        ("12°21′36″N", "lat", 12.36),
        ("12 21 36 N", "lat", 12.36),
        ("1 31 W", "lon", -(1 + 31 / 60)),
        ("N 12°21.6'", "lat", 12.36),
        ("12d21m36s", None, 12.36),
        ("13° 30' O", "lon", -13.5),  # French "Ouest"
        ("12:21:36 S", "lat", -12.36),
        ("12.6S", None, -12.6),
        ("-12°30'", None, -12.5),
        ("3 deg 30 min E", "lon", 3.5),
    ],
)
def test_parse_coordinate_reads_what_people_type(text, axis, expected):
    assert parse_coordinate(text, axis) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, axis",
    [("", None), ("abc", None), ("12 21", None), ("1 31 W", "lat"), ("12°75'N", "lat"), ("12.5.5", None),
     ("12°21'36\"N 1°31'W", None), (None, None), (float("nan"), None)],
)
def test_parse_coordinate_refuses_what_is_not_one_coordinate(text, axis):
    assert parse_coordinate(text, axis) is None


def test_parse_geopoint_reads_odk_and_kobo_cells():
    assert parse_geopoint("-1.2625621 36.7921711 0.0 20.0") == (-1.2625621, 36.7921711)
    assert parse_geopoint("13.78 14.07") == (13.78, 14.07)
    assert parse_geopoint("") is None
    assert parse_geopoint("n/a") is None


def test_check_coordinates_reports_each_problem_with_its_row():
    lats = ["12.6", "-8", "", "0", "x", "95", "12.6", "14,1", ""]
    lons = ["-8", "12.6", "", "0", "1", "12", "300", "-3,5", "-4"]
    mali = (-12.3, 10.1, 4.3, 25.0)
    checked = check_coordinates(lats, lons, row_numbers=range(3, 12), bounds=mali)
    assert [(p.row, p.kind) for p in checked.problems] == [
        (4, "swapped"), (6, "zero"), (7, "unreadable"), (8, "out of range"), (9, "out of range"), (11, "missing"),
    ]
    # swapped pairs are put back; other problems become NaN; empty points are not errors
    assert checked.lat[:2] == [12.6, 12.6] and checked.lon[:2] == [-8.0, -8.0]
    assert math.isnan(checked.lat[2]) and math.isnan(checked.lat[3])
    assert (checked.lat[7], checked.lon[7]) == (14.1, -3.5)


def test_without_bounds_an_impossible_latitude_is_a_swap():
    checked = check_coordinates(["-8", "95"], ["12.6", "12"])
    assert [(p.row, p.kind) for p in checked.problems] == [(3, "swapped")]
    assert (checked.lat[1], checked.lon[1]) == (12.0, 95.0)


def test_without_bounds_a_pair_far_from_the_others_but_close_once_swapped_is_a_swap():
    lats = ["12.65", "-7.98", "14.49", "-3.99", "13.45", "16.77"]
    lons = ["-8.0", "12.61", "-4.19", "16.27", "-6.26", "-3.01"]
    checked = check_coordinates(lats, lons)
    assert [(p.row, p.kind) for p in checked.problems] == [(3, "swapped"), (5, "swapped")]
    assert (checked.lat[1], checked.lon[1]) == (12.61, -7.98)
