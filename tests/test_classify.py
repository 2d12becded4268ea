"""Our class breaks equal mapclassify's (a test-only dependency) on real data and edge cases,
and nothing of mapclassify, SciPy or scikit-learn is loaded when a map is made."""
import subprocess
import sys
import warnings
from dataclasses import replace

import mapclassify
import numpy as np
import pandas as pd
import pytest
from conftest import REPO, REAL

from carto_desktop.carto.classify import Classes, class_breaks, classify
from carto_desktop.project import build_map, sample_project

REFERENCE = {"quantiles": mapclassify.Quantiles, "equal_interval": mapclassify.EqualInterval,
             "natural_breaks": mapclassify.FisherJenks}
KS = range(3, 8)


def reference_bins(y, scheme, k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed", "Not enough unique values"
        return REFERENCE[scheme](y, k=k).bins


def assert_classes_follow_mapclassify(values, scheme, k, classes):
    """What a legend promises, checked against mapclassify's bins (no copy of our code): values
    rounded to the decimals the legend writes, each class one written step above the last, the
    lowest and highest values as ends, every value in the class its written form reads, fewer
    classes than distinct values, and each inner bound one of mapclassify's bins written down
    to the legend's step (a bin of 37,161.6 reads "37,161")."""
    y = np.asarray(values, dtype=float)
    y = y[np.isfinite(y)]
    integer = bool(np.all(np.equal(np.mod(y, 1), 0)))
    spread = float(y.max() - y.min())
    digits = classes.decimals()
    assert digits == (0 if integer or spread >= 100 else 1 if spread >= 10 else 2)
    step = 10.0 ** -digits
    y = np.round(y, digits)
    distinct = np.unique(y)
    lower, upper = np.array(classes.lower), np.array(classes.upper)
    assert lower[0] == distinct.min() and upper[-1] == distinct.max()
    assert np.all(lower <= upper) and np.all(np.diff(upper) > 0)
    np.testing.assert_allclose(lower[1:], upper[:-1] + step, rtol=0, atol=step / 1000)  # labels never overlap
    assert classes.counts == tuple(int(((y >= lo - step / 1000) & (y <= hi + step / 1000)).sum())
                                   for lo, hi in zip(lower, upper))
    assert sum(classes.counts) == y.size
    if distinct.size <= 2:
        assert len(classes) == distinct.size
        return
    assert len(classes) <= min(k, distinct.size - 1)
    bins = reference_bins(y, scheme, min(k, distinct.size - 1))
    for bound in upper[:-1]:
        assert any(b - step < bound + step / 1000 and bound <= b + step / 1000 for b in bins), (bound, bins)
    written = {float(np.floor(b / step + 1e-9) * step) for b in bins}
    assert len(classes) == len({round(w, digits) for w in written if w < distinct.max()}) + 1


def within_class_spread(values, bins):
    """Sum of squared deviations from the class means: what Fisher-Jenks minimises."""
    y = np.sort(np.asarray(values, dtype=float))
    idx = np.searchsorted(bins, y, side="left")
    return sum(((y[idx == c] - y[idx == c].mean()) ** 2).sum() for c in np.unique(idx))


def _mali_hno():
    h = pd.read_csv(REAL / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", skiprows=[1])
    per_cercle = h[h["Admin 2 PCode"].notna() & (h["Gender"] == "a") & (h["Age Range"] == "ALL")
                   & (h["Population Group"] == "ALL")]
    sets = {}
    for sector in ("ALL", "EDU", "FSC", "HEA", "NUT", "PRO", "WSH"):
        for column in ("In Need", "Targeted"):
            y = per_cercle.loc[per_cercle["Sector"] == sector, column].to_numpy(float)
            if np.isfinite(y).sum() > 10:
                sets[f"mali_hno2024_{sector}_{column}"] = y
    return sets


@pytest.fixture(scope="module")
def real_values(sample_pages):
    """Values a map of these files shows, per area: real counts, people in need and targets."""
    sets = _mali_hno()
    chad = pd.read_excel(REAL / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx", skiprows=[1], engine="calamine")
    sets["chad_hno2023_pin"] = chad["PIN"].to_numpy(float)  # fractional people
    sets["chad_hno2023_target"] = chad["Cible"].to_numpy(float)
    sample = sample_project("en")
    sets["mali_3w_organisations_per_cercle"] = sample_pages().data.areas["value"].to_numpy(float)
    sets["mali_3w_rows_per_cercle"] = build_map(replace(sample, agg="count", value_column=None)).data.areas["value"].to_numpy(float)
    assert len(sets) >= 12 and all(np.isfinite(y).sum() >= 30 for y in sets.values())
    return sets


def test_breaks_equal_mapclassify_on_real_data(real_values):
    for name, values in real_values.items():
        y = values[np.isfinite(values)]
        for scheme in REFERENCE:
            for k in KS:
                np.testing.assert_allclose(class_breaks(y, scheme, k), reference_bins(y, scheme, k),
                                           rtol=1e-12, atol=0, err_msg=f"{name} {scheme} k={k}")


def test_classes_and_labels_follow_mapclassify_on_real_data(real_values):
    for name, values in real_values.items():
        for scheme in REFERENCE:
            for k in KS:
                ours = classify(values, scheme, k)
                assert_classes_follow_mapclassify(values, scheme, k, ours)
                assert sum(ours.counts) == np.isfinite(values).sum(), (name, scheme, k)


def test_sample_map_legend_is_the_one_it_was(real_values):
    classes = classify(real_values["mali_3w_organisations_per_cercle"], "quantiles", 5)
    assert classes.labels("en") == ["6 – 17", "18 – 21", "22 – 28", "29 – 43", "44 – 71"]
    assert classes.counts == (12, 11, 9, 10, 11)


EDGE_CASES = {
    "ties": [0, 0, 0, 0, 1, 1, 2, 5, 5, 5, 9, 12, 12, 40, 40, 40, 41, 70, 300],
    "mostly one value": [3] * 30 + [4, 8, 15, 16, 23, 42],
    "negatives": [-120.5, -80, -80, -12.25, -3, 0, 0, 4.5, 9, 30, 31, 77.75, 150],
    "NaN and infinities": [np.nan, 12, 7, np.inf, 3, 3, np.nan, 90, 41, 18, 5, -np.inf, 60, 22, 64],
    "fractions": [0.012, 0.013, 0.2, 0.25, 0.31, 0.5, 0.52, 0.77, 0.9, 0.91, 0.99],
    "big and small": [1, 2, 3, 10, 12, 1_000, 1_200, 25_000, 2_000_000, 2_100_000, 9_999_999],
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_breaks_and_classes_equal_mapclassify_on_edge_cases(case):
    values = np.array(EDGE_CASES[case], dtype=float)
    y = values[np.isfinite(values)]
    for scheme in REFERENCE:
        for k in KS:
            assert_classes_follow_mapclassify(values, scheme, k, classify(values, scheme, k))
            if np.unique(y).size > k or scheme != "natural_breaks":  # mapclassify's FisherJenks refuses fewer
                np.testing.assert_allclose(class_breaks(y, scheme, k), reference_bins(y, scheme, k),
                                           rtol=1e-12, atol=0, err_msg=f"{scheme} k={k}")


def test_quantiles_of_many_ties_give_fewer_classes_silently():
    values = [3] * 30 + [4, 8, 15, 16, 23, 42]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # mapclassify warns "Not enough unique values…"; we don't print
        classes = classify(values, "quantiles", 5)
    assert classes.upper == (3.0, 42.0) and classes.labels() == ["3", "4 – 42"] and classes.counts == (30, 6)


def test_all_equal_values_make_one_class():
    with pytest.raises(ValueError):  # mapclassify refuses; a map of one value still needs a legend
        mapclassify.EqualInterval(np.array([5.0, 5.0, 5.0]), k=3)
    for scheme in REFERENCE:
        classes = classify([5, 5, 5, np.nan], scheme, 5)
        assert classes.upper == (5.0,) and classes.counts == (3,) and classes.labels("fr") == ["5"]
        np.testing.assert_array_equal(class_breaks([5, 5, 5], scheme, 5), [5.0])


def test_few_distinct_values_give_fewer_classes_than_values():
    """Three values made three one-value classes: a legend listing the values, not ranges (issue 14)."""
    values = [2, 2, 7, 7, 7, 30]
    with pytest.raises(ValueError):
        reference_bins(np.array(values, dtype=float), "natural_breaks", 4)
    expected = {"quantiles": ["2 – 7", "8 – 30"], "natural_breaks": ["2 – 7", "8 – 30"],
                "equal_interval": ["2 – 16", "17 – 30"]}
    for scheme in REFERENCE:
        classes = classify(values, scheme, 4)
        assert classes.labels("en") == expected[scheme] and sum(classes.counts) == 6  # integers: gap-free ranges
    # exactly k distinct values: mapclassify's Fisher-Jenks puts each in its class, as we do
    np.testing.assert_allclose(class_breaks(values, "natural_breaks", 3), reference_bins(np.array(values, float), "natural_breaks", 3))


def test_two_values():
    y = np.array([3.0, 10.0])
    for scheme in ("quantiles", "equal_interval"):  # mapclassify interpolates bounds between them
        for k in KS:
            np.testing.assert_allclose(class_breaks(y, scheme, k), reference_bins(y, scheme, k), rtol=1e-12, atol=0)
    for scheme in REFERENCE:
        assert classify(y, scheme, 5) == Classes((3.0, 4.0), (3.0, 10.0), (1, 1), True, 0)


def test_no_values():
    assert classify([np.nan, np.inf], "natural_breaks", 5) == Classes((), (), (), True)


def test_manual_breaks_unchanged():
    classes = classify([1, 5, 12, 40, 41, 100, np.nan], "manual", 5, breaks=[10, 50, 500, 0])
    assert classes.upper == (10.0, 50.0, 100.0) and classes.counts == (2, 3, 1)
    assert classes.labels("fr") == ["1 – 10", "11 – 50", "51 – 100"]


def test_on_random_data_fisher_jenks_is_never_worse_than_mapclassify():
    """Quantiles and equal intervals equal to the bit. Fisher-Jenks: the same breaks, except
    when two sets of breaks are equally good (small counts: mapclassify's float32 rounding
    then picks, we pick the longest last class) or when float32 made mapclassify miss the
    optimum on large values."""
    rng = np.random.default_rng(20261124)
    same = equally_good = better = 0
    for trial in range(40):
        n = int(rng.integers(8, 70))
        y = [rng.integers(0, 9, n), rng.integers(0, 300, n), rng.lognormal(9, 1.5, n).round(),
             rng.normal(0, 500, n).round(2), rng.integers(10_000, 2_000_000, n)][trial % 5].astype(float)
        for k in KS:
            for scheme in ("quantiles", "equal_interval"):
                np.testing.assert_allclose(class_breaks(y, scheme, k), reference_bins(y, scheme, k), rtol=1e-12, atol=0)
            if np.unique(y).size <= k:
                continue
            ours, theirs = class_breaks(y, "natural_breaks", k), reference_bins(y, "natural_breaks", k)
            if ours.shape == theirs.shape and np.allclose(ours, theirs, rtol=1e-12, atol=0):
                same += 1
                continue
            a, b = within_class_spread(y, ours), within_class_spread(y, theirs)
            assert a <= b * (1 + 1e-12), (trial, k, ours, theirs)
            equally_good += bool(np.isclose(a, b, rtol=1e-12))
            better += bool(a < b * (1 - 1e-12))
    assert same > 0.9 * (same + equally_good + better), (same, equally_good, better)


def test_fisher_jenks_on_ten_thousand_areas_matches_a_plain_dynamic_programme():
    """The divide-and-conquer search finds the optimum of the plain O(k·n²) recurrence
    (mapclassify itself would take minutes on this without numba)."""
    y = np.random.default_rng(3).gamma(2.0, 50.0, 10_000).round(1)
    x, w = np.unique(y, return_counts=True)
    c1 = np.concatenate(([0.0], np.cumsum(w * x)))
    c2 = np.concatenate(([0.0], np.cumsum(w * x * x)))
    cw = np.concatenate(([0.0], np.cumsum(w, dtype=float)))
    n, k = x.size, 6
    cost = c2[1:] - c1[1:] ** 2 / cw[1:]
    for classes in range(2, k + 1):
        new = np.full(n, np.inf)
        for end in range(classes - 1, n):
            s = np.arange(classes - 1, end + 1)
            new[end] = np.min(cost[s - 1] + (c2[end + 1] - c2[s]) - (c1[end + 1] - c1[s]) ** 2 / (cw[end + 1] - cw[s]))
        cost = new
    ours = within_class_spread(y, class_breaks(y, "natural_breaks", k))
    assert ours == pytest.approx(cost[-1], rel=1e-9)


def test_making_a_map_loads_no_mapclassify_scipy_or_sklearn(tmp_path):
    code = (
        "import sys; import carto_desktop.cli, carto_desktop.project, carto_desktop.carto.page;"
        "from carto_desktop.project import build_map, sample_project;"
        "from carto_desktop.export import save_map;"
        "import carto_desktop.atlas, carto_desktop.gui.engine_tasks;"
        "r = build_map(sample_project('en')); save_map(r.figure, sys.argv[1] + '/map.pdf', drawn=r.drawn);"
        "build_map(sample_project('fr', 'sectors'));"
        "print([m for m in sys.modules if m.split('.')[0] in ('mapclassify', 'scipy', 'sklearn')])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip().splitlines()[-1] == "[]"
