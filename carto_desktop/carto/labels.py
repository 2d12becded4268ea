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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import matplotlib.patheffects as pe
from matplotlib.axes import Axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox, ScaledTranslation

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
    taken: list[Bbox] = list(obstacles) + [lb.obstacle for lb in labels if lb.obstacle is not None]
    drawn: list[Text] = []
    dpi_trans = ax.figure.dpi_scale_trans
    for lb in sorted(labels, key=lambda item: item.priority):
        own = lb.obstacle
        spot = _first_free(ax, lb, renderer, frame, [b for b in taken if b is not own], pad_px, dpi_trans)
        if spot is None:
            if lb.marker is not None:
                lb.marker.remove()
                if own is not None:
                    taken.remove(own)
            continue
        text, box = spot
        taken.append(box)
        drawn.append(text)
    return drawn


def _first_free(ax, lb: Label, renderer, frame: Bbox, taken: list[Bbox], pad_px: float, dpi_trans):
    """The first candidate position that is free. Each form of the name is measured once; the
    boxes of the other positions follow by arithmetic (laying text out again is the slow part)."""
    text = ax.text(lb.x, lb.y, "", ha="center", va="center", clip_on=False, gid=lb.kind, **lb.style)
    ax_x, ax_y = ax.transData.transform((lb.x, lb.y))
    px_per_pt = ax.figure.dpi / 72
    for s in lb.texts:
        text.set_text(s)
        measured = text.get_window_extent(renderer)
        w, h = measured.width, measured.height
        for ha, va, dx, dy in lb.positions:
            cx = ax_x + dx * lb.gap_pt * px_per_pt + {"left": w / 2, "center": 0.0, "right": -w / 2}[ha]
            cy = ax_y + dy * lb.gap_pt * px_per_pt + {"bottom": h / 2, "center": 0.0, "top": -h / 2}[va]
            box = Bbox.from_bounds(cx - w / 2, cy - h / 2, w, h).padded(pad_px)
            if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1):
                continue
            if lb.fits is not None and not lb.fits(box):
                continue
            if any(box.overlaps(b) for b in taken):
                continue
            offset = ScaledTranslation(dx * lb.gap_pt / 72, dy * lb.gap_pt / 72, dpi_trans)
            text.set_ha(ha)
            text.set_va(va)
            text.set_transform(ax.transData + offset)
            return text, box
    text.remove()
    return None


def artists_box(artists: Sequence, renderer) -> Bbox | None:
    """The box (display pixels) around drawn artists: an obstacle for labels."""
    boxes = [a.get_window_extent(renderer) for a in artists]
    boxes = [b for b in boxes if b.width > 0 and b.height > 0]
    return Bbox.union(boxes) if boxes else None
