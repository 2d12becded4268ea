"""Where everything on a drawn page actually is, in millimetres, measured by the renderer.

"No two names overlap", "nothing leaves the page", "the map takes two thirds of the page"
are claims about a drawn page; this report is how tests, and anyone changing the layout,
check them (`carto-desktop render --layout-report FILE.json`).
"""
from __future__ import annotations

import json
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from carto_desktop.carto.drawn import DrawnPage

LABEL_KINDS = ("area_label", "town_label", "capital", "neighbour_label", "water_label", "value_label")
TEXT_KINDS = ("title", "subtitle", "footer", "panel_title") + LABEL_KINDS
BOX_KINDS = ("map_frame", "legend", "scale_bar", "north_arrow", "inset", "logo")


def layout_report(fig: Figure, drawn: DrawnPage) -> dict:
    """`{"page_mm": [w, h], "elements": [{"kind", "text", "bbox_mm": [x0, y0, x1, y1]}]}`, origin bottom left.

    Kinds: map_frame, title, subtitle, legend, scale_bar, north_arrow, inset, footer, logo,
    area_label, town_label, capital (the capital's name), neighbour_label, water_label, panel_title.
    """
    renderer = fig.canvas.get_renderer()
    to_mm = 25.4 / fig.dpi
    elements = []

    def add(kind: str, text: str, box: Bbox | None) -> None:
        if box is not None and box.width > 0 and box.height > 0:
            elements.append({"kind": kind, "text": text,
                             "bbox_mm": [round(v * to_mm, 2) for v in (box.x0, box.y0, box.x1, box.y1)]})

    for ax in drawn.map_axes:
        add("map_frame", "", ax.get_window_extent(renderer))
        for kind in ("scale_bar", "north_arrow"):
            parts = [a for a in ax.get_children() if a.get_gid() == kind and a.get_visible()]
            add(kind, " ".join(t.get_text() for t in parts if hasattr(t, "get_text")), _union(parts, renderer))
        for t in ax.texts:
            if t.get_gid() in LABEL_KINDS and t.get_visible() and t.get_text().strip():
                add(t.get_gid(), t.get_text(), t.get_window_extent(renderer))
    for t in fig.texts:
        if t.get_gid() in TEXT_KINDS and t.get_visible() and t.get_text().strip():
            add(t.get_gid(), t.get_text(), t.get_window_extent(renderer))
    for ax in fig.axes:
        gid = ax.get_gid()
        if gid == "legend":
            parts = [a for a in ax.get_children() if a.get_visible() and a is not ax.patch
                     and not a.__class__.__name__.startswith(("Spine", "XAxis", "YAxis"))
                     and a not in (ax.title, ax._left_title, ax._right_title)]
            add("legend", "\n".join(t.get_text() for t in ax.texts), _union(parts, renderer))
        elif gid in ("inset", "logo"):
            add(gid, "", ax.get_window_extent(renderer))
    w, h = fig.get_size_inches() * 25.4
    return {"page_mm": [round(float(w), 2), round(float(h), 2)], "elements": elements}


def _union(artists, renderer) -> Bbox | None:
    boxes = []
    for a in artists:
        try:
            b = a.get_window_extent(renderer)
        except (TypeError, AttributeError):
            continue
        if b.width > 0 and b.height > 0 and all(abs(v) < 1e7 for v in (b.x0, b.y0, b.x1, b.y1)):
            boxes.append(b)
    return Bbox.union(boxes) if boxes else None


def write_layout_report(fig: Figure, drawn: DrawnPage, path: str | Path) -> Path:
    """Write `layout_report(fig, drawn)` as JSON (atomically, like every output)."""
    from carto_desktop.files import write_atomically

    data = json.dumps(layout_report(fig, drawn), ensure_ascii=False, indent=1).encode("utf-8")
    return write_atomically(Path(path), lambda tmp: Path(tmp).write_bytes(data))


def frame_share(report: dict) -> float:
    """The map frame's share of the page (the box around all frames, for small multiples)."""
    frames = [e["bbox_mm"] for e in report["elements"] if e["kind"] == "map_frame"]
    if not frames:
        return 0.0
    x0, y0 = min(b[0] for b in frames), min(b[1] for b in frames)
    x1, y1 = max(b[2] for b in frames), max(b[3] for b in frames)
    w, h = report["page_mm"]
    return (x1 - x0) * (y1 - y0) / (w * h)


def layout_problems(report: dict, tolerance_mm: float = 0.05) -> list[str]:
    """Plain sentences for what a reader would see as a fault: texts on top of each other, a text
    off the page, a name over the legend, scale bar, north arrow, inset or logo."""
    w, h = report["page_mm"]
    texts = [e for e in report["elements"] if e["kind"] in TEXT_KINDS]
    furniture = [e for e in report["elements"] if e["kind"] in ("legend", "scale_bar", "north_arrow", "inset", "logo")]
    problems = []

    def overlap(a, b) -> bool:
        return min(a[2], b[2]) - max(a[0], b[0]) > tolerance_mm and min(a[3], b[3]) - max(a[1], b[1]) > tolerance_mm

    for e in texts:
        x0, y0, x1, y1 = e["bbox_mm"]
        if x0 < -tolerance_mm or y0 < -tolerance_mm or x1 > w + tolerance_mm or y1 > h + tolerance_mm:
            problems.append(f"{e['kind']} {e['text']!r} runs off the page")
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if overlap(a["bbox_mm"], b["bbox_mm"]):
                problems.append(f"{a['kind']} {a['text']!r} overlaps {b['kind']} {b['text']!r}")
        for f in furniture:
            if overlap(a["bbox_mm"], f["bbox_mm"]):
                problems.append(f"{a['kind']} {a['text']!r} lies over the {f['kind']}")
    boxes = {e["kind"]: e["bbox_mm"] for e in report["elements"] if e["kind"] in ("legend", "inset", "logo")}
    for a, b in (("legend", "inset"), ("legend", "logo"), ("inset", "logo")):
        if a in boxes and b in boxes and overlap(boxes[a], boxes[b]):
            problems.append(f"the {a} overlaps the {b}")
    return problems
