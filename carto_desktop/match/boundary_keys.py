"""Which columns of a boundary layer identify its areas (P-code), name them, and name their parent."""
from __future__ import annotations

import re
from dataclasses import dataclass

import geopandas as gpd

from carto_desktop.errors import DataError, OptionError


@dataclass(frozen=True)
class BoundaryKeys:
    """The id column (unique per area), the display-name column, extra name columns, and the
    parent level's code and name columns (empty when the layer does not carry its parents)."""

    id_column: str
    name_column: str | None
    alias_columns: tuple[str, ...] = ()
    parent_id_column: str | None = None
    parent_name_columns: tuple[str, ...] = ()

    def parent_columns(self, columns) -> tuple[str, str | None] | None:
        """The parent level's code column and its first name column among `columns`, or None.

        The one way the parent level is found: matching narrows names to it, the atlas makes a
        page per parent, the page draws the parents' outlines.
        """
        present = set(columns)
        if self.parent_id_column is None or self.parent_id_column not in present:
            return None
        return self.parent_id_column, next((c for c in self.parent_name_columns if c in present), None)


def _unique_text_columns(layer: gpd.GeoDataFrame) -> list[str]:
    cols = []
    for c in layer.columns:
        if c == layer.geometry.name:
            continue
        s = layer[c]
        if s.notna().all() and _unique_as_text(s):
            cols.append(c)
    return cols


def _unique_as_text(s) -> bool:
    """Whether a column without blanks holds no value twice once written as text. Numbers are not
    written out (10,000 floats: 5 ms): distinct numbers write differently, and equal ones alike but
    for 0.0 and -0.0."""
    if s.dtype.kind in "biu":
        return s.is_unique
    if s.dtype.kind == "f":
        twice = s[s.duplicated(keep=False)]
        return twice.empty or (bool((twice == 0).all()) and twice.astype(str).is_unique)
    return s.astype(str).is_unique


def _level(column: str) -> int | None:
    digits = re.findall(r"\d", column)
    return int(digits[0]) if digits else None


def _is_code(column: str) -> bool:
    low = column.lower()
    return "pcode" in low or "p_code" in low or low in {"code", "id", "pcode"}


def _is_name(column: str) -> bool:
    low = column.lower()
    return "name" in low or low.endswith(("_fr", "_en")) or low in {"nom", "name"}


def _refuse_repeated_codes(layer: gpd.GeoDataFrame, columns: list[str], unique: list[str], names: list[str]) -> None:
    """The layer's own P-code column (the finest level's, when no code column is unique) giving one code to
    several areas is said as such, naming them: matching by another column would say the table's codes are
    unknown, or that they name parent areas, about a table that is right."""
    coded = [c for c in columns if _is_code(c) and c not in names]  # not "adm2_name_pcodelist"
    if not coded or any(c in unique for c in coded):
        return  # a code column tells the areas apart (a village layer's "pcode" beside its cercles' adm2_pcode)
    finest = max((lv for lv in map(_level, coded) if lv is not None), default=None)
    own = [c for c in coded if _level(c) == finest]
    column = own[0]
    codes = layer[column].astype(str).where(layer[column].notna(), None)
    repeated = codes[codes.duplicated(keep=False) & codes.notna()]
    if repeated.empty:
        return  # blanks, not repeats
    code = repeated.iloc[0]
    named = next((c for c in names if _level(c) == finest), None) or next(iter(names), None)
    rows = repeated.index[repeated == code]
    areas = [str(layer.at[i, named]) if named is not None else f"#{layer.index.get_loc(i) + 1}" for i in rows]
    count = repeated.nunique()
    raise DataError(
        "The boundary file gives the same P-code \"{code}\" to {n} areas: {areas}." if count == 1 else
        "The boundary file gives the same P-code to several areas, {count} times: \"{code}\" to {n} areas: {areas}.",
        hint="Correct the code of one of them in the boundary file, or join them into one if they are pieces of "
             "the same area; on the command line, --id-column can name another column that tells every area apart.",
        file=layer.attrs.get("path"), column=column, code=code, n=len(areas), areas=", ".join(areas[:5]),
        count=count,
    )


def boundary_keys(
    layer: gpd.GeoDataFrame, id_column: str | None = None, name_column: str | None = None
) -> BoundaryKeys:
    """Find the P-code and name columns of the finest level present in `layer`.

    OCHA COD layers name them `adm2_pcode`/`ADM2_PCODE` and `adm2_name`/`ADM2_FR`; among
    several levels, the unique one is the layer's own level, and the next coarser one is the
    parent. `id_column`/`name_column` override the guess (`--id-column`).
    """
    columns = [c for c in layer.columns if c != layer.geometry.name]
    for given in (id_column, name_column):
        if given is not None and given not in columns:
            raise OptionError(
                "The boundary file has no column named \"{column}\".",
                hint="Columns in the boundary file: {columns}.",
                file=layer.attrs.get("path"),
                column=given,
                columns=", ".join(map(str, columns)),
            )
    unique = _unique_text_columns(layer)
    names = [c for c in columns if _is_name(c)]
    if id_column is None:
        _refuse_repeated_codes(layer, columns, unique, names)
        ids = [c for c in unique if _is_code(c)]
        if not ids:
            ids = [c for c in unique if c not in names] or unique
        if not ids:
            raise DataError(
                "The boundary file has no column of names or codes to match against.",
                hint="Use an admin boundary file with a P-code or name column (for example from OCHA COD-AB).",
                file=layer.attrs.get("path"),
            )
        id_column = ids[0]
    level = _level(id_column)
    same_level = [c for c in names if level is not None and _level(c) == level] or [
        c for c in names if _level(c) is None or level is None
    ] or names
    if name_column is None:
        unique_names = [c for c in same_level if c in unique] or same_level
        name_column = unique_names[0] if unique_names else None
    aliases = tuple(c for c in same_level if c != name_column and c != id_column)
    # the parent: the coarser code column with the highest level below ours
    parent_codes = [c for c in columns if c != id_column and _is_code(c) and _level(c) is not None
                    and (level is None or _level(c) < level)]
    parent_id = max(parent_codes, key=lambda c: _level(c)) if parent_codes else None
    parent_names: tuple[str, ...] = ()
    if parent_id is not None:
        parent_names = tuple(c for c in names if _level(c) == _level(parent_id) and c not in (name_column, *aliases))
    return BoundaryKeys(id_column=id_column, name_column=name_column, alias_columns=aliases,
                        parent_id_column=parent_id, parent_name_columns=parent_names)
