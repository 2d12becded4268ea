"""Small counts are never shown exactly: a separate "fewer than 5" class, threshold honoured."""
import re
from dataclasses import replace

import pandas as pd
import pytest

from conftest import SAMPLE

from carto_desktop.export import save_map
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
    assert any("not shown exactly" in t for t in texts)
    ranges = [t.split("  (")[0] for t in texts if " – " in t]
    lows = [float(r.split(" – ")[0].replace(",", "")) for r in ranges]
    assert min(lows) >= 5  # classes start at the threshold: nothing reveals the 3
    every_text = [t.get_text() for t in result.figure.findobj(lambda a: hasattr(a, "get_text"))]
    assert not any(re.search(r"(?<![\d,.])3(?![\d,.])", t.split("  (")[0]) for t in every_text if " – " in t)
    for suffix in (".png", ".pdf", ".svg"):
        assert save_map(result.figure, tmp_path / f"m{suffix}", dpi=50).stat().st_size > 0


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


def test_means_are_not_suppressed(survey, tmp_path):
    df = pd.read_csv(survey.table)
    df["size"] = 3
    path = tmp_path / "with_size.csv"
    df.to_csv(path, index=False)
    result = build_map(replace(survey, table=path, agg="mean", value_column="size"))
    assert not any(t.startswith("Fewer than") for t in _legend_texts(result))
