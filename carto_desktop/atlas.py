"""An atlas: the same map once per region (admin 1), for a report with a page per region.

The data are read, matched and aggregated once; each page shows the areas of one parent
region, with the region's name added to the title, the same classes' template and the
same furniture. A PDF atlas is one file with a page per region; PNG/SVG give one file each.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from matplotlib.figure import Figure

from carto_desktop.carto.thematic import MapData, area_classes
from carto_desktop.errors import OptionError
from carto_desktop.export import check_dpi, check_output, save_map
from carto_desktop.files import write_atomically
from carto_desktop.framing import regions_around
from carto_desktop.i18n import translate
from carto_desktop.project import PreparedMap, Project, prepare_map, render_prepared
from carto_desktop.rows_account import larger_area_label


def atlas_pages(project: Project, prepared: PreparedMap | None = None) -> Iterator[tuple[str, str, Figure]]:
    """(region code, region name, figure) for each parent region, in code order."""
    prepared = prepared or prepare_map(project)
    if prepared.template.kind in ("points", "sectors"):
        raise OptionError("An atlas can be made with area maps only (choropleth, presence, symbols).",
                          hint="Choose another template for the atlas.")
    if prepared.data.outlines is not None:  # points of people counted per hexagon: the grid is the country's
        raise OptionError("An atlas is made of admin areas: a map of hexagons is one page.",
                          hint="Count the people per area for an atlas (--people-points areas), or make one map.")
    columns = prepared.data.keys.parent_columns(prepared.layer.columns)
    if columns is None:
        raise OptionError("The boundary file does not say which region each area belongs to, so there is no atlas "
                          "to make.", hint="Use admin level 2 boundaries with their admin 1 codes (OCHA COD-AB).")
    code_col, name_col = columns
    if prepared.template.kind == "choropleth":  # the country's classes and colours on every page: pages compare
        prepared = replace(prepared, data=replace(prepared.data,
                                                  classes=area_classes(prepared.data, prepared.template)))
    areas = prepared.data.areas
    for code in sorted(areas[code_col].dropna().astype(str).unique()):
        mask = areas[code_col].astype(str) == code
        name = str(areas.loc[mask, name_col].iloc[0]) if name_col else code
        data = replace(prepared.data, areas=areas[mask], context=regions_around(prepared.layer, code_col, name_col, code),
                       **_larger_on_page(prepared.data, code_col, code, project.lang))
        if data.footnote:  # rows not found belong to no region: the account is the country's, and says so
            data = replace(data, footnote=translate("Whole country: {footnote}", project.lang, footnote=data.footnote))
        layer = prepared.layer[prepared.layer[code_col].astype(str) == code]
        fig, drawn = render_prepared(project, prepared, data=data, layer=layer, title_suffix=f" — {name}")
        yield code, name, fig, drawn


def _larger_on_page(data: MapData, code_col: str, code: str, lang: str) -> dict:
    """A page's own region when rows name it without a smaller area, and its own count; never its neighbours'."""
    larger = data.larger_areas
    if larger is None or code_col not in larger:
        return {}
    mine = larger[larger[code_col].astype(str) == code]
    if mine.empty:
        return {"larger_areas": None, "larger_label": ""}
    return {"larger_areas": mine, "larger_label": larger_area_label(int(mine["rows"].sum()), data.larger_level, lang)}


def save_atlas(project: Project, output: str | Path, dpi: int = 300, prepared: PreparedMap | None = None) -> list[Path]:
    """Write the atlas: one multi-page PDF, or one PNG/SVG per region beside `output`.

    `prepared`: the map's data when the caller has it already (the app's export checks it too)."""
    prepared = prepared or prepare_map(project)
    fmt = check_output(output)
    check_dpi(dpi)
    out = Path(output)
    if fmt == "pdf":
        from matplotlib import rc_context

        from carto_desktop.pdf_fonts import defer_fonttools_subset, quick_subsets

        defer_fonttools_subset()  # before matplotlib's PDF backend would import fontTools' subsetter
        from matplotlib.backends.backend_pdf import PdfPages

        def write(tmp: str) -> None:  # fonts subset as a single map's are (`pdf_fonts`), when PdfPages closes
            with quick_subsets(), rc_context({"pdf.fonttype": 42}), \
                    PdfPages(tmp, metadata={"Creator": "Carto Desktop"}) as pdf:
                for _, _, fig, _ in atlas_pages(project, prepared):
                    pdf.savefig(fig)

        return [write_atomically(out, write)]
    written = []
    for code, _, fig, drawn in atlas_pages(project, prepared):
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", code)
        written.append(save_map(fig, out.with_name(f"{out.stem}_{safe}{out.suffix}"), dpi, drawn=drawn))
    return written
