"""The match table a person reviews: every input row plus the match columns, as CSV."""
from __future__ import annotations

from pathlib import Path

from carto_desktop.errors import ExportError
from carto_desktop.export import write_atomically
from carto_desktop.match.matcher import MatchResult


def write_match_csv(result: MatchResult, path: str | Path) -> Path:
    """UTF-8 with BOM so Excel opens accents right; written atomically."""
    if Path(path).suffix.lower() not in {".csv", ".txt"}:
        raise ExportError("The match results could not be written: {reason}.",
                          hint="Use a file name ending in .csv.", file=path, reason="not a .csv file name")
    return write_atomically(path, lambda tmp: result.rows.to_csv(tmp, index=False, encoding="utf-8-sig"))
