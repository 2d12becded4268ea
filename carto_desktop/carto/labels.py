"""One placement pass for every name in a map frame: towns, areas, water, neighbours.

A reader notices a label on top of another, a name over the scale bar or half out of the
frame long before anything else. Every label is offered here with a priority (the capital
first, then the towns, the areas with the highest values, the largest areas, water and the
neighbouring countries) and a few candidate positions; each one takes the first position that
stays inside the frame, clear of the labels already placed and of the frame's furniture (scale
bar, north arrow, town dots). A label with no free position is left out (its town dot with it),
never drawn on top of something.

Why our own greedy pass and not a library: adjustText (the maintained matplotlib one) pushes
texts apart iteratively after they are drawn (slow on hundreds of labels, no priorities, and it
may move an area's name out of its area), and textalloc places texts beside scatter points only.
Greedy placement by priority over candidate positions is the classic cartographic method
(Imhof's rules as most GIS label engines apply them) and takes a few milliseconds per label.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import matplotlib.patheffects as pe
import numpy as np
from matplotlib.axes import Axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox, ScaledTranslation, TransformedPatchPath

# Around a point symbol, in the order cartographers prefer: right, left, above, below, corners.
AROUND_POINT = (("left", "center", 1, 0), ("right", "center", -1, 0), ("center", "bottom", 0, 1),
                ("center", "top", 0, -1), ("left", "bottom", 0.7, 0.7), ("right", "bottom", -0.7, 0.7),
                ("left", "top", 0.7, -0.7), ("right", "top", -0.7, -0.7))
CENTRED = (("center", "center", 0, 0),)


def halo(width: float = 2.8) -> list:
    """A white outline drawn under the letters (rounded joins, so no spikes). At least 2.6 pt wide
    on 6–8 pt text: narrower, the map's colour shows through the counters of D, O, e as specks."""
    return [pe.Stroke(linewidth=width, foreground="white", joinstyle="round", capstyle="round"), pe.Normal()]


@dataclass
class Label:
    """A name to place: where it belongs (map units), how it looks and where it may go."""

    texts: Sequence[str]  # the name, then shorter or wrapped forms tried if it does not fit
    x: float
    y: float
    kind: str  # the layout report's kind: area_label, town_label, capital, neighbour_label, water_label
    priority: float  # lower is placed first
    style: dict = field(default_factory=dict)
    positions: Sequence[tuple[str, str, float, float]] = CENTRED  # (ha, va, dx, dy) dx/dy in units of `gap_pt`
    gap_pt: float = 0.0
    fits: Callable[[Bbox], bool] | None = None  # extra test on the text's box in display pixels
    marker: object | None = None  # the town's dot: removed when its name finds no place
    obstacle: Bbox | None = None  # the marker's box: other labels keep off it


def place(ax: Axes, labels: Sequence[Label], renderer, obstacles: Sequence[Bbox] = (), pad_px: float = 1.0) -> list[Text]:
    """Place `labels` by priority; returns the texts drawn (each with `gid` = its kind)."""
    frame = ax.get_window_extent(renderer)
    taken = _Taken(list(obstacles) + [lb.obstacle for lb in labels if lb.obstacle is not None])
    drawn: list[Text] = []
    dpi_trans = ax.figure.dpi_scale_trans
    ordered = sorted(labels, key=lambda item: item.priority)
    anchors = ax.transData.transform(np.array([(lb.x, lb.y) for lb in ordered], dtype=float).reshape(-1, 2))
    sizes = _Sizes(ax, renderer)
    # names are never clipped (`clip_on=False`): given a clip path made once, a text is made without working out
    # the axes' own clip box for each name (half the time of making a text: Nigeria's 222 names, 0.03 s)
    unclipped = TransformedPatchPath(ax.patch)
    try:
        for lb, anchor in zip(ordered, anchors):
            own = lb.obstacle
            spot = _first_free(ax, lb, anchor, sizes, frame, taken, pad_px, dpi_trans, skip=own, clip=unclipped)
            if spot is None:
                if lb.marker is not None:
                    lb.marker.remove()
                    if own is not None:
                        taken.remove(own)
                continue
            text, box = spot
            taken.add(box)
            drawn.append(text)
    finally:
        sizes.close()
    return drawn


class _Sizes:
    """The size of a name in a label's style, measured with one scratch text per style: a text made for
    every label tried (Nigeria: 368 a page, 219 placed) cost more than the whole search."""

    def __init__(self, ax: Axes, renderer) -> None:
        self.ax, self.renderer = ax, renderer
        self.scratch: dict[int, tuple[dict, Text]] = {}  # by the style dict's identity (held, so it stays its own)

    def of(self, s: str, style: dict) -> tuple[float, float]:
        kept = self.scratch.get(id(style))
        if kept is None:
            text = self.ax.text(0.0, 0.0, "", ha="center", va="center", clip_on=False, **style)
            kept = self.scratch[id(style)] = (style, text)
        text = kept[1]
        text.set_text(s)
        return _measure(text, self.renderer)

    def close(self) -> None:
        for _style, text in self.scratch.values():
            text.remove()
        self.scratch.clear()


class _Taken:
    """The boxes labels must keep off, as one array: testing a candidate box against all of them is
    one NumPy expression. The same test as `Bbox.overlaps` (edges touching count as overlapping),
    which, called box by box, took 0.3 s of each Nigeria page (774 names, 200,000 tests)."""

    def __init__(self, boxes: list[Bbox]) -> None:
        self.boxes = list(boxes)
        self.extents = np.array([_extents(b) for b in boxes], dtype=float).reshape(-1, 4)

    def add(self, box: Bbox) -> None:
        self.boxes.append(box)
        self.extents = np.vstack([self.extents, _extents(box)])

    def remove(self, box: Bbox) -> None:
        i = next(i for i, b in enumerate(self.boxes) if b is box)
        del self.boxes[i]
        self.extents = np.delete(self.extents, i, axis=0)

    def hit(self, box: Bbox, skip: Bbox | None = None) -> bool:
        """Whether `box` overlaps a taken box (other than `skip`, the label's own marker)."""
        x0, y0, x1, y1 = _extents(box)
        e = self.extents
        hits = (x0 <= e[:, 2]) & (e[:, 0] <= x1) & (y0 <= e[:, 3]) & (e[:, 1] <= y1)
        if skip is not None and hits.any():
            for i in np.flatnonzero(hits):
                if self.boxes[i] is not skip:
                    return True
            return False
        return bool(hits.any())


def _extents(box: Bbox) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) with x0 ≤ x1 and y0 ≤ y1, as `Bbox.overlaps` compares them."""
    x0, y0, x1, y1 = box.extents
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


# Width and height (display pixels) of a text as the page measures it, by (text, font, rotation, line
# spacing, dpi): the app draws the same page again after each edit, and laying a text out is the slow part
# of placement (Nigeria's 774 names: 0.2 s a preview). Bounded, a process's few pages' worth.
_MEASURED: dict[tuple, tuple[float, float]] = {}
_MEASURED_MAX = 20_000


def _measure(text: Text, renderer) -> tuple[float, float]:
    fp = text.get_fontproperties()  # its fields, not the object: a text's font can be changed in place
    font = (tuple(fp.get_family()), fp.get_style(), fp.get_variant(), fp.get_weight(), fp.get_stretch(),
            fp.get_size_in_points(), fp.get_file(), fp.get_math_fontfamily())
    key = (text.get_text(), font, text.get_rotation(), text.get_linespacing(), text.get_usetex(), renderer.dpi)
    size = _MEASURED.get(key)
    if size is None:
        box = text.get_window_extent(renderer)
        size = (box.width, box.height)
        if len(_MEASURED) >= _MEASURED_MAX:
            _MEASURED.clear()
        _MEASURED[key] = size
    return size


def keep_text_sizes() -> None:
    """Keep matplotlib's text sizes for the whole process, not for one drawing (the app's engine process).

    matplotlib measures each line of text with FreeType when it draws it, and remembers the size only
    for the drawing at hand (its cache is per renderer): the app's next preview measures the same
    title, legend and names again, 1-2 ms each (0.05-0.1 s a preview). This wraps matplotlib's
    `text._get_text_metrics_with_cache` with a cache by (text, font, math, dpi) for Agg drawings, whose
    sizes depend on nothing else; other renderers (PDF, SVG) are passed through. If matplotlib no
    longer has that function, nothing changes.
    """
    import matplotlib
    import matplotlib.text as mtext
    from matplotlib.backends.backend_agg import RendererAgg

    real = getattr(mtext, "_get_text_metrics_with_cache", None)
    if real is None or getattr(real, "carto_kept", False):
        return
    sizes: dict[tuple, tuple] = {}

    def metrics(renderer, text, fontprop, ismath, dpi):
        if type(renderer) is not RendererAgg:
            return real(renderer, text, fontprop, ismath, dpi)
        hinting = (matplotlib.rcParams["text.hinting"], matplotlib.rcParams["text.hinting_factor"])
        key = (text, fontprop, ismath, dpi, renderer.dpi, hinting)
        size = sizes.get(key)
        if size is None and _OUTLINED and _LAID_OUT_AT and dpi == renderer.dpi:
            laid_out = _LAID_OUT_AT[-1]  # a text drawn as outlines, in a preview: its size when laid out, scaled
            measured = sizes.get((text, fontprop, ismath, laid_out, laid_out, hinting))
            if measured is not None:
                return tuple(v * dpi / laid_out for v in measured)
        if size is None:
            size = real(renderer, text, fontprop, ismath, dpi)
            if len(sizes) >= _MEASURED_MAX:
                sizes.clear()
            sizes[(text, fontprop.copy(), ismath, dpi, renderer.dpi, hinting)] = size  # a copy: fonts change in place
        return size

    metrics.carto_kept = True  # type: ignore[attr-defined]
    mtext._get_text_metrics_with_cache = metrics
    layout = mtext.Text._get_layout
    if getattr(layout, "carto_kept", False):
        return

    def laid_out(self, renderer):  # which texts are drawn as outlines (`outlines_as_laid_out`)
        if not _LAID_OUT_AT or not self.get_path_effects():
            return layout(self, renderer)
        _OUTLINED.append(self)
        try:
            return layout(self, renderer)
        finally:
            _OUTLINED.pop()

    laid_out.carto_kept = True  # type: ignore[attr-defined]
    mtext.Text._get_layout = laid_out


_LAID_OUT_AT: list[float] = []  # the resolution the page being drawn was laid out at (`outlines_as_laid_out`)
_OUTLINED: list = []  # the text drawn as outlines being laid out now


@contextmanager
def outlines_as_laid_out(layout_dpi: float) -> Iterator[None]:
    """Draw a page laid out at `layout_dpi` (matplotlib's 100) at another resolution (the app's preview at
    screen size, ~72 dpi), placing each text drawn as outlines — a name with a halo — by its size measured
    when the page was laid out, scaled, instead of measuring it again with FreeType at the new size (with
    `keep_text_sizes` on; Nigeria's first map: 219 names, about 0.1 s).

    Only where nobody can see it: such a text is drawn from its glyphs' unhinted outlines, whose extent
    the hinted size at either resolution only approximates (to a fraction of a pixel per letter); the
    scaled size moves a name by at most a pixel on the screen, never its place on the page (laid out as
    before) nor a file (exports are drawn at the resolution they were laid out at, or measured afresh:
    this is used by the app's previews only). Texts drawn as glyphs (titles, legend) are measured as usual.
    """
    _LAID_OUT_AT.append(layout_dpi)
    try:
        yield
    finally:
        _LAID_OUT_AT.pop()


def keep_text_paths() -> None:
    """Keep the outlines of texts drawn with a halo for the whole process (the app's engine processes).

    A text with a path effect (the halo under every place name) is drawn as its glyphs' outlines,
    which matplotlib works out again at each drawing: a quarter of the time of a preview with
    hundreds of names (Nigeria's LGAs: 0.07 s). The outline depends only on the font, the text and
    its layout options, in font units (scaled when drawn), so it is kept by those; TeX passes through.
    """
    from matplotlib.ft2font import LoadFlags
    from matplotlib.textpath import TextToPath

    real = TextToPath.get_text_path
    if getattr(real, "carto_kept", False):
        return
    paths: dict[tuple, tuple] = {}
    glyphs: dict[str, tuple] = {}  # each glyph's outline, in font units, once per process

    def outline(self, prop, s, features, language) -> tuple[list, list]:
        """`TextToPath.get_text_path` of a plain text, each glyph's outline loaded once per process (a first
        map's 219 names load 1,269 glyphs of a few dozen): the same vertices and codes; matplotlib's own
        where the private functions this follows are not there."""
        try:
            font = self._get_font(prop)
            items = font._layout(s, LoadFlags.NO_HINTING, features=features, language=language)
        except (AttributeError, TypeError):
            return real(self, prop, s, ismath=False, features=features, language=language)
        verts, codes = [], []
        for item in items:
            name = self._get_glyph_repr(item.ft_object, item.glyph_index)
            glyph = glyphs.get(name)
            if glyph is None:
                item.ft_object.load_glyph(item.glyph_index, flags=LoadFlags.NO_HINTING)
                glyph = glyphs[name] = item.ft_object.get_path()
            verts.extend(glyph[0] * 1.0 + [item.x, item.y])
            codes.extend(glyph[1])
        return verts, codes

    def get_text_path(self, prop, s, ismath=False, *, features=None, language=None):
        if ismath == "TeX" or type(self) is not TextToPath:
            return real(self, prop, s, ismath=ismath, features=features, language=language)
        key = (s, prop, ismath, None if features is None else tuple(features), language)
        kept = paths.get(key)
        if kept is None:
            verts, codes = (outline(self, prop, s, features, language) if not ismath else
                            real(self, prop, s, ismath=ismath, features=features, language=language))
            kept = (np.array(verts, dtype=float).reshape(-1, 2), list(codes))
            if len(paths) >= _MEASURED_MAX:
                paths.clear()
            paths[(s, prop.copy(), ismath, key[3], language)] = kept  # a copy: fonts change in place
        return kept[0].copy(), list(kept[1])

    get_text_path.carto_kept = True  # type: ignore[attr-defined]
    TextToPath.get_text_path = get_text_path


def _first_free(ax, lb: Label, anchor, sizes: _Sizes, frame: Bbox, taken: _Taken, pad_px: float, dpi_trans,
                skip: Bbox | None = None, clip=None):
    """The first candidate position that is free, as a text added to `ax`. Each form of the name is
    measured once (`anchor`: the label's point in display pixels); the boxes of the other positions
    follow by arithmetic (laying text out again is the slow part)."""
    ax_x, ax_y = anchor
    px_per_pt = ax.figure.dpi / 72
    if all(p == CENTRED[0] for p in lb.positions):
        # a box centred on the anchor holds the anchor: where the anchor itself is refused (outside the frame, or
        # on a label placed before), every form of the name is, whatever its size: it is not measured (Nigeria:
        # 27 of 368 names; the same labels placed)
        point = Bbox.from_bounds(ax_x, ax_y, 0.0, 0.0).padded(pad_px)
        if not (frame.x0 <= point.x0 and point.x1 <= frame.x1 and frame.y0 <= point.y0 and point.y1 <= frame.y1):
            return None
        if taken.hit(point, skip):
            return None
    for s in lb.texts:
        w, h = sizes.of(s, lb.style)
        for ha, va, dx, dy in lb.positions:
            cx = ax_x + dx * lb.gap_pt * px_per_pt + {"left": w / 2, "center": 0.0, "right": -w / 2}[ha]
            cy = ax_y + dy * lb.gap_pt * px_per_pt + {"bottom": h / 2, "center": 0.0, "top": -h / 2}[va]
            box = Bbox.from_bounds(cx - w / 2, cy - h / 2, w, h).padded(pad_px)
            if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1):
                continue
            if lb.fits is not None and not lb.fits(box):
                continue
            if taken.hit(box, skip):
                continue
            offset = ScaledTranslation(dx * lb.gap_pt / 72, dy * lb.gap_pt / 72, dpi_trans)
            unclipped = {} if clip is None else {"clip_path": clip}  # not used: the text is not clipped
            text = ax.text(lb.x, lb.y, s, ha=ha, va=va, clip_on=False, gid=lb.kind, **unclipped, **lb.style)
            text.set_transform(ax.transData + offset)
            return text, box
    return None


def artists_box(artists: Sequence, renderer) -> Bbox | None:
    """The box (display pixels) around drawn artists: an obstacle for labels."""
    boxes = [a.get_window_extent(renderer) for a in artists]
    boxes = [b for b in boxes if b.width > 0 and b.height > 0]
    return Bbox.union(boxes) if boxes else None
