"""Every broken or hostile file in tests/data/bad/ has one exact outcome.

Either a clear error (the CLI exits 2 with one line on stderr naming the file, no
traceback) or a successful load with a warning saying what was assumed or repaired.
No input file is ever modified (checked by hash), and nothing is written outside.
The files are made by tests/data/make_bad_files.py.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

from carto_desktop.i18n import FRENCH

BAD = REPO / "tests" / "data" / "bad"
TABLE_SUFFIXES = {".csv", ".txt", ".xls", ".xlsx", ".ods", ".tsv"}

# file → the English message (catalogue key, before placeholders) the user gets
ERRORS = {
    "empty.csv": "The file is empty.",
    "blank_rows_only.csv": "The file is empty.",
    "header_only.csv": "The table has a header but no data rows.",
    "binary_garbage.csv": "The file is not a text table: it contains binary data.",
    "html_saved_as.xls": "The file is a web page saved under a spreadsheet name, not a real spreadsheet.",
    "zero_bytes.xlsx": "The file is empty.",
    "unclosed_quote.csv": "A quote (\") opened in this row is never closed",
    "broken_sheet_xml.xlsx": "The file could not be read as a spreadsheet",
    "billion_laughs.xlsx": "The file could not be read as a spreadsheet",
    "truncated.xlsx": "The archive is damaged and cannot be opened.",
    "password.xlsx": "The workbook is protected by a password, so it cannot be read.",
    "xls_asks_4gb.xls": "The workbook could not be read: it asks for more memory than any table needs",
    "zip_bomb.xlsx": "The archive would expand to an abnormal size when opened",
    "missing_dbf": "The shapefile is incomplete: the \"areas.dbf\" file is missing next to it.",
    "missing_shx": "The shapefile is incomplete: the \"areas.shx\" file is missing next to it.",
    "missing_prj_utm": "The file gives no coordinate system (no .prj file) and its coordinates are not longitude/latitude",
    "truncated_shp": "The shapefile is damaged: it may have been cut short",
    "zip_slip.zip": "The archive contains a file that would be written outside its folder (\"../../evil.shp\")",
    "zip_absolute_path.zip": "The archive contains a file that would be written outside its folder (\"/tmp/carto_evil.geojson\")",
    "zip_bomb.zip": "The archive would expand to an abnormal size when opened",
    "zip_without_layer.zip": "The zip file holds no boundary file",
    "truncated.zip": "The archive is damaged and cannot be opened.",
    "external_entity.kml": "The file declares XML entities",
    "external_entity.kmz": "The file declares XML entities",
    "external_entity.gpx": "The file declares XML entities",
    "billion_laughs.kml": "The file declares XML entities",
    "truncated.kml": "The file is not valid XML: it may be truncated or damaged.",
    "truncated.geojson": "The boundary file could not be read.",
    "no_features.geojson": "The boundary file holds no areas.",
    "points_only.geojson": "The boundary file has no polygons (only points or lines).",
    "track_only.gpx": "The boundary file has no polygons (only points or lines).",
    "out_of_range.geojson": "The coordinates are outside the range of longitude and latitude",
}

# file → the warning (catalogue key) the successful load carries
WARNINGS = {
    "cp1252_semicolon.csv": "The file is not in UTF-8; it was read as {encoding}. Check that accents look right.",
    "mac_roman.csv": "The file is not in UTF-8; it was read as {encoding}. Check that accents look right.",
    "mixed_encodings.csv": "The file mixes two encodings (UTF-8 and Windows-1252, as when files are pasted together); both were read. Check that accents look right.",
    "old_mac_cr_lines.csv": "The file is not in UTF-8; it was read as {encoding}. Check that accents look right.",
    "utf16_unicode_text.txt": "The file is not in UTF-8; it was read as {encoding}. Check that accents look right.",
    "csv_saved_as.xls": "The file is named {suffix} but holds plain text; it was read as a CSV file.",
    "xlsx_saved_as.csv": "The file is named {suffix} but is really a spreadsheet; it was read as one.",
    "merged_header.xlsx": "The header spans two rows (merged cells); column names were joined, e.g. \"{example}\".",
    "title_rows.xlsx": "The header is row {row}; the {count} rows above it (titles) were skipped.",
    "ragged_rows.csv": "{count} columns have no name in the header; they were called {names}.",
    "duplicate_columns.csv": "Some column names appear twice ({names}); the repeats were numbered, e.g. \"{example}\".",
    "old_crs_member_utm.geojson": "The layer was reprojected from {crs} to WGS84 longitude/latitude.",
    "two_shapefiles.zip": "Layer \"{layer}\" was read; the file also has: {others}.",
    "mixed_numeric.csv": "Column \"{column}\": {count} cells are not numbers (rows {rows}); they will count as no data.",
    "coords_out_of_range.csv": "Columns \"{lat}\" and \"{lon}\": {count} points are out of range (rows {rows}).",
    "coords_swapped.csv": "Columns \"{lat}\" and \"{lon}\": latitude and longitude look swapped in {count} rows (rows {rows}).",
    "missing_prj": "The file gives no coordinate system (no .prj file); the coordinates look like longitude/latitude, so WGS84 was assumed.",
    "utf8_without_cpg": "The shapefile has no .cpg file; its text was read as UTF-8.",
    "invalid_geometry.geojson": "{count} invalid geometries were repaired.",
    "mixed_geometry_types.geojson": "{count} features that are not areas (points or lines) were left out.",
}


def _target(name: str) -> Path:
    p = BAD / name
    return next(p.glob("*.shp")) if p.is_dir() else p


def _hashes(name: str) -> dict[str, str]:
    p = BAD / name
    files = sorted(p.iterdir()) if p.is_dir() else [p]
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def _cli(target: Path, lang: str = "en") -> subprocess.CompletedProcess:
    flag = "--table" if target.suffix.lower() in TABLE_SUFFIXES else "--boundaries"
    return subprocess.run([sys.executable, "-m", "carto_desktop", "inspect", flag, str(target), "--lang", lang],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_there_are_at_least_thirty_hostile_files_and_each_has_an_expected_outcome():
    inputs = {p.name for p in BAD.iterdir()}
    assert len(inputs) >= 30
    assert inputs == set(ERRORS) | set(WARNINGS), "every file in tests/data/bad has one expected outcome"


@pytest.fixture(scope="module")
def error_runs():
    """The CLI on every error file, two processes at a time; with the inputs' hashes before."""
    from concurrent.futures import ThreadPoolExecutor

    before = {name: _hashes(name) for name in ERRORS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(sorted(ERRORS), pool.map(lambda n: _cli(_target(n)), sorted(ERRORS))))
    return before, runs


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_file_gives_one_clear_line_and_exit_2(name, error_runs):
    hashes, runs = error_runs
    before = hashes[name]
    target = _target(name)
    proc = runs[name]
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"carto-desktop: file {target.name}")
    assert ERRORS[name] in lines[0]
    assert " Hint: " in lines[0]
    assert _hashes(name) == before, "the input was modified"


def test_bad_file_errors_are_in_french_too():
    proc = _cli(_target("password.xlsx"), "fr")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "carto-desktop: fichier password.xlsx : " + FRENCH["The workbook is protected by a password, so it cannot be read."]
        + " Conseil : " + FRENCH["Open it in Excel or LibreOffice with the password, save a copy without password, and open that copy."]
    )


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_damaged_but_usable_file_loads_with_a_warning(name):
    from carto_desktop.intake import read_layer, read_table
    from carto_desktop.intake.roles import detect_roles

    before = _hashes(name)
    target = _target(name)
    if target.suffix.lower() in TABLE_SUFFIXES:
        table = read_table(target)
        assert len(table.data) >= 2
        warnings = list(table.warnings) + list(detect_roles(table).warnings)
    else:
        layer = read_layer(target)
        assert len(layer) >= 1 and layer.crs.to_epsg() == 4326
        assert set(layer.geom_type) <= {"Polygon", "MultiPolygon"} and layer.is_valid.all()
        warnings = layer.attrs["warnings"]
    assert WARNINGS[name] in [w.key for w in warnings]
    assert all(w.key in FRENCH for w in warnings), "every warning has its French"
    assert _hashes(name) == before, "the input was modified"


def test_the_usable_files_show_their_warning_through_the_cli():
    proc = _cli(_target("coords_swapped.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "latitude and longitude look swapped in 2 rows (rows 3, 5)" in proc.stdout
    proc = _cli(_target("missing_prj"), "fr")
    assert proc.returncode == 0, proc.stderr
    assert "WGS84 a donc été supposé" in proc.stdout


def test_what_the_damaged_files_load_as():
    from carto_desktop.intake import read_layer, read_table

    merged = read_table(BAD / "merged_header.xlsx")
    assert list(merged.data.columns) == ["Région", "Cercle", "Population Hommes", "Population Femmes", "Source"]
    assert merged.row_numbers == [3, 4]
    titled = read_table(BAD / "title_rows.xlsx")
    assert titled.header_row == 4 and titled.data["P-code"].tolist() == ["ML0401", "ML0104", "ML0602"]
    for name in ("cp1252_semicolon.csv", "utf16_unicode_text.txt", "csv_saved_as.xls", "xlsx_saved_as.csv"):
        t = read_table(BAD / name)
        assert t.data["Cercle"].tolist() == ["Ségou", "Kéniéba", "Diré"], name
    for name in ("mac_roman.csv", "old_mac_cr_lines.csv"):
        assert read_table(BAD / name).data["Structure"].tolist() == ["Hôpital de Kéniéba", "CSCOM Ségou"], name
    assert read_table(BAD / "mixed_encodings.csv").data["Cercle"].tolist() == ["Ségou", "Kéniéba", "Diré"]
    assert read_layer(BAD / "utf8_without_cpg" / "areas.shp")["name"].tolist() == ["Ségou", "Kéniéba", "Diré"]
    mixed = read_layer(BAD / "mixed_geometry_types.geojson")
    assert mixed["name"].tolist() == ["Zone A", "Zone B"]  # the collection's polygon part is kept


def test_the_error_names_the_row_where_it_is_known():
    proc = _cli(BAD / "unclosed_quote.csv")
    assert proc.stderr.startswith("carto-desktop: file unclosed_quote.csv, row 3: A quote")


def test_a_folder_is_not_a_file():
    proc = _cli(BAD / "missing_prj")
    assert proc.returncode == 2 and "This is a folder, not a file." in proc.stderr


def test_hostile_archives_write_nothing_outside(tmp_path):
    for name in ("zip_slip.zip", "zip_absolute_path.zip"):
        _cli(BAD / name)
    assert not Path("/tmp/carto_evil.geojson").exists()
    assert not (REPO.parent / "evil.shp").exists() and not (REPO / "evil.shp").exists()
