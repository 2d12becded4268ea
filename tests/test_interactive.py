"""Interactive maps: one HTML file that opens offline and shows what the static map shows, no more.

The file is read as text (what it holds) and opened in headless Chromium with the network
off (what it does): no request leaves the page, every area is drawn, hover, search and the
legend work, and an area of "fewer than 5" never gives its exact count.
"""
from __future__ import annotations

import json
import re
import socket
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from conftest import REPO, SAMPLE
from headless_browser import missing, open_page, start_browser

from carto_desktop import cli
from carto_desktop.carto.templates import bundled_templates, load_template
from carto_desktop.intake import read_layer, read_table
from carto_desktop.interactive import build_interactive, map_payload, save_interactive_map
from carto_desktop.privacy import detect_sensitive
from carto_desktop.privacy.scan import personal_values, readable_text, scan_map_file
from carto_desktop.project import Project, page_inputs, sample_project

SURVEY = REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv"
COUNTS = {"ML0101": 3, "ML0102": 12, "ML0103": 40, "ML0104": 7, "ML0105": 25, "ML0201": 60, "ML0202": 9,
          "ML0203": 18, "ML0204": 31, "ML0205": 55}
NO_BROWSER = missing()
browser_test = pytest.mark.skipif(NO_BROWSER is not None, reason=f"browser tests skipped: {NO_BROWSER}")


def payload_of(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="carto-data">(.*?)</script>', text, re.S)
                      .group(1))


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """As conftest's, but the test may talk to its own chromedriver on this machine (loopback only)."""
    real = socket.socket.connect

    def local_only(self, address, *args, **kwargs):
        if self.family == getattr(socket, "AF_UNIX", None) or (
                isinstance(address, tuple) and address[0] in ("127.0.0.1", "::1", "localhost")):
            return real(self, address, *args, **kwargs)
        raise RuntimeError(f"test tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", local_only)


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory):
    """The sample map (Mali 3W, organisations per cercle) as an interactive map, English and French, by the CLI."""
    out = tmp_path_factory.mktemp("html")
    paths = {}
    for lang in ("en", "fr"):
        project = sample_project(lang)
        code = cli.main(["render", "--table", str(project.table), "--sheet", project.sheet, "--boundaries",
                         str(project.boundaries), "--key-column", project.key_column, "--value", project.value_column,
                         "--agg", project.agg, "--title", project.title, "--lang", lang, "-o",
                         str(out / f"sample_{lang}.html")])
        assert code == 0
        paths[lang] = out / f"sample_{lang}.html"
    return paths


@pytest.fixture(scope="module")
def households(tmp_path_factory):
    """Households counted per cercle, ML0101 holding only 3 (generated rows, no real person)."""
    rows = [{"pcode": code, "household": f"HH-{code}-{i:03d}"} for code, n in COUNTS.items() for i in range(n)]
    path = tmp_path_factory.mktemp("households") / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    project = Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode", lang="en")
    html, result = build_interactive(project)
    return save_interactive_map(html, path.parent / "households.html"), result


@pytest.fixture(scope="module")
def browser():
    if NO_BROWSER:
        pytest.skip(NO_BROWSER)
    driver = start_browser()
    yield driver
    driver.quit()


# --- what the file holds -------------------------------------------------------------------------

LOADS = re.compile(r"""(?:\bsrc\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import|<link\b|<iframe\b|"""
                   r"""<object\b|<embed\b|\bsrcset\s*=)""", re.I)


def test_the_sample_map_is_one_light_file_that_loads_nothing(sample_html):
    for path in sample_html.values():
        text = path.read_text(encoding="utf-8")
        assert path.stat().st_size < 1_000_000, path.stat().st_size
        assert LOADS.findall(text) == []
        assert re.findall(r"url\((?!#)", text) == []  # Leaflet's CSS images taken out
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
        assert "default-src 'none'" in csp and "connect-src" not in csp  # nothing may be fetched, even if asked
        assert "Leaflet 1.9.4" in text and "BSD" in text  # the library and its licence are inside
        assert str(SAMPLE) not in text and str(REPO) not in text  # no folder path


def test_the_scan_finds_a_loading_reference_when_there_is_one():
    """A positive control for the scan above."""
    assert LOADS.findall('<img src="https://tile.example.org/1/2/3.png">')
    assert LOADS.findall("<style>@import 'x.css'</style>")
    assert LOADS.findall("background: url(//cdn.example.org/a.png)")


def test_legend_classes_and_colours_equal_the_static_map(sample_fr_result):
    project = sample_project("fr")
    template = load_template(project.template)
    layer = read_layer(project.boundaries)
    data = sample_fr_result.data
    payload = map_payload(data, template, page_inputs(project, template, data, layer, sample_fr_result.match), "fr")
    legend_ax = next(ax for ax in sample_fr_result.figure.axes if ax.get_gid() == "legend")
    static = [" ".join(t.get_text().split()) for t in legend_ax.texts]
    legend = payload["legend"]
    ours = [legend["heading"], *legend["notes"], *[e["label"] for e in legend["entries"]],
            *([legend["no_data"]["label"]] if legend["no_data"] else []),  # listed only when some area has none
            *[e["label"] for e in legend["reference"]]]
    assert [" ".join(t.split()) for t in ours] == static
    assert len(legend["entries"]) == 5 and [e["label"] for e in legend["reference"]][:2] == ["Capitale", "Ville"]
    assert payload["reference"]["capital"][0]["name"] == "Bamako" and len(payload["reference"]["towns"]) >= 5
    # the same colours for the same classes, and as many areas of each colour as the static legend counts
    boxes = [p for p in legend_ax.patches if str(p.get_gid()).startswith("legend-class-")]
    assert [to_hex(p.get_facecolor()) for p in boxes] == [e["colour"] for e in legend["entries"]]
    areas = next(c for ax in sample_fr_result.figure.axes for c in ax.collections if c.get_gid() == "areas")
    fills = [payload["areas"]["palette"][i] for i in payload["areas"]["fill"]]
    assert set(fills) == {to_hex(c) for c in areas.get_facecolors()} and len(fills) == 53
    for entry in legend["entries"]:
        assert fills.count(entry["colour"]) == int(re.search(r"\((\d+)\)", entry["label"])[1]), entry
    # the same title, sources and disclaimer
    footer = next(t.get_text() for t in sample_fr_result.figure.texts if t.get_gid() == "footer")
    assert payload["texts"]["title"] == project.title
    assert " ".join(payload["texts"]["disclaimer"].split())[:60] in " ".join(footer.split())
    assert payload["texts"]["sources"].startswith("Sources : ")


def test_an_area_of_fewer_than_5_carries_neither_its_count_nor_its_rows(households):
    path, result = households
    payload = payload_of(path)
    data = result.data
    ids = data.areas[data.keys.id_column].astype(str).tolist()
    hidden = ids.index("ML0101")
    assert data.suppressed()[hidden]
    assert payload["areas"]["value"][hidden] == "Fewer than 5"
    assert payload["areas"]["rows"][hidden] is None
    seven = ids.index("ML0104")  # 7 households: shown exactly
    assert (payload["areas"]["value"][seven], payload["areas"]["rows"][seven]) == ("7", "7")
    assert payload["legend"]["entries"][0]["label"] == "Fewer than 5  (1)"
    assert not any(v == "3" for v in payload["areas"]["value"])
    assert "HH-ML0101" not in path.read_text(encoding="utf-8")  # no row's own value, only counts
    words = readable_text(path)  # what a reader can see: names, values, legend, sources; not the library's code
    assert "Fewer than 5" in words and "Ségou" in words and "function" not in words
    assert not re.search(r"(?<![\d,.–])3(?![\d,.])", words.replace("Fewer than 5  (1)", ""))


@pytest.mark.parametrize("agg, exact", [("mean", "987"), ("max", "1060"), ("sum", "2961")])
def test_a_figure_from_three_households_is_never_in_the_file_whatever_the_statistic(tmp_path, agg, exact):
    sizes = [901.0, 1000.0, 1060.0]  # ML0101's three households, distinctive; every other area 20-40
    rows = [{"pcode": code, "household": f"HH-{code}-{i:03d}",  # rows of people: few of them are hidden
             "size": sizes[i] if code == "ML0101" else 20.0 + (i * 7) % 21}
            for code, n in COUNTS.items() for i in range(n)]
    pd.DataFrame(rows).to_csv(tmp_path / "sizes.csv", index=False)
    figure = re.compile(exact[:1] + r"\D?" + exact[1:])  # "987", "1 060", "2,961"
    found = {}
    for min_count in (5, 2):  # the control: with the threshold at 2 the figure is shown, and found
        project = Project(table=tmp_path / "sizes.csv", boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode",
                          value_column="size", agg=agg, min_count=min_count, lang="en")
        path = save_interactive_map(build_interactive(project)[0], tmp_path / f"{agg}{min_count}.html")
        found[min_count] = bool(figure.search(readable_text(path)))
    assert found == {5: False, 2: True}


def test_a_household_survey_map_holds_no_personal_value_and_no_other_column(tmp_path, capsys):
    table = read_table(SURVEY)
    findings = detect_sensitive(table.data)
    values = personal_values(table.data, findings)
    assert len(values) > 1000
    out = tmp_path / "menages.html"
    code = cli.main(["render", "--table", str(SURVEY), "--boundaries", str(SAMPLE / "mali_adm2.geojson"),
                     "--key-column", "identification/cercle_pcode", "--lang", "fr", "--check", "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert scan_map_file(out, values, [SURVEY.parent, tmp_path]) == []
    assert scan_map_file(out, ["Ségou"]) == ["Ségou"]  # the scan does find what is there
    data = json.dumps(payload_of(out), ensure_ascii=False)  # the map's data (the rest is Leaflet and the page)
    for column in table.data.columns:
        assert f'"{column}"' not in data, column
    assert (tmp_path / "menages.check.md").is_file() and "menages.html" in printed


def test_every_template_of_the_sample_makes_an_interactive_map(tmp_path):
    for template in map(load_template, bundled_templates()):
        project = sample_project("en", template.id)
        html, result = build_interactive(project)
        path = save_interactive_map(html, tmp_path / f"{template.id}.html")
        payload = payload_of(path)
        assert len(payload["areas"]["geoms"]) == len(result.data.areas), template.id
        assert all(payload["areas"]["geoms"]), template.id  # no area lost its shape
        assert payload["texts"]["title"] == project.title
        assert path.stat().st_size < 1_000_000
        if template.kind == "points":
            assert len(payload["points"]["xy"]) == 2 * len(result.data.points) > 0
        if template.kind == "sectors":
            assert len(payload["sectors"]["names"]) == result.data.categories.shape[1] >= 5
            assert payload["legend"]["entries"][0]["label"] == "Sector present"
        if template.kind == "symbols":
            assert sum(r is not None for r in payload["symbols"]["r"]) == int(result.data.areas["value"].gt(0).sum())


def test_a_hexagon_map_names_admin_areas_and_never_cells(tmp_path):
    rng = np.random.default_rng(5)
    lat = np.r_[rng.normal(12.65, 0.05, 60), rng.normal(13.45, 0.05, 30), [14.5] * 2]
    lon = np.r_[rng.normal(-8.0, 0.05, 60), rng.normal(-6.25, 0.05, 30), [-4.2] * 2]
    rows = [{"nom_chef_menage": f"Personne Fictive {i}", "latitude": f"{a:.5f}", "longitude": f"{o:.5f}"}
            for i, (a, o) in enumerate(zip(lat, lon))]
    table = tmp_path / "menages.csv"
    pd.DataFrame(rows).to_csv(table, index=False)
    html, result = build_interactive(Project(table=table, boundaries=SAMPLE / "mali_adm2.geojson", template="points",
                                             people_points="hexagons", hexagon_km=20, lang="fr"))
    path = save_interactive_map(html, tmp_path / "hex.html")
    payload = payload_of(path)
    assert payload["kind"] == "grid" and len(payload["areas"]["geoms"]) == len(result.data.areas) >= 3
    assert payload["areas"]["names"] == [] and len(payload["places"]["names"]) == 53
    assert payload["cell"] == "Hexagone de 20 km"
    assert "Fewer than" not in html and "Moins de 5" in payload["areas"]["value"]  # the 2 lone households
    assert "Personne Fictive" not in html


def test_households_drawn_by_choice_are_kept_only_to_a_kilometre_or_two(tmp_path):
    project = Project(table=SURVEY, boundaries=SAMPLE / "mali_adm2.geojson", template="points", raw_points=True,
                      lat_column="_menage/gps_latitude", lon_column="_menage/gps_longitude", lang="en")
    html, result = build_interactive(project)
    payload = payload_of(save_interactive_map(html, tmp_path / "households.html"))
    xy = payload["points"]["xy"]
    assert len(xy) == 2 * len(result.data.points) > 100
    assert all(v % 50 == 0 for v in xy)  # 1/1,000 of Mali's extent: about 1.9 km
    assert any("each point is a person or household" in n for n in result.notices)
    sites = payload_of(save_interactive_map(build_interactive(sample_project("en", "points"))[0], tmp_path / "s.html"))
    assert any(v % 50 for v in sites["points"]["xy"])  # places (town halls) keep their precision


def test_an_atlas_is_not_an_interactive_map(tmp_path, capsys):
    project = sample_project("fr")
    code = cli.main(["render", "--table", str(project.table), "--boundaries", str(project.boundaries), "--atlas",
                     "--lang", "fr", "-o", str(tmp_path / "atlas.html")])
    err = capsys.readouterr().err
    assert code == 2 and "pas une carte interactive" in err and not (tmp_path / "atlas.html").exists()


def test_an_unwritable_place_is_one_plain_sentence(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    project = sample_project("en", "presence")
    code = cli.main(["render", "--table", str(project.table), "--sheet", project.sheet, "--boundaries",
                     str(project.boundaries), "--template", "presence", "--lang", "en", "-o",
                     str(blocker / "map.html")])
    err = capsys.readouterr().err
    assert code == 2 and "could not be written" in err and "Traceback" not in err


# --- what the file does, in a browser with no network ---------------------------------------------

@browser_test
def test_the_recorder_sees_a_request_when_a_page_makes_one(browser, tmp_path):
    """A positive control: a page asking for an outside image is caught (and gets nothing: no network)."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="https://tile.openstreetmap.org/1/1/1.png">'
                    '<script>document.documentElement.setAttribute("data-ready", "1")</script></body></html>')
    opened = open_page(browser, page)
    assert opened.outside_requests == ["https://tile.openstreetmap.org/1/1/1.png"]


@browser_test
def test_the_sample_opens_offline_draws_every_area_and_says_what_it_shows(browser, sample_html):
    from selenium.webdriver.common.by import By

    payload = payload_of(sample_html["en"])
    opened = open_page(browser, sample_html["en"])
    assert opened.errors == []
    assert opened.outside_requests == [] and len(opened.requests) == 1
    assert browser.execute_script("return cartoMap.drawnAreas()") == len(payload["areas"]["geoms"]) == 53
    labels = browser.execute_script("return Array.from(document.querySelectorAll('.carto-area-label'), e => e.textContent)")
    assert 8 <= len(labels) < 53 and set(labels) <= set(payload["areas"]["names"])  # names that fit, not all
    assert "Ségou" not in labels  # its town names it (as on the static page)
    assert browser.find_element(By.ID, "title").text == payload["texts"]["title"]
    legend = browser.find_element(By.CLASS_NAME, "carto-legend").text
    for entry in payload["legend"]["entries"] + [e for e in [payload["legend"]["no_data"]] if e]:
        assert " ".join(entry["label"].split()) in " ".join(legend.split())


def _wait_for(condition, seconds: float = 10.0) -> bool:
    """Leaflet animates zooms (a quarter of a second, longer on a busy machine)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _hover(browser, index: int) -> str:
    from selenium.webdriver.common.action_chains import ActionBuilder
    from selenium.webdriver.common.by import By

    x, y = browser.execute_script(f"return cartoMap.screenPointOf({index})")
    action = ActionBuilder(browser)
    action.pointer_action.move_to_location(int(x), int(y))
    action.perform()
    return browser.find_element(By.CLASS_NAME, "carto-info").text


@browser_test
def test_hovering_an_area_shows_its_name_value_and_rows(browser, sample_html):
    payload = payload_of(sample_html["en"])
    open_page(browser, sample_html["en"])
    i = payload["areas"]["names"].index("Mopti")
    text = _hover(browser, i)
    assert text.splitlines() == ["Mopti", payload["areas"]["value"][i],
                                 f"Rows in the table: {payload['areas']['rows'][i]}"]


@browser_test
def test_the_search_finds_segou_and_zooms_to_it(browser, sample_html):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, sample_html["fr"])
    box = browser.find_element(By.CSS_SELECTOR, ".carto-search input")
    assert box.get_attribute("placeholder") == "Chercher une zone…"
    box.send_keys("segou")
    assert "Ségou" in browser.find_element(By.CLASS_NAME, "carto-results").text
    box.send_keys(Keys.ENTER)
    home = browser.execute_script("return cartoMap.homeZoom")
    zoomed = _wait_for(lambda: browser.execute_script("return cartoMap.map.getZoom()") >= home + 1.5)
    assert zoomed, "the map did not zoom to Ségou"
    info = browser.find_element(By.CLASS_NAME, "carto-info").text.splitlines()
    assert info[0] == "Ségou" and info[2].startswith("Lignes du tableau : ")
    centre = browser.execute_script("var c = cartoMap.map.getCenter(); return [c.lng, c.lat]")
    layer = read_layer(SAMPLE / "mali_adm2.geojson")
    segou = layer[layer["adm2_name"] == "Ségou"]
    from carto_desktop.carto.projection import choose_projection

    box_m = segou.to_crs(choose_projection(layer).crs).total_bounds
    assert box_m[0] <= centre[0] <= box_m[2] and box_m[1] <= centre[1] <= box_m[3]


@browser_test
def test_the_legend_shows_the_areas_of_a_class(browser, sample_html):
    from selenium.webdriver.common.by import By

    payload = payload_of(sample_html["en"])
    open_page(browser, sample_html["en"])
    browser.find_elements(By.CLASS_NAME, "carto-entry")[2].click()
    bright = browser.execute_script(
        "var n = 0; cartoMap.map.eachLayer(function (l) {"
        " if (l.options.cartoArea !== undefined && l.options.fillOpacity === 1) { n++; } }); return n;")
    assert bright == payload["areas"]["entry"].count(2) == int(re.search(r"\((\d+)\)",
                                                                          payload["legend"]["entries"][2]["label"])[1])


@browser_test
def test_a_fewer_than_5_area_never_shows_its_count_on_hover(browser, households):
    path, result = households
    payload = payload_of(path)
    opened = open_page(browser, path)
    assert opened.errors == [] and opened.outside_requests == []
    i = result.data.areas[result.data.keys.id_column].astype(str).tolist().index("ML0101")
    text = _hover(browser, i)
    assert text.splitlines() == [payload["areas"]["names"][i], "Fewer than 5"]
    assert "3" not in text


@browser_test
def test_every_template_opens_offline_without_errors(browser, tmp_path):
    for template in ("presence", "symbols", "points", "sectors"):
        html, result = build_interactive(sample_project("fr", template))
        path = save_interactive_map(html, tmp_path / f"{template}.html")
        opened = open_page(browser, path)
        assert opened.errors == [] and opened.outside_requests == [], template
        assert browser.execute_script("return cartoMap.drawnAreas()") == len(result.data.areas), template
        if template == "points":
            assert browser.execute_script("return cartoMap.drawnPoints()") == len(result.data.points)
        if template in ("points", "symbols"):  # no area names under sites or circles, as on the static page
            assert browser.execute_script("return cartoMap.shownLabels()") == 0


@browser_test
@pytest.mark.parametrize("table, options, areas", [
    ("tcd_3w_ocha_2021-10.xlsx", ["--template", "symbols"], 23),  # Chad's provinces, built-in boundaries
    ("tcd_hno2023_pin_cible_adm2.xlsx", [], 70),  # Chad's departments
    ("tcd_dtm_r16_lac_site_village_assessment.xlsx", ["--template", "points"], 70),  # 223 sites around Lake Chad
    ("wca_cadre_harmonise_caf_ipc_2014-2023.xlsx", ["--boundaries", "boundaries/ner_adm2.geojson"], 67),  # Niger
])
def test_chad_and_niger_tables_make_interactive_maps(browser, real_data, tmp_path, table, options, areas):
    options = [str(real_data / o) if o.startswith("boundaries/") else o for o in options]
    out = tmp_path / "map.html"
    assert cli.main(["render", "--table", str(real_data / "tables" / table), *options, "--lang", "fr",
                     "-o", str(out)]) == 0
    opened = open_page(browser, out)
    assert opened.errors == [] and opened.outside_requests == []
    assert browser.execute_script("return cartoMap.drawnAreas()") == areas
    if "points" in options:
        assert browser.execute_script("return cartoMap.drawnPoints()") == 223


@browser_test
def test_ten_thousand_village_areas_stay_under_8_mb_and_open_offline(browser, real_data, tmp_path):
    import pyogrio

    layer = real_data / "bench" / "mali_voronoi_10k.gpkg"
    values = pyogrio.read_dataframe(layer, columns=["pcode", "value"], read_geometry=False)
    values.iloc[::3].to_csv(tmp_path / "villages.csv", index=False)  # two areas in three without data
    out = tmp_path / "villages.html"
    assert cli.main(["render", "--table", str(tmp_path / "villages.csv"), "--boundaries", str(layer), "--key-column",
                     "pcode", "--value", "value", "--agg", "sum", "--lang", "en", "-o", str(out)]) == 0
    assert out.stat().st_size < 8_000_000
    payload = payload_of(out)
    assert payload["canvas"] and sum(payload["areas"]["no_data"]) == 10_000 - len(values.iloc[::3])
    assert all(payload["areas"]["geoms"])  # simplified and quantised, no area lost its shape
    names, parents = payload["areas"]["names"], payload["areas"]["parents"]
    twice = set(pd.Series(names)[pd.Series(names).duplicated()])  # village names given to several areas
    assert all(bool(p) == (n in twice) for n, p in zip(names, parents)) and len(twice) > 500  # told apart
    opened = open_page(browser, out)
    assert opened.errors == [] and opened.outside_requests == []
    assert browser.execute_script("return cartoMap.drawnAreas()") == 10_000
    hatched = browser.execute_script(
        "var n = 0; cartoMap.map.eachLayer(function (l) {"
        " if (l.options.cartoArea !== undefined && l.options.fillColor instanceof CanvasPattern) { n++; } }); return n;")
    assert hatched == sum(payload["areas"]["no_data"])  # "no data" hatched on the canvas as on paper


@browser_test
def test_rows_not_on_the_map_are_said_under_it(browser, tmp_path):
    rows = [{"pcode": code, "household": f"HH-{code}-{i}"} for code, n in (("ML0101", 8), ("XX9999", 2)) for i in range(n)]
    pd.DataFrame(rows).to_csv(tmp_path / "with_unknown.csv", index=False)
    out = tmp_path / "map.html"
    assert cli.main(["render", "--table", str(tmp_path / "with_unknown.csv"), "--boundaries",
                     str(SAMPLE / "mali_adm2.geojson"), "--key-column", "pcode", "--lang", "en", "-o", str(out)]) == 0
    open_page(browser, out)
    from selenium.webdriver.common.by import By

    note = browser.find_element(By.ID, "footnote")
    assert note.is_displayed() and note.text.startswith("8 of 10 rows are") and "XX9999" in note.text


@browser_test
def test_an_offline_tile_pack_and_the_logo_are_pictures_inside_the_page(browser, tmp_path):
    from dataclasses import replace

    logo = REPO / "styles" / "thumbnails" / "presence.png"  # any PNG as the organisation's logo
    project = replace(sample_project("en", "presence"), basemap=REPO / "tests" / "data" / "basemap" / "test_pack.png",
                      logo=logo)
    html, _ = build_interactive(project)
    assert '<img id="logo" alt="" src="data:image/png;base64,' in html and str(logo) not in html
    path = save_interactive_map(html, tmp_path / "basemap.html")
    assert payload_of(path)["basemap"]["image"].startswith("data:image/png;base64,")
    assert LOADS.findall(html) == [] and "Synthetic test tiles" in payload_of(path)["texts"]["sources"]
    opened = open_page(browser, path)
    assert opened.errors == [] and opened.outside_requests == []
    assert browser.execute_script("return document.querySelectorAll('img.leaflet-image-layer').length") == 1
    assert browser.execute_script("return document.getElementById('logo').naturalWidth") > 0


@browser_test
def test_a_phone_sized_screen_keeps_the_legend_readable(sample_html):
    driver = start_browser(360, 740)
    try:
        opened = open_page(driver, sample_html["fr"])
        assert opened.errors == []
        box = driver.execute_script(
            "var l = document.querySelector('.carto-legend'); l.open = true; var r = l.getBoundingClientRect();"
            " var s = getComputedStyle(l.querySelector('.carto-label'));"
            " return [r.left, r.right, r.top, r.bottom, parseFloat(s.fontSize), window.innerWidth, window.innerHeight];")
        left, right, top, bottom, font_px, width, height = box
        assert 0 <= left < right <= width and 0 <= top < bottom <= height
        assert font_px >= 11
    finally:
        driver.quit()


# --- the app's Export step ------------------------------------------------------------------------

def test_the_export_step_writes_an_interactive_map_beside_the_pdf(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.preview_ready, timeout=90000):
        window.sample_button.click()
    step = window.export_step
    assert step.format_checks[".html"].text() == "Interactive map (HTML)"
    assert not step.format_checks[".html"].isChecked()  # PNG and PDF by default, as before
    step.format_checks[".html"].setChecked(True)
    step.format_checks[".png"].setChecked(False)
    step.file_edit.setText(str(tmp_path / "partners"))
    with qtbot.waitSignal(window.export_finished, timeout=120000):
        window.export_to(step.paths())
    html, pdf = tmp_path / "partners.html", tmp_path / "partners.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and html.is_file()
    payload = payload_of(html)
    assert payload["texts"]["title"] == "Where humanitarian partners work in Mali"
    assert len(payload["areas"]["geoms"]) == 53 and LOADS.findall(html.read_text(encoding="utf-8")) == []


def _niger_region_rows(real_data, tmp_path, lang: str = "en", template: str = "choropleth"):
    from test_truthful_maps import _niger_3w

    project = Project(table=_niger_3w(real_data, tmp_path), boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                      value_column="Organisation", agg="distinct", lang=lang, template=template, data_credit="OCHA",
                      category_column="Cluster" if template == "sectors" else None)
    html, result = build_interactive(project)
    return save_interactive_map(html, tmp_path / f"ner_{lang}_{template}.html"), result


@pytest.mark.parametrize("lang, label", [("en", "Reported for the whole region only: 17 rows"),
                                         ("fr", "Signalé au niveau région seulement : 17 lignes")])
def test_region_rows_are_marked_on_the_interactive_map_as_on_the_page(real_data, tmp_path, lang, label):
    """Niger 3W: 17 rows give only their region (Agadez 9, Diffa 5, Tillabéri 3). The static page outlines those
    regions and hatches Agadez's five blank départements; the interactive map hatched them grey as "no data"."""
    path, result = _niger_region_rows(real_data, tmp_path, lang)
    payload = payload_of(path)
    blank = result.data.blank_but_reported_above()
    assert blank.sum() == 5 and payload["areas"]["larger"] == blank.tolist()
    assert not any(payload["areas"]["no_data"]) and payload["legend"]["no_data"] is None  # as the page's legend
    assert len(payload["larger"]["outlines"]) == 3
    assert payload["legend"]["larger"]["label"].replace("\u00a0", " ") == label
    assert payload["legend"]["larger"]["shape"] == "larger"
    symbols = payload_of(_niger_region_rows(real_data, tmp_path, lang, "symbols")[0])
    assert len(symbols["larger"]["outlines"]) == 3 and sum(symbols["areas"]["larger"]) == 5


@browser_test
def test_region_rows_are_hatched_and_outlined_in_the_browser(browser, real_data, tmp_path):
    path, _ = _niger_region_rows(real_data, tmp_path)
    opened = open_page(browser, path)
    assert opened.errors == [] and opened.outside_requests == []
    assert browser.execute_script("return cartoMap.largerAreas()") == 5
    assert browser.execute_script("return cartoMap.largerRegions()") == 3
    lines = browser.execute_script("return Array.from(document.querySelectorAll('.carto-larger-entry'), "
                                   "e => e.textContent)")
    assert lines == ["Reported for the whole region only: 17 rows"]


@browser_test
def test_hovering_a_dot_that_stands_for_several_sites_says_how_many(browser, real_data, tmp_path):
    """WHO Mali health facilities, three listed once per service: their dots stand for three sites each."""
    from test_truthful_maps import _facilities_per_service

    _, table = _facilities_per_service(real_data, tmp_path)
    project = Project(table=table, boundaries=real_data / "boundaries" / "mali_adm2.geojson", template="points",
                      lat_column="location.latitude", lon_column="location.longitude", category_column="SERVICE",
                      lang="en", data_credit="OMS")
    path = save_interactive_map(build_interactive(project)[0], tmp_path / "sites.html")
    points = payload_of(path)["points"]
    assert sorted(points["here"]).count(3) == 9 and points["here"].count(1) == 19
    assert "9 sites share their location with another site" in " ".join(payload_of(path)["legend"]["notes"])
    opened = open_page(browser, path)
    assert opened.errors == []
    j = points["here"].index(3)
    browser.execute_script(f"cartoMap.map.eachLayer(function (l) {{ if (l.cartoIndex === {j}) {{ l.fire('mouseover'); }} }});")
    said = browser.execute_script("return document.querySelector('.carto-info').innerText")
    assert "3 sites at this location, drawn as one dot" in said, said
    assert all(service in said for service in ("Consultation", "Vaccination", "Maternité")), said


@browser_test
def test_a_sectors_interactive_map_marks_the_regions_each_sector_reports(browser, real_data, tmp_path):
    """As each panel of the static sectors page: Santé's map outlines and hatches Agadez and Tillabéri (rows
    naming only the region), EHA's Diffa, Nutrition's none."""
    path, _ = _niger_region_rows(real_data, tmp_path, "en", "sectors")
    payload = payload_of(path)
    names = [n.rsplit(" (", 1)[0] for n in payload["sectors"]["names"]]
    assert sorted(names[k] for k in payload["larger"]["sector"]) == ["EHA", "Santé", "Santé"]
    assert payload["legend"]["larger"]["label"] == "Reported for the whole region only: 17 rows"
    opened = open_page(browser, path)
    assert opened.errors == []
    shown = {}
    for k, name in enumerate(names):
        browser.execute_script(f"cartoMap.showSector({k})")
        shown[name] = browser.execute_script("return cartoMap.largerRegions()")
    assert shown == {"Santé": 2, "EHA": 1, "Nutrition": 0}


def _lac_region(real_data, tmp_path, whole_country: bool = False) -> tuple[Path, object]:
    """IOM DTM's Lac site assessment (Chad): every site is in the Lac region, so the map shows it alone."""
    project = Project(table=real_data / "tables" / "tcd_dtm_r16_lac_site_village_assessment.xlsx", lang="fr",
                      whole_country=whole_country)
    html, result = build_interactive(project)
    return save_interactive_map(html, tmp_path / f"lac{'_whole' if whole_country else ''}.html"), result


def test_a_region_map_names_the_regions_around_it_as_the_page_does(real_data, tmp_path):
    """The static page of a region draws the borders and names of the regions around it in light grey; the
    interactive map carries the same regions' borders and the names of those in its first view (Kanem north,
    Hadjer-Lamis south of Lac), and none on a map of the whole country."""
    path, result = _lac_region(real_data, tmp_path)
    assert result.data.region == "Lac"  # the premise: a map of one region
    context = payload_of(path)["context"]
    names = [label["name"] for label in context["labels"]]
    assert {"Kanem", "Hadjer-Lamis"} <= set(names) <= set(result.data.context["name"])
    assert "Lac" not in names and not set(names) & set(payload_of(path)["areas"]["names"])
    assert context["borders"] and context["edge"] == "#b0b0b0"
    spots = {label["name"]: label["xy"] for label in context["labels"]}
    assert spots["Kanem"][1] > spots["Hadjer-Lamis"][1]  # Kanem north of Lac, Hadjer-Lamis south
    whole, _ = _lac_region(real_data, tmp_path, whole_country=True)
    assert payload_of(whole)["context"] == {"borders": [], "labels": [], "edge": "#b0b0b0"}


@browser_test
def test_the_regions_around_are_drawn_light_and_cannot_be_pointed_at(browser, real_data, tmp_path):
    path, _ = _lac_region(real_data, tmp_path)
    opened = open_page(browser, path)
    assert opened.errors == [] and opened.outside_requests == []
    shown = browser.execute_script("""
        var box = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('.carto-context span'), function (e) {
          var r = e.getBoundingClientRect(), s = getComputedStyle(e);
          return [e.textContent, s.fontStyle, s.color, s.pointerEvents,
                  r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom];
        });""")
    assert sorted(s[0] for s in shown) == ["Hadjer-Lamis", "Kanem"]
    assert all(s[1:] == ["italic", "rgb(138, 138, 138)", "none", True] for s in shown), shown
    grey = browser.execute_script("""
        var n = 0;
        cartoMap.map.eachLayer(function (l) {
          if (l instanceof L.Polyline && !(l instanceof L.Polygon) && l.options.color === '#b0b0b0'
              && !l.options.interactive) { n += 1; }
        });
        return n;""")
    assert grey == 1  # the borders: one light line layer, no pointer events
