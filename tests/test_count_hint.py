"""A map that counts the rows of a table of statistics says which numbers it could show instead.

Real tables: IOM DTM's Mali baseline (a row per commune, with totals of displaced people), a Kobo
survey (rows are people: never such a hint), and the sample 3W (no column of numbers).
"""
from __future__ import annotations

from pathlib import Path

from carto_desktop.choices import Project
from carto_desktop.project import prepare_map, sample_project

TABLES = Path(__file__).resolve().parent / "data" / "real" / "tables"
DTM_MALI = TABLES / "mli_dtm_r72_baseline_assessment.xlsx"
HINT = "The map counts the table's rows per area."


def _hints(project: Project) -> list[str]:
    return [n for n in prepare_map(project).notices if n.startswith(HINT) or "compte les lignes" in n]


def test_a_count_of_statistics_rows_names_the_totals_it_could_show():
    (hint,) = _hints(Project(table=DTM_MALI))
    # totals of people first (individuals before households), in table order; three named, the rest said to exist:
    # the first is the one "Sum of a column" takes (`value_columns`)
    assert '"Total No# of IDPs Ind#", "Total No# of Returnees Ind#", "Total No# of IDPs HH", …' in hint
    assert "--value" in hint and "Count or add up" in hint
    (french,) = _hints(Project(table=DTM_MALI, lang="fr"))
    assert french.startswith("La carte compte les lignes du tableau par zone.") and "Compter ou additionner" in french


def test_no_hint_once_a_value_is_chosen_or_for_columns_left_out():
    assert _hints(Project(table=DTM_MALI, value_column="Total No# of IDPs Ind#", agg="sum")) == []
    (hint,) = _hints(Project(table=DTM_MALI, roles={"Total No# of IDPs HH": "ignore"},
                             excluded_columns=("Total No# of IDPs Ind#",)))
    assert "Total No# of IDPs HH" not in hint and "Total No# of IDPs Ind#" not in hint


def test_no_hint_for_rows_of_people_or_a_table_without_numbers(tmp_path):
    """A generated household survey (Kobo's export columns, Niger's departments): its numbers are ages and
    household sizes of the people counted, never a total the map should show instead."""
    import random

    codes = ["NE001001", "NE001002", "NE002001", "NE003001"]
    rng = random.Random(4)
    rows = ["_uuid,_submission_time,adm2_pcode,age,taille_menage"]
    rows += [f"uuid-{i:04d},2024-03-{1 + i % 28:02d}T10:00:00,{rng.choice(codes)},{rng.randint(18, 80)},{rng.randint(1, 12)}"
             for i in range(60)]
    survey = tmp_path / "menages.csv"
    survey.write_text("\n".join(rows) + "\n", encoding="utf-8")
    prepared = prepare_map(Project(table=survey, boundaries="builtin:NER/2"))
    assert prepared.data.records_are_people  # the premise: rows of people
    assert not any(HINT in n for n in prepared.notices)
    assert _hints(sample_project("en")) == []
