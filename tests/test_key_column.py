"""Which table column places the rows when none is named (issue 21 item 1, issue 14's key column).

A Mali 3W names each row's region and cercle; region names are also names of cercles
("Kayes", "Ségou"…), so a guess on the first well-matching column mapped every row to the
region's namesake cercle, exit 0, nothing to review. The finest level must win, the region
column narrows it, two columns naming areas differently are a question, never a guess.
"""
from __future__ import annotations

import pandas as pd
import pytest

from carto_desktop.cli import main
from carto_desktop.errors import DataError
from carto_desktop.intake import read_layer, read_table
from carto_desktop.match import match_table
from carto_desktop.names import normalise_name


@pytest.fixture(scope="module")
def cercles(real_data):
    return read_layer(real_data / "boundaries" / "mali_adm2.geojson")


@pytest.fixture(scope="module")
def w5(real_data):
    """The real Mali 5W, its names only (P-code columns dropped): Region then Cercle."""
    data = read_table(real_data / "tables" / "mli_5w_ocha_2022-03.xlsx").data
    return data[["Organisation Accronyme", "Region", "Cercle"]].copy()


def test_region_and_cercle_columns_the_cercle_is_the_key_and_the_region_its_parent(w5, cercles):
    result = match_table(w5, cercles)
    assert result.key_column == "Cercle"
    assert result.parent_column == "Region"
    matched = result.matched
    # every matched row lies in the cercle its Cercle cell names, never the region's namesake
    wrong = matched[matched["match_name"].map(normalise_name) != matched["Cercle"].map(normalise_name)]
    assert len(wrong) <= 0.02 * len(matched), wrong[["Region", "Cercle", "match_name"]].drop_duplicates().head()
    assert result.matched["match_id"].nunique() > 40


def test_a_table_of_regions_only_is_refused_against_cercles_not_matched_to_namesakes(w5, cercles):
    with pytest.raises(DataError) as err:
        match_table(w5[["Organisation Accronyme", "Region"]], cercles)
    assert err.value.column == "Region"
    assert "parent areas" in err.value.message


def test_two_columns_naming_different_cercles_are_asked_not_guessed(w5, cercles, tmp_path, capsys):
    data = w5.copy()
    origin = data["Cercle"].drop_duplicates().tolist()
    shifted = dict(zip(origin, origin[1:] + origin[:1]))
    data.insert(1, "Cercle d'origine", data["Cercle"].map(shifted))
    with pytest.raises(DataError) as err:
        match_table(data, cercles)
    assert {"Cercle", "Cercle d'origine"} <= {err.value.column, err.value.params.get("other")}
    path = tmp_path / "deplaces.csv"
    data.to_csv(path, index=False)
    code = main(["match", "--table", str(path), "--boundaries", cercles.attrs["path"], "-o", str(tmp_path / "m.csv")])
    assert code == 2
    err_text = capsys.readouterr().err
    assert "Cercle d'origine" in err_text and "Traceback" not in err_text


def test_a_name_column_and_its_copy_are_no_tie(w5, cercles):
    data = w5.copy()
    data["Cercle (copie)"] = data["Cercle"].str.upper()
    assert match_table(data, cercles).key_column == "Cercle"


def test_key_column_with_a_minority_of_names_is_used_and_the_rest_reported(real_data, cercles):
    """Issue 14: most of the cells are commune names, not cercles: the column is still the key."""
    w3 = read_table(real_data / "tables" / "mli_3w_ocha_2023-12.xlsx").data
    cercle_names = set(cercles["adm2_name"].str.casefold())
    communes = [c for c in w3["Commune"].dropna().unique() if c.casefold() not in cercle_names][:60]
    named = w3["Cercle"].dropna().unique()[:30]
    values = list(named) + communes
    import pandas as pd

    data = pd.DataFrame({"Partenaire": ["ONG"] * len(values), "Lieu": values})
    result = match_table(data, cercles)
    assert result.key_column == "Lieu"
    assert result.counts["matched"] >= 25
    assert result.counts["review"] + result.counts["unmatched"] >= 40




def test_a_very_small_layer_finds_its_key_among_other_countries_codes(real_data):
    """Issue 21 item 10: a regional table against a layer of two areas needed 3 matching codes, which two areas cannot give."""
    import pandas as pd

    regions = read_layer(real_data / "boundaries" / "mali_adm1.geojson").iloc[:2].reset_index(drop=True)
    niger = read_layer(real_data / "boundaries" / "ner_adm1.geojson")
    codes = list(regions["adm1_pcode"]) + list(niger.filter(like="pcode").iloc[:, 0])
    data = pd.DataFrame({"Pays": ["Mali"] * 2 + ["Niger"] * (len(codes) - 2), "Code": codes})
    result = match_table(data, regions)
    assert result.key_column == "Code"
    assert result.counts["matched"] == 2


def test_a_layer_coded_in_digits_is_found_by_a_column_of_numbers(cercles):
    """A column of numbers is passed over quickly when no code or name of the layer is written in digits
    alone; when the layer's own codes are ("1", "2"…, a national statistics office's numbering), the
    table's column of those numbers is still its key, and a column of amounts beside it is not."""
    numbered = cercles.assign(adm2_pcode=[str(i + 1) for i in range(len(cercles))])
    codes = numbered["adm2_pcode"].tolist()
    data = pd.DataFrame({"Montant": [f"{i * 7.5:.1f}" for i in range(len(codes))], "Cercle": codes})
    result = match_table(data, numbered)
    assert result.key_column == "Cercle"
    assert result.counts["matched"] == len(codes)
    assert result.rows["match_id"].tolist() == codes
    # the same table against the layer's own letters-and-digits codes: the amounts name nothing, no key
    with pytest.raises(DataError):
        match_table(data.assign(Cercle=[f"{i:.1f}" for i in range(len(codes))]), cercles)
