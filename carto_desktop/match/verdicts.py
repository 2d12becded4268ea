"""What matching says about a row: the shared vocabulary of `matcher`, `points` and `gazetteer`.

A `Verdict` is how one distinct value was matched (or why it needs a person); `MatchResult`
is every input row with its verdict as the `MATCH_COLUMNS`. Candidates are `Candidate`
records (area id, name, score); in a table cell they are written "Ségou (ML0406) 92; San
(ML0405) 71" (`format_candidates`) and read back by `parse_candidates`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the app's window reads `Candidate`s: no pandas nor geopandas for it
    import pandas as pd

    from carto_desktop.match.boundary_keys import BoundaryKeys

MATCHED, REVIEW, UNMATCHED = "matched", "review", "unmatched"
MATCH_COLUMNS = ["match_id", "match_name", "match_score", "match_method", "match_status", "match_candidates"]
TOP_CANDIDATES = 3
_CANDIDATE = re.compile(r"^(.*) \(([^()]*)\) ([\d.]+)$")


class Candidate(NamedTuple):
    """An area a person may choose for a value, and how close its name is (0-100)."""

    area_id: str
    name: str
    score: float


class Verdict(NamedTuple):
    """How one distinct key value (under one parent) was matched (a record made once per distinct
    value: 10,000 P-codes make 10,000 of them, a NamedTuple in a third of a frozen dataclass's time)."""

    area_id: str | None
    score: float
    method: str
    status: str
    candidates: tuple[Candidate, ...] = ()


@dataclass
class MatchResult:
    """Every input row with its match, plus what was matched on."""

    rows: pd.DataFrame  # the input columns followed by MATCH_COLUMNS
    key_column: str
    keys: BoundaryKeys
    counts: dict[str, int] = field(default_factory=dict)
    parent_column: str | None = None
    unknown_parents: list[str] = field(default_factory=list)  # parent cells no area matched: rows matched without parent
    credits: list[str] = field(default_factory=list)  # sources used beyond table and layer (the gazetteer's)
    notes: list = field(default_factory=list)  # `Notice`s: what matching read differently from the table's writing

    @property
    def matched(self) -> pd.DataFrame:
        return self.rows[self.rows["match_status"] == MATCHED]

    @property
    def to_review(self) -> pd.DataFrame:
        return self.rows[self.rows["match_status"] != MATCHED]


def candidates_among(names: Mapping[str, str], areas: Iterable[str], score: float) -> tuple[Candidate, ...]:
    """The first areas (by id) of a set that all fit equally well, as candidates of one score."""
    return tuple(Candidate(a, names[a], round(float(score), 1)) for a in sorted(areas)[:TOP_CANDIDATES])


def result_table(data: pd.DataFrame, per_row: Sequence[Verdict], names: Mapping[str, str], key_column: str,
                 keys: BoundaryKeys, parent_column: str | None = None,
                 unknown_parents: Sequence[str] = ()) -> MatchResult:
    """The input rows followed by the match columns, one verdict per row, and the counts."""
    out = data.copy()
    out["match_id"] = [v.area_id for v in per_row]
    out["match_name"] = [names.get(v.area_id) if v.area_id else None for v in per_row]
    out["match_score"] = [v.score for v in per_row]
    out["match_method"] = [v.method for v in per_row]
    out["match_status"] = [v.status for v in per_row]
    # most rows have no candidates: 24,088 calls of the formatter cost 9 ms on the sample
    out["match_candidates"] = [format_candidates(v.candidates) if v.candidates else None for v in per_row]
    counts = out["match_status"].value_counts().to_dict()
    counts = {s: int(counts.get(s, 0)) for s in (MATCHED, REVIEW, UNMATCHED)}
    return MatchResult(rows=out, key_column=key_column, keys=keys, counts=counts, parent_column=parent_column,
                       unknown_parents=list(unknown_parents))


def format_candidates(candidates: Sequence[Candidate]) -> str | None:
    """"Ségou (ML0406) 92; San (ML0405) 71": what a person chooses from."""
    return "; ".join(f"{c.name} ({c.area_id}) {c.score:g}" for c in map(Candidate._make, candidates)) or None


def parse_candidates(text: object) -> list[Candidate]:
    """The candidates back from a `match_candidates` cell."""
    if not isinstance(text, str) or not text:
        return []
    out = []
    for part in text.split("; "):
        m = _CANDIDATE.match(part)
        if m:
            out.append(Candidate(m.group(2), m.group(1), float(m.group(3))))
    return out
