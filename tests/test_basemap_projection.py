"""Offline basemaps, the user's projection and the organisation's logo."""
import json
import subprocess
import sys
from dataclasses import replace

import pytest

from conftest import REPO

from carto_desktop.carto.basemap import open_tile_pack
from carto_desktop.errors import DataError, OptionError
from carto_desktop.export import save_map
from carto_desktop.project import build_map, sample_project

PACK = REPO / "tests" / "data" / "basemap" / "test_pack.png"


def test_local_tile_pack_is_drawn_and_credited_with_network_blocked(tmp_path):
    result = build_map(replace(sample_project("en"), basemap=PACK))
    footer = next(t for t in result.figure.texts if t.get_gid() == "footer").get_text().replace("\n", " ")
    assert "basemap: Synthetic test tiles" in footer
    images = [im for ax in result.figure.axes for im in ax.images]
    assert len(images) == 1
    rgba = images[0].get_array()
    assert rgba.shape[2] == 4 and rgba[..., 3].max() == 255 and rgba[..., 3].min() == 0  # edges transparent
    out = save_map(result.figure, tmp_path / "with_tiles.pdf", drawn=result.drawn)
    assert b"/Subtype /Image" in out.read_bytes()


@pytest.mark.parametrize("template", ["choropleth", "presence", "sectors", "symbols", "points", "social_card"])
def test_every_template_renders_with_a_local_basemap(template, tmp_path):
    result = build_map(replace(sample_project("fr", template), basemap=PACK))
    out = save_map(result.figure, tmp_path / f"{template}.png", dpi=40, drawn=result.drawn)
    assert out.stat().st_size > 10_000


def test_missing_or_broken_tile_pack_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        open_tile_pack(tmp_path / "none.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    with pytest.raises(DataError, match="not a PNG image with its .json description"):
        open_tile_pack(bad)
    old_geotiff = tmp_path / "mali.tif"  # a pack from before format 1
    old_geotiff.write_bytes(b"II*\x00" + bytes(100))
    (tmp_path / "mali.tif.json").write_text('{"attribution": "OSM"}', encoding="utf-8")
    with pytest.raises(DataError, match="not a PNG image") as err:
        open_tile_pack(old_geotiff)
    assert "mali.tif" in err.value.text("fr") and "basemap download" in err.value.text("fr")


def test_basemap_download_offline_fails_fast_with_exit_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "carto_desktop", "basemap", "download", "--bbox", "-12", "10", "4",
                           "25", "--zoom", "4", "-o", str(tmp_path / "p.png"), "--lang", "en"],
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "", "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
                               "NO_PROXY": ""})
    assert proc.returncode == 2
    assert "no internet connection" in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no pack, no .json, no temporary file


def test_projection_can_be_chosen_in_metres_and_is_named_in_the_footer():
    result = build_map(replace(sample_project("en"), projection="EPSG:32630"))
    footer = next(t for t in result.figure.texts if t.get_gid() == "footer").get_text()
    assert "UTM zone 30N" in footer and "EPSG:32630" in footer
    with pytest.raises(OptionError, match="metres"):
        build_map(replace(sample_project("en"), projection="EPSG:4326"))


def test_logo_from_the_template_is_drawn_in_the_header(tmp_path):
    import matplotlib.image as mpimg
    import numpy as np

    spec = json.loads((REPO / "styles" / "choropleth.json").read_text(encoding="utf-8"))
    logo = np.zeros((40, 80, 4))
    logo[..., 2] = 1
    logo[..., 3] = 1
    mpimg.imsave(tmp_path / "logo.png", logo)
    spec["logo"] = "logo.png"
    (tmp_path / "ngo.json").write_text(json.dumps(spec), encoding="utf-8")
    result = build_map(replace(sample_project("en"), template=str(tmp_path / "ngo.json")))
    images = [im for ax in result.figure.axes for im in ax.images]
    assert len(images) == 1
    box = images[0].axes.get_position()
    title = next(t for t in result.figure.texts if t.get_gid() == "title")
    assert box.y0 > 0.8 and box.x1 <= 1.0  # top of the page, inside it
    # the side column of a landscape page: the logo on top, the title under it, never over it
    logo_box = images[0].axes.get_window_extent(result.figure.canvas.get_renderer())
    assert not title.get_window_extent(result.figure.canvas.get_renderer()).overlaps(logo_box)


def test_project_logo_overrides_the_template_and_must_be_a_png(tmp_path):
    import matplotlib.image as mpimg
    import numpy as np

    from carto_desktop.errors import TemplateError

    mpimg.imsave(tmp_path / "ngo.png", np.ones((30, 60, 3)) * [0.1, 0.4, 0.2])
    result = build_map(replace(sample_project("fr"), logo=tmp_path / "ngo.png"))
    assert len([im for ax in result.figure.axes for im in ax.images]) == 1
    (tmp_path / "logo.jpg").write_bytes(b"jpeg")
    with pytest.raises(TemplateError, match="PNG"):
        build_map(replace(sample_project("fr"), logo=tmp_path / "logo.jpg"))
