"""Every row accounted for: how many of the table's rows are on the map, and why the others are not.

`render` prints it, the app shows it, and when a row is missing the map carries it as a
footnote ("2,482 of 2,574 rows are mapped; 91 give only a larger area (Region)"), so a reader
never takes an area without its rows for an area without activity.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from carto_desktop.i18n import translate
from carto_desktop.intake.numbers import parse_numbers
from carto_desktop.match.verdicts import MatchResult
from carto_desktop.names import compact_key, name_key, normalise_pcode
from carto_desktop.number_format import format_number

NAMES_SHOWN = 3  # names not found, written out in the footnote
ONE = {  # the sentence for a single row
    "{n} have no number in \"{column}\"": "{n} has no number in \"{column}\"",
    "{n} are breakdowns of the totals used ({what})": "{n} is a breakdown of the totals used ({what})",
    "{n} give only a larger area ({columns})": "{n} gives only a larger area ({columns})",
    "{n} give no place": "{n} gives no place",
    "{n} wait for a decision in the match review": "{n} waits for a decision in the match review",
    "{n} name no area of the boundary file: {names}": "{n} names no area of the boundary file: {names}",
    "{n} have no coordinates": "{n} has no coordinates",
    "{n} have coordinates that cannot be used (rows {rows})": "{n} has coordinates that cannot be used (row {rows})",
}


@dataclass(frozen=True)
class Reason:
    """`n` rows not on the map, and why: an English catalogue key and its parameters."""

    n: int
    key: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        key = ONE.get(self.key, self.key) if self.n == 1 else self.key
        return translate(key, lang, n=_count(self.n, lang), **self.params)


@dataclass(frozen=True)
class RowsAccount:
    """`mapped` of `total` rows are behind the map's values; `reasons` say where the others went."""

    total: int
    mapped: int
    reasons: tuple[Reason, ...] = ()

    @property
    def complete(self) -> bool:
        return self.mapped == self.total

    def headline(self, lang: str = "en") -> str:
        return translate("{mapped} of {total} rows are on the map.", lang, mapped=_count(self.mapped, lang),
                         total=_count(self.total, lang))

    def lines(self, lang: str = "en") -> list[str]:
        """What `render` prints: the headline, then one line per reason."""
        return [self.headline(lang)] + [f"  {r.text(lang)}" for r in self.reasons]

    def footnote(self, lang: str = "en") -> str:
        """The map's footnote; empty when every row is on the map."""
        if self.complete:
            return ""
        head = translate("{mapped} of {total} rows are mapped", lang, mapped=_count(self.mapped, lang),
                         total=_count(self.total, lang))
        sep = " ; " if lang == "fr" else "; "
        return sep.join([head] + [r.text(lang) for r in self.reasons]) + "."


def _count(n: int, lang: str) -> str:
    return format_number(float(n), lang, 0)


def account_rows(match: MatchResult, higher_columns: list[str], used: np.ndarray | None = None,
                 detail_words: str | None = None, value_column: str | None = None,
                 agg: str = "count") -> RowsAccount:
    """Count the rows behind the map and sort the others by reason.

    `higher_columns`: the table's place columns of a larger level than the key (a region beside
    a cercle): a row naming only those is "only a larger area". `used`: per row, kept by the
    map (the total rows of a long-format table, `totals.py`); `detail_words` says which.
    """
    rows = match.rows
    n = len(rows)
    status = rows["match_status"].to_numpy()
    key = rows[match.key_column]
    empty_key = (key.isna() | (key.astype(str).str.strip() == "")).to_numpy()
    matched = status == "matched"
    used = np.ones(n, dtype=bool) if used is None else np.asarray(used, dtype=bool)
    on_map = matched & used
    reasons: list[Reason] = []
    if value_column and agg in ("sum", "mean", "max") and value_column in rows.columns:
        no_number = on_map & parse_numbers(rows[value_column]).isna().to_numpy()
        if no_number.any():
            reasons.append(Reason(int(no_number.sum()), "{n} have no number in \"{column}\"",
                                  {"column": value_column}))
        on_map &= ~no_number
    detail = matched & ~used
    if detail.any():
        reasons.append(Reason(int(detail.sum()), "{n} are breakdowns of the totals used ({what})",
                              {"what": detail_words or ""}))
    higher = np.zeros(n, dtype=bool)
    placeless = ~matched & empty_key
    if placeless.any():  # the larger-area columns read only on the rows without a place of their own
        higher[placeless] = _names_higher(rows[placeless], higher_columns)
    only_higher = ~matched & empty_key & higher
    if only_higher.any():
        reasons.append(Reason(int(only_higher.sum()), "{n} give only a larger area ({columns})",
                              {"columns": ", ".join(higher_columns)}))
    no_place = ~matched & empty_key & ~higher
    if no_place.any():
        reasons.append(Reason(int(no_place.sum()), "{n} give no place"))
    review = (status == "review") & ~empty_key
    if review.any():
        reasons.append(Reason(int(review.sum()), "{n} wait for a decision in the match review"))
    unknown = (status == "unmatched") & ~empty_key
    if unknown.any():
        names = pd.Series(key[unknown].astype(str).str.strip()).value_counts().index.tolist()
        shown = ", ".join(names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
        reasons.append(Reason(int(unknown.sum()), "{n} name no area of the boundary file: {names}",
                              {"names": shown}))
    return RowsAccount(n, int(on_map.sum()), tuple(reasons))


def _filled(column: pd.Series) -> np.ndarray:
    return (column.notna() & (column.astype(str).str.strip() != "")).to_numpy()


def _names_higher(rows: pd.DataFrame, higher_columns: list[str]) -> np.ndarray:
    higher = np.zeros(len(rows), dtype=bool)
    for column in higher_columns:
        if column in rows.columns:
            higher |= _filled(rows[column])
    return higher


def rows_of_larger_areas(match: MatchResult, higher_columns: list[str], parents: pd.DataFrame) -> pd.Series:
    """The rows that name only a larger area (a region, no cercle), per larger area they name: the number of
    rows per parent code (only codes with rows), so the page can draw those areas at their own level
    ("reported for the whole region") instead of leaving them blank. See `larger_area_of_rows`."""
    return larger_area_of_rows(match, higher_columns, parents).value_counts().astype(int)


def larger_area_of_rows(match: MatchResult, higher_columns: list[str], parents: pd.DataFrame) -> pd.Series:
    """The parent code of each row that names only a larger area (index: the row's), where it is found.

    `parents`: one row per larger area, its code in the first column and its names in the others
    (the layer's parent columns). A row's larger-area columns are read in order, codes then names
    in their compared forms; a row whose region is found nowhere stays only in the footnote.
    """
    rows = match.rows
    key = rows[match.key_column]
    empty_key = ~_filled(key)
    only = (rows["match_status"].to_numpy() != "matched") & empty_key
    if only.any():  # the larger-area columns read only on the few rows without a place of their own
        only[only] = _names_higher(rows[only], higher_columns)
    if not only.any() or parents.empty:
        return pd.Series(dtype=object)
    code_column, name_columns = parents.columns[0], list(parents.columns[1:])
    by_code = {normalise_pcode(c): str(c) for c in parents[code_column].dropna()}
    by_name: dict[str, set[str]] = {}
    for column in name_columns:
        for code, name in zip(parents[code_column], parents[column]):
            if pd.notna(name) and pd.notna(code):
                k = name_key(name)
                for form in {k, compact_key(k)} - {""}:
                    by_name.setdefault(form, set()).add(str(code))

    def area_of(value) -> str | None:
        if pd.isna(value) or not str(value).strip():
            return None
        found = by_code.get(normalise_pcode(value))
        if found:
            return found
        k = name_key(value)
        codes = by_name.get(k) or by_name.get(compact_key(k)) or set()
        return next(iter(codes)) if len(codes) == 1 else None  # a name two regions share places nothing

    placed = pd.Series([None] * int(only.sum()), dtype=object, index=rows.index[only])
    for column in higher_columns:
        if column in rows.columns:
            todo = placed.isna()
            if todo.any():
                placed[todo] = rows.loc[placed.index[todo], column].map(area_of)
    return placed.dropna()


def larger_area_label(rows: int, level: str, lang: str = "en") -> str:
    """The legend's line for larger areas drawn at their own level: "Reported for the whole region only: 17 rows"."""
    key = ("Reported for the whole {level} only: {n} row" if rows == 1 else
           "Reported for the whole {level} only: {n} rows")
    return translate(key, lang, level=level, n=_count(rows, lang))


def account_sites(data: pd.DataFrame, lat: str, lon: str, drawn: pd.Index, row_numbers: list[int]) -> RowsAccount:
    """A map of sites: `drawn` (the index of the rows drawn as points) of the table's rows, the others with
    no coordinates at all, or with coordinates that cannot be used (unreadable, 0,0, outside the layer's
    extent: the rows named, as the user sees them in the file)."""
    left = ~data.index.isin(drawn)
    empty = ~_filled(data[lat]) & ~_filled(data[lon])
    reasons: list[Reason] = []
    if (left & ~empty).any():
        rows = [row_numbers[i] for i in np.flatnonzero(left & ~empty)]
        shown = ", ".join(str(r) for r in rows[:NAMES_SHOWN]) + (", …" if len(rows) > NAMES_SHOWN else "")
        reasons.append(Reason(len(rows), "{n} have coordinates that cannot be used (rows {rows})", {"rows": shown}))
    if (left & empty).any():
        reasons.append(Reason(int((left & empty).sum()), "{n} have no coordinates"))
    return RowsAccount(len(data), int((~left).sum()), tuple(reasons))
