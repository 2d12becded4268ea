"""The fonts a PDF map embeds: only the glyphs the page uses, made without fontTools' subsetter.

matplotlib embeds each font of a PDF as a subset made by fontTools (`fontTools.subset`): importing
that module takes 0.06–0.09 s and subsetting DejaVu Sans's four styles 0.1 s more, a fifth of
writing a PDF map. For a plain TrueType font (glyph outlines in a `glyf` table, as DejaVu Sans and
most system fonts have) a subset is simple enough to make directly: every glyph the page does not
use is left empty, so the glyph numbers stay the same and nothing else in the font needs renumbering
(`subset_truetype`). The layout tables (GSUB, GPOS, GDEF, kern…), which a PDF reader never uses
since matplotlib has laid the text out, and the glyph names are left out, as before. The outlines,
metrics and hinting programs of the glyphs used are the font's own bytes, so the page renders the
same. Any other font (OpenType with CFF outlines, a collection, a damaged file) goes to fontTools.

Hand-written because no library does this one step cheaply; ~100 lines. Checked (`tests/test_pdf_fonts.py`)
against the whole font and fontTools' subset: the same outlines, and in every FreeType hinting mode the
same pixels as fontTools' subset (74 TrueType fonts of this machine and matplotlib's were also checked
once by hand); a PDF map drawn by poppler is the same pixel for pixel either way.
"""
from __future__ import annotations

import importlib.util
import io
import struct
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np

# kept as they are: what a renderer needs to draw and hint the glyphs, and the font's name and metrics
KEPT_TABLES = {b"head", b"hhea", b"maxp", b"OS/2", b"hmtx", b"cmap", b"cvt ", b"fpgm", b"prep", b"glyf", b"loca",
               b"post", b"name", b"gasp", b"hdmx", b"VDMX"}
TRUETYPE = (b"\x00\x01\x00\x00", b"true")
# composite glyph flags (OpenType `glyf` table)
ARG_WORDS, SCALE, MORE, XY_SCALE, TWO_BY_TWO = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


def subset_truetype(data: bytes, glyphs) -> bytes | None:
    """`data` (a TrueType font file) with every glyph but `glyphs` (and .notdef, and the parts of the
    composite glyphs kept) emptied, glyph numbers unchanged; None when the font is not a plain TrueType
    font with `glyf` outlines or does not read as one."""
    try:
        return _subset(data, set(glyphs))
    except (struct.error, ValueError, IndexError, KeyError):
        return None


def _subset(data: bytes, wanted: set[int]) -> bytes | None:
    if data[:4] not in TRUETYPE:
        return None
    count, = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if offset + length > len(data):
            return None
        tables[tag] = data[offset:offset + length]
    if not {b"head", b"maxp", b"loca", b"glyf", b"hhea", b"hmtx"} <= tables.keys():
        return None
    head, glyf = bytearray(tables[b"head"]), tables[b"glyf"]
    n, = struct.unpack_from(">H", tables[b"maxp"], 4)
    long_loca, = struct.unpack_from(">h", head, 50)
    loca = np.frombuffer(tables[b"loca"], dtype=">u4" if long_loca else ">u2", count=n + 1).astype(np.int64)
    if not long_loca:
        loca *= 2
    if (np.diff(loca) < 0).any() or loca[-1] > len(glyf):
        return None

    keep = np.zeros(n, dtype=bool)
    todo = [g for g in wanted | {0} if 0 <= g < n]
    while todo:  # the glyphs asked for, and the glyphs composite ones are made of
        g = todo.pop()
        if g >= n:  # a composite glyph naming a glyph the font does not have
            return None
        if keep[g]:
            continue
        keep[g] = True
        start, end = int(loca[g]), int(loca[g + 1])
        if end - start >= 10 and struct.unpack_from(">h", glyf, start)[0] < 0:
            todo += _components(glyf, start + 10, end)

    sizes = np.where(keep, np.diff(loca), 0)
    padded = (sizes + 3) // 4 * 4
    new_loca = np.concatenate([[0], np.cumsum(padded)]).astype(">u4")
    tables[b"glyf"] = b"".join(glyf[loca[g]:loca[g + 1]] + b"\0" * int(padded[g] - sizes[g])
                               for g in np.flatnonzero(keep))
    tables[b"loca"] = new_loca.tobytes()
    tables[b"hmtx"] = _metrics_kept(tables[b"hmtx"], keep, struct.unpack_from(">H", tables[b"hhea"], 34)[0])
    struct.pack_into(">h", head, 50, 1)  # long offsets
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    tables[b"head"] = bytes(head)
    if b"post" in tables and len(tables[b"post"]) >= 32:  # format 3: no glyph names
        tables[b"post"] = b"\x00\x03\x00\x00" + tables[b"post"][4:32]
    tables = {tag: body for tag, body in tables.items() if tag in KEPT_TABLES}
    return _font_file(data[:4], tables)


def _metrics_kept(hmtx: bytes, keep: np.ndarray, long_metrics: int) -> bytes:
    """The horizontal metrics with those of the emptied glyphs set to zero (they then compress to
    nothing: 10 kB less per font in the PDF). `long_metrics` glyphs have (advance, side bearing), the
    rest a side bearing only and the advance of the last long metric, which is therefore always kept
    (Last Resort, matplotlib's font for letters no other font has, has 2 long metrics for 372 glyphs,
    DejaVu Sans Mono 4 for 3,369: zeroed, their other letters were 0 wide in the PDF)."""
    words = np.frombuffer(hmtx, dtype=">u2").copy()
    long_metrics = min(long_metrics, len(keep))
    if long_metrics < 1 or len(words) < 2 * long_metrics + (len(keep) - long_metrics):
        raise ValueError("hmtx shorter than its glyphs")
    drop = ~keep
    drop[long_metrics - 1] = False  # the advance of every glyph after the long metrics
    words[: 2 * long_metrics].reshape(-1, 2)[drop[:long_metrics]] = 0
    words[2 * long_metrics: 2 * long_metrics + len(keep) - long_metrics][drop[long_metrics:]] = 0
    return words.tobytes()


def _components(glyf: bytes, at: int, end: int) -> list[int]:
    parts = []
    while True:
        flags, glyph = struct.unpack_from(">HH", glyf, at)
        parts.append(glyph)
        at += 4 + (4 if flags & ARG_WORDS else 2)
        at += 2 if flags & SCALE else 4 if flags & XY_SCALE else 8 if flags & TWO_BY_TWO else 0
        if not flags & MORE or at >= end:
            return parts


def _checksum(body: bytes) -> int:
    padded = body + b"\0" * (-len(body) % 4)
    return int(np.frombuffer(padded, dtype=">u4").sum(dtype=np.uint64) & 0xFFFFFFFF)


def _font_file(version: bytes, tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    selector = count.bit_length() - 1
    search = 16 * (1 << selector)
    header = version + struct.pack(">HHHH", count, search, selector, 16 * count - search)
    offset = 12 + 16 * count
    records, bodies = [], []
    for tag in tags:
        body = tables[tag]
        records.append(struct.pack(">4sIII", tag, _checksum(body), offset, len(body)))
        bodies.append(body + b"\0" * (-len(body) % 4))
        offset += len(bodies[-1])
    font = bytearray(header + b"".join(records) + b"".join(bodies))
    head_at = struct.unpack_from(">I", records[tags.index(b"head")], 8)[0]
    struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


class _Subset:
    """What matplotlib's PDF writer receives from `get_glyphs_subset`: the font (our bytes) and the
    glyph numbers, which stay the same."""

    def __init__(self, data: bytes, glyphs) -> None:
        self.font = self
        self.data = data
        self.glyph_index_map = {g: g for g in glyphs}


def defer_fonttools_subset() -> None:
    """Register `fontTools.subset` to load on first use instead of when matplotlib's PDF backend is
    imported (it then never loads when every font is subset here). Nothing changes if it is loaded."""
    if "fontTools.subset" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("fontTools.subset")
        if spec is None or spec.loader is None:
            return
        spec.loader = importlib.util.LazyLoader(spec.loader)  # TypeError for a loader it cannot defer
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except (ImportError, TypeError, ValueError):
        return  # matplotlib imports it in full, as without this
    sys.modules["fontTools.subset"] = module
    setattr(sys.modules["fontTools"], "subset", module)


@contextmanager
def quick_subsets():
    """While a PDF is written, TrueType fonts are subset by `subset_truetype`, others by matplotlib's
    fontTools route (without layout tables: `without_layout_tables`)."""
    defer_fonttools_subset()
    try:
        from matplotlib.backends import _backend_pdf_ps as pdf_ps
    except ImportError:
        yield
        return
    real_subset, real_as_file = getattr(pdf_ps, "get_glyphs_subset", None), getattr(pdf_ps, "font_as_file", None)
    if real_subset is None or real_as_file is None:  # another matplotlib: its own route
        with without_layout_tables():
            yield
        return

    @contextmanager
    def fallback(fontfile, glyphs):
        with without_layout_tables(), real_subset(fontfile, glyphs) as result:
            yield result

    def get_glyphs_subset(fontfile, glyphs):
        glyphs = list(glyphs)
        data = None
        if getattr(fontfile, "face_index", 0) == 0:
            try:
                data = subset_truetype(Path(str(fontfile)).read_bytes(), glyphs)
            except OSError:
                data = None
        if data is None:
            return fallback(fontfile, glyphs)
        return _as_context(_Subset(data, glyphs))

    def font_as_file(font):
        return io.BytesIO(font.data) if isinstance(font, _Subset) else real_as_file(font)

    pdf_ps.get_glyphs_subset, pdf_ps.font_as_file = get_glyphs_subset, font_as_file
    try:
        yield
    finally:
        pdf_ps.get_glyphs_subset, pdf_ps.font_as_file = real_subset, real_as_file


@contextmanager
def _as_context(value):
    yield value


@contextmanager
def without_layout_tables():
    """Embed fonts subset by fontTools without their OpenType layout tables (GSUB, GPOS, GDEF, kern).

    matplotlib lays the text out itself and embeds the glyphs it chose; a PDF reader never
    uses these tables, yet fontTools reads and subsets them for every font: DejaVu Sans's
    kerning alone cost about 0.05 s per font. Same glyphs, same text.
    """
    try:
        from fontTools.subset import Options
    except ImportError:
        yield
        return
    before = getattr(Options, "_drop_tables_default", None)
    if not isinstance(before, list):  # another fontTools: nothing to gain, nothing changed
        yield
        return
    Options._drop_tables_default = before + ["GSUB", "GPOS", "GDEF", "kern"]
    try:
        yield
    finally:
        Options._drop_tables_default = before
