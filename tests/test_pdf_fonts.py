"""PDF maps embed their fonts subset without fontTools' subsetter: the same glyphs, drawn the same."""
import io
import os
import re
import shutil
import subprocess
import zlib

import numpy as np
import pytest

from carto_desktop import pdf_fonts
from carto_desktop.export import save_map
from carto_desktop.pdf_fonts import subset_truetype

TEXT = "Tombouctou, Ségou, Kayes — 1 234,5 % « ville » N'Djaména, Kidal 12°N; Œuvre ﬁ ÀÉÎÕÜ"


@pytest.fixture(scope="module")
def dejavu():
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    with open(path, "rb") as f:
        return f.read()


def _glyphs(font_bytes: bytes, text: str) -> set[int]:
    from matplotlib.ft2font import FT2Font

    font = FT2Font(io.BytesIO(font_bytes))
    return {font.get_char_index(ord(c)) for c in text}


def _drawn(font_bytes: bytes, text: str, flags) -> list[np.ndarray]:
    """Each letter as FreeType draws it at 9 pt, 150 dpi (letter by letter: the page's layout, kerning
    included, is matplotlib's, made with the whole font)."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(io.BytesIO(font_bytes))
    font.set_size(9, 150)
    drawn = []
    for c in text:
        font.set_text(c, 0.0, flags=flags)
        font.draw_glyphs_to_bitmap()
        drawn.append(np.asarray(font.get_image()).copy())
    return drawn


BUNDLED = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif-Italic.ttf", "STIXGeneralBol.ttf"]  # matplotlib's


@pytest.mark.parametrize("name", BUNDLED)
def test_a_subset_draws_the_text_as_the_whole_font_and_as_fonttools_subset(name):
    """Outlines as the whole font's; hinted in every FreeType mode exactly as fontTools' subset is (FreeType's
    auto-hinter measures a font on letters such as 'o' and 'H', which neither subset keeps unless used)."""
    from matplotlib import get_data_path
    from matplotlib.backends._backend_pdf_ps import font_as_file, get_glyphs_subset
    from matplotlib.font_manager import FontPath
    from matplotlib.ft2font import LoadFlags

    path = f"{get_data_path()}/fonts/ttf/{name}"
    with open(path, "rb") as f:
        whole = f.read()
    glyphs = _glyphs(whole, TEXT) - {0}
    text = "".join(c for c in TEXT if _glyphs(whole, c) != {0})
    ours = subset_truetype(whole, glyphs)
    assert ours is not None and len(ours) < len(whole) / 2
    with get_glyphs_subset(FontPath(path, 0), glyphs) as theirs:
        fonttools = font_as_file(theirs.font).getvalue()
    drawn = _drawn(ours, text, LoadFlags.NO_HINTING)
    assert all(np.array_equal(a, b) for a, b in zip(drawn, _drawn(whole, text, LoadFlags.NO_HINTING)))
    assert sum(a.sum() for a in drawn) > 0
    for flags in (LoadFlags.DEFAULT, LoadFlags.FORCE_AUTOHINT, LoadFlags.TARGET_LIGHT, LoadFlags.NO_HINTING):
        assert all(np.array_equal(a, b) for a, b in zip(_drawn(ours, text, flags), _drawn(fonttools, text, flags)))
    # a letter the page does not use is gone
    assert _drawn(ours, "W", LoadFlags.NO_HINTING)[0].max() == 0


def test_a_subset_is_a_valid_font_with_the_same_glyph_numbers(dejavu):
    from fontTools.ttLib import TTFont

    glyphs = _glyphs(dejavu, TEXT)
    whole = TTFont(io.BytesIO(dejavu))
    part = TTFont(io.BytesIO(subset_truetype(dejavu, glyphs)), checkChecksums=2)  # table checksums checked
    order, names = whole.getGlyphOrder(), part.getGlyphOrder()  # the subset has no glyph names: made up
    assert part["maxp"].numGlyphs == len(order) == len(names)
    assert not {"GSUB", "GPOS", "GDEF", "kern"} & set(part.keys())  # layout tables a PDF reader never uses
    wglyf, pglyf = whole["glyf"], part["glyf"]
    composites = [g for g in glyphs if wglyf[order[g]].isComposite()]
    assert composites, "the text uses composite glyphs, whose parts must be kept"
    parts = {whole.getGlyphID(c.glyphName) for g in composites for c in wglyf[order[g]].components}
    for g in glyphs | parts:
        assert pglyf[names[g]].getCoordinates(pglyf)[0] == wglyf[order[g]].getCoordinates(wglyf)[0], order[g]
        assert part["hmtx"][names[g]] == whole["hmtx"][order[g]]
    assert pglyf[names[whole.getGlyphID("W")]].numberOfContours == 0
    # the whole file's checksum, as the OpenType specification asks
    data = subset_truetype(dejavu, glyphs)
    words = np.frombuffer(data + b"\0" * (-len(data) % 4), dtype=">u4")
    assert int(words.sum(dtype=np.uint64) & 0xFFFFFFFF) == 0xB1B0AFBA


@pytest.mark.parametrize("data", [b"", b"OTTO" + b"\0" * 200, b"ttcf" + b"\0" * 200, b"\x00\x01\x00\x00\x00\x09"])
def test_a_font_it_cannot_subset_is_left_to_fonttools(data):
    assert subset_truetype(data, {1, 2, 3}) is None


def test_a_truncated_font_is_left_to_fonttools(dejavu):
    assert subset_truetype(dejavu[: len(dejavu) // 2], {36, 37}) is None


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Each object of a PDF, its stream inflated; the font programs (/Length1) and the maps of the PDF's
    character codes to the font's glyph numbers (which fontTools renumbers) left out."""
    found, glyph_maps = {}, set(map(int, re.findall(rb"/CIDToGIDMap (\d+) 0 R", pdf)))
    for number, body in re.findall(rb"\n(\d+) 0 obj\n(.*?)\nendobj", pdf, re.S):
        head, _, stream = body.partition(b"stream\n")
        if b"/Length1" in head or int(number) in glyph_maps:
            continue
        if stream and b"/FlateDecode" in head:
            stream = zlib.decompressobj().decompress(stream)
        head = re.sub(rb"/Length \d+", b"", head)
        found[int(number)] = re.sub(rb"/CreationDate \(.*?\)", b"", head) + stream
    return found


def test_a_pdf_map_is_the_same_document_whichever_way_its_fonts_are_subset(sample_fr_result, tmp_path, monkeypatch):
    fig, drawn = sample_fr_result.figure, sample_fr_result.drawn
    ours = save_map(fig, tmp_path / "ours.pdf", drawn=drawn).read_bytes()
    monkeypatch.setattr(pdf_fonts, "subset_truetype", lambda data, glyphs: None)  # every font to fontTools
    theirs = save_map(fig, tmp_path / "fonttools.pdf", drawn=drawn).read_bytes()
    assert ours.count(b"/FontFile2") == theirs.count(b"/FontFile2") >= 2
    mine, fonttools = _objects(ours), _objects(theirs)
    assert len(mine) > 20 and mine == fonttools  # same text, character codes, widths, drawing; only the fonts differ


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed (CI installs it)")
def test_a_pdf_map_looks_the_same_whichever_way_its_fonts_are_subset(sample_fr_result, tmp_path, monkeypatch):
    """Drawn by poppler, a PDF reader's own renderer: every pixel the same as with fontTools' subsets."""
    from PIL import Image

    fig, drawn = sample_fr_result.figure, sample_fr_result.drawn
    save_map(fig, tmp_path / "ours.pdf", drawn=drawn)
    monkeypatch.setattr(pdf_fonts, "subset_truetype", lambda data, glyphs: None)
    save_map(fig, tmp_path / "fonttools.pdf", drawn=drawn)
    pixels = []
    for name in ("ours", "fonttools"):
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True, timeout=120)
        with Image.open(tmp_path / f"{name}.png") as img:
            pixels.append(np.asarray(img.convert("RGB")))
    assert pixels[0].shape == pixels[1].shape and (pixels[0] < 128).any()  # a page with dark text on it
    assert np.array_equal(pixels[0], pixels[1])


def _figure_with_texts(texts: list[tuple[str, str]]):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 2))
    for i, (family, text) in enumerate(texts):
        fig.text(0.02, 0.85 - 0.3 * i, text, fontsize=12, family=family)
    return fig


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_letters_of_a_monospaced_font_or_a_script_dejavu_lacks_keep_their_widths(tmp_path, monkeypatch):
    """A title in Amharic or Chinese (drawn from matplotlib's Last Resort font: a box per letter naming its
    script) or a template's monospaced font: in these fonts most glyphs take their advance from the last of
    the font's first few metrics (hhea's numberOfHMetrics: 2 in Last Resort, 4 in DejaVu Sans Mono). Emptying
    that glyph's metrics when the page did not use it gave every other letter a width of 0: the letters
    drawn on top of each other and the PDF's text run together for search and copy."""
    fig = _figure_with_texts([("DejaVu Sans", "Région: አማርኛ 中文 ⵜⴰⵎⴰⵣⵉⵖⵜ"), ("DejaVu Sans Mono", "Mopti 12 345 (Ségou)")])
    ours = save_map(fig, tmp_path / "ours.pdf", drawn=None).read_bytes()
    monkeypatch.setattr(pdf_fonts, "subset_truetype", lambda data, glyphs: None)
    theirs = save_map(fig, tmp_path / "fonttools.pdf", drawn=None).read_bytes()
    assert ours.count(b"/FontFile2") == theirs.count(b"/FontFile2") >= 3  # DejaVu Sans, Last Resort, Mono
    assert _objects(ours) == _objects(theirs)  # the widths (/W) each letter advances by included


@pytest.mark.parametrize("name", ["LastResortHE-Regular.ttf", "DejaVuSansMono.ttf", "DejaVuSans.ttf"])
def test_every_kept_glyph_advances_as_in_the_whole_font(name):
    from matplotlib import get_data_path
    from matplotlib.ft2font import FT2Font, LoadFlags

    path = f"{get_data_path()}/fonts/ttf/{name}"
    if not os.path.exists(path):  # Last Resort comes with matplotlib 3.10 and later
        pytest.skip(f"{name} is not among this matplotlib's fonts")
    with open(path, "rb") as f:
        whole = f.read()
    full = FT2Font(io.BytesIO(whole))
    glyphs = {full.num_glyphs - 1, full.num_glyphs // 2, 5}  # the last glyphs lie past the long metrics
    part = FT2Font(io.BytesIO(subset_truetype(whole, glyphs)))
    for g in glyphs:
        assert (part.load_glyph(g, flags=LoadFlags.NO_SCALE).horiAdvance
                == full.load_glyph(g, flags=LoadFlags.NO_SCALE).horiAdvance > 0), g
