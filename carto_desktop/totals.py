"""Long-format tables: one row per area × sector × gender × age × group, plus "ALL" total rows.

An HNO people-in-need table (HXL `#sector`, `#gender`, `#age`, `#population_group`) gives for
each area a total row and its breakdowns; adding them all up counts the same people five
times over. The rule, here and nowhere else: when some breakdown column holds a total value
("ALL", "Total", "a" for all genders…), only the rows that are totals in every such column
are used, and the map says so; a table whose areas do not all have their total row is
refused with a sentence naming the columns, since adding up its other rows would double-count.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from carto_desktop.errors import DataError
from carto_desktop.i18n import translate
from carto_desktop.number_format import format_number

_HXL_BREAKDOWN = ("#sector", "#subsector", "#gender", "#age", "#population_group", "#is_disabled", "#disabled",
                  "#population_type", "#group")
_NAME_BREAKDOWN = re.compile(r"\b(sector|secteur|cluster|gender|sexe|genre|sex|age|age range|tranche d age|"
                             r"population group|groupe de population|population type|type de population|disabled|"
                             r"disability|handicap)\b")
TOTAL_VALUES = {"all", "total", "totals", "tous", "toutes", "tout", "ensemble", "totaux", "any", "*"}
LETTER_TOTAL = "a"  # "a" = all, beside "f"/"m" (HPC gender codes) or "y"/"n" (disability)


def _plain(text: object) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9*]+", text)).strip()


@dataclass(frozen=True)
class TotalRows:
    """Which rows of a long-format table the map uses: the totals over `columns`."""

    columns: tuple[str, ...]  # the breakdown columns that have a total value
    keep: np.ndarray  # per row of the table: a total in every breakdown column
    detail_rows: int  # rows that are breakdowns of a total (not added)

    def words(self, lang: str = "en") -> str:
        """For the footnote: "totals over Sector, Gender, Age Range"."""
        return translate("totals over {columns}", lang, columns=", ".join(self.columns))

    def notice(self, matched: np.ndarray, lang: str = "en") -> str:
        """What `render` says: how many total rows of the matched ones are used, how many breakdowns left out."""
        used, left = int((matched & self.keep).sum()), int((matched & ~self.keep).sum())
        return translate("The table gives totals and their breakdowns: the map uses the {n} total rows ({columns} = "
                         "all) and leaves out {detail} rows of breakdown, which would count people several times.",
                         lang, n=format_number(used, lang, 0), columns=", ".join(self.columns),
                         detail=format_number(left, lang, 0))


def _is_breakdown(column: str, tag: str | None) -> bool:
    if tag:
        base = next(iter(re.findall(r"#[a-z_0-9]+", tag.replace(" ", "").lower())), "")
        if base in _HXL_BREAKDOWN:
            return True
        if base:
            return False  # a tagged column is what its tag says (#adm2+code, #inneed…)
    return bool(_NAME_BREAKDOWN.search(_plain(column)))


def _total_mask(values: pd.Series) -> np.ndarray | None:
    """Per row: the value means "all"; None when the column has no total or nothing but totals."""
    # each distinct text made plain once: a 24,000-row column holds a few dozen (0.1 s of each preview)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if all(isinstance(u, str) for u in uniques):  # (numbers: 1 and 1.0 would be one distinct value)
        plain = pd.Series(np.array([_plain(u) for u in uniques] + [""], dtype=object)[codes], index=values.index)
    else:
        plain = values.map(lambda v: _plain(v) if pd.notna(v) else "")
    filled = plain[plain != ""]
    letters = bool(len(filled)) and filled.str.len().max() == 1
    total = plain.isin(TOTAL_VALUES) | ((plain == LETTER_TOTAL) if letters else False)
    total = total.to_numpy(dtype=bool)
    detail = (plain != "").to_numpy() & ~total
    if not total.any() or not detail.any():
        return None
    return total


def find_total_rows(data: pd.DataFrame, hxl_tags: dict[str, str] | None = None) -> TotalRows | None:
    """The total rows of a long-format table, or None when the table has no breakdown with totals."""
    tags = hxl_tags or {}
    columns, keep = [], np.ones(len(data), dtype=bool)
    for column in data.columns:
        if not _is_breakdown(str(column), tags.get(column)):
            continue
        total = _total_mask(data[column])
        if total is None:
            continue
        columns.append(str(column))
        keep &= total
    if not columns:
        return None
    return TotalRows(tuple(columns), keep, int((~keep).sum()))


def check_totals(totals: TotalRows, area_of_row: pd.Series, file: str | None = None) -> None:
    """Refuse a table whose matched areas do not each have exactly one total row: adding up its
    other rows would count people several times. `area_of_row`: the matched area per row (NaN = none)."""
    matched = area_of_row.notna().to_numpy()
    areas = set(area_of_row[matched])
    with_total = area_of_row[matched & totals.keep].value_counts()
    missing = sorted(areas - set(with_total.index))
    if missing:
        raise DataError("The table gives totals ({columns} = all) for some areas only ({n} have none, e.g. {example}): "
                        "adding up their other rows would count people several times.",
                        hint="Add the total row of each area, or keep only one level of breakdown in the table.",
                        file=file, columns=", ".join(totals.columns), n=len(missing), example=missing[0])
    several = with_total[with_total > 1]
    if len(several):
        raise DataError("The table has {most} total rows ({columns} = all) for area {example}: they differ by "
                        "another column, and adding them up could count people several times.",
                        hint="Keep one total row per area (filter the year or round), then map it again.",
                        file=file, columns=", ".join(totals.columns), most=int(several.max()),
                        example=several.index[0])
