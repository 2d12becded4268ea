"""Maps that tell the truth about the data (issue 14), on real OCHA/IOM tables.

Each test names the defect it guards against: what the map said before, wrongly.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from conftest import REPO, SAMPLE

from carto_desktop.project import Project, build_map, prepare_map


def _real(real_data, table: str, boundaries: str, **choices) -> Project:
    return Project(table=real_data / "tables" / table, boundaries=real_data / "boundaries" / boundaries,
                   lang=choices.pop("lang", "en"), **choices)


def _legend_texts(fig) -> list[str]:
    legend = next(ax for ax in fig.axes if ax.get_gid() == "legend")
    return [t.get_text() for t in legend.texts]


def _legend_boxes(fig) -> list[str]:
    legend = next(ax for ax in fig.axes if ax.get_gid() == "legend")
    return [p.get_gid() for p in legend.patches]


# --- the one small-count rule: only counts of people are hidden ---------------------------------------------

def test_organisations_per_province_are_never_hidden(real_data):
    """Chad 3W: N'Djamena-side provinces with 1-4 organisations were greyed out as "fewer than 5 … to protect
    the people counted". Organisations are not people, and a 3W's gaps are what it exists to show."""
    project = _real(real_data, "tcd_3w_ocha_2021-10.xlsx", "tcd_adm1.geojson",
                    value_column="Nom de l'organisation", agg="distinct")
    result = build_map(project)
    values = result.data.areas["value"]
    assert ((values > 0) & (values < 5)).any()  # the small counts the old rule hid are there ...
    assert not result.data.suppressed().any()  # ... and shown
    assert not any("Fewer than" in t for t in _legend_texts(result.figure))
    assert result.data.indicator == "Number of organisations"


def test_organisations_stay_shown_whatever_the_threshold_and_the_check_does_not_warn(real_data):
    from carto_desktop.privacy.check import share_check

    project = _real(real_data, "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson",
                    value_column="Organisation Accronyme", agg="distinct", min_count=30)
    result = build_map(project)
    assert (result.data.areas["value"] < 30).sum() > 10 and not result.data.suppressed().any()
    assert share_check(project, result).warnings == []
    off = replace(project, min_count=0)
    assert share_check(off, build_map(off)).warnings == []  # --min-count 0 on organisations: nothing to warn


def test_communes_counted_from_a_displacement_table_are_not_people(real_data):
    """IOM DTM Mali: one row per commune with "Total No. of IDPs HH". A column of numbers of households made
    every row "a household", so 47 of 53 cercles were hidden as "fewer than 5 records"."""
    from carto_desktop.privacy.sensitive import is_people_points

    project = _real(real_data, "mli_dtm_r72_baseline_assessment.xlsx", "mali_adm2.geojson")
    prepared = prepare_map(project)
    assert not is_people_points(prepared.table.data)
    assert not prepared.data.suppressed().any()


def test_people_in_need_are_people_and_their_small_sums_are_hidden(real_data, tmp_path):
    """Chad PIN: a sum of `#inneed` counts people, so a département with 3 people in need is hidden."""
    from carto_desktop.intake import read_table

    table = read_table(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx")
    df = table.data.copy()
    df.loc[df["ADM2_Pcode"] == "TD1902", "PIN"] = "3"
    path = tmp_path / "pin.csv"
    df.to_csv(path, index=False)
    result = build_map(Project(table=path, boundaries=real_data / "boundaries" / "tcd_adm2.geojson",
                               value_column="PIN", agg="sum", lang="fr"))
    ids = result.data.areas.loc[result.data.suppressed(), result.data.keys.id_column].tolist()
    assert ids == ["TD1902"]
    assert result.data.indicator == "Personnes dans le besoin"  # the column is named PIN, the map says what it is


def test_hidden_areas_are_dotted_with_their_own_legend_box_and_one_sentence(tmp_path):
    """Hidden areas were plain grey, read as "no data" next to grey neighbours; the why took three lines."""
    rows = [{"pcode": code, "menage": f"HH-{code}-{i}"} for code, n in
            {"ML0101": 3, "ML0102": 12, "ML0103": 40, "ML0104": 7, "ML0201": 60}.items() for i in range(n)]
    path = tmp_path / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    result = build_map(Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode"))
    hidden = result.data.suppressed()
    assert hidden.sum() == 1
    dotted = [c for c in result.figure.findobj(PathCollection) if c.get_gid() == "fewer-than"]
    assert sum(len(c.get_paths()) for c in dotted) == 1 and dotted[0].get_hatch() == "...."
    hatched = [c for c in result.figure.findobj(PathCollection) if c.get_gid() == "no-data"]
    assert sum(len(c.get_paths()) for c in hatched) == int(result.data.areas["value"].isna().sum())
    boxes = _legend_boxes(result.figure)
    assert "legend-fewer-than" in boxes and "legend-no-data" in boxes
    notes = [t for t in _legend_texts(result.figure) if t.startswith("Hidden:")]
    assert notes == ["Hidden: counts of people under 5, to protect\nthem."]


def test_no_data_is_listed_only_when_some_area_has_none(real_data):
    """Chad PIN covers all 70 départements: the legend listed "No data (0)"."""
    result = build_map(_real(real_data, "tcd_hno2023_pin_cible_adm2.xlsx", "tcd_adm2.geojson",
                             value_column="PIN", agg="sum"))
    assert result.data.areas["value"].notna().all()
    assert "legend-no-data" not in _legend_boxes(result.figure)
    assert not any(t.startswith("No data") for t in _legend_texts(result.figure))


def test_area_centroid_coordinates_are_not_household_gps():
    """A survey whose coordinates are each cercle's centre (the same point for every row of a cercle) was
    flagged as household GPS "showing where they live"."""
    import geopandas as gpd

    from carto_desktop.privacy.sensitive import detect_sensitive

    survey = pd.read_csv(REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv", dtype=str)
    assert "gps" in {f.kind for f in detect_sensitive(survey)}  # the households' own points: personal
    cercles = gpd.read_file(SAMPLE / "mali_adm2.geojson").set_index("adm2_pcode")
    centre = cercles.geometry.representative_point()
    pts = survey["identification/cercle_pcode"].map(centre)
    survey["_menage/gps_latitude"] = [f"{p.y:.6f}" for p in pts]
    survey["_menage/gps_longitude"] = [f"{p.x:.6f}" for p in pts]
    survey["menage/gps"] = [f"{p.y:.6f} {p.x:.6f} 0 0" for p in pts]
    assert "gps" not in {f.kind for f in detect_sensitive(survey)}
