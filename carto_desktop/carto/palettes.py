"""Colours for classes and categories: ColorBrewer palettes, checked for greyscale printing."""
from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import ListedColormap, to_hex, to_rgb

# ColorBrewer palettes that stay readable for the common colour-vision deficiencies
# (colorbrewer2.org "colorblind safe"); the template default is always one of them.
COLOURBLIND_SAFE_SEQUENTIAL = ("YlOrRd", "YlOrBr", "OrRd", "Reds", "Blues", "Greens", "Purples", "PuBu", "BuPu",
                               "YlGnBu", "GnBu", "PuRd", "RdPu", "Greys", "YlGn", "BuGn", "PuBuGn")


def class_colours(palette: str, n: int) -> list[str]:
    """`n` colours, light to dark, from a sequential palette (palest tint skipped: it reads as no data)."""
    cmap = colormaps[palette]
    if isinstance(cmap, ListedColormap) and cmap.N <= 12:  # qualitative palettes: take colours as they are
        return [to_hex(cmap(i % cmap.N)) for i in range(n)]
    return [to_hex(cmap(x)) for x in np.linspace(0.18, 0.95, n)] if n > 1 else [to_hex(cmap(0.65))]


def category_colours(palette: str, n: int) -> list[str]:
    """`n` distinct colours from a qualitative palette (Dark2, Set2…), cycling if needed."""
    cmap = colormaps[palette]
    if isinstance(cmap, ListedColormap) and cmap.N <= 20:
        return [to_hex(cmap(i % cmap.N)) for i in range(n)]
    return [to_hex(cmap(x)) for x in np.linspace(0.0, 1.0, n)]


def luminance(colour: str) -> float:
    """Perceived lightness 0–1 (ITU-R BT.601 weights), what a greyscale printer keeps."""
    r, g, b = to_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def greyscale_distinct(colours: list[str], min_step: float = 0.05) -> bool:
    """True when consecutive classes stay distinguishable once printed in grey."""
    lum = [luminance(c) for c in colours]
    return all(abs(a - b) >= min_step for a, b in zip(lum, lum[1:])) and (
        all(a > b for a, b in zip(lum, lum[1:])) or all(a < b for a, b in zip(lum, lum[1:]))
    )


def is_palette(name: str) -> bool:
    return name in colormaps
