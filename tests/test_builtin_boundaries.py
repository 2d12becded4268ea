"""Built-in boundaries: the library shipped with the app, recognising the set a table refers to, and the CLI.

Real tables from tests/data/real/tables (OCHA 3W, HNO, Cadre Harmonisé, IOM DTM); small tables
generated from the library's own names and codes for the countries no real table covers.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from carto_desktop.builtin_boundaries.catalogue import (
    boundary_set, is_builtin, load_library, parse_spec, read_builtin, spec_of,
)
from carto_desktop.builtin_boundaries.recognise import choose_builtin, countries_of, recognise
from carto_desktop.cli import main
from carto_desktop.errors import OptionError
from carto_desktop.intake import read_table
from conftest import REPO

TWELVE = {"MLI", "BFA", "TCD", "NER", "CMR", "COD", "NGA", "ETH", "SSD", "SOM", "MOZ", "MWI"}


@pytest.fixture(scope="module")
def cadre_harmonise(real_data):
    return read_table(real_data / "tables" / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx").data


# --- the library -------------------------------------------------------------------------

def test_library_holds_admin_1_and_2_of_twelve_countries_under_8_mb_with_sources():
    library = load_library()
    assert set(library.countries) == TWELVE
    assert {s.id for s in library.sets.values()} == {f"{c}/{n}" for c in TWELVE for n in (1, 2)}
    folder = REPO / "boundaries"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 8 * 2**20, f"{size / 2**20:.1f} MB"
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for country in library.countries.values():
        assert country.names["en"] in sources


@pytest.mark.parametrize("set_id", ["NER/2", "MLI/2", "NGA/2", "MWI/1", "COD/2"])
def test_each_set_reads_as_areas_with_pcodes_names_and_its_own_credit(set_id):
    chosen = load_library().sets[set_id]
    layer = read_builtin(chosen.spec)
    level = chosen.level
    assert len(layer) == chosen.areas
    assert layer.crs.to_epsg() == 4326
    assert layer[f"adm{level}_pcode"].is_unique and layer[f"adm{level}_name"].notna().all()
    assert layer.geometry.geom_type.isin(["Polygon", "MultiPolygon"]).all() and layer.geometry.is_valid.all()
    credit = chosen.credit("en")
    assert "OCHA COD-AB" in credit and chosen.country.names["en"] in credit and chosen.edition[:4] in credit
    assert chosen.licence and chosen.publisher == "OCHA COD-AB"


def test_every_set_in_the_catalogue_matches_its_table_in_the_geopackage():
    import pyogrio

    library = load_library()
    tables = {name for name, _ in pyogrio.list_layers(library.path)}
    for chosen in library.sets.values():
        assert chosen.table in tables
        assert len(library.areas[chosen.id]) == chosen.areas
    doc = json.loads((library.folder / "catalogue.json").read_text(encoding="utf-8"))
    for entry in doc["sets"]:
        assert {"publisher", "edition", "licence", "attribution"} <= set(entry)
        assert set(entry["attribution"]) == {"en", "fr"}


def test_specs_name_a_set_by_code_or_name_and_wrong_ones_are_plain_errors():
    assert spec_of("NER", 2) == "builtin:NER/2" == spec_of("Niger", 2) == spec_of("ne", 2)
    assert spec_of("Tchad") == "builtin:TCD"
    country, level = parse_spec("builtin:ner/2")
    assert (country.iso3, level) == ("NER", 2)
    assert is_builtin("builtin:MLI/1") and not is_builtin("mali_adm2.geojson")
    with pytest.raises(OptionError) as err:
        boundary_set("builtin:CAF/2")
    assert "Chad (TCD)" in err.value.text("en") and "Tchad (TCD)" in err.value.text("fr")
    with pytest.raises(OptionError):
        parse_spec("builtin:NER/3")


# --- recognition on real tables ------------------------------------------------------------

@pytest.mark.parametrize("name, expected, evidence", [
    ("mli_3w_ocha_2023-12.xlsx", "MLI/2", "53 of 53 P-codes found"),
    ("mli_5w_ocha_2022-03.xlsx", "MLI/2", "53 of 53 P-codes found"),
    ("tcd_3w_ocha_2021-10.xlsx", "TCD/1", "23 of 23 P-codes found"),
    ("tcd_hno2023_pin_cible_adm2.xlsx", "TCD/2", "70 of 70 P-codes found"),
    ("mli_hno2024_hpc_adm2_pcodes.csv", "MLI/2", "53 of 53 P-codes found"),
    ("tcd_dtm_r16_lac_site_village_assessment.xlsx", "TCD/2", "P-codes found"),
    ("mli_dtm_r72_baseline_assessment.xlsx", "MLI/2", "P-codes found"),
    ("mli_health_facilities_oms_macroman.csv", "MLI/2", "13 of 16 names found"),
])
def test_real_tables_are_recognised_at_their_finest_level(real_data, name, expected, evidence):
    result = recognise(read_table(real_data / "tables" / name).data)
    assert result.chosen is not None and result.chosen.id == expected
    assert evidence in result.sentence("en")


@pytest.mark.parametrize("iso3, expected", [("NER", "NER/2"), ("MLI", "MLI/2"), ("BFA", "BFA/2"), ("TCD", "TCD/2"),
                                            ("NGA", "NGA/2"), ("CMR", "CMR/2")])
def test_cadre_harmonise_of_one_country_is_recognised(cadre_harmonise, iso3, expected):
    rows = cadre_harmonise[cadre_harmonise["adm0_pcod3"] == iso3]
    assert recognise(rows).chosen.id == expected
    names_only = recognise(rows[["adm1_name", "adm2_name", "phase_class"]])  # Niger's old P-codes aside
    assert names_only.chosen.id == expected and names_only.evidence.kind == "name"
    assert names_only.evidence.parent_agrees


def test_the_sentence_names_country_level_edition_and_how_many_names_were_found(cadre_harmonise):
    rows = cadre_harmonise.loc[cadre_harmonise["adm0_pcod3"] == "NER", ["adm1_name", "adm2_name"]]
    result = recognise(rows)
    assert result.sentence("en") == "Niger, departments (OCHA COD-AB, July 2023): 69 of 70 names found"
    assert result.sentence("fr") == "Niger, départements (OCHA COD-AB, juillet 2023) : 69 noms trouvés sur 70"


def test_a_regional_table_is_asked_about_never_guessed(cadre_harmonise):
    result = recognise(cadre_harmonise)
    assert result.chosen is None
    assert {c.iso3 for c in countries_of(result)} >= {"NGA", "NER", "TCD", "MLI", "BFA", "CMR"}
    with pytest.raises(OptionError) as err:
        choose_builtin(None, cadre_harmonise)
    assert "several countries" in err.value.text("en") and "Niger" in err.value.text("en")
    chosen, _ = choose_builtin("builtin:NER", cadre_harmonise)  # the person chose the country
    assert chosen.id == "NER/2"


def test_a_table_of_a_country_not_built_in_lists_the_built_in_countries(real_data):
    data = read_table(real_data / "tables" / "caf_3w_ocha_2022-03.xlsx").data
    assert recognise(data).chosen is None
    with pytest.raises(OptionError) as err:
        choose_builtin(None, data)
    text = err.value.text("en")
    assert "No built-in boundaries fit this table" in text
    for name in ("Burkina Faso", "Cameroon", "Chad", "DR Congo", "Mali", "Niger", "Nigeria", "Somalia"):
        assert name in text
    assert "Tchad" in err.value.text("fr") and "Aucune des limites intégrées" in err.value.text("fr")


# --- ambiguity -------------------------------------------------------------------------------

def test_names_that_fit_two_countries_are_asked():
    data = pd.DataFrame({"Département": ["Bosso", "Gaya", "Illela", "Gaya"]})  # in Niger and in Nigeria
    result = recognise(data)
    assert result.ambiguous and result.chosen is None
    assert {e.set.id for e in result.choices} == {"NER/2", "NGA/2"}
    with pytest.raises(OptionError) as err:
        choose_builtin(None, data)
    assert "Niger, departments" in err.value.text("en") and "Nigeria, LGAs" in err.value.text("en")


def test_names_that_fit_two_levels_equally_are_asked():
    data = pd.DataFrame({"Lieu": ["Kayes", "Ségou", "Mopti", "Gao", "Kidal"]})  # Mali's regions are also cercles
    result = recognise(data)
    assert result.chosen is None and {e.set.id for e in result.choices} == {"MLI/1", "MLI/2"}


def test_a_header_naming_the_level_decides_between_two_equal_levels():
    names = ["Kayes", "Ségou", "Mopti", "Gao", "Kidal", "Tombouctou", "Sikasso", "Koulikoro", "Bamako", "Ménaka"]
    assert recognise(pd.DataFrame({"Région": names})).chosen.id == "MLI/1"
    assert recognise(pd.DataFrame({"adm2_name": names})).chosen.id == "MLI/2"
    assert recognise(pd.DataFrame({"Zone": names})).chosen is None  # the header says nothing: asked


def test_a_parent_column_decides_between_two_countries():
    # Bosso, Gaya, Illela are departments of Niger and LGAs of Nigeria: the region column says which
    data = pd.DataFrame({"Département": ["Bosso", "Gaya", "Illela"], "Région": ["Diffa", "Dosso", "Tahoua"]})
    result = recognise(data)
    assert result.chosen.id == "NER/2" and result.evidence.parent_agrees


def test_direction_words_alone_recognise_nothing():
    data = pd.DataFrame({"Zone": ["Nord", "Sud", "Est", "Ouest", "Centre", "Nord-Ouest"]})
    assert recognise(data).chosen is None and not recognise(data).choices


# --- generated tables for every country -------------------------------------------------------

@pytest.mark.parametrize("iso3", sorted(TWELVE))
def test_generated_tables_of_every_country_are_recognised_by_names_and_by_iso3_pcodes(iso3):
    library = load_library()
    country = library.countries[iso3]
    regions = {row[0]: row[1] for row in library.areas[f"{iso3}/1"]}
    areas = library.areas[f"{iso3}/2"]
    keep = areas[: max(3, int(len(areas) * 0.8))]
    names = pd.DataFrame({"District": [(row[2] or row[1]).upper() for row in keep],
                          "Region": [regions[row[3]] for row in keep],
                          "Beneficiaries": [str(10 * i) for i in range(len(keep))]})
    by_name = recognise(names)
    assert by_name.chosen is not None and by_name.chosen.id == f"{iso3}/2", by_name.choices_text()
    assert by_name.evidence.parent_agrees
    iso3_codes = pd.DataFrame({"pcode": [iso3 + row[0][len(country.iso2):] for row in keep]})
    by_code = recognise(iso3_codes)
    assert by_code.chosen.id == f"{iso3}/2" and by_code.evidence.kind == "P-code"
    assert by_code.evidence.found == len(keep)


# --- CLI ---------------------------------------------------------------------------------------

def test_boundaries_command_lists_every_built_in_set(capsys):
    assert main(["boundaries", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith("  builtin:") for line in out.splitlines()) == 24
    assert "builtin:NER/2   Niger, departments (OCHA COD-AB, July 2023): 67 areas" in out
    assert main(["boundaries", "--lang", "fr"]) == 0
    assert "builtin:TCD/2   Tchad, départements (OCHA COD-AB, juin 2017) : 70 zones" in capsys.readouterr().out


@pytest.mark.parametrize("name, words", [
    ("tcd_3w_ocha_2021-10.xlsx", "Chad, provinces (OCHA COD-AB, May 2016): 23 of 23 P-codes found"),
    ("tcd_hno2023_pin_cible_adm2.xlsx", "Chad, departments (OCHA COD-AB, June 2017): 70 of 70 P-codes found"),
    ("mli_hno2024_hpc_adm2_pcodes.csv", "Mali, cercles (OCHA COD-AB, December 2021): 53 of 53 P-codes found"),
    ("mli_dtm_r72_baseline_assessment.xlsx", "Mali, cercles (OCHA COD-AB, December 2021)"),
])
def test_render_without_boundaries_uses_the_recognised_set_and_says_so(real_data, tmp_path, capsys, name, words):
    out = tmp_path / "map.svg"
    assert main(["render", "--table", str(real_data / "tables" / name), "-o", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert f"Boundaries: {words}" in printed
    from carto_desktop.privacy.scan import readable_text

    text = readable_text(out)
    assert "OCHA COD-AB" in text and ("Chad" in text or "Mali" in text)  # the set's own credit on the map


def test_render_a_cadre_harmonise_extract_by_country_and_level(cadre_harmonise, tmp_path, capsys):
    table = tmp_path / "ch_niger.csv"
    rows = cadre_harmonise[(cadre_harmonise["adm0_pcod3"] == "NER") & (cadre_harmonise["usethisperiod"] == "Y")]
    rows.to_csv(table, index=False)
    out = tmp_path / "niger.png"
    assert main(["render", "--table", str(table), "-o", str(out), "--dpi", "60", "--lang", "fr"]) == 0
    assert "Limites : Niger, départements (OCHA COD-AB, juillet 2023)" in capsys.readouterr().out
    same = tmp_path / "same.png"
    assert main(["render", "--table", str(table), "--country", "NER", "--level", "1", "-o", str(same),
                 "--dpi", "60"]) == 0
    assert "Niger, regions" in capsys.readouterr().out


def test_render_of_a_table_from_no_built_in_country_exits_2_listing_them(real_data, tmp_path, capsys):
    code = main(["render", "--table", str(real_data / "tables" / "caf_3w_ocha_2022-03.xlsx"), "-o",
                 str(tmp_path / "car.png"), "--lang", "en"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert "No built-in boundaries fit this table" in err[0] and "Mozambique (MOZ)" in err[0]
    assert not (tmp_path / "car.png").exists()


def test_match_and_inspect_name_the_recognised_set(real_data, tmp_path, capsys):
    table = str(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx")
    assert main(["match", "--table", table, "--boundaries", "builtin:TCD/2", "-o", str(tmp_path / "m.csv"),
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Boundaries: Chad, departments" in out and "70 matched" in out
    assert main(["inspect", "--table", table, "--lang", "en"]) == 0
    assert "Built-in boundaries: Chad, departments (OCHA COD-AB, June 2017): 70 of 70 P-codes found" in \
        capsys.readouterr().out
    assert main(["inspect", "--boundaries", "builtin:NER/1", "--lang", "en"]) == 0
    assert "Read: 8 areas" in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["--boundaries", "builtin:NER/2", "--country", "NER"], "not both"),
    (["--country", "Atlantis"], "\"Atlantis\" is not a country of the built-in boundaries"),
    (["--level", "2"], "--level needs --country"),
    (["--boundaries", "builtin:XX"], "not a country of the built-in boundaries"),
])
def test_wrong_builtin_options_are_one_plain_line(real_data, tmp_path, capsys, args, words):
    table = str(real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx")
    assert main(["render", "--table", table, *args, "-o", str(tmp_path / "m.png"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1


# --- projects ---------------------------------------------------------------------------------

def test_a_project_stores_the_built_in_choice_and_reopens_it_anywhere(real_data, tmp_path):
    from carto_desktop.project import Project
    from carto_desktop.project_file import open_project, save_project

    project = Project(table=real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx", boundaries="builtin:TCD/1")
    path = save_project(tmp_path / "a" / "chad.cartoproj", project)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["choices"]["boundaries"] == "builtin:TCD/1" and "boundaries" not in doc["inputs"]
    moved = tmp_path / "elsewhere" / "chad.cartoproj"
    moved.parent.mkdir()
    moved.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    reopened, opened = open_project(moved)
    assert reopened.boundaries == "builtin:TCD/1" and not opened.missing_inputs


def test_the_app_lists_every_set_by_country_and_says_what_the_project_uses():
    from carto_desktop.builtin_boundaries.catalogue import boundaries_text, builtin_choices

    choices = dict(builtin_choices("fr"))
    assert len(choices) == 24 and choices["builtin:TCD/2"] == "Tchad — départements"
    assert list(choices)[:2] == ["builtin:BFA/1", "builtin:BFA/2"]
    assert boundaries_text("builtin:NER/2", "en") == "Niger — departments, built in"
    assert boundaries_text("builtin:NER/2", "fr") == "Niger — départements, intégrées"
    assert boundaries_text(REPO / "sample_data" / "mali_adm2.geojson") == "mali_adm2.geojson"
