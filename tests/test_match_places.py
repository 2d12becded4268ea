"""Gazetteer geocoding, decisions memory and the `match` command's options, on real files."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from conftest import REPO

from carto_desktop.cli import main
from carto_desktop.intake import read_layer, read_table
from carto_desktop.match import match_table
from carto_desktop.match.decisions import Decisions, boundary_set_id, load_aliases, save_aliases
from carto_desktop.match.gazetteer import bundled_gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def geonames():
    return bundled_gazetteer()


@pytest.fixture(scope="module")
def tcd(real_data):
    return {n: read_layer(real_data / "boundaries" / f"{n}.geojson") for n in ("tcd_adm1", "tcd_adm2")}


def test_bundled_gazetteer_is_credited_and_small(geonames):
    assert geonames.credit.startswith("GeoNames")
    assert 30_000 < len(geonames) < 60_000
    assert (REPO / "sample_data" / "gazetteer" / "geonames_sahel_places.tsv.gz").stat().st_size < 1_000_000
    assert "GeoNames, geonames.org, CC BY 4.0" in (REPO / "sample_data" / "SOURCES.md").read_text(encoding="utf-8")


def test_towns_are_placed_in_their_province(tcd, geonames):
    data = pd.DataFrame({"lieu": ["Abeche", "Mongo", "Sarh", "Doba", "Iriba", "Moundou"]})
    rows = match_table(data, tcd["tcd_adm1"], "lieu", gazetteer=geonames).rows
    assert rows["match_name"].tolist()[:5] == ["Ouaddaï", "Guéra", "Moyen-Chari", "Logone Oriental", "Wadi Fira"]
    assert set(rows["match_method"][:5]) == {"gazetteer"}
    # Moundou lies on the Logone, within 2 km of its province's border: offered, not decided
    moundou = rows.iloc[5]
    assert (moundou["match_status"], moundou["match_method"]) == ("review", "near a border")
    assert moundou["match_candidates"].startswith("Logone Occidental (TD08)")


def test_cadre_harmonise_iriba_is_found_in_kobe(tcd, geonames):
    # Cadre Harmonisé names the departement by its seat, Iriba; the boundaries call it Kobé
    data = pd.DataFrame({"adm2": ["Iriba"], "adm1": ["Wadi Fira"]})
    row = match_table(data, tcd["tcd_adm2"], "adm2", parent_column="adm1", gazetteer=geonames).rows.iloc[0]
    assert (row["match_id"], row["match_method"]) == ("TD1703", "gazetteer")


def test_the_bundled_gazetteer_is_the_default_read_only_when_needed_and_credited(tmp_path, real_data, monkeypatch):
    from carto_desktop.match import gazetteer as gazetteer_module
    from carto_desktop.project import Project, build_map, run_match

    table = tmp_path / "ch.csv"  # Cadre Harmonisé's département names: "Iriba" is Kobé's seat
    pd.DataFrame({"adm2": ["Iriba", "Biltine", "Abéché"] * 3}).to_csv(table, index=False)
    project = Project(table=table, boundaries=real_data / "boundaries" / "tcd_adm2.geojson", key_column="adm2",
                      lang="fr")
    assert project.gazetteer == "geonames"
    _, _, match = run_match(project)
    assert match.counts == {"matched": 9, "review": 0, "unmatched": 0}
    assert match.credits == ["GeoNames (geonames.org), CC BY 4.0"]
    footer = next(t.get_text() for t in build_map(project).figure.texts if t.get_gid() == "footer")
    assert "lieux : GeoNames (geonames.org), CC BY 4.0" in footer.replace("\n", " ")
    from dataclasses import replace

    _, _, names_only = run_match(replace(project, gazetteer=None))
    assert (names_only.counts["review"], names_only.credits) == (3, [])

    def unwanted():
        raise AssertionError("the gazetteer was read for a table that does not need it")

    monkeypatch.setattr(gazetteer_module, "bundled_gazetteer", unwanted)
    table.write_text("adm2\nBiltine\nTD1703\n", encoding="utf-8")  # names and codes of the layer: no gazetteer
    _, _, plain = run_match(project)
    assert (plain.counts["matched"], plain.credits) == (2, [])


def test_a_place_name_shared_across_areas_goes_to_review(tmp_path, real_data):
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    own = tmp_path / "villages.csv"  # made-up villages: two "Fakoro" in different cercles, one "Dialan"
    own.write_text("name,lat,lon\nFakoro,12.60,-8.00\nFakoro,14.50,-4.20\nDialan,13.30,-9.40\n", encoding="utf-8")
    data = pd.DataFrame({"village": ["Fakoro", "Dialan", "Nowhere"]})
    rows = match_table(data, mali, "village", gazetteer=own).rows
    assert rows["match_status"].tolist() == ["review", "matched", "unmatched"]
    assert rows["match_method"][0] == "places in several areas"
    assert rows["match_candidates"][0].startswith("Mopti (ML0506) 90; Bamako (ML0901) 90")
    assert rows["match_name"][1] == "Kita"


def test_gazetteer_villages_only_suggest(real_data, geonames):
    # GeoNames villages (no population, not an admin seat) are offered, never accepted alone
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    table = read_table(real_data / "tables" / "mli_3w_ocha_2023-12.xlsx", "ML_5W").data
    communes = table.dropna(subset=["Commune"]).drop_duplicates(["Commune", "Region"])
    rows = match_table(communes, mali, "Commune", parent_column="Region", gazetteer=geonames).rows
    placed = rows[rows["match_method"] == "gazetteer"]
    assert len(placed) >= 5
    assert (placed["match_id"] == placed["admin2Pcod"]).all()  # every commune placed is in its own cercle
    assert (rows["match_method"] == "village").sum() > 50


def test_unknown_parent_never_auto_matches_names(tcd, geonames):
    # a multi-country table: Nigeria's "Lere" (Kaduna) must not become Chad's Lac Léré
    data = pd.DataFrame({"adm2": ["Lere", "Lac Lere", "Kanem"], "adm1": ["Kaduna", "Mayo-Kebbi Ouest", "Borno"]})
    rows = match_table(data, tcd["tcd_adm2"], "adm2", parent_column="adm1", gazetteer=geonames).rows
    assert rows["match_status"].tolist() == ["review", "matched", "review"]
    assert rows["match_method"][2] == "parent not found"


def test_gazetteer_without_coordinates_is_a_data_error(tmp_path):
    from carto_desktop.errors import DataError

    bad = tmp_path / "g.csv"
    bad.write_text("village,region\nA,B\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_gazetteer(bad)


# ---- decisions memory ---------------------------------------------------------------------------

def test_decisions_round_trip_and_apply(tmp_path, real_data):
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    data = pd.DataFrame({"cercle": ["Kadiola", "KADIOLA", "Gourma", "Gourma"], "region": ["Sikasso", "Sikasso", "Tombouctou", "Gao"]})
    before = match_table(data, mali, "cercle")
    assert before.counts["matched"] == 0
    decisions = Decisions()
    decisions.add("Kadiola", "ML0302")  # Kadiolo
    decisions.add("Gourma", "ML0603", parent="Tombouctou")
    again = Decisions.from_dict(json.loads(json.dumps(decisions.to_dict())))
    assert again.choices == decisions.choices
    after = match_table(data, mali, "cercle", parent_column="region", decisions=again).rows
    assert after["match_id"].tolist()[:3] == ["ML0302", "ML0302", "ML0603"]
    assert after["match_method"].tolist()[:3] == ["decision"] * 3
    assert after["match_status"][3] == "review"  # "Gourma" under Gao was not decided

    path = tmp_path / "aliases.json"
    fingerprint = boundary_set_id(mali["adm2_pcode"])
    save_aliases(path, fingerprint, again)
    save_aliases(path, "another-set", Decisions())
    assert load_aliases(path, fingerprint).choices == again.choices
    assert len(load_aliases(path, "unknown")) == 0


def test_decision_for_an_area_not_in_the_layer_is_ignored(real_data):
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    decisions = Decisions()
    decisions.add("Kadiola", "XX9999")
    row = match_table(pd.DataFrame({"c": ["Kadiola"]}), mali, "c", decisions=decisions).rows.iloc[0]
    assert row["match_method"] != "decision"


# ---- the match command --------------------------------------------------------------------------

def test_match_command_with_parent_gazetteer_and_aliases(tmp_path, real_data):
    b, t = real_data / "boundaries", real_data / "tables"
    aliases = tmp_path / "aliases.json"
    mali = read_layer(b / "mali_adm2.geojson")
    d = Decisions()
    d.add("Taoudenit", "ML0605", parent="Tombouctou")
    save_aliases(aliases, boundary_set_id(mali["adm2_pcode"]), d)
    out = tmp_path / "ch.csv"
    code = main(["match", "--table", str(t / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx"), "--boundaries",
                 str(b / "mali_adm2.geojson"), "--key-column", "adm2_name", "--parent-column", "adm1_name",
                 "--id-column", "adm2_pcode", "--gazetteer", "geonames", "--aliases", str(aliases), "-o", str(out)])
    assert code == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["adm0_pcod2"] == "ML"]
    assert {"match_candidates", "match_method", "match_score"} <= set(rows[0])
    taoudenit = [r for r in rows if r["adm2_name"] == "Taoudenit" and r["adm1_name"] == "Tombouctou"]
    assert taoudenit and all(r["match_id"] == "ML0605" and r["match_method"] == "decision" for r in taoudenit)
    named = [r for r in rows if r["adm2_pcod2"] and r["match_status"] == "matched" and r["adm2_name"] != "Taoudenit"
             and r["adm2_pcod2"] in set(mali["adm2_pcode"])]
    assert named and all(r["match_id"] == r["adm2_pcod2"] for r in named)


def test_match_command_uses_the_bundled_gazetteer_unless_told_not_to(tmp_path, real_data, capsys):
    table = tmp_path / "ch.csv"
    table.write_text("adm2\nIriba\nBiltine\n", encoding="utf-8")
    args = ["match", "--table", str(table), "--boundaries", str(real_data / "boundaries" / "tcd_adm2.geojson")]
    assert main(args + ["-o", str(tmp_path / "default.csv")]) == 0
    out = capsys.readouterr().out
    assert "2 matched, 0 to review" in out and "Places: GeoNames (geonames.org), CC BY 4.0" in out
    assert main(args + ["--gazetteer", "none", "-o", str(tmp_path / "none.csv")]) == 0
    out = capsys.readouterr().out
    assert "1 matched, 1 to review" in out and "GeoNames" not in out
    assert "Not matched automatically: 1 × " in out
    # a French user reads the summary and the reasons in French
    assert main(args + ["--gazetteer", "none", "--lang", "fr", "-o", str(tmp_path / "fr.csv")]) == 0
    out = capsys.readouterr().out
    assert "1 appariées, 1 à vérifier, 0 introuvables" in out and "Non appariées automatiquement : 1 × " in out
    assert " matched" not in out and "to review" not in out


def test_match_command_unknown_parent_column_is_one_line(tmp_path, real_data, capsys):
    code = main(["match", "--table", str(real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx"), "--boundaries",
                 str(real_data / "boundaries" / "tcd_adm1.geojson"), "--parent-column", "Nope", "-o",
                 str(tmp_path / "m.csv"), "--lang", "fr"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Nope" in err


def test_decisions_from_the_project_files_mapping(real_data):
    mali = read_layer(real_data / "boundaries" / "mali_adm2.geojson")
    decisions = Decisions.from_mapping({"Baroueli ": "ML0401", "Kadiola": "ML0302"})
    assert decisions.as_mapping() == {"Baroueli ": "ML0401", "Kadiola": "ML0302"}
    rows = match_table(pd.DataFrame({"c": ["KADIOLA", "kadiola"]}), mali, "c", decisions=decisions).rows
    assert rows["match_id"].tolist() == ["ML0302", "ML0302"]  # spelling variants reuse one decision
