"""Per-area statistics from matched rows: what the map colours."""
from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from carto_desktop.errors import OptionError
from carto_desktop.intake.numbers import parse_numbers
from carto_desktop.intake.tables import require_column
from carto_desktop.match.verdicts import MatchResult

AGGREGATIONS = ("count", "distinct", "sum", "mean", "max")
RECORDS = "value_records"  # column of AreaValues.areas: the rows behind each area's value (small-count rule)


@dataclass
class AreaValues:
    """The boundary layer with one `value` per area (NaN = no data) and its meaning.

    `areas[RECORDS]` is how many rows each value comes from (rows with a number, for
    sum/mean/max): a mean of three households reveals them as surely as a count of three.
    """

    areas: gpd.GeoDataFrame
    agg: str
    value_column: str | None
    rows_used: int
    rows_without_number: list[int] = field(default_factory=list)  # positional rows


def aggregate(
    match: MatchResult,
    layer: gpd.GeoDataFrame,
    agg: str = "count",
    value_column: str | None = None,
    *,
    file: str | None = None,
) -> AreaValues:
    """One value per area from the matched rows only; areas with no rows get NaN (no data)."""
    if agg not in AGGREGATIONS:
        raise OptionError(
            "Unknown way of combining rows: \"{agg}\".", hint="Use one of: {choices}.",
            agg=agg, choices=", ".join(AGGREGATIONS),
        )
    if agg != "count" and not value_column:
        raise OptionError("The aggregation \"{agg}\" needs a value column.", hint="Name the column with --value.", agg=agg)
    rows = match.matched
    if value_column is not None:
        require_column(match.rows, value_column, file)
    missing: list[int] = []
    records = rows.groupby("match_id").size().astype(float)
    if agg == "count":
        per_area = records
    elif agg == "distinct":
        per_area = rows.groupby("match_id")[value_column].nunique().astype(float)
    else:
        numbers = parse_numbers(rows[value_column])
        missing = [int(i) for i in numbers.index[numbers.isna() & rows[value_column].notna()]]
        if numbers.notna().sum() == 0:
            raise OptionError(
                "The column \"{column}\" has no numbers to add up.",
                hint="Choose a column of numbers, or use \"count\".",
                file=file,
                column=value_column,
            )
        grouped = numbers.groupby(rows["match_id"])
        per_area = grouped.sum(min_count=1) if agg == "sum" else grouped.max() if agg == "max" else grouped.mean()
        records = grouped.count().astype(float)
    id_col = match.keys.id_column
    areas = layer.copy()
    ids = areas[id_col].astype(str)
    areas["value"] = ids.map(per_area).astype(float)
    areas.loc[~np.isfinite(areas["value"]), "value"] = np.nan
    areas[RECORDS] = ids.map(records).astype(float).fillna(0.0)
    return AreaValues(areas=areas, agg=agg, value_column=value_column, rows_used=len(rows), rows_without_number=missing)


def aggregate_by_category(match: MatchResult, category_column: str, value_column: str | None = None,
                          agg: str = "count", *, file: str | None = None) -> pd.DataFrame:
    """Area × category table (3W sectors): rows or distinct values per area and category.

    Rows with no category are left out; cells are 0 where a category is absent.
    """
    require_column(match.rows, category_column, file)
    rows = match.matched.dropna(subset=[category_column])
    groups = rows.groupby(["match_id", category_column])
    if agg == "distinct" and value_column:
        table = groups[value_column].nunique()
    else:
        table = groups.size()
    return table.unstack(fill_value=0).astype(float)
