"""Maps that tell the truth about the data (issue 14), on real OCHA/IOM tables.

Each test names the defect it guards against: what the map said before, wrongly.
"""
from __future__ import annotations

import re
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
    assert [" ".join(t.split()) for t in notes] == ["Hidden: counts of people under 5, to protect them."]


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


# --- long-format tables, every row accounted for, the map's data ---------------------------------------------

HNO = "mli_hno2024_hpc_adm2_pcodes.csv"


def _hno_totals(real_data) -> pd.Series:
    """The table's own total row (every breakdown = ALL) per cercle: what the map must show."""
    raw = pd.read_csv(real_data / "tables" / HNO, skiprows=[1])
    total = raw[(raw["Sector"] == "ALL") & (raw["Gender"] == "a") & (raw["Age Range"] == "ALL")
                & (raw["Population Group"] == "ALL") & raw["Admin 2 PCode"].notna()]
    assert total["Admin 2 PCode"].is_unique and len(total) == 53
    return total.set_index("Admin 2 PCode")["In Need"]


def test_hno_map_gives_each_cercle_the_people_in_need_of_its_total_row(real_data, tmp_path, capsys):
    """Mali HNO 2024 (long format): summed per cercle it gave about 5 times the people in need, silently."""
    from carto_desktop import cli

    out = tmp_path / "pin.csv"
    code = cli.main(["render", "--table", str(real_data / "tables" / HNO), "--boundaries",
                     str(real_data / "boundaries" / "mali_adm2.geojson"), "--value", "In Need", "--agg", "sum",
                     "--export-data", str(out), "--dpi", "40", "--lang", "en", "-o", str(tmp_path / "pin.png")])
    captured = capsys.readouterr()
    assert code == 0
    exported = pd.read_csv(out, encoding="utf-8-sig", dtype={"area_id": str}).set_index("area_id")
    assert list(exported.columns) == ["area_name", "value", "records", "shown", "class", "colour", "note"]
    expected = _hno_totals(real_data)
    assert exported["value"].to_dict() == expected.to_dict()  # exactly, cercle by cercle
    assert (exported["records"] == 1).all() and (exported["shown"] == "value").all()
    assert "uses the 53 total rows (Sector, Gender, Age Range, Population Group = all)" in captured.err
    assert "53 of 1,323 rows are on the map." in captured.out
    assert "1,172 are breakdowns of the totals used" in captured.out
    assert "58 give only a larger area (Admin 1 PCode)" in captured.out


def test_every_row_is_accounted_for_on_the_map_itself(real_data):
    result = build_map(_real(real_data, HNO, "mali_adm2.geojson", value_column="In Need", agg="sum", lang="fr"))
    footer = next(t.get_text() for t in result.figure.texts if t.get_gid() == "footer")
    flat = " ".join(footer.split())
    assert flat.startswith("53 lignes sur 1 323 sont cartographiées ; 1 172 ventilent les totaux utilisés")
    assert "58 ne donnent qu'une zone plus grande (Admin 1 PCode)" in flat
    subtitle = next(t.get_text() for t in result.figure.texts if t.get_gid() == "subtitle")
    assert "lignes de total" in " ".join(subtitle.split())


def test_a_table_with_totals_for_some_areas_only_is_refused_plainly(real_data, tmp_path, capsys):
    from carto_desktop import cli

    raw = pd.read_csv(real_data / "tables" / HNO, dtype=str, keep_default_na=False)
    total = (raw["Sector"] == "ALL") & (raw["Gender"] == "a") & (raw["Age Range"] == "ALL") \
        & (raw["Population Group"] == "ALL") & raw["Admin 2 PCode"].isin(["ML0101", "ML0102"])
    path = tmp_path / "hno_without_two_totals.csv"
    raw[~total].to_csv(path, index=False)
    code = cli.main(["render", "--table", str(path), "--boundaries", str(real_data / "boundaries" / "mali_adm2.geojson"),
                     "--value", "In Need", "--agg", "sum", "--lang", "en", "-o", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "gives totals (Sector, Gender, Age Range, Population Group = all) for some areas only (2 have none" in err
    assert "would count people several times" in err


def test_value_without_agg_is_the_total_of_a_column_of_numbers_and_says_so(real_data, tmp_path, capsys):
    """`--value PIN` without `--agg` silently counted rows: one per département, a map of 1s."""
    from carto_desktop import cli

    out = tmp_path / "pin.geojson"
    code = cli.main(["render", "--table", str(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx"),
                     "--boundaries", str(real_data / "boundaries" / "tcd_adm2.geojson"), "--value", "PIN",
                     "--export-data", str(out), "--dpi", "40", "--lang", "fr", "-o", str(tmp_path / "pin.png")])
    captured = capsys.readouterr()
    assert code == 0
    assert "« PIN » contient des nombres : la carte montre leur total par zone" in captured.err
    import geopandas as gpd

    exported = gpd.read_file(out)
    assert exported["value"].sum() == pytest.approx(7_672_650, abs=1)  # the PIN total of SOURCES.md
    assert "70 lignes sur 70 sont sur la carte." in captured.out


def test_an_organisations_map_exports_no_fewer_than_and_the_colours_drawn(real_data, tmp_path):
    import geopandas as gpd
    from matplotlib.colors import to_hex

    from carto_desktop.map_data import write_map_data

    result = build_map(_real(real_data, "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson",
                             value_column="Organisation Accronyme", agg="distinct", min_count=10))
    path = write_map_data(result.data, result.template, tmp_path / "orgs.gpkg", "en")
    exported = gpd.read_file(path)
    assert len(exported) == 53 and set(exported["shown"]) == {"value"}
    assert (exported["value"] < 10).any()  # small counts of organisations, shown as they are
    drawn = {to_hex(c) for c in next(c for ax in result.figure.axes for c in ax.collections
                                      if c.get_gid() == "areas").get_facecolors()}
    assert set(exported["colour"]) == drawn
    labels = [t.get_text().split("  (")[0] for t in next(ax for ax in result.figure.axes
                                                         if ax.get_gid() == "legend").texts]
    assert set(exported["class"]) <= set(labels)


# --- atlas: the country's classes and colours on every page ----------------------------------------------

def test_atlas_pages_colour_each_class_the_same_as_the_whole_country(real_data):
    """18–21 organisations was orange on one page, yellow on the next and dark red on a third."""
    from carto_desktop.atlas import atlas_pages
    from carto_desktop.map_data import map_table

    project = _real(real_data, "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson",
                    value_column="Organisation Accronyme", agg="distinct")
    prepared = prepare_map(project)
    country = map_table(prepared.data, prepared.template).set_index("area_id")
    code_col, _ = prepared.data.keys.parent_columns(prepared.layer.columns)
    pages = list(atlas_pages(project, prepared))
    assert len(pages) == 10
    compared = 0
    for code, _, fig, _ in pages:
        legend = next(ax for ax in fig.axes if ax.get_gid() == "legend")
        boxes = {p.get_gid(): p.get_facecolor() for p in legend.patches if str(p.get_gid()).startswith("legend-class")}
        assert len(boxes) == 5  # every page lists the country's five classes
        # each area of the page in its country colour
        from matplotlib.colors import to_hex

        fills = {to_hex(c) for c in next(c for ax in fig.axes for c in ax.collections
                                         if c.get_gid() == "areas").get_facecolors()}
        on_page = prepared.data.areas[code_col].astype(str) == code
        ids = prepared.data.areas.loc[on_page, prepared.data.keys.id_column].astype(str)
        assert fills == set(country.loc[ids, "colour"])
        compared += len(ids)
    assert compared == 53


# --- texts in people's words ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, heading, missing", [("en", "People in need", "source not given"),
                                                    ("fr", "Personnes dans le besoin", "source non indiquée")])
def test_texts_say_what_the_numbers_are_never_a_file_name(real_data, lang, heading, missing):
    """Chad PIN: "Sum of PIN" / "Maximum de In Need" (languages mixed), and the subtitle and sources showed
    "tcd_hno2023_pin_cible_adm2.xlsx; tcd_adm2.geojson"."""
    result = build_map(_real(real_data, "tcd_hno2023_pin_cible_adm2.xlsx", "tcd_adm2.geojson", value_column="PIN",
                             agg="sum", lang=lang))
    texts = [" ".join(t.get_text().split()) for t in result.figure.findobj(lambda a: hasattr(a, "get_text"))]
    assert not any(re.search(r"\.(xlsx|geojson|csv)\b|tcd_hno|tcd_adm2", t) for t in texts)
    assert _legend_texts(result.figure)[0].replace("\n", " ") == heading
    title = next(t for t in result.figure.texts if t.get_gid() == "title").get_text().replace("\n", " ")
    assert title.startswith(heading)
    # the projection's centre written as the map's language writes numbers ("15.4°N" in a French footer)
    centre = "centrée sur 15,4°N, 18,7°E" if lang == "fr" else "centred on 15.4°N, 18.7°E"
    assert any(centre in t for t in texts)
    assert any(missing in t for t in texts)
    assert any(missing in n for n in result.notices) or lang == "fr"


def test_the_users_source_and_legend_title_are_on_the_map(real_data, tmp_path):
    from carto_desktop import cli

    out = tmp_path / "pin.svg"
    code = cli.main(["render", "--table", str(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx"),
                     "--boundaries", str(real_data / "boundaries" / "tcd_adm2.geojson"), "--value", "PIN",
                     "--source", "OCHA Tchad, HNO 2023", "--legend-title", "Personnes dans le besoin (PIN)",
                     "--lang", "fr", "--dpi", "40", "-o", str(out)])
    assert code == 0
    from carto_desktop.privacy.scan import readable_text

    text = " ".join(readable_text(out).split())
    assert "OCHA Tchad, HNO 2023" in text and "Personnes dans le besoin (PIN)" in text
    assert "source non indiquée" not in text.split("limites")[0]


# --- classes ---------------------------------------------------------------------------------------------

def _bounds(label: str) -> list[float]:
    return [float(x.replace(",", "")) for x in label.split("  (")[0].split(" – ")]


def test_class_labels_of_decimal_data_never_overlap(real_data):
    """Chad PIN (fractional estimates such as 28432.54): "5,965 – 37,161 / 37,161 – 70,350"."""
    result = build_map(_real(real_data, "tcd_hno2023_pin_cible_adm2.xlsx", "tcd_adm2.geojson", value_column="PIN",
                             agg="sum"))
    labels = [t for t in _legend_texts(result.figure) if " – " in t]
    assert len(labels) == 5
    bounds = [_bounds(t) for t in labels]
    for (_, high), (low, _) in zip(bounds, bounds[1:]):
        assert low == high + 1  # the next class starts one written step above
    assert all("." not in t.split("  (")[0] for t in labels)  # people in the thousands: no decimals


def test_few_distinct_values_give_fewer_classes_than_values(real_data):
    """IOM DTM Mali: 1 to 4 communes per cercle made one class per value."""
    result = build_map(_real(real_data, "mli_dtm_r72_baseline_assessment.xlsx", "mali_adm2.geojson"))
    values = result.data.areas["value"].dropna()
    labels = [t for t in _legend_texts(result.figure) if t.split("  (")[0].replace(" – ", "").isdigit()]
    assert 2 < values.nunique() <= 5
    assert 2 <= len(labels) < values.nunique()


# --- sectors -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, table, boundaries, organisation, page", [
    ("en", "tcd_3w_ocha_2021-10.xlsx", "tcd_adm1.geojson", "Nom de l'organisation", None),  # 11 clusters, 8 panels
    ("fr", "tcd_3w_ocha_2021-10.xlsx", "tcd_adm1.geojson", "Nom de l'organisation", None),
    ("fr", "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson", "Organisation Accronyme", None),
    # a social card's legend has no room for notes: the sectors left out were dropped from it without a word
    ("en", "tcd_3w_ocha_2021-10.xlsx", "tcd_adm1.geojson", "Nom de l'organisation", "square_1080"),
    ("fr", "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson", "Organisation Accronyme", "square_1080")])
def test_every_sector_is_drawn_or_named_and_panel_titles_never_overlap(real_data, lang, table, boundaries,
                                                                      organisation, page):
    """3W sectors: clusters beyond the eighth were dropped without a word, titles ran into each other, and
    the subtitle said "number of organisations per sector" over maps of presence."""
    result = build_map(_real(real_data, table, boundaries, template="sectors", value_column=organisation,
                             agg="distinct", category_column="Cluster", lang=lang, **({"page": page} if page else {})))
    every = list(result.data.categories.columns)
    titles = [t for t in result.figure.texts if t.get_gid() == "panel_title"]
    drawn = {" ".join(t.get_text().rsplit(" (", 1)[0].split()) for t in titles}
    legend = " ".join(" ".join(_legend_texts(result.figure)).split())
    for category in every:  # drawn, or named on the page
        assert category in drawn or category in legend, category
    if len(drawn) < len(every):
        assert f"+{len(every) - len(drawn)} " + ("more not drawn" if lang == "en" else "autres non dessinés") in legend
    renderer = result.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in titles]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    subtitle = " ".join(next(t for t in result.figure.texts if t.get_gid() == "subtitle").get_text().split())
    assert ("number of organisations" not in subtitle) and ("nombre d'organisations" not in subtitle)


# --- the map's data hides what the map hides, and says so ---------------------------------------------------------

def test_export_data_withholds_the_counts_the_map_hides_and_says_so(real_data, tmp_path, capsys):
    """Chad PIN with two départements of 3 people in need: the map shows "fewer than 5", and the file written by
    `--export-data` gave the exact 3 (the value before any hiding) with only a warning to share it with care: the
    small-count rule undone by the file beside the map. The file now withholds them as the map does."""
    from carto_desktop import cli
    from carto_desktop.intake import read_table
    from carto_desktop.map_data import withheld_notice, write_map_data

    table = read_table(real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx")
    df = table.data.copy()
    df.loc[df["ADM2_Pcode"].isin(["TD1902", "TD0701"]), "PIN"] = "3"
    path = tmp_path / "pin.csv"
    df.to_csv(path, index=False)
    out = tmp_path / "pin_data.csv"
    code = cli.main(["render", "--table", str(path), "--boundaries", str(real_data / "boundaries" / "tcd_adm2.geojson"),
                     "--value", "PIN", "--agg", "sum", "--export-data", str(out), "--dpi", "40", "--lang", "en",
                     "-o", str(tmp_path / "pin.png")])
    err = capsys.readouterr().err
    assert code == 0
    exported = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False).set_index("area_id")
    hidden = exported.loc[["TD1902", "TD0701"]]
    assert hidden["value"].tolist() == ["", ""] and hidden["records"].tolist() == ["", ""]
    assert hidden["shown"].tolist() == ["fewer_than"] * 2 and hidden["class"].tolist() == ["Fewer than 5"] * 2
    assert hidden["note"].tolist() == ["Hidden: counts of people under 5, to protect them."] * 2
    assert set(exported.index[exported["shown"] == "fewer_than"]) == {"TD1902", "TD0701"}
    shown = exported[exported["shown"] == "value"]
    assert len(shown) > 60 and (shown["value"] != "").all() and (shown["note"] == "").all()
    line = ("carto-desktop: 2 areas shown as \"fewer than 5\" on the map are written so in pin_data.csv too, without "
            "their figure (column \"note\"); turn the small-count threshold off to have every figure, on the map too.")
    assert line in err.splitlines()
    # the same for the app, in French too; a GeoPackage hides them as well
    result = build_map(Project(table=path, boundaries=real_data / "boundaries" / "tcd_adm2.geojson",
                               value_column="PIN", agg="sum", lang="fr"))
    assert withheld_notice(result.data, result.template, out, "fr") == (
        "2 zones affichées « moins de 5 » sur la carte le sont aussi dans pin_data.csv, sans leur chiffre (colonne "
        "« note ») ; désactivez le seuil des petits effectifs pour avoir tous les chiffres, sur la carte aussi.")
    import geopandas as gpd

    layer = gpd.read_file(write_map_data(result.data, result.template, tmp_path / "pin.gpkg", "fr")).set_index("area_id")
    assert layer.loc[["TD1902", "TD0701"], "value"].isna().all() and layer.loc[["TD1902", "TD0701"], "records"].isna().all()
    assert layer.loc["TD1902", "note"] == "Masqué : effectifs de moins de 5 personnes, pour les protéger."
    # with the threshold off the map shows every figure, and so does the file, with nothing to say
    off = build_map(Project(table=path, boundaries=real_data / "boundaries" / "tcd_adm2.geojson",
                            value_column="PIN", agg="sum", min_count=0))
    assert withheld_notice(off.data, off.template, out, "en") == ""
    exact = pd.read_csv(write_map_data(off.data, off.template, tmp_path / "exact.csv"), encoding="utf-8-sig")
    assert exact.set_index("area_id").loc[["TD1902", "TD0701"], "value"].tolist() == [3, 3]


# --- an admin-name role needs values that are names of areas --------------------------------------------------

def _niger_3w(real_data, folder) -> "Path":
    """A Niger 3W laid out as OCHA Niger's (Région, Département, …, "Etat du Projet" = "En cours"/"Réalisé"),
    from the real OCHA département names; 17 rows give only their region (Agadez 9, Diffa 5, Tillabéri 3), and
    in Agadez only Arlit has rows of its own."""
    import geopandas as gpd

    layer = gpd.read_file(real_data / "boundaries" / "ner_adm2.geojson")
    rows = [{"Région": r.adm1_name, "Département": r.adm2_name, "Organisation": org, "Cluster": cluster,
             "Etat du Projet": state}
            for i, r in enumerate(layer.itertuples()) for org, cluster, state in
            [("ACF", "Nutrition", "En cours"), ("CARE", "EHA", "Réalisé"), ("UNICEF", "Santé", "En cours")][: 1 + i % 3]
            if r.adm1_name != "Agadez" or r.adm2_name == "Arlit"]  # Agadez: partners report for the region
    rows += [{"Région": region, "Département": "", "Organisation": "PAM", "Cluster": cluster, "Etat du Projet": "En cours"}
             for region, cluster, n in (("Agadez", "Santé", 9), ("Diffa", "EHA", 5), ("Tillabéri", "Santé", 3))
             for _ in range(n)]
    path = folder / "ner_3w.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_a_project_status_column_is_not_an_admin_name_column(real_data, tmp_path, capsys):
    """"Etat du Projet" (état = state, an admin-1 word) holding "En cours" and "Réalisé" was taken for a column of
    admin-1 names: the Data step offered it as one and `render` said "17 give only a larger area (Région, Etat du
    Projet)"."""
    from carto_desktop import cli
    from carto_desktop.gui.engine_tasks import inspect_table
    from carto_desktop.intake import read_table
    from carto_desktop.intake.roles import detect_roles

    path = _niger_3w(real_data, tmp_path)
    code = cli.main(["render", "--table", str(path), "--boundaries", str(real_data / "boundaries" / "ner_adm2.geojson"),
                     "--dpi", "30", "--lang", "en", "-o", str(tmp_path / "ner.png")])
    out = capsys.readouterr().out
    assert code == 0
    assert "  17 give only a larger area (Région)" in out.splitlines()
    assert tuple(inspect_table(str(path)).roles["Etat du Projet"]) == ("text", None)  # what the Data step shows
    assert cli.main(["inspect", "--table", str(path), "--lang", "en"]) == 0  # and `inspect`
    lines = capsys.readouterr().out.splitlines()
    assert "  Etat du Projet: text" in lines and "  Région: admin name (admin 1)" in lines
    from carto_desktop.builtin_boundaries.catalogue import find_country
    from carto_desktop.builtin_boundaries.recognise import area_names

    roles = detect_roles(read_table(path), area_names=area_names(find_country("NER"))).columns
    assert (roles["Etat du Projet"].role, roles["Région"].role, roles["Région"].level) == ("text", "admin name", 1)
    assert (roles["Département"].role, roles["Département"].level) == ("admin name", 2)


def test_rows_naming_only_a_region_are_drawn_on_it_and_its_blank_areas_carry_the_mark(real_data, tmp_path):
    """Rows giving a region but no département were counted in a footnote only: Agadez's départements, whose
    only rows are region-level, read "No data" as if nobody worked there."""
    import shapely

    path = _niger_3w(real_data, tmp_path)
    for lang, label in (("en", "Reported for the whole region only: 17 rows"),
                        ("fr", "Signalé au niveau région seulement : 17 lignes")):
        result = build_map(Project(table=path, boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                                   value_column="Organisation", agg="distinct", lang=lang))
        larger = result.data.larger_areas
        assert dict(zip(larger["adm1_pcode"], larger["rows"])) == {"NE001": 9, "NE002": 5, "NE006": 3}
        assert "legend-larger-areas" in _legend_boxes(result.figure)
        assert label in [" ".join(t.split()) for t in _legend_texts(result.figure)]
    drawn = [c for c in result.figure.findobj(PathCollection) if c.get_gid() == "larger-areas"]
    assert len(drawn) == 1 and drawn[0].get_hatch()
    # the hatch lies on the blank areas only: areas with figures of their own keep their colours clear
    assert len(drawn[0].get_paths()) == 5
    assert len([c for c in result.figure.findobj() if c.get_gid() == "larger-areas-outline"]) == 1
    legend = " ".join(_legend_texts(result.figure))
    assert "Aucune donnée" not in legend and "Signalé au niveau région" in legend  # the region's line speaks for them
    # every area the map shows without data lies inside a region drawn as reported for
    areas = result.data.areas
    blank = areas[areas["value"].isna()]
    assert len(blank) == 5 and set(blank["adm1_name"]) == {"Agadez"}
    marked = shapely.union_all(larger.geometry.to_numpy())
    assert all(marked.contains(p) for p in blank.geometry.representative_point())
    # a sectors map: each region on the panel of the sector its rows report
    sectors = build_map(Project(table=path, boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                                template="sectors", value_column="Organisation", agg="distinct",
                                category_column="Cluster"))
    reported = sectors.data.larger_areas
    assert sorted(zip(reported["adm1_pcode"], reported["category"], reported["rows"])) == [
        ("NE001", "Santé", 9), ("NE002", "EHA", 5), ("NE006", "Santé", 3)]
    assert len([c for c in sectors.figure.findobj(PathCollection) if c.get_gid() == "larger-areas"]) == 2
    assert "legend-larger-areas" in _legend_boxes(sectors.figure)


def test_a_long_format_tables_region_rows_are_not_drawn_over_its_cercles(real_data):
    """Mali HNO: its 58 region rows are totals of the same people as the cercles' rows: no region mark."""
    result = build_map(_real(real_data, HNO, "mali_adm2.geojson", value_column="In Need", agg="sum"))
    assert result.data.larger_areas is None
    assert "legend-larger-areas" not in _legend_boxes(result.figure)


def test_a_presence_map_says_presence_and_lists_no_empty_absent_class(real_data):
    """Mali 3W presence: every cercle has activities, yet the legend listed "No activity reported (0)" under
    the heading "Number of organisations" over boxes that show no number."""
    for lang, heading in (("en", "Presence"), ("fr", "Présence")):
        result = build_map(_real(real_data, "mli_3w_ocha_2023-12.xlsx", "mali_adm2.geojson", template="presence",
                                 value_column="Organisation Accronyme", agg="distinct", lang=lang))
        texts = _legend_texts(result.figure)
        assert texts[0] == heading
        assert not any(t.startswith(("No activity reported", "Aucune activité signalée")) for t in texts)
        assert "legend-no-data" not in _legend_boxes(result.figure)


def test_a_map_of_sites_accounts_for_the_rows_it_cannot_draw(real_data, tmp_path, capsys):
    """WHO Mali health facilities: "Hôpital SOMINO DOLO" has no coordinates; the map of sites drew 22 of 23 and
    neither `render` nor the map said so."""
    from carto_desktop import cli

    table = real_data / "tables" / "mli_health_facilities_oms_macroman.csv"
    code = cli.main(["render", "--table", str(table), "--boundaries", str(real_data / "boundaries" / "mali_adm1.geojson"),
                     "--template", "points", "--category", "TYPE", "--dpi", "30", "--lang", "en",
                     "-o", str(tmp_path / "sites.png")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[:2] == ["22 of 23 rows are on the map.", "  1 has no coordinates"]
    # a row whose coordinates cannot be used is named by its row in the file
    raw = pd.read_csv(table, dtype=str, encoding="mac_roman")
    raw.loc[3, "location.latitude"] = "0"
    raw.loc[3, "location.longitude"] = "0"
    bad = tmp_path / "sites.csv"
    raw.to_csv(bad, index=False)
    result = build_map(Project(table=bad, boundaries=real_data / "boundaries" / "mali_adm1.geojson", template="points",
                               category_column="TYPE", lang="fr"))
    footer = " ".join(next(t.get_text() for t in result.figure.texts if t.get_gid() == "footer").split())
    assert footer.startswith("21 lignes sur 23 sont cartographiées ; 1 a des coordonnées inutilisables (ligne 5) ; "
                             "1 n'a pas de coordonnées.")
    assert len(result.data.points) == 21


def test_an_atlas_page_marks_only_its_own_region_with_its_own_rows(real_data, tmp_path):
    """Each atlas page hatched every region reported for, its neighbours too, each saying "17 rows"."""
    from carto_desktop.atlas import atlas_pages

    project = Project(table=_niger_3w(real_data, tmp_path), boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                      value_column="Organisation", agg="distinct")
    marked = {}
    for code, _, fig, _ in atlas_pages(project):
        drawn = [c for c in fig.findobj() if c.get_gid() == "larger-areas-outline"]
        lines = [" ".join(t.split()) for t in _legend_texts(fig) if "whole region" in " ".join(t.split())]
        if drawn:
            marked[code] = lines
        else:
            assert lines == []
    assert marked == {"NE001": ["Reported for the whole region only: 9 rows"],
                      "NE002": ["Reported for the whole region only: 5 rows"],
                      "NE006": ["Reported for the whole region only: 3 rows"]}


def test_households_counted_per_area_say_what_they_count_and_which_rows_are_not_counted(tmp_path, capsys):
    """A Kobo household survey mapped as points is counted per cercle (people): the legend and title said
    "Number of points per area … by cercle", and a household whose GPS point could not be read was left out
    without a word."""
    from carto_desktop import cli

    survey = pd.read_csv(REPO / "tests" / "data" / "privacy" / "kobo_household_survey.csv", dtype=str)
    survey.loc[6, ["_menage/gps_latitude", "_menage/gps_longitude"]] = ["12,6x", "-8,0y"]
    survey.loc[6, "menage/gps"] = "12,6x -8,0y 0 0"
    path = tmp_path / "survey.csv"
    survey.to_csv(path, index=False)
    code = cli.main(["render", "--table", str(path), "--boundaries", str(SAMPLE / "mali_adm2.geojson"),
                     "--template", "points", "--dpi", "30", "--lang", "en", "-o", str(tmp_path / "survey.png")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[:2] == [f"{len(survey) - 1} of {len(survey)} rows are on the map.",
                       "  1 has coordinates that cannot be used (row 8)"]
    result = build_map(Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", template="points", lang="fr"))
    assert _legend_texts(result.figure)[0].replace("\n", " ") == "Nombre de personnes ou de ménages"
    footer = " ".join(next(t.get_text() for t in result.figure.texts if t.get_gid() == "footer").split())
    assert footer.startswith(f"{len(survey) - 1} lignes sur {len(survey)} sont cartographiées ; 1 a des coordonnées "
                             "inutilisables (ligne 8).")


def test_the_interactive_map_says_an_empty_area_has_rows_for_its_whole_region(real_data, tmp_path):
    """The interactive map read "No data" on Agadez's départements whose only rows are region-level: hovering
    such an area says so (and it is hatched as the region's, `test_interactive.py`), the footnote counts them."""
    from carto_desktop.interactive import map_payload
    from carto_desktop.project import page_inputs

    project = Project(table=_niger_3w(real_data, tmp_path), boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                      value_column="Organisation", agg="distinct", lang="fr")
    prepared = prepare_map(project)
    payload = map_payload(prepared.data, prepared.template,
                          page_inputs(project, prepared.template, prepared.data, prepared.layer, prepared.match), "fr")
    areas = payload["areas"]
    blank = [v for v, n in zip(areas["value"], areas["larger"]) if n]
    assert blank == ["Aucune donnée · Signalé au niveau région seulement : 9 lignes"] * 5  # what hovering says


def test_an_atlas_pages_footnote_says_its_row_count_is_the_whole_countrys(real_data, tmp_path):
    """Each atlas page printed "123 of 140 rows are mapped" as if the page's region held 140 rows."""
    from carto_desktop.atlas import atlas_pages

    project = Project(table=_niger_3w(real_data, tmp_path), boundaries=real_data / "boundaries" / "ner_adm2.geojson",
                      value_column="Organisation", agg="distinct", lang="fr")
    code, _, fig, _ = next(iter(atlas_pages(project)))
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.texts)
    assert "Pays entier : 123 lignes sur 140 sont cartographiées" in texts.replace("\u00a0", " ")


@pytest.mark.parametrize("lang, areas, separator", [("en", "10,000 areas", ","), ("fr", "10\u202f000 zones", "\u202f")])
def test_counts_on_the_page_are_written_as_the_language_writes_numbers(real_data, tmp_path, lang, areas, separator):
    """A legend reading "(2036)" and a subtitle "10000 areas" look like a spreadsheet's cells, not a map's text."""
    import pyogrio

    layer = real_data / "bench" / "mali_voronoi_10k.gpkg"
    table = tmp_path / "values.csv"
    pyogrio.read_dataframe(layer, read_geometry=False, columns=["pcode", "value"]).to_csv(table, index=False)
    result = build_map(Project(table=table, boundaries=layer, value_column="value", agg="sum", lang=lang))
    subtitle = next(t.get_text() for t in result.figure.texts if t.get_gid() == "subtitle")
    assert areas in subtitle.replace("\n", " ")
    counts = [re.search(r"\(([\d\u202f,]+)\)$", text) for text in _legend_texts(result.figure)]
    counts = [c[1] for c in counts if c]
    assert len(counts) >= 5 and all(separator in c for c in counts), counts  # each class holds ~2,000 areas
    assert sum(int(c.replace(separator, "")) for c in counts) == 10_000


@pytest.mark.filterwarnings("ignore:Glyph")  # matplotlib's own per-letter warnings: what the notice replaces
@pytest.mark.parametrize("lang, words", [("en", "empty boxes"), ("fr", "carrés vides")])
def test_letters_the_fonts_cannot_draw_are_named_not_left_as_boxes(lang, words):
    """An Amharic or Chinese word in a title reached the map as empty boxes, said only in Python warnings."""
    from carto_desktop.sample import sample_project

    result = build_map(replace(sample_project(lang), title="Partenaires à Gambella ጋምቤላ 中文", lang=lang))
    said = [n for n in result.notices if words in n]
    assert len(said) == 1 and all(letter in said[0] for letter in "ጋምቤላ中文"), result.notices
    assert "à" not in said[0].split(":")[-1]  # letters the fonts have are not listed
    plain = build_map(replace(sample_project(lang), title="Où travaillent les ONG ⵜⴰⵎⴰⵣⵉⵖⵜ (Tifinagh)", lang=lang))
    assert not [n for n in plain.notices if words in n]


def _facilities_per_service(real_data, tmp_path):
    """The WHO's Mali health facilities, three of them listed once per service (as many facility lists are): nine
    rows at three places."""
    from carto_desktop.intake import read_table

    data = read_table(real_data / "tables" / "mli_health_facilities_oms_macroman.csv").data
    data = data[data["location.latitude"].fillna("").str.strip() != ""]
    services = pd.concat([data.assign(SERVICE="Consultation")] +
                         [data.head(3).assign(SERVICE=s) for s in ("Vaccination", "Maternité")], ignore_index=True)
    path = tmp_path / "structures.csv"
    services.to_csv(path, index=False)
    return len(data), path


@pytest.mark.parametrize("lang, said", [
    ("en", "9 sites share their location with another site: each such location is drawn as one dot, ringed in black."),
    ("fr", "9 sites partagent leur emplacement avec un autre site : chacun de ces emplacements est dessiné par un seul point, cerclé de noir.")])
def test_sites_at_the_same_place_are_said_not_drawn_as_one_dot_silently(real_data, tmp_path, lang, said):
    """Rows with the same coordinates were drawn as one dot: the map showed 22 dots for 28 sites and said "Sites
    (28)". The legend, the interactive map and the notices now say so."""
    from carto_desktop.interactive import build_interactive

    places, table = _facilities_per_service(real_data, tmp_path)
    project = Project(table=table, boundaries=real_data / "boundaries" / "mali_adm2.geojson", template="points",
                      lat_column="location.latitude", lon_column="location.longitude", lang=lang,
                      data_credit="OMS")
    result = build_map(project)
    assert len(result.data.points) == places + 6
    legend = " ".join(" ".join(_legend_texts(result.figure)).split())
    assert said in legend, legend
    assert [n for n in result.notices if n == said] and [n for n in result.notices if n.text("en").startswith("9 sites")]
    rings = [c for c in result.figure.findobj() if c.get_gid() == "shared-locations"]
    assert len(rings) == 1 and len(rings[0].get_offsets()) == 3  # the three places, each ringed
    counts = [t.get_text() for t in result.figure.findobj() if hasattr(t, "get_text") and t.get_gid() == "value_label"]
    assert counts and set(counts) == {"\u00d73"}, counts  # "×3" beside those with room (Bamako's are crowded)
    html, _ = build_interactive(project)
    assert said.replace(" :", "\u00a0:") in html or said in html

    alone = build_map(replace(project, table=real_data / "tables" / "mli_health_facilities_oms_macroman.csv"))
    assert "share their location" not in " ".join(_legend_texts(alone.figure)) and not alone.notices


def test_a_sectors_maps_data_leaves_out_small_counts_of_people_per_sector(tmp_path):
    """A sectors map shows presence only, but its data file gave each area's count per sector: 2 households
    receiving food in a cercle. Counts of people under the threshold are left out there too (generated rows)."""
    from carto_desktop.map_data import map_table, withheld_notice

    rows = [{"pcode": code, "menage": f"HH-{code}-{sector}-{i}", "secteur": sector}
            for code, sector, n in (("ML0101", "Vivres", 2), ("ML0101", "Eau", 30), ("ML0102", "Vivres", 40),
                                    ("ML0102", "Eau", 4), ("ML0201", "Eau", 12)) for i in range(n)]
    path = tmp_path / "menages.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    result = build_map(Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode",
                               template="sectors", category_column="secteur", lang="en"))
    assert result.data.counts_people
    table = map_table(result.data, result.template).set_index(["area_id", "category"])
    assert table.loc[("ML0101", "Vivres"), "shown"] == "value"  # present, as the panel shows
    for small in (("ML0101", "Vivres"), ("ML0102", "Eau")):
        assert pd.isna(table.loc[small, "value"]) and table.loc[small, "note"]
    assert table.loc[("ML0102", "Vivres"), "value"] == 40 and table.loc[("ML0201", "Eau"), "value"] == 12
    assert withheld_notice(result.data, result.template, "data.csv") == (
        "2 figures per area and sector under 5 are not written in data.csv, to protect the people counted (the map "
        "shows presence only).")
