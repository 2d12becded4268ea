"""Classes for a choropleth, with legend labels in the map's language.

The breaks are computed here with NumPy, as mapclassify defines them (its tests prove the
breaks equal): mapclassify imports SciPy and scikit-learn, about 90 MB of the installer, for
three schemes that take a few lines each.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from carto_desktop.number_format import format_number, format_range

SCHEMES = ("quantiles", "equal_interval", "natural_breaks")


@dataclass(frozen=True)
class Classes:
    """Class bounds (inclusive) and how many areas fall in each."""

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    counts: tuple[int, ...]
    integer: bool
    digits: int | None = None  # decimals the labels write (and values are rounded to before classing)

    def __len__(self) -> int:
        return len(self.upper)

    def decimals(self) -> int:
        if self.integer:
            return 0
        if self.digits is not None:
            return self.digits
        return _digits(max(self.upper) - min(self.lower))

    def labels(self, lang: str = "en") -> list[str]:
        d = self.decimals()
        return [
            format_number(lo, lang, d) if lo == hi else format_range(lo, hi, lang, d)
            for lo, hi in zip(self.lower, self.upper)
        ]

    def assign(self, values: np.ndarray) -> np.ndarray:
        """Class index per value, -1 for NaN (no data)."""
        values = np.asarray(values, dtype=float)
        if self.digits is not None:  # classed as the legend writes it: 37,161.4 is "37,161", in that class
            values = np.round(values, self.digits)
        idx = np.searchsorted(np.asarray(self.upper), values, side="left")
        idx = np.clip(idx, 0, len(self.upper) - 1)
        return np.where(np.isnan(values), -1, idx)


def _digits(span: float) -> int:
    """Decimals a legend needs for values spread over `span`: none from 100 up, one from 10, else two."""
    return 0 if span >= 100 else (1 if span >= 10 else 2)


def classify(values: np.ndarray, scheme: str = "quantiles", k: int = 5, breaks: list[float] | None = None) -> Classes:
    """Classes for the finite values, with labels that never overlap.

    Values are rounded to the decimals the legend writes (none for people in need in the
    thousands, even as fractional estimates), so each class starts one step above the last
    ("5,965 – 37,161", "37,162 – 70,350") and a value lies in the class its written form reads.
    With few distinct values there are fewer classes than values (3 values: 2 classes), so a
    class is a range, not a list of values; two values stay two classes.
    `scheme="manual"` uses `breaks` (upper bounds of all classes but the last).
    """
    y = np.asarray(values, dtype=float)
    y = y[np.isfinite(y)]
    if y.size == 0:
        return Classes((), (), (), True)
    integer = bool(np.all(np.equal(np.mod(y, 1), 0)))
    digits = 0 if integer else _digits(float(y.max() - y.min()))
    y = np.round(y, digits)
    step = 10.0 ** -digits
    distinct = np.unique(y)
    if scheme == "manual" and breaks:
        uppers = sorted({float(b) for b in breaks if distinct.min() <= b < distinct.max()}) + [float(distinct.max())]
    elif distinct.size <= 2:
        uppers = list(distinct)
    else:
        k = min(k, distinct.size - 1)
        cuts = class_breaks(y, scheme, k)
        uppers = sorted({round(float(np.floor(b / step + 1e-9) * step), digits) for b in cuts})
        uppers = [u for u in uppers if u < distinct.max()] + [float(distinct.max())]
    lowers = [float(distinct.min())]
    for prev in uppers[:-1]:
        lowers.append(round(prev + step, digits))
    classes = Classes(tuple(lowers), tuple(float(u) for u in uppers), (), integer, digits)
    idx = classes.assign(y)
    counts = tuple(int((idx == i).sum()) for i in range(len(uppers)))
    return Classes(classes.lower, classes.upper, counts, integer, digits)


def class_breaks(values: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Upper bounds of the classes, as mapclassify's `bins` for the same scheme and `k`.

    `values` are finite (`classify` drops the others and only asks when there are more than
    `k` distinct ones). Quantiles give fewer than `k` bounds when ties make percentiles equal
    (mapclassify warns; `classify` just makes fewer classes). Where mapclassify refuses
    (all values equal; Fisher-Jenks with fewer distinct values than `k`) the distinct
    values are the bounds.
    """
    y = np.sort(np.asarray(values, dtype=float))
    if y.size == 0 or y[0] == y[-1]:
        return np.unique(y)
    if scheme == "quantiles":
        return _quantiles(y, k)
    if scheme == "equal_interval":
        return _equal_interval(y, k)
    if scheme == "natural_breaks":
        return _fisher_jenks(y, k)
    raise ValueError(f"unknown classification scheme {scheme!r}")


def _quantiles(y: np.ndarray, k: int) -> np.ndarray:
    """mapclassify.Quantiles: SciPy's `scoreatpercentile` at 100/k, 200/k, … 100, duplicates dropped.

    The arithmetic is SciPy's, step for step, so the bounds are equal to the last bit.
    """
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    idx = p / 100.0 * (y.size - 1)
    i = idx.astype(int)
    lo, hi = (i + 1) - idx, idx - i
    between = (y[i] * lo + y[np.minimum(i + 1, y.size - 1)] * hi) / (lo + hi)
    return np.unique(np.where(i == idx, y[i], between))


def _equal_interval(y: np.ndarray, k: int) -> np.ndarray:
    """mapclassify.EqualInterval: min + width × 1 … k, the last bound the maximum."""
    min_y, max_y = y[0], y[-1]
    width = (max_y - min_y) * 1.0 / k
    cuts = np.arange(min_y + width, max_y + width, width)[:k]
    cuts[-1] = max_y
    return cuts


def _fisher_jenks(y: np.ndarray, k: int) -> np.ndarray:
    """Fisher-Jenks natural breaks: the `k` classes of sorted values with the least total
    sum of squared deviations from their means (exact, as mapclassify.FisherJenks means it).

    Dynamic programming over the distinct values (weighted by how often each occurs), class
    by class. For a given number of classes the best start of the last class never moves
    left as its end moves right, so each level is solved by divide and conquer, O(n·log n),
    every subproblem of a round evaluated at once from cumulative sums: 10,000 values in
    7 classes take about 35 ms (mapclassify without numba: minutes).
    Equal totals (frequent with small counts) go to the longest last class. mapclassify
    sums in float32, so rounding decides its ties, and it can miss the optimum on large
    values; there the breaks differ but ours are never worse (tests/test_classify.py).
    """
    x, weight = np.unique(y, return_counts=True)
    n = x.size
    if n <= k:
        return x
    xc = x - np.average(x, weights=weight)  # centred: less cancellation in Σx² − (Σx)²/n
    sum_w = np.concatenate(([0.0], np.cumsum(weight, dtype=float)))
    sum_x = np.concatenate(([0.0], np.cumsum(weight * xc)))
    sum_xx = np.concatenate(([0.0], np.cumsum(weight * xc * xc)))

    def spread(start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Sum of squared deviations of x[start..end] (inclusive) from their mean."""
        s = sum_x[end + 1] - sum_x[start]
        return sum_xx[end + 1] - sum_xx[start] - s * s / (sum_w[end + 1] - sum_w[start])

    # totals closer than rounding can tell apart are equal: the longest last class wins
    tie = 64 * np.finfo(float).eps * sum_xx
    ends = np.arange(n)
    cost = spread(np.zeros(n, dtype=int), ends)  # one class: x[0..end]
    starts = []  # per class count 2..k: where the last class starts, per end
    for classes in range(2, k + 1):
        before = np.concatenate(([np.inf], cost))  # before[s] = best cost of x[0..s-1]
        cost = np.full(n, np.inf)
        best_start = np.zeros(n, dtype=int)
        lo, hi = np.array([classes - 1]), np.array([n - 1])  # ends to solve
        first, last = lo.copy(), hi.copy()  # range of starts to try
        while lo.size:
            mid = (lo + hi) // 2
            stop = np.minimum(last, mid)
            size = stop - first + 1
            task = np.repeat(np.arange(mid.size), size)
            offset = np.cumsum(size) - size
            start = first[task] + np.arange(task.size) - offset[task]
            total = before[start] + spread(start, mid[task])
            lowest = np.minimum.reduceat(total, offset)
            hit = np.flatnonzero(total <= (lowest + tie[mid + 1])[task])
            pick = hit[np.searchsorted(task[hit], np.arange(mid.size))]  # first start within `tie` of the least
            chosen = start[pick]
            cost[mid], best_start[mid] = total[pick], chosen
            left, right = lo <= mid - 1, mid + 1 <= hi
            lo, hi, first, last = (
                np.concatenate((lo[left], mid[right] + 1)),
                np.concatenate((mid[left] - 1, hi[right])),
                np.concatenate((first[left], chosen[right])),
                np.concatenate((chosen[left], last[right])),
            )
        starts.append(best_start)
    uppers, end = [x[-1]], n - 1
    for best_start in reversed(starts):
        end = best_start[end] - 1
        uppers.append(x[end])
    return np.array(uppers[::-1])
