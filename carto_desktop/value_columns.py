"""Which columns a map may add up or average, and which one it takes when the person names none.

A table of statistics (IOM DTM: a row per commune) holds P-codes written as digits, IDs, GPS
coordinates and dates beside its totals; adding up any of those gives a map of silently wrong
figures. Only columns of numbers qualify (the detected role "number", or the person's own word
in the Data step), never one kept out as personal or marked "ignore", and columns whose names
say a headcount or a total come first: the total of individuals before households, then the
table's order. The Style step's "Sum of a column" (`edits.ChooseAggregation`) takes the first;
a count map names the first three (`project.prepare_map`'s notice). Light: no pandas, so the
app's window can use it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from carto_desktop.choices import IGNORE

NUMBER = "number"  # the role of a column of numbers (`intake.roles`)

# words of a column's name, accents removed, lower case, "_" and "#" as spaces
_TOTAL = re.compile(r"\btotal|\bsomme\b|\bsum\b")
_INDIVIDUALS = re.compile(r"individ|\bind\b|\bpersonn|\bperson|\bpeople\b|\bidps?\b|\bpdi\b|\bpin\b|benefici"
                          r"|refug|retourn|\breturn|deplace|displaced|\benfants?\b|\bchildren\b|\bpopulation\b")
_HOUSEHOLDS = re.compile(r"\bmenages?\b|\bhouseholds?\b|\bhh\b|\bfamilles?\b|\bfamil(y|ies)\b")


def _words(column: str) -> str:
    text = unicodedata.normalize("NFKD", str(column)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


def says_headcount(column: str) -> bool:
    """Whether a column's name says it counts people or households, or is a total."""
    words = _words(column)
    return bool(_TOTAL.search(words) or _INDIVIDUALS.search(words) or _HOUSEHOLDS.search(words))


def _rank(column: str) -> tuple[bool, bool, bool]:
    words = _words(column)
    individuals = bool(_INDIVIDUALS.search(words))
    households = bool(_HOUSEHOLDS.search(words))
    people = individuals or households
    return (not _TOTAL.search(words) and not people,  # a total or a headcount first
            not (_TOTAL.search(words) and people),  # a total of people before other headcounts
            households and not re.search(r"individ|\bind\b|\bpersonn|\bpeople\b", words))  # people before households


def value_columns(numbers: Iterable[str], roles: Mapping[str, str] | None = None,
                  left_out: Iterable[str] = (), columns: Iterable[str] | None = None) -> list[str]:
    """The columns a map may add up, best first.

    `numbers`: the columns detected as numbers, in table order; `roles`: the person's word on columns
    (`Project.roles`: a column they call a number is one, one they give another role or "ignore" is not);
    `left_out`: columns kept out as personal (`Project.excluded_columns`); `columns`: the table's columns in
    order, to place the columns the person calls numbers (else they come after the detected ones).
    """
    roles = dict(roles or {})
    out = set(left_out)
    chosen = [c for c, spec in roles.items() if spec.partition(":")[0] == NUMBER]
    candidates = list(dict.fromkeys([*numbers, *chosen]))
    if columns is not None:
        order = {c: i for i, c in enumerate(columns)}
        candidates.sort(key=lambda c: order.get(c, len(order)))
    kept = [c for c in candidates if c not in out and roles.get(c, NUMBER).partition(":")[0] == NUMBER
            and roles.get(c) != IGNORE]
    return sorted(kept, key=_rank)  # stable: the table's order among equals


def default_value_column(numbers: Iterable[str], roles: Mapping[str, str] | None = None,
                         left_out: Iterable[str] = (), columns: Iterable[str] | None = None) -> str | None:
    """The column a sum or an average takes when the person names none (None: no column of numbers)."""
    return next(iter(value_columns(numbers, roles, left_out, columns)), None)
