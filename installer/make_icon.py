"""Draw the Carto Desktop icon and write it in every size and format the platforms ask for.

    .venv/bin/python installer/make_icon.py

Outputs (checked in, so builds need no drawing step): ui/carto-desktop.png (the window icon,
shipped with the app), installer/icons/carto-desktop.ico (Windows: executables, installer,
.cartoproj files), installer/icons/carto-desktop.icns (macOS), installer/icons/carto-desktop-256.png
(Linux desktop entry). A folded map sheet with a place marker: what the app makes, legible at 16 px.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Wedge
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
TEAL, PANEL_LIGHT, PANEL_DARK, MARKER = "#0b6e69", "#f4f1e8", "#dcd6c3", "#d9480f"


def draw(size: int = 1024) -> Image.Image:
    fig = Figure(figsize=(1, 1), dpi=size)
    FigureCanvasAgg(fig)
    fig.patch.set_alpha(0)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1), ax.set_ylim(0, 1), ax.set_axis_off()
    ax.add_patch(FancyBboxPatch((0.06, 0.06), 0.88, 0.88, boxstyle="round,pad=0,rounding_size=0.18",
                                facecolor=TEAL, edgecolor="none"))
    # a map sheet folded in three panels
    xs = np.array([0.2, 0.4, 0.6, 0.8])
    top, bottom, lift = 0.74, 0.22, 0.04
    for i in range(3):
        y0 = lift if i % 2 == 0 else 0
        y1 = 0 if i % 2 == 0 else lift
        ax.add_patch(Polygon([(xs[i], bottom + y0), (xs[i + 1], bottom + y1), (xs[i + 1], top + y1), (xs[i], top + y0)],
                             closed=True, facecolor=PANEL_LIGHT if i % 2 == 0 else PANEL_DARK, edgecolor="none"))
    # a place marker: a circle head over a pointed tail
    cx, cy, r = 0.5, 0.56, 0.15
    ax.add_patch(Polygon([(cx - r * 0.72, cy - r * 0.62), (cx + r * 0.72, cy - r * 0.62), (cx, cy - r * 2.25)],
                         closed=True, facecolor=MARKER, edgecolor="none"))
    ax.add_patch(Circle((cx, cy), r, facecolor=MARKER, edgecolor="none"))
    ax.add_patch(Wedge((cx, cy), r * 0.45, 0, 360, facecolor="white", edgecolor="none"))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=size, transparent=True)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGBA")


def main() -> None:
    big = draw(1024)
    icons = REPO / "installer" / "icons"
    icons.mkdir(exist_ok=True)
    big.resize((256, 256), Image.LANCZOS).save(REPO / "ui" / "carto-desktop.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(icons / "carto-desktop-256.png", optimize=True)
    big.save(icons / "carto-desktop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(icons / "carto-desktop.icns")
    for path in (REPO / "ui" / "carto-desktop.png", icons / "carto-desktop.ico", icons / "carto-desktop.icns"):
        print(path.relative_to(REPO), path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
