"""`carto-desktop match` goes through `run_match`, the route the app's maps take: the user's column
roles (`--role`) and a saved alias list (`--aliases`) mean the same on both sides."""
import csv

import pandas as pd
import pytest

from conftest import SAMPLE

from carto_desktop.choices import Project
from carto_desktop.cli import main
from carto_desktop.errors import OptionError
from carto_desktop.match.decisions import Decisions, boundary_set_id, save_aliases
from carto_desktop.intake import read_layer
from carto_desktop.project import run_match

ADM2 = SAMPLE / "mali_adm2.geojson"


@pytest.fixture(scope="module")
def activities(tmp_path_factory):
    """Forty rows of the sample 3W (names and P-codes of cercles), one cercle misspelt as partners do."""
    data = pd.read_excel(SAMPLE / "mali_3w_2023-12.xlsx", dtype=str, engine="calamine").iloc[1:]  # row 1: HXL tags
    rows = data.drop_duplicates("Cercle").head(40)[["Organisation Accronyme", "admin2Pcod", "Cercle", "Cluster"]]
    rows.loc[rows["Cercle"] == "Segou", "Cercle"] = "Seguo"
    path = tmp_path_factory.mktemp("tables") / "activites.csv"
    rows.to_csv(path, index=False)
    return path


def _cli_rows(tmp_path, table, *options):
    out = tmp_path / "match.csv"
    assert main(["match", "--table", str(table), "--boundaries", str(ADM2), "-o", str(out), "--lang", "en",
                 *options]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _same(cli_rows, match) -> None:
    app = match.rows
    assert [r["match_id"] or None for r in cli_rows] == [None if pd.isna(v) else v for v in app["match_id"]]
    assert [r["match_method"] for r in cli_rows] == list(app["match_method"])
    assert list(cli_rows[0]) == [str(c) for c in app.columns]  # the same columns: ignored ones left out on both


def test_an_ignored_column_is_no_key_on_either_side(tmp_path, activities, capsys):
    """Left alone, the P-code column is the key; marked "ignore", the names are matched instead."""
    plain = _cli_rows(tmp_path, activities)
    assert 'key column "admin2Pcod"' in capsys.readouterr().out and plain[0]["match_method"] == "pcode"
    rows = _cli_rows(tmp_path, activities, "--role", "admin2Pcod=ignore")
    said = capsys.readouterr().out
    assert 'key column "Cercle"' in said
    assert "admin2Pcod" not in rows[0]
    _, _, match = run_match(Project(table=activities, boundaries=ADM2, roles={"admin2Pcod": "ignore"}))
    assert match.key_column == "Cercle"
    _same(rows, match)
    seguo = next(r for r in rows if r["Cercle"] == "Seguo")
    assert seguo["match_status"] != "matched" or seguo["match_id"] == "ML0406"


@pytest.fixture
def aliases(tmp_path):
    """An alias list remembering that "Seguo" is Ségou (ML0406), as the app saves it."""
    path = tmp_path / "aliases.json"
    remembered = Decisions()
    remembered.add("Seguo", "ML0406")
    save_aliases(path, boundary_set_id(read_layer(ADM2)["adm2_pcode"]), remembered)
    return path


def test_a_saved_alias_list_places_a_misspelt_name_the_same_way(tmp_path, activities, aliases):
    rows = _cli_rows(tmp_path, activities, "--role", "admin2Pcod=ignore", "--aliases", str(aliases))
    seguo = next(r for r in rows if r["Cercle"] == "Seguo")
    assert (seguo["match_id"], seguo["match_method"], seguo["match_status"]) == ("ML0406", "decision", "matched")
    project = Project(table=activities, boundaries=ADM2, roles={"admin2Pcod": "ignore"}, aliases=aliases)
    _same(rows, run_match(project)[2])


def test_the_projects_own_answer_wins_over_the_alias_list(activities, aliases):
    project = Project(table=activities, boundaries=ADM2, roles={"admin2Pcod": "ignore"}, aliases=aliases,
                      decisions={"Seguo": "ML0405"})
    rows = run_match(project)[2].rows
    assert rows.loc[rows["Cercle"] == "Seguo", "match_id"].tolist() == ["ML0405"]


def test_a_column_marked_as_places_is_tried_first(tmp_path, activities, capsys):
    rows = _cli_rows(tmp_path, activities, "--role", "Cercle=admin name:2")
    assert 'key column "Cercle"' in capsys.readouterr().out
    _same(rows, run_match(Project(table=activities, boundaries=ADM2, roles={"Cercle": "admin name:2"}))[2])


@pytest.mark.parametrize("spec, words", [("Cercle", "COLUMN=ROLE"), ("Cercle=town", "admin name"),
                                          ("Circle=admin name:2", "no column named")])
def test_a_wrong_role_is_a_plain_error(tmp_path, activities, spec, words, capsys):
    assert main(["match", "--table", str(activities), "--boundaries", str(ADM2), "-o", str(tmp_path / "m.csv"),
                 "--lang", "en", "--role", spec]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "m.csv").exists()


def test_roles_are_checked_before_anything_is_read():
    from carto_desktop.cli import parse_roles

    assert parse_roles(["Cercle=admin name:2", " Région = ignore "]) == {"Cercle": "admin name:2", "Région": "ignore"}
    with pytest.raises(OptionError):
        parse_roles(["Cercle=admin name:two"])


def test_the_command_explains_a_misspelt_name_as_the_app_does(real_data, tmp_path, capsys):
    """`carto-desktop match` counted reasons by the matcher's word, so a misspelt département ("Takieta" for
    Takeita) was "only villages" on the command line while the app's Match step said "probably Takeita"."""
    import geopandas as gpd

    bounds = real_data / "boundaries" / "ner_adm2.geojson"
    names = gpd.read_file(bounds)["adm2_name"].tolist()
    path = tmp_path / "ner_3w.csv"
    pd.DataFrame({"Département": names + ["Takieta"], "Organisation": ["ACF"] * len(names) + ["CARE"]}).to_csv(
        path, index=False)
    assert main(["match", "--table", str(path), "--boundaries", str(bounds), "-o", str(tmp_path / "m.csv"),
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 × Probably Takeita, misspelt" in out and "Only villages" not in out
