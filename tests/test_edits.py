"""Each edit rule of the app, without Qt: what else changes when the user changes one thing."""
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import SAMPLE

from carto_desktop.choices import Project, role_spec
from carto_desktop.edits import (
    Choose, ChooseAggregation, ChooseBoundaries, ChooseKeyColumn, ChooseLayer, ChooseRole, ChooseSheet, ChooseTable,
    ChooseValueColumn, DecideArea, FollowPersonalDetection, ForgetDecisions, MarkPersonal, apply_edit, changed_fields,
    kept_out,
)
from carto_desktop.project import build_map, sample_project

TABLE = SAMPLE / "mali_3w_2023-12.xlsx"
ADM2 = SAMPLE / "mali_adm2.geojson"


def _chosen() -> Project:
    """A project where the user has chosen a lot about the table's columns."""
    return Project(table=TABLE, boundaries=ADM2, sheet="ML_5W", key_column="Cercle", parent_column="Région",
                   value_column="Organisation", agg="distinct", category_column="Cluster", lat_column="lat",
                   lon_column="lon", legend_heading="Partners", decisions={"Seguo": "ML0406"},
                   roles={"Cercle": "admin name:2"}, personal_columns={"Contact": True},
                   excluded_columns=("Contact",), title="Partners in Mali", palette="Blues")


def test_an_edit_leaves_the_project_it_was_given_as_it_was():
    before = _chosen()
    after = apply_edit(before, ChooseRole("Cercle", "ignore", detected="admin name:2"))
    assert before.roles == {"Cercle": "admin name:2"} and before.key_column == "Cercle"
    assert after is not before and after.roles == {"Cercle": "ignore"}


@pytest.mark.parametrize("edit", [ChooseTable(SAMPLE / "other.csv"), ChooseSheet("Feuil2")])
def test_a_new_table_or_sheet_forgets_every_choice_about_the_old_columns(edit):
    after = apply_edit(_chosen(), edit)
    for name in ("key_column", "parent_column", "value_column", "category_column", "lat_column", "lon_column",
                 "legend_heading"):
        assert getattr(after, name) is None, name
    assert (after.agg, after.decisions, after.roles, after.personal_columns, after.excluded_columns) == \
        ("count", {}, {}, {}, ())
    assert (after.title, after.palette, after.boundaries) == ("Partners in Mali", "Blues", ADM2)  # not about columns


def test_a_new_table_starts_on_its_first_sheet():
    assert apply_edit(_chosen(), ChooseTable("other.xlsx")).sheet is None
    assert apply_edit(_chosen(), ChooseTable("other.xlsx")).table == Path("other.xlsx")


def test_new_boundaries_forget_the_areas_chosen_and_the_layer():
    on_layer = apply_edit(_chosen(), ChooseLayer("adm2"))
    assert on_layer.decisions == {"Seguo": "ML0406"}  # another layer of the same file keeps them
    after = apply_edit(on_layer, ChooseBoundaries(SAMPLE / "mali_adm1.geojson"))
    assert (after.decisions, after.layer, after.key_column) == ({}, None, "Cercle")


def test_another_key_column_forgets_the_answers_about_the_old_ones_values():
    after = apply_edit(_chosen(), ChooseKeyColumn("Commune"))
    assert (after.key_column, after.decisions) == ("Commune", {})
    same = _chosen()
    assert apply_edit(same, ChooseKeyColumn("Cercle")) is same  # choosing it again changes nothing


def test_ignoring_a_column_takes_it_out_of_every_choice_that_named_it():
    project = Project(table=TABLE, boundaries=ADM2, key_column="Cercle", parent_column="Région",
                      value_column="Cercle", agg="sum", category_column="Cercle", legend_heading="Total")
    after = apply_edit(project, ChooseRole("Cercle", "ignore", detected="admin name:2"))
    assert after.roles == {"Cercle": "ignore"}
    assert (after.key_column, after.category_column, after.value_column, after.agg, after.legend_heading) == \
        (None, None, None, "count", None)
    assert after.parent_column == "Région"


def test_a_column_that_names_no_place_is_no_longer_key_or_parent():
    project = Project(table=TABLE, boundaries=ADM2, key_column="Cercle", parent_column="Région")
    after = apply_edit(project, ChooseRole("Région", "number", detected="admin name:1"))
    assert (after.key_column, after.parent_column, after.roles) == ("Cercle", None, {"Région": "number"})


def test_choosing_the_detected_role_again_forgets_the_users_word():
    project = Project(table=TABLE, boundaries=ADM2, roles={"Cercle": "text"})
    assert apply_edit(project, ChooseRole("Cercle", "admin name:2", detected="admin name:2")).roles == {}


def test_one_latitude_column_at_a_time():
    project = Project(table=TABLE, boundaries=ADM2, roles={"gps_lat": "latitude"}, lat_column="gps_lat")
    after = apply_edit(project, ChooseRole("_gps_latitude", "latitude", detected="number"))
    assert after.roles == {"_gps_latitude": "latitude"} and after.lat_column == "_gps_latitude"
    back = apply_edit(after, ChooseRole("_gps_latitude", "number", detected="number"))
    assert back.lat_column is None and back.roles == {}


def test_personal_columns_follow_the_detection_and_the_users_word():
    columns = ("Nom", "Téléphone", "Village", "Référence")
    detected = ("Nom", "Téléphone", "Référence")
    project = Project(table=TABLE, boundaries=ADM2)
    followed = apply_edit(project, FollowPersonalDetection(detected, columns))
    assert followed.excluded_columns == ("Nom", "Téléphone", "Référence")
    untick = apply_edit(followed, MarkPersonal("Référence", False, detected, columns))
    assert untick.personal_columns == {"Référence": False} and untick.excluded_columns == ("Nom", "Téléphone")
    more = apply_edit(untick, MarkPersonal("Village", True, detected, columns))
    assert more.excluded_columns == ("Nom", "Téléphone", "Village")
    # a new detection keeps the user's word; ticking a detected column again forgets the override
    assert apply_edit(more, FollowPersonalDetection(detected, columns)) is more
    again = apply_edit(more, MarkPersonal("Référence", True, detected, columns))
    assert again.personal_columns == {"Village": True} and "Référence" in again.excluded_columns


@pytest.mark.parametrize("agg, value, first, expected", [
    ("count", "Organisation", "Organisation", ("count", None)),  # counting rows needs no column
    ("sum", None, "Bénéficiaires", ("sum", "Bénéficiaires")),  # adding up needs one: the best number column
    ("mean", "Montant", "Bénéficiaires", ("mean", "Montant")),  # the column chosen stays
    ("distinct", None, "Organisation", ("distinct", "Organisation")),  # counting values: the first offered
])
def test_the_aggregation_brings_the_column_it_needs(agg, value, first, expected):
    project = Project(table=TABLE, boundaries=ADM2, value_column=value, legend_heading="Mine")
    after = apply_edit(project, ChooseAggregation(agg, first, numbers=("Bénéficiaires",)))
    assert (after.agg, after.value_column, after.legend_heading) == (*expected, None)


def _numbers(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns the table's detection calls numbers (what the app's Data step sends), and all its columns."""
    from carto_desktop.intake import read_table
    from carto_desktop.project import table_roles

    table = read_table(path)
    return tuple(table_roles(table).of("number")), tuple(str(c) for c in table.data.columns)


def test_a_sum_takes_the_total_of_people_never_a_code(real_data):
    """IOM DTM tables: admin P-codes and dates come first, then households before individuals; the sum takes
    the total of individuals. Chad's site assessment starts its numbers with a distance ("a6_2_isole_dist")."""
    mali = real_data / "tables" / "mli_dtm_r72_baseline_assessment.xlsx"
    numbers, columns = _numbers(mali)
    project = Project(table=mali)
    summed = apply_edit(project, ChooseAggregation("sum", columns[0], numbers, columns))
    assert (summed.agg, summed.value_column) == ("sum", "Total No# of IDPs Ind#")
    # the person's word: a column ignored or kept out is never added up; one they call a number may be
    ignored = replace(project, roles={"Total No# of IDPs Ind#": "ignore"},
                      excluded_columns=("Total No# of Returnees Ind#",))
    assert apply_edit(ignored, ChooseAggregation("mean", None, numbers, columns)).value_column == \
        "Total No# of IDPs HH"
    only_code = replace(project, roles={c: "identifier" for c in numbers} | {"Admin 3 pcode": "number"})
    assert apply_edit(only_code, ChooseAggregation("sum", None, numbers, columns)).value_column == "Admin 3 pcode"

    chad = real_data / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx"
    numbers, columns = _numbers(chad)
    assert numbers[0] == "a6_2_isole_dist"  # the premise: the first column of numbers is no total
    summed = apply_edit(Project(table=chad), ChooseAggregation("sum", columns[0], numbers, columns))
    assert summed.value_column == "Total individus déplacés"


def test_a_table_whose_first_numbers_are_codes(tmp_path):
    """A generated table: village codes and site IDs written as digits, a P-code, GPS and a year before the
    headcount. The sum takes the headcount; with no column of numbers at all the edit changes nothing (the
    Style step says why) rather than adding up a code."""
    import random

    rng = random.Random(7)
    codes = ["NE001001", "NE001002", "NE002001", "NE003001"]
    rows = ["site_id,code_village,adm2_pcode,latitude,longitude,Nombre de ménages,Nombre de personnes"]
    rows += [f"{1000 + i},{50210 + 7 * i},{rng.choice(codes)},{13 + rng.random():.4f},{2 + rng.random():.4f},"
             f"{rng.randint(1, 50)},{rng.randint(5, 500)}" for i in range(40)]
    path = tmp_path / "sites.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    numbers, columns = _numbers(path)
    assert "site_id" not in numbers and "code_village" not in numbers
    project = Project(table=path, boundaries="builtin:NER/2")
    edit = ChooseAggregation("sum", columns[0], numbers, columns)  # the first column offered is an ID
    assert not edit.refused(project)
    assert apply_edit(project, edit).value_column == "Nombre de personnes"
    # no column of numbers left: nothing changes, and the edit says it was refused
    left = replace(project, roles={"Nombre de ménages": "ignore"}, excluded_columns=("Nombre de personnes",))
    refused = ChooseAggregation("sum", columns[0], numbers, columns)
    assert refused.refused(left) and apply_edit(left, refused) is left
    assert not ChooseAggregation("count", columns[0], numbers, columns).refused(left)


def test_a_count_map_names_the_columns_a_sum_would_take(real_data):
    """One ranking for both: the first column the count map's notice names is the one "Sum of a column" takes."""
    from carto_desktop.value_columns import value_columns

    numbers, columns = _numbers(real_data / "tables" / "mli_dtm_r72_baseline_assessment.xlsx")
    assert value_columns(numbers, {}, (), columns)[:4] == [
        "Total No# of IDPs Ind#", "Total No# of Returnees Ind#", "Total No# of IDPs HH", "Total No# of Returnees HH#"]


def test_the_value_column_brings_an_aggregation_that_uses_it():
    counted = Project(table=TABLE, boundaries=ADM2, agg="count")
    assert apply_edit(counted, ChooseValueColumn("Organisation")).agg == "distinct"
    summed = Project(table=TABLE, boundaries=ADM2, agg="sum", value_column="Montant")
    assert apply_edit(summed, ChooseValueColumn("Bénéficiaires")).agg == "sum"
    assert (apply_edit(summed, ChooseValueColumn(None)).agg, apply_edit(summed, ChooseValueColumn(None)).value_column) \
        == ("count", None)


def test_match_answers_one_at_a_time_and_all_at_once():
    project = apply_edit(Project(table=TABLE, boundaries=ADM2), DecideArea("Seguo", "ML0406"))
    project = apply_edit(project, DecideArea("Tombouctou", "ML0601"))
    assert project.decisions == {"Seguo": "ML0406", "Tombouctou": "ML0601"}
    assert apply_edit(project, DecideArea("Seguo", None)).decisions == {"Tombouctou": "ML0601"}
    assert apply_edit(project, ForgetDecisions()).decisions == {}


def test_plain_choices_change_only_themselves_and_refuse_fields_with_rules():
    before = _chosen()
    after = apply_edit(before, Choose(title="Nouveau", logo="logo.png", page="A3 portrait"))
    assert changed_fields(before, after) == {"title", "logo", "page"}
    assert after.logo == Path("logo.png")
    with pytest.raises(ValueError, match="own edit"):
        Choose(value_column="Organisation")
    with pytest.raises(ValueError, match="no field"):
        Choose(titel="typo")  # a mistyped field is refused, never silently added


def test_an_ignored_value_column_still_makes_a_map_by_counting_rows():
    """The rule's consequence seen on the real sample: the map counts rows instead of failing."""
    project = sample_project("en")
    numbers = apply_edit(project, ChooseValueColumn("Organisation Accronyme"))
    assert numbers.agg == "distinct"
    ignored = apply_edit(numbers, ChooseRole("Organisation Accronyme", "ignore"))
    result = build_map(ignored)
    assert ignored.agg == "count" and ignored.value_column is None
    assert result.values is not None and result.values.areas["value"].sum() == result.match.counts["matched"]


def test_kept_out_applies_the_users_word_to_the_detection():
    columns = ["a", "b", "c", "d"]
    assert kept_out(["b", "d"], {}, columns) == ("b", "d")
    assert kept_out(["b", "d"], {"d": False, "a": True}, columns) == ("a", "b")
    assert kept_out(["b"], {"gone": True}, columns) == ("b",)  # a column the table no longer has
    assert (role_spec("admin name", 2), role_spec("number", None), role_spec("P-code", None)) == \
        ("admin name:2", "number", "P-code")


def test_the_small_count_threshold_hides_counts_of_people_only(tmp_path):
    """The Style step's threshold is `Choose(min_count=…)`: on households it hides the areas under it, and the
    sentence the app shows under it comes from the engine's one rule (`counted.small_counts_text`)."""
    import pandas as pd

    from carto_desktop.counted import small_counts_text
    from carto_desktop.project import prepare_map

    rows = [{"pcode": code, "menage": f"HH-{code}-{i}"} for code, n in
            {"ML0101": 3, "ML0102": 12, "ML0104": 7, "ML0201": 60}.items() for i in range(n)]
    path = tmp_path / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    people = Project(table=path, boundaries=ADM2, key_column="pcode")
    hidden = {n: int(prepare_map(apply_edit(people, Choose(min_count=n))).data.suppressed().sum()) for n in (0, 5, 10)}
    assert hidden == {0: 0, 5: 1, 10: 2}
    data = prepare_map(apply_edit(people, Choose(min_count=10))).data
    assert small_counts_text(data, "fr") == ("Cette carte compte des personnes\u202f: 2 zones sous 10 sont montrées "
                                             "comme «\u202fmoins de 10\u202f».")
    organisations = apply_edit(sample_project("en"), Choose(min_count=10))
    data = prepare_map(organisations).data
    assert not data.suppressed().any()
    assert small_counts_text(data, "fr") == ("Cette carte compte des organisations\u202f: les organisations ne sont "
                                             "jamais masquées.")
    sites = prepare_map(sample_project("en", "points")).data  # the admin seats of Mali, drawn one by one
    assert small_counts_text(sites, "en") == ("This map draws each site as a point: it shows no count, so nothing "
                                              "is hidden.")
