"""Why a row was not matched automatically, in one plain sentence a person can act on.

`match_method` holds the matcher's short technical word ("close second", "bare stem");
the app's review table and reports show this sentence instead (French in messages/match.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from carto_desktop.i18n import translate
from carto_desktop.match.verdicts import REVIEW, UNMATCHED, Candidate, parse_candidates

REASONS: dict[str, str] = {
    "fuzzy name": "The spelling is close to an area's name, but not close enough to be sure.",
    "close second": "Two area names are about equally close.",
    "direction words differ": "The direction word (North, East…) is not the area's.",
    "name too short": "The name is too short to be sure.",
    "ambiguous name": "Several areas have this name.",
    "bare stem": "This is only part of several area names (such as \"Batha East\" and \"Batha West\").",
    "parent mismatch": "An area has this name, but in another region than your table says.",
    "parent not found": "The region your table gives is not in the boundary file.",
    "places in several areas": "Places with this name lie in several areas.",
    "village": "Only villages have this name; their positions are too rough to be sure.",
    "near a border": "A place with this name lies close to a border between areas.",
    "gazetteer": "A place with this name was found, but an area's name points elsewhere.",
    "unknown pcode": "This P-code is not in the boundary file.",
    "ambiguous code": "Several areas have this code once the leading zeros a spreadsheet dropped are restored.",
    "none": "No area has a name close to this one.",
    "empty": "The cell is empty.",
    "decision": "You chose to leave these rows off the map.",
    "outside areas": "The point lies outside every area.",
    "swapped coordinates": "Latitude and longitude seem to be swapped.",
    "missing coordinates": "The latitude or longitude is missing.",
    "unreadable coordinates": "The latitude or longitude cannot be read.",
    "zero coordinates": "The point is at 0, 0: the GPS had no position.",
    "out of range coordinates": "The latitude or longitude is out of range.",
}

SHORT: dict[str, str] = {  # the same in a few words, for a table column
    "fuzzy name": "Spelled differently",
    "close second": "Two names alike",
    "direction words differ": "Direction word differs",
    "name too short": "Name too short",
    "ambiguous name": "Several areas",
    "bare stem": "Part of several names",
    "parent mismatch": "In another region",
    "parent not found": "Unknown region",
    "places in several areas": "Places in several areas",
    "village": "Only villages",
    "near a border": "Near a border",
    "gazetteer": "Place and area differ",
    "unknown pcode": "Unknown P-code",
    "ambiguous code": "Several codes fit",
    "none": "Nothing close",
    "empty": "Empty cell",
    "decision": "Left off by you",
    "outside areas": "Outside every area",
    "swapped coordinates": "Latitude/longitude swapped?",
    "missing coordinates": "No coordinates",
    "unreadable coordinates": "Unreadable coordinates",
    "zero coordinates": "Point at 0, 0",
    "out of range coordinates": "Coordinates out of range",
}


# reasons that come from the places list (gazetteer): a name an area almost has is first a misspelling
PLACE_REASONS = frozenset({"village", "near a border", "places in several areas", "gazetteer"})
MISSPELLING_EDITS = 2  # letters added, dropped, changed or swapped ("Takieta" for "Takeita")


def probable_misspelling(value: str, candidates: list | tuple = ()) -> str | None:
    """The name of the area `value` is probably a misspelling of: a candidate area whose name (in its
    compared form) is within two letters of it, or None."""
    from rapidfuzz.distance import OSA

    from carto_desktop.names import name_key

    key = name_key(value)
    if len(key) < 5:
        return None
    close = [(OSA.distance(key, name_key(c[1])), str(c[1])) for c in candidates if len(c) > 1 and c[1]]
    close = [(d, name) for d, name in close if 0 < d <= MISSPELLING_EDITS]
    return min(close)[1] if close else None


def why_unsure(method: str, lang: str = "en", short: bool = False, value: str | None = None,
               candidates: list | tuple = ()) -> str:
    """The plain sentence (or, `short`, a few words) for a `match_method`; the method itself if
    it is not known here. A name the places list explains (villages, a border) but an area almost
    has (`value` and its `candidates`) is said as what it most likely is: a misspelling of that area."""
    if method in PLACE_REASONS and value:
        area = probable_misspelling(value, candidates)
        if area:
            return translate("Probably {area}, misspelt" if short else
                             "Probably a misspelling of {area}: the names differ by a letter or two. Villages also "
                             "have this name, but their positions are too rough to be sure.", lang, area=area)
    text = (SHORT if short else REASONS).get(method)
    return translate(text, lang) if text else method


@dataclass(frozen=True)
class Unsure:
    """A distinct key value not matched automatically: its rows, the matcher's word and its candidates."""

    value: str
    status: str  # "review" or "unmatched"
    rows: int
    method: str
    candidates: tuple[Candidate, ...]

    def why(self, lang: str = "en", short: bool = False) -> str:
        return why_unsure(self.method, lang, short=short, value=self.value, candidates=self.candidates)


def unsure_values(match) -> list[Unsure]:
    """The values the Match step lists and `carto-desktop match` counts, one per distinct key value (its
    first row's method and candidates), those to review first, then by rows: one list for both."""
    rows = match.rows
    todo = rows[rows["match_status"].isin([REVIEW, UNMATCHED])]
    out = [Unsure("" if value != value else str(value), str(group["match_status"].iloc[0]), int(len(group)),
                  str(group["match_method"].iloc[0]), tuple(parse_candidates(group["match_candidates"].iloc[0])))
           for value, group in todo.groupby(match.key_column, sort=False, dropna=False)]
    out.sort(key=lambda u: (u.status != REVIEW, -u.rows))
    return out
