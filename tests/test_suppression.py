"""Small counts are never shown exactly: a separate "fewer than 5" class, threshold honoured."""
import re
from dataclasses import replace

import pandas as pd
import pytest

from conftest import SAMPLE

from carto_desktop.export import save_map
from carto_desktop.privacy.scan import readable_text
from carto_desktop.project import Project, build_map

COUNTS = {"ML0101": 3, "ML0102": 12, "ML0103": 40, "ML0104": 7, "ML0105": 25, "ML0201": 60, "ML0202": 9,
          "ML0203": 18, "ML0204": 31, "ML0205": 55}


@pytest.fixture
def survey(tmp_path):
    rows = [{"pcode": code, "household": f"HH-{code}-{i}"} for code, n in COUNTS.items() for i in range(n)]
    path = tmp_path / "households.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return Project(table=path, boundaries=SAMPLE / "mali_adm2.geojson", key_column="pcode", lang="en")


def _legend_texts(result):
    legend = next(ax for ax in result.figure.axes if ax.get_gid() == "legend")
    return [t.get_text() for t in legend.texts]


def test_area_with_three_records_is_in_the_fewer_than_5_class(survey, tmp_path):
    result = build_map(survey)
    texts = _legend_texts(result)
    assert any(t.startswith("Fewer than 5") for t in texts)
    assert any(t.startswith("Hidden: counts of people under 5") for t in texts)
    ranges = [t.split("  (")[0] for t in texts if " – " in t]
    lows = [float(r.split(" – ")[0].replace(",", "")) for r in ranges]
    assert min(lows) >= 5  # classes start at the threshold: nothing reveals the 3
    every_text = [t.get_text() for t in result.figure.findobj(lambda a: hasattr(a, "get_text"))]
    assert not any(re.search(r"(?<![\d,.])3(?![\d,.])", t.split("  (")[0]) for t in every_text if " – " in t)
    for suffix in (".png", ".pdf", ".svg"):
        assert save_map(result.figure, tmp_path / f"m{suffix}", dpi=50, drawn=result.drawn).stat().st_size > 0


def test_the_threshold_is_honoured(survey):
    result = build_map(replace(survey, min_count=2))
    texts = _legend_texts(result)
    assert not any(t.startswith("Fewer than") for t in texts)
    assert any(t.startswith("3 – ") for t in texts)


def test_suppression_applies_to_symbols_and_french(survey):
    result = build_map(replace(survey, template="symbols", lang="fr"))
    texts = _legend_texts(result)
    assert "Moins de 5" in texts
    circle_labels = [t for t in texts if t.isdigit()]
    assert all(int(t) >= 5 for t in circle_labels)


SIZES = [901.0, 1000.0, 1060.0]  # the 3 households of ML0101: mean 987, max 1060, sum 2961


@pytest.fixture
def sizes(survey, tmp_path):
    """A number per household: ML0101's three are large and distinctive, every other area lies in 20-40."""
    df = pd.read_csv(survey.table)
    index = df.groupby("pcode").cumcount()
    df["size"] = [SIZES[i] if code == "ML0101" else 20.0 + (i * 7) % 21 for code, i in zip(df["pcode"], index)]
    path = tmp_path / "with_size.csv"
    df.to_csv(path, index=False)
    return replace(survey, table=path, value_column="size")


def _exported_texts(result, folder, stem):
    texts = [t.get_text() for t in result.figure.findobj(lambda a: hasattr(a, "get_text"))]
    for suffix in (".png", ".pdf", ".svg"):
        texts.append(readable_text(save_map(result.figure, folder / f"{stem}{suffix}", dpi=50, drawn=result.drawn)))
    return texts


@pytest.mark.parametrize("agg, exact", [("mean", "987"), ("max", "1060"), ("sum", "2961")])
def test_a_figure_from_three_records_is_hidden_whatever_the_statistic(sizes, tmp_path, agg, exact):
    result = build_map(replace(sizes, agg=agg))
    hidden = result.data.areas.loc[result.data.suppressed(), result.data.keys.id_column].tolist()
    assert hidden == ["ML0101"]  # 3 records; the areas of 7 and 9 records are shown
    texts = _legend_texts(result)
    assert "Fewer than 5 records  (1)" in texts
    assert "Hidden: figures from fewer than 5 records, to protect the people counted." in [" ".join(t.split())
                                                                                       for t in texts]
    written = _exported_texts(result, tmp_path, agg)
    assert not any(re.search(exact[:1] + r"\D?" + exact[1:], t) for t in written)  # "987", "1 061", "2,961"…
    # the control: with the threshold at 2 the same value is drawn, and the search finds it
    shown = build_map(replace(sizes, agg=agg, min_count=2))
    assert not shown.data.suppressed().any()
    assert not any(t.startswith("Fewer than") for t in _legend_texts(shown))
    assert any(re.search(exact[:1] + r"\D?" + exact[1:], t) for t in _exported_texts(shown, tmp_path, agg + "2")[-3:])


def test_the_records_threshold_follows_min_count(sizes):
    for threshold, hidden in ((4, {"ML0101"}), (8, {"ML0101", "ML0104"}), (10, {"ML0101", "ML0104", "ML0202"})):
        result = build_map(replace(sizes, agg="mean", min_count=threshold))
        assert set(result.data.areas.loc[result.data.suppressed(), result.data.keys.id_column]) == hidden
        assert f"Fewer than {threshold} records  ({len(hidden)})" in _legend_texts(result)


def test_a_sum_hides_small_sums_and_sums_of_few_records_in_french(sizes, tmp_path):
    df = pd.read_csv(sizes.table)
    df.loc[df["pcode"] == "ML0102", "size"] = 0.25  # 12 households, a sum of 3 people
    path = tmp_path / "small_sum.csv"
    df.to_csv(path, index=False)
    result = build_map(replace(sizes, table=path, agg="sum", lang="fr"))
    assert set(result.data.areas.loc[result.data.suppressed(), result.data.keys.id_column]) == {"ML0101", "ML0102"}
    texts = _legend_texts(result)
    assert "Moins de 5  (2)" in texts  # a small sum and a sum of 3 records: one class, a note for both
    assert any(" ".join(t.split()).startswith("Masqué : effectifs de moins de 5 personnes et chiffres") for t in texts)


def test_means_in_symbols_keep_their_reference_circles(sizes):
    result = build_map(replace(sizes, agg="mean", template="symbols"))
    texts = _legend_texts(result)
    circles = [float(t) for t in texts if t.isdigit()]
    # round reference circles, the largest covering the largest mean (a mean of 3 is no count to hide)
    assert "Fewer than 5 records" in texts and len(circles) == 3
    shown = result.data.areas["value"][~result.data.suppressed()]
    assert max(circles) >= shown.max()


def test_the_check_counts_the_records_behind_a_mean(sizes):
    from carto_desktop.privacy.check import share_check

    project = replace(sizes, agg="mean")
    check = share_check(project, build_map(project))
    assert (check.counts_are_records, check.smallest_count, check.suppressed_areas) == (False, 7, 1)
    assert check.warnings == []
    assert 'Figures from fewer than 5 records are shown as "fewer than 5": 1 area.' in check.markdown()


@pytest.mark.parametrize("agg", ["sum", "mean", "max"])
def test_a_table_of_area_statistics_is_not_hidden_for_having_one_row_per_area(real_data, agg):
    """Chad's HNO 2023: one row of people in need per département. That row is a statistic, not a
    person: hiding every area as "fewer than 5 records" made the most common NGO map blank."""
    from carto_desktop.privacy.check import share_check

    project = Project(table=real_data / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx",
                      boundaries=real_data / "boundaries" / "tcd_adm2.geojson", value_column="PIN", agg=agg,
                      lang="en")
    result = build_map(project)
    assert not result.data.records_are_people
    assert result.data.areas["value"].notna().sum() == 70 and not result.data.suppressed().any()
    check = share_check(project, result)
    assert check.warnings == []
    if agg == "sum":  # people in need are a count of people: the smallest is said, and small ones would be hidden
        assert check.counts_are_records and check.smallest_count == result.data.areas["value"].min()
    else:
        assert check.smallest_count is None
