"""What a page `render_page` drew knows about itself: one typed record returned beside the Figure.

Export needs a pixel page's exact size, the basemap its pixel density, the app's Match step
the areas and map axes to outline one area on, the layout report and tests the map axes and
scale bar, `build_map` whether a tile pack covered the frame. `render_page` returns
`(Figure, DrawnPage)`; nothing is hung on the Figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matplotlib.axes import Axes


@dataclass
class DrawnPage:
    """Filled while the page is drawn (the basemap reads `pixels` before the areas are there)."""

    pixels: tuple[int, int] | None = None  # a pixel page's exact size (social cards); None for paper
    areas: Any = None  # the areas as drawn (GeoDataFrame in the map's CRS), for outlining one of them
    keys: Any = None  # their `BoundaryKeys`
    font_pt: float = 8.0  # the page's body text size
    map_axes: list[Axes] = field(default_factory=list)  # one map, or a panel per sector
    map_crs: Any = None  # the CRS of the single map (None for a grid of small maps)
    scale_bar: Any = None  # the `ScaleBar` drawn
    basemap_partial: bool = False  # the tile pack does not cover the whole frame (the user is told)
    colouring: Any = None  # a choropleth's legend parts besides its classes: `page.recolour_page` colours it again
    header: Any = None  # the title band as drawn: `page.retitle_page` writes another title
