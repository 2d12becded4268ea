"""An atlas: one map per region, same classes on every page, in a PDF or one file per region."""
import subprocess
import sys
from dataclasses import replace

import pytest

from conftest import REPO, SAMPLE

from carto_desktop.atlas import atlas_pages, save_atlas
from carto_desktop.errors import OptionError
from carto_desktop.project import sample_project


def test_one_page_per_region_with_its_name_and_the_same_classes():
    pages = list(atlas_pages(sample_project("fr")))
    assert [code for code, _, _, _ in pages] == [f"ML{i:02d}" for i in range(1, 11)]
    segou = next(fig for code, _, fig, _ in pages if code == "ML04")
    title = next(t for t in segou.texts if t.get_gid() == "title").get_text().replace("\n", " ")
    assert title.endswith("— Ségou")
    from carto_desktop.carto.thematic import area_classes
    from carto_desktop.project import prepare_map

    prepared = prepare_map(sample_project("fr"))
    keys = prepared.data.keys  # the pages are the parent areas matching knows (one parent-level finder)
    assert [code for code, _, _, _ in pages] == sorted(set(prepared.layer[keys.parent_id_column].astype(str)))
    national = {int(u) for u in area_classes(prepared.data, prepared.template).upper[:-1]}
    inner_uppers = set()
    for _, _, fig, _ in pages:
        legend = next(ax for ax in fig.axes if ax.get_gid() == "legend")
        ranges = [t.get_text().split("  (")[0] for t in legend.texts if " – " in t.get_text()]
        inner_uppers |= {int(r.split(" – ")[1]) for r in ranges[:-1]}
    assert inner_uppers and inner_uppers <= national  # breaks come from the whole country, not each page


def test_pdf_atlas_has_a_page_per_region(tmp_path):
    out = tmp_path / "atlas.pdf"
    proc = subprocess.run([sys.executable, "-m", "carto_desktop", "render", "--table",
                           str(SAMPLE / "mali_3w_2023-12.xlsx"), "--boundaries", str(SAMPLE / "mali_adm2.geojson"),
                           "--atlas", "-o", str(out), "--lang", "en"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 10  # one page object per region


def test_png_atlas_writes_one_file_per_region(tmp_path):
    written = save_atlas(sample_project("en"), tmp_path / "map.png", dpi=30)
    assert sorted(p.name for p in written) == [f"map_ML{i:02d}.png" for i in range(1, 11)]


def test_atlas_needs_area_maps_with_parent_codes():
    with pytest.raises(OptionError, match="area maps only"):
        list(atlas_pages(sample_project("en", "points")))
    with pytest.raises(OptionError, match="which region"):
        list(atlas_pages(replace(sample_project("en"), boundaries=SAMPLE / "mali_adm1.geojson", key_column=None)))
