"""Matching quality on real tables: Carto Desktop next to hdx-python-country (OCHA's matcher).

    .venv/bin/pip install hdx-python-country   # for this benchmark only, not a dependency
    .venv/bin/python bench/match_eval.py [--markdown] [--no-gazetteer]

For each table: rows, rows that can be located (their truth is an area of the layer),
rows accepted automatically, wrong among accepted, and the share of locatable rows
matched automatically and correctly. The truth comes from the table's own P-code column
(rows where the table contradicts itself, e.g. the same cercle name with two different
codes, are counted apart as "self-contradicting" and left out of both wrong and locatable),
from GeoNames coordinates (the polygon that contains the point), or, for the traps, from
how they were built: a trap marked "-" has no single right area, so any automatic match of
it is wrong. hdx-python-country is fed the same OCHA P-code list (the fixture in
tests/data/real/boundaries) offline, and the parent P-code when the table has a parent
column (parent names resolved with its own admin-1 matcher, as OCHA's pipelines do).
"""
from __future__ import annotations

import argparse
import csv
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
REAL = REPO / "tests" / "data" / "real"
B = REAL / "boundaries"
T = REAL / "tables"
PCODES = B / "ocha_global_pcodes_adm1_adm2_hdx-python-country_fixture_2026-02-11.csv"
LENGTHS = B / "ocha_global_pcode_lengths_hdx-python-country_fixture_2026-02-11.csv"

from carto_desktop.intake import read_layer, read_table  # noqa: E402
from carto_desktop.match import match_table  # noqa: E402
from carto_desktop.match.boundary_keys import boundary_keys  # noqa: E402
from carto_desktop.names import name_key  # noqa: E402


@dataclass
class Case:
    name: str
    layer: str  # file in tests/data/real/boundaries
    iso3: str
    level: int
    rows: pd.DataFrame  # value, parent (or None), truth ("-" = no single right area)


def _table(path: str, sheet: str | None = None) -> pd.DataFrame:
    return read_table(T / path, sheet).data


def _frame(value, parent, truth) -> pd.DataFrame:
    return pd.DataFrame({"value": list(value), "parent": list(parent) if parent is not None else None,
                         "truth": [str(t).strip().upper() if isinstance(t, str) and t.strip() else None for t in truth]})


def cases(trap_rows: pd.DataFrame | None = None) -> list[Case]:
    out = []
    m3 = _table("mli_3w_ocha_2023-12.xlsx", "ML_5W")
    out.append(Case("Mali 3W 2023 cercles (parent: region)", "mali_adm2.geojson", "MLI", 2,
                    _frame(m3["Cercle"], m3["Region"], m3["admin2Pcod"])))
    out.append(Case("Mali 3W 2023 regions", "mali_adm1.geojson", "MLI", 1,
                    _frame(m3["Region"], None, m3["admin1Pcod"])))
    # commune names typed where cercles are expected: only the communes named like their cercle can
    # be located by name; any other acceptance must at least be the commune's own cercle
    c = m3[m3["Commune"].notna()]
    same = [name_key(v) == name_key(cercle) for v, cercle in zip(c["Commune"], c["Cercle"])]
    out.append(Case("Mali 3W 2023 commune names against cercles (parent: region)", "mali_adm2.geojson", "MLI", 2,
                    _frame(c["Commune"], c["Region"], [t if ok else f"~{t}" for t, ok in zip(c["admin2Pcod"], same)])))
    m5 = _table("mli_5w_ocha_2022-03.xlsx", "ML_5W")
    out.append(Case("Mali 5W 2022 cercles (parent: region)", "mali_adm2.geojson", "MLI", 2,
                    _frame(m5["Cercle"], m5["Region"], m5["admin2Pcod"])))
    td = _table("tcd_3w_ocha_2021-10.xlsx")
    out.append(Case("Chad 3W 2021 provinces", "tcd_adm1.geojson", "TCD", 1,
                    _frame(td["Province"], None, td["Pcode1"])))
    hno = _table("tcd_hno2023_pin_cible_adm2.xlsx")
    out.append(Case("Chad HNO 2023 departements (parent: province)", "tcd_adm2.geojson", "TCD", 2,
                    _frame(hno["ADM2_COUNTY"], hno["ADM1_STATE"], hno["ADM2_Pcode"])))
    ch = _table("wca_cadre_harmonise_caf_ipc_2014-2023.xlsx")
    for cc, iso3, layer, label in (("ML", "MLI", "mali_adm2.geojson", "Mali"), ("BF", "BFA", "bfa_adm2.geojson", "Burkina Faso"),
                                   ("TD", "TCD", "tcd_adm2.geojson", "Chad")):
        s = ch[(ch["adm0_pcod2"] == cc) & ch["adm2_name"].notna()]
        out.append(Case(f"Cadre Harmonise {label} admin 2 (parent: admin 1)", layer, iso3, 2,
                        _frame(s["adm2_name"], s["adm1_name"], s["adm2_pcod2"])))
    gn = pd.read_csv(REAL / "gazetteer_geonames" / "geonames_sahel_P_A.tsv.gz", sep="\t", dtype=str, keep_default_na=False)
    for cc, iso3, layer, label in (("ML", "MLI", "mali_adm2.geojson", "Mali"), ("BF", "BFA", "bfa_adm2.geojson", "Burkina Faso")):
        g = gn[(gn["country_code"] == cc) & (gn["feature_code"] == "ADM2")]
        pts = gpd.GeoDataFrame(g, geometry=gpd.points_from_xy(g["longitude"].astype(float), g["latitude"].astype(float)), crs=4326)
        areas = read_layer(B / layer)
        hit = gpd.sjoin(pts, areas[["adm2_pcode", "geometry"]], predicate="within", how="left")
        hit = hit[~hit.index.duplicated()]
        out.append(Case(f"GeoNames {label} ADM2 names (parent: admin 1; truth: coordinates)", layer, iso3, 2,
                        _frame(hit["name"], hit["admin1_name"], hit["adm2_pcode"].fillna(""))))
    if trap_rows is not None:
        for (layer, iso3, level), rows in trap_rows.groupby(["layer", "iso3", "level"], sort=False):
            has_parent = rows["parent"].notna().any()
            out.append(Case(f"Traps and variants, {layer.split('.')[0]}", layer, iso3, int(level),
                            _frame(rows["value"], rows["parent"] if has_parent else None, rows["truth"])))
    return out


# ---- traps: real names from the boundaries, written the ways that trip matchers up ----------
# (layer, value, parent, truth): truth is an area name of the layer; "-" = no single right area
# (a bare stem, a direction that does not exist, a region name at province level); "~Name" = a
# town or a longer name that is not an area name: locating it by name is not asked for, but if
# a matcher does accept it, it must be that area.
TRAPS = [
    # Chad departements: sister areas told apart by a direction word
    ("tcd_adm2", "Batha", "Batha", "-"), ("tcd_adm2", "Batha E", "Batha", "Batha Est"),
    ("tcd_adm2", "Batha O.", "Batha", "Batha Ouest"), ("tcd_adm2", "Batha-Ouest", None, "Batha Ouest"),
    ("tcd_adm2", "Batha Nord", "Batha", "-"), ("tcd_adm2", "Batha Nord", None, "-"),
    ("tcd_adm2", "Tandjile", "Tandjile", "-"), ("tcd_adm2", "Tandjile O", "Tandjile", "Tandjile Ouest"),
    ("tcd_adm2", "Tandjile Sud", "Tandjile", "-"), ("tcd_adm2", "Tandjile Centre", None, "Tandjilé Centre"),
    ("tcd_adm2", "Mandoul", "Mandoul", "-"), ("tcd_adm2", "Mandoul Occ.", "Mandoul", "Mandoul Occidental"),
    ("tcd_adm2", "Mandoul Or.", None, "Mandoul Oriental"), ("tcd_adm2", "Mandoul Orientale", None, "Mandoul Oriental"),
    ("tcd_adm2", "Kouh", "Logone Oriental", "-"), ("tcd_adm2", "Kouh E", "Logone Oriental", "Kouh Est"),
    ("tcd_adm2", "Kouh West", None, "Kouh Ouest"), ("tcd_adm2", "Tibesti", "Tibesti", "-"),
    ("tcd_adm2", "Tibesti W", "Tibesti", "Tibesti Ouest"), ("tcd_adm2", "Barh El Gazel", "Barh-El-Gazel", "-"),
    ("tcd_adm2", "Barh El Gazel S", "Barh-El-Gazel", "Barh-El-Gazel Sud"),
    ("tcd_adm2", "Barh El Gazel Est", "Barh-El-Gazel", "-"), ("tcd_adm2", "Barh-El-Gazal Nord", None, "Barh-El-Gazel Nord"),
    ("tcd_adm2", "Kanem", "Kanem", "Kanem"), ("tcd_adm2", "Nord-Kanem", "Kanem", "Nord Kanem"),
    # Chad departements: prefixes, articles and misspellings
    ("tcd_adm2", "Departement de la Kabbia", "Mayo-Kebbi Est", "Kabbia"), ("tcd_adm2", "Abtouyur", "Guéra", "Abtouyour"),
    ("tcd_adm2", "Assounga", "Ouaddaï", "Assoungha"), ("tcd_adm2", "Haraze Mangeigne", "Salamat", "Haraze-Mangueigne"),
    ("tcd_adm2", "Ngourkoso", "Logone Occidental", "Ngourkosso"), ("tcd_adm2", "Mayo Binder", None, "Mayo-Binder"),
    # Chad provinces: sister provinces, abbreviations, towns that sound like provinces
    ("tcd_adm1", "Logone", None, "-"), ("tcd_adm1", "Logone Occ.", None, "Logone Occidental"),
    ("tcd_adm1", "Logone Or.", None, "Logone Oriental"), ("tcd_adm1", "Logone Occidentale", None, "Logone Occidental"),
    ("tcd_adm1", "Mayo Kebbi", None, "-"), ("tcd_adm1", "Mayo-Kebbi E", None, "Mayo-Kebbi Est"),
    ("tcd_adm1", "Mayo Kebbi West", None, "Mayo-Kebbi Ouest"), ("tcd_adm1", "Ennedi", None, "-"),
    ("tcd_adm1", "Ennedi E.", None, "Ennedi Est"), ("tcd_adm1", "Ennedi Nord", None, "-"),
    ("tcd_adm1", "Ouadai", None, "Ouaddaï"), ("tcd_adm1", "Region du Guera", None, "Guéra"),
    ("tcd_adm1", "Province du Lac", None, "Lac"), ("tcd_adm1", "Ville de N'Djamena", None, "N'Djamena"),
    ("tcd_adm1", "Chari Baguirmi", None, "Chari-Baguirmi"), ("tcd_adm1", "Moyen Chari", None, "Moyen-Chari"),
    ("tcd_adm1", "Chari", None, "-"), ("tcd_adm1", "Kanem Nord", None, "-"),
    ("tcd_adm1", "Abeche", None, "~Ouaddaï"), ("tcd_adm1", "Mongo", None, "~Guéra"), ("tcd_adm1", "Sarh", None, "~Moyen-Chari"),
    ("tcd_adm1", "Moundou", None, "~Logone Occidental"), ("tcd_adm1", "Doba", None, "~Logone Oriental"),
    ("tcd_adm1", "Bol", None, "~Lac"), ("tcd_adm1", "Ati", None, "~Batha"), ("tcd_adm1", "Mao", None, "~Kanem"),
    ("tcd_adm1", "Sila", None, "Sila"), ("tcd_adm1", "Salamat", None, "Salamat"), ("tcd_adm1", "Silla", None, "-"),
    # Mali cercles: prefixes, suffixes, spacing, misspellings, communes and towns
    ("mali_adm2", "Cercle de Kati", "Koulikoro", "Kati"), ("mali_adm2", "Kati Cercle", None, "Kati"),
    ("mali_adm2", "District de Bamako", None, "Bamako"), ("mali_adm2", "Gourma Rharous", "Tombouctou", "Gourma-Rharous"),
    ("mali_adm2", "Ti-n-Essako", "Kidal", "Tin-Essako"), ("mali_adm2", "Tin Essako", None, "Tin-Essako"),
    ("mali_adm2", "Cercle d'Abeibara", "Kidal", "Abeibara"), ("mali_adm2", "Gourma", None, "-"),
    ("mali_adm2", "Bandiagra", "Mopti", "Bandiagara"), ("mali_adm2", "Tominien", "Ségou", "Tominian"),
    ("mali_adm2", "Youvarou", "Mopti", "Youwarou"), ("mali_adm2", "Koutialla", "Sikasso", "Koutiala"),
    ("mali_adm2", "Baroueli", "Segou", "Baraouéli"), ("mali_adm2", "Anderanboukane", "Ménaka", "Anderamboukane"),
    ("mali_adm2", "Nioro du Sahel", "Kayes", "~Nioro"), ("mali_adm2", "Nioro", "Kayes", "Nioro"), ("mali_adm2", "Niono", "Ségou", "Niono"),
    ("mali_adm2", "Nioro", "Ségou", "-"), ("mali_adm2", "Koro", "Sikasso", "-"), ("mali_adm2", "Kita", "Mopti", "-"),
    ("mali_adm2", "Sevare", "Mopti", "~Mopti"), ("mali_adm2", "Kalaban Coro", "Koulikoro", "~Kati"),
    ("mali_adm2", "Fana", "Koulikoro", "~Dioila"), ("mali_adm2", "Kadiolo", "Sikasso", "Kadiolo"),
    ("mali_adm2", "Kadiola", None, "-"), ("mali_adm2", "Sikaso", "Sikasso", "Sikasso"),
    # Burkina Faso provinces: prefixes, misspellings, region names, towns
    ("bfa_adm2", "Province du Houet", "Hauts-Bassins", "Houet"), ("bfa_adm2", "Province de la Komandjoari", "Est", "Komandjari"),
    ("bfa_adm2", "Kouritenga", "Centre-Est", "Kourittenga"), ("bfa_adm2", "Kourweogo", None, "Kourwéogo"),
    ("bfa_adm2", "Boulkiemde", None, "Boulkiemdé"), ("bfa_adm2", "Boulgou", None, "Boulgou"),
    ("bfa_adm2", "Koulpelgo", "Centre-Est", "Koulpélogo"), ("bfa_adm2", "Sanmatinga", "Centre-Nord", "Sanmatenga"),
    ("bfa_adm2", "Namentega", "Centre-Nord", "Namentenga"), ("bfa_adm2", "Oubritinga", "Plateau Central", "Oubritenga"),
    ("bfa_adm2", "Boucle du Mouhoun", None, "-"), ("bfa_adm2", "Mouhoun", None, "Mouhoun"), ("bfa_adm2", "Nord", None, "-"),
    ("bfa_adm2", "Centre", None, "-"), ("bfa_adm2", "Kadiogo", "Centre", "Kadiogo"),
    ("bfa_adm2", "Djibo", "Sahel", "~Soum"), ("bfa_adm2", "Dori", "Sahel", "~Séno"), ("bfa_adm2", "Kaya", "Centre-Nord", "~Sanmatenga"),
    ("bfa_adm2", "Ouahigouya", "Nord", "~Yatenga"), ("bfa_adm2", "Fada N'Gourma", "Est", "~Gourma"),
    ("bfa_adm2", "Tenkodogo", "Centre-Est", "~Boulgou"), ("bfa_adm2", "Koudougou", "Centre-Ouest", "~Boulkiemdé"),
    ("bfa_adm2", "Gourma", "Est", "Gourma"), ("bfa_adm2", "Kompiena", "Est", "Kompienga"),
]
LAYER_META = {"tcd_adm2": ("TCD", 2), "tcd_adm1": ("TCD", 1), "mali_adm2": ("MLI", 2), "bfa_adm2": ("BFA", 2)}


def trap_rows() -> pd.DataFrame:
    """The traps with truths turned into the layer's codes."""
    from carto_desktop.names import name_key

    rows = []
    for layer, value, parent, truth in TRAPS:
        areas = read_layer(B / f"{layer}.geojson")
        keys = boundary_keys(areas)
        code_of = {name_key(n): c for n, c in zip(areas[keys.name_column], areas[keys.id_column])}
        if truth not in ("-",):
            town = truth.startswith("~")
            code = code_of[name_key(truth.lstrip("~"))]
            truth = ("~" if town else "") + code
        iso3, level = LAYER_META[layer]
        rows.append({"layer": f"{layer}.geojson", "iso3": iso3, "level": level, "value": value, "parent": parent, "truth": truth})
    return pd.DataFrame(rows)


# ---- hdx-python-country, offline ------------------------------------------------------------

def _hdx_levels(iso3: str):
    from hdx.location.adminlevel import AdminLevel
    from hdx.location.country import Country

    Country.set_use_live_default(False)
    with open(PCODES, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Location"] == iso3]
    with open(LENGTHS, encoding="utf-8") as f:
        lengths = list(csv.DictReader(f))
    levels = {}
    for level in (1, 2):
        al = AdminLevel(admin_level=level)
        al.setup_from_iterable(rows, countryiso3s=[iso3])
        al.load_pcode_formats_from_iterable(lengths)
        levels[level] = al
    levels[2].set_parent_admins_from_adminlevels([levels[1]])
    return levels


def hdx_match(case: Case) -> list[str | None]:
    levels = _hdx_levels(case.iso3)
    al = levels[case.level]
    parents: dict[str, str | None] = {}
    cache: dict[tuple[str, str | None], str | None] = {}
    out = []
    has_parent = case.rows["parent"].notna().any()
    for value, parent in zip(case.rows["value"], case.rows["parent"]):
        if not isinstance(value, str) or not value.strip():
            out.append(None)
            continue
        ppcode = None
        if has_parent and isinstance(parent, str) and parent.strip():
            if parent not in parents:
                parents[parent] = levels[1].get_pcode(case.iso3, parent.strip())[0]
            ppcode = parents[parent]
        k = (value, ppcode)
        if k not in cache:
            cache[k] = al.get_pcode(case.iso3, value.strip(), parent=ppcode)[0] if ppcode else al.get_pcode(case.iso3, value.strip())[0]
        out.append(cache[k])
    return out


# ---- scoring ---------------------------------------------------------------------------------

def truth_status(case: Case, names: dict[str, str]) -> pd.Series:
    """Per row: "ok" (locatable), "trap" (no single right area), "unknown" (truth not in layer),
    "contradicts" (the table gives this value other codes more often)."""
    rows = case.rows
    status = pd.Series("ok", index=rows.index)
    status[rows["truth"] == "-"] = "trap"
    status[rows["truth"].str.startswith("~").fillna(False)] = "town"
    status[(status == "ok") & ~rows["truth"].isin(set(names))] = "unknown"
    # the table contradicts itself when its name is another area's name (set aside case, accents
    # and words like "Cercle de"): "Sikasso" with Koutiala's code, or a GeoNames seat whose
    # coordinates fall just across the border of its own cercle
    named = {}
    for area, name in names.items():
        named.setdefault(name_key(name), set()).add(area)
    keys = {v: name_key(v) for v in rows["value"].dropna().unique()}
    other = [bool(named.get(keys.get(v, ""), set()) - {t}) and t not in named.get(keys.get(v, ""), set())
             for v, t in zip(rows["value"], rows["truth"].fillna("").str.lstrip("~"))]
    status[status.isin(["ok", "town"]) & pd.Series(other, index=rows.index)] = "contradicts"
    return status


def score(accepted_ids: list[str | None], status: pd.Series, truth: pd.Series) -> dict[str, float]:
    acc = pd.Series([a is not None for a in accepted_ids], index=truth.index)
    ids = pd.Series(accepted_ids, index=truth.index)
    locatable = status == "ok"
    town_truth = truth.str.lstrip("~")
    wrong = acc & (((status == "ok") & (ids != truth)) | (status == "trap") | ((status == "town") & (ids != town_truth)))
    right = acc & locatable & (ids == truth)
    n_loc = int(locatable.sum())
    return {"accepted": int(acc.sum()), "wrong": int(wrong.sum()), "locatable": n_loc,
            "coverage": 100.0 * int(right.sum()) / n_loc if n_loc else float("nan")}


def run(markdown: bool, use_gazetteer: bool, show_wrong: bool) -> int:
    logging.disable(logging.CRITICAL)
    gaz = "geonames" if use_gazetteer else None  # the GeoNames extract the app ships, its default
    header = ("table", "rows", "locatable", "self-contradicting", "Carto accepted", "Carto wrong", "Carto coverage %",
              "hdx accepted", "hdx wrong", "hdx coverage %")
    lines = []
    failures = 0
    for case in cases(trap_rows()):
        layer = read_layer(B / case.layer)
        k = boundary_keys(layer)
        status = truth_status(case, dict(zip(layer[k.id_column].astype(str), layer[k.name_column].astype(str))))
        t0 = time.perf_counter()
        result = match_table(case.rows[["value", "parent"]], layer, "value",
                             parent_column="parent" if case.rows["parent"].notna().any() else None, gazetteer=gaz)
        ours_s = time.perf_counter() - t0
        ours = [i if s == "matched" else None for i, s in zip(result.rows["match_id"], result.rows["match_status"])]
        t0 = time.perf_counter()
        theirs = hdx_match(case)
        hdx_s = time.perf_counter() - t0
        a, h = score(ours, status, case.rows["truth"]), score(theirs, status, case.rows["truth"])
        ok = a["wrong"] == 0 and (a["coverage"] >= 99.5 or a["locatable"] == 0) and a["wrong"] <= h["wrong"] and \
            (a["locatable"] == 0 or a["coverage"] >= h["coverage"] - 0.5)
        failures += not ok
        lines.append((case.name, len(case.rows), a["locatable"], int((status == "contradicts").sum()), a["accepted"], a["wrong"],
                      f"{a['coverage']:.2f}", h["accepted"], h["wrong"], f"{h['coverage']:.2f}"))
        if show_wrong:
            _show(case, result, theirs, status, ours_s, hdx_s)
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(str(x) for x in line) + " |")
    else:
        for line in lines:
            print(" · ".join(f"{h}: {x}" for h, x in zip(header, line)))
    print(f"tables missing a target: {failures}")
    return 0


def _show(case: Case, result, theirs, status, ours_s, hdx_s) -> None:
    rows = case.rows.assign(ours=result.rows["match_id"].values, st=result.rows["match_status"].values,
                            method=result.rows["match_method"].values, hdx=theirs, status=status.values)
    print(f"--- {case.name}  (carto {ours_s:.2f} s, hdx {hdx_s:.2f} s)")
    bad = rows[((rows.st == "matched") & (rows.ours != rows.truth) & rows.status.isin(["ok", "trap"]))
               | ((rows.st != "matched") & (rows.status == "ok"))
               | (rows.hdx.notna() & (rows.hdx != rows.truth) & rows.status.isin(["ok", "trap"]))]
    if len(bad):
        print(bad.drop_duplicates(["value", "parent"]).to_string(max_rows=80))


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--markdown", action="store_true", help="print a table for docs/benchmarks.md")
    p.add_argument("--no-gazetteer", action="store_true",
                   help="names only: leave out the bundled GeoNames gazetteer (on by default, as in the app)")
    p.add_argument("--show", action="store_true", help="print the rows each matcher gets wrong or misses")
    args = p.parse_args()
    sys.exit(run(args.markdown, not args.no_gazetteer, args.show))
