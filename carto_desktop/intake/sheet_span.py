"""How far a worksheet reaches, read from its XML as python-calamine will read it.

calamine makes one block of rows × columns up to the farthest cell a sheet names, so a single
crafted reference ("ZZZZZZ1") made it ask for terabytes and abort the program. `SheetSpan` finds
that farthest cell before calamine sees the sheet, the way calamine places cells: every attribute
named `r` (rows' and cells'), in double or single quotes, after any whitespace, with spaces around
"=", column letters in either case, a row written with leading zeros; cells and rows written without
`r` (placed one after the other); elements with a namespace prefix (`<x:c>`); and the sheet's
declared `<dimension>`.

NumPy reads the XML as bytes: the attributes are found among the "=" signs, then only the
references with the most letters (or digits) are compared, letter by letter, so a 24,088-row
sheet (8.4 MB of XML) is read in about 35 ms (the regular expressions before took 40 ms and
missed all but ` r="ZZZZZZ1"`).
"""
from __future__ import annotations

import re

import numpy as np

MAX_LETTERS = 12  # a longer run is read as its first 12 letters: far beyond any limit already
MAX_DIGITS = 30

_SPACE = np.zeros(256, dtype=bool)
_SPACE[[32, 9, 10, 13]] = True
_LETTER = np.zeros(256, dtype=bool)
_LETTER[65:91] = _LETTER[97:123] = True
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[48:58] = True
_RANK = np.zeros(256, dtype=np.int64)  # a letter's number (A = a = 1), a digit's value
_RANK[65:91] = _RANK[97:123] = np.arange(1, 27)
_RANK[48:58] = np.arange(10)
_TAG_END = _SPACE.copy()  # what may follow an element's name
_TAG_END[[47, 62]] = True
_SPACED_EQUALS = re.compile(rb"[ \t\r\n]*=[ \t\r\n]*")
_ELEMENT_PREFIX = re.compile(rb"<(/?)[A-Za-z_][\w.-]*:")
_DIMENSION = re.compile(rb"<dimension\b[^>]*?[ \t\r\n]ref[ \t\r\n]*=[ \t\r\n]*[\"']([^\"']*)")
_REFERENCE = re.compile(rb"([A-Za-z]*)(\d*)")
_PAD = 64


def cell_span(xml: bytes) -> tuple[int, int]:
    """(rows, columns) up to the farthest cell a worksheet's XML names, declares or places."""
    span = SheetSpan()
    span.read(xml)
    return span.farthest


class SheetSpan:
    """The farthest cell of one worksheet, its XML read piece by piece (`read`, pieces cut after a ">").

    Besides references, calamine places a cell written without `r` one column right of the cell
    before it in its row, and a row without `r` one below the row before it; so the farthest cell is at
    most the farthest reference plus the most such cells in one row, and as many rows down as there
    are rows without `r` (exact for a sheet written wholly without references).
    """

    def __init__(self) -> None:
        self.rows = self.columns = 0  # the farthest references, <dimension> included
        self._rows_without = 0  # <row>s without r
        self._most_cells_without = 0  # the most <c>s without r in one row
        self._open_cells_without = 0  # in the row still open at the end of the last piece

    @property
    def farthest(self) -> tuple[int, int]:
        return self.rows + self._rows_without, self.columns + self._most_cells_without

    def read(self, xml: bytes) -> None:
        """Take one more piece of the sheet's XML into account."""
        if not xml:
            return
        a = np.frombuffer(xml + b"\0" * _PAD, dtype=np.uint8)
        equals = np.flatnonzero(a == 61)
        equals = equals[equals >= 2]
        named_r = equals[a[equals - 1] == 114]
        if _SPACE[a[equals - 1]].any() or _SPACE[a[named_r + 1]].any():  # r = "A1" is XML too
            return self.read(_SPACED_EQUALS.sub(b"=", xml))
        colons = np.flatnonzero(a == 58)  # few: <x:c> is read by its local name, as calamine does
        if ((a[colons + 1] == 99) & _TAG_END[a[colons + 2]]).any() or \
                ((a[colons + 1] == 114) & (a[colons + 2] == 111) & (a[colons + 3] == 119) & _TAG_END[a[colons + 4]]).any():
            return self.read(_ELEMENT_PREFIX.sub(rb"<\1", xml))
        equals = named_r[_SPACE[a[named_r - 2]]]  # ` r=`: the attribute r of a <row> or a <c>
        self._references(a, equals + 1 + ((a[equals + 1] == 34) | (a[equals + 1] == 39)))
        self._without_references(a, equals)
        dimension = _DIMENSION.search(xml)
        if dimension:
            for ref in dimension.group(1).split(b":"):
                r, c = reference(ref)
                self.rows, self.columns = max(self.rows, r), max(self.columns, c)

    def _references(self, a: np.ndarray, starts: np.ndarray) -> None:
        """The farthest row and column the references starting at `starts` name."""
        if not len(starts):
            return
        letters = np.zeros(len(starts), dtype=np.int64)
        if _LETTER[a[starts]].any():  # rows' references have none
            letters = _run_lengths(a, starts, _LETTER, MAX_LETTERS)
            self.columns = max(self.columns, _largest(a, starts, letters, MAX_LETTERS))
        digits = starts + letters
        lengths = _run_lengths(a, digits, _DIGIT, MAX_DIGITS)
        zero = (a[digits] == 48) & (lengths > 0)
        if zero.any():  # "A007": leading zeros make a long run small; read those exactly (no writer makes them)
            self.rows = max(self.rows, *(int(bytes(a[d:d + n]).decode())
                                         for d, n in zip(digits[zero].tolist(), lengths[zero].tolist())))
            digits, lengths = digits[~zero], lengths[~zero]
        self.rows = max(self.rows, _largest(a, digits, lengths, MAX_DIGITS, base=10))

    def _without_references(self, a: np.ndarray, equals: np.ndarray) -> None:
        """Count the <row>s and, per row, the <c>s written without r (`equals`: the "="s of the r's)."""
        tags = np.flatnonzero(a == 60)
        after = a[tags + 1]
        cells = tags[after == 99]
        cells = cells[_TAG_END[a[cells + 2]]]
        rows = tags[after == 114]
        rows = rows[(a[rows + 2] == 111) & (a[rows + 3] == 119) & _TAG_END[a[rows + 4]]]
        # the usual sheet: every <c r=…> and <row r=…> has r first, nothing to count
        in_cell = (a[equals - 3] == 99) & (a[equals - 4] == 60)
        others = equals[~in_cell]
        in_row = (a[others - 3] == 119) & (a[others - 4] == 111) & (a[others - 5] == 114) & (a[others - 6] == 60)
        if int(in_cell.sum()) == len(cells) and int(in_row.sum()) == len(rows) and not self._open_cells_without:
            return
        ends = tags[after == 47]
        ends = ends[(a[ends + 2] == 114) & (a[ends + 3] == 111) & (a[ends + 4] == 119) & _TAG_END[a[ends + 5]]]
        owner = tags[np.searchsorted(tags, equals) - 1]  # the "<" of the element each r belongs to
        cells, rows = cells[~np.isin(cells, owner)], rows[~np.isin(rows, owner)]
        self._rows_without += len(rows)
        per_row = np.bincount(np.searchsorted(ends, cells), minlength=len(ends) + 1)
        per_row[0] += self._open_cells_without
        self._most_cells_without = max(self._most_cells_without, int(per_row.max()))
        self._open_cells_without = int(per_row[-1])


def _run_lengths(a: np.ndarray, starts: np.ndarray, member: np.ndarray, limit: int) -> np.ndarray:
    """How many bytes from each start belong to `member`, up to `limit`."""
    lengths = np.zeros(len(starts), dtype=np.int64)
    run = np.ones(len(starts), dtype=bool)
    for k in range(limit):
        run &= member[a[starts + k]]
        if not run.any():
            break
        lengths += run
    return lengths


def _largest(a: np.ndarray, starts: np.ndarray, lengths: np.ndarray, limit: int, base: int = 26) -> int:
    """The largest number written by runs of letters (base 26, A = 1) or of digits without leading zeros:
    among the longest runs, those with the greatest first character, then second…"""
    longest = int(lengths.max(initial=0))
    if not longest:
        return 0
    top = starts[lengths == longest]
    number = 0
    for k in range(min(longest, limit)):
        ranks = _RANK[a[top + k]]
        best = int(ranks.max())
        top = top[ranks == best]
        number = number * base + best
    return number


def reference(ref: bytes) -> tuple[int, int]:
    """(row, column) of one reference such as b"AB12" (A = column 1); (0, 0) for none."""
    letters, digits = _REFERENCE.match(ref.strip()).groups()
    column = 0
    for ch in letters.upper()[:MAX_LETTERS]:
        column = column * 26 + ch - 64
    return int(digits[:MAX_DIGITS] or 0), column
