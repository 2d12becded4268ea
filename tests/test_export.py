"""Exports: atomic, and carrying no user name, no file path, no hidden text."""
import getpass
import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import SAMPLE

from carto_desktop.errors import ExportError
from carto_desktop.export import save_map
from carto_desktop.files import write_atomically


@pytest.fixture(scope="module")
def page(sample_fr_result):
    """The sample's Figure and what it drew (`DrawnPage`)."""
    return sample_fr_result.figure, sample_fr_result.drawn


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_exports_hold_no_user_name_or_paths(page, tmp_path, suffix):
    out = save_map(page[0], tmp_path / f"map{suffix}", dpi=60, drawn=page[1])
    data = out.read_bytes()
    for secret in {getpass.getuser(), str(Path.home()), str(SAMPLE), str(tmp_path), "mali_3w_2023-12.xlsx"}:
        if len(secret) > 3:  # "root" is the user here: still must not appear
            assert secret.encode() not in data, secret


def test_png_metadata_is_only_the_software(page, tmp_path):
    out = save_map(page[0], tmp_path / "map.png", dpi=40, drawn=page[1])
    with Image.open(out) as img:
        assert set(img.text) == {"Software"} and img.text["Software"].startswith("Carto Desktop")


def test_pdf_info_has_no_author_or_title_beyond_the_creator(page, tmp_path):
    data = save_map(page[0], tmp_path / "map.pdf", drawn=page[1]).read_bytes()
    info = re.search(rb"<< /Creator .*?>>", data, re.S).group(0)
    keys = set(re.findall(rb"/(\w+) ", info))
    assert keys <= {b"Creator", b"Producer", b"CreationDate"}


def test_svg_has_no_date_and_text_is_drawn_not_hidden(page, tmp_path):
    svg = save_map(page[0], tmp_path / "map.svg", drawn=page[1]).read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert "<text" not in svg  # every letter is a drawn path: no hidden or searchable data text


def test_a_failed_write_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "map.png"
    target.write_bytes(b"previous map")

    def broken(tmp):
        Path(tmp).write_bytes(b"half a ma")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left"):
        write_atomically(target, broken)
    assert target.read_bytes() == b"previous map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temporary file left behind


def test_output_folder_that_cannot_be_made_is_a_clear_error(page, tmp_path):
    blocker = tmp_path / "report.docx"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(ExportError, match="could not be written"):
        save_map(page[0], blocker / "map.png", dpi=30, drawn=page[1])


@pytest.mark.parametrize("deflater", ["zlib-ng", "zlib"])
@pytest.mark.parametrize("height, width", [(1, 1), (3, 5), (481, 637)])
def test_png_holds_exactly_the_pixels_drawn_and_the_resolution(height, width, deflater, monkeypatch):
    """The PNG is written by our own encoder (rows deflated in two halves at once): what any
    reader decodes must be the page's pixels, byte for byte, at the dpi asked for."""
    import io

    import numpy as np

    from carto_desktop import export
    from carto_desktop.export import png_bytes

    if deflater == "zlib":  # a Python without zlib-ng deflates with the standard library
        import zlib

        monkeypatch.setattr(export, "_deflater", zlib)
        monkeypatch.setattr(export, "DEFLATE_LEVEL", 1)
    else:
        assert export._deflater.__name__ == "zlib_ng.zlib_ng"  # a dependency: installed with the app

    rng = np.random.default_rng(7)
    rgb = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    rgb[: height // 2, : width // 2] = (200, 30, 40)  # flat areas, as on a map, and noise
    with Image.open(io.BytesIO(png_bytes(rgb, 300, {"Software": "Carto Desktop"}))) as img:
        assert img.mode == "RGB" and img.size == (width, height)
        assert np.array_equal(np.asarray(img), rgb)
        assert round(img.info["dpi"][0]) == 300 and img.text == {"Software": "Carto Desktop"}
    with Image.open(io.BytesIO(png_bytes(rgb, 300, {}))) as img:
        img.verify()  # chunk checksums

