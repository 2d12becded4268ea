"""Codes a person's spreadsheet writes differently from the boundary file: matched when it cannot change
their meaning, told in the match report, never guessed. Tables are generated from the real Mali
boundaries (tests/data/real/boundaries); no personal data."""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from carto_desktop.cli import main
from carto_desktop.intake import read_layer, read_table
from carto_desktop.match import match_table


@pytest.fixture(scope="module")
def mali_adm2(real_data):
    return read_layer(real_data / "boundaries" / "mali_adm2.geojson")


@pytest.fixture(scope="module")
def numeric_adm2(mali_adm2):
    """Mali's cercles with codes of digits alone, as a national office writes them: "0101" under region "01"."""
    layer = mali_adm2.copy()
    layer["adm2_pcode"] = layer["adm2_pcode"].str[2:]
    layer["adm1_pcode"] = layer["adm1_pcode"].str[2:]
    return layer


def _excel_table(path, header, rows):
    """An .xlsx as Excel saves it when codes were typed or pasted as numbers (stored as numbers, zeros gone)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_codes_stored_as_numbers_match_with_their_zeros_restored_and_said(tmp_path, numeric_adm2):
    codes = numeric_adm2["adm2_pcode"].tolist()
    assert all(c.isdigit() and len(c) == 4 for c in codes) and "0101" in codes
    table = read_table(_excel_table(tmp_path / "activites.xlsx", ["Cercle code", "Ménages"],
                                    [[int(c), i + 1] for i, c in enumerate(codes)]))
    assert table.data["Cercle code"].iloc[0] == "101"  # the spreadsheet dropped the zero
    result = match_table(table.data, numeric_adm2)  # the key column is found, too
    assert result.key_column == "Cercle code"
    assert result.counts == {"matched": len(codes), "review": 0, "unmatched": 0}
    rows = result.rows.set_index("Cercle code")
    assert rows.loc["101", "match_id"] == "0101" and rows.loc["101", "match_name"] == "Bafoulabe"
    assert rows.loc["101", "match_method"] == "pcode, zeros restored"
    assert rows.loc["1001", "match_method"] == "pcode"  # written in full: nothing restored
    restored = sum(c.startswith("0") for c in codes)
    assert [n.text("en") for n in result.notes] == [
        f"{restored} rows write their P-code as a number, without its leading zeros (such as \"101\" for 0101); "
        "the zeros were restored to match them."]
    assert result.notes[0].text("fr").startswith(f"{restored} lignes écrivent leur P-code comme un nombre")
    assert table.data["Cercle code"].iloc[0] == "101"  # the table itself is unchanged


def test_a_region_column_of_numbers_still_checks_the_region(numeric_adm2):
    # regions "01", "02" typed as 1, 2: Kati is Koulikoro's (02), so under region 1 it is asked about
    data = pd.DataFrame({"region": ["2", "1", "02"], "cercle": ["Kati", "Kati", "Kati"]})
    rows = match_table(data, numeric_adm2, "cercle", parent_column="region").rows
    assert rows["match_status"].tolist() == ["matched", "review", "matched"]
    assert rows["match_method"].tolist()[1] == "parent mismatch"
    assert rows["match_id"].tolist()[0] == "0204"


def test_a_decimal_number_is_no_code_that_lost_its_zeros(numeric_adm2):
    # "1.01" or "10.1" (a share, a rate) written without its dot is 101: never Bafoulabe's 0101
    data = pd.DataFrame({"code": ["1.01", "10.1", "01.01", "101"]})
    rows = match_table(data, numeric_adm2, "code").rows
    assert rows["match_status"].tolist() == ["unmatched", "unmatched", "matched", "matched"]
    assert rows["match_id"].tolist()[2:] == ["0101", "0101"]
    assert rows["match_method"].tolist()[2:] == ["pcode", "pcode, zeros restored"]


def test_a_number_two_codes_fit_once_padded_goes_to_review(numeric_adm2):
    # a layer with both "101" and "0101" (two widths): "101" in a table may be either, never guessed
    layer = numeric_adm2.copy()
    layer.loc[layer["adm2_pcode"] == "1001", "adm2_pcode"] = "101"
    data = pd.DataFrame({"code": ["101", "0101", "1002"]})
    rows = match_table(data, layer, "code").rows
    assert rows["match_status"].tolist() == ["review", "matched", "matched"]
    assert rows["match_method"].tolist() == ["ambiguous code", "pcode", "pcode"]
    assert {c.split(" (")[1].split(")")[0] for c in rows["match_candidates"].iloc[0].split("; ")} == {"0101", "101"}


def test_the_match_command_says_the_zeros_were_restored(tmp_path, numeric_adm2, capsys):
    boundaries = tmp_path / "cercles.geojson"
    numeric_adm2.to_file(boundaries)
    table = _excel_table(tmp_path / "t.xlsx", ["code", "n"], [[101, 1], [102, 2], [1001, 3]])
    assert main(["match", "--table", str(table), "--boundaries", str(boundaries), "-o", str(tmp_path / "m.csv"),
                 "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "3 appariées, 0 à vérifier, 0 introuvables" in out
    assert ("2 lignes écrivent leur P-code comme un nombre, sans ses zéros de tête (par exemple « 101 » pour 0101) ; "
            "les zéros ont été rétablis pour les apparier.") in out
    written = pd.read_csv(tmp_path / "m.csv", dtype=str)
    assert written["code"].tolist() == ["101", "102", "1001"]  # the table's own writing, unchanged


def test_the_apps_match_step_and_the_map_say_it_too(tmp_path, numeric_adm2):
    from carto_desktop.choices import Project
    from carto_desktop.gui import engine_tasks

    boundaries = tmp_path / "cercles.geojson"
    numeric_adm2.to_file(boundaries)
    table = _excel_table(tmp_path / "t.xlsx", ["code", "n"], [[101, 1], [102, 2], [1001, 3]])
    shown = engine_tasks.preview(Project(table=table, boundaries=boundaries, lang="fr"), fit=(400, 300))
    assert shown.match.counts.matched == 3
    assert [n.en for n in shown.match.notes] == [
        "2 rows write their P-code as a number, without its leading zeros (such as \"101\" for 0101); the zeros "
        "were restored to match them."]
    assert shown.match.notes[0].fr.startswith("2 lignes écrivent leur P-code")
    assert not any("P-code" in n.en for n in shown.notices)  # said in the Match step, not again at export
    from carto_desktop.project import build_map

    notices = build_map(Project(table=table, boundaries=boundaries, lang="fr")).notices  # what `render` prints
    assert [n.text("en") for n in notices if "P-code" in n] == [shown.match.notes[0].en]
    assert [str(n) for n in notices if "P-code" in n] == [shown.match.notes[0].fr]


# ---- invisible characters ------------------------------------------------------------------------

INVISIBLE_CELLS = ("\ufeff{}", "{}\u200b", "\xa0{}", "\u200e{}\u2060")  # BOM, zero-width space, NBSP, marks


def test_codes_with_invisible_characters_find_their_column_and_match(tmp_path, mali_adm2):
    codes = mali_adm2["adm2_pcode"].tolist()
    cells = [INVISIBLE_CELLS[i % 4].format(c) if i % 2 == 0 else c for i, c in enumerate(codes)]
    path = tmp_path / "pasted.csv"
    path.write_text("Cercle;Ménages\n" + "".join(f"{c};{i}\n" for i, c in enumerate(cells)), encoding="utf-8")
    table = read_table(path)
    assert table.data["Cercle"].iloc[0] == "\ufeffML0101"  # read as written: the table is never changed
    result = match_table(table.data, mali_adm2)
    assert result.key_column == "Cercle"
    assert result.counts == {"matched": len(codes), "review": 0, "unmatched": 0}
    assert result.rows["match_id"].tolist() == codes
    assert result.rows["Cercle"].iloc[0] == "\ufeffML0101"
    # NBSP around a cell is whitespace, stripped on reading: only the others are invisible characters
    hidden = sum(1 for i in range(0, len(codes), 2) if i % 4 != 2)
    assert [n.text("en") for n in result.notes] == [
        f"{hidden} cells of column \"Cercle\" hold invisible characters (a byte-order mark, a zero-width space…): "
        "matching ignored them, and the table is unchanged."]
    assert result.notes[0].text("fr").startswith(f"{hidden} cellules de la colonne « Cercle » contiennent des "
                                                 "caractères invisibles")


def test_names_and_regions_with_invisible_characters_match_exactly(mali_adm2):
    data = pd.DataFrame({"Région": ["\ufeffKoulikoro", "Kayes"], "Cercle": ["Ka\u200bti", "\ufeffBafoulabe"]})
    result = match_table(data, mali_adm2, "Cercle", parent_column="Région")
    assert result.rows["match_id"].tolist() == ["ML0204", "ML0101"]
    assert [n.params["column"] for n in result.notes] == ["Cercle", "Région"]
    assert [n.params["count"] for n in result.notes] == [2, 1]
    assert result.notes[1].text("en").startswith("1 cell of column \"Région\" holds invisible characters")


def test_the_data_step_sees_a_pcode_column_despite_invisible_characters(mali_adm2):
    from carto_desktop.intake.roles import detect_roles
    from carto_desktop.intake.tables import Table

    codes = mali_adm2["adm2_pcode"].tolist()
    data = pd.DataFrame({"code": [("\ufeff" if i % 2 else "") + c for i, c in enumerate(codes)]}, dtype=object)
    role = detect_roles(Table(data=data, path=None)).columns["code"]
    assert (role.role, role.level) == ("P-code", 2)


# ---- a boundary file giving one code to two areas ------------------------------------------------

def test_a_code_given_to_two_areas_is_said_plainly_naming_them_and_the_file(tmp_path, real_data, mali_adm2, capsys):
    broken = mali_adm2.copy()
    broken.loc[broken["adm2_name"] == "Diéma", "adm2_pcode"] = "ML0101"  # Bafoulabe's code
    path = tmp_path / "cercles_2024.geojson"
    broken.to_file(path)
    table = real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv"  # keyed by "Admin 2 PCode"
    assert main(["match", "--table", str(table), "--boundaries", str(path), "-o", str(tmp_path / "m.csv")]) == 2
    err = capsys.readouterr().err
    assert ('file cercles_2024.geojson, column "adm2_pcode": The boundary file gives the same P-code "ML0101" to '
            '2 areas: Bafoulabe, Diéma. Hint: Correct the code of one of them') in err
    assert "parent areas" not in err and "Traceback" not in err
    assert main(["match", "--table", str(table), "--boundaries", str(path), "-o", str(tmp_path / "m.csv"),
                 "--lang", "fr"]) == 2
    assert "Le fichier de limites donne le même P-code « ML0101 » à 2 zones : Bafoulabe, Diéma." in \
        capsys.readouterr().err
    # the way out the hint gives: a column that tells the areas apart (here their names, for a table of names)
    names = tmp_path / "names.csv"
    names.write_text("Cercle,n\nDiéma,1\nBafoulabe,2\n", encoding="utf-8")
    assert main(["match", "--table", str(names), "--boundaries", str(path), "--id-column", "adm2_name",
                 "-o", str(tmp_path / "m.csv")]) == 0
    assert "2 matched, 0 to review" in capsys.readouterr().out


def test_several_repeated_codes_are_counted(mali_adm2):
    from carto_desktop.errors import DataError

    broken = mali_adm2.copy()
    broken.loc[broken["adm2_name"] == "Diéma", "adm2_pcode"] = "ML0101"
    broken.loc[broken["adm2_name"] == "Kati", "adm2_pcode"] = "ML0201"
    with pytest.raises(DataError) as error:
        match_table(pd.DataFrame({"code": ["ML0101"]}), broken)
    assert error.value.params == {"code": "ML0101", "n": 2, "areas": "Bafoulabe, Diéma", "count": 2}
    assert str(error.value.message).startswith("The boundary file gives the same P-code to several areas, {count} "
                                               "times")


def test_blank_cells_beside_accented_names_are_empty_not_invisible(mali_adm2):
    data = pd.DataFrame({"Cercle": ["Diéma", None, float("nan"), "\ufeffKati"]}, dtype=object)
    result = match_table(data, mali_adm2, "Cercle")
    assert result.rows["match_method"].tolist() == ["exact name", "empty", "empty", "exact name"]
    assert [n.params["count"] for n in result.notes] == [1]
