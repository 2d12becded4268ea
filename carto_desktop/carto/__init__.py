"""Cartography: templates, classification, page layout, map elements and rendering.

Importing this package imports matplotlib's drawing modules first, without the help texts
(see `_import_matplotlib`), so every command that draws starts about 0.1 s sooner.
"""
from __future__ import annotations

import sys


def _import_matplotlib() -> None:
    """Import matplotlib's figure, axes and Agg canvas without writing each artist's `set()` help.

    When a class of drawable thing is defined, matplotlib writes the docstring of its `set()`
    listing every property with `matplotlib.artist.kwdoc`: about 0.09 s of processor time for
    the hundred classes a page needs, for help text nobody reads in a map engine. The function
    gives an empty text while these modules load and is put back afterwards. If matplotlib's
    figure module is already loaded this does nothing; the drawing is the same either way.
    """
    if "matplotlib.figure" in sys.modules:
        return
    import matplotlib.artist as artist

    real = artist.kwdoc
    artist.kwdoc = lambda _artist: ""
    try:
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.collections  # noqa: F401
        import matplotlib.figure  # noqa: F401  (axes, text, lines, patches, legend…)
    finally:
        artist.kwdoc = real


_import_matplotlib()
