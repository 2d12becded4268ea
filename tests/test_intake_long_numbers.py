"""Whole numbers too long to be exact as spreadsheet numbers (IDs, phone-like codes, long admin codes) keep
the digits the file holds: 9007199254740993 was read as 9.00719925474099e+15, so a code column matched
nothing and showed numbers nobody typed. Generated tables on the real Mali boundaries; no personal data."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from carto_desktop.intake import read_layer, read_table
from carto_desktop.intake.roles import detect_roles
from carto_desktop.match import match_table

LONG = ["9007199254740993", "12345678901234567890", "1234567890123456", "-9007199254740995"]


def _xlsx_with_numbers(path, header, rows):
    """An .xlsx whose number cells hold exactly the digits given (as a program exporting IDs writes them):
    openpyxl writes placeholders, replaced in the sheet's XML by the digits."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    digits = {}
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str) and value.lstrip("-").isdigit():
                digits[str(7_000_000 + len(digits))] = value
                cells.append(int(list(digits)[-1]))
            else:
                cells.append(value)
        sheet.append(cells)
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<v>(7\d{6})</v>", lambda m: b"<v>" + digits[m.group(1).decode()].encode() + b"</v>",
                              data)
            out.writestr(item, data)
    plain.unlink()
    return path


def test_long_whole_numbers_in_an_xlsx_keep_their_exact_digits(tmp_path):
    path = _xlsx_with_numbers(tmp_path / "ids.xlsx", ["ID", "Téléphone", "Ménages"],
                              [[value, "22507123456", i + 1] for i, value in enumerate(LONG)])
    table = read_table(path)
    assert table.data["ID"].tolist() == LONG
    assert table.data["Téléphone"].tolist() == ["22507123456"] * 4
    assert table.data["Ménages"].tolist() == ["1", "2", "3", "4"]
    assert table.warnings == []
    roles = detect_roles(table).columns
    assert roles["ID"].role == "identifier" and roles["Ménages"].role == "number"  # a code, never added up


def test_two_long_numbers_a_spreadsheet_cannot_tell_apart_are_said(tmp_path):
    # 9007199254740992 and 9007199254740993 are the same number once stored: which cell was which is lost
    path = _xlsx_with_numbers(tmp_path / "ids.xlsx", ["Nom", "ID"],
                              [["a", "9007199254740992"], ["b", "9007199254740993"], ["c", "9007199254741003"]])
    table = read_table(path)
    assert table.data["ID"].tolist()[2] == "9007199254741003"
    assert [w.text("en") for w in table.warnings] == [
        "2 whole numbers in column B are too long to be stored exactly as numbers (such as 9007199254740992): a "
        "spreadsheet keeps about 15 digits, so their last digits may not be the ones typed. Store such codes as "
        "text."]
    assert table.warnings[0].text("fr").startswith("2 nombres entiers de la colonne B sont trop longs")


def _ods(path, rows):
    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
            if v.lstrip("-").isdigit() else
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in row)
        + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Feuille1">{cells}</table:table></office:spreadsheet>'
               '</office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_long_whole_numbers_in_an_ods_keep_their_exact_digits(tmp_path):
    table = read_table(_ods(tmp_path / "ids.ods", [["ID", "n"], *[[v, "1"] for v in LONG]]))
    assert table.data["ID"].tolist() == LONG and table.warnings == []


@pytest.fixture(scope="module")
def long_coded_adm2(real_data):
    """Mali's cercles coded by 16-digit-and-more numbers written as text (a national office's long codes)."""
    layer = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    layer["adm2_pcode"] = [str(9007199254740993 + 10 * i) for i in range(len(layer))]
    return layer


def test_a_table_of_long_codes_stored_as_numbers_matches_every_area(tmp_path, long_coded_adm2):
    codes = long_coded_adm2["adm2_pcode"].tolist()
    table = read_table(_xlsx_with_numbers(tmp_path / "t.xlsx", ["code", "n"], [[c, 1] for c in codes]))
    assert table.data["code"].tolist() == codes
    result = match_table(table.data, long_coded_adm2)
    assert result.key_column == "code"
    assert result.counts == {"matched": len(codes), "review": 0, "unmatched": 0}
    assert (result.rows["match_id"] == result.rows["code"]).all()


def test_a_csv_whose_codes_a_spreadsheet_wrote_in_scientific_notation_is_said(tmp_path):
    # Excel writes a long number as the cell shows it: "2,25071E+10" in a French CSV; the digits are not in the file
    path = tmp_path / "beneficiaires.csv"
    path.write_text("Cercle;Téléphone;Taux\nKati;2,25071E+10;1,5E-3\nDiéma;22507123456;2E+3\nNara;2,25071E+10;3\n",
                    encoding="utf-8")
    table = read_table(path)
    assert table.data["Téléphone"].tolist() == ["2,25071E+10", "22507123456", "2,25071E+10"]  # as written
    assert [w.text("en") for w in table.warnings] == [
        "Column \"Téléphone\": 2 cells hold long numbers in scientific notation (such as 2,25071E+10): if they are "
        "codes (IDs, phone numbers), the spreadsheet that saved the file kept only their first digits. Format the "
        "column as text in the spreadsheet and save the file again."]
    assert table.warnings[0].text("fr").startswith("Colonne « Téléphone » : 2 cellules contiennent de longs nombres")
    plain = tmp_path / "plain.csv"
    plain.write_text("Cercle,n\nKati,2E+3\nNara,1.5e-3\n", encoding="utf-8")  # small numbers so written: nothing
    assert read_table(plain).warnings == []
