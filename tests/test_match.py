"""Matching: normal forms, P-code tolerance, tiers, guards and parents, pinned with real names."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from carto_desktop.intake import read_layer, read_table
from carto_desktop.match import match_table
from carto_desktop.names import distinguishing_words, name_key, normalise_name
from carto_desktop.match.pcodes import PcodeIndex


@pytest.fixture(scope="module")
def layers(real_data):
    b = real_data / "boundaries"
    return {n: read_layer(b / f"{n}.geojson") for n in ("mali_adm1", "mali_adm2", "tcd_adm1", "tcd_adm2", "bfa_adm2", "ner_adm2")}


def one(layer, value, parent=None, **kw):
    """Match a single value (with its parent) and return the row's match columns."""
    data = pd.DataFrame({"place": [value], "parent": [parent]})
    result = match_table(data, layer, "place", parent_column="parent" if parent is not None else None, **kw)
    return result.rows.iloc[0]


@pytest.mark.parametrize("raw, key", [
    ("Ombella M'Poko", "ombella mpoko"), ("OMBELLA MPOKO", "ombella mpoko"),
    ("Cercle de Ségou", "segou"), ("Kati Cercle", "kati"), ("Province du Houet", "houet"),
    ("Province de la Komandjoari", "komandjoari"), ("Département d' Illéla", "illela"),
    ("Cercle d’ Abeïbara", "abeibara"), ("Région de l'Est", "est"), ("Ville de N'Djamena", "ndjamena"),
    ("District de Bamako", "bamako"), ("Commune de  Kati", "kati"),
    ("Logone Occ.", "logone occidental"), ("Logone Or.", "logone oriental"), ("Batha E", "batha est"),
    ("Mayo-Kebbi West", "mayo kebbi ouest"), ("St Louis", "saint louis"), ("Ti-n-Essako", "ti n essako"),
    ("La Kabbia", "kabbia"),
])
def test_name_key_folds_admin_words_abbreviations_and_directions(raw, key):
    assert name_key(raw) == key


def test_normalise_name_keeps_words():
    assert normalise_name("  Gourma-Rharous ") == "gourma rharous"
    assert distinguishing_words(name_key("Batha Est")) != distinguishing_words(name_key("Batha Ouest"))
    assert distinguishing_words(name_key("Logone Occidental")) == distinguishing_words(name_key("Logone W"))


# ---- P-codes -----------------------------------------------------------------------------------

def test_pcode_format_fixes_find_the_layers_own_code(layers):
    adm1, adm2 = layers["mali_adm1"], layers["mali_adm2"]
    assert one(adm1, "MLI04")[["match_id", "match_method", "match_status"]].tolist() == ["ML04", "pcode", "matched"]
    assert one(adm2, " ml-0101 ")["match_id"] == "ML0101"
    assert one(adm2, "MLI0401")["match_id"] == "ML0401"  # IOM DTM writes MLI0401
    # Taoudénit's new code is not in the 2021 boundaries: unknown, never guessed
    unknown = one(adm1, "ML011")
    assert (unknown["match_status"], unknown["match_method"], unknown["match_id"]) == ("unmatched", "unknown pcode", None)


def test_pcode_zero_padding_is_checked_against_parent_codes(layers):
    ner = layers["ner_adm2"]
    # Cadre Harmonisé writes Niger's Aderbissinat NE0101; the boundaries say NE001001
    assert one(ner, "NE0101")["match_id"] == "NE001001"
    assert ner.set_index("adm2_pcode").loc["NE001001", "adm2_name"] == "Aderbissinat"
    # parent 09 does not exist in Niger: no rewriting is accepted
    assert one(ner, "NE0901")["match_status"] == "unmatched"


def test_pcode_iso2_and_iso3_prefixes_both_ways():
    cm = PcodeIndex(["CM004001", "CM004002", "CM005001"], ["CM004", "CM005"])
    assert cm.lookup("CMR004001") == "CM004001"
    assert cm.lookup("cm4001") == "CM004001"  # zero-padded per level, parent CM004 exists
    assert cm.lookup("CM9001") is None
    iso3 = PcodeIndex(["CMR004001"], ["CMR004"])
    assert iso3.lookup("CM004001") == "CMR004001"


# ---- names, tiers and guards -------------------------------------------------------------------

def test_direction_words_must_agree_batha_est_and_ouest(layers):
    tcd2 = layers["tcd_adm2"]
    assert one(tcd2, "Batha E", "Batha")["match_id"] == "TD0102"  # Batha Est
    assert one(tcd2, "Batha O.", "Batha")["match_id"] == "TD0101"  # Batha Ouest
    for value, parent in (("Batha Nord", "Batha"), ("Barh El Gazel Est", "Barh-El-Gazel"), ("Tandjile Sud", "Tandjilé")):
        row = one(tcd2, value, parent)
        assert row["match_status"] == "review" and row["match_id"] is None, value


def test_bare_stem_of_sister_areas_is_never_accepted(layers):
    tcd1, tcd2 = layers["tcd_adm1"], layers["tcd_adm2"]
    for layer, stem in ((tcd1, "Logone"), (tcd1, "Mayo Kebbi"), (tcd1, "Ennedi"), (tcd2, "Batha"), (tcd2, "Mandoul")):
        row = one(layer, stem)
        assert (row["match_status"], row["match_method"]) == ("review", "bare stem"), stem
        assert row["match_candidates"].count(";") >= 1  # both sisters offered
    assert one(tcd1, "Logone Occ.")["match_id"] == "TD08"
    assert one(tcd1, "Logone Or.")["match_id"] == "TD09"
    assert one(tcd1, "Mayo Kebbi West")["match_id"] == "TD12"


def test_parent_mismatch_goes_to_review_not_elsewhere(layers):
    adm2 = layers["mali_adm2"]
    row = one(adm2, "Nioro", "Ségou")  # Nioro is a cercle of Kayes; Ségou has Niono
    assert (row["match_status"], row["match_method"]) == ("review", "parent mismatch")
    assert "ML0106" in row["match_candidates"]
    assert one(adm2, "Nioro", "Kayes")["match_id"] == "ML0106"
    assert one(adm2, "Koro", "Sikasso")["match_status"] == "review"


def test_misspellings_accepted_only_when_guards_hold(layers):
    bfa, adm2, tcd1 = layers["bfa_adm2"], layers["mali_adm2"], layers["tcd_adm1"]
    # Cadre Harmonisé's "Komonjdjari" [sic] under region Est: one clear candidate there
    row = one(bfa, "Komonjdjari", "Est")
    assert (row["match_id"], row["match_method"], row["match_status"]) == ("BF5203", "fuzzy name", "matched")
    assert one(adm2, "Tominien", "Ségou")["match_id"] == "ML0407"
    # without a parent, or close to two names, a person decides
    for layer, value in ((adm2, "Kadiola"), (tcd1, "Silla"), (adm2, "Gourma"), (tcd1, "Kanem Nord")):
        row = one(layer, value)
        assert row["match_status"] == "review" and row["match_id"] is None, value
        assert row["match_candidates"]


def test_towns_are_not_taken_for_provinces(layers):
    tcd1 = layers["tcd_adm1"]
    for town in ("Abeche", "Mongo", "Sarh", "Moundou", "Doba", "Bol", "Ati", "Mao"):
        assert one(tcd1, town)["match_status"] != "matched", town


def test_real_3w_cercles_with_region_parent_agree_with_its_pcodes(real_data, layers):
    table = read_table(real_data / "tables" / "mli_3w_ocha_2023-12.xlsx", "ML_5W").data
    result = match_table(table, layers["mali_adm2"], "Cercle", parent_column="Region")
    assert result.counts == {"matched": 24088, "review": 0, "unmatched": 0}
    rows = result.rows
    disagree = rows[rows["match_id"] != rows["admin2Pcod"]][["Cercle", "admin2Pcod"]].drop_duplicates()
    assert disagree.values.tolist() == [["Sikasso", "ML0304"]]  # the source contradicts itself


def test_parent_column_needs_parents_in_the_layer(layers):
    from carto_desktop.errors import OptionError

    with pytest.raises(OptionError):
        one(layers["mali_adm1"], "Kayes", "Mali")


def test_id_column_override_and_unknown_column(layers):
    from carto_desktop.errors import OptionError

    row = one(layers["mali_adm2"], "Segou", id_column="adm2_pcode", name_column="adm2_name_pcodelist")
    assert (row["match_id"], row["match_name"]) == ("ML0406", "Segou")
    with pytest.raises(OptionError):
        one(layers["mali_adm2"], "Segou", id_column="nope")


def test_key_column_detected_from_names():
    layer = gpd.GeoDataFrame({"adm1_pcode": ["ML01", "ML02"], "adm1_name": ["Kayes", "Koulikoro"]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    data = pd.DataFrame({"who": ["A", "B", "C"], "where": ["KAYES", "Région de Koulikoro", "kayes"]})
    result = match_table(data, layer)
    assert result.key_column == "where"
    assert result.rows["match_id"].tolist() == ["ML01", "ML02", "ML01"]


def test_aggregate_max_per_province_from_real_pin(real_data, layers):
    from carto_desktop.aggregate import aggregate
    from carto_desktop.intake.numbers import parse_number

    table = read_table(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx").data
    match = match_table(table, layers["tcd_adm1"], "ADM1_STATE")
    assert match.counts["matched"] == 70
    values = aggregate(match, layers["tcd_adm1"], "max", "PIN").areas.set_index("adm1_pcode")["value"]
    pins = table.assign(pin=table["PIN"].map(parse_number))
    lac = pins[pins["ADM1_Pcode"] == "TD07"]["pin"].max()
    assert values["TD07"] == pytest.approx(lac)
    assert values.notna().sum() == 23
    from carto_desktop.counted import what_is_counted

    assert what_is_counted(table, "max", "PIN").indicator("fr") == "Personnes dans le besoin (valeur la plus élevée)"


def test_names_written_without_spaces_keep_numerals_apart():
    # two real GeoNames villages of Bankass cercle: "Koman II" must not become "Komani I"
    layer = gpd.GeoDataFrame({"pcode": ["ML05020096", "ML05020097", "ML05020098"],
                              "name": ["Komani I", "Komani II", "Tin Essako"]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)], crs=4326)
    rows = match_table(pd.DataFrame({"v": ["Koman II", "Komani II", "Tinessako"]}), layer, "v").rows
    assert rows["match_id"].tolist()[1:] == ["ML05020097", "ML05020098"]
    assert rows["match_id"][0] != "ML05020096"


def test_every_reason_for_review_reads_plainly_in_both_languages():
    """Each `match_method` a row can be left for review or unmatched with has a sentence and a
    few words for the app, in English and French (found in the matcher's own source)."""
    import re
    import typing

    from conftest import REPO
    from carto_desktop.intake.coordinates import ProblemKind
    from carto_desktop.match.reasons import REASONS, SHORT, why_unsure

    folder = REPO / "carto_desktop" / "match"
    source = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    methods = set(re.findall(r'Verdict\([^()]*?"([a-z ]+)", (?:REVIEW|UNMATCHED)', source))
    methods |= set(re.findall(r'return "([a-z ]+)"', (folder / "guards.py").read_text(encoding="utf-8")))
    why = re.search(r"why = \((.*?)\)\n", (folder / "gazetteer.py").read_text(encoding="utf-8"), re.S).group(1)
    methods |= set(re.findall(r'"([a-z ]+)"', why))
    methods |= {f"{kind} coordinates" for kind in typing.get_args(ProblemKind)}
    assert methods == set(REASONS) == set(SHORT)
    for method in methods:
        for short in (False, True):
            en, fr = why_unsure(method, "en", short), why_unsure(method, "fr", short)
            assert en != method and fr != en, method


def test_a_regional_table_finds_the_layers_codes_among_other_countries(real_data):
    """The Cadre Harmonisé sheet holds 19 countries: Burkina Faso's provinces are 6 % of its rows.
    The key column was not found ("no column matches") until a column naming at least half the
    layer's areas by their own codes counted; the other countries' rows are unknown P-codes."""
    table = read_table(real_data / "tables" / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx")
    layer = read_layer(real_data / "boundaries" / "bfa_adm2.geojson")
    result = match_table(table.data, layer, None, gazetteer=None)
    assert result.key_column == "adm2_pcod2"
    matched = result.rows[result.rows["match_status"] == "matched"]
    assert len(matched) >= 1790 and matched["match_method"].eq("pcode").all()
    others = result.rows[result.rows["match_status"] != "matched"]
    assert set(others["match_method"]) <= {"unknown pcode", "empty"}
    assert not others["adm0_name"].eq("Burkina Faso").any() or others.loc[others["adm0_name"] == "Burkina Faso",
                                                                          "match_method"].eq("empty").all()


def test_a_columns_distinct_texts_are_its_cells_stripped_in_order_of_first_appearance(real_data):
    """The key column search reads each column's distinct cells (`_distinct_texts`, from the distinct raw cells
    since it was 0.1 s of the app's first map): the same texts, in the same order, as stripping every cell."""
    from itertools import islice

    from carto_desktop.match.matcher import _distinct_texts

    compared = 0
    for path in sorted((real_data / "tables").glob("*.*")):
        if path.suffix not in (".csv", ".xlsx"):
            continue
        data = read_table(path).data
        data["padded"] = [f" {v} " if i % 3 else v for i, v in enumerate(data[data.columns[0]])]
        for column in data.columns:
            cells = [None if c is None or c != c else str(c) for c in data[column].tolist()]  # NaN: blank
            stripped = dict.fromkeys(c.strip() for c in cells if c is not None)
            for limit in (3, 2000):
                assert _distinct_texts(data[column], limit) == [v for v in islice(stripped, limit) if v], column
                compared += 1
    assert compared > 100
