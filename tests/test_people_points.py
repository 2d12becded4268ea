"""Points of people are counted per area by default; drawing them needs an explicit choice."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import REPO, SAMPLE

from carto_desktop.project import Project, build_map, sample_project


@pytest.fixture
def households(tmp_path):
    """Fake household survey points around Ségou, Mopti and Kayes (generated, no real person)."""
    rng = np.random.default_rng(7)
    centres = [(13.43, -6.26, 40), (14.49, -4.19, 25), (14.45, -11.44, 3)]
    rows = []
    for lat, lon, n in centres:
        for i in range(n):
            rows.append({"hh_id": f"HH{len(rows):04d}", "respondent_name": f"Personne Test {len(rows)}",
                         "phone": f"+223 7{rng.integers(0, 9)} {rng.integers(10, 99)} {rng.integers(10, 99)} "
                                  f"{rng.integers(10, 99)}",
                         "_gps_latitude": f"{lat + rng.normal(0, 0.05):.5f}",
                         "_gps_longitude": f"{lon + rng.normal(0, 0.05):.5f}"})
    path = tmp_path / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", template="points", lang="en")


def test_household_points_are_counted_per_area_by_default(households):
    result = build_map(households)
    assert result.data.points is None
    assert result.values is not None and np.nansum(result.values.areas["value"]) == 68
    assert any("counted per area" in n for n in result.notices)
    legend = next(ax for ax in result.figure.axes if ax.get_gid() == "legend")
    texts = [t.get_text() for t in legend.texts]
    assert any(t.startswith("Fewer than 5") for t in texts)  # the 3 Kayes households are not shown exactly


def test_raw_points_need_the_explicit_choice_and_warn(households, tmp_path):
    out = tmp_path / "raw.png"
    proc = subprocess.run([sys.executable, "-m", "carto_desktop", "render", "--table", str(households.table),
                           "--boundaries", str(households.boundaries), "--template", "points", "--raw-points",
                           "--dpi", "40", "-o", str(out), "--lang", "en"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "Warning: each point is a person or household" in proc.stderr
    assert out.exists()


def test_places_are_drawn_as_points_without_warning(sample_pages):
    result = sample_pages("points", "en")
    assert result.data.points is not None and len(result.data.points) == 47
    assert result.notices == []


def test_match_csv_leaves_out_personal_columns_unless_asked(households, tmp_path):
    import csv

    table = pd.read_csv(households.table)
    table["cercle"] = "Ségou"
    path = tmp_path / "hh_named.csv"
    table.to_csv(path, index=False)
    out = tmp_path / "review.csv"
    args = [sys.executable, "-m", "carto_desktop", "match", "--table", str(path), "--boundaries",
            str(households.boundaries), "--key-column", "cercle", "-o", str(out), "--lang", "en"]
    proc = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "Personal columns left out" in proc.stdout and "respondent_name" in proc.stdout
    header = next(csv.reader(open(out, encoding="utf-8-sig")))
    assert "respondent_name" not in header and "phone" not in header and "cercle" in header
    assert "Personne Test" not in out.read_text(encoding="utf-8-sig")
    proc = subprocess.run(args + ["--keep-personal-columns"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0
    assert "respondent_name" in next(csv.reader(open(out, encoding="utf-8-sig")))


@pytest.mark.parametrize("table, boundaries", [
    ("mli_health_facilities_oms_macroman.csv", "mali_adm2.geojson"),  # ODK export: location.latitude
    ("tcd_dtm_r16_lac_site_village_assessment.xlsx", "tcd_adm2.geojson"),  # DTM site list: _a4_gps_latitude
])
def test_a_map_of_sites_finds_the_coordinates_the_data_step_shows(real_data, table, boundaries):
    """`inspect` and the Data step called these columns latitude/longitude, but `render --template points`
    said the table had none: the map of sites used a shorter list of names than the role detection."""
    project = Project(table=real_data / "tables" / table, boundaries=real_data / "boundaries" / boundaries,
                      template="points", lang="en")
    result = build_map(project)
    assert result.data.points is not None and len(result.data.points) > 10  # places: drawn one by one


def test_points_that_all_fall_outside_the_areas_are_said_plainly_not_drawn_as_an_empty_map(real_data, tmp_path):
    """KoboToolbox's tutorial export (Nairobi) against Mali's cercles: once an all-"no data" map, exit 0."""
    from carto_desktop.errors import DataError

    kobo = Project(table=real_data / "tables" / "kobo_kobocat_tutorial_w_repeats.csv",
                   boundaries=SAMPLE / "mali_adm2.geojson", template="points", lang="fr")
    with pytest.raises(DataError) as people:
        build_map(kobo)
    assert "rien à compter" in people.value.text("fr")
    sites = tmp_path / "sites.csv"
    sites.write_text("site,latitude,longitude\nDispensaire A,-1.26,36.79\nÉcole B,-1.27,36.80\n", encoding="utf-8")
    with pytest.raises(DataError) as places:
        build_map(Project(table=sites, boundaries=SAMPLE / "mali_adm2.geojson", template="points", lang="en"))
    assert "nothing to draw" in places.value.text("en")


def test_a_map_of_sites_frames_their_areas_and_the_inset_shows_which_part(real_data, sample_pages):
    """Chad's DTM round 16: 223 sites around Lake Chad, once lost in a map of the whole country."""
    from matplotlib.collections import LineCollection

    project = Project(table=real_data / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx",
                      boundaries=real_data / "boundaries" / "tcd_adm2.geojson", template="points", lang="en")
    result = build_map(project)
    ax = result.drawn.map_axes[0]
    chad = result.data.areas.to_crs(result.drawn.map_crs).total_bounds
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert (x1 - x0) < 0.3 * (chad[2] - chad[0]) and (y1 - y0) < 0.3 * (chad[3] - chad[1])
    points = result.data.points.to_crs(result.drawn.map_crs)
    assert ((points.geometry.x > x0) & (points.geometry.x < x1) & (points.geometry.y > y0)
            & (points.geometry.y < y1)).all()  # every site still inside the frame
    inset = [a for a in result.figure.axes if a not in (ax,) and a.get_gid() != "legend"]
    assert any(isinstance(c, LineCollection) for a in inset for c in a.collections)  # the view outlined
    whole = sample_pages()  # a map of the whole country: no outline on its inset
    inset = [a for a in whole.figure.axes if a not in whole.drawn.map_axes and a.get_gid() != "legend"]
    assert not any(isinstance(c, LineCollection) for a in inset for c in a.collections)
