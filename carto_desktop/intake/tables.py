"""Spreadsheets and CSV files as they arrive from partners.

Every cell is kept as text (P-codes keep their leading zeros; numbers are parsed
only where a number is asked for), an HXL tag row under the header is recognised and
removed, and fully empty rows and columns are dropped. Row numbers reported to the
user are the row numbers the user sees in their spreadsheet.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from carto_desktop.errors import DataError

TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


@dataclass
class Table:
    """A table read from a file: its data (all text) and where each row came from."""

    data: pd.DataFrame
    path: Path
    sheet: str | None = None
    row_numbers: list[int] = field(default_factory=list)  # file row of each data row
    hxl_tags: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def file_row(self, index: int) -> int:
        """The row number the user sees in the file for positional row `index`."""
        return self.row_numbers[index] if index < len(self.row_numbers) else index + 2


def check_local_path(path: str | Path) -> Path:
    """Refuse web addresses and GDAL virtual network paths: the app is offline."""
    text = str(path)
    lowered = text.lower()
    # "http://x" may reach here as "http:/x" once it has been through Path(); a drive
    # letter ("C:/") has a one-letter scheme and is a local path
    if re.match(r"^[a-z][a-z0-9+.-]+:/", lowered) or lowered.startswith(("/vsi", "\\vsi")):
        raise DataError(
            "Web addresses cannot be opened: Carto Desktop works offline.",
            hint="Download the file first, then open it from your computer.",
            file=text,
        )
    p = Path(path)
    if not p.is_file():
        raise DataError("The file does not exist.", hint="Check the path, or choose the file again.", file=p)
    return p


def list_sheets(path: str | Path) -> list[str]:
    """Visible sheets of a workbook, in order (hidden helper sheets left out)."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    p = check_local_path(path)
    wb = _open_workbook(p, CalamineWorkbook)
    return [m.name for m in wb.sheets_metadata if m.visible == SheetVisibleEnum.Visible]


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a CSV/TXT or spreadsheet into a `Table` of text cells."""
    p = check_local_path(path)
    suffix = p.suffix.lower()
    if p.stat().st_size == 0:
        raise DataError(
            "The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p
        )
    if suffix in TEXT_SUFFIXES:
        rows = _read_text_rows(p)
        sheet = None
    elif suffix in SHEET_SUFFIXES:
        rows, sheet = _read_sheet_rows(p, sheet)
    else:
        raise DataError(
            "This kind of file cannot be read as a table ({suffix}).",
            hint="Save it as CSV or Excel (.xlsx) and open it again.",
            file=p,
            suffix=suffix or "?",
        )
    return _table_from_rows(rows, p, sheet)


# --- text files -------------------------------------------------------------------

def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252 (French Excel)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_text_rows(p: Path) -> list[list[str]]:
    text = _decode(p.read_bytes())
    sample = "\n".join(text.splitlines()[:50])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        delimiter = max(counts, key=counts.get)
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise DataError(
            "The text file could not be read as a table.",
            hint="Check that it is a CSV file with one header row, or save it again from Excel as CSV UTF-8.",
            file=p,
        ) from exc


# --- workbooks --------------------------------------------------------------------

def _open_workbook(p: Path, workbook_cls):
    try:
        return workbook_cls.from_path(str(p))
    except Exception as exc:  # calamine raises several unrelated types for bad files
        raise DataError(
            "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.",
            hint="Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.",
            file=p,
        ) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


def _read_sheet_rows(p: Path, sheet: str | None) -> tuple[list[list[str]], str]:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    wb = _open_workbook(p, CalamineWorkbook)
    visible = [m.name for m in wb.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    if sheet is None:
        if not visible:
            raise DataError("The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p)
        sheet = visible[0]
    elif sheet not in wb.sheet_names:
        raise DataError(
            "The workbook has no sheet named \"{sheet}\"; it has: {sheets}.",
            hint="Choose one of the sheets listed.",
            file=p,
            sheet=sheet,
            sheets=", ".join(visible or wb.sheet_names),
        )
    try:
        raw = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except Exception as exc:
        raise DataError(
            "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.",
            hint="Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.",
            file=p,
            sheet=sheet,
        ) from exc
    return [[_cell_text(v) for v in row] for row in raw], sheet


# --- common -----------------------------------------------------------------------

def _is_hxl_row(values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and sum(v.startswith("#") for v in filled) >= max(1, len(filled) // 2)


def _table_from_rows(rows: list[list[str]], p: Path, sheet: str | None) -> Table:
    # spreadsheet row numbers start at 1; keep them while dropping blank rows
    numbered = [(i + 1, [c.strip() for c in r]) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not numbered:
        raise DataError(
            "The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p, sheet=sheet
        )
    width = max(len(r) for _, r in numbered)
    header_rowno, header = numbered[0]
    header = header + [""] * (width - len(header))
    body = numbered[1:]
    hxl: dict[str, str] = {}
    names = _unique_names(header)
    if body and _is_hxl_row(body[0][1]):
        tags = body[0][1] + [""] * (width - len(body[0][1]))
        hxl = {n: t for n, t in zip(names, tags) if t}
        body = body[1:]
    if not body:
        raise DataError(
            "The table has a header but no data rows.",
            hint="Check that you chose the right file and sheet.",
            file=p,
            sheet=sheet,
        )
    data = pd.DataFrame([r + [""] * (width - len(r)) for _, r in body], columns=names, dtype=object)
    data = data.replace("", None)
    # drop columns that are empty and unnamed (a stated range of 1 024 columns, say)
    data = data[[c for c in data.columns if data[c].notna().any() or not c.startswith("column_")]]
    return Table(
        data=data.reset_index(drop=True), path=p, sheet=sheet, row_numbers=[n for n, _ in body], hxl_tags=hxl
    )


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(header):
        name = name or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out
