"""Classes for a choropleth (mapclassify), with legend labels in the map's language."""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np

from carto_desktop.carto.number_format import format_number, format_range

SCHEMES = {"quantiles": "quantiles", "equal_interval": "equal_interval", "natural_breaks": "fisher_jenks"}


@dataclass(frozen=True)
class Classes:
    """Class bounds (inclusive) and how many areas fall in each."""

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    counts: tuple[int, ...]
    integer: bool

    def __len__(self) -> int:
        return len(self.upper)

    def decimals(self) -> int:
        if self.integer:
            return 0
        span = max(self.upper) - min(self.lower)
        return 0 if span >= 100 else (1 if span >= 10 else 2)

    def labels(self, lang: str = "en") -> list[str]:
        d = self.decimals()
        return [
            format_number(lo, lang, d) if lo == hi else format_range(lo, hi, lang, d)
            for lo, hi in zip(self.lower, self.upper)
        ]

    def assign(self, values: np.ndarray) -> np.ndarray:
        """Class index per value, -1 for NaN (no data)."""
        values = np.asarray(values, dtype=float)
        idx = np.searchsorted(np.asarray(self.upper), values, side="left")
        idx = np.clip(idx, 0, len(self.upper) - 1)
        return np.where(np.isnan(values), -1, idx)


def classify(values: np.ndarray, scheme: str = "quantiles", k: int = 5, breaks: list[float] | None = None) -> Classes:
    """Classes for the finite values; fewer than `k` when there are fewer distinct values.

    `scheme="manual"` uses `breaks` (upper bounds of all classes but the last).
    """
    y = np.asarray(values, dtype=float)
    y = y[np.isfinite(y)]
    if y.size == 0:
        return Classes((), (), (), True)
    integer = bool(np.all(np.equal(np.mod(y, 1), 0)))
    distinct = np.unique(y)
    if scheme == "manual" and breaks:
        uppers = sorted({float(b) for b in breaks if distinct.min() <= b < distinct.max()}) + [float(distinct.max())]
    elif distinct.size <= k:
        uppers = list(distinct)
    else:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Numba not installed")
            result = mapclassify.classify(y, SCHEMES[scheme], k=k)
        uppers = sorted(set(float(b) for b in result.bins))
        if integer:
            uppers = sorted(set(float(np.floor(b)) for b in uppers))
        uppers[-1] = float(distinct.max())
    lowers = [float(distinct.min())]
    for prev in uppers[:-1]:
        lowers.append(prev + 1 if integer else float(prev))
    classes = Classes(tuple(lowers), tuple(float(u) for u in uppers), (), integer)
    idx = classes.assign(y)
    counts = tuple(int((idx == i).sum()) for i in range(len(uppers)))
    return Classes(classes.lower, classes.upper, counts, integer)
