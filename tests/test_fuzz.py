"""The short budget of the mutation fuzz (tools/fuzz.py) over read_table, read_layer, read_project
and build_map on the real files in the repository: only a CartoError escapes, each case within
its time and memory limits (a forked child), the damaged input unchanged. The long run is
`python tools/fuzz.py --minutes 60` (docs/benchmarks.md)."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("carto_fuzz", REPO / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["carto_fuzz"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the fuzz runs each case in a forked child")
def test_damaged_real_files_give_a_result_or_a_carto_error_within_limits(fuzz, tmp_path):
    summary = fuzz.fuzz(2026, count=30, work=tmp_path)
    assert summary["cases"] == 30
    assert summary["failures"] == 0, summary["unique"]
    assert summary["ok"] and summary["carto_error"]  # the damage reaches both outcomes: the fuzz is not idle
    kinds = {case.kind for case in fuzz.cases(2026, 30)}
    assert kinds == {"table", "layer", "project", "map"}


def test_the_mutations_are_the_damage_files_suffer(fuzz):
    import random

    source = REPO / "tests" / "data" / "real" / "tables" / "tcd_3w_ocha_2021-10.xlsx"
    data = source.read_bytes()
    damaged = {fuzz.mutate(source, data, random.Random(seed)) for seed in range(20)}
    assert len(damaged) == 20 and data not in damaged
