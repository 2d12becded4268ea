"""Small tables that asked for huge memory or time, or killed the program (issue 21, items 5, 7, 8).

Each case is a real table from tests/data/real changed the way the audit's fuzzer changed it;
the CLI runs in a child process under a 1.5 GB address-space limit, so a regression shows as
a failure here instead of taking the machine down.
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO

from carto_desktop.errors import DataError
from carto_desktop.intake import read_table
from carto_desktop.limits import MAX_COLUMNS

MEMORY = 1536 * 1024 * 1024  # the bound for any CLI run


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY + 1024 ** 3, MEMORY + 1024 ** 3))  # + Python and the stack

    return subprocess.run([sys.executable, "-m", "carto_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(REPO)})


def _one_plain_sentence(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 2, (run.returncode, run.stderr[-1500:])
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr[-1500:]
    return lines[0]


def _with_cell_ref(src, out, old: bytes, new: bytes):
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(old, new, 1)
            w.writestr(info, data)
    return out


def test_an_xlsx_cell_far_beyond_any_sheet_is_a_damaged_workbook_not_an_abort(real_data, tmp_path):
    """One cell reference "ZZZZZZ1" made python-calamine ask for 18 TB and abort (SIGABRT)."""
    book = _with_cell_ref(real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx", tmp_path / "tcd_3w.xlsx",
                          b'r="C5"', b'r="ZZZZZZ1"')
    line = _one_plain_sentence(_cli("inspect", "--table", str(book)))
    assert "ZZZZZZ" in line and "cells" in line


@pytest.mark.parametrize("written, farthest", [
    (b" r='ZZZZZZ1'", "ZZZZZZ"),  # single quotes
    (b'\tr="ZZZZZZ1"', "ZZZZZZ"),  # a tab (or a line break) before the attribute
    (b'\nr="ZZZZZZ1"', "ZZZZZZ"),
    (b' r = "ZZZZZZ1"', "ZZZZZZ"),  # spaces around "="
    (b' r="zzzzzz1"', "ZZZZZZ"),  # lower-case column letters
    (b' r="C' + b"9" * 5000 + b'"', "999999"),  # a row number longer than Python turns into an int by default
])
def test_a_far_cell_written_any_way_calamine_reads_is_refused_not_an_abort(real_data, tmp_path, written, farthest):
    """Each of these spellings of a far cell made python-calamine abort the program (SIGABRT) past the
    earlier check, which knew only ` r="ZZZZZZ1"`."""
    book = _with_cell_ref(real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx", tmp_path / "tcd_3w.xlsx",
                          b' r="C5"', written)
    line = _one_plain_sentence(_cli("inspect", "--table", str(book)))
    assert farthest in line and "cells" in line


def test_the_span_checked_reaches_every_cell_calamine_reads_in_the_real_workbooks(real_data):
    """The check reads each real sheet at least as far as calamine does (its last cell), the sample
    exactly to its last cell J24090, and a row written with leading zeros by its value."""
    from python_calamine import CalamineWorkbook

    from carto_desktop.intake.sheet_span import cell_span

    books = sorted((real_data / "tables").glob("*.xlsx")) + [REPO / "sample_data" / "mali_3w_2023-12.xlsx"]
    for book in books:
        workbook = CalamineWorkbook.from_path(str(book))
        with zipfile.ZipFile(book) as z:
            parts = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet") and n.endswith(".xml"))
            xml = {int(re.search(r"(\d+)\.xml$", n).group(1)): z.read(n) for n in parts}
        for number, name in enumerate(workbook.sheet_names, start=1):
            end = workbook.get_sheet_by_name(name).end
            if end is not None and number in xml:
                rows, columns = cell_span(xml[number])
                assert rows >= end[0] + 1 and columns >= end[1] + 1, (book.name, name, (rows, columns), end)
    with zipfile.ZipFile(books[-1]) as z:
        assert cell_span(z.read("xl/worksheets/sheet1.xml")) == (24_090, 10)
    assert cell_span(b'<row r="24090"><c r="A000001"/><c r="b7"/></row>') == (24_090, 2)
    # cells and rows without r: calamine puts them after the cell or row before them
    assert cell_span(b'<row r="5"><c r="B5"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>') \
        == (6, 4)
    assert cell_span(b'<x:row r="2"><x:c><x:v>1</x:v></x:c><x:c><x:v>1</x:v></x:c></x:row>') == (2, 2)


def test_a_row_of_cells_written_without_references_is_refused_not_an_abort(real_data, tmp_path):
    """Two million cells `<c></c>` in one row (a 49 kB file) put a value at column 2,000,001: python-calamine
    then asked for terabytes and aborted, although no reference named a far cell."""
    src, book = real_data / "tables" / "tcd_3w_ocha_2021-10.xlsx", tmp_path / "positional.xlsx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                end = data.index(b"</row>")
                data = data[:end] + b"<c></c>" * 2_000_000 + b"<c><v>1</v></c>" + data[end:]
            w.writestr(info, data)
    line = _one_plain_sentence(_cli("inspect", "--table", str(book)))
    assert "2000007 columns" in line.replace(",", "").replace("\u202f", "") and "cells" in line


def test_an_xls_that_asks_for_4_gb_is_a_damaged_workbook_not_an_abort():
    """tests/data/bad/xls_asks_4gb.xls: the fuzzer's damaged copy of tests/data/intake/old_excel.xls."""
    line = _one_plain_sentence(_cli("inspect", "--table", str(REPO / "tests" / "data" / "bad" / "xls_asks_4gb.xls")))
    assert "damaged" in line


def test_a_row_of_a_million_empty_cells_is_read_in_bounded_memory(real_data, tmp_path):
    """A 1 MB CSV with one row of 10⁶ empty cells took 10 GB and 3 min 21 s (the csv fallback padded every row)."""
    lines = (real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(40, "," * 1_000_000)
    path = tmp_path / "hno.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = _cli("inspect", "--table", str(path))
    assert run.returncode == 0, run.stderr[-1500:]
    table = read_table(path)
    assert list(table.data.columns)[:3] == ["Admin 1 PCode", "Admin 2 PCode", "Sector"]
    assert len(table.data.columns) == 14


def test_too_many_columns_is_one_sentence_and_many_columns_are_read(real_data, tmp_path):
    """20,000 columns took 2 min 47 s to inspect (a count per column of the header, a scan per column of the form)."""
    rows = [ln.split(",") for ln in
            (real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv").read_text(encoding="utf-8").splitlines()[:200]]

    def widened(width: int):
        path = tmp_path / f"wide{width}.csv"
        path.write_text("\n".join(",".join((r * (width // len(r) + 1))[:width]) for r in rows) + "\n", encoding="utf-8")
        return path

    line = _one_plain_sentence(_cli("inspect", "--table", str(widened(20_000)), timeout=60))
    assert re.search(r"20.?000 columns", line) and str(MAX_COLUMNS) in line
    with pytest.raises(DataError):
        read_table(widened(MAX_COLUMNS + 1))
    assert _cli("inspect", "--table", str(widened(3_000)), timeout=60).returncode == 0


def test_repeated_column_names_with_inner_spaces_are_numbered_not_a_crash(real_data, tmp_path):
    """Found by the long fuzz (a damaged LibreOffice sheet): two header cells "Admin\\t2" made a StopIteration."""
    lines = (real_data / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    header[2] = header[3] = '"Sector\tGender"'
    path = tmp_path / "hno.csv"
    path.write_text("\n".join([",".join(header)] + lines[2:50]) + "\n", encoding="utf-8")
    table = read_table(path)
    assert "Sector Gender" in table.data.columns and "Sector Gender_2" in table.data.columns
    assert any("appear twice" in w for w in table.warnings)
