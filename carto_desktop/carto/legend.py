"""The legend: what each colour, circle or marker means, low to high, no data apart."""
from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.patches import Circle, Rectangle

TEXT_COLOUR = "#222222"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend. `shape`: box, hatched (no data), hidden (dotted: "fewer than N"), larger (a
    region hatched over its areas: rows that name only it), circle (size = radius in mm), marker."""

    label: str
    colour: str
    shape: str = "box"
    size: float = 0.0
    edge: str = "#666666"


@dataclass
class LegendSpec:
    heading: str
    entries: list[LegendEntry] = field(default_factory=list)
    no_data: LegendEntry | None = None
    notes: list[str] = field(default_factory=list)
    # what the map leaves out ("+2 more not drawn: …"): kept on a social card, whose legend has no room for notes
    caveats: list[str] = field(default_factory=list)
    reference: list[LegendEntry] = field(default_factory=list)  # capital, towns, lakes, rivers: set apart


@dataclass(frozen=True)
class LegendFit:
    """How far down its panel a legend reaches: the bottom of its lowest entry, in mm below its top."""

    depth: float

    def fits(self, height_mm: float) -> bool:
        return self.depth <= height_mm + 0.01


def draw_legend(ax: Axes, spec: LegendSpec, font_pt: float, width_mm: float, height_mm: float,
                compact: bool = False) -> LegendFit:
    """Draw `spec` in `ax`, whose data units are millimetres from its top-left corner; returns what it took.

    Millimetre units keep boxes square and spacing even on any page size. Entries beyond the
    panel's foot flow into a next column while there is room for one; past that they would run
    out of the panel (over the footer, their symbols cut): `legend_height` gives the panel's
    height that holds them all.
    """
    ax.set_axis_off()
    ax.set_xlim(0, width_mm)
    ax.set_ylim(-height_mm, 0)
    pt_mm = 0.3528
    line = font_pt * pt_mm * 1.9
    box_w, box_h = font_pt * pt_mm * 2.4, font_pt * pt_mm * 1.45
    y = 0.0
    if spec.heading:
        heading = ax.text(0, y, spec.heading, ha="left", va="top", fontsize=font_pt + 1, fontweight="bold",
                          color=TEXT_COLOUR, linespacing=1.2)
        y -= (spec.heading.count("\n") + 1) * (font_pt + 1) * pt_mm * 1.25 + line * 0.35
        heading.set_gid("legend-heading")
    for note in spec.notes + ([] if compact else spec.caveats):
        ax.text(0, y, note, ha="left", va="top", fontsize=font_pt - 1, color="#555555")
        y -= (note.count("\n") + 1) * font_pt * pt_mm * 1.3 + line * 0.2
    x = 0.0
    entries = list(spec.entries) + ([spec.no_data] if spec.no_data else []) + list(spec.reference)
    # estimated width of each entry when laid out in a row: box, gap, text (≈ 0.55 em a glyph)
    widths = [box_w + 2.5 + max(map(len, e.label.split("\n"))) * font_pt * pt_mm * 0.58 + 4.0 for e in entries]
    top, col_w = y, 0.0
    lowest = y
    for i, e in enumerate(entries):
        if (e is spec.no_data or (spec.reference and e is spec.reference[0])) and not compact:
            y -= line * 0.35  # no data, and the reference features, stand apart from the classes
        if not compact and y < top:
            # a short panel (portrait page): entries flow into a next column instead of out of the box;
            # the reference features move together when they would not all fit
            need = len(spec.reference) * line if spec.reference and e is spec.reference[0] else \
                (2 * e.size + 1.5 if e.shape == "circle" else line)
            if y - need < -height_mm and x + 2 * col_w + 3.0 <= width_mm:
                x, y = x + col_w + 3.0, top
                col_w = 0.0
        if e.shape == "circle":  # its label sits right of the largest circle (they share a centre line)
            largest = max((en.size for en in entries if en.shape == "circle"), default=e.size)
            col_w = max(col_w, max(box_w, 2 * largest) + 2.5 + len(e.label) * font_pt * pt_mm * 0.58)
        else:
            col_w = max(col_w, widths[i] - 4.0)
        if e.shape == "circle":
            r = e.size
            cy = y - r
            largest = max((en.size for en in entries if en.shape == "circle"), default=r)
            cx = x + max(box_w / 2, largest)  # circles share a centre line, all inside the panel
            ax.add_patch(Circle((cx, cy), r, facecolor=e.colour, edgecolor=e.edge, linewidth=0.6, alpha=0.85))
            ax.text(x + max(box_w, 2 * largest) + 2.5, cy, e.label, ha="left", va="center", fontsize=font_pt,
                    color=TEXT_COLOUR)
            step = max(2 * r + 1.5, line)
            drawn = 2 * r
        elif e.shape in ("star", "dot", "line"):
            cx, cy = x + box_w / 2, y - box_h / 2
            if e.shape == "line":
                ax.plot([x, x + box_w], [cy, cy], color=e.colour, linewidth=1.0, solid_capstyle="round")
            else:
                ax.plot([cx], [cy], marker="*" if e.shape == "star" else "o", linestyle="none", color=e.colour,
                        markersize=font_pt * (1.45 if e.shape == "star" else 0.45), markeredgecolor="white",
                        markeredgewidth=0.5)
            ax.text(x + box_w + 2.5, cy, e.label, ha="left", va="center", fontsize=font_pt, color=TEXT_COLOUR)
            step, drawn = line, box_h
        elif e.shape == "marker":
            ax.plot([x + box_w / 2], [y - box_h / 2], marker="o", markersize=font_pt * 0.8, color=e.colour,
                    markeredgecolor="white", markeredgewidth=0.6)
            ax.text(x + box_w + 2.5, y - box_h / 2, e.label, ha="left", va="center", fontsize=font_pt, color=TEXT_COLOUR)
            step, drawn = line, box_h
        else:
            ax.add_patch(Rectangle((x, y - box_h), box_w, box_h, facecolor=e.colour, edgecolor=e.edge, linewidth=0.5,
                                   hatch={"hatched": "////", "hidden": "....", "larger": "\\\\\\\\"}.get(e.shape),
                                   gid="legend-no-data" if e is spec.no_data else
                                   "legend-larger-areas" if e.shape == "larger" else
                                   "legend-reference" if e in spec.reference else
                                   "legend-fewer-than" if e.shape == "hidden" else f"legend-class-{i}"))
            extra = e.label.count("\n") * font_pt * pt_mm * 1.2  # a label wrapped on several lines: from the top
            if extra:
                ax.text(x + box_w + 2.5, y, e.label, ha="left", va="top", fontsize=font_pt, color=TEXT_COLOUR,
                        linespacing=1.15)
            else:
                ax.text(x + box_w + 2.5, y - box_h / 2, e.label, ha="left", va="center", fontsize=font_pt,
                        color=TEXT_COLOUR)
            step = line + extra
            drawn = max(box_h, extra + font_pt * pt_mm * 1.3)
        if compact:  # entries side by side (social card), wrapping to a new row when full
            lowest = min(lowest, y - step)
            x += widths[i]
            if i + 1 < len(entries) and x + widths[i + 1] > width_mm:
                x, y = 0.0, y - step
        else:
            lowest = min(lowest, y - drawn)  # the entry's box, circle or text; not the space after it
            y -= step
    if compact and spec.caveats:  # under the entries' last row, across the legend
        y -= step + line * 0.2
        for note in spec.caveats:
            ax.text(0, y, note, ha="left", va="top", fontsize=font_pt - 1, color="#555555", gid="legend-caveat")
            y -= (note.count("\n") + 1) * font_pt * pt_mm * 1.3
        lowest = min(lowest, y)
    return LegendFit(depth=-lowest)


def legend_height(spec: LegendSpec, font_pt: float, width_mm: float, height_mm: float, step_mm: float = 1.0) -> float:
    """The height a legend panel `width_mm` wide needs to hold every entry of `spec`: `height_mm`
    when they fit in it (in columns), else the least height, by `step_mm`, where they do.

    A portrait page's panel is 31 mm high: five classes, "fewer than 5", "no data", a note and
    the capital, towns, rivers and lakes did not fit in its columns, and the last entries were
    drawn over the footer with their symbols cut off."""
    h = height_mm
    while not draw_legend(_Measure(), spec, font_pt, width_mm, h).fits(h) and h < 4 * height_mm:
        h += step_mm
    return h


class _Measure:
    """An Axes that draws nothing: the legend's own flow run to measure it (`legend_height`)."""

    def __getattr__(self, name: str):
        return _nothing


def _nothing(*args, **kwargs):
    return _Nothing()


class _Nothing:
    def __getattr__(self, name: str):
        return _nothing

    def __iter__(self):
        return iter((_Nothing(),))
