"""Tables as NGOs send them: encodings, separators, workbooks, sheets, headers, codes."""
from __future__ import annotations

import pytest
import python_calamine

from conftest import REPO, REAL

from carto_desktop.errors import DataError
from carto_desktop.intake import list_sheets, read_table
from carto_desktop.intake.numbers import parse_number
from carto_desktop.intake.tables import decode_text, sniff_delimiter

GOOD = REPO / "tests" / "data" / "intake"
TABLES = REAL / "tables"
CERCLES = ["Ségou", "Kéniéba", "Diré"]


@pytest.mark.parametrize("name", ["semicolon_decimal_comma.csv", "tab_separated.tsv", "old_excel.xls",
                                  "libreoffice.ods", "two_sheets.xlsx"])
def test_every_format_gives_the_same_table(name):
    table = read_table(GOOD / name)
    assert list(table.data.columns) == ["Région", "Cercle", "P-code", "Bénéficiaires"]
    assert table.data["Cercle"].tolist() == CERCLES
    assert table.row_numbers == [2, 3, 4]
    assert [parse_number(v) for v in table.data["Bénéficiaires"]] == [1234.5, 980.0, 12.5]


def test_text_files_say_which_encoding_and_separator_were_used():
    t = read_table(GOOD / "semicolon_decimal_comma.csv")
    assert (t.encoding, t.delimiter) == ("cp1252", ";")
    t = read_table(GOOD / "tab_separated.tsv")
    assert (t.encoding, t.delimiter, t.warnings) == ("utf-8-sig", "\t", [])


def test_decode_text_tells_windows_1252_from_mac_roman():
    french = "Hôpital de Kéniéba, Ségou, Tombouctou-Diré, côte d'Ivoire"
    assert decode_text(french.encode("cp1252")) == (french, "cp1252")
    assert decode_text(french.encode("mac_roman")) == (french, "mac_roman")
    assert decode_text(french.encode("utf-8")) == (french, "utf-8")
    assert decode_text(b"\xef\xbb\xbf" + french.encode("utf-8")) == (french, "utf-8-sig")
    assert decode_text(b"\xff\xfe" + french.encode("utf-16-le")) == (french, "utf-16")


def test_sniff_delimiter_prefers_the_regular_split():
    assert sniff_delimiter(["a;b;c", "1,5;2;3", "4;5,5;6"]) == ";"
    assert sniff_delimiter(["a,b,c", "1,2,3"]) == ","
    assert sniff_delimiter(["a\tb", "1,5\t2"]) == "\t"


def test_leading_zeros_and_codes_stay_text():
    t = read_table(GOOD / "leading_zeros.csv")
    assert t.data["code_site"].tolist() == ["00123", "04567"]


def test_a_workbook_reads_its_first_visible_sheet_and_names_the_others():
    t = read_table(GOOD / "two_sheets.xlsx")
    assert t.sheet == "Données"
    assert [w.key for w in t.warnings] == ["Sheet \"{sheet}\" was read; the workbook also has: {others}."]
    assert list_sheets(GOOD / "two_sheets.xlsx") == ["Données", "Notes"]  # the hidden list is left out
    assert read_table(GOOD / "two_sheets.xlsx", sheet="Listes").data["Région"].tolist() == ["Ségou"]
    with pytest.raises(DataError) as err:
        read_table(GOOD / "two_sheets.xlsx", sheet="Feuil9")
    assert err.value.params["sheets"] == "Données, Notes"


def test_the_header_row_can_be_given():
    t = read_table(REPO / "tests" / "data" / "bad" / "title_rows.xlsx", header_row=4)
    assert t.header_row == 4 and t.warnings == [] and len(t.data) == 3
    with pytest.raises(DataError):
        read_table(REPO / "tests" / "data" / "bad" / "title_rows.xlsx", header_row=3)  # a blank row


# --- the real files of tests/data/real -----------------------------------------------

def test_every_sheet_of_the_mali_3w_loads():
    path = TABLES / "mli_3w_ocha_2023-12.xlsx"
    sheets = python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names
    assert len(sheets) == 8
    shapes = {s: read_table(path, s).data.shape for s in sheets}
    assert shapes["ML_5W"] == (24088, 40)
    assert shapes["ML_5W (2)"] == (7451, 40)
    assert shapes["ListOrganisation"] == (476, 2)
    assert shapes["Admin"][0] == 719
    feuil1 = read_table(path, "Feuil1")  # a lookup that starts at cell K3
    assert feuil1.header_row == 3 and "admin1Pcod" in feuil1.data.columns
    data = read_table(path)
    assert data.sheet == "ML_5W" and data.hxl_tags["admin2Pcod"] == "#adm2+code"
    assert set(data.data["admin2Pcod"].dropna()) >= {"ML0901", "ML0101"}
    assert "Sécurité Alimentaire" in set(data.data["Cluster"]) and "Ménaka" in set(data.data["Region"])
    assert data.row_numbers[:2] == [3, 4]


def test_the_chad_people_in_need_workbook_loads_with_pcodes_and_fractions():
    t = read_table(TABLES / "tcd_hno2023_pin_cible_adm2.xlsx")
    assert t.data.shape == (70, 6)
    assert t.data["ADM2_Pcode"].str.fullmatch(r"TD\d{4}").all()
    assert t.data["ADM1_Pcode"].iloc[0] is None  # the first row really has no adm1 code
    assert round(sum(parse_number(v) for v in t.data["PIN"])) == 7672650
    assert "Tandjilé Ouest" in set(t.data["ADM2_COUNTY"])


def test_the_cadre_harmonise_workbook_loads():
    # the issue says "CSV"; the shared data holds only the HDX resource, an .xlsx
    t = read_table(TABLES / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx")
    assert t.data.shape == (28286, 61)
    mali = t.data[t.data["adm0_pcod3"] == "MLI"]
    assert len(mali) == 1998
    assert "Ségou" in set(mali["adm1_name"]) or "Segou" in set(mali["adm1_name"])
    assert mali["adm2_pcod2"].str.match(r"ML\d{4}").all()


def test_the_mac_roman_csv_reads_with_its_accents():
    t = read_table(TABLES / "mli_health_facilities_oms_macroman.csv")
    assert t.encoding == "mac_roman" and t.data.shape == (23, 18)
    assert "Hôpital" in set(t.data["TYPE"])
    assert not any("\x99" in str(v) or "\ufffd" in str(v) for v in t.data.to_numpy().ravel())


def test_the_dtm_export_skips_its_banner_row():
    t = read_table(TABLES / "tcd_dtm_r16_lac_site_village_assessment.xlsx")
    assert t.header_row == 2 and t.data.shape == (223, 267)
    assert t.hxl_tags["P-code admin 2 (département)"] == "#adm2+code"
    assert t.data["_a4_gps_latitude"].iloc[0] == "13.7897616666666"


@pytest.mark.parametrize("name, shape", [
    ("mli_5w_ocha_2022-03.xlsx", (22805, 5)), ("tcd_3w_ocha_2021-10.xlsx", (705, 6)),
    ("caf_3w_ocha_2022-03.xlsx", (1809, 9)), ("mli_dtm_r72_baseline_assessment.xlsx", (56, 24)),
    ("mli_hno2024_hpc_adm2_pcodes.csv", (1323, 14)), ("kobo_kobocat_tutorial_w_repeats.csv", (1, 23)),
    ("odk_onadata_geolocation_form.csv", (4, 16)),
])
def test_the_other_shared_tables_load(name, shape):
    assert read_table(TABLES / name).data.shape == shape


def test_excel_sep_line_sets_the_separator_and_keeps_row_numbers():
    t = read_table(GOOD / "excel_sep_line.csv")
    assert t.delimiter == ";" and t.header_row == 2 and t.row_numbers == [3, 4, 5]
    assert t.data["Cercle"].tolist() == CERCLES and t.warnings == []


def test_a_folder_is_refused_plainly():
    with pytest.raises(DataError, match="folder"):
        read_table(GOOD / "latin1_cpg")


def test_a_csv_named_xls_has_no_sheets_but_reads():
    bad = REPO / "tests" / "data" / "bad"
    assert list_sheets(bad / "csv_saved_as.xls") == []
    assert read_table(bad / "csv_saved_as.xls").data["Cercle"].tolist() == CERCLES
    with pytest.raises(DataError, match="empty"):
        list_sheets(bad / "zero_bytes.xlsx")
