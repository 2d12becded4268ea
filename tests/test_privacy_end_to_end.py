"""A fake Kobo household survey mapped end to end: no personal value leaves the table.

Every value of every personal column of the input (names, phones, ID numbers, GPS,
enumerators, comments, form metadata) is looked for in the exported PNG/PDF/SVG (bytes,
metadata, decompressed PDF streams, and the PDF's text as pdftotext reads it), the
`.cartoproj`, the autosave, the "before you share" summary and the command's output.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from carto_desktop import cli
from carto_desktop.export import save_map
from carto_desktop.intake import read_table
from carto_desktop.privacy import detect_sensitive
from carto_desktop.privacy.check import check_path, share_check, write_check
from carto_desktop.privacy.purge import purge_project
from carto_desktop.privacy.scan import file_texts, find_values, personal_values
from carto_desktop.project import Project, build_map
from carto_desktop.project_file import Autosave, path_fields, project_to_dict, save_project
from conftest import REPO

PRIVACY = REPO / "tests" / "data" / "privacy"
SURVEY = PRIVACY / "kobo_household_survey.csv"
BOUNDARIES = REPO / "sample_data" / "mali_adm2.geojson"
TITLE = "Households surveyed per cercle QZX"


def sensitive_values() -> list[str]:
    """Every distinct value of every personal column (and phones as bare digits)."""
    table = read_table(SURVEY)
    findings = detect_sensitive(table.data)
    assert len(findings) == 23
    return personal_values(table.data, findings)


def readable_forms(path: Path) -> list[bytes]:
    """What `privacy.scan` reads (bytes, PDF streams and text), plus pdftotext's reading as a second opinion."""
    forms = file_texts(path)
    if path.suffix == ".pdf" and shutil.which("pdftotext"):
        forms.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout)
    return forms


def leaks(path_or_text: Path | str, values: list[str]) -> list[str]:
    forms = readable_forms(path_or_text) if isinstance(path_or_text, Path) else [path_or_text.encode("utf-8")]
    return find_values(forms, values)


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    """The survey mapped by cercle P-code and exported three ways, saved, autosaved."""
    out = tmp_path_factory.mktemp("privacy")
    project = Project(table=SURVEY, boundaries=BOUNDARIES, key_column="identification/cercle_pcode", title=TITLE,
                      lang="fr", excluded_columns=tuple(f.column for f in detect_sensitive(read_table(SURVEY).data)))
    result = build_map(project)
    files = [save_map(result.figure, out / f"menages.{ext}", dpi=60, drawn=result.drawn) for ext in ("png", "pdf", "svg")]
    saved = save_project(out / "menages.cartoproj", project, {"ML0204": "ML0204"})
    autosave = Autosave(out / "app-data")
    autosave.write(project_to_dict(project), {"ML0204": "ML0204"}, path_fields(), saved_from=saved)
    check = write_check(share_check(project, result), files[0])
    return {"project": project, "result": result, "files": files, "saved": saved, "autosave": autosave.path,
            "check": check, "folder": out}


def test_the_search_would_find_text_if_it_were_there(mapped):
    """A positive control: the title is found the same way, so an absent value is really absent."""
    pdf = next(f for f in mapped["files"] if f.suffix == ".pdf")
    svg = next(f for f in mapped["files"] if f.suffix == ".svg")
    # the title as drawn: wrapped on lines in the page's side column
    lines = next(t.get_text() for t in mapped["result"].figure.texts if t.get_gid() == "title").split("\n")
    assert " ".join(lines) == TITLE
    assert leaks(svg, lines) == lines
    assert find_values(file_texts(pdf), lines) == lines  # the PDF's own text, without pdftotext
    assert leaks(mapped["saved"], ["identification/cercle_pcode"]) == ["identification/cercle_pcode"]


def test_no_personal_value_in_the_exported_maps(mapped):
    values = sensitive_values()
    assert len(values) > 1000  # 89 households: names, phones, IDs, GPS, comments, metadata
    for path in mapped["files"]:
        assert leaks(path, values) == [], path.name


def test_no_personal_value_in_the_project_file_autosave_or_check(mapped):
    values = sensitive_values()
    for path in (mapped["saved"], mapped["autosave"], mapped["check"]):
        assert path.exists()
        assert leaks(path, values) == [], path.name


def test_no_personal_value_in_the_command_output(tmp_path, capsys):
    values = sensitive_values()
    code = cli.main(["render", "--table", str(SURVEY), "--boundaries", str(BOUNDARIES), "--template", "points",
                     "--lat", "_menage/gps_latitude", "--lon", "_menage/gps_longitude", "--check", "--dpi", "50",
                     "--lang", "en", "-o", str(tmp_path / "points.svg")])
    out = capsys.readouterr()
    assert code == 0
    assert "Points of people: not drawn; they are counted per area." in out.out
    assert leaks(out.out + out.err, values) == []
    assert leaks(tmp_path / "points.svg", values) == []
    assert leaks(check_path(tmp_path / "points.svg"), values) == []


def test_the_map_files_carry_no_user_or_path_metadata(mapped):
    home = str(Path.home())
    for path in mapped["files"]:
        data = path.read_bytes()
        for needle in (home, str(mapped["folder"]), str(SURVEY.parent)):
            assert needle.encode() not in data, (path.name, needle)


def test_purge_removes_the_autosave_and_leftovers_and_keeps_the_project(tmp_path, capsys):
    project = save_project(tmp_path / "survey.cartoproj", Project(table=SURVEY, boundaries=BOUNDARIES))
    other = save_project(tmp_path / "other.cartoproj", Project(table=SURVEY, boundaries=BOUNDARIES))
    mine, theirs = Autosave(tmp_path / "data-a"), Autosave(tmp_path / "data-b")
    mine.write({"table": str(SURVEY)}, None, path_fields(), saved_from=project)
    theirs.write({"table": str(SURVEY)}, None, path_fields(), saved_from=other)
    leftover = tmp_path / ".~survey12ab.tmp"
    leftover.write_text("half a save", encoding="utf-8")
    removed = purge_project(project, tmp_path / "data-a")
    assert sorted(p.name for p in removed.files) == [".~survey12ab.tmp", "autosave.cartoproj"]
    assert project.exists() and not mine.path.exists() and not leftover.exists()
    assert not purge_project(other, tmp_path / "data-a")  # another project's autosave is not touched
    assert theirs.path.exists()
    # the command says what it removed, and says so when there is nothing
    theirs_cli = cli.main(["purge", str(other), "--data-folder", str(tmp_path / "data-b"), "--lang", "fr"])
    out = capsys.readouterr().out
    assert theirs_cli == 0 and "Supprimé" in out and "autosave.cartoproj" in out and not theirs.path.exists()
    assert cli.main(["purge", str(other), "--data-folder", str(tmp_path / "data-b"), "--lang", "en"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_purge_of_a_missing_project_is_a_clear_user_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "carto_desktop", "purge", str(tmp_path / "nope.cartoproj"),
                           "--lang", "en"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "The project file does not exist." in lines[0] and "Traceback" not in proc.stderr


def test_the_check_reports_level_smallest_count_points_and_columns(mapped):
    check = share_check(mapped["project"], mapped["result"])
    assert (check.level, check.level_word, check.areas_shown) == (2, "cercle", 10)
    assert (check.smallest_count, check.min_count, check.suppressed_areas) == (6, 5, 3)  # 3 cercles of 3 households
    assert check.people_points and not check.people_points_drawn
    assert len(check.detected) == 23 and set(check.excluded) == {f.column for f in check.detected}
    assert check.warnings == []
    text = check.markdown("menages.png")
    assert text.startswith("# Avant de partager : ") and "écartée" in text and "« moins de 5 » : 3 zones" in text
    assert len(text.splitlines()) < 60  # one page


def test_the_check_warns_about_raw_points_and_small_exact_counts():
    from dataclasses import replace

    project = Project(table=SURVEY, boundaries=BOUNDARIES, template="points", lat_column="_menage/gps_latitude",
                      lon_column="_menage/gps_longitude", raw_points=True, lang="en")
    check = share_check(project, build_map(project))
    assert check.people_points_drawn and check.points_shown == 89
    assert "Each household or person is drawn as a point where they live." in check.warnings
    assert 'The map uses the personal column "_menage/gps_latitude".' in check.warnings
    plain = replace(project, template="choropleth", key_column="identification/cercle_pcode", min_count=0,
                    raw_points=False, lat_column=None, lon_column=None)
    check = share_check(plain, build_map(plain))
    assert check.smallest_count == 3
    assert check.warnings == ["Small counts are shown exactly: set a minimum count (5 is usual)."]


def test_every_check_sentence_has_french():
    import ast

    from carto_desktop.i18n import FRENCH

    literals = []
    for path in [REPO / "carto_desktop" / "privacy" / name for name in ("check.py", "purge.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translate" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                literals.append(node.args[0].value)
    assert len(literals) >= 25
    for en in literals:
        assert en in FRENCH, en
        assert set(re.findall(r"{\w+}", en)) == set(re.findall(r"{\w+}", FRENCH[en]))


def test_the_check_warns_when_the_map_uses_a_personal_column(tmp_path, capsys):
    code = cli.main(["render", "--table", str(SURVEY), "--boundaries", str(BOUNDARIES), "--key-column",
                     "identification/cercle_pcode", "--value", "menage/telephone", "--agg", "distinct", "--check",
                     "--dpi", "40", "--lang", "fr", "-o", str(tmp_path / "tel.png")])
    out = capsys.readouterr().out
    assert code == 0
    assert "⚠ La carte utilise la colonne personnelle « menage/telephone »." in out
    kept = (tmp_path / "tel.check.md").read_text(encoding="utf-8")
    assert kept.startswith("# Avant de partager : kobo_household_survey") and "menage/telephone" in kept


def test_the_check_follows_the_threshold(mapped):
    from dataclasses import replace

    for threshold, hidden, smallest in ((3, 0, 3), (7, 4, 8), (10, 6, 11)):
        project = replace(mapped["project"], min_count=threshold)
        check = share_check(project, build_map(project))
        assert (check.min_count, check.suppressed_areas, check.smallest_count) == (threshold, hidden, smallest)
        assert check.warnings == []


def test_the_check_finds_names_drawn_in_a_legend(tmp_path, capsys):
    """Points coloured by enumerator: their names are in the legend, and the scan says so."""
    for ext in ("pdf", "svg"):
        code = cli.main(["render", "--table", str(SURVEY), "--boundaries", str(BOUNDARIES), "--template", "points",
                         "--raw-points", "--lat", "_menage/gps_latitude", "--lon", "_menage/gps_longitude",
                         "--category", "identification/nom_enqueteur", "--check", "--dpi", "40", "--lang", "en",
                         "-o", str(tmp_path / f"enq.{ext}")])
        out = capsys.readouterr().out
        assert code == 0
        assert f"The file enq.{ext} contains 5 personal values or folder paths." in out
