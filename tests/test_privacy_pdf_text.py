"""The "before you share" check reads a PDF map's text as a reader's search does (its ToUnicode maps),
so a person's name printed on the map is found whatever letters it holds and wherever the title wraps."""
from __future__ import annotations

import csv

from conftest import REPO

from carto_desktop.export import save_map
from carto_desktop.privacy.scan import file_texts, find_values, readable_text


def _pdf(tmp_path, lines: list[str]):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5, 2))
    for i, text in enumerate(lines):
        fig.text(0.02, 0.85 - 0.2 * i, text, fontsize=12, fontweight="bold" if i == 0 else "normal")
    return save_map(fig, tmp_path / "carte.pdf", drawn=None)


def test_names_with_ligatures_dashes_and_letters_beyond_latin1_are_found_in_a_pdf(tmp_path):
    """matplotlib numbers the glyphs of a PDF's text by their Unicode code only up to U+00FF; others
    ("fi" drawn as one ligature, "–", "Œ", "ł", the thin space of "1 553") get small codes that only the
    font's ToUnicode map explains. Read as UTF-16, "Rafiatou" was "Ra\\x00atou": the check said no personal
    value was in a map that printed the name."""
    names = ["Rafiatou Koné", "Œuvre de Łukasz", "Afia – Sokoto", "1 553 ménages"]
    pdf = _pdf(tmp_path, names)
    assert find_values(file_texts(pdf), names) == names
    assert readable_text(pdf).splitlines() == names


def test_a_name_the_title_wraps_over_two_lines_is_found(tmp_path):
    pdf = _pdf(tmp_path, ["Visite de Aminata", "Diallo à Mopti"])
    assert find_values(file_texts(pdf), ["Aminata Diallo"]) == ["Aminata Diallo"]


def test_the_check_finds_a_beneficiarys_name_a_pdf_map_prints(tmp_path):
    """End to end: a table with a column of names, its map's title naming one of them."""
    from carto_desktop.cli import main

    import geopandas as gpd

    table = tmp_path / "visites.csv"
    codes = gpd.read_file(REPO / "sample_data" / "mali_adm2.geojson")["adm2_pcode"].tolist()
    with table.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["admin2_pcode", "Nom du bénéficiaire"])
        for i, code in enumerate(codes):
            w.writerow([code, ["Rafiatou Koné", "Aminata Diallo", "Oumar Traoré"][i % 3]])
    out = tmp_path / "visites.pdf"
    assert main(["render", "--table", str(table), "--boundaries", str(REPO / "sample_data" / "mali_adm2.geojson"),
                 "--title", "Visites de Rafiatou Koné", "--dpi", "40", "--check", "--lang", "en", "-o", str(out)]) == 0
    check = out.with_name("visites.check.md").read_text(encoding="utf-8")
    assert "No value of the personal columns" not in check, check
