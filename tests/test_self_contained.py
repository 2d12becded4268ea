"""A fresh clone is enough: nothing in the code, tests, benchmarks or CI reaches outside the repository."""
from __future__ import annotations

import re

from conftest import REPO

_NAME = "sha" + "red"  # spelt in two parts so that this file passes its own scan and the plain grep
OUTSIDE = re.compile(rf"{_NAME}/data|\.\./{_NAME}|parent\s*/\s*[\"']{_NAME}[\"']")


def test_nothing_reads_a_folder_beside_the_checkout():
    hits = []
    for folder in ("carto_desktop", "tests", "bench", ".ci", "tools"):
        for path in (REPO / folder).rglob("*"):
            if not path.is_file() or path.suffix not in {".py", ".json", ".toml", ".cfg", ".sh", ".md", ""}:
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if OUTSIDE.search(line):
                    hits.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not hits, "files that read outside the repository:\n" + "\n".join(hits)


def test_the_real_data_tests_read_is_in_the_repository_with_its_sources():
    real = REPO / "tests" / "data" / "real"
    for sub in ("tables", "boundaries", "gazetteer_geonames"):
        assert (real / sub / "SOURCES.md").is_file(), sub
    assert (real / "SOURCES.md").is_file()
    size = sum(p.stat().st_size for p in real.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024, f"test data is {size / 2**20:.1f} MB, over the 25 MB budget"
