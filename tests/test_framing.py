"""A table whose data all lie in one region is mapped on that region, says so, and the person can keep the country.

Real tables: IOM DTM's site assessment of Chad's Lac province (3 of the country's 70 departments
named), and OCHA's 2023 people-in-need table (all 70 departments). A generated table adds a row
that names only another region.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from carto_desktop.choices import Project
from carto_desktop.edits import Choose, apply_edit
from carto_desktop.project import build_map, page_inputs, prepare_map

REAL = Path(__file__).resolve().parent / "data" / "real"
DTM_LAC = REAL / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx"
PIN = REAL / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx"
LAC_DEPARTMENTS = {"Fouli", "Kaya", "Mamdi", "Wayi"}


def _title(project: Project, prepared) -> str:
    return page_inputs(project, prepared.template, prepared.data, prepared.layer, prepared.match).texts.title


@pytest.mark.parametrize("template", ["choropleth", "presence", "symbols"])
def test_a_table_of_one_region_is_mapped_on_that_region(template):
    project = Project(table=DTM_LAC, template=template)
    prepared = prepare_map(project)
    areas = prepared.data.areas
    assert set(areas["adm2_name"]) == LAC_DEPARTMENTS  # the province's four departments, no other
    assert set(prepared.layer["adm1_name"]) == {"Lac"}
    assert prepared.data.footnote.endswith("Only Lac is shown: the table has no data elsewhere in the country.")
    assert any("Every area with data is in Lac" in n and "--whole-country" in n for n in prepared.notices)
    assert _title(project, prepared).endswith(" — Lac")
    # every row is still accounted for: framing on the region drops none of them
    assert prepared.account.mapped == len(prepared.table.data)


def test_the_whole_country_is_kept_on_request_and_by_the_edit():
    project = apply_edit(Project(table=DTM_LAC), Choose(whole_country=True))
    assert project.whole_country is True
    prepared = prepare_map(project)
    assert len(prepared.data.areas) == 70
    assert not any("Lac" in n for n in prepared.notices)
    assert "—" not in _title(project, prepared)
    assert "Only" not in prepared.data.footnote


def test_french_page_and_notice():
    project = Project(table=DTM_LAC, lang="fr")
    prepared = prepare_map(project)
    assert "Seule la zone « Lac » est représentée" in prepared.data.footnote
    assert any("« Pays entier »" in n for n in prepared.notices)


def test_a_national_table_is_never_cut():
    prepared = prepare_map(Project(table=PIN, value_column="PIN", agg="sum"))
    assert len(prepared.data.areas) == 70 and prepared.data.region == ""


def test_a_row_naming_only_another_region_keeps_the_country(tmp_path):
    """Rows of three Lac departments and one row that names only the Kanem region: the data span two regions."""
    table = tmp_path / "sites.csv"
    rows = ["Province,Departement,Sites", "Lac,Fouli,4", "Lac,Kaya,2", "Lac,Mamdi,3", "Kanem,,5"]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = tmp_path / "lac.csv"
    one.write_text("\n".join(rows[:4]) + "\n", encoding="utf-8")
    assert prepare_map(Project(table=one, value_column="Sites", agg="sum")).data.region == "Lac"
    prepared = prepare_map(Project(table=table, value_column="Sites", agg="sum"))
    assert prepared.data.region == "" and len(prepared.data.areas) == 70


def test_a_row_not_found_keeps_the_country(tmp_path):
    """A row whose place is not found may lie anywhere: the page must not say there is no data elsewhere."""
    table = tmp_path / "sites.csv"
    table.write_text("Province,Departement,Sites\nLac,Fouli,4\nLac,Kaya,2\nLac,Mamdi,3\nLac,Nowhere-on-earth,5\n",
                     encoding="utf-8")
    prepared = prepare_map(Project(table=table, value_column="Sites", agg="sum"))
    assert not prepared.account.complete  # the premise: a row is not on the map
    assert prepared.data.region == "" and len(prepared.data.areas) == 70


def test_the_page_shows_the_region_and_the_note(tmp_path):
    result = build_map(Project(table=DTM_LAC))
    texts = [t.get_text() for t in result.figure.findobj(lambda a: hasattr(a, "get_text"))]
    page = " ".join(texts)
    assert "Lac" in page and "Only Lac is shown" in page.replace("\n", " ")
    assert not any("Tibesti" in t for t in texts)  # a department of the far north is not on the page
    # the regions around are named for the reader's bearings, and only those
    assert {"Kanem", "Hadjer-Lamis"} <= set(texts) and "Borkou" not in texts


def test_regions_around_are_the_near_ones_with_their_names():
    from carto_desktop.framing import regions_around

    layer = prepare_map(Project(table=DTM_LAC, whole_country=True)).layer
    around = regions_around(layer, "adm1_pcode", "adm1_name", "TD07")
    assert {"Kanem", "Hadjer-Lamis"} <= set(around["name"]) and "Lac" not in set(around["name"])
    assert len(around) < layer["adm1_pcode"].nunique() - 1  # only regions within reach of the frame are joined
    assert around.geometry.is_valid.all()


def test_an_atlas_page_names_the_regions_around(tmp_path):
    from carto_desktop.atlas import atlas_pages
    from carto_desktop.project import sample_project

    pages = {code: fig for code, _, fig, _ in atlas_pages(sample_project("en"))}
    texts = {t.get_text() for t in pages["ML08"].findobj(lambda a: hasattr(a, "get_text"))}  # Kidal
    assert {"Gao", "Tombouctou"} <= texts and "Kayes" not in texts


def test_the_choice_is_kept_in_the_project_file(tmp_path):
    from carto_desktop.project_file import project_from_dict, read_project, save_project

    path = tmp_path / "lac.cartoproj"
    save_project(path, Project(table=DTM_LAC, whole_country=True))
    assert project_from_dict(read_project(path).data).whole_country is True


def test_style_step_offers_the_choice_when_the_map_shows_one_region(qtbot):
    from carto_desktop.gui.engine_tasks import preview
    from carto_desktop.gui.style_step import StyleStep

    assert preview(Project(table=DTM_LAC), dpi=40).region == "Lac"  # what the engine tells the window
    assert preview(Project(table=PIN, value_column="PIN", agg="sum"), dpi=40).region == ""
    step = StyleStep()
    qtbot.addWidget(step)
    shown = Project(table=DTM_LAC)
    step.show_project(shown)
    assert step.whole_country_check.isHidden()  # a map of the whole country: the box would change nothing
    step.show_region(True)
    assert not step.whole_country_check.isHidden() and not step.whole_country_check.isChecked()
    with qtbot.waitSignal(step.edited) as blocker:
        step.whole_country_check.click()
    assert blocker.args == [Choose(whole_country=True)]
    step.show_region(False)  # the whole country is now drawn: the box stays, ticked, to be unticked
    step.show_project(replace(shown, whole_country=True))
    assert not step.whole_country_check.isHidden() and step.whole_country_check.isChecked()
