"""A table read ahead on a thread (the command line, while it imports the map stack) is the table
`read_table` would give, errors and all, and a file changed since is read again."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, SAMPLE

from carto_desktop.errors import DataError
from carto_desktop.intake import tables
from carto_desktop.intake.tables import read_ahead, read_now, read_table

WORKBOOK = SAMPLE / "mali_3w_2023-12.xlsx"


def test_a_table_read_ahead_is_the_table_read_here():
    read_ahead(WORKBOOK, "ML_5W")
    ahead = read_table(WORKBOOK, "ML_5W")
    here = read_now(WORKBOOK, "ML_5W")
    assert ahead.data.equals(here.data) and ahead.row_numbers == here.row_numbers
    assert (ahead.sheet, ahead.header_row, ahead.hxl_tags) == (here.sheet, here.header_row, here.hxl_tags)
    assert tables._ahead_key(WORKBOOK, "ML_5W", None) not in tables._AHEAD  # taken once: a second read is a read


def test_an_error_met_ahead_is_raised_where_the_table_is_wanted(tmp_path):
    broken = tmp_path / "partners.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    read_ahead(broken, None)
    with pytest.raises(DataError) as ahead:
        read_table(broken)
    with pytest.raises(DataError) as here:
        read_table(broken)
    assert ahead.value.text("en") == here.value.text("en") and "partners.xlsx" in here.value.text("en")


def test_a_file_changed_after_the_read_ahead_started_is_read_again(tmp_path):
    table = tmp_path / "sites.csv"
    table.write_text("pcode,value\nML0101,1\n", encoding="utf-8")
    read_ahead(table)
    assert len(read_table(table).data) == 1  # the read ahead of the first version
    read_ahead(table)
    table.write_text("pcode,value\nML0101,1\nML0102,2\nML0103,3\n", encoding="utf-8")
    os.utime(table, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert len(read_table(table).data) == 3


def test_the_demo_reads_its_workbook_ahead_and_draws_the_same_map(tmp_path):
    """The command starts the read before importing the map stack; the map is the one a plain read gives."""
    code = ("import sys, carto_desktop.cli as cli\n"
            "from carto_desktop.intake import tables\n"
            "started = []\n"
            "real = tables.read_ahead\n"
            "tables.read_ahead = lambda *a: (started.append(sys.modules.get('matplotlib') is None), real(*a))\n"
            "cli.main(['demo', '-o', sys.argv[1]])\n"
            "assert started == [True], started\n")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "ahead.png")], check=True, cwd=REPO,
                   capture_output=True)
    from carto_desktop.export import save_map
    from carto_desktop.project import build_map
    from carto_desktop.sample import sample_project

    result = build_map(sample_project("en"))
    save_map(result.figure, tmp_path / "plain.png", 300, drawn=result.drawn)
    assert (tmp_path / "ahead.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image
    import numpy as np

    a, b = (np.asarray(Image.open(tmp_path / f"{n}.png")) for n in ("ahead", "plain"))
    assert a.shape == b.shape and (a != b).any(axis=-1).sum() == 0


@pytest.mark.parametrize("name", ["old_excel.xls", "libreoffice.ods"])
def test_a_workbook_read_in_a_guarded_child_is_not_read_ahead(name):
    """.xls and .ods are read in a forked child; forking from a thread while the main thread imports
    the map stack could leave the child waiting on a lock nobody will release."""
    workbook = REPO / "tests" / "data" / "intake" / name
    read_ahead(workbook)
    assert tables._ahead_key(workbook, None, None) not in tables._AHEAD
    assert len(read_table(workbook).data) > 0
