"""Finding personal data in tables: by column name and by values, on real column sets."""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from carto_desktop.i18n import FRENCH, translate
from carto_desktop.intake import read_table
from carto_desktop.privacy import detect_sensitive, is_people_points
from carto_desktop.privacy.sensitive import EVIDENCE, REASONS
from conftest import REPO, REAL

PRIVACY = REPO / "tests" / "data" / "privacy"
sys.path.insert(0, str(PRIVACY))
from make_kobo_survey import OUT as SURVEY, SENSITIVE as SURVEY_SENSITIVE  # noqa: E402

TRUTH = json.loads((PRIVACY / "expected_sensitive.json").read_text(encoding="utf-8"))["sets"]


def _path(entry: str) -> Path:
    where, _, rel = entry.partition(":")
    return (REAL if where == "real" else REPO) / rel


@pytest.mark.parametrize("entry", TRUTH, ids=[Path(t["file"]).name for t in TRUTH])
def test_real_column_sets_found_without_false_alarms(real_data, entry):
    table = read_table(_path(entry["file"]), entry["sheet"])
    found = {f.column for f in detect_sensitive(table.data)}
    truth = set(entry["sensitive"])
    assert found - truth == set(), "false alarms"
    assert truth - found == set(), "missed"


def test_fake_survey_is_up_to_date_and_every_personal_column_is_found():
    from make_kobo_survey import survey_csv

    assert SURVEY.read_bytes() == survey_csv().encode("utf-8"), "run tests/data/privacy/make_kobo_survey.py"
    table = read_table(SURVEY)
    findings = detect_sensitive(table.data)
    assert [f.column for f in findings] == SURVEY_SENSITIVE
    kinds = {f.column: f.kind for f in findings}
    assert kinds["menage/telephone"] == "phone" and kinds["menage/numero_cni"] == "identifier"
    assert kinds["menage/date_naissance_chef"] == "birth" and kinds["menage/gps"] == "gps"
    assert kinds["observations/commentaire"] == "comment" and kinds["_submitted_by"] == "metadata"
    evidence = {f.column: f.evidence for f in findings}
    # nothing in these names says "phone" or "name": the values do
    assert (kinds["menage/autre_numero"], evidence["menage/autre_numero"]) == ("phone", "values")
    assert (kinds["menage/personne_reference"], evidence["menage/personne_reference"]) == ("name", "values")


@pytest.mark.parametrize("column, kind", [
    ("Nom", "name"), ("Prénom", "name"), ("nom_prenom_beneficiaire", "name"), ("Beneficiary Name", "name"),
    ("Téléphone", "phone"), ("num_tel", "phone"), ("Mobile", "phone"), ("groupe_b/phone", "phone"),
    ("Courriel", "email"), ("E-mail", "email"), ("Numéro CNI", "identifier"), ("Passport number", "identifier"),
    ("Numéro d'identification", "identifier"), ("Date de naissance", "birth"), ("DOB", "birth"), ("dateNaissance", "birth"),
    ("lieu_naissance", "birth"), ("Date of birth", "birth"),
    ("Commentaires", "comment"), ("Observations", "comment"), ("remarks", "comment"),
    ("_submitted_by", "metadata"), ("username", "metadata"), ("deviceid", "metadata"), ("simserial", "metadata"),
    ("subscriberid", "metadata"), ("phonenumber", "metadata"), ("meta/instanceID", "metadata"), ("_id", "metadata"),
    ("Nom de l'enquêteur", "enumerator"), ("Adresse", "address"), ("photo_menage", "media"),
    ("Nom du point focal", "enumerator"), ("Nom du chef de village", "enumerator"),
    ("Nom du responsable", "enumerator"), ("Nom du chef de ménage", "name"), ("nom_beneficiaire", "name"),
    ("Téléphone du point focal", "phone"),
])
def test_names_in_french_and_english(column, kind):
    values = {"identifier": "12345678901234A", "phone": "+223 76 12 34 56", "birth": "1990-01-01",
              "email": "a.b@ong.org"}.get(kind, "x")
    findings = detect_sensitive(pd.DataFrame({column: [values] * 3}))
    assert [(f.column, f.kind) for f in findings] == [(column, kind)]


@pytest.mark.parametrize("column", [
    "Nom Organisation", "Nom de l'organisation", "Nom Province", "Nom localité", "a12.1_nom_org", "Date début",
    "Snapshot Date", "admin2Pcod", "Cercle", "j1_reseau_tel_disponible", "h1_service_medic/clinique_mobile",
    "f5_latrines/lat_collec", "Total Personnes ciblées", "Nom du site", "Nom de la structure", "Facility name",
    "Nom chef-lieu", "Nom de la communauté", "Partner name", "adm2_name", "Mobile clinic", "Activity ID",
    "niveau_connaissance",
])
def test_ordinary_columns_are_not_personal(column):
    data = pd.DataFrame({column: ["Oui", "Non", "Oui", "ACF", "Kati"]})
    assert detect_sensitive(data) == []


@pytest.mark.parametrize("values, kind", [
    (["+223 76 12 34 56", "+223 66 01 02 03", "00223 90112233", "+226 70 11 22 33"], "phone"),
    (["76 12 34 56", "66 01 02 03", "90 11 22 33"], "phone"),
    (["+235 66 12 34 56", "+237 6 77 12 34 56", "+227 96 12 34 56"], "phone"),
    (["(+226) 70-11-22-33", "(+226) 76-01-02-03", "0803 123 4567", "0706 555 0101"], "phone"),
    (["a.traore@ong.org", "m.diallo@gmail.com"], "email"),
    (["Moussa Traoré", "Aminata Diallo", "Hawa Coulibaly", "Jean Ndiaye"], "name"),
    (["ML-123456789", "ML-223456781", "ML-323456782", "ML-423456783", "ML-523456784"], "identifier"),
])
def test_values_betray_a_column_with_a_plain_name(values, kind):
    findings = detect_sensitive(pd.DataFrame({"col_a7": values}))
    assert [(f.kind, f.evidence) for f in findings] == [(kind, "values")]


@pytest.mark.parametrize("values", [
    ["ML0101", "ML0102", "ML0201", "ML0305", "ML0406"],  # P-codes
    ["12", "4 500", "38", "1 200", "7", "1 250 000", "28432.54125268221"],  # counts
    ["2024-01-05", "2024-02-11", "2023-12-30", "2024-03-04", "2024-03-05"],  # dates
    ["Kati", "Ségou", "Mopti", "Bourem", "Kayes"],  # places
    ["Action Contre la Faim", "Secours Islamique France", "Médecins Sans Frontières"],  # organisations
])
def test_ordinary_values_are_not_personal(values):
    assert detect_sensitive(pd.DataFrame({"col_a7": values})) == []


def test_the_user_overrides_detection():
    data = pd.DataFrame({"Nom": ["Kati"] * 3, "Code": ["X1"] * 3})
    assert [f.column for f in detect_sensitive(data, {"Nom": False})] == []
    chosen = detect_sensitive(data, {"Code": True})
    assert [(f.column, f.kind, f.evidence) for f in chosen] == [("Nom", "name", "name"), ("Code", "chosen", "chosen")]


def test_gps_is_personal_for_households_not_for_facilities(real_data):
    survey = read_table(SURVEY).data
    assert is_people_points(survey)
    facilities = read_table(REAL / "tables" / "mli_health_facilities_oms_macroman.csv").data
    verdict = is_people_points(facilities)
    assert not verdict
    assert verdict.text("en") == 'The rows are places: column "Code_CSREF" names sites or facilities.'
    assert not any(f.kind == "gps" for f in detect_sensitive(facilities))
    sites = read_table(REAL / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx", "Round16_data").data
    assert not is_people_points(sites)
    seats = read_table(REPO / "sample_data" / "mali_admin_seats_geonames.csv").data
    assert not is_people_points(seats)
    # the caller may say the rows are people whatever the columns say
    assert {f.kind for f in detect_sensitive(facilities, people=True)} >= {"gps"}


def test_people_points_verdict_explains_itself_in_both_languages():
    verdict = is_people_points(read_table(SURVEY).data)
    assert verdict.people is True
    assert "menage/nom_chef_menage" in verdict.text("en") and "menage/nom_chef_menage" in verdict.text("fr")
    assert verdict.text("fr") != verdict.text("en")


def test_every_privacy_sentence_has_french_with_the_same_placeholders():
    from carto_desktop.privacy import sensitive

    tree = ast.parse(Path(sensitive.__file__).read_text(encoding="utf-8"))
    verdicts = [node.args[1].value for node in ast.walk(tree) if isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "PeopleVerdict"]
    sentences = list(REASONS.values()) + list(EVIDENCE.values()) + verdicts
    assert len(verdicts) == 6
    for en in sentences:
        assert en in FRENCH, en
        assert set(re.findall(r"{\w+}", en)) == set(re.findall(r"{\w+}", FRENCH[en]))
        assert translate(en, "fr") != en


def test_findings_as_plain_values_for_the_app():
    data = pd.DataFrame({"Téléphone": ["+223 76 12 34 56"] * 3})
    assert [f.as_dict("fr") for f in detect_sensitive(data)] == [{
        "column": "Téléphone", "kind": "phone", "evidence": "Repéré par le nom de la colonne.",
        "reason": "Numéros de téléphone : ils identifient une personne et permettent à n'importe qui de l'appeler."}]


def test_a_facility_list_with_its_contacts_is_places_and_a_household_list_at_sites_is_people():
    facilities = pd.DataFrame({"Nom de la structure": ["CSCOM Kati", "CSREF Ségou"], "Téléphone": ["+223 20 12 34 56"] * 2,
                               "Nom du responsable": ["Dr Awa Diallo", "Moussa Keïta"], "latitude": ["12.7", "13.4"],
                               "longitude": ["-8.0", "-6.2"]})
    assert not is_people_points(facilities)
    assert {f.kind for f in detect_sensitive(facilities)} == {"phone", "enumerator"}  # no GPS: places
    households = pd.DataFrame({"nom_site": ["Site Faladié"] * 2, "nom_chef_menage": ["Awa Diallo", "Issa Touré"],
                               "latitude": ["12.6", "12.6"], "longitude": ["-7.9", "-7.9"]})
    verdict = is_people_points(households)
    assert verdict and "nom_chef_menage" in verdict.text("en")
    assert {f.kind for f in detect_sensitive(households)} == {"name", "gps"}
