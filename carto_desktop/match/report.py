"""The match table a person reviews: every input row plus the match columns, as CSV."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from carto_desktop.errors import ExportError
from carto_desktop.files import spreadsheet_safe, write_atomically
from carto_desktop.match.verdicts import MatchResult


def write_match_csv(result: MatchResult, path: str | Path, leave_out: Sequence[str] = ()) -> Path:
    """UTF-8 with BOM so Excel opens accents right; written atomically; cells that Excel would run
    as formulas written as text (`files.spreadsheet_safe`).

    `leave_out`: columns not to write (personal data the review does not need).
    """
    if Path(path).suffix.lower() not in {".csv", ".txt"}:
        raise ExportError("The match results could not be written: {reason}.",
                          hint="Use a file name ending in .csv.", file=path, reason="not a .csv file name")
    rows = result.rows.drop(columns=[c for c in leave_out if c in result.rows.columns and c != result.key_column])
    rows = spreadsheet_safe(rows)  # "=…" from a partner's table never runs as a formula in Excel
    return write_atomically(path, lambda tmp: rows.to_csv(tmp, index=False, encoding="utf-8-sig"))
