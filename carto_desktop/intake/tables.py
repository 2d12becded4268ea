"""Spreadsheets and CSV files as they arrive from partners.

Every cell is kept as text (P-codes keep their leading zeros; numbers are parsed
only where a number is asked for). The header is found even under title rows, a
header spread over two rows by merged cells is joined, HXL tag rows under the header
are recognised and removed, and fully empty rows and columns are dropped. Row numbers
reported to the user are the row numbers the user sees in their spreadsheet.

Text files: the encoding is detected (UTF-8 with or without BOM, UTF-16 from Excel's
"Unicode text", Windows-1252 from French Excel, Mac Roman from older Macs), and so is
the delimiter (`,` `;` tab `|`). A file whose content does not match its name (an
.xlsx renamed .csv, a CSV named .xls) is read for what it is, and the user is told.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import threading
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from carto_desktop.errors import DataError
from carto_desktop.intake.guard import can_guard, guarded
from carto_desktop.intake.notices import Notice
from carto_desktop.limits import MAX_COLUMNS, MAX_SHEET_CELLS
from carto_desktop.intake.safety import check_zip, is_zip, read_member
from carto_desktop.intake.sheet_span import SheetSpan

TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".tab"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SEARCH_ROWS = 30  # title rows above the header are looked for this far down

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_NUMBERISH = re.compile(r"^[-+]?[\d\s\u00a0\u202f.,']*\d[\d\s\u00a0\u202f.,']*%?$")


@dataclass
class Table:
    """A table read from a file: its data (all text) and where each row came from."""

    data: pd.DataFrame
    path: Path
    sheet: str | None = None
    row_numbers: list[int] = field(default_factory=list)  # file row of each data row
    hxl_tags: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # `Notice`s: English str + text(lang)
    header_row: int | None = None  # file row of the (last) header row
    encoding: str | None = None  # text files: the encoding that was used
    delimiter: str | None = None  # text files: the column separator that was used

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
    if p.is_dir():
        raise DataError(
            "This is a folder, not a file.",
            hint="Choose the file itself (for a shapefile, the .shp file inside the folder).",
            file=p,
        )
    if not p.is_file():
        raise DataError("The file does not exist.", hint="Check the path, or choose the file again.", file=p)
    return p


def _head(p: Path, n: int = 65536) -> bytes:
    with open(p, "rb") as f:
        return f.read(n)


def _content_kind(p: Path) -> str:
    """What the bytes say the file is: "zip" (xlsx/ods), "ole" (xls), "html" or "text"."""
    head = _head(p)
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table")):
        return "html"
    return "text"


def list_sheets(path: str | Path) -> list[str]:
    """Visible sheets of a workbook, in order (hidden helper sheets left out).

    A "workbook" that is really a CSV or a web page has no sheets: `[]` (then
    `read_table` reads it as text, or says what it is).
    """
    from python_calamine import SheetVisibleEnum

    p = check_local_path(path)
    if p.stat().st_size and _content_kind(p) in ("text", "html"):
        return []
    def names() -> list[str]:
        wb = _open_workbook(p)
        return [m.name for m in wb.sheets_metadata if m.visible == SheetVisibleEnum.Visible]

    return names() if _is_xlsx(p) or not can_guard() else guarded(names, p)


def read_table(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> Table:
    """Read a CSV/TXT or spreadsheet into a `Table` of text cells.

    `header_row` (the row number shown in the spreadsheet) overrides header detection. A read of
    the same file started ahead (`read_ahead`, the command line) is taken instead.
    """
    ahead = _AHEAD.pop(_ahead_key(path, sheet, header_row), None) if _AHEAD else None
    if ahead is not None:
        return ahead.result()
    return read_now(path, sheet, header_row)


# A table read on a thread while the command line imports the map stack. `carto-desktop render` and
# `demo` spend their first half second importing pandas, geopandas and matplotlib, holding Python's
# lock; python-calamine parses a workbook's XML without it (0.12-0.15 s of the sample's 0.25 s read),
# so started before those imports the read overlaps them on a second core. Keyed by the file's path,
# sheet, header row, size and modification time: a file changed since is read again. Only the command
# line reads ahead; the app's engine process reads tables when the person chooses them.
_AHEAD: dict[tuple, Future] = {}


def _ahead_key(path: str | Path, sheet: str | None, header_row: int | None) -> tuple | None:
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return os.path.abspath(path), sheet, header_row, stat.st_mtime_ns, stat.st_size


def read_ahead(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> None:
    """Begin `read_table(path, sheet, header_row)` on a daemon thread; `read_table` then takes its table, or
    raises its error, as if read there (nothing is started for a file that cannot be found)."""
    key = _ahead_key(path, sheet, header_row)
    if key is None or key in _AHEAD:
        return
    p = Path(path)
    if p.suffix.lower() not in TEXT_SUFFIXES and not _is_xlsx(p):
        return  # an .xls or .ods is read in a forked child (`guard`): never forked from a thread mid-import
    future: Future = Future()

    def read() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(read_now(path, sheet, header_row))
        except BaseException as exc:  # noqa: BLE001 - raised again where the table is wanted
            future.set_exception(exc)

    _AHEAD[key] = future
    threading.Thread(target=read, name="carto-read-ahead", daemon=True).start()


def read_now(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> Table:
    """`read_table` on this thread, never from a read ahead."""
    p = check_local_path(path)
    suffix = p.suffix.lower()
    if p.stat().st_size == 0:
        raise DataError(
            "The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p
        )
    if suffix not in TEXT_SUFFIXES | SHEET_SUFFIXES:
        raise DataError(
            "This kind of file cannot be read as a table ({suffix}).",
            hint="Save it as CSV or Excel (.xlsx) and open it again.",
            file=p,
            suffix=suffix or "?",
        )
    kind = _content_kind(p)
    notes: list[str] = []
    encoding = delimiter = None
    if kind == "html":
        raise DataError(
            "The file is a web page saved under a spreadsheet name, not a real spreadsheet.",
            hint="Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
            file=p,
        )
    if kind == "text":
        if suffix in SHEET_SUFFIXES:
            notes.append(Notice("The file is named {suffix} but holds plain text; it was read as a CSV file.",
                                suffix=suffix))
        rows, encoding, delimiter, more, scientific = _read_text_rows(p)
        notes += more
        sheet = None
    else:
        if suffix in TEXT_SUFFIXES:
            notes.append(Notice("The file is named {suffix} but is really a spreadsheet; it was read as one.",
                                suffix=suffix))
        rows, sheet, more = _read_sheet_rows(p, sheet, kind)
        notes += more
    table = _table_from_frame(rows, p, sheet, header_row)
    if kind == "text" and scientific:
        notes += _numbers_in_scientific_notation(table)
    table.warnings[:0] = notes
    table.encoding, table.delimiter = encoding, delimiter
    return table


# --- text files -------------------------------------------------------------------

_ENCODING_NAMES = {"utf-16": "UTF-16", "cp1252": "Windows-1252", "mac_roman": "Mac Roman", "latin-1": "Latin-1"}
# letters a French, Portuguese or Spanish text is made of; a wrong 8-bit guess gives symbols
_LETTERS = set("éèêëàâäîïôöùûüçœæÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŒÆñÑáíóúÁÍÓÚãõÃÕ")
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode_text(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was in (a Python codec name).

    BOMs first; then UTF-8 if it decodes; else the 8-bit encoding (Windows-1252 or Mac
    Roman) whose decoding gives the most accented letters, since the wrong one turns
    them into symbols ("H\\x99pital" vs "Hôpital").
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    sample = raw[:4000]
    if len(sample) > 8 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
        return raw.decode("utf-16-le", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(raw)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    high = bytes(b for b in raw if b >= 0x80)
    scores = {}
    for enc in ("cp1252", "mac_roman"):
        if enc == "cp1252" and _CP1252_HOLES & set(high):
            continue
        scores[enc] = sum(ch in _LETTERS for ch in high.decode(enc, errors="replace"))
    if not scores:
        return raw.decode("latin-1"), "latin-1"
    best = max(scores, key=lambda e: (scores[e], e == "cp1252"))
    return raw.decode(best, errors="replace"), best


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode_mixed(raw: bytes) -> str | None:
    """UTF-8 with a few Windows-1252 bytes (files pasted together), or None if not that.

    Mostly UTF-8 means its accented letters are real UTF-8 sequences and only a few
    bytes fail; those are read one by one as Windows-1252.
    """
    valid = len(_UTF8_SEQUENCE.findall(raw))
    if valid == 0:
        return None
    text = raw.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    if not (valid >= 3 or valid * 5 >= bad):  # a stray valid pair in Windows-1252 text is chance
        return None
    return "".join(bytes([ord(ch) - 0xDC00]).decode("cp1252", errors="replace") if "\udc80" <= ch <= "\udcff" else ch
                   for ch in text)


def sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits the first lines into the most, and most regular, columns."""
    best, best_score = ",", (-1.0, 0)
    for delim in (",", ";", "\t", "|"):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        score = (counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_text_rows(p: Path) -> tuple[pd.DataFrame, str, str, list[str], bool]:
    """The file's cells, encoding, delimiter, notes, and whether it holds long numbers in scientific notation."""
    raw = p.read_bytes()
    text, encoding = decode_text(raw)
    notes: list[str] = []
    if "\x00" in text[:65536]:
        raise DataError(
            "The file is not a text table: it contains binary data.",
            hint="Check that you chose the right file; save tables from Excel as CSV or .xlsx.",
            file=p,
        )
    if encoding == "utf-8+cp1252":
        notes.append(Notice("The file mixes two encodings (UTF-8 and Windows-1252, as when files are pasted together); both were read. Check that accents look right."))
    elif encoding not in ("utf-8", "utf-8-sig"):
        notes.append(Notice("The file is not in UTF-8; it was read as {encoding}. Check that accents look right.",
                            encoding=_ENCODING_NAMES.get(encoding, encoding)))
    if "\ufffd" in text:
        notes.append(Notice("Some characters could not be decoded and show as \"\ufffd\"."))
    sep_line = re.match(r"^\s*sep=(.)\s*?\r?\n", text[:20])  # Excel's "sep=;" first line
    if sep_line:
        delimiter = sep_line.group(1)
        frame = _parse_text(text[sep_line.end():], delimiter, p)
        frame.index = frame.index + 1  # row numbers still count the sep= line
        frame = pd.concat([pd.DataFrame([[None] * len(frame.columns)], columns=frame.columns, dtype=object), frame])
        return frame.reset_index(drop=True), encoding, delimiter, notes, _holds_scientific(text)
    head_lines = [ln for ln in text[:200_000].splitlines()[:60] if ln.strip()]
    delimiter = sniff_delimiter(head_lines) if head_lines else ","
    return _parse_text(text, delimiter, p), encoding, delimiter, notes, _holds_scientific(text)


# a long number as a spreadsheet writes it in a CSV when the cell shows it so: "9.00719E+15", "2,25071E+10"
_SCIENTIFIC = re.compile(r"(?<=\d)[eE]\+[12]\d\b")
_SCIENTIFIC_CELL = re.compile(r"[-+]?\d(?:[.,]\d+)?[eE]\+[12]\d").fullmatch


def _holds_scientific(text: str) -> bool:
    """Whether a text file holds a number of 11 digits and more in scientific notation (looked for only
    where "E+" is: 2 ms per MB)."""
    return ("E+" in text or "e+" in text) and bool(_SCIENTIFIC.search(text))


def _numbers_in_scientific_notation(table: Table) -> list[Notice]:
    """Columns of a text file holding numbers of 11 digits and more in scientific notation: a spreadsheet
    saved codes (IDs, phone numbers) as numbers, and the file holds only their first digits. Said, never
    read as the code: the digits are not in the file."""
    notes = []
    for column in table.data.columns:
        found = [c for c in table.data[column].tolist() if type(c) is str and _SCIENTIFIC_CELL(c)]
        if found:
            notes.append(Notice("Column \"{column}\": {count} cells hold long numbers in scientific notation (such "
                                "as {value}): if they are codes (IDs, phone numbers), the spreadsheet that saved the "
                                "file kept only their first digits. Format the column as text in the spreadsheet and "
                                "save the file again.", column=str(column), count=len(found), value=found[0]))
    return notes


def _parse_text(text: str, delimiter: str, p: Path) -> pd.DataFrame:
    """All records as a frame of stripped text ("" when empty), one row per record.

    pandas' C parser does the work (a 100,000-row file in a fraction of a second); the
    csv module takes over for files whose rows are longer than the first ones.
    """
    sample = text[:200_000].splitlines()[:200]
    try:
        width = max((len(_trimmed(r)) for r in csv.reader(sample, delimiter=delimiter)), default=1) or 1
        _check_width(width, p)
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, names=range(width), dtype=object,
                            keep_default_na=False, na_values=[""], skip_blank_lines=False, engine="c",
                            quotechar='"', doublequote=True, index_col=False)
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        unclosed = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if unclosed:
            raise DataError(
                "A quote (\") opened in this row is never closed, so the rest of the file cannot be split into cells.",
                hint="Open the file in a text editor, close or remove the quote in that row, and save it again.",
                file=p,
                row=int(unclosed.group(1)) + 1,
            ) from exc
        try:  # rows longer than the first ones: each cut after its last filled cell (Excel's stray empty cells)
            rows = [_trimmed(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
        except csv.Error as exc:
            raise DataError(
                "The text file could not be read as a table.",
                hint="Check that it is a CSV file with one header row, or save it again from Excel as CSV UTF-8.",
                file=p,
            ) from exc
        width = max(map(len, rows), default=0)
        _check_width(width, p)
        if width * len(rows) > MAX_SHEET_CELLS:
            raise _span_error(p, None, len(rows), width)
        frame = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    return pd.DataFrame({c: _column_text(frame[c].to_numpy()) for c in frame.columns}, dtype=object)


def _trimmed(row: list) -> list:
    """The row without its empty cells after the last filled one."""
    end = len(row)
    while end and (row[end - 1] is None or (isinstance(row[end - 1], str) and not row[end - 1].strip())):
        end -= 1
    return row if end == len(row) else row[:end]


def _filled_width(rows: list[list]) -> int:
    """Columns up to the last filled cell of any row (what `_trimmed` leaves of the widest row),
    found from the right one column at a time: a sheet whose last column holds data is settled
    after one column instead of trimming all of its rows."""
    width = max(map(len, rows), default=0)
    while width:
        c = width - 1
        if any(len(r) > c and (v := r[c]) is not None and not (isinstance(v, str) and not v.strip()) for r in rows):
            return width
        width -= 1
    return 0


def _check_width(width: int, p: Path, sheet: str | None = None) -> None:
    """`limits.MAX_COLUMNS`: a wider table is refused before any per-column work."""
    if width > MAX_COLUMNS:
        raise DataError("The table has {count} columns; Carto Desktop reads at most {limit}.",
                        hint="Delete the columns you do not need (and any empty columns after your data), then save the file again.",
                        file=p, sheet=sheet, count=width, limit=MAX_COLUMNS)


# --- workbooks --------------------------------------------------------------------

def _password_error(p: Path, sheet: str | None = None) -> DataError:
    return DataError(
        "The workbook is protected by a password, so it cannot be read.",
        hint="Open it in Excel or LibreOffice with the password, save a copy without password, and open that copy.",
        file=p,
        sheet=sheet,
    )


def _damaged_error(p: Path, sheet: str | None = None) -> DataError:
    return DataError(
        "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.",
        hint="Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.",
        file=p,
        sheet=sheet,
    )


def _is_reader_failure(exc: BaseException) -> bool:
    """An error of the reader on a bad file: any Exception, or a panic of the Rust code
    under python-calamine (pyo3's PanicException is a BaseException); never Ctrl-C."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _open_workbook(p: Path):
    from python_calamine import CalamineWorkbook, PasswordError

    if p.stat().st_size == 0:
        raise DataError("The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p)
    head = _head(p, 1 << 20)
    if head.startswith(_OLE_MAGIC) and _ENCRYPTED in head:
        raise _password_error(p)
    if is_zip(p):
        check_zip(p)
    try:
        return CalamineWorkbook.from_path(str(p))
    except PasswordError as exc:
        raise _password_error(p) from exc
    except BaseException as exc:  # several unrelated types for bad files, even a Rust panic
        if not _is_reader_failure(exc):
            raise
        raise _damaged_error(p) from exc


EXACT_INTEGERS = 2 ** 53  # every whole number below it is exactly a spreadsheet number; above, not every one
_LONGEST_CODE = 1e21  # whole numbers below it are written out in digits (IDs, phone numbers), not as "9.0e+15"


def _cell_text(value: object, long: list[str] | None = None) -> str:
    """A cell as text; a whole number too long to be exact as a number (`EXACT_INTEGERS`) in all its digits,
    which are also added to `long`: the file's own writing of it is looked for (`_exact_digits`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if value.is_integer() and abs(value) < _LONGEST_CODE:
            text = str(int(value))  # 1234567890123456, not 1.23456789012346e+15
            if abs(value) >= EXACT_INTEGERS and long is not None:
                long.append(text)
            return text
        text = repr(value)
        return f"{value:.15g}" if len(text) > 17 else text  # 0.1+0.2 artefacts of Excel
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _float_text(value: float, long: list[str] | None = None) -> str:
    if value.is_integer() and -1e15 < value < 1e15:
        return str(int(value))
    return _cell_text(value, long)


def _column_text(values, long: list[str] | None = None) -> list[str | None]:
    """One column's cells as stripped text, None when empty; common columns take fast paths. Whole numbers
    too long to be exact as numbers are added to `long` (`_cell_text`)."""
    try:  # a column of text (str.strip refuses anything else), most often without an empty cell
        stripped = list(map(str.strip, values))
    except TypeError:
        pass
    else:
        return [t or None for t in stripped] if "" in stripped else stripped
    kinds = set(map(type, values))
    if kinds <= {str, float}:  # numbers with blanks ("" from calamine, NaN from the CSV parser)
        return [(v.strip() or None) if type(v) is str else (None if v != v else _float_text(v, long)) for v in values]
    return [_cell_text(v, long) or None for v in values]


def _read_sheet_rows(p: Path, sheet: str | None, kind: str) -> tuple[pd.DataFrame, str, list[str]]:
    """The sheet's cells. An .xlsx sheet's span is checked in its XML first (`_check_sheet_span`);
    an .xls or .ods workbook, whose cells cannot be checked before reading, is read in a guarded
    child process (`guard.guarded`): a damaged one made the reader ask for gigabytes and abort."""
    if _is_xlsx(p) or not can_guard():
        return _sheet_rows(p, sheet, kind)
    return guarded(lambda: _sheet_rows(p, sheet, kind), p, sheet)


def _is_xlsx(p: Path) -> bool:
    if not is_zip(p):
        return False
    import zipfile

    try:
        with zipfile.ZipFile(p) as z:
            return "xl/workbook.xml" in z.namelist()
    except Exception:  # noqa: BLE001 - a damaged zip: the reader says so
        return True


def _sheet_rows(p: Path, sheet: str | None, kind: str) -> tuple[pd.DataFrame, str, list[str]]:
    from python_calamine import PasswordError, SheetVisibleEnum

    wb = _open_workbook(p)
    visible = [m.name for m in wb.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    notes: list[str] = []
    if sheet is None:
        if not visible:
            raise DataError("The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p)
        sheet = visible[0]
        if len(visible) > 1:
            notes.append(Notice("Sheet \"{sheet}\" was read; the workbook also has: {others}.",
                                sheet=sheet, others=", ".join(visible[1:])))
    elif sheet not in wb.sheet_names:
        raise DataError(
            "The workbook has no sheet named \"{sheet}\"; it has: {sheets}.",
            hint="Choose one of the sheets listed.",
            file=p,
            sheet=sheet,
            sheets=", ".join(visible or wb.sheet_names),
        )
    if _is_xlsx(p):
        _check_sheet_span(p, sheet)
    try:
        raw = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except PasswordError as exc:
        raise _password_error(p, sheet) from exc
    except DataError:
        raise
    except BaseException as exc:
        if not _is_reader_failure(exc):
            raise
        raise _damaged_error(p, sheet) from exc
    width = _filled_width(raw)
    _check_width(width, p, sheet)
    if raw and width < len(raw[0]):
        raw = [r[:width] for r in raw]
    if len(set(map(len, raw))) <= 1:  # calamine's rows are all as wide: its columns without a frame between
        columns = list(zip(*raw))
    else:
        raw_frame = pd.DataFrame(raw, dtype=object)
        columns = [raw_frame[c].to_numpy() for c in raw_frame.columns]
    long: dict[int, list[str]] = {}
    frame = pd.DataFrame({c: _column_text(values, long.setdefault(c, [])) for c, values in enumerate(columns)},
                         dtype=object)
    if any(long.values()):
        notes.extend(_exact_digits(p, sheet, frame, {c: t for c, t in long.items() if t}))
    return frame, sheet, notes


_LONG_XLSX = re.compile(rb"<(?:\w+:)?v>\s*(-?\d{16,21})\s*</(?:\w+:)?v>")  # a number cell's value, as written
_LONG_ODS = re.compile(rb"office:value\s*=\s*[\"'](-?\d{16,21})[\"']")


def _exact_digits(p: Path, sheet: str, frame: pd.DataFrame, long: dict[int, list[str]]) -> list[Notice]:
    """Whole numbers too long to be exact as numbers (IDs, phone-like codes: 9007199254740993 is read as
    9007199254740992) written again with the digits the file holds: an .xlsx or .ods writes each number
    as text, found by its value when no other number of the file has the same. The others (an .xls holds
    only the number; two such numbers alike) are said, column by column. `frame` is changed in place."""
    import zipfile

    written: dict[str, set[str]] = {}
    try:
        with zipfile.ZipFile(p) as z:
            names = z.namelist()
            part = _sheet_part(z, sheet) if "xl/workbook.xml" in names else ""
        member, pattern = (part, _LONG_XLSX) if part in names else ("content.xml", _LONG_ODS)
        if member in names:
            for digits in pattern.findall(read_member(p, member)):
                text = digits.decode("ascii")
                written.setdefault(str(int(float(text))), set()).add(text.lstrip("0") or "0")
    except (zipfile.BadZipFile, OSError, DataError, ValueError):
        written = {}  # an .xls, or a damaged archive: nothing to read the digits from
    notes = []
    for column, texts in long.items():
        exact = {t: next(iter(written[t])) for t in set(texts) if len(written.get(t, ())) == 1}
        if exact:
            frame[column] = [exact.get(t, t) if t is not None else None for t in frame[column].tolist()]
        unsure = [t for t in texts if t not in exact]
        if unsure:
            notes.append(Notice("{count} whole numbers in column {letter} are too long to be stored exactly as "
                                "numbers (such as {value}): a spreadsheet keeps about 15 digits, so their last "
                                "digits may not be the ones typed. Store such codes as text.",
                                count=len(unsure), letter=_column_letters(column + 1), value=unsure[0]))
    return notes


def _check_sheet_span(p: Path, sheet: str) -> None:
    """`limits.MAX_SHEET_CELLS`: the worksheet's declared dimension and cell references, read from its XML
    before the reader sees it (a cell "ZZZZZZ1" made python-calamine ask for 18 TB and abort; `sheet_span.SheetSpan`)."""
    import zipfile

    try:
        with zipfile.ZipFile(p) as z:
            part = _sheet_part(z, sheet)
            names = [part] if part in z.namelist() else [n for n in z.namelist()
                                                          if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            for name in names:
                span = SheetSpan()
                tail = b""
                with z.open(name) as f:
                    while True:
                        block = f.read(1 << 25)
                        if not block:
                            break
                        chunk = tail + block
                        cut = chunk.rfind(b">") + 1  # tags are read whole; the rest waits for the next block
                        chunk, tail = chunk[:cut], chunk[cut:]
                        span.read(chunk)
                        rows, cols = span.farthest
                        if rows * cols > MAX_SHEET_CELLS or len(tail) > 1 << 24:
                            break
                rows, cols = span.farthest
                if rows * cols > MAX_SHEET_CELLS or len(tail) > 1 << 24:
                    raise _span_error(p, sheet, rows, cols)
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - zip or XML damage: the reader reports it
        del exc


def _span_error(p: Path, sheet: str | None, rows: int, cols: int) -> DataError:
    """`limits.MAX_SHEET_CELLS` exceeded: the farthest cell named as the spreadsheet names it."""
    return DataError(
        "The sheet reaches cell {cell}: {rows} rows × {columns} columns is more than Carto Desktop reads ({limit} cells).",
        hint="Delete the empty rows and columns after your data (or the stray cell) in Excel or LibreOffice, then save it again.",
        file=p, sheet=sheet, cell=f"{_column_letters(cols)}{rows}", rows=rows, columns=cols, limit=MAX_SHEET_CELLS)


def _column_letters(n: int) -> str:
    out = ""
    while n > 0 and len(out) < 12:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _sheet_part(z, sheet: str) -> str:
    """The XML part of the sheet named `sheet` (from workbook.xml and its relationships), or ""."""
    try:
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return ""
    from html import unescape

    for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", book):
        attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', m.group(1)))
        if unescape(attrs.get("name", "")) != sheet:
            continue
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
        for r in re.finditer(r"<Relationship\b([^>]*)/?>", rels):
            rattrs = dict(re.findall(r'(\w+)="([^"]*)"', r.group(1)))
            if rattrs.get("Id") == rid:
                target = rattrs.get("Target", "").lstrip("/")
                return target if target.startswith("xl/") else "xl/" + target
    return ""


# --- common -----------------------------------------------------------------------

def _is_hxl_row(values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and sum(v.startswith("#") and not v.startswith("#N/A") for v in filled) >= max(1, (len(filled) + 1) // 2)


def _filled(row: list[str]) -> int:
    return sum(1 for c in row if c)


def _is_textual(row: list[str]) -> bool:
    """Mostly words, as a header is, rather than numbers and dates, as data is."""
    filled = [c for c in row if c]
    numbers = sum(bool(_NUMBERISH.match(c)) or bool(re.match(r"^\d{4}-\d\d-\d\d", c)) for c in filled)
    return numbers * 2 < len(filled) or not filled


def _find_header(numbered: list[tuple[int, list[str]]]) -> int:
    """Index of the header among the first rows: the first wide, wordy, non-HXL row."""
    head = numbered[:HEADER_SEARCH_ROWS]
    widths = [_filled(r) for _, r in head]
    widest = max(widths)
    need = max(min(2, widest), math.ceil(0.5 * widest))
    wide = [i for i, (_, row) in enumerate(head) if widths[i] >= need and not _is_hxl_row(row)]
    # a header of years ("Région", "2021", "2022") is not wordy: then take the first wide row
    return next((i for i in wide if _is_textual(head[i][1])), wide[0] if wide else 0)


def _sub_header(header: list[str], below: list[str]) -> list[str] | None:
    """Column names joined over two header rows (merged cells above), or None.

    Joined only when the upper row leaves columns unnamed that the row below names,
    and the row below holds only words: "Population" over "Hommes" | "Femmes".
    """
    if _is_hxl_row(below) or not any(below):
        return None
    if any(c and _NUMBERISH.match(c) for c in below) or not _is_textual(below):
        return None
    if not any(b and not h for h, b in zip(header, below)):
        return None
    joined, parent = [], ""
    for h, b in zip(header, below):
        if h:
            parent = h
        top = h or parent
        joined.append(f"{top} {b}".strip() if b else top)
    return joined


def _table_from_frame(frame: pd.DataFrame, p: Path, sheet: str | None, header_row: int | None = None) -> Table:
    """The table in `frame` (text cells, None when empty; frame row i is file row i + 1)."""
    kept = np.flatnonzero(_filled_rows(frame)) if len(frame.columns) else np.array([], dtype=int)
    if not len(kept):
        raise DataError(
            "The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p, sheet=sheet
        )
    if header_row is not None:
        at = np.flatnonzero(kept == header_row - 1)
        if not len(at):
            raise DataError(
                "Row {header_row} is empty or beyond the end of the table, so it cannot be the header.",
                hint="Give the number of the row that holds the column names, as shown in the spreadsheet.",
                file=p,
                sheet=sheet,
                header_row=header_row,
            )
        first = int(at[0])
    else:
        first = 0
    # the few rows where the header can be: plain lists, for the heuristics
    head_pos = kept[first:first + HEADER_SEARCH_ROWS + 4] if header_row is not None else kept[:HEADER_SEARCH_ROWS + 4]
    numbered = [(int(i) + 1, ["" if v is None else v for v in frame.iloc[int(i)].tolist()]) for i in head_pos]
    notes: list[str] = []
    h = 0 if header_row is not None else _find_header(numbered[:HEADER_SEARCH_ROWS])
    if header_row is None and h > 0:
        notes.append(Notice("The header is row {row}; the {count} rows above it (titles) were skipped.",
                            row=numbered[h][0], count=h))
    header_rowno, header = numbered[h]
    used = h + 1  # rows of `numbered` that are header, not data
    if header_row is None and used < len(numbered) and used + 1 < len(kept) - first:
        joined = _sub_header(header, numbered[used][1])
        if joined is not None:
            notes.append(Notice("The header spans two rows (merged cells); column names were joined, e.g. \"{example}\".",
                                example=next(j for j, b in zip(joined, numbered[used][1]) if b)))
            header, header_rowno, used = joined, numbered[used][0], used + 1
    names = _unique_names(header)
    spaced = [" ".join(h.split()) for h in header]  # compared as `_unique_names` numbers them ("x" and "x\n")
    counts = Counter(spaced)
    repeated = sorted({h for h in spaced if h and counts[h] > 1})
    if repeated:
        example = next((n for n in names if n.startswith(repeated[0] + "_")), repeated[0])
        notes.append(Notice("Some column names appear twice ({names}); the repeats were numbered, e.g. \"{example}\".",
                            names=", ".join(repeated), example=example))
    hxl: dict[str, str] = {}
    while used < len(numbered) and _is_hxl_row(numbered[used][1]):  # some files have two HXL rows
        hxl = hxl or {n: t for n, t in zip(names, numbered[used][1]) if t}
        used += 1
    body_pos = kept[first + used:] if header_row is not None else kept[used:]
    if not len(body_pos):
        raise DataError(
            "The table has a header but no data rows.",
            hint="Check that you chose the right file and sheet.",
            file=p,
            sheet=sheet,
        )
    # without blank rows between them (the usual table), the data rows are one slice of the frame
    data = frame.iloc[body_pos] if body_pos[-1] - body_pos[0] + 1 != len(body_pos) else \
        frame.iloc[int(body_pos[0]):int(body_pos[-1]) + 1]
    data.columns = names
    # drop columns that are empty and unnamed (a stated range of 1 024 columns, say)
    keep = [c for c in data.columns if not c.startswith("column_") or data[c].notna().any()]
    data = data[keep]
    unnamed = [c for c in keep if c.startswith("column_")]
    if unnamed:
        notes.append(Notice("{count} columns have no name in the header; they were called {names}.",
                            count=len(unnamed), names=", ".join(unnamed[:5]) + ("…" if len(unnamed) > 5 else "")))
    return Table(
        data=data.reset_index(drop=True), path=p, sheet=sheet, row_numbers=(body_pos + 1).tolist(), hxl_tags=hxl,
        warnings=notes, header_row=header_rowno,
    )


def _filled_rows(frame: pd.DataFrame) -> np.ndarray:
    """Whether each row has a filled cell. The readers' cells are text or None, so a comparison with
    None says it (a third of the time of pandas' `notna`, which also looks for NaN and NaT)."""
    filled = np.zeros(len(frame), dtype=bool)
    for c in range(len(frame.columns)):
        filled |= frame.iloc[:, c].to_numpy() != None  # noqa: E711 - element-wise
    return filled


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(header):
        name = " ".join(name.split()) or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


def require_column(data: pd.DataFrame, column: str, file: str | Path | None = None) -> None:
    """Raise a clear OptionError, listing the table's own columns, when `column` is not one of them."""
    if column not in data.columns:
        from carto_desktop.errors import OptionError

        raise OptionError(
            "There is no column named \"{column}\".",
            hint="Columns in this table: {columns}.",
            file=file,
            column=column,
            columns=", ".join(str(c) for c in data.columns if not str(c).startswith("match_")),
        )
