"""Which columns of a boundary layer identify its areas (P-code) and name them."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from carto_desktop.errors import DataError


@dataclass(frozen=True)
class BoundaryKeys:
    """The id column (unique per area), the display-name column and extra name columns."""

    id_column: str
    name_column: str | None
    alias_columns: tuple[str, ...] = ()


def _unique_text_columns(layer: gpd.GeoDataFrame) -> list[str]:
    cols = []
    for c in layer.columns:
        if c == layer.geometry.name:
            continue
        s = layer[c]
        if s.notna().all() and s.astype(str).is_unique:
            cols.append(c)
    return cols


def boundary_keys(layer: gpd.GeoDataFrame) -> BoundaryKeys:
    """Find the P-code and name columns of the finest level present in `layer`.

    OCHA COD layers name them `adm2_pcode`/`ADM2_PCODE` and `adm2_name`/`ADM2_FR`; among
    several levels, the unique one is the layer's own level.
    """
    unique = _unique_text_columns(layer)
    lower = {c: c.lower() for c in layer.columns}
    ids = [c for c in unique if "pcode" in lower[c] or "p_code" in lower[c] or lower[c] in {"code", "id", "pcode"}]
    names = [c for c in layer.columns if c != layer.geometry.name and ("name" in lower[c] or lower[c].endswith(("_fr", "_en")))]
    if not ids:
        ids = [c for c in unique if c not in names] or unique
    if not ids:
        raise DataError(
            "The boundary file has no column of names or codes to match against.",
            hint="Use an admin boundary file with a P-code or name column (for example from OCHA COD-AB).",
            file=layer.attrs.get("path"),
        )
    id_column = ids[0]
    level = "".join(ch for ch in lower[id_column] if ch.isdigit())
    same_level = [c for c in names if level and level in lower[c]] or names
    unique_names = [c for c in same_level if c in unique] or same_level
    name_column = unique_names[0] if unique_names else None
    aliases = tuple(c for c in same_level if c != name_column)
    return BoundaryKeys(id_column=id_column, name_column=name_column, alias_columns=aliases)
