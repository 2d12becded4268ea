"""Column roles (admin names and levels, P-codes, GPS, numbers, dates) and Kobo/ODK exports."""
from __future__ import annotations

import pytest

from conftest import REPO, REAL

from carto_desktop.errors import OptionError
from carto_desktop.intake import read_table
from carto_desktop.intake.kobo import kobo_form, parse_geolocation, split_choices
from carto_desktop.intake.roles import detect_roles, pcode_level

TABLES = REAL / "tables"
GOOD = REPO / "tests" / "data" / "intake"


def _summary(roles, kinds=("admin name", "P-code")):
    return [(c, r.role, r.level) for c, r in roles.columns.items() if r.role in kinds]


@pytest.mark.parametrize("code, level", [
    ("ML04", 1), ("ML0401", 2), ("ML040101", 3), ("MLI0401", 2), (" ml-0401 ", 2), ("CF214", 2),
    ("NE001001", 2), ("TD", 0), ("MLI", 0), ("ML011", None), ("EDU", None), ("Segou", None), ("", None),
])
def test_pcode_level_follows_ocha_lengths(code, level):
    assert pcode_level(code) == level


def test_mali_3w_roles_from_hxl_and_names():
    roles = detect_roles(read_table(TABLES / "mli_3w_ocha_2023-12.xlsx"))
    assert _summary(roles) == [
        ("admin1Pcod", "P-code", 1), ("Region", "admin name", 1), ("admin2Pcod", "P-code", 2),
        ("Cercle", "admin name", 2), ("admin3Pcod", "P-code", 3), ("Commune", "admin name", 3),
    ]
    assert roles["Village"].role == "empty" and roles["Cluster"].role == "text"


def test_car_names_take_the_level_of_the_code_beside_them():
    roles = detect_roles(read_table(TABLES / "caf_3w_ocha_2022-03.xlsx"))
    assert _summary(roles) == [("PREFECTURE", "admin name", 1), ("PCODE1", "P-code", 1),
                               ("SOUSPREFECTURE", "admin name", 2), ("PCODE2", "P-code", 2)]


def test_chad_pin_numbers_and_codes():
    roles = detect_roles(read_table(TABLES / "tcd_hno2023_pin_cible_adm2.xlsx"))
    assert roles.of("number") == ["PIN", "Cible"]
    assert roles.of("P-code", 2) == ["ADM2_Pcode"] and roles.of("admin name", 2) == ["ADM2_COUNTY"]
    assert roles.warnings == []


def test_cadre_harmonise_levels_and_code_length_warnings():
    roles = detect_roles(read_table(TABLES / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx"))
    assert roles["adm2_name"].level == 2 and roles["adm2_pcod2"].role == "P-code" and roles["adm2_pcod2"].level == 2
    assert "phase35" in roles.of("number") and "population" in roles.of("number")
    odd = [w for w in roles.warnings if w.params.get("column") == "adm2_pcod2"]
    assert odd and odd[0].key.startswith("Column \"{column}\": {count} P-codes do not have the OCHA length")


def test_gps_columns_and_dates_of_the_dtm_export():
    roles = detect_roles(read_table(TABLES / "tcd_dtm_r16_lac_site_village_assessment.xlsx"))
    assert roles.of("latitude") == ["_a4_gps_latitude"] and roles.of("longitude") == ["_a4_gps_longitude"]
    assert "Snapshot date" in roles.of("date")
    assert roles["P-code admin 2 (département)"].level == 2
    assert roles["P-code localité"].role == "identifier"  # TD070401LWA-019 is not an OCHA P-code
    assert not [w for w in roles.warnings if "lat" in w.params]


def test_mac_roman_health_facilities_have_gps_and_ids():
    roles = detect_roles(read_table(TABLES / "mli_health_facilities_oms_macroman.csv"))
    assert roles.of("latitude") == ["location.latitude"] and roles.of("longitude") == ["location.longitude"]
    assert roles["Pcode"].role == "identifier"  # WHO codes, not OCHA
    assert roles["DATE_OUVERTURE"].role == "date"


def test_roles_can_be_overridden():
    table = read_table(TABLES / "tcd_3w_ocha_2021-10.xlsx")
    roles = detect_roles(table, overrides={"Cluster": "admin name:1", "Acronyme": "identifier"})
    assert (roles["Cluster"].role, roles["Cluster"].level, roles["Cluster"].source) == ("admin name", 1, "user")
    assert roles["Acronyme"].role == "identifier"
    with pytest.raises(OptionError):
        detect_roles(table, overrides={"Nope": "number"})
    with pytest.raises(OptionError):
        detect_roles(table, overrides={"Cluster": "colour"})


def test_kobo_export_structure():
    table = read_table(GOOD / "kobo_export.csv")
    form = kobo_form(table.data.columns)
    assert form.is_form
    (point,) = form.geopoints
    assert (point.cell_column, point.lat_column, point.lon_column) == (
        "group_site/gps", "_group_site/gps_latitude", "_group_site/gps_longitude")
    assert form.geolocation == "_geolocation"
    assert form.select_multiple == {"besoins": ["besoins/eau", "besoins/abri", "besoins/sante"]}
    assert form.short_names["group_site/nom_site"] == "nom_site"
    assert {"_uuid", "_submission_time", "_index", "start"} <= set(form.meta)
    roles = detect_roles(table)
    assert roles["group_site/gps"].role == "geopoint" and roles["_geolocation"].role == "geopoint"
    assert roles["besoins"].role == "multiple choice" and roles["besoins/eau"].role == "multiple choice"
    assert roles["menages"].role == "number" and roles["_uuid"].role == "form metadata"
    assert roles["group_site/nom_site"].short_name == "nom_site"
    assert parse_geolocation(table.data["_geolocation"][0]) == (13.4317, -6.2157)
    assert parse_geolocation("[null, null]") is None
    assert split_choices(table.data["besoins"][0]) == ["eau", "sante"]


@pytest.mark.parametrize("name, cell, lat, lon", [
    ("kobo_kobocat_tutorial_w_repeats.csv", "gps", "_gps_latitude", "_gps_longitude"),
    ("odk_onadata_geolocation_form.csv", "location", "_location_latitude", "_location_longitude"),
])
def test_real_kobo_and_odk_exports(name, cell, lat, lon):
    table = read_table(TABLES / name)
    (point,) = kobo_form(table.data.columns).geopoints
    assert (point.cell_column, point.lat_column, point.lon_column) == (cell, lat, lon)
    roles = detect_roles(table)
    assert roles.of("latitude") == [lat] and roles.of("geopoint") == [cell]
    if name.startswith("kobo"):  # select_multiple exported as 0/1 columns only
        assert roles.form.select_multiple["web_browsers"] == [
            "web_browsers/firefox", "web_browsers/chrome", "web_browsers/ie", "web_browsers/safari"]
        assert roles["web_browsers/ie"].role == "multiple choice"
        assert roles["children[1]/childs_name"].role == "text"  # a repeat group, not choices


def test_coordinates_of_uses_lat_lon_columns_or_the_geopoint():
    import pandas as pd

    from carto_desktop.intake.roles import coordinates_of
    from carto_desktop.intake.tables import Table

    kobo = read_table(GOOD / "kobo_export.csv")
    checked = coordinates_of(kobo)
    assert (checked.lat, checked.lon) == ([13.4317, 12.842], [-6.2157, -11.235]) and checked.problems == []
    cells = ["13.43 -6.21 290 5", "garbage x", None] + [f"13.{i} -6.2 290 5" for i in range(1, 5)]
    only_geopoint = Table(data=pd.DataFrame({"site": list("ABCDEFG"), "gps": cells}, dtype=object),
                          path=GOOD / "x.csv", row_numbers=list(range(2, 9)))
    checked = coordinates_of(only_geopoint)
    assert checked.lat[0] == 13.43 and [(p.row, p.kind) for p in checked.problems] == [(3, "unreadable")]
    dtm = read_table(TABLES / "tcd_dtm_r16_lac_site_village_assessment.xlsx")
    checked = coordinates_of(dtm, bounds=(13.0, 12.5, 15.5, 14.5))  # Lac province
    assert checked.problems == [] and 13.5 < checked.lat[0] < 14.5
    assert coordinates_of(read_table(TABLES / "tcd_3w_ocha_2021-10.xlsx")) is None


def test_inspect_shows_roles_form_and_points_in_french(capsys):
    from carto_desktop.cli import main

    assert main(["inspect", "--table", str(GOOD / "kobo_export.csv"), "--role", "menages=identifier",
                 "--lang", "fr"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "  menages : identifiant (choisi par vous)" in out
    assert "  group_site/gps : point GPS" in out
    assert "  Question à choix multiples « besoins » : 3 choix" in out
    assert "Points GPS : 2 utilisables, 0 avec un problème" in out
    assert main(["inspect", "--table", str(GOOD / "kobo_export.csv"), "--role", "menages=colour"]) == 2
    assert "is not a column role" in capsys.readouterr().err


def test_notices_survive_pickling_for_the_app_worker_process():
    import pickle

    from carto_desktop.intake.notices import Notice

    n = Notice("{count} invalid geometries were repaired.", count=2)
    back = pickle.loads(pickle.dumps(n))
    assert back == "2 invalid geometries were repaired." and back.key == n.key and back.params == {"count": 2}
    assert back.text("fr") == "2 géométries invalides réparées."


def test_level_words_follow_the_country():
    import pandas as pd

    data = pd.DataFrame({"Région": ["Centre", "Est"], "Province": ["Kadiogo", "Gourma"], "Commune": ["Ouaga", "Fada"]},
                        dtype=object)
    assert detect_roles(data)["Province"].level == 1  # Chad, Cameroon before 2008…: province is admin 1
    assert detect_roles(data, country="BF")["Province"].level == 2  # Burkina Faso: régions, then provinces
    with_codes = data.assign(Pcode=["BF1300", "BF5200"])  # the table's own P-codes say which country
    assert detect_roles(with_codes)["Province"].level == 2


@pytest.mark.parametrize("name", ["mli_3w_ocha_2023-12.xlsx", "tcd_dtm_r16_lac_site_village_assessment.xlsx",
                                  "mli_health_facilities_oms_macroman.csv"])
def test_roles_refined_from_a_first_guess_are_those_detected_at_once(real_data, name):
    """The app guesses a table's roles once (`project.table_roles`) and refines them with area names,
    the person's word and the warnings: the same roles and warnings as detecting them all at once."""
    from carto_desktop.intake import read_layer
    from carto_desktop.intake.roles import refine_roles

    table = read_table(real_data / "tables" / name)
    names = {level: read_layer(real_data / "boundaries" / f"mali_adm{level}.geojson")[f"adm{level}_name"].tolist()
             for level in (1, 2)}
    first = detect_roles(table, warnings=False)
    columns = [str(c) for c in table.data.columns]
    overrides = {columns[0]: "text", columns[-1]: "admin name:1"}
    for kwargs in ({}, {"area_names": names}, {"overrides": overrides, "area_names": names}):
        at_once = detect_roles(table, **kwargs)
        refined = refine_roles(table, first, **kwargs)
        assert refined.columns == at_once.columns and list(map(str, refined.warnings)) == list(map(str, at_once.warnings))


def test_a_year_written_as_a_number_is_a_date_never_an_amount():
    """A 3W's "annee" (2023) was a column of numbers: the Style step's "Sum" could add up years."""
    import pandas as pd

    table = pd.DataFrame({"annee": ["2022", "2023", "2023", "2024"], "Year": ["2021", "2021", "2022", "2022"],
                          "Nombre par an": ["12", "30", "4", "7"], "Personnes dans le besoin": ["2023", "1500", "90", "8"]})
    roles = detect_roles(table, warnings=False)
    assert roles["annee"].role == "date" and roles["Year"].role == "date"
    assert roles["Nombre par an"].role == "number"  # a count per year, not years
    assert roles["Personnes dans le besoin"].role == "number"  # 2,023 people is no year: the name says what it is
