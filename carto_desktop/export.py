"""Writing maps to PNG, PDF or SVG atomically, with no personal metadata."""
from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from carto_desktop import __version__
from carto_desktop.errors import ExportError
from carto_desktop.files import write_atomically

FORMATS = {".png": "png", ".pdf": "pdf", ".svg": "svg"}
DPI_RANGE = (30, 1200)


def check_output(path: str | Path) -> str:
    """The format for `path` from its extension, or a clear error."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ExportError(
            "The map cannot be saved as \"{suffix}\".",
            hint="Use a file name ending in .png, .pdf, .svg or .html.",
            file=path,
            suffix=Path(path).suffix or Path(path).name,
        )
    return fmt


def check_dpi(dpi: int) -> int:
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise ExportError("The resolution must be between 30 and 1200 dpi.", hint="Use 150 dpi for screens and 300 dpi for print.")
    return dpi


def save_map(fig: Figure, path: str | Path, dpi: int = 300) -> Path:
    """Export `fig`: PNG at `dpi`, PDF and SVG as vectors with fonts embedded."""
    fmt = check_output(path)
    check_dpi(dpi)
    creator = f"Carto Desktop {__version__}"
    metadata = {
        "png": {"Software": creator},
        "pdf": {"Creator": creator, "Producer": creator, "Author": None},
        "svg": {"Creator": creator, "Date": None},
    }[fmt]
    rc = {"pdf.fonttype": 42, "svg.fonttype": "path", "svg.hashsalt": "carto-desktop"}

    def write(tmp: str) -> None:
        size = fig.get_size_inches().copy()
        out_dpi = dpi
        pixels = getattr(fig, "carto_pixels", None)
        if fmt == "png" and pixels:  # social-media pages have a fixed size in pixels
            out_dpi = pixels[0] / size[0]
            fig.set_size_inches(*((np.asarray(pixels, dtype=float) + 0.01) / out_dpi))
        elif fmt == "png":  # whole pixels, rounded: A4 at 300 dpi is 3508 × 2480, not 3507
            fig.set_size_inches(*((np.round(size * dpi) + 0.01) / dpi))
        try:
            with matplotlib.rc_context(rc):
                if fmt == "png":
                    _write_png(fig, tmp, out_dpi, creator)
                else:
                    fig.savefig(tmp, format=fmt, dpi=out_dpi, metadata=metadata, facecolor=fig.get_facecolor())
        finally:
            fig.set_size_inches(*size)

    return write_atomically(path, write)


def _write_png(fig: Figure, path: str, dpi: float, creator: str) -> None:
    """Draw with Agg and write an RGB PNG (no alpha: the page is opaque), zlib level 3.

    Half the encoding time of matplotlib's RGBA level-6 PNG for a slightly smaller file.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image, PngImagePlugin

    original_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    finally:
        fig.set_dpi(original_dpi)
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", creator)
    image.save(path, format="png", pnginfo=info, compress_level=3, dpi=(dpi, dpi))
